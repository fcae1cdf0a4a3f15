"""The drum tracks of a `.chart`: `[EasyDrums]` to `[ExpertDrums]`, from lines to `Track`s.

Invariants:
- N events are kept as (tick, type) columns: `note_lines` (`game.chart.chart_bulk`) reads the
  plain `tick = N type` lines of all drum sections at once into arrays, and everything else
  (phrases, local events, unusual or malformed lines) goes through `_read_drum_lines` with its
  line index, which is where errors are raised;
- every line is read, and every error and warning raised, while parsing; turning the columns into
  tracks, which cannot fail, waits for the first access to a track (`model.LazyTracks`);
- a modifier (accent 34-38, ghost 40-44, cymbal 66-68) belongs to the gem of its lane on its
  tick; gems and modifiers meet by grouping events on tick * 8 + lane with one sort;
- the .chart rule for `cymbal`: yellow/blue/green are toms unless flagged by N 66/67/68; a 2x
  kick on the tick of a plain kick adds nothing;
- disco flips apply on pro drums only, from a `mix <difficulty> drums<n>d` event until the next
  mix event of that difficulty; fills from the global `coda` on are dropped.

Colours become kit pieces only in `game.chart.gem`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from game.chart.chart_bulk import note_lines
from game.chart.chart_text import MAX_TICK, RawSection, event_parts, located, parse_number, parse_tick
from game.chart.gem import (
    DYNAMIC_CODE,
    NORMAL_CODE,
    GemColumns,
    Pad,
    build_tracks,
    drum_type_for,
    flip_disco,
    make_phrases,
)
from game.chart.model import Difficulty, DrumType, LazyTracks, Phrase, PhraseKind, Track
from game.chart.piece import Dynamic, NoteFlag
from game.chart.tempo import TempoMap

DRUM_SECTIONS = {
    "easydrums": Difficulty.EASY,
    "mediumdrums": Difficulty.MEDIUM,
    "harddrums": Difficulty.HARD,
    "expertdrums": Difficulty.EXPERT,
}
_MIX_DIFFICULTY = (Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD, Difficulty.EXPERT)
_PHRASE_KINDS = {  # S type: (kind, ticks added to start + length to make the end exclusive)
    # S 0 / S 1: Guitar Hero's face-off phrases, which Moonscraper calls player 1 / player 2 and
    # Rock Band's .mid spells as notes 105 / 106: the versus and duet phrases.
    0: (PhraseKind.PLAYER_1, 0),
    1: (PhraseKind.PLAYER_2, 0),
    2: (PhraseKind.STAR_POWER, 0),
    64: (PhraseKind.FILL, 1),  # a fill includes its end tick; everything else is already half-open
    65: (PhraseKind.ROLL, 0),
    66: (PhraseKind.DOUBLE_ROLL, 0),
}
_IGNORED_NOTES = (33, 39, 64, 65, 109)  # seen in the wild, meaningless for drums here
_KNOWN_KINDS = 128  # note types above this cannot mean anything: they are only reported
# Roles of N types, as bits so that the roles met on one (tick, lane) can be OR-ed together.
_GEM, _DOUBLE_KICK, _ACCENT, _GHOST, _CYMBAL = 1, 2, 4, 8, 16
_LANE_KEY = 8  # gems and modifiers meet on tick * 8 + lane
# (first N type, last, role, lane of the first): 0-5 are the gems of lanes 0-5 and 32 a 2x kick;
# 34-38 accent, 40-44 ghost and 66-68 cymbal-flag the gem of their lane on their tick.
_KIND_ROLES = (
    (0, 5, _GEM, 0),
    (32, 32, _DOUBLE_KICK, 0),
    (34, 38, _ACCENT, 1),
    (40, 44, _GHOST, 1),
    (66, 68, _CYMBAL, 2),
)
_SOLO_STARTS = frozenset({"solo", "solo_on"})
_SOLO_ENDS = frozenset({"soloend", "solo_off"})
_MIX_EVENT = re.compile(r"mix[ _]+([0-3])[ _]+drums\d([a-z]*)", re.IGNORECASE)


def _kind_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every N type 0-999 (all that `note_lines` and the line reader hand over): its role bit
    (0 for none), the lane it belongs to, and whether it is known (not reported as unknown)."""
    roles, lanes = np.zeros(1000, np.uint8), np.zeros(1000, np.int64)
    for first, last, role, lane in _KIND_ROLES:
        roles[first : last + 1], lanes[first : last + 1] = role, np.arange(lane, lane + last - first + 1)
    known = roles != 0
    known[list(_IGNORED_NOTES)] = True
    return roles, lanes, known


_ROLES, _LANES, _KNOWN = _kind_tables()
# Dynamic code by the accent and ghost bits met on a gem's (tick, lane): accent wins (Moonscraper).
_DYNAMIC_OF_MARKS = np.array(
    [NORMAL_CODE, DYNAMIC_CODE[Dynamic.ACCENT], DYNAMIC_CODE[Dynamic.GHOST], DYNAMIC_CODE[Dynamic.ACCENT]], np.int8
)


