"""Tempo map: integer ticks <-> float seconds, and the beat/bar grid.

Invariants: tempo changes are sorted by tick with the first at tick 0 (120 BPM is inserted when a
chart has none there); every segment stores its start time in seconds, computed once from integer
ticks, so converting a tick never accumulates rounding error note by note. Lookups bisect, so maps
with hundreds of changes cost O(log n) per tick (or one vectorised search for many ticks).
Time signatures affect only the drawn grid, never timing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

DEFAULT_BPM = 120.0


@dataclass(frozen=True, slots=True)
class TempoChange:
    tick: int
    bpm: float


@dataclass(frozen=True, slots=True)
class TimeSignature:
    tick: int
    numerator: int
    denominator: int  # the note value of one beat: 4 = quarter, 8 = eighth


@dataclass(frozen=True, slots=True)
class GridLine:
    """A beat line on the highway; `is_bar` marks the first beat of a bar."""

    tick: int
    time_s: float
    is_bar: bool


class TempoMap:
    """Converts ticks (at `resolution` ticks per quarter note) to seconds and back."""

    __slots__ = ("_seconds_per_tick", "_start_s", "_ticks", "resolution", "tempos", "time_signatures")

    def __init__(
        self,
        resolution: int,
        tempos: Iterable[TempoChange] = (),
        time_signatures: Iterable[TimeSignature] = (),
    ):
        if resolution <= 0:
            raise ValueError(f"resolution must be positive, got {resolution}")
        changes = _dedupe_by_tick(sorted(tempos, key=lambda t: t.tick))
        for change in changes:
            if not change.bpm > 0 or change.bpm == float("inf"):
                raise ValueError(f"tempo at tick {change.tick} must be a positive number, got {change.bpm}")
            if change.tick < 0:
                raise ValueError(f"tempo at negative tick {change.tick}")
        if not changes or changes[0].tick != 0:
            changes.insert(0, TempoChange(0, DEFAULT_BPM))
        signatures = _dedupe_by_tick(sorted(time_signatures, key=lambda s: s.tick))
        if not signatures or signatures[0].tick != 0:
            signatures.insert(0, TimeSignature(0, 4, 4))
        self.resolution = resolution
        self.tempos: tuple[TempoChange, ...] = tuple(changes)
        self.time_signatures: tuple[TimeSignature, ...] = tuple(signatures)
        self._ticks = np.array([c.tick for c in changes], dtype=np.int64)
        self._seconds_per_tick = np.array([60.0 / (c.bpm * resolution) for c in changes])
        starts = np.zeros(len(changes))
        if len(changes) > 1:
            spans = np.diff(self._ticks) * self._seconds_per_tick[:-1]
            starts[1:] = np.cumsum(spans)
        self._start_s = starts

    def seconds(self, tick: int) -> float:
        """The time of `tick` in seconds from tick 0."""
        k = bisect_right(self._ticks, tick) - 1 if tick >= 0 else 0
        return float(self._start_s[k] + (tick - self._ticks[k]) * self._seconds_per_tick[k])

    def seconds_many(self, ticks: Sequence[int] | np.ndarray) -> np.ndarray:
        """`seconds` for many ticks at once."""
        arr = np.asarray(ticks, dtype=np.int64)
        k = np.maximum(np.searchsorted(self._ticks, arr, side="right") - 1, 0)
        return self._start_s[k] + (arr - self._ticks[k]) * self._seconds_per_tick[k]

    def tick_at(self, seconds: float) -> float:
        """The (fractional) tick at `seconds`; the inverse of `seconds`."""
        k = max(int(np.searchsorted(self._start_s, seconds, side="right")) - 1, 0)
        return float(self._ticks[k] + (seconds - self._start_s[k]) / self._seconds_per_tick[k])

    def bpm_at(self, tick: int) -> float:
        return self.tempos[max(bisect_right(self._ticks, tick) - 1, 0)].bpm

    def grid(self, end_tick: int) -> list[GridLine]:
        """Beat and bar lines from tick 0 up to and including `end_tick`.

        A time-signature change starts a new bar, even where the previous bar was incomplete
        (that is how editors draw it).
        """
        lines: list[GridLine] = []
        sigs = self.time_signatures
        for index, sig in enumerate(sigs):
            stop = sigs[index + 1].tick if index + 1 < len(sigs) else end_tick + 1
            beat_ticks = max(1, self.resolution * 4 // max(sig.denominator, 1))
            beats_per_bar = max(sig.numerator, 1)
            for beat, tick in enumerate(range(sig.tick, min(stop, end_tick + 1), beat_ticks)):
                lines.append(GridLine(tick, 0.0, beat % beats_per_bar == 0))
        times = self.seconds_many([line.tick for line in lines])
        return [GridLine(line.tick, float(t), line.is_bar) for line, t in zip(lines, times, strict=True)]


_Change = TypeVar("_Change", TempoChange, TimeSignature)


def _dedupe_by_tick(items: list[_Change]) -> list[_Change]:
    """Keep the last of several changes on one tick (real charts duplicate markers)."""
    kept: list[_Change] = []
    for item in items:
        if kept and kept[-1].tick == item.tick:
            kept[-1] = item
        else:
            kept.append(item)
    return kept
