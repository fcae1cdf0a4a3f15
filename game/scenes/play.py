"""The play screen: count-in, highway, HUD, pause menu; hands the finished play to results.

It orchestrates a `PlaySession` (engine, audio, clock), the drawing and the menus; it decides
nothing about hits. Keys bound to drums reach `on_hit` already stamped by the app.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.audio.stems import SongAudio
from game.chart.model import Song
from game.chart.piece import KitPiece
from game.engine.params import EngineParams
from game.engine.replay import Replay
from game.engine.result import Result
from game.input.autoplay_device import DEVICE as AUTOPLAY_DEVICE
from game.input.autoplay_device import AutoplayDevice
from game.input.raw import MenuAction, RawHit
from game.render.overlay import draw_key_hints, draw_notice, draw_paused
from game.render.popup import draw_count_in
from game.scenes.base import Scene
from game.scenes.navigate import NoticeLine
from game.scenes.play_effects import PlayEffects
from game.scenes.play_screen import PlayScreen
from game.scenes.play_session import Latencies, PlaySession
from game.scenes.services import Services
from game.scenes.song_id import song_id

log = logging.getLogger(__name__)

PAUSE_ITEMS = ("Resume", "Restart", "Quit to song list")
KEY_HINT_S = 8.0  # first run: the key card stays this long into the song


@dataclass(frozen=True, slots=True)
class PlayOutcome:
    song: Song
    params: EngineParams
    result: Result
    replay: Replay
    song_id: str
    new_best: bool = False


def latencies_from(services: Services) -> Latencies:
    settings = services.settings
    inputs = {name: ms / 1000 for name, ms in settings.players.device_offsets_ms.items()}
    inputs["keyboard"] = settings.input.keyboard_offset_ms / 1000
    inputs[AUTOPLAY_DEVICE] = 0.0
    return Latencies(settings.audio.audio_offset_ms / 1000, settings.video.video_offset_ms / 1000, inputs)


class PlayScene(Scene):
    drums_first = True

    def __init__(
        self,
        services: Services,
        song: Song,
        params: EngineParams,
        autoplay: bool = False,
        on_finished: Callable[[PlayOutcome], None] | None = None,
    ):
        self.services = services
        self.song = song
        self.params = params
        self.song_id = song_id(song)
        self._on_finished = on_finished
        self._wall = 0.0  # the newest loop pass, for stamping effects of judgements
        self.session = self._new_session()
        self.effects = PlayEffects(self.session.engine.layout)
        self.key_layout = self.session.engine.layout.name
        settings = services.settings
        self.screen = PlayScreen(
            services.theme,
            song,
            self.session.engine,
            params,
            look_ahead_s=settings.video.lookahead_s,
            mirrored=settings.gameplay.lefty_flip,
        )
        display = pygame.display.get_surface()
        self.screen.warm(display.get_size() if display is not None else (1280, 720), self.effects)
        self._autoplay = AutoplayDevice(self.session.engine.notes) if autoplay else None
        self._paused_index: int | None = None
        self._notice = NoticeLine(len(services.notices))
        self._show_keys = not services.settings.input.shown_bindings_intro and not autoplay
        self.visual_time = -math.inf
        self._ended = False

    def _new_session(self) -> PlaySession:
        mixer = self.services.mixer
        audio = SongAudio.for_song(self.song, mixer) if mixer is not None else None
        if audio is not None:
            volume = self.services.settings.audio
            audio.set_volumes(volume.music_volume, volume.drum_stem_volume)
        session = PlaySession(
            self.song, self.params, latencies_from(self.services), audio, self.services.kit, self.song_id
        )
        session.listeners.append(lambda judged: self.effects.on_judged(judged, self._wall))
        return session

    def enter(self, wall_time: float) -> None:
        if self.services.mixer is None:
            self.services.notice("No audio device: playing silently")
        self._wall = wall_time
        self.session.start(wall_time)

    def leave(self) -> None:
        self.session.close()

    def on_hit(self, hit: RawHit) -> None:
        if self._paused_index is not None or self._ended:
            return
        self.effects.on_pad(hit.piece, hit.wall_time)
        self.session.hit(hit)

    def on_focus_lost(self, wall_time: float) -> None:
        if self._paused_index is None and not self._ended:
            self._pause(wall_time)

    def _pause(self, wall_time: float) -> None:
        self._paused_index = 0
        self.session.pause(wall_time)

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action is MenuAction.FULLSCREEN:
            from game.scenes.navigate import toggle_fullscreen

            toggle_fullscreen(self.services)
            return
        if self._paused_index is None:
            if action in (MenuAction.PAUSE, MenuAction.BACK) and not self._ended:
                self._pause(wall_time)
            return
        if action in (MenuAction.UP, MenuAction.DOWN):
            step = -1 if action is MenuAction.UP else 1
            self._paused_index = (self._paused_index + step) % len(PAUSE_ITEMS)
        elif action in (MenuAction.BACK, MenuAction.PAUSE):
            self._resume(wall_time)
        elif action is MenuAction.SELECT:
            self._choose(PAUSE_ITEMS[self._paused_index], wall_time)

    def _resume(self, wall_time: float) -> None:
        self._paused_index = None
        self.session.resume(wall_time)

    def _choose(self, item: str, wall_time: float) -> None:
        if item == "Resume":
            self._resume(wall_time)
        elif item == "Restart":
            self.services.scenes.replace(
                PlayScene(self.services, self.song, self.params, self._autoplay is not None, self._on_finished),
                wall_time,
            )
        else:
            from game.scenes.navigate import go_song_select

            go_song_select(self.services, wall_time)

    def update(self, wall_time: float) -> None:
        self._wall = wall_time
        if self._paused_index is not None or self._ended:
            return
        if self._autoplay is not None:
            for hit in self._autoplay.due(self.session.now(wall_time), wall_time):
                self.on_hit(hit)
        self.session.update(wall_time)
        if self.session.finished(wall_time):
            self._finish(wall_time)

    def _finish(self, wall_time: float) -> None:
        self._ended = True
        self.session.finish()
        result = self.session.engine.result()
        outcome = PlayOutcome(self.song, self.params, result, self.session.replay(), self.song_id)
        from game.scenes.results import record_outcome

        outcome = record_outcome(self.services, outcome)
        if self._show_keys:
            self.services.update_settings(self.services.settings.replace_in("input", shown_bindings_intro=True))
        if self._on_finished is not None:
            self._on_finished(outcome)
            return
        from game.scenes.results import ResultsScene

        self.services.scenes.replace(ResultsScene(self.services, outcome), wall_time)

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        now = self.session.clock.visual_time(wall_time)
        self.visual_time = now
        self.screen.draw(surface, now, wall_time, self.effects, self.services.poll_input)
        self._draw_overlays(surface, now)

    def _draw_overlays(self, surface: pygame.Surface, now: float) -> None:
        theme = self.services.theme
        label, phase = self.screen.count_in(now)
        if label:
            draw_count_in(surface, theme, self.screen.layout, label, phase)
        if self._show_keys and now < KEY_HINT_S:
            draw_key_hints(surface, theme, self.screen.key_hint_box(), self._key_pairs())
        notice = self._notice.text(self.services.notices, self._wall)
        if notice:
            draw_notice(surface, theme, notice)
        if self._paused_index is not None:
            draw_paused(surface, theme, PAUSE_ITEMS, self._paused_index, "Esc: resume")

    def _key_pairs(self) -> list[tuple[str, KitPiece]]:
        bindings = self.services.settings.input.bindings_for(self.session.engine.layout.name)
        return [(key.upper() if len(key) == 1 else key.title(), piece) for key, piece in bindings.items()]
