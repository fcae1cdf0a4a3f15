"""Format-neutral drum gems, and the one place colours become kit pieces.

Both Clone Hero formats describe drums as coloured gems plus modifiers; they differ only in how a
gem's modifiers are spelled (and in whether an unmarked yellow/blue/green gem is a tom, as in
.chart, or a cymbal, as in .mid). Each parser decides `cymbal` per gem by its own format's rule and
hands the gems of each difficulty here as `GemColumns`; `build_tracks` maps them onto kit pieces
for the chart's drum type:

- 4-lane pro: red=snare, yellow cymbal=hihat, yellow tom=tom_high, blue cymbal=ride,
  blue tom=tom_mid, green cymbal=crash, green tom=tom_floor;
- plain 4-lane: the same, with `cymbal` as the format's default decided it;
- 5-lane: red=snare, yellow=hihat, blue=tom_high, orange=crash, green=tom_floor.

Why columns rather than one object per gem: a full chart has thousands of gems per difficulty, and
loading a song must stay within a small multiple of reading its file. Parsers collect plain ints
and hand over numpy arrays; mapping, de-duplicating and sorting are then a few array operations,
and the only per-gem Python work left is making the `Note` tuples themselves. That is still the
largest cost, so all difficulties are built together and a note equal to one of another
difficulty (easier difficulties are mostly reductions of Expert) is the same object, built once.

Invariants of `GemColumns`: all five arrays have one entry per gem, in file order; `dynamics` holds
`DYNAMIC_CODE` values, which rank by strength (ghost < normal < accent); `flags` holds `NoteFlag`
values.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import IntEnum
from functools import partial

import numpy as np

from game.chart.model import Difficulty, DrumType, Note, Phrase, PhraseKind, Track
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoMap


class Pad(IntEnum):
    """A gem colour, numbered as .chart numbers its lanes."""

    KICK = 0
    RED = 1
    YELLOW = 2
    BLUE = 3
    GREEN = 4  # 4-lane green; orange on 5-lane
    FIVE_GREEN = 5  # the fifth lane of 5-lane charts


DYNAMIC_CODE = {Dynamic.GHOST: 0, Dynamic.NORMAL: 1, Dynamic.ACCENT: 2}  # ranked by strength
NORMAL_CODE = DYNAMIC_CODE[Dynamic.NORMAL]

_FOUR_LANE = {
    (Pad.KICK, False): KitPiece.KICK,
    (Pad.KICK, True): KitPiece.KICK,
    (Pad.RED, False): KitPiece.SNARE,
    (Pad.RED, True): KitPiece.SNARE,
    (Pad.YELLOW, True): KitPiece.HIHAT,
    (Pad.YELLOW, False): KitPiece.TOM_HIGH,
    (Pad.BLUE, True): KitPiece.RIDE,
    (Pad.BLUE, False): KitPiece.TOM_MID,
    (Pad.GREEN, True): KitPiece.CRASH,
    (Pad.GREEN, False): KitPiece.TOM_FLOOR,
    # A fifth-lane gem in a chart read as 4-lane: treat as the green tom (closest pad).
    (Pad.FIVE_GREEN, True): KitPiece.TOM_FLOOR,
    (Pad.FIVE_GREEN, False): KitPiece.TOM_FLOOR,
}
_FIVE_LANE = {
    Pad.KICK: KitPiece.KICK,
    Pad.RED: KitPiece.SNARE,
    Pad.YELLOW: KitPiece.HIHAT,
    Pad.BLUE: KitPiece.TOM_HIGH,
    Pad.GREEN: KitPiece.CRASH,
    Pad.FIVE_GREEN: KitPiece.TOM_FLOOR,
}

# Lookup arrays for the vectorised path. A piece is coded by its position in KitPiece, which is
# also the order of pieces within a chord; the tables are indexed by pad * 2 + cymbal.
_PIECES = np.array(list(KitPiece), dtype=object)
_CODE = {piece: code for code, piece in enumerate(KitPiece)}
_FOUR_LANE_TABLE = np.array([_CODE[_FOUR_LANE[(pad, cymbal)]] for pad in Pad for cymbal in (False, True)], np.int8)
_FIVE_LANE_TABLE = np.array([_CODE[_FIVE_LANE[pad]] for pad in Pad for _ in (False, True)], np.int8)
_DYNAMICS = np.array(sorted(DYNAMIC_CODE, key=DYNAMIC_CODE.__getitem__), dtype=object)
_DYNAMIC_RANKS = len(DYNAMIC_CODE)
_RANK_SPAN = len(KitPiece) * _DYNAMIC_RANKS  # a (piece, dynamic) rank fits below one tick
_MAX_KEY_TICK = 2**63 // _RANK_SPAN
_FLAGS = np.array([NoteFlag(value) for value in range(sum(flag.value for flag in NoteFlag) + 1)], dtype=object)
_MAX_VALUE_TICK = 2**63 // (_RANK_SPAN * len(_FLAGS))  # room for a note's piece, dynamic and flags too
# `Note._make(row)` is `tuple.__new__(Note, row)` plus a length check, behind a Python-level call;
# calling tuple.__new__ directly keeps the whole map in C, a third faster. Rows come from zipping
# five equal columns, so the check has nothing to catch.
_new_note = partial(tuple.__new__, Note)


@dataclass(frozen=True, slots=True)
class GemColumns:
    """The gems of one difficulty as parallel arrays (see the module invariants)."""

    ticks: np.ndarray  # int64
    pads: np.ndarray  # int8 Pad values
    cymbals: np.ndarray  # bool
    dynamics: np.ndarray  # int8 DYNAMIC_CODE values
    flags: np.ndarray  # int8 NoteFlag values

    @classmethod
    def of(
        cls,
        ticks: Sequence[int] | np.ndarray,
        pads: Sequence[int] | np.ndarray,
        cymbals: Sequence[bool] | np.ndarray | None = None,
        dynamics: Sequence[int] | np.ndarray | None = None,
        flags: Sequence[int] | np.ndarray | None = None,
    ) -> GemColumns:
        """Columns from lists or arrays; omitted ones are tom, normal and unflagged."""
        tick_array = np.asarray(ticks, dtype=np.int64)
        size = len(tick_array)
        return cls(
            tick_array,
            np.asarray(pads, dtype=np.int8),
            np.zeros(size, bool) if cymbals is None else np.asarray(cymbals, dtype=bool),
            np.full(size, NORMAL_CODE, np.int8) if dynamics is None else np.asarray(dynamics, dtype=np.int8),
            np.zeros(size, np.int8) if flags is None else np.asarray(flags, dtype=np.int8),
        )

    def __len__(self) -> int:
        return len(self.ticks)


def flip_disco(gems: GemColumns, inside: np.ndarray) -> GemColumns:
    """Disco flip where `inside` is true: red becomes the yellow cymbal (hi-hat), yellow the red
    pad (snare). Each format decides where its flip regions are; the swap itself is colour logic."""
    red = inside & (gems.pads == Pad.RED)
    yellow = inside & (gems.pads == Pad.YELLOW)
    if not (red.any() or yellow.any()):
        return gems
    pads, cymbals = gems.pads.copy(), gems.cymbals.copy()
    pads[red], cymbals[red] = Pad.YELLOW, True
    pads[yellow], cymbals[yellow] = Pad.RED, False
    return GemColumns(gems.ticks, pads, cymbals, gems.dynamics, gems.flags)


def detect_drum_type(
    gems: Iterable[GemColumns], has_pro_markers: bool, ini_pro: bool | None, ini_five_lane: bool | None
) -> DrumType:
    """`drum_type_for`, with the fifth lane looked for among `gems`."""
    has_fifth_lane = any(bool((columns.pads == Pad.FIVE_GREEN).any()) for columns in gems)
    return drum_type_for(has_fifth_lane, has_pro_markers, ini_pro, ini_five_lane)


def drum_type_for(
    has_fifth_lane: bool, has_pro_markers: bool, ini_pro: bool | None, ini_five_lane: bool | None
) -> DrumType:
    """song.ini flags first, then pro markers, then any fifth-lane gem, else plain 4-lane.

    With both ini flags set (invalid), five-lane wins, as the song scanners do.
    """
    if ini_five_lane:
        return DrumType.FIVE_LANE
    if ini_pro or has_pro_markers:
        return DrumType.FOUR_LANE_PRO
    return DrumType.FIVE_LANE if has_fifth_lane else DrumType.FOUR_LANE


def build_tracks(
    gems: Mapping[Difficulty, GemColumns],
    drum_type: DrumType,
    tempo_map: TempoMap,
    phrases: Mapping[Difficulty, Iterable[Phrase]],
    dynamics_charted: bool = True,
) -> dict[Difficulty, Track]:
    """One track per difficulty of `gems`, with notes sorted by (tick, piece order). Two gems of
    one piece on one tick collapse into one note, since nobody can hit one pad twice at once: the
    strongest dynamic wins, and the first in file order among equals.

    All difficulties are built together because easier ones are mostly reductions of Expert:
    a note equal to one of another difficulty is the same object, built once."""
    table = _FIVE_LANE_TABLE if drum_type is DrumType.FIVE_LANE else _FOUR_LANE_TABLE
    per_difficulty = [_note_columns(gem_columns, table) for gem_columns in gems.values()]
    tracks: dict[Difficulty, Track] = {}
    for difficulty, notes in zip(gems, _notes(per_difficulty, tempo_map), strict=True):
        ordered = tuple(sorted(phrases[difficulty], key=_phrase_key))
        tracks[difficulty] = Track(difficulty, notes, ordered, dynamics_charted)
    return tracks


def _note_columns(gems: GemColumns, table: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(ticks, piece codes, dynamic codes, flag values) of one difficulty's notes, in note order."""
    pieces = table[gems.pads.astype(np.intp) * 2 + gems.cymbals]
    order = _note_order(gems.ticks, pieces, gems.dynamics)
    ticks, pieces = gems.ticks[order], pieces[order]
    first = np.ones(len(order), bool)
    first[1:] = (ticks[1:] != ticks[:-1]) | (pieces[1:] != pieces[:-1])
    keep = order[first]
    return ticks[first], pieces[first], gems.dynamics[keep], gems.flags[keep]


