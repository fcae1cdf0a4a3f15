"""The two-player play screen (Shared Kit duet or versus): the couch engine in a `PlaySession`,
every hit routed to its player before the engine sees it, and the couch screen drawing it.

Count-in, pause menu, notices, focus loss, autoplay and finishing are `PlayingScene`'s, exactly as
in single player. The two halves of the keyboard arrive as "keyboard.p1"/"keyboard.p2" hits
(`couch_key_layouts`); each player's autoplay is its own device ("autoplay.p1"/"autoplay.p2") over
that player's notes. At the end a `CouchOutcome` goes to `on_finished`, or to the couch results.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.chart.model import Song
from game.chart.piece import KitPiece
from game.engine.couch import CouchEngine, couch_engine, couch_report, player_notes
from game.engine.duet import DuetEngine
from game.engine.hit import HitInput
from game.input.autoplay_device import AutoplayDevice
from game.input.join import side_of
from game.input.raw import RawHit
from game.render.hud import PlayLayout
from game.scenes.base import Scene
from game.scenes.couch_duet import DuetScreen
from game.scenes.couch_effects import CouchEffects
from game.scenes.couch_screen import CouchScreen, engine_layouts
from game.scenes.couch_setup import CouchOutcome, CouchSetup
from game.scenes.couch_versus import VersusScreen
from game.scenes.couch_warm import warm_couch_screen
from game.scenes.play_base import PlayingScene, open_session
from game.scenes.services import Services
from game.scenes.song_id import song_id

AUTOPLAY_DEVICES = ("autoplay.p1", "autoplay.p2")
Finished = Callable[[CouchOutcome], None] | None
AUTOPLAY_PLAYERS = {AUTOPLAY_DEVICES[0]: 0, AUTOPLAY_DEVICES[1]: 1}
# The keyboard's halves when nobody joined (the command line): left player 1, right player 2.
KEYBOARD_HALVES = {"keyboard.p1": 0, "keyboard.p2": 1}


def shared_owner(engine: CouchEngine) -> Callable[[KitPiece, float], int]:
    """Whose hit a shared device's hit is: the duet's note ownership, in versus the kit's side."""
    if isinstance(engine, DuetEngine):
        return engine.owner_at
    return lambda piece, song_time: side_of(piece) or 0


class CouchPlayScene(PlayingScene):
    def __init__(
        self, services: Services, song: Song, setup: CouchSetup, autoplay: bool = False, on_finished: Finished = None
    ):
        self.setup = setup
        engine = couch_engine(song.chart, setup.mode, setup.params, setup.split)
        window_s = max(params.scaled_windows.good_s for params in setup.params)
        # Only the devices the players joined with play; any other plays for nobody.
        devices = {**AUTOPLAY_PLAYERS, **(setup.device_players or KEYBOARD_HALVES)}
        session = open_session(services, song, engine, window_s, devices, shared_owner(engine), strict=True)
        robots = [AutoplayDevice(player_notes(engine, p), AUTOPLAY_DEVICES[p]) for p in (0, 1)] if autoplay else []
        super().__init__(services, song, session, robots, on_finished)
        layouts = engine_layouts(engine)
        self.couch_key_layouts: tuple[str, str] | None = (layouts[0].name, layouts[1].name)
        self.effects = CouchEffects(layouts, isinstance(engine, DuetEngine))
        session.listeners.append(lambda judged: self.effects.on_judged(judged, self._wall))
        self.screen = self._screen(engine)
        self.screen.mirrored = services.settings.gameplay.lefty_flip
        display = pygame.display.get_surface()
        warm_couch_screen(self.screen, display.get_size() if display is not None else (1280, 720), self.effects)

    def _screen(self, engine: CouchEngine) -> CouchScreen:
        look_ahead = self.services.settings.video.lookahead_s
        if isinstance(engine, DuetEngine):
            return DuetScreen(self.services.theme, self.song, engine, self.setup.params[0], look_ahead)
        return VersusScreen(self.services.theme, self.song, engine, self.setup.player_1_left, look_ahead)

    def _on_routed(self, hit: RawHit, item: HitInput) -> None:
        self.effects.on_pad(item.player, hit.piece, hit.wall_time)

    def _restarted(self) -> Scene:
        return CouchPlayScene(self.services, self.song, self.setup, self.autoplay, self._on_finished)

    def _hand_over(self, wall_time: float) -> None:
        engine = self.session.engine
        one, two = engine.results()
        report = couch_report(engine, self.song.chart)
        outcome = CouchOutcome(self.song, self.setup, (one, two), report, song_id(self.song))

        def results() -> Scene:
            from game.scenes.couch_results import CouchResultsScene  # written beside this scene

            return CouchResultsScene(self.services, outcome)

        self._deliver(outcome, results, wall_time)

    def _count_in_layout(self) -> PlayLayout:
        return self.screen.count_in_layout()
