"""Song-select previews: a stretch of a song streamed with a short fade-in, looped every ~20 s.

Invariants:
- a preview uses `pygame.mixer.music`, like `SongAudio`: only one of them plays at a time, so the
  song-select scene calls `stop_preview()` before the play scene starts a SongAudio;
- it starts at the explicit start, else song.ini `preview_start_s`, else a third into the song; a
  `preview` stem, when the folder has one, plays from its beginning instead;
- nothing is decoded up front: the file streams (a WAV is cut to the preview's length first, since
  SDL_mixer cannot seek WAV music), so scrolling through songs stays cheap;
- `tick(wall_time)` drives the fade-out and the loop; without a device everything is a no-op.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pygame

from game.audio.backing import stream_source
from game.audio.device import MixerInfo
from game.audio.stem_plan import plan_stems
from game.chart.model import Song

logger = logging.getLogger(__name__)

PREVIEW_LENGTH_S = 20.0
FADE_IN_MS = 500
FADE_OUT_MS = 1000


class SongPreview:
    def __init__(
        self,
        info: MixerInfo | None,
        loop: bool = True,
        volume: float = 1.0,
        now: Callable[[], float] = time.perf_counter,
    ):
        self._info = info
        self._now = now
        self.loop = loop
        self.volume = volume
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._source: tuple[Path, float] | None = None  # file and seek of the current preview
        self._started_wall: float | None = None
        self._fading_since: float | None = None

    def play_preview(self, song: Song, start_s: float | None = None) -> None:
        """Begin previewing `song`, replacing any preview; `start_s` overrides the song's own start."""
        self.stop_preview()
        if self._info is None:
            return
        chosen = preview_file(song, start_s)
        if chosen is None:
            logger.info("no audio to preview in %s", song.folder)
            return
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="drum-preview-")
        path, at_s = chosen
        self._source = stream_source(path, at_s, Path(self._temp.name), PREVIEW_LENGTH_S + FADE_OUT_MS / 1000)
        self._play(self._now())

    def _play(self, wall_time: float) -> None:
        if self._source is None:
            return
        path, seek = self._source
        try:
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self.volume)
            pygame.mixer.music.play(start=seek, fade_ms=FADE_IN_MS)
        except pygame.error as error:
            logger.warning("cannot preview %s: %s", path, error)
            self._source = None
            return
        self._started_wall, self._fading_since = wall_time, None

    def stop_preview(self) -> None:
        if self._source is not None and self._info is not None and pygame.mixer.get_init() is not None:
            pygame.mixer.music.stop()
            pygame.mixer.music.unload()
        self._source = self._started_wall = self._fading_since = None
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    @property
    def playing(self) -> bool:
        return self._source is not None

    def tick(self, wall_time: float) -> None:
        """Fade out after PREVIEW_LENGTH_S, then loop (or stop); call every loop pass."""
        if self._source is None or self._started_wall is None:
            return
        if self._fading_since is None:
            ended = not pygame.mixer.music.get_busy()
            if ended or wall_time - self._started_wall >= PREVIEW_LENGTH_S:
                pygame.mixer.music.fadeout(FADE_OUT_MS)
                self._fading_since = wall_time - (FADE_OUT_MS / 1000 if ended else 0.0)
        elif wall_time - self._fading_since >= FADE_OUT_MS / 1000:
            if self.loop:
                self._play(wall_time)
            else:
                self.stop_preview()


def preview_file(song: Song, start_s: float | None = None) -> tuple[Path, float] | None:
    """The file a preview streams and where in it to start."""
    if "preview" in song.stems:
        return song.stems["preview"], 0.0
    plan = plan_stems(song.stems)
    candidates = [*plan.backing, *plan.drums.values()]
    if not candidates:
        return None
    return candidates[0], max(0.0, preview_start(song) if start_s is None else start_s)


def preview_start(song: Song) -> float:
    """song.ini `preview_start_time`, else a third of the song's length (chart end when unset)."""
    if song.info.preview_start_s is not None:
        return song.info.preview_start_s
    length = song.info.song_length_s
    if length is None:
        ends = [track.notes[-1].time_s for track in song.chart.tracks.values() if track.notes]
        length = max(ends) + song.note_delay_s if ends else None
    return length / 3 if length else 0.0
