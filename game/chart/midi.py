"""The Clone Hero / Rock Band `notes.mid` drum parser.

Owns the meaning of the MIDI drum tracks: which tracks matter (track 0 for the tempo map, `EVENTS`
for sections, `PART DRUMS` or its FoFiX alias `PART DRUM` for notes; every other track, including
`PART DRUMS_2X` and `PART REAL_DRUMS_PS`, is ignored), the note map, markers and text events.
Colours become kit pieces only in `game.chart.gem`.

Rules worth knowing before reading the code:
- in .mid, yellow/blue/green gems are cymbals unless their colour's tom marker (110-112) is active;
- a marker covers [Note On, Note Off); one that is never switched off runs to the end of the track;
  a Note On of a marker already on is ignored, and when a marker is switched off and on again at
  one tick it ends and restarts there (editors write those two events in either order);
- velocities mean accent (127) and ghost (1) only after `[ENABLE_CHART_DYNAMICS]`, and only on pads;
- disco flip (`[mix <diff> drums<n>d]`) swaps red and yellow on pro drums only;
- rolls apply to Expert, and to Hard too when the marker's velocity is 41-50;
- fills after a global `[coda]` mark a Big Rock Ending, which the model has no phrase for: they are
  dropped, and the coda tick is kept in `Chart.metadata["coda_tick"]`.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import numpy as np

from game.chart.error import ChartError
from game.chart.gem import (
    DYNAMIC_CODE,
    NORMAL_CODE,
    GemColumns,
    Pad,
    build_tracks,
    detect_drum_type,
    flip_disco,
    make_phrases,
)
from game.chart.model import Chart, ChartFormat, Difficulty, DrumType, Phrase, PhraseKind, Section, Track
from game.chart.piece import Dynamic, NoteFlag
from game.chart.smf import MidiData, Note, TrackEvents, read_midi
from game.chart.tempo import TempoChange, TempoMap, TimeSignature

log = logging.getLogger(__name__)

DRUM_TRACK_NAMES = frozenset({"PART DRUMS", "PART DRUM"})
EVENTS_TRACK_NAME = "EVENTS"

_LOWEST_GEM = {Difficulty.EASY: 60, Difficulty.MEDIUM: 72, Difficulty.HARD: 84, Difficulty.EXPERT: 96}
DOUBLE_KICK_NOTE = 95
_GEM_NOTES: dict[int, tuple[Difficulty, Pad, NoteFlag]] = {
    low + pad: (difficulty, pad, NoteFlag.NONE) for difficulty, low in _LOWEST_GEM.items() for pad in Pad
}
_GEM_NOTES[DOUBLE_KICK_NOTE] = (Difficulty.EXPERT, Pad.KICK, NoteFlag.DOUBLE_KICK)

SOLO, PLAYER_1, PLAYER_2, FLAM, STAR_POWER, ROLL, DOUBLE_ROLL = 103, 105, 106, 109, 116, 126, 127
TOM_MARKERS = {110: Pad.YELLOW, 111: Pad.BLUE, 112: Pad.GREEN}
FILL_NOTES = range(120, 125)
_PHRASE_NOTES = {SOLO: PhraseKind.SOLO, PLAYER_1: PhraseKind.PLAYER_1, PLAYER_2: PhraseKind.PLAYER_2}
_PHRASE_NOTES[STAR_POWER] = PhraseKind.STAR_POWER
_MARKER_NOTES = frozenset({*_PHRASE_NOTES, FLAM, *TOM_MARKERS, *FILL_NOTES, ROLL, DOUBLE_ROLL})
_HARD_ROLL_VELOCITIES = range(41, 51)

_MIX_EVENT = re.compile(r"mix[ _]+([0-3])[ _]+drums(\d)([a-z]*)", re.IGNORECASE)
_MIX_DIFFICULTIES = (Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD, Difficulty.EXPERT)
_SECTION_PREFIXES = ("section ", "section_", "prc_")


@dataclass(frozen=True, slots=True)
class _Span:
    """A marker's half-open tick range, with its Note On velocity."""

    start: int
    end: int
    velocity: int = 0