@dataclass(slots=True)
class DrumEvents:
    """Everything read from one drum difficulty, before colours become pieces."""

    note_parts: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)  # from note_lines
    notes: list[tuple[int, int]] = field(default_factory=list)  # (tick, N type < 128) read line by line
    phrases: list[tuple[PhraseKind, int, int]] = field(default_factory=list)  # half-open ticks
    mixes: list[tuple[Difficulty, int, bool]] = field(default_factory=list)  # (difficulty, tick, disco)
    unknown: set[int] = field(default_factory=set)
    solo_start: int | None = None
    ticks: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # every N event, once read
    kinds: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))


def read_drum_sections(
    text: str, data: bytes, by_name: dict[str, list[RawSection]], warnings: list[str]
) -> dict[Difficulty, DrumEvents]:
    """Every drum section of `text` (decoded from `data`), by difficulty."""
    events: dict[Difficulty, DrumEvents] = {}
    drums = [section for name, group in by_name.items() if name in DRUM_SECTIONS for section in group]
    bodies = iter(note_lines(text, drums, data))
    for name, sections in by_name.items():
        difficulty = DRUM_SECTIONS.get(name)
        if difficulty is None:
            if name.endswith("doubledrums"):
                warnings.append(f"[{sections[0].name}] ignored")
            continue
        track = events.setdefault(difficulty, DrumEvents())
        for section in sections:
            lines = next(bodies)
            track.note_parts.append((lines.ticks, lines.kinds))
            with located(text, section):
                _read_drum_lines(lines.others, track)
        _gather_notes(track)
        if track.solo_start is not None:
            warnings.append(f"solo without soloend in [{sections[0].name}]; closed at its last note")
            gem_ticks = track.ticks[(_ROLES[track.kinds] & (_GEM | _DOUBLE_KICK)) != 0]
            last = max(int(gem_ticks.max(initial=track.solo_start)), track.solo_start)
            track.phrases.append((PhraseKind.SOLO, track.solo_start, last + 1))
            track.solo_start = None
        warnings.extend(f"unknown note type N {kind} ignored" for kind in sorted(track.unknown))
    return events


def _read_drum_lines(lines: Iterable[tuple[int, str]], track: DrumEvents) -> None:
    """The lines `note_lines` left, with their body index: phrases, local events, and note lines
    it could not vouch for (which may be malformed: this is where their errors are raised)."""
    for index, line in lines:
        parts = line.split()
        if len(parts) < 4 or parts[1] != "=":
            if not parts:
                continue
            parts = event_parts(line, index)
        tick, code = parse_tick(parts[0], index), parts[2]
        if code == "N":
            kind = parse_number(parts, 3, index)
            if 0 <= kind < _KNOWN_KINDS:
                track.notes.append((tick, kind))
            elif kind >= _KNOWN_KINDS:
                track.unknown.add(kind)
            # negative types are dropped silently, as they always were
        elif code == "S":
            _add_phrase(track, tick, parts, index)
        elif code == "E":
            _add_local_event(track, tick, " ".join(parts[3:]))


def _gather_notes(track: DrumEvents) -> None:
    """Join the N events of both readers into `ticks`/`kinds`, and note the unknown types."""
    line_by_line = np.array(track.notes, dtype=np.int64).reshape(-1, 2)
    track.ticks = np.concatenate([ticks for ticks, _ in track.note_parts] + [line_by_line[:, 0]])
    track.kinds = np.concatenate([kinds for _, kinds in track.note_parts] + [line_by_line[:, 1]])
    known = _KNOWN[track.kinds]
    if not known.all():
        track.unknown.update(np.unique(track.kinds[~known]).tolist())


def _add_phrase(track: DrumEvents, tick: int, parts: list[str], index: int) -> None:
    found = _PHRASE_KINDS.get(parse_number(parts, 3, index))
    if found is None:
        return  # an unknown phrase type
    kind, extra = found
    end = tick + max(parse_number(parts, 4, index, default=0), 0) + extra
    track.phrases.append((kind, tick, min(end, MAX_TICK + 1)))


def _add_local_event(track: DrumEvents, tick: int, raw: str) -> None:
    text = raw.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    if text in _SOLO_STARTS:
        if track.solo_start is None:
            track.solo_start = tick
    elif text in _SOLO_ENDS:
        if track.solo_start is not None:
            # Notes on the soloend tick are inside the solo.
            track.phrases.append((PhraseKind.SOLO, track.solo_start, tick + 1))
            track.solo_start = None
    elif text[:3].lower() == "mix":
        mix = _mix_event(text)
        if mix is not None:
            track.mixes.append((mix[0], tick, mix[1]))


