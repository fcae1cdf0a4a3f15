"""Autoplay: the perfect player, and the oracle for maximum score.

It hits every note exactly on time with the note's own piece, at a velocity that reads as the
note's dynamic (ghost soft, accent hard). The same generator drives tests, demos and the maximum
score: any chart must come out at 100 % accuracy with a full combo.
"""

from __future__ import annotations

from collections.abc import Iterable

from game.chart.model import Note
from game.chart.piece import Dynamic
from game.engine.hit import HitInput

VELOCITY_FOR = {Dynamic.GHOST: 30, Dynamic.NORMAL: 96, Dynamic.ACCENT: 127}


def autoplay_inputs(notes: Iterable[Note], player: int = 0) -> list[HitInput]:
    return [HitInput(note.time_s, note.piece, VELOCITY_FOR[note.dynamic], player) for note in notes]
