"""The single-player play screen: highway, HUD, key hints; hands the finished play to results.

It orchestrates a `PlaySession` (engine, audio, clock) through `PlayingScene` (count-in, pause
menu, notices, autoplay, finishing) and the drawing; it decides nothing about hits. Keys bound to
drums reach `on_hit` already stamped by the app.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.chart.model import Song
from game.chart.piece import KitPiece
from game.engine.hit import HitInput
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.replay import Replay, replay_of
from game.engine.result import Result
from game.input.autoplay_device import AutoplayDevice
from game.input.raw import RawHit
from game.render.hud import PlayLayout
from game.render.overlay import draw_key_hints
from game.scenes.base import Scene
from game.scenes.play_base import PlayingScene, open_session
from game.scenes.play_base import latencies_from as latencies_from
from game.scenes.play_effects import PlayEffects
from game.scenes.play_screen import PlayScreen
from game.scenes.services import Services
from game.scenes.song_id import song_id

log = logging.getLogger(__name__)

KEY_HINT_S = 8.0  # first run: the key card stays this long into the song


@dataclass(frozen=True, slots=True)
class PlayOutcome:
    song: Song
    params: EngineParams
    result: Result
    replay: Replay
    song_id: str
    new_best: bool = False


class PlayScene(PlayingScene):
    def __init__(
        self,
        services: Services,
        song: Song,
        params: EngineParams,
        autoplay: bool = False,
        on_finished: Callable[[PlayOutcome], None] | None = None,
    ):
        self.params = params
        self.song_id = song_id(song)
        engine = PlayerEngine(song.chart, params)
        session = open_session(services, song, engine, params.scaled_windows.good_s)
        super().__init__(services, song, session, [AutoplayDevice(engine.notes)] if autoplay else [], on_finished)
        self.effects = PlayEffects(engine.layout)
        session.listeners.append(lambda judged: self.effects.on_judged(judged, self._wall))
        self.key_layout = engine.layout.name
        settings = services.settings
        self.screen = PlayScreen(
            services.theme,
            song,
            engine,
            params,
            look_ahead_s=settings.video.lookahead_s,
            mirrored=settings.gameplay.lefty_flip,
        )
        display = pygame.display.get_surface()
        self.screen.warm(display.get_size() if display is not None else (1280, 720), self.effects)
        self._show_keys = not settings.input.shown_bindings_intro and not autoplay

    def _on_routed(self, hit: RawHit, item: HitInput) -> None:
        self.effects.on_pad(hit.piece, hit.wall_time)

    def _restarted(self) -> Scene:
        return PlayScene(self.services, self.song, self.params, self.autoplay, self._on_finished)

    def replay(self) -> Replay:
        return replay_of(self.params, self.session.inputs, self.song_id, self.song.info.title)

    def _hand_over(self, wall_time: float) -> None:
        result = self.session.engine.result()
        outcome = PlayOutcome(self.song, self.params, result, self.replay(), self.song_id)
        from game.scenes.results import record_outcome

        outcome = record_outcome(self.services, outcome)
        if self._show_keys:
            self.services.update_settings(self.services.settings.replace_in("input", shown_bindings_intro=True))
        from game.scenes.results import ResultsScene

        self._deliver(outcome, lambda: ResultsScene(self.services, outcome), wall_time)

    def _count_in_layout(self) -> PlayLayout:
        return self.screen.layout

    def _draw_extras(self, surface: pygame.Surface, now: float) -> None:
        if self._show_keys and now < KEY_HINT_S:
            draw_key_hints(surface, self.services.theme, self.screen.key_hint_box(), self._key_pairs())

    def _key_pairs(self) -> list[tuple[str, KitPiece]]:
        bindings = self.services.settings.input.bindings_for(self.session.engine.layout.name)
        return [(key.upper() if len(key) == 1 else key.title(), piece) for key, piece in bindings.items()]
