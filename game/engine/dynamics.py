"""Hearing a hit as ghost, normal or accent from its velocity.

Thresholds are relative to the player's own recent hits on the same piece, because kits, pads and
players differ wildly in how hard "normal" is. Over the last `memory` velocities on that piece
(including this hit) a hit is a ghost below 35 % of the way from the softest to the hardest, an
accent above 65 % (YARG's published split). When those recent hits barely differ (a range under
`min_range`), fixed MIDI thresholds apply instead: ghost below 50, accent from 110. A keyboard's
fixed velocity therefore always reads as normal.
"""

from __future__ import annotations

from collections import deque

from game.chart.piece import Dynamic, KitPiece
from game.engine.hit import HitInput

GHOST_SHARE = 0.35
ACCENT_SHARE = 0.65
ABSOLUTE_GHOST_BELOW = 50
ABSOLUTE_ACCENT_FROM = 110


class DynamicsSense:
    def __init__(self, memory: int = 12, min_range: int = 30):
        self._memory = memory
        self._min_range = min_range
        self._recent: dict[KitPiece, deque[int]] = {}

    def sense(self, hit: HitInput) -> Dynamic:
        recent = self._recent.setdefault(hit.piece, deque(maxlen=self._memory))
        recent.append(hit.velocity)
        low, high = min(recent), max(recent)
        if high - low < self._min_range:
            if hit.velocity < ABSOLUTE_GHOST_BELOW:
                return Dynamic.GHOST
            return Dynamic.ACCENT if hit.velocity >= ABSOLUTE_ACCENT_FROM else Dynamic.NORMAL
        share = (hit.velocity - low) / (high - low)
        if share < GHOST_SHARE:
            return Dynamic.GHOST
        return Dynamic.ACCENT if share > ACCENT_SHARE else Dynamic.NORMAL
