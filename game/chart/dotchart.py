"""Clone Hero / Moonscraper `.chart` reader: the drum part, the tempo map and the header.

Invariants:
- every failure is a `ChartError` naming the file and, where known, the line: nothing else escapes;
- the work is linear in the file size. Sections are found with `str.find` over the whole text, and
  only the sections a drum game needs (`[Song]`, `[SyncTrack]`, `[Events]`, the four drum tracks)
  are split into lines; guitar, vocals and legacy tracks are skipped without being tokenised;
- ticks are integers in [0, 2**32), as in the editors that write the format, so no tick can
  overflow the tempo map's int64 arithmetic.

Why the scanner works on offsets rather than lines: most lines of a full-band chart belong to
instruments we skip, and finding where their sections end with `str.find` costs a fraction of
splitting them into lines. A section ends at the first `}` that stands alone on its line; a `[` at
the start of a line inside a body means the previous section was never closed, which is reported
rather than silently swallowing the next section.

Colours become kit pieces only in `game.chart.gem`; this module decides the .chart rule for
`cymbal` (yellow/blue/green are toms unless flagged by N 66/67/68) and applies the disco flip.
"""

from __future__ import annotations

import codecs
import logging
import math
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from game.chart.error import ChartError
from game.chart.gem import Pad, RawGem, build_track, detect_drum_type, make_phrase
from game.chart.model import Chart, ChartFormat, Difficulty, DrumType, PhraseKind, Section, Track
from game.chart.piece import Dynamic, NoteFlag
from game.chart.tempo import TempoChange, TempoMap, TimeSignature

logger = logging.getLogger(__name__)

DEFAULT_RESOLUTION = 192
MAX_TICK = 2**32 - 1  # Moonscraper stores ticks as uint32
MAX_RESOLUTION = 2**53  # larger values cannot be converted to float exactly
MAX_MILLI_BPM = 10**12

DRUM_SECTIONS = {
    "easydrums": Difficulty.EASY,
    "mediumdrums": Difficulty.MEDIUM,
    "harddrums": Difficulty.HARD,
    "expertdrums": Difficulty.EXPERT,
}
_MIX_DIFFICULTY = (Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD, Difficulty.EXPERT)
_PHRASE_KINDS = {
    2: PhraseKind.STAR_POWER,
    64: PhraseKind.FILL,
    65: PhraseKind.ROLL,
    66: PhraseKind.DOUBLE_ROLL,
}
_IGNORED_NOTES = frozenset({33, 39, 64, 65, 109})  # seen in the wild, meaningless for drums here
_DOUBLE_KICK = 32
_PADS = tuple(Pad)  # indexed by N type 0..5
_KIND_TOKENS = {str(kind): kind for kind in range(128)}
_SOLO_STARTS = frozenset({"solo", "solo_on"})
_SOLO_ENDS = frozenset({"soloend", "solo_off"})
_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_SPACE = re.compile(r"\s*")
_SECTION_EVENT = re.compile(
    r'^[ \t]*(\d{1,10})[ \t]*=[ \t]*E[ \t]+"?\[?(?i:section[ _]|prc_)(.*?)\]?"?[ \t]*$', re.MULTILINE
)
_MIX_EVENT = re.compile(r"mix[ _]+([0-3])[ _]+drums\d([a-z]*)", re.IGNORECASE)
_CODA_EVENT = re.compile(r'^[ \t]*(\d{1,10})[ \t]*=[ \t]*E[ \t]+"?\[?(?i:coda)\]?"?[ \t]*$', re.MULTILINE)


class _BadLine(Exception):
    """A problem on line `index`: of a section body while reading it, of the file once re-raised by
    `_with_lines` or `_scan_sections`. `parse_chart` turns it into a ChartError."""

    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index = index
        self.message = message


@dataclass(frozen=True, slots=True)
class _RawSection:
    name: str
    start: int  # offset of the first body character (just after `{`)
    end: int  # offset of the closing `}`


@dataclass(slots=True)
class _TrackEvents:
    """Everything read from one drum difficulty, before colours become pieces."""

    notes: list[tuple[int, int]] = field(default_factory=list)  # (tick, N type) for 0..5 and 32
    accents: set[tuple[int, int]] = field(default_factory=set)  # (tick, lane)
    ghosts: set[tuple[int, int]] = field(default_factory=set)
    cymbals: set[tuple[int, int]] = field(default_factory=set)
    phrases: list[tuple[PhraseKind, int, int]] = field(default_factory=list)  # half-open ticks
    mixes: list[tuple[Difficulty, int, bool]] = field(default_factory=list)  # (difficulty, tick, disco)
    unknown: set[int] = field(default_factory=set)
    solo_start: int | None = None


