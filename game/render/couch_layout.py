"""Where things go on the two-player play screen, for a screen size.

Shared Kit (duet): one highway in the middle under a top band; the band holds the song card
(left), the team banner (centre: team score, sync, shared fever) and the mode card (right);
player 1's panel runs down the left column, player 2's down the right.

Versus: two highways side by side under a band of two player cards (one over each highway), the
lead strip between them (song title on top, the lead indicator below) and a narrow outer margin
beside each highway for its multiplier badge.

Boxes are (x, y, w, h) tuples so layouts hash cheaply as cache keys. Everything is designed at
720 px high and scaled with the height (`unit`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.render.hud import PlayLayout

Box = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class CouchLayout:
    size: tuple[int, int]
    highways: tuple[Box, ...]  # duet: one; versus: (left, right) on screen
    cards: tuple[Box, Box]  # duet: the player panels; versus: the cards above the highways (by screen side)
    centre: Box  # duet: the team banner; versus: the lead strip (song title at its top)
    corners: tuple[Box, Box]  # duet: song card and mode card; versus: the outer margins

    @property
    def unit(self) -> float:
        return self.size[1] / 720

    def rect(self, box: Box) -> pygame.Rect:
        return pygame.Rect(box)

    def over(self, box: Box) -> PlayLayout:
        """A single-player layout whose highway is `box`: popups and the count-in centre on it."""
        return PlayLayout(self.size, box, box, box)

    @property
    def whole(self) -> PlayLayout:
        return self.over((0, 0, *self.size))


def duet_layout(size: tuple[int, int], columns: int) -> CouchLayout:
    w, h = size
    u = h / 720
    band, margin = round(118 * u), round(24 * u)
    hw = min(round(w * 0.46), round(h * (0.5 + 0.07 * min(columns, 9))))
    x = (w - hw) // 2
    side = max(x - 2 * margin, 1)
    right = x + hw + margin
    low = band + margin // 2
    return CouchLayout(
        size,
        ((x, band, hw, h - band),),
        ((margin, low, side, h - low - margin), (right, low, side, h - low - margin)),
        (x, margin // 2, hw, band - margin),
        ((margin, margin // 2, side, band - margin), (right, margin // 2, side, band - margin)),
    )


def versus_layout(size: tuple[int, int]) -> CouchLayout:
    w, h = size
    u = h / 720
    band, edge, margin = round(124 * u), round(118 * u), round(12 * u)
    mid = round(w * 0.11)
    hw = (w - 2 * edge - mid) // 2
    right_x = edge + hw + mid
    return CouchLayout(
        size,
        ((edge, band, hw, h - band), (right_x, band, hw, h - band)),
        ((edge, margin, hw, band - 2 * margin), (right_x, margin, hw, band - 2 * margin)),
        (edge + hw, margin, mid, h - margin),
        ((0, band, edge, h - band), (right_x + hw, band, w - right_x - hw, h - band)),
    )
