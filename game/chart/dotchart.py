"""Clone Hero / Moonscraper `.chart` reader: the drum part, the tempo map and the header.

Invariants:
- every failure is a `ChartError` naming the file and, where known, the line: nothing else escapes;
- the work is linear in the file size, and only the sections a drum game needs (`[Song]`,
  `[SyncTrack]`, `[Events]`, the four drum tracks) are read; guitar, vocals and legacy tracks are
  skipped without being tokenised;
- ticks are integers in [0, 2**32), as in the editors that write the format, so no tick can
  overflow the tempo map's int64 arithmetic.

The work is split four ways: `game.chart.chart_text` owns the syntax (decoding, sections, lines,
tokens), `game.chart.chart_bulk` the bulk reading of drum note lines, `game.chart.chart_drums` the
drum tracks, and this module the header, the tempo map, the global events and putting a `Chart`
together (its tracks are built on first access: see `game.chart.model.LazyTracks`).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterator
from pathlib import Path

from game.chart.chart_drums import build_drum_tracks, read_drum_sections
from game.chart.chart_text import (
    MAX_TICK,
    BadLine,
    RawSection,
    decode,
    event_parts,
    line_end,
    located,
    normalised,
    parse_number,
    parse_tick,
    scan_sections,
    section_lines,
)
from game.chart.error import ChartError
from game.chart.model import Chart, ChartFormat, Section
from game.chart.tempo import TempoChange, TempoMap, TimeSignature

logger = logging.getLogger(__name__)

DEFAULT_RESOLUTION = 192
MAX_RESOLUTION = 2**53  # larger values cannot be converted to float exactly
MAX_MILLI_BPM = 10**12

# A practice section (`name` set) or the Big Rock Ending's `coda` (`name` None): a whole line.
_GLOBAL_EVENT_LINE = (
    r'[ \t]*(\d{1,10})[ \t]*=[ \t]*E[ \t]+"?\[?(?:(?i:section[ _]|prc_)(?P<name>.*?)|(?i:coda))\]?"?[ \t]*'
)
_GLOBAL_EVENT = re.compile(_GLOBAL_EVENT_LINE)
_GLOBAL_EVENTS = re.compile(f"^{_GLOBAL_EVENT_LINE}$", re.MULTILINE)  # every one in text with LF breaks
_GLOBAL_EVENT_WORDS = ("section", "prc_", "coda")


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
    text = decode(data)
    try:
        by_name: dict[str, list[RawSection]] = {}
        for section in scan_sections(text):
            by_name.setdefault(section.name.lower(), []).append(section)
        if "song" not in by_name and "synctrack" not in by_name:
            raise BadLine(1, "not a .chart file: no [Song] or [SyncTrack] section")
        return _build_chart(text, data, by_name, ini_pro, ini_five_lane)
    except BadLine as error:
        raise ChartError(error.message, path, f"line {error.index}") from None


def _build_chart(
    text: str, data: bytes, by_name: dict[str, list[RawSection]], ini_pro: bool | None, ini_five_lane: bool | None
) -> Chart:
    warnings: list[str] = []
    metadata: dict[str, str] = {}
    for section in by_name.get("song", []):
        with located(text, section):
            _read_song(section_lines(text, section), metadata)
    resolution, offset_s = _song_numbers(metadata, warnings)
    tempos: list[TempoChange] = []
    signatures: list[TimeSignature] = []
    for section in by_name.get("synctrack", []):
        with located(text, section):
            _read_sync(section_lines(text, section), tempos, signatures, warnings)
    if "synctrack" not in by_name:
        warnings.append("no [SyncTrack]; assuming 120 bpm and 4/4")
    tempo_map = TempoMap(resolution, tempos, signatures)
    sections, coda_tick = _read_events(text, by_name.get("events", []), tempo_map)
    if coda_tick is not None:
        metadata["coda_tick"] = str(coda_tick)
    events = read_drum_sections(text, data, by_name, warnings)
    drum_type, tracks = build_drum_tracks(events, tempo_map, ini_pro, ini_five_lane, coda_tick)
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
        raise BadLine(index, f"invalid resolution {value[:40]!r}") from None
    if not 0 < resolution <= MAX_RESOLUTION:
        raise BadLine(index, f"resolution {value[:40]} is out of range (1 to {MAX_RESOLUTION})")


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
            parts = event_parts(line, index)
        tick, code = parse_tick(parts[0], index), parts[2]
        if code == "B":
            milli_bpm = parse_number(parts, 3, index)
            if not 0 < milli_bpm <= MAX_MILLI_BPM:
                raise BadLine(index, f"tempo {parts[3][:40]} is out of range")
            tempos.append(TempoChange(tick, milli_bpm / 1000))
        elif code == "TS":
            numerator, exponent = parse_number(parts, 3, index), parse_number(parts, 4, index, default=2)
            if 0 < numerator <= 1024 and 0 <= exponent <= 10:
                signatures.append(TimeSignature(tick, numerator, 2**exponent))
            else:  # it only draws the grid: not worth losing the song over
                warnings.append(f"time signature {' '.join(parts[3:5])[:40]!r} at tick {tick} ignored")
        # `A` anchors only help editors keep audio sync; `seconds()` is authoritative for timing.


def _read_events(text: str, events: list[RawSection], tempo_map: TempoMap) -> tuple[tuple[Section, ...], int | None]:
    """Practice sections and the `coda` tick; the rest of [Events] (lyrics, crowd cues) is not needed."""
    found: list[tuple[int, str]] = []
    codas: list[int] = []
    for section in events:
        # From the `{` on, so that the brace's own line is never taken for an event.
        for match in _global_events(text[section.start - 1 : section.end]):
            tick, name = int(match[1]), match["name"]
            if name is None:
                codas.append(tick)
            elif tick <= MAX_TICK and name.strip():
                found.append((tick, name.strip()))
    found.sort(key=lambda item: item[0])
    times = tempo_map.seconds_many([tick for tick, _ in found]) if found else []
    sections = tuple(Section(tick, float(t), name) for (tick, name), t in zip(found, times, strict=True))
    coda_tick = min(codas, default=None)
    return sections, coda_tick if coda_tick is None or coda_tick <= MAX_TICK else None


def _global_events(body: str) -> Iterator[re.Match[str]]:
    """Global event lines of `body`, in file order. [Events] can hold thousands of lyrics, so in
    ASCII text (where ignoring case is plain lower-casing) only lines holding one of the words of
    `_GLOBAL_EVENT` are matched; elsewhere the whole body is searched, once its line breaks are LF."""
    if not body.isascii():
        yield from _GLOBAL_EVENTS.finditer(normalised(body))
        return
    lowered = body.lower()
    starts = set()
    for word in _GLOBAL_EVENT_WORDS:
        at = lowered.find(word)
        while at >= 0:
            starts.add(max(lowered.rfind("\n", 0, at), lowered.rfind("\r", 0, at)) + 1)
            at = lowered.find(word, at + 1)
    for start in sorted(starts):
        match = _GLOBAL_EVENT.fullmatch(body, start, line_end(body, start))
        if match is not None:
            yield match


# --- drum tracks ---------------------------------------------------------------------------------