class _SpanSet:
    """Disjoint sorted spans answering "is this tick inside one?" by bisection."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[_Span]):
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._ends = [s.end for s in ordered]

    def covers(self, tick: int) -> bool:
        k = bisect_right(self._starts, tick) - 1
        return k >= 0 and tick < self._ends[k]

    def covers_many(self, ticks: np.ndarray) -> np.ndarray:
        if not self._starts:
            return np.zeros(len(ticks), bool)
        k = np.searchsorted(np.array(self._starts, np.int64), ticks, side="right") - 1
        return (k >= 0) & (ticks < np.array(self._ends, np.int64)[np.maximum(k, 0)])


def read_mid(path: Path, ini_pro: bool | None = None, ini_five_lane: bool | None = None) -> Chart:
    """Read and parse a `notes.mid` file."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ChartError(f"cannot read file: {error.strerror or error}", path) from error
    return parse_mid(data, path, ini_pro, ini_five_lane)


def parse_mid(
    data: bytes, path: Path | None = None, ini_pro: bool | None = None, ini_five_lane: bool | None = None
) -> Chart:
    """Parse the bytes of a `notes.mid`; `ini_pro`/`ini_five_lane` are song.ini's drum-type flags."""
    try:
        return _parse(data, ini_pro, ini_five_lane)
    except ChartError as error:
        if path is None:
            raise
        raise error.at(path) from None


def _parse(data: bytes, ini_pro: bool | None, ini_five_lane: bool | None) -> Chart:
    midi = read_midi(data, _wanted)
    warnings = list(midi.warnings)
    drums = [t for t in midi.tracks if t.index > 0 and _is_drum_track(t.name)]
    if not drums:
        raise ChartError("not a Clone Hero drum chart: no PART DRUMS track")
    if len(drums) > 1:
        warnings.append(f"{len(drums)} drum tracks; using the first ({drums[0].name})")
    tempo_map = _tempo_map(midi, warnings)
    events = next((t for t in midi.tracks if t.index > 0 and _is_events_track(t.name)), None)
    sections, coda_tick = _global_events(events, tempo_map)
    tracks, drum_type = _drum_tracks(drums[0], tempo_map, ini_pro, ini_five_lane, coda_tick)
    if not tracks:
        warnings.append("the drum track has no notes")
    metadata = {} if coda_tick is None else {"coda_tick": str(coda_tick)}
    for warning in warnings:
        log.debug("notes.mid: %s", warning)
    return Chart(ChartFormat.MID, drum_type, tempo_map, tracks, sections, 0.0, metadata, tuple(warnings))


def _wanted(index: int, name: str | None) -> bool:
    return index == 0 or _is_events_track(name) or _is_drum_track(name)


def _is_events_track(name: str | None) -> bool:
    return name is not None and name.strip().upper() == EVENTS_TRACK_NAME


def _is_drum_track(name: str | None) -> bool:
    return name is not None and name.strip().upper() in DRUM_TRACK_NAMES


def _tempo_map(midi: MidiData, warnings: list[str]) -> TempoMap:
    """Tempos and time signatures from track 0 only (instrument tracks sometimes repeat them)."""
    track = midi.tracks[0]
    tempos: list[TempoChange] = []
    for tick, micros in track.tempos:
        if micros > 0:
            tempos.append(TempoChange(tick, 60e6 / micros))
        else:
            warnings.append(f"ignored a tempo of 0 microseconds per beat at tick {tick}")
    if not tempos:
        warnings.append("no tempo events; assuming 120 BPM")
    elif tempos[0].tick > 0:
        warnings.append(f"first tempo event at tick {tempos[0].tick}; assuming 120 BPM before it")
    signatures: list[TimeSignature] = []
    for tick, numerator, exponent in track.time_signatures:
        if numerator > 0 and exponent <= 7:
            signatures.append(TimeSignature(tick, numerator, 2**exponent))
        else:
            warnings.append(f"ignored a bad time signature {numerator}/2^{exponent} at tick {tick}")
    return TempoMap(midi.header.ticks_per_quarter, tempos, signatures)


