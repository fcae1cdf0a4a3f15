"""The kit-piece vocabulary used everywhere: charts, bindings, judging and JSON.

These values are persisted (settings, replays, JSON output): do not rename them.
"""

from __future__ import annotations

from enum import Flag, StrEnum, auto


class KitPiece(StrEnum):
    """One physical piece of a drum kit."""

    KICK = "kick"
    SNARE = "snare"
    HIHAT = "hihat"
    HIHAT_OPEN = "hihat_open"
    HIHAT_PEDAL = "hihat_pedal"
    TOM_HIGH = "tom_high"
    TOM_MID = "tom_mid"
    TOM_FLOOR = "tom_floor"
    CRASH = "crash"
    CRASH_LEFT = "crash_left"
    RIDE = "ride"

    @property
    def is_cymbal(self) -> bool:
        return self in _CYMBALS


_CYMBALS = frozenset({KitPiece.HIHAT, KitPiece.HIHAT_OPEN, KitPiece.CRASH, KitPiece.CRASH_LEFT, KitPiece.RIDE})


class Dynamic(StrEnum):
    """How hard a note is meant to be played. Persisted: do not rename."""

    NORMAL = "normal"
    GHOST = "ghost"
    ACCENT = "accent"


class NoteFlag(Flag):
    """Extra facts about a note that do not change which piece it is."""

    NONE = 0
    DOUBLE_KICK = auto()  # Expert+ second-pedal kick; played only with the Expert+ option
    FLAM = auto()  # charted as one gem, played as two quick strokes
