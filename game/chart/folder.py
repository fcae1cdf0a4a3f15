"""Song folders: choosing the chart, merging song.ini with the chart header, finding audio stems.

Invariants:
- every file problem (missing chart, unreadable file or folder) is a `ChartError` naming the path;
  a bad song.ini *value* is only a warning, because one bad key must not hide a playable song;
- file names are matched case-insensitively (folders come from Windows users);
- the chart delay is never the sum of song.ini `delay` and the .chart `Offset` (see
  `Song.note_delay_s`); when both are set, `Song.warnings` says so;
- `Song.warnings` holds folder and song.ini problems; the chart's own are in `Chart.warnings`.

Chart choice (GGCF, scan-chart): `notes.mid`, then `notes.chart`, then a `.chart` whose name ends in
`[Y]`/`[F]` (forced-notes variant), then any `.chart`, by name.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PureWindowsPath

from game.chart.dotchart import parse_chart
from game.chart.error import ChartError
from game.chart.model import Chart, Song, SongInfo
from game.chart.songini import parse_song_ini_report

logger = logging.getLogger(__name__)

AUDIO_EXTENSIONS = (".ogg", ".opus", ".mp3", ".wav")  # preference order when a stem has several
STEM_NAMES = frozenset(
    {"song", "guitar", "rhythm", "bass", "keys", "vocals", "vocals_1", "vocals_2", "crowd", "preview"}
    | {"drums", "drums_1", "drums_2", "drums_3", "drums_4"}
)
NUMBERED_DRUMS = ("drums_1", "drums_2", "drums_3", "drums_4")
_STREAM_KEYS = {
    "musicstream": "song",
    "guitarstream": "guitar",
    "rhythmstream": "rhythm",
    "bassstream": "bass",
    "keysstream": "keys",
    "vocalstream": "vocals",
    "crowdstream": "crowd",
    "drumstream": "drums_1",
    "drum2stream": "drums_2",
    "drum3stream": "drums_3",
    "drum4stream": "drums_4",
}
_FORCED_SUFFIXES = ("[y]", "[f]", "(y)", "(f)")


def load_song(path: Path) -> Song:
    """Load a song folder, or the folder around a chart file (`notes.chart`, `notes.mid`, any .chart)."""
    path = Path(path)
    warnings: list[str] = []
    try:
        is_folder, is_file = path.is_dir(), path.is_file()
    except OSError as error:  # e.g. a parent folder we may not enter
        raise ChartError(f"cannot read: {error.strerror or error}", path) from error
    if is_folder:
        folder = path
        files = _list_files(folder)
        chart_path = _pick_chart(folder, files, warnings)
    elif is_file:
        folder = path.parent
        files = _list_files(folder)
        chart_path = path
    else:
        raise ChartError("no such song folder or chart file", path)
    info = SongInfo()
    if "song.ini" in files:
        report = parse_song_ini_report(_read(files["song.ini"]), files["song.ini"])
        info = report.info
        warnings.extend(report.warnings)
    chart = _parse(chart_path, info)
    info = _merge_info(info, chart)
    if info.delay_s != 0 and chart.offset_s != 0:
        warnings.append("song.ini delay and .chart Offset both set: using delay")
    stems = _find_stems(files, chart.metadata, warnings)
    if not stems:
        warnings.append("no audio stems found")
    return Song(folder, chart_path, info, chart, stems, tuple(warnings))


def find_song_folders(root: Path) -> list[Path]:
    """Every folder under `root` (itself included) holding a chart, sorted. Follows symlinks, but
    never into a folder it has already visited, so link loops end; unreadable folders are skipped."""
    found: list[Path] = []
    seen: set[tuple[int, int]] = set()
    stack = [Path(root)]
    while stack:
        folder = stack.pop()
        try:
            status = folder.stat()
            if (status.st_dev, status.st_ino) in seen:
                continue
            seen.add((status.st_dev, status.st_ino))
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            logger.warning("skipping unreadable folder %s: %s", folder, error)
            continue
        if any(_is_chart_name(entry.name) and _is_file(entry) for entry in entries):
            found.append(folder)
        stack.extend(Path(entry.path) for entry in entries if _is_dir(entry))
    return sorted(found)


def _is_chart_name(name: str) -> bool:
    lower = name.lower()
    return lower == "notes.mid" or lower.endswith(".chart")


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _list_files(folder: Path) -> dict[str, Path]:
    """Lower-case file name -> path, for the files directly inside `folder`."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        raise ChartError(f"cannot list folder: {error.strerror or error}", folder) from error
    files: dict[str, Path] = {}
    for entry in entries:
        if _is_file(entry):
            files.setdefault(entry.name.lower(), Path(entry.path))
    return files


