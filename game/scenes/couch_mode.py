"""Choosing how two players play a song: Shared Kit (duet) or Versus, then a Shared Kit's split.

Shown over song select after the chooser's "2 players" button. Two short steps on one card:
the mode, then (Shared Kit only) how the one chart is shared out. SELECT on the last step replaces
this card with the join screen, which starts from the chooser's difficulty and layout; BACK goes
one step back, and from the first step back to the chooser.
"""

from __future__ import annotations

import pygame

from game.chart.model import Difficulty, Song
from game.engine.couch import CouchMode
from game.engine.split import SplitStrategy
from game.input.raw import MenuAction
from game.render.couch_mode import CouchModeView, draw_couch_mode
from game.render.menu import ChoiceOption
from game.render.overlay import draw_notice
from game.scenes.base import Scene
from game.scenes.navigate import NoticeLine, draw_backdrop, move, toggle_fullscreen
from game.scenes.services import Services

FOOTER = "\u2191/\u2193: choose   Enter: next   Esc: back"
MODES: tuple[tuple[CouchMode, ChoiceOption], ...] = (
    (
        CouchMode.DUET,
        ChoiceOption("Shared Kit (duet)", "one chart on one highway, shared out between you: play as a team"),
    ),
    (
        CouchMode.VERSUS,
        ChoiceOption("Versus", "two highways, your own difficulty each: the best score for its chart wins"),
    ),
)
SPLITS: tuple[tuple[SplitStrategy, ChoiceOption], ...] = (
    (
        SplitStrategy.PIECES,
        ChoiceOption("By pieces", "P1 hi-hat, snare, crashes   \u00b7   P2 kick, toms, ride, hat pedal"),
    ),
    (
        SplitStrategy.PHRASES,
        ChoiceOption("Call and response", "take turns phrase by phrase, both play together in the choruses"),
    ),
    (
        SplitStrategy.BALANCED,
        ChoiceOption("Balanced", "the pieces change hands every two bars so you both play as many notes"),
    ),
)


class CouchModeScene(Scene):
    def __init__(
        self, services: Services, song: Song, difficulty: Difficulty, layout: str, backdrop: Scene | None = None
    ) -> None:
        self.services = services
        self.song = song
        self.difficulty = difficulty
        self.layout = layout
        self.backdrop = backdrop
        self.mode_index = 0
        self.split_index = 0
        self.step = 0  # 0: mode, 1: split (Shared Kit only)
        self._notice = NoticeLine(len(services.notices))

    @property
    def mode(self) -> CouchMode:
        return MODES[self.mode_index][0]

    @property
    def split(self) -> SplitStrategy:
        return SPLITS[self.split_index][0]

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action in (MenuAction.UP, MenuAction.DOWN):
            delta = -1 if action is MenuAction.UP else 1
            if self.step == 0:
                self.mode_index = move(self.mode_index, delta, len(MODES))
            else:
                self.split_index = move(self.split_index, delta, len(SPLITS))
        elif action is MenuAction.SELECT:
            if self.step == 0 and self.mode is CouchMode.DUET:
                self.step = 1
            else:
                self._join(wall_time)
        elif action is MenuAction.BACK:
            if self.step:
                self.step = 0
            else:
                self.services.scenes.pop(wall_time)
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def _join(self, wall_time: float) -> None:
        from game.scenes.couch_join import CouchJoinScene

        join = CouchJoinScene(self.services, self.song, self.mode, self.split, self.difficulty, self.layout)
        self.services.scenes.replace(join, wall_time)

    def view(self) -> CouchModeView:
        title = self.song.info.title or self.song.folder.name
        if self.step == 0:
            steps = 2 if self.mode is CouchMode.DUET else 1
            options = [o for _, o in MODES]
            return CouchModeView(title, "CHOOSE A MODE", options, self.mode_index, f"STEP 1 / {steps}", FOOTER)
        heading = "SHARED KIT: WHO PLAYS WHAT"
        return CouchModeView(title, heading, [o for _, o in SPLITS], self.split_index, "STEP 2 / 2", FOOTER)

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        draw_backdrop(surface, self.services, self.backdrop, wall_time)
        draw_couch_mode(surface, self.services.theme, self.view())
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))