def _global_events(events: TrackEvents | None, tempo_map: TempoMap) -> tuple[tuple[Section, ...], int | None]:
    """Practice sections, and the tick of `[coda]` if there is one."""
    if events is None:
        return (), None
    sections: list[Section] = []
    coda_tick: int | None = None
    for tick, text in events.texts:
        body = _unbracket(text)
        lowered = body.lower()
        if lowered == "coda" and coda_tick is None:
            coda_tick = tick
        for prefix in _SECTION_PREFIXES:
            if lowered.startswith(prefix) and body[len(prefix) :].strip():
                sections.append(Section(tick, tempo_map.seconds(tick), body[len(prefix) :].strip()))
                break
    return tuple(sections), coda_tick


def _unbracket(text: str) -> str:
    return text.strip().removeprefix("[").removesuffix("]").strip()


def _drum_tracks(
    track: TrackEvents,
    tempo_map: TempoMap,
    ini_pro: bool | None,
    ini_five_lane: bool | None,
    coda_tick: int | None,
) -> tuple[dict[Difficulty, Track], DrumType]:
    spans = _marker_spans(track.notes, track.end_tick)
    dynamics = any(_unbracket(text).upper() == "ENABLE_CHART_DYNAMICS" for _, text in track.texts)
    gems = _gem_columns(track.notes, spans, dynamics)
    has_pro_markers = any(spans.get(note) for note in TOM_MARKERS)
    drum_type = detect_drum_type(gems.values(), has_pro_markers, ini_pro, ini_five_lane)
    if drum_type is DrumType.FOUR_LANE_PRO:
        flips = _disco_flips(track.texts, track.end_tick)
        gems = {d: flip_disco(g, flips[d].covers_many(g.ticks)) for d, g in gems.items()}
    phrases = _phrases(spans, tempo_map, coda_tick)
    charted = {difficulty: columns for difficulty, columns in gems.items() if len(columns)}
    tracks = build_tracks(charted, drum_type, tempo_map, phrases, dynamics)
    return tracks, drum_type


def _marker_spans(notes: Sequence[Note], end_tick: int) -> dict[int, list[_Span]]:
    by_note: dict[int, list[tuple[int, int]]] = {}
    for tick, note, velocity in notes:
        if note in _MARKER_NOTES:
            by_note.setdefault(note, []).append((tick, velocity))
    return {note: _pair(events, end_tick) for note, events in by_note.items()}


def _pair(events: list[tuple[int, int]], end_tick: int) -> list[_Span]:
    """Turn one pitch's on/off events (in file order) into disjoint spans, at least one tick long."""
    spans: list[_Span] = []
    start: int | None = None
    on_velocity = 0
    for tick, group in groupby(events, key=itemgetter(0)):
        velocities = [velocity for _, velocity in group]
        if start is not None and 0 in velocities:  # an earlier marker ends here, whatever the order
            spans.append(_Span(start, tick, on_velocity))
            start = None
            velocities.remove(0)
        for velocity in velocities:
            if velocity and start is None:
                start, on_velocity = tick, velocity
            elif not velocity and start is not None:  # on and off at one tick: covers that tick
                spans.append(_Span(start, start + 1, on_velocity))
                start = None
    if start is not None:
        spans.append(_Span(start, max(end_tick, start + 1), on_velocity))
    return spans