def read_chart(path: Path, ini_pro: bool | None = None, ini_five_lane: bool | None = None) -> Chart:
    """Read and parse the `.chart` file at `path`."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ChartError(f"cannot read file: {error.strerror or error}", path) from error
    return parse_chart(data, path, ini_pro, ini_five_lane)


def parse_chart(
    data: bytes, path: Path | None = None, ini_pro: bool | None = None, ini_five_lane: bool | None = None
) -> Chart:
    """Parse `.chart` bytes. `ini_pro` / `ini_five_lane` are the song.ini drum-type overrides."""
    text = _decode(data)
    try:
        by_name: dict[str, list[_RawSection]] = {}
        for section in _scan_sections(text):
            by_name.setdefault(section.name.lower(), []).append(section)
        if "song" not in by_name and "synctrack" not in by_name:
            raise _BadLine(1, "not a .chart file: no [Song] or [SyncTrack] section")
        return _build_chart(text, by_name, ini_pro, ini_five_lane)
    except _BadLine as error:
        raise ChartError(error.message, path, f"line {error.index}") from None


def _build_chart(
    text: str, by_name: dict[str, list[_RawSection]], ini_pro: bool | None, ini_five_lane: bool | None
) -> Chart:
    warnings: list[str] = []
    metadata: dict[str, str] = {}
    for section in by_name.get("song", []):
        _with_lines(text, section, lambda lines: _read_song(lines, metadata))
    resolution, offset_s = _song_numbers(metadata, warnings)
    tempos: list[TempoChange] = []
    signatures: list[TimeSignature] = []
    for section in by_name.get("synctrack", []):
        _with_lines(text, section, lambda lines: _read_sync(lines, tempos, signatures, warnings))
    if "synctrack" not in by_name:
        warnings.append("no [SyncTrack]; assuming 120 bpm and 4/4")
    tempo_map = TempoMap(resolution, tempos, signatures)
    sections, coda_tick = _read_events(text, by_name.get("events", []), tempo_map)
    if coda_tick is not None:
        metadata["coda_tick"] = str(coda_tick)
    events = _read_drum_sections(text, by_name, warnings)
    drum_type, tracks = _build_tracks(events, tempo_map, ini_pro, ini_five_lane, coda_tick)
    return Chart(
        format=ChartFormat.CHART,
        drum_type=drum_type,
        tempo_map=tempo_map,
        tracks=tracks,
        sections=sections,
        offset_s=offset_s,
        metadata=metadata,
        warnings=tuple(dict.fromkeys(warnings)),
    )


# --- text and sections ------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """UTF-8 (BOM optional) or BOM-marked UTF-16; stray non-UTF-8 bytes are read as latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            escaped = data.decode("utf-8-sig", errors="surrogateescape")
            text = _STRAY_BYTE.sub(lambda m: chr(ord(m[0]) - 0xDC00), escaped)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _scan_sections(text: str) -> list[_RawSection]:
    """Find `[Name] { ... }` blocks by offset; line numbers are counted only for an error."""
    sections: list[_RawSection] = []
    size = len(text)
    pos = _SPACE.match(text).end()  # type: ignore[union-attr]
    if pos >= size:
        raise _BadLine(1, "empty file")
    while pos < size:
        line_end = text.find("\n", pos)
        line_end = size if line_end < 0 else line_end
        header = text[pos:line_end].strip()
        if len(header) < 2 or header[0] != "[" or header[-1] != "]":
            raise _BadLine(_line_at(text, pos), "not a .chart file: expected a [section] header")
        name = header[1:-1].strip()
        brace = _SPACE.match(text, line_end).end()  # type: ignore[union-attr]
        if brace >= size or text[brace] != "{":
            raise _BadLine(_line_at(text, brace), f"expected '{{' after [{name}]")
        close = _find_close(text, brace + 1)
        if close < 0:
            raise _BadLine(_line_at(text, pos), f"section [{name}] is never closed with '}}'")
        stray = _line_start_bracket(text, brace + 1, close)
        if stray >= 0:
            raise _BadLine(_line_at(text, stray), f"section [{name}] is not closed before this line")
        sections.append(_RawSection(name, brace + 1, close))
        pos = _SPACE.match(text, close + 1).end()  # type: ignore[union-attr]
    return sections


