"""Metre: where a tick sits in its bar, and how strong that position is.

The difficulty reducer (and anything else that needs to tell a backbeat from a sixteenth) asks one
question per tick: "on which grid does this tick fall?". The answer is the subdivision of the felt
beat: 1 = on a beat, 2 = half-beat, 3 = third of a beat (triplet eighths; plain eighths in compound
metre), 4 = sixteenths, and so on; `OFF_GRID` when the tick lies on none of the usual grids.

Invariants:
- bars restart at every time-signature change, as `TempoMap.grid` draws them;
- the felt beat is the denominator's note value, except in compound metres (6/8, 9/8, 12/8...),
  where it is the dotted quarter, three eighths;
- the answer depends on ticks only, never on tempo.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from game.chart.tempo import TempoMap, TimeSignature

SUBDIVISIONS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32)
OFF_GRID = 1_000


@dataclass(frozen=True, slots=True)
class MetricPosition:
    """Where one tick sits: its bar's beat count, the beat within the bar and the grid it lies on."""

    beats_per_bar: int
    beat_index: int  # 0 = the downbeat's beat
    subdivision: int  # 1 = on the beat; OFF_GRID when on none of SUBDIVISIONS
    compound: bool

    @property
    def on_beat(self) -> bool:
        return self.subdivision == 1

    @property
    def is_downbeat(self) -> bool:
        return self.on_beat and self.beat_index == 0

    @property
    def is_strong_beat(self) -> bool:
        """The downbeat, or the middle beat of a bar with an even number of beats (beat 3 of 4/4)."""
        if not self.on_beat:
            return False
        half = self.beats_per_bar // 2
        return self.beat_index == 0 or (self.beats_per_bar % 2 == 0 and self.beat_index == half)

    @property
    def eighth_grid(self) -> bool:
        """On the eighth-note grid: half-beats in simple metre, thirds of the beat in compound."""
        return self.subdivision <= (3 if self.compound else 2)


class Meter:
    """Answers `position(tick)` for one tempo map's time signatures."""

    __slots__ = ("_resolution", "_signatures", "_starts")

    def __init__(self, tempo_map: TempoMap):
        self._resolution = tempo_map.resolution
        self._signatures: tuple[TimeSignature, ...] = tempo_map.time_signatures
        self._starts = [sig.tick for sig in self._signatures]

    def position(self, tick: int) -> MetricPosition:
        sig = self._signatures[max(bisect_right(self._starts, tick) - 1, 0)]
        compound = is_compound(sig)
        beat_ticks = self._resolution * 4 / max(sig.denominator, 1) * (3 if compound else 1)
        beats_per_bar = max(sig.numerator // 3 if compound else sig.numerator, 1)
        offset = max(tick - sig.tick, 0)
        beat_float = offset / beat_ticks
        beat_number = int(beat_float)
        in_beat = offset - beat_number * beat_ticks
        return MetricPosition(beats_per_bar, beat_number % beats_per_bar, _subdivision(in_beat, beat_ticks), compound)


def is_compound(sig: TimeSignature) -> bool:
    return sig.denominator >= 8 and sig.numerator % 3 == 0 and sig.numerator >= 6


def _subdivision(in_beat: float, beat_ticks: float) -> int:
    """The coarsest grid (beat / n) that `in_beat` lies on, allowing for rounded tick values."""
    for n in SUBDIVISIONS:
        step = beat_ticks / n
        k = round(in_beat / step)
        # Editors round grid positions to whole ticks (a 16th triplet at 192 is 32, at 480 is 80,
        # but 1/24 of a beat at 192 is 8): accept half a tick of rounding.
        if abs(in_beat - k * step) <= 0.5:
            return n
    return OFF_GRID
