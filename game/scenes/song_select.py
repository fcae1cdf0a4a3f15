"""Song select: the library as a searchable, sortable list, with previews and best scores.

- The library is scanned once, the first time the scene appears. Each song's id (for scores) and
  authored lane layout are noted during the scan, while its chart is loaded anyway, so every row
  can show its best score without parsing charts again.
- Typing filters (`wants_text`); ERASE deletes a character; SORT (Tab) cycles the sort order.
- A preview starts once the selection has rested PREVIEW_REST_S on a song, so scrolling through
  the list does not start and stop a stream per row. It is stopped before any other screen takes
  over: `pygame.mixer.music` is shared with the play scene's song audio.
- Broken folders are listed (the player should see why a song is missing) but SELECT on one only
  shows its error.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.audio.preview import SongPreview
from game.chart.error import ChartError
from game.chart.folder import find_song_folders, load_song
from game.chart.layout import default_layout
from game.chart.library import SORT_KEYS, SongEntry, search_entries, sort_entries, summarise
from game.chart.model import Difficulty, Song
from game.input.raw import MenuAction
from game.persistence.scores import PlayRecord, ScoreStoreError
from game.render.overlay import draw_notice
from game.render.songlist import MAX_PIPS, SongListView, SongRow, draw_song_list
from game.scenes.base import Scene
from game.scenes.chooser import ChooserScene
from game.scenes.navigate import NoticeLine, move, toggle_fullscreen
from game.scenes.services import Services
from game.scenes.song_id import song_id

log = logging.getLogger(__name__)

PREVIEW_REST_S = 0.4
PAGE_ROWS = 5  # LEFT/RIGHT jump this many rows
MAX_SEARCH = 40
SORT_LABELS = {"title": "Title", "artist": "Artist", "bpm": "BPM", "difficulty": "Difficulty"}
FOOTER = "\u2191/\u2193: choose   Enter: play   Tab: sort   type: search   Backspace: erase   Esc: back"


@dataclass(frozen=True, slots=True)
class Catalogued:
    """What the scan learnt about a playable song beyond its `SongEntry`."""

    song_id: str
    default_layout: str


def scan(roots: Iterable[Path]) -> tuple[list[SongEntry], dict[Path, Catalogued]]:
    """Every song folder under `roots`, as `scan_library` lists them, plus ids and authored layouts."""
    entries: list[SongEntry] = []
    known: dict[Path, Catalogued] = {}
    for root in roots:
        if not Path(root).is_dir():
            continue
        for folder in find_song_folders(Path(root)):
            try:
                song = load_song(folder)
                known[folder] = Catalogued(song_id(song), default_layout(song.chart.drum_type).name)
            except ChartError as error:
                log.warning("%s", error)
                entries.append(SongEntry(folder, folder.name, "", 0.0, 0.0, (), -1, None, str(error)))
                continue
            except OSError as error:  # the chart vanished between parsing and hashing
                log.warning("cannot fingerprint %s: %s", folder, error)
            entries.append(summarise(song))
    return entries, known


class SongSelectScene(Scene):
    wants_text = True

    def __init__(self, services: Services) -> None:
        self.services = services
        self.entries: list[SongEntry] | None = None  # None until the first scan
        self.shown: list[SongEntry] = []
        self.selected = 0
        self.search = ""
        self.sort_key = SORT_KEYS[0]
        self._known: dict[Path, Catalogued] = {}
        self._bests: dict[str, dict[tuple[Difficulty, str], PlayRecord]] = {}  # song id -> bests, until re-entered
        self._rows: list[SongRow] | None = None
        self._wall = 0.0
        self._moved_at = 0.0
        self._loaded: tuple[Path, Song] | None = None  # the last song loaded for preview or play
        self.preview_folder: Path | None = None
        self.preview = SongPreview(services.mixer, volume=services.settings.audio.music_volume, now=lambda: self._wall)
        self._notice = NoticeLine(len(services.notices))

    # -- scene protocol -------------------------------------------------------------------

    def enter(self, wall_time: float) -> None:
        self._wall = self._moved_at = wall_time
        self.preview_folder = None  # back from the chooser or results: preview again after a rest
        self._bests.clear()  # results may have added a best
        self._rows = None
        if self.entries is None:
            self.entries, self._known = scan(self.services.library_roots)
            if not self.entries:
                roots = ", ".join(str(root) for root in self.services.library_roots) or "no folders"
                self.services.notice(f"no songs found in {roots}")
            self._refilter(None)

    def leave(self) -> None:
        self.preview.stop_preview()

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        steps = {MenuAction.UP: -1, MenuAction.DOWN: 1, MenuAction.LEFT: -PAGE_ROWS, MenuAction.RIGHT: PAGE_ROWS}
        if action in steps:
            self._select(move(self.selected, steps[action], len(self.shown), wrap=abs(steps[action]) == 1), wall_time)
        elif action is MenuAction.SORT:
            self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
            self._refilter(self.current)
        elif action is MenuAction.ERASE:
            self._set_search(self.search[:-1])
        elif action is MenuAction.SELECT:
            self._choose(wall_time)
        elif action is MenuAction.BACK:
            self.preview.stop_preview()
            self.services.scenes.pop(wall_time)
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def on_text(self, text: str, wall_time: float) -> None:
        typed = "".join(ch for ch in text if ch.isprintable())
        if typed:
            self._set_search((self.search + typed)[:MAX_SEARCH])

    def update(self, wall_time: float) -> None:
        self._wall = wall_time
        entry = self.current
        rested = wall_time - self._moved_at >= PREVIEW_REST_S
        if entry is not None and entry.playable and rested and self.preview_folder != entry.folder:
            self.preview_folder = entry.folder
            song = self._song(entry)
            if song is not None:
                self.preview.volume = self.services.settings.audio.music_volume
                self.preview.play_preview(song)
        self.preview.tick(wall_time)

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        view = SongListView(self.rows(), self.selected, self.search, True, SORT_LABELS[self.sort_key], FOOTER)
        draw_song_list(surface, self.services.theme, view)
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))

    # -- selection, search and sort -------------------------------------------------------

    @property
    def current(self) -> SongEntry | None:
        return self.shown[self.selected] if 0 <= self.selected < len(self.shown) else None

    def _select(self, index: int, wall_time: float) -> None:
        if index != self.selected:
            self.selected, self._moved_at = index, wall_time

    def _set_search(self, text: str) -> None:
        if text != self.search:
            self.search = text
            self._refilter(self.current)

    def _refilter(self, keep: SongEntry | None) -> None:
        """Re-run search and sort, keeping the selected song selected when it is still listed."""
        self.shown = sort_entries(search_entries(self.entries or [], self.search), self.sort_key)
        self.selected = self.shown.index(keep) if keep in self.shown else 0
        if self.current != keep:
            self._moved_at = self._wall  # a different song: its preview waits for a rest again
        self._rows = None

    # -- songs ------------------------------------------------------------------------------

    def _song(self, entry: SongEntry) -> Song | None:
        """The loaded song for `entry` (one kept in memory); None, logged, when it no longer loads."""
        if self._loaded is not None and self._loaded[0] == entry.folder:
            return self._loaded[1]
        try:
            song = load_song(entry.folder)
        except ChartError as error:
            log.warning("%s", error)
            return None
        self._loaded = (entry.folder, song)
        return song

    def _choose(self, wall_time: float) -> None:
        entry = self.current
        if entry is None:
            return
        if entry.error is not None:
            self.services.notice(f"{entry.title}: {entry.error}")
            return
        if not entry.playable:
            self.services.notice(f"{entry.title}: the chart has no drum notes")
            return
        song = self._song(entry)
        if song is None:
            self.services.notice(f"{entry.title}: the song no longer loads")
            return
        self.preview.stop_preview()
        self.services.scenes.push(ChooserScene(self.services, song, backdrop=self), wall_time)

    # -- rows -------------------------------------------------------------------------------

    def rows(self) -> list[SongRow]:
        """The listed songs as drawn (cached until the list, the settings or the scores change)."""
        if self._rows is None:
            self._rows = [self._row(entry) for entry in self.shown]
        return self._rows

    def _row(self, entry: SongEntry) -> SongRow:
        best = self._best(entry)
        pips = min(max(entry.tier, 0), MAX_PIPS)
        title = entry.title if entry.error is None else f"{entry.title} (cannot load)"
        return SongRow(
            title,
            entry.artist,
            entry.bpm,
            entry.length_s,
            pips,
            best.score if best else None,
            best.grade if best else None,
        )

    def _best(self, entry: SongEntry) -> PlayRecord | None:
        """The best play for the player's chosen difficulty and layout ("" = the chart's own)."""
        known = self._known.get(entry.folder)
        if known is None or self.services.scores is None:
            return None
        if known.song_id not in self._bests:
            try:
                self._bests[known.song_id] = self.services.scores.bests_for(known.song_id)
            except ScoreStoreError as error:
                log.warning("%s", error)
                self._bests[known.song_id] = {}
        gameplay = self.services.settings.gameplay
        return self._bests[known.song_id].get((gameplay.difficulty, gameplay.lane_layout or known.default_layout))