def _find_close(text: str, start: int) -> int:
    """The offset of the first `}` after `start` that stands alone on its line, or -1."""
    close = text.find("}", start)
    while close >= 0:
        before = close - 1
        while before >= start and text[before] in " \t":
            before -= 1
        after = close + 1
        while after < len(text) and text[after] in " \t":
            after += 1
        if (before < start or text[before] == "\n") and (after >= len(text) or text[after] == "\n"):
            return close
        close = text.find("}", close + 1)
    return -1


def _line_start_bracket(text: str, start: int, end: int) -> int:
    """The offset of a `[` that begins a line (after indentation) in [start, end), or -1.

    Such a line inside a body is the next section's header: this section lacks its `}`."""
    found = text.find("[", start, end)
    while found >= 0:
        before = found - 1
        while before >= start and text[before] in " \t":
            before -= 1
        if before < start or text[before] == "\n":
            return found
        found = text.find("[", found + 1, end)
    return -1


def _with_lines(text: str, section: _RawSection, read: Callable[[list[str]], None]) -> None:
    """Call `read(lines)` on the body of `section`, turning _BadLine into a file line number."""
    try:
        read(text[section.start : section.end].split("\n"))
    except _BadLine as error:
        raise _BadLine(_line_at(text, section.start) + error.index, error.message) from None


def _event_parts(line: str, index: int) -> list[str]:
    """`tick = CODE values...` as tokens, for lines whose `=` is not space-separated."""
    tick, equals, rest = line.partition("=")
    values = rest.split()
    if not equals or not tick.strip() or not values:
        raise _BadLine(index, f"expected 'tick = code values', got {line.strip()[:40]!r}")
    return [tick.strip(), "=", *values]


def _tick(token: str, index: int) -> int:
    try:
        tick = int(token)
    except ValueError:
        raise _BadLine(index, f"invalid tick {token[:40]!r}") from None
    if not 0 <= tick <= MAX_TICK:
        raise _BadLine(index, f"tick {token[:40]} is out of range (0 to {MAX_TICK})")
    return tick


def _number(parts: list[str], at: int, index: int, default: int | None = None) -> int:
    if len(parts) <= at:
        if default is not None:
            return default
        raise _BadLine(index, f"missing value after {parts[2]!r}")
    try:
        return int(parts[at])
    except ValueError:
        raise _BadLine(index, f"invalid number {parts[at][:40]!r}") from None


# --- [Song], [SyncTrack], [Events] -------------------------------------------------------------


def _read_song(lines: list[str], metadata: dict[str, str]) -> None:
    for index, line in enumerate(lines):
        key, equals, value = line.partition("=")
        if not equals or not key.strip():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
            value = value[1:-1]
        key = key.strip().lower()
        if key == "year":
            value = value.lstrip(", ")
        elif key == "resolution":
            _check_resolution(value, index)
        metadata[key] = value


def _check_resolution(value: str, index: int) -> None:
    try:
        resolution = int(value)
    except ValueError:
        raise _BadLine(index, f"invalid resolution {value[:40]!r}") from None
    if not 0 < resolution <= MAX_RESOLUTION:
        raise _BadLine(index, f"resolution {value[:40]} is out of range (1 to {MAX_RESOLUTION})")


def _song_numbers(metadata: dict[str, str], warnings: list[str]) -> tuple[int, float]:
    """Resolution (required, but sloppy charts omit it) and Offset (optional)."""
    resolution = int(metadata.get("resolution", DEFAULT_RESOLUTION))  # checked by _read_song
    if "resolution" not in metadata:
        warnings.append(f"no Resolution in [Song]; assuming {DEFAULT_RESOLUTION}")
    offset_s = 0.0
    if "offset" in metadata:
        try:
            offset_s = float(metadata["offset"])
        except ValueError:
            offset_s = math.nan
        if not math.isfinite(offset_s) or abs(offset_s) > 3600:  # an hour: surely a typo
            warnings.append(f"invalid Offset {metadata['offset'][:40]!r} ignored")
            offset_s = 0.0
    return resolution, offset_s


