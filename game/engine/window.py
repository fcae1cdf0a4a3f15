"""Hit windows: which judgement a signed timing error earns.

Convention: every window is a half-width in seconds, inclusive at its edge: an error e earns
PERFECT when |e| <= perfect_s, GREAT when |e| <= great_s, GOOD when |e| <= good_s, and lies outside
the window (no judgement: an overhit for a hit, a miss for a note) beyond good_s. Errors are
`hit time - note time`, so negative is early and positive is late. A timing scale multiplies every
half-width (below 1 tightens, above 1 loosens); practice speed would scale them again so they stay
constant in real time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Float seconds cannot hold 0.09 exactly: an error of "exactly 90 ms" computed as 1.09 - 1.0 comes
# out a hair above 0.09. One nanosecond of slack keeps the documented inclusive edges true.
EDGE_SLACK_S = 1e-9


class Judgement(StrEnum):
    """Persisted (replays, score history, JSON): do not rename."""

    PERFECT = "perfect"
    GREAT = "great"
    GOOD = "good"
    MISS = "miss"
    OVERHIT = "overhit"


HIT_JUDGEMENTS = (Judgement.PERFECT, Judgement.GREAT, Judgement.GOOD)


@dataclass(frozen=True, slots=True)
class HitWindows:
    perfect_s: float = 0.025
    great_s: float = 0.050
    good_s: float = 0.090

    def __post_init__(self) -> None:
        if not 0 < self.perfect_s <= self.great_s <= self.good_s:
            raise ValueError("hit windows must satisfy 0 < perfect <= great <= good")

    def scaled(self, scale: float) -> HitWindows:
        if not 0.1 <= scale <= 5.0:
            raise ValueError(f"timing scale must be between 0.1 and 5, got {scale}")
        return HitWindows(self.perfect_s * scale, self.great_s * scale, self.good_s * scale)

    @property
    def widest_s(self) -> float:
        return self.good_s

    def judge(self, error_s: float) -> Judgement | None:
        """The judgement for a signed error, or None outside the window."""
        size = abs(error_s) - EDGE_SLACK_S
        if size <= self.perfect_s:
            return Judgement.PERFECT
        if size <= self.great_s:
            return Judgement.GREAT
        if size <= self.good_s:
            return Judgement.GOOD
        return None
