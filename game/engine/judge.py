"""The judge: matches timestamped hits to notes, deterministically.

Two verbs: `queue(input)` and `update(song_time)`. `update` processes every event up to
`song_time` in time order: queued inputs at their own timestamps, and the closing of each note's
window (a note is missed once time passes `note.time_s + good_s`). Because events are ordered by
time alone, and a hit exactly on a window's edge is processed before that window closes, the
results are identical however often `update` is called: once at the end, at 60 Hz, 1 kHz or at
jittered times. The judge never looks at wall time.

Inputs must be queued before `update` passes their timestamp. An input that arrives later than
that (its song time already processed) is still judged at its own timestamp against the notes
still open, and counted in `late_inputs`; a live loop avoids it by updating to `now` minus the
largest input latency it expects.

With `owners` (a duet: one chart shared by two players) each note is judged only against its
owner's hits: a player's hit never takes the partner's note, and becomes an overhit instead. Each
player has their own overhit grace before their first note and their own dynamics sense.

A hit on a piece the lane layout does not play (e.g. the hi-hat pedal on Clone Hero layouts) is
ignored. A hit that takes no note is an overhit; overhits before the first note's window and
inside roll phrases carry no penalty, as in Clone Hero and YARG.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from game.chart.layout import LaneLayout
from game.chart.model import Note, Phrase
from game.chart.piece import Dynamic
from game.engine.dynamics import DynamicsSense
from game.engine.hit import EngineInput, FeverInput, HitInput
from game.engine.policy import ClosestNotePolicy
from game.engine.window import HitWindows, Judgement


@dataclass(frozen=True, slots=True)
class Judged:
    """One outcome. `error_s` is hit time - note time (negative = early); None for misses and
    overhits. `dynamic_ok` says whether a charted ghost/accent was played as one (None when the
    note has no dynamic to judge). `penalised` is False for harmless overhits."""

    judgement: Judgement
    time_s: float
    note_index: int | None = None
    note: Note | None = None
    hit: HitInput | None = None
    error_s: float | None = None
    dynamic_ok: bool | None = None
    penalised: bool = True
    player: int = 0  # set by the two-player engines; a single judge always says 0


@dataclass(frozen=True, slots=True)
class FeverRequest:
    """A dedicated fever activation reached its timestamp; the scorer decides if it works."""

    time_s: float


def judged_notes(notes: Sequence[Note], layout: LaneLayout) -> tuple[Note, ...]:
    """The notes a judge plays, in its order: sorted by time (stable), pieces the layout plays."""
    return tuple(n for n in sorted(notes, key=lambda n: n.time_s) if layout.plays(n.piece))


class Judge:
    def __init__(
        self,
        notes: Sequence[Note],
        layout: LaneLayout,
        windows: HitWindows,
        strict_hihat: bool = False,
        judge_dynamics: bool = False,
        free_phrases: Sequence[Phrase] = (),
        owners: Sequence[int] | None = None,
    ):
        self.notes = judged_notes(notes, layout)
        self.owners = tuple(owners) if owners is not None else (0,) * len(self.notes)
        if len(self.owners) != len(self.notes):
            raise ValueError("owners must name one player per judged note")
        self._layout = layout
        self._windows = windows
        self._judged = [False] * len(self.notes)
        self._first_open = 0
        self._pending: list[tuple[float, int, EngineInput]] = []
        self._sequence = 0
        self._processed_s = float("-inf")
        self._policy = ClosestNotePolicy(
            self.notes,
            lambda note, hit: layout.matches(note, hit, strict_hihat),
            windows.widest_s,
            None if owners is None else self.owners,
        )
        self._shared = owners is not None
        players = max(self.owners, default=0) + 1
        self._dynamics = [DynamicsSense() for _ in range(players)] if judge_dynamics else None
        self._free = [(p.start_s, p.end_s) for p in free_phrases]
        self._grace_until = [float("inf")] * players
        for note, owner in zip(reversed(self.notes), reversed(self.owners), strict=True):
            self._grace_until[owner] = note.time_s - windows.widest_s
        self.late_inputs = 0

    @property
    def finished(self) -> bool:
        return self._first_open >= len(self.notes) and not self._pending

    def queue(self, item: EngineInput) -> None:
        if item.song_time < self._processed_s:
            self.late_inputs += 1
        heapq.heappush(self._pending, (item.song_time, self._sequence, item))
        self._sequence += 1

    def update(self, song_time: float) -> list[Judged | FeverRequest]:
        """Process every input and window closing up to `song_time`, in time order."""
        out: list[Judged | FeverRequest] = []
        while self._pending and self._pending[0][0] <= song_time:
            at, _, item = heapq.heappop(self._pending)
            self._close_before(at, out)
            if isinstance(item, FeverInput):
                out.append(FeverRequest(at))
            else:
                self._hit(item, out)
        self._close_before(song_time, out)
        self._processed_s = max(self._processed_s, song_time)
        return out

    def finish(self) -> list[Judged | FeverRequest]:
        """Process everything left: the song is over."""
        return self.update(float("inf"))

    def _close_before(self, song_time: float, out: list[Judged | FeverRequest]) -> None:
        notes, judged, good = self.notes, self._judged, self._windows.good_s
        while self._first_open < len(notes):
            index = self._first_open
            if not judged[index]:
                closes_at = notes[index].time_s + good
                if closes_at >= song_time:
                    return
                judged[index] = True
                out.append(Judged(Judgement.MISS, closes_at, index, notes[index], player=self.owners[index]))
            self._first_open += 1

    def _hit(self, hit: HitInput, out: list[Judged | FeverRequest]) -> None:
        if not self._layout.plays(hit.piece):
            return
        sensed = self._sense(hit)
        index = self._policy.pick(hit.song_time, hit.piece, self._judged, hit.player)
        if index is None:
            penalised = self._penalises(hit.song_time, self._seat(hit.player))
            out.append(Judged(Judgement.OVERHIT, hit.song_time, hit=hit, penalised=penalised, player=hit.player))
            return
        note = self.notes[index]
        self._judged[index] = True
        error = hit.song_time - note.time_s
        judgement = self._windows.judge(error) or Judgement.GOOD  # the policy only picks notes in reach
        dynamic_ok = None
        if sensed is not None and note.dynamic is not Dynamic.NORMAL:
            dynamic_ok = sensed is note.dynamic
        out.append(Judged(judgement, hit.song_time, index, note, hit, error, dynamic_ok, player=hit.player))

    def _sense(self, hit: HitInput) -> Dynamic | None:
        seat = self._seat(hit.player)
        if self._dynamics is None or not 0 <= seat < len(self._dynamics):
            return None
        return self._dynamics[seat].sense(hit)

    def _seat(self, player: int) -> int:
        """Whose overhit grace and dynamics sense a hit uses: one judge per player sees one player
        (whatever number the hit carries); a shared judge tells its players apart."""
        return player if self._shared else 0

    def _penalises(self, song_time: float, player: int) -> bool:
        if player >= len(self._grace_until) or song_time < self._grace_until[player]:
            return False
        return not any(start <= song_time < end for start, end in self._free)