def _read_sync(
    lines: list[str], tempos: list[TempoChange], signatures: list[TimeSignature], warnings: list[str]
) -> None:
    for index, line in enumerate(lines):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 3 or parts[1] != "=":
            parts = _event_parts(line, index)
        tick, code = _tick(parts[0], index), parts[2]
        if code == "B":
            milli_bpm = _number(parts, 3, index)
            if not 0 < milli_bpm <= MAX_MILLI_BPM:
                raise _BadLine(index, f"tempo {parts[3][:40]} is out of range")
            tempos.append(TempoChange(tick, milli_bpm / 1000))
        elif code == "TS":
            numerator, exponent = _number(parts, 3, index), _number(parts, 4, index, default=2)
            if 0 < numerator <= 1024 and 0 <= exponent <= 10:
                signatures.append(TimeSignature(tick, numerator, 2**exponent))
            else:  # it only draws the grid: not worth losing the song over
                warnings.append(f"time signature {' '.join(parts[3:5])[:40]!r} at tick {tick} ignored")
        # `A` anchors only help editors keep audio sync; `seconds()` is authoritative for timing.


def _read_events(text: str, events: list[_RawSection], tempo_map: TempoMap) -> tuple[tuple[Section, ...], int | None]:
    """Practice sections and the `coda` tick; the rest of [Events] (lyrics, crowd cues) is not needed.

    Regexes over the section body rather than a line loop: [Events] can hold thousands of lyrics.
    """
    found: list[tuple[int, str]] = []
    codas: list[int] = []
    for section in events:
        for match in _SECTION_EVENT.finditer(text, section.start, section.end):
            tick, name = int(match[1]), match[2].strip()
            if tick <= MAX_TICK and name:
                found.append((tick, name))
        codas += [int(match[1]) for match in _CODA_EVENT.finditer(text, section.start, section.end)]
    found.sort(key=lambda item: item[0])
    times = tempo_map.seconds_many([tick for tick, _ in found]) if found else []
    sections = tuple(Section(tick, float(t), name) for (tick, name), t in zip(found, times, strict=True))
    coda_tick = min(codas, default=None)
    return sections, coda_tick if coda_tick is None or coda_tick <= MAX_TICK else None


# --- drum tracks ---------------------------------------------------------------------------------


def _read_drum_sections(
    text: str, by_name: dict[str, list[_RawSection]], warnings: list[str]
) -> dict[Difficulty, _TrackEvents]:
    events: dict[Difficulty, _TrackEvents] = {}
    for name, sections in by_name.items():
        difficulty = DRUM_SECTIONS.get(name)
        if difficulty is None:
            if name.endswith("doubledrums"):
                warnings.append(f"[{sections[0].name}] ignored")
            continue
        track = events.setdefault(difficulty, _TrackEvents())
        for section in sections:
            _with_lines(text, section, lambda lines, track=track: _read_drums(lines, track))
        if track.solo_start is not None:
            warnings.append(f"solo without soloend in [{sections[0].name}]; closed at its last note")
            last = max((tick for tick, _ in track.notes), default=track.solo_start)
            track.phrases.append((PhraseKind.SOLO, track.solo_start, max(last, track.solo_start) + 1))
            track.solo_start = None
        warnings.extend(f"unknown note type N {kind} ignored" for kind in sorted(track.unknown))
    return events


def _read_drums(lines: list[str], track: _TrackEvents) -> None:
    """The hot loop: one drum difficulty. Plain `str.split`, `int` and compares; no calls per note."""
    notes, accents, ghosts, cymbals = track.notes, track.accents, track.ghosts, track.cymbals
    ticks: dict[str, int] = {}  # notes and their modifiers share ticks; int() is the slow part
    kinds = _KIND_TOKENS
    for index, line in enumerate(lines):
        parts = line.split()
        if len(parts) < 4 or parts[1] != "=":
            if not parts:
                continue
            parts = _event_parts(line, index)
        tick = ticks.get(parts[0])
        if tick is None:
            tick = ticks[parts[0]] = _tick(parts[0], index)
        code = parts[2]
        if code == "N":
            kind = kinds.get(parts[3]) if len(parts) > 3 else None
            if kind is None:
                kind = _number(parts, 3, index)
            if kind <= 5 or kind == _DOUBLE_KICK:
                if kind >= 0:
                    notes.append((tick, kind))
            elif 34 <= kind <= 38:
                accents.add((tick, kind - 33))
            elif 40 <= kind <= 44:
                ghosts.add((tick, kind - 39))
            elif 66 <= kind <= 68:
                cymbals.add((tick, kind - 64))
            elif kind not in _IGNORED_NOTES:
                track.unknown.add(kind)
        elif code == "S":
            _add_phrase(track, tick, parts, index)
        elif code == "E":
            _add_local_event(track, tick, " ".join(parts[3:]))


