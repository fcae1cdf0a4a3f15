"""Autoplay as an input device: the perfect drummer, feeding the real input path.

Each note becomes a raw hit stamped at the wall time the song clock maps to the note's time, so
the hit goes through routing, the clock and the engine exactly like a player's, yet lands on the
beat whatever the loop's pass timing (a stalled pass delays delivery, not the stamp).
Two players each get their own device ("autoplay.p1", "autoplay.p2") over their own notes, so
the router sends each hit to its player.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.chart.model import Note
from game.engine.autoplay import VELOCITY_FOR
from game.input.raw import RawHit

DEVICE = "autoplay"


class AutoplayDevice:
    def __init__(self, notes: Sequence[Note], device: str = DEVICE):
        self._notes = notes
        self.device = device
        self._next = 0

    def due(self, song_time: float, wall_time: float) -> list[RawHit]:
        """Hits for every note at or before `song_time` (chart seconds at `wall_time`)."""
        hits: list[RawHit] = []
        notes = self._notes
        while self._next < len(notes) and notes[self._next].time_s <= song_time:
            note = notes[self._next]
            stamp = wall_time - (song_time - note.time_s)
            hits.append(RawHit(note.piece, stamp, VELOCITY_FOR[note.dynamic], self.device))
            self._next += 1
        return hits
