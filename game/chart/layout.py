"""Lane layouts: how kit pieces are grouped into highway lanes and judged as interchangeable.

A lane is a judging unit (a hit on any piece of a lane may take any note of that lane) and a
highway column to draw it in. Pro drums put a tom lane and a cymbal lane in the same column.
Open and closed hi-hat always share a lane; `matches` tells them apart only with strict hi-hat.
A piece that has no lane in a layout is not played in it: its notes are dropped and its hits are
ignored (e.g. the hi-hat pedal on Clone Hero layouts, which have no pedal lane).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.chart.model import DrumType
from game.chart.piece import KitPiece as P


class LaneKind(StrEnum):
    KICK = "kick"
    PAD = "pad"
    CYMBAL = "cymbal"


@dataclass(frozen=True, slots=True)
class Lane:
    name: str
    pieces: frozenset[P]
    column: int  # highway column; the kick lane is drawn across all columns
    kind: LaneKind


@dataclass(frozen=True, slots=True)
class LaneLayout:
    name: str
    lanes: tuple[Lane, ...]
    columns: int

    def lane_of(self, piece: P) -> Lane | None:
        for lane in self.lanes:
            if piece in lane.pieces:
                return lane
        return None

    def plays(self, piece: P) -> bool:
        return self.lane_of(piece) is not None

    def matches(self, note_piece: P, hit_piece: P, strict_hihat: bool = False) -> bool:
        """Whether a hit on `hit_piece` may take a note of `note_piece`."""
        if note_piece is hit_piece:
            return True
        if strict_hihat and {note_piece, hit_piece} == {P.HIHAT, P.HIHAT_OPEN}:
            return False
        lane = self.lane_of(note_piece)
        return lane is not None and hit_piece in lane.pieces


def _lane(name: str, column: int, kind: LaneKind, *pieces: P) -> Lane:
    return Lane(name, frozenset(pieces), column, kind)


_K, _PAD, _CYM = LaneKind.KICK, LaneKind.PAD, LaneKind.CYMBAL
_HATS = (P.HIHAT, P.HIHAT_OPEN)

FOUR_LANE = LaneLayout(
    "four_lane",
    (
        _lane("kick", -1, _K, P.KICK),
        _lane("red", 0, _PAD, P.SNARE),
        _lane("yellow", 1, _PAD, *_HATS, P.TOM_HIGH),
        _lane("blue", 2, _PAD, P.RIDE, P.TOM_MID),
        _lane("green", 3, _PAD, P.CRASH, P.CRASH_LEFT, P.TOM_FLOOR),
    ),
    4,
)
FOUR_LANE_PRO = LaneLayout(
    "four_lane_pro",
    (
        _lane("kick", -1, _K, P.KICK),
        _lane("red", 0, _PAD, P.SNARE),
        _lane("yellow_tom", 1, _PAD, P.TOM_HIGH),
        _lane("yellow_cymbal", 1, _CYM, *_HATS),
        _lane("blue_tom", 2, _PAD, P.TOM_MID),
        _lane("blue_cymbal", 2, _CYM, P.RIDE),
        _lane("green_tom", 3, _PAD, P.TOM_FLOOR),
        _lane("green_cymbal", 3, _CYM, P.CRASH, P.CRASH_LEFT),
    ),
    4,
)
FIVE_LANE = LaneLayout(
    "five_lane",
    (
        _lane("kick", -1, _K, P.KICK),
        _lane("red", 0, _PAD, P.SNARE),
        _lane("yellow", 1, _CYM, *_HATS),
        _lane("blue", 2, _PAD, P.TOM_HIGH, P.TOM_MID),
        _lane("orange", 3, _CYM, P.CRASH, P.CRASH_LEFT, P.RIDE),
        _lane("green", 4, _PAD, P.TOM_FLOOR),
    ),
    5,
)
KIT = LaneLayout(
    "kit",
    (
        _lane("crash_left", 0, _CYM, P.CRASH_LEFT),
        _lane("hihat", 1, _CYM, *_HATS),
        _lane("hihat_pedal", 2, _PAD, P.HIHAT_PEDAL),
        _lane("snare", 3, _PAD, P.SNARE),
        _lane("tom_high", 4, _PAD, P.TOM_HIGH),
        _lane("kick", -1, _K, P.KICK),
        _lane("tom_mid", 5, _PAD, P.TOM_MID),
        _lane("tom_floor", 6, _PAD, P.TOM_FLOOR),
        _lane("crash", 7, _CYM, P.CRASH),
        _lane("ride", 8, _CYM, P.RIDE),
    ),
    9,
)

LAYOUTS: dict[str, LaneLayout] = {layout.name: layout for layout in (FOUR_LANE, FOUR_LANE_PRO, FIVE_LANE, KIT)}

_DEFAULT_FOR = {
    DrumType.FOUR_LANE: FOUR_LANE,
    DrumType.FOUR_LANE_PRO: FOUR_LANE_PRO,
    DrumType.FIVE_LANE: FIVE_LANE,
}


def default_layout(drum_type: DrumType) -> LaneLayout:
    """The layout a chart was authored for."""
    return _DEFAULT_FOR[drum_type]


def layout_named(name: str) -> LaneLayout:
    try:
        return LAYOUTS[name]
    except KeyError:
        raise ValueError(f"unknown lane layout {name!r}; choose one of {', '.join(LAYOUTS)}") from None
