"""Who owns a pad right now: routing for one kit (or one keyboard) shared by two players.

With the split by pieces every pad simply belongs to one player. With the other splits a pad
changes hands during the song, so a hit goes to the owner of the nearest note in time of the
pad's lane (the earlier one on a tie). A pad with no notes at all in the chart falls back to the
split by pieces, so it still has one owner.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from game.chart.layout import LaneLayout
from game.chart.model import Note
from game.chart.piece import KitPiece
from game.engine.split import owner_by_piece


class Ownership:
    def __init__(self, notes: Sequence[Note], owners: Sequence[int], layout: LaneLayout):
        self._layout = layout
        self._lanes: dict[str, tuple[list[float], list[int]]] = {}
        for note, owner in zip(notes, owners, strict=True):
            lane = layout.lane_of(note.piece)
            if lane is not None:
                times, who = self._lanes.setdefault(lane.name, ([], []))
                times.append(note.time_s)
                who.append(owner)

    def owner_at(self, piece: KitPiece, song_time: float) -> int:
        lane = self._layout.lane_of(piece)
        if lane is None or lane.name not in self._lanes:
            return owner_by_piece(piece)
        times, who = self._lanes[lane.name]
        index = bisect_left(times, song_time)
        if index == len(times) or (index > 0 and song_time - times[index - 1] <= times[index] - song_time):
            index -= 1
        return who[index]