def _pick_chart(folder: Path, files: dict[str, Path], warnings: list[str]) -> Path:
    if "notes.mid" in files:
        if "notes.chart" in files:
            warnings.append("both notes.mid and notes.chart: using notes.mid")
        return files["notes.mid"]
    if "notes.chart" in files:
        return files["notes.chart"]
    charts = [name for name in files if name.endswith(".chart")]
    if not charts:
        raise ChartError("no notes.mid or .chart file in folder", folder)
    forced = [name for name in charts if name[: -len(".chart")].rstrip().endswith(_FORCED_SUFFIXES)]
    return files[(forced or charts)[0]]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ChartError(f"cannot read file: {error.strerror or error}", path) from error


def _parse(chart_path: Path, info: SongInfo) -> Chart:
    data = _read(chart_path)
    try:
        if chart_path.suffix.lower() == ".mid":
            from game.chart.midi import parse_mid  # imported only when needed: it pulls in mido

            return parse_mid(data, chart_path, info.pro_drums, info.five_lane_drums)
        return parse_chart(data, chart_path, info.pro_drums, info.five_lane_drums)
    except ChartError as error:
        raise error.at(chart_path) from None


def _merge_info(info: SongInfo, chart: Chart) -> SongInfo:
    """song.ini wins; the chart's [Song] header fills what song.ini leaves empty."""
    header = chart.metadata
    preview_s = info.preview_start_s
    if preview_s is None:
        preview_s = _seconds(header.get("previewstart", ""))
    return replace(
        info,
        title=info.title or header.get("name", ""),
        artist=info.artist or header.get("artist", ""),
        album=info.album or header.get("album", ""),
        genre=info.genre or header.get("genre", ""),
        year=info.year or header.get("year", ""),
        charter=info.charter or header.get("charter", ""),
        preview_start_s=preview_s,
    )


def _seconds(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 < value < 1e7 else None


def _find_stems(files: dict[str, Path], header: Mapping[str, str], warnings: list[str]) -> dict[str, Path]:
    stems: dict[str, Path] = {}
    for name, path in files.items():
        stem, extension = os.path.splitext(name)
        if stem not in STEM_NAMES or extension not in AUDIO_EXTENSIONS:
            continue
        current = stems.get(stem)
        if current is None or _rank(path) < _rank(current):
            stems[stem] = path
    if not stems:
        stems = _stems_from_header(files, header, warnings)
    if any(name in stems for name in NUMBERED_DRUMS):
        stems.pop("drums", None)  # the numbered stems are the same audio, split by piece
    return stems


def _rank(path: Path) -> int:
    return AUDIO_EXTENSIONS.index(path.suffix.lower())


def _stems_from_header(files: dict[str, Path], header: Mapping[str, str], warnings: list[str]) -> dict[str, Path]:
    """The .chart `*Stream` keys, looked up by file name inside the folder (never outside it)."""
    stems: dict[str, Path] = {}
    for key, stem in _STREAM_KEYS.items():
        value = header.get(key, "").strip()
        if not value or value.lower() == "none":
            continue
        path = files.get(PureWindowsPath(value).name.lower())
        if path is None:
            warnings.append(f"{key} file {value[:80]!r} not found")
        else:
            stems[stem] = path
    if "drums_1" in stems and not any(name in stems for name in NUMBERED_DRUMS[1:]):
        stems["drums"] = stems.pop("drums_1")  # a lone DrumStream holds the whole kit
    return stems
