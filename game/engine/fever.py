"""Fever (star power): a meter filled by completing fever phrases and spent for double scoring.

Rules (Clone Hero's, in our words):
- completing a fever phrase (every note in it hit) adds a quarter of the meter; missing any of its
  notes forfeits that phrase;
- with at least half a meter, fever activates on the last note of an activation fill (hit, not
  missed) or on the dedicated fever input;
- while active the meter drains by 1/32 per beat of the tempo map (a full meter lasts 32 beats);
  phrases completed meanwhile extend it. Active fever doubles the score multiplier.
Times are song seconds on the chart timeline; beats come from the chart's tempo map.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from game.chart.model import Note, Phrase
from game.chart.tempo import TempoMap

PHRASE_GAIN = 0.25
ACTIVATION_MINIMUM = 0.5
BEATS_PER_METER = 32.0


class Fever:
    def __init__(self, notes: Sequence[Note], phrases: Sequence[Phrase], fills: Sequence[Phrase], tempo: TempoMap):
        self._tempo = tempo
        times = [note.time_s for note in notes]
        self._phrase_of: dict[int, int] = {}
        self._remaining: list[int] = []
        for number, phrase in enumerate(phrases):
            members = _indices_in(times, phrase)
            self._phrase_of.update((i, number) for i in members)
            self._remaining.append(len(members))
        self._activators = {members[-1] for members in (_indices_in(times, f) for f in fills) if members}
        self._meter = 0.0  # while inactive; while active the meter is derived from _end_beat
        self._end_beat: float | None = None
        self.activations = 0
        self.phrases_completed = 0

    def _beat(self, time_s: float) -> float:
        return self._tempo.tick_at(time_s) / self._tempo.resolution

    def is_active(self, time_s: float) -> bool:
        if self._end_beat is None:
            return False
        if self._beat(time_s) >= self._end_beat:
            self._end_beat = None
            self._meter = 0.0
            return False
        return True

    def meter(self, time_s: float) -> float:
        if self.is_active(time_s):
            assert self._end_beat is not None
            return (self._end_beat - self._beat(time_s)) / BEATS_PER_METER
        return self._meter

    def on_hit(self, note_index: int, time_s: float) -> None:
        number = self._phrase_of.get(note_index)
        if number is not None and self._remaining[number] > 0:
            self._remaining[number] -= 1
            if self._remaining[number] == 0:
                self.phrases_completed += 1
                self._gain(time_s)
        if note_index in self._activators:
            self.activate(time_s)

    def on_miss(self, note_index: int) -> None:
        number = self._phrase_of.get(note_index)
        if number is not None:
            self._remaining[number] = -1  # forfeited

    def activate(self, time_s: float) -> bool:
        if self.is_active(time_s) or self._meter < ACTIVATION_MINIMUM:
            return False
        self._end_beat = self._beat(time_s) + self._meter * BEATS_PER_METER
        self.activations += 1
        return True

    def _gain(self, time_s: float) -> None:
        if self.is_active(time_s):
            assert self._end_beat is not None
            room = BEATS_PER_METER - (self._end_beat - self._beat(time_s))
            self._end_beat += min(PHRASE_GAIN * BEATS_PER_METER, room)
        else:
            self._meter = min(1.0, self._meter + PHRASE_GAIN)


def _indices_in(times: Sequence[float], phrase: Phrase) -> range:
    """Indices of the (time-sorted) notes inside a phrase."""
    return range(bisect_left(times, phrase.start_s), bisect_left(times, phrase.end_s))