def _note_order(ticks: np.ndarray, pieces: np.ndarray, dynamics: np.ndarray) -> np.ndarray:
    """Gem indexes by tick, then piece order, then strongest dynamic first, then file order.

    One stable sort of a combined key, which is quick on the nearly sorted ticks parsers hand
    over; a tick too large for the key (only a hostile file has one) falls back to `lexsort`."""
    rank = pieces.astype(np.int64) * _DYNAMIC_RANKS + (_DYNAMIC_RANKS - 1 - dynamics)
    if ticks.max(initial=0) < _MAX_KEY_TICK:
        return np.argsort(ticks * _RANK_SPAN + rank, kind="stable")
    return np.lexsort((rank, ticks))


def _notes(columns: list[tuple[np.ndarray, ...]], tempo_map: TempoMap) -> list[tuple[Note, ...]]:
    """The notes of each difficulty's columns, each distinct note built once: Python lists zipped
    into `Note` tuples, the cheapest way to build many NamedTuples (enum members come from object
    arrays, not per-note lookups)."""
    if not columns:
        return []
    ticks, pieces, dynamics, flags = (np.concatenate(column) for column in zip(*columns, strict=True))
    if ticks.max(initial=0) < _MAX_VALUE_TICK:
        key = ((ticks * len(KitPiece) + pieces) * _DYNAMIC_RANKS + dynamics) * len(_FLAGS) + flags
        _, first, which = np.unique(key, return_index=True, return_inverse=True)
    else:  # a hostile tick: no sharing
        first = which = np.arange(len(ticks))
    ticks = ticks[first]
    values = (
        tempo_map.seconds_many(ticks).tolist(),
        _PIECES[pieces[first]].tolist(),
        ticks.tolist(),
        _DYNAMICS[dynamics[first]].tolist(),
        _FLAGS[flags[first]].tolist(),
    )
    with _collector_paused():
        built = np.fromiter(map(_new_note, zip(*values, strict=True)), dtype=object, count=len(ticks))
    bounds = np.cumsum([0, *(len(column[0]) for column in columns)]).tolist()
    return [tuple(built[which[start:end]].tolist()) for start, end in itertools.pairwise(bounds)]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while notes are built. Notes hold only floats, ints
    and enum members, so they cannot form cycles; but each counts towards the collector's
    thresholds, and building thousands triggers several collections, full ones included, that
    cost more than the notes themselves and grow with the size of the whole process."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def make_phrases(spans: Iterable[tuple[PhraseKind, int, int]], tempo_map: TempoMap) -> list[Phrase]:
    """Half-open phrases from (kind, start tick, end tick); a zero or negative length covers its
    own tick. All times come from one `seconds_many` call."""
    fixed = [(kind, start, max(end, start + 1)) for kind, start, end in spans]
    if not fixed:
        return []
    times = tempo_map.seconds_many([tick for _, start, end in fixed for tick in (start, end)]).tolist()
    return [Phrase(kind, start, end, times[2 * k], times[2 * k + 1]) for k, (kind, start, end) in enumerate(fixed)]


def _phrase_key(phrase: Phrase) -> tuple[int, int, str]:
    return (phrase.start_tick, phrase.end_tick, phrase.kind.value)
