"""The duet's sync meter: are the two players keeping time with each other?

It listens to pairs of notes the players share in time: a chord split between them (one note
each), and a handover, where who plays changes (one player's phrase ends and the partner's
begins, or both come in together): the last note of the one before, the first note of the other
after. Only runs of at least `RUN_CHORDS` chords at most `HANDOVER_GAP_S` apart count, so a
hi-hat/kick groove split by pieces is not a string of handovers.

A pair scores by how far apart the two players were relative to the chart: the partner's hit
error minus player 1's (a chord hit 10 ms early by both is perfectly in sync). Within `TIGHT_S`
it scores 1, from `LOOSE_S` on 0, linearly between; a missed note scores 0. The live level moves a
`RATE` of the way toward each pair's score, pairs taken strictly in chart order (so the level is
the same however updates were timed). The result is the mean pair score in percent, plus the
median offset: positive when player 2 played later than player 1.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from game.chart.model import Note
from game.engine.split import chords

TIGHT_S = 0.015
LOOSE_S = 0.045
RATE = 0.25
START_LEVEL = 0.5
RUN_CHORDS = 4
HANDOVER_GAP_S = 2.0
_MISSED = None


@dataclass(frozen=True, slots=True)
class Pair:
    first: int  # player 1's note (index into the judged notes)
    second: int  # player 2's note
    time_s: float  # the later note's time: when the pair is complete


@dataclass(slots=True)
class _Run:
    """Consecutive chords played by the same players (one of them, or both)."""

    players: frozenset[int]
    chords: list[range]


def shared_pairs(notes: Sequence[Note], owners: Sequence[int]) -> list[Pair]:
    """Every pair of notes the two players share in time, in chart order."""
    pairs: list[Pair] = []
    runs: list[_Run] = []
    for chord in chords(notes):
        first_of = {owners[i]: i for i in reversed(chord)}  # each player's first note in the chord
        if len(first_of) == 2:
            pairs.append(Pair(first_of[0], first_of[1], notes[chord[0]].time_s))
        players = frozenset(first_of)
        if runs and runs[-1].players == players:
            runs[-1].chords.append(chord)
        else:
            runs.append(_Run(players, [chord]))
    for before, after in pairwise(runs):
        handover = _handover(notes, owners, before, after)
        if handover is not None:
            pairs.append(handover)
    return sorted(pairs, key=lambda pair: (pair.time_s, pair.first))


def _handover(notes: Sequence[Note], owners: Sequence[int], before: _Run, after: _Run) -> Pair | None:
    """The pair across a change of who plays: the player coming in (or, if nobody comes in, the
    one going out) against the other player's last note before or first note after."""
    if min(len(before.chords), len(after.chords)) < RUN_CHORDS:
        return None
    incoming, outgoing = after.players - before.players, before.players - after.players
    if incoming:
        (late,) = incoming
        early = 1 - late
    else:
        (early,) = outgoing
        late = 1 - early
    last = max(i for chord in before.chords for i in chord if owners[i] == early)
    first = min(i for chord in after.chords for i in chord if owners[i] == late)
    if notes[first].time_s - notes[last].time_s > HANDOVER_GAP_S:
        return None
    one, two = (last, first) if early == 0 else (first, last)
    return Pair(one, two, notes[first].time_s)


def pair_score(offset_s: float | None) -> float:
    """1 within TIGHT_S, 0 from LOOSE_S (and for a missed note), linear between."""
    if offset_s is None:
        return 0.0
    return min(1.0, max(0.0, (LOOSE_S - abs(offset_s)) / (LOOSE_S - TIGHT_S)))


class SyncMeter:
    def __init__(self, notes: Sequence[Note], owners: Sequence[int]):
        self.pairs = shared_pairs(notes, owners)
        self._of_note: dict[int, list[int]] = {}
        for number, pair in enumerate(self.pairs):
            self._of_note.setdefault(pair.first, []).append(number)
            self._of_note.setdefault(pair.second, []).append(number)
        self._errors: dict[int, float | None] = {}  # note -> hit error, None if missed
        self._next = 0  # the first pair not yet counted
        self.level = START_LEVEL
        self.scores: list[float] = []
        self.offsets_s: list[float] = []  # player 2 minus player 1, over pairs both hit

    def on_judged(self, note_index: int, error_s: float | None) -> None:
        """A note of a pair was hit (`error_s`) or missed (None)."""
        if note_index not in self._of_note:
            return
        self._errors[note_index] = error_s
        while self._next < len(self.pairs) and self._complete(self.pairs[self._next]):
            self._count(self.pairs[self._next])
            self._next += 1

    def _complete(self, pair: Pair) -> bool:
        return pair.first in self._errors and pair.second in self._errors

    def _count(self, pair: Pair) -> None:
        one, two = self._errors[pair.first], self._errors[pair.second]
        offset = None if one is _MISSED or two is _MISSED else two - one
        score = pair_score(offset)
        self.scores.append(score)
        if offset is not None:
            self.offsets_s.append(offset)
        self.level += (score - self.level) * RATE

    @property
    def figure(self) -> float:
        """Percent: the mean score of the pairs counted so far (100 when there are none)."""
        return 100.0 * statistics.fmean(self.scores) if self.scores else 100.0

    @property
    def median_offset_s(self) -> float | None:
        return statistics.median(self.offsets_s) if self.offsets_s else None
