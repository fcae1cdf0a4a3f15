"""The song library: every song folder under the given roots, summarised for song select.

A folder that fails to load is kept as an entry with its one-line error (shown greyed out in the
menu) rather than dropped silently or crashing the scan. Sorting and searching are pure functions
over entries.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from game.chart.error import ChartError
from game.chart.folder import find_song_folders, load_song
from game.chart.model import Difficulty, Song

log = logging.getLogger(__name__)

SORT_KEYS = ("title", "artist", "bpm", "difficulty")


@dataclass(frozen=True, slots=True)
class SongEntry:
    folder: Path
    title: str
    artist: str
    bpm: float
    length_s: float
    difficulties: tuple[Difficulty, ...]
    tier: int  # song.ini diff_drums, -1 when unknown
    preview_start_s: float | None
    error: str | None = None

    @property
    def playable(self) -> bool:
        return self.error is None and bool(self.difficulties)


def summarise(song: Song) -> SongEntry:
    chart = song.chart
    last = max((t.notes[-1].time_s for t in chart.tracks.values() if t.notes), default=0.0)
    length = song.info.song_length_s or last + 2.0
    return SongEntry(
        folder=song.folder,
        title=song.info.title or song.folder.name,
        artist=song.info.artist,
        bpm=_main_bpm(song),
        length_s=length,
        difficulties=tuple(d for d in Difficulty if chart.track(d).notes),
        tier=song.info.diff_drums if song.info.diff_drums is not None else -1,
        preview_start_s=song.info.preview_start_s,
    )


def scan_library(roots: Iterable[Path]) -> list[SongEntry]:
    entries: list[SongEntry] = []
    for root in roots:
        if not Path(root).is_dir():
            continue
        for folder in find_song_folders(Path(root)):
            try:
                entries.append(summarise(load_song(folder)))
            except ChartError as error:
                log.warning("%s", error)
                entries.append(SongEntry(folder, folder.name, "", 0.0, 0.0, (), -1, None, str(error)))
    return entries


def sort_entries(entries: Sequence[SongEntry], key: str) -> list[SongEntry]:
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}")
    by = {
        "title": lambda e: (e.title.casefold(), e.artist.casefold()),
        "artist": lambda e: (e.artist.casefold(), e.title.casefold()),
        "bpm": lambda e: (e.bpm, e.title.casefold()),
        "difficulty": lambda e: (e.tier, e.title.casefold()),
    }[key]
    return sorted(entries, key=by)


def search_entries(entries: Sequence[SongEntry], text: str) -> list[SongEntry]:
    words = text.casefold().split()
    return [e for e in entries if all(w in f"{e.title} {e.artist}".casefold() for w in words)]


def _main_bpm(song: Song) -> float:
    """The tempo the song spends the most beats in (what players call "the BPM")."""
    tempos = song.chart.tempo_map.tempos
    end = max(song.chart.last_tick, tempos[-1].tick + 1)
    spans: Counter[float] = Counter()
    for change, following in zip(tempos, [*tempos[1:], None], strict=True):
        spans[round(change.bpm, 1)] += (following.tick if following else end) - change.tick
    return spans.most_common(1)[0][0]