def _mix_event(text: str) -> tuple[Difficulty, bool] | None:
    """`mix <difficulty> drums<config><flag>` (spaces or underscores) -> (difficulty, disco flip)."""
    match = _MIX_EVENT.fullmatch(text)
    if match is None:
        return None
    return _MIX_DIFFICULTY[int(match[1])], match[2].lower() == "d"


def build_drum_tracks(
    events: dict[Difficulty, DrumEvents],
    tempo_map: TempoMap,
    ini_pro: bool | None,
    ini_five: bool | None,
    coda_tick: int | None,
) -> tuple[DrumType, LazyTracks]:
    """The drum type now, and the tracks on first access to any: every error and warning has been
    raised by now, and what is left (colours to pieces, notes, phrases) cannot fail."""
    kinds = [track.kinds for track in events.values()]
    has_cymbals = any((_ROLES[column] == _CYMBAL).any() for column in kinds)
    has_fifth_lane = any((column == Pad.FIVE_GREEN).any() for column in kinds)  # N 5 is always a gem
    drum_type = drum_type_for(has_fifth_lane, has_cymbals, ini_pro, ini_five)
    difficulties = sorted(events, key=_MIX_DIFFICULTY.index)
    build = partial(_drum_tracks, {d: events[d] for d in difficulties}, drum_type, tempo_map, coda_tick)
    return drum_type, LazyTracks(difficulties, build)


def _drum_tracks(
    events: dict[Difficulty, DrumEvents], drum_type: DrumType, tempo_map: TempoMap, coda_tick: int | None
) -> dict[Difficulty, Track]:
    """Colours to pieces. Disco flips apply on pro drums only; fills from the global `coda` on mark
    a Big Rock Ending, which has no phrase in the model: they are dropped (as the .mid parser does)."""
    gems = {difficulty: _gems(track.ticks, track.kinds) for difficulty, track in events.items()}
    if drum_type is DrumType.FOUR_LANE_PRO:
        mixes = sorted(mix for track in events.values() for mix in track.mixes)
        for difficulty, columns in gems.items():
            flips = [(tick, disco) for diff, tick, disco in mixes if diff is difficulty]
            gems[difficulty] = flip_disco(columns, _disco_regions(columns.ticks, flips))
    phrases = {difficulty: _phrases(track, coda_tick, tempo_map) for difficulty, track in events.items()}
    return build_tracks(gems, drum_type, tempo_map, phrases)


def _phrases(track: DrumEvents, coda_tick: int | None, tempo_map: TempoMap) -> list[Phrase]:
    kept = [
        (kind, start, end)
        for kind, start, end in track.phrases
        if kind is not PhraseKind.FILL or coda_tick is None or start < coda_tick
    ]
    return make_phrases(kept, tempo_map)


def _gems(ticks: np.ndarray, kinds: np.ndarray) -> GemColumns:
    """Gem columns with the .chart modifiers applied: a modifier belongs to its lane's gem on its
    tick, and a 2x kick on the tick of a plain kick adds nothing (the plain one is what everybody
    plays). Events are grouped by (tick, lane) with one sort; the roles met in a group mark its
    gems. The columns come out in (tick, lane) order, which is fine: equal gems make equal notes."""
    keys = ticks * _LANE_KEY + _LANES[kinds]
    order = np.argsort(keys, kind="stable")  # nearly sorted already (file order is by tick)
    keys, roles = keys[order], _ROLES[kinds[order]]
    if not len(keys):
        return GemColumns.of(keys, keys)
    new_key = np.ones(len(keys), bool)
    new_key[1:] = keys[1:] != keys[:-1]
    marks = np.bitwise_or.reduceat(roles, np.flatnonzero(new_key))[np.cumsum(new_key) - 1]
    chosen = (roles == _GEM) | ((roles == _DOUBLE_KICK) & ((marks & _GEM) == 0))
    keys, marks, doubles = keys[chosen], marks[chosen], roles[chosen] == _DOUBLE_KICK
    return GemColumns.of(
        keys // _LANE_KEY,
        keys % _LANE_KEY,
        (marks & _CYMBAL) != 0,
        _DYNAMIC_OF_MARKS[(marks & (_ACCENT | _GHOST)) // _ACCENT],
        np.where(doubles, NoteFlag.DOUBLE_KICK.value, NoteFlag.NONE.value),
    )


def _disco_regions(ticks: np.ndarray, mixes: list[tuple[int, bool]]) -> np.ndarray:
    """Which ticks lie in a disco flip: the last mix event at or before a tick decides."""
    if not any(disco for _, disco in mixes):
        return np.zeros(len(ticks), bool)
    mix_ticks = np.array([tick for tick, _ in mixes], dtype=np.int64)
    disco = np.array([flag for _, flag in mixes], dtype=bool)
    at = np.searchsorted(mix_ticks, ticks, side="right") - 1
    return (at >= 0) & disco[np.maximum(at, 0)]