def _gem_columns(notes: Sequence[Note], spans: dict[int, list[_Span]], dynamics: bool) -> dict[Difficulty, GemColumns]:
    toms = {pad: _SpanSet(spans.get(note, ())) for note, pad in TOM_MARKERS.items()}
    flams = _SpanSet(spans.get(FLAM, ()))
    expert_kick = _LOWEST_GEM[Difficulty.EXPERT] + Pad.KICK
    # A 2x kick on the tick of a normal kick adds nothing, and must not mark that kick optional.
    kick_ticks = {tick for tick, note, velocity in notes if note == expert_kick and velocity}
    # Per difficulty: ticks, pads, cymbals, dynamic codes, flag values (GemColumns, in file order).
    columns: dict[Difficulty, tuple[list[int], list[int], list[bool], list[int], list[int]]] = {
        difficulty: ([], [], [], [], []) for difficulty in Difficulty
    }
    for tick, note, velocity in notes:
        slot = _GEM_NOTES.get(note)
        if slot is None or not velocity:
            continue
        difficulty, pad, flags = slot
        if pad is Pad.KICK:
            if flags and tick in kick_ticks:
                continue
            _append(columns[difficulty], tick, pad, False, NORMAL_CODE, flags)
            continue
        cymbal = pad in toms and not toms[pad].covers(tick)
        if flams.covers(tick):
            flags |= NoteFlag.FLAM
        dynamic = _dynamic_code(velocity) if dynamics else NORMAL_CODE
        _append(columns[difficulty], tick, pad, cymbal, dynamic, flags)
    return {difficulty: GemColumns.of(*lists) for difficulty, lists in columns.items()}


def _append(
    columns: tuple[list[int], list[int], list[bool], list[int], list[int]],
    tick: int,
    pad: Pad,
    cymbal: bool,
    dynamic: int,
    flags: NoteFlag,
) -> None:
    ticks, pads, cymbals, dynamics, flag_values = columns
    ticks.append(tick)
    pads.append(pad)
    cymbals.append(cymbal)
    dynamics.append(dynamic)
    flag_values.append(flags.value)


def _dynamic_code(velocity: int) -> int:
    if velocity >= 127:
        return DYNAMIC_CODE[Dynamic.ACCENT]
    if velocity == 1:
        return DYNAMIC_CODE[Dynamic.GHOST]
    return NORMAL_CODE


def _disco_flips(texts: Iterable[tuple[int, str]], end_tick: int) -> dict[Difficulty, _SpanSet]:
    """Per difficulty, where a `d` mix event is in force (until the next mix event of that difficulty)."""
    switches: dict[Difficulty, list[tuple[int, bool]]] = {difficulty: [] for difficulty in Difficulty}
    for tick, text in texts:
        match = _MIX_EVENT.fullmatch(_unbracket(text))
        if match:
            switches[_MIX_DIFFICULTIES[int(match[1])]].append((tick, match[3].lower() == "d"))
    flips: dict[Difficulty, _SpanSet] = {}
    for difficulty, changes in switches.items():
        spans: list[_Span] = []
        start: int | None = None
        for tick, on in changes:
            if on and start is None:
                start = tick
            elif not on and start is not None:
                spans.append(_Span(start, tick))
                start = None
        if start is not None:
            spans.append(_Span(start, max(end_tick, start) + 1))
        flips[difficulty] = _SpanSet(spans)
    return flips


def _phrases(
    spans: dict[int, list[_Span]], tempo_map: TempoMap, coda_tick: int | None
) -> dict[Difficulty, list[Phrase]]:
    shared = [(kind, span.start, span.end) for note, kind in _PHRASE_NOTES.items() for span in spans.get(note, ())]
    fills = _merge_spans(span for note in FILL_NOTES for span in spans.get(note, ()))
    shared += [(PhraseKind.FILL, start, end) for start, end in fills if coda_tick is None or start < coda_tick]
    rolls = [
        (kind, span)
        for note, kind in ((ROLL, PhraseKind.ROLL), (DOUBLE_ROLL, PhraseKind.DOUBLE_ROLL))
        for span in spans.get(note, ())
    ]
    made = make_phrases([*shared, *((kind, span.start, span.end) for kind, span in rolls)], tempo_map)
    phrases = {difficulty: made[: len(shared)] for difficulty in Difficulty}
    for (_, span), phrase in zip(rolls, made[len(shared) :], strict=True):
        phrases[Difficulty.EXPERT].append(phrase)
        if span.velocity in _HARD_ROLL_VELOCITIES:
            phrases[Difficulty.HARD].append(phrase)
    return phrases


def _merge_spans(spans: Iterable[_Span]) -> list[tuple[int, int]]:
    """One range per fill: the five fill lanes normally repeat one range, and overlaps are one fill."""
    merged: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], span.end))
        else:
            merged.append((span.start, span.end))
    return merged
