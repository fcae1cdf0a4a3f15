"""What devices produce: raw hits stamped on arrival, and abstract menu actions.

A raw hit's `wall_time` is `time.perf_counter()` when the game first saw it (the moment the event
queue was drained, or the first statement of a MIDI callback). It is never the frame time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.chart.piece import KitPiece


@dataclass(frozen=True, slots=True)
class RawHit:
    piece: KitPiece
    wall_time: float
    velocity: int = 100
    device: str = "keyboard"


class MenuAction(StrEnum):
    """Menu verbs, independent of keys or pads. Persisted in bindings: do not rename."""

    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    SELECT = "select"
    BACK = "back"
    PAUSE = "pause"
    ERASE = "erase"  # delete a search character
    SORT = "sort"
    RETRY = "retry"
    FULLSCREEN = "fullscreen"
    OFFSET = "offset"  # results: apply the suggested offset