def _add_phrase(track: _TrackEvents, tick: int, parts: list[str], index: int) -> None:
    kind = _PHRASE_KINDS.get(_number(parts, 3, index))
    if kind is None:
        return  # S 0 / S 1 are Guitar Hero face-off phrases
    length = max(_number(parts, 4, index, default=0), 0)
    # A fill includes its end tick (start + length); everything else is already half-open.
    end = tick + length + (1 if kind is PhraseKind.FILL else 0)
    track.phrases.append((kind, tick, min(end, MAX_TICK + 1)))


def _add_local_event(track: _TrackEvents, tick: int, raw: str) -> None:
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


def _build_tracks(
    events: dict[Difficulty, _TrackEvents],
    tempo_map: TempoMap,
    ini_pro: bool | None,
    ini_five: bool | None,
    coda_tick: int | None,
) -> tuple[DrumType, dict[Difficulty, Track]]:
    """Colours to pieces. Fills from the global `coda` on mark a Big Rock Ending, which has no
    phrase in the model: they are dropped (as the .mid parser does)."""
    gems = {difficulty: _gems(track) for difficulty, track in events.items()}
    has_cymbals = any(track.cymbals for track in events.values())
    all_gems = [gem for track_gems in gems.values() for gem in track_gems]
    drum_type = detect_drum_type(all_gems, has_cymbals, ini_pro, ini_five)
    mixes = sorted(mix for track in events.values() for mix in track.mixes)
    tracks: dict[Difficulty, Track] = {}
    for difficulty in sorted(events, key=_MIX_DIFFICULTY.index):
        track_gems = gems[difficulty]
        if drum_type is DrumType.FOUR_LANE_PRO:
            track_gems = _disco_flip(track_gems, [(t, d) for diff, t, d in mixes if diff is difficulty])
        phrases = [
            make_phrase(kind, start, end, tempo_map)
            for kind, start, end in events[difficulty].phrases
            if kind is not PhraseKind.FILL or coda_tick is None or start < coda_tick
        ]
        tracks[difficulty] = build_track(difficulty, track_gems, drum_type, tempo_map, phrases)
    return drum_type, tracks


def _gems(track: _TrackEvents) -> list[RawGem]:
    """RawGems with the .chart modifiers applied: a modifier belongs to its lane's gem on its tick."""
    accents, ghosts, cymbals = track.accents, track.ghosts, track.cymbals
    marked = accents or ghosts
    normal, pads = Dynamic.NORMAL, _PADS
    kicks: set[int] | None = None
    gems: list[RawGem] = []
    for tick, kind in track.notes:
        if kind == _DOUBLE_KICK:
            if kicks is None:
                kicks = {tick for tick, kind in track.notes if kind == 0}
            if tick not in kicks:  # a plain kick on the same tick is the one everybody plays
                gems.append(RawGem(tick, Pad.KICK, flags=NoteFlag.DOUBLE_KICK))
            continue
        key = (tick, kind)
        dynamic = normal
        if marked:
            if key in accents:  # accent wins over ghost (Moonscraper's flag priority)
                dynamic = Dynamic.ACCENT
            elif key in ghosts:
                dynamic = Dynamic.GHOST
        gems.append(RawGem(tick, pads[kind], key in cymbals, dynamic))
    return gems


def _disco_flip(gems: list[RawGem], mixes: list[tuple[int, bool]]) -> list[RawGem]:
    """Inside a disco-flip region, red is the hi-hat and yellow the snare (pro drums only)."""
    if not any(disco for _, disco in mixes):
        return gems
    ticks = [tick for tick, _ in mixes]
    flipped: list[RawGem] = []
    for gem in gems:
        at = bisect_right(ticks, gem.tick) - 1
        if at >= 0 and mixes[at][1] and gem.pad in (Pad.RED, Pad.YELLOW):
            to_yellow = gem.pad is Pad.RED
            gem = replace(gem, pad=Pad.YELLOW if to_yellow else Pad.RED, cymbal=to_yellow)
        flipped.append(gem)
    return flipped
