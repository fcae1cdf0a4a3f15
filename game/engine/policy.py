"""Hit policy: which note a hit takes when several could.

Policy (named so it can be tested and, later, swapped): a hit takes the *closest* unjudged note
whose piece the lane layout lets it match, within the widest window. A tie goes to the earlier
note. So a hit never steals a note from a later hit that matches it better: a hit at 1.045 s
between snares at 1.000 s and 1.080 s takes the 1.080 s note, leaving the 1.000 s note to be missed,
instead of locking onto the oldest note as osu!'s note lock would. Chords need no special case: each
hit of a chord looks only at notes of its own lane. In a duet a hit looks only at its player's notes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from game.chart.model import Note
from game.chart.piece import KitPiece
from game.engine.window import EDGE_SLACK_S


class ClosestNotePolicy:
    """Finds the closest matching unjudged note for a hit. Notes must be sorted by time."""

    name = "closest"

    def __init__(
        self,
        notes: Sequence[Note],
        matches: Callable[[KitPiece, KitPiece], bool],
        reach_s: float,
        owners: Sequence[int] | None = None,
    ):
        self._notes = notes
        self._owners = owners
        self._times = [note.time_s for note in notes]
        self._matches = matches
        self._reach_s = reach_s + EDGE_SLACK_S

    def pick(self, hit_time: float, piece: KitPiece, judged: Sequence[bool], player: int = 0) -> int | None:
        """Index of the note this hit takes, or None when no matching note of `player` is in reach."""
        lo = bisect_left(self._times, hit_time - self._reach_s)
        hi = bisect_right(self._times, hit_time + self._reach_s)
        best: int | None = None
        best_error = self._reach_s
        for index in range(lo, hi):
            if judged[index] or not self._matches(self._notes[index].piece, piece):
                continue
            if self._owners is not None and self._owners[index] != player:
                continue
            error = abs(hit_time - self._times[index])
            if error < best_error or (best is None and error <= best_error):
                best, best_error = index, error
        return best
