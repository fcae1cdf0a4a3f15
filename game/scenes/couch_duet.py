"""The Shared Kit play screen: one highway drawn as one kit, notes in their owner's colour, each
player's panel on their side, the team banner on top (see `couch_screen` for what is shared)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.chart.model import Song
from game.engine.duet import DuetEngine
from game.engine.params import EngineParams
from game.render.couch_frame import Region
from game.render.couch_hud import (
    draw_player_popup,
    draw_side_combo,
    draw_side_panel,
    draw_side_panel_still,
    panel_state,
)
from game.render.couch_layout import CouchLayout, duet_layout
from game.render.couch_team import (
    TeamView,
    draw_mode_card_still,
    draw_song_card,
    draw_song_card_still,
    draw_team_banner,
    draw_team_banner_still,
)
from game.render.theme import Theme
from game.scenes.couch_effects import CouchEffects
from game.scenes.couch_screen import CouchFrame, CouchScreen, Highway, player_view

SPLIT_NAMES = {"pieces": "SPLIT BY PIECES", "phrases": "CALL AND RESPONSE", "balanced": "BALANCED SPLIT"}


@dataclass(frozen=True, slots=True)
class DuetFrame(CouchFrame):
    team: TeamView


class DuetScreen(CouchScreen[DuetFrame]):
    def __init__(self, theme: Theme, song: Song, engine: DuetEngine, params: EngineParams, look_ahead_s: float):
        self.engine = engine
        self.difficulty = params.difficulty.value.title()
        super().__init__(theme, song, engine.notes, look_ahead_s)
        self.highways = (Highway(theme, engine.notes, engine.layout, tuple(engine.owners)),)
        self.still_key = ("duet", self.song.info.title, self.difficulty)

    def _layout(self, size: tuple[int, int]) -> CouchLayout:
        return duet_layout(size, self.engine.layout.columns)

    def still(self, surface: pygame.Surface) -> None:
        layout, theme = self.layout, self.theme
        song = self.song_view(0.0)
        draw_song_card_still(surface, theme, layout.rect(layout.corners[0]), song)
        split = SPLIT_NAMES.get(self.engine.strategy.value, self.engine.strategy.value.upper())
        draw_mode_card_still(surface, theme, layout.rect(layout.corners[1]), "SHARED KIT", split, self.difficulty)
        draw_team_banner_still(surface, theme, layout.rect(layout.centre))
        for player, card in enumerate(layout.cards):
            draw_side_panel_still(surface, theme, layout.rect(card), player)

    def frame(self, now: float, wall_time: float, effects: CouchEffects) -> DuetFrame:
        engine = self.engine
        fever = engine.fever.is_active(now)
        one, two = (player_view(p, engine.tallies[p], engine.fever, now, wall_time, effects.players[p]) for p in (0, 1))
        highway = self.highways[0].view(self, now, wall_time, effects.highway(0), fever)
        popups = (effects.players[0].popups(wall_time), effects.players[1].popups(wall_time))
        team = TeamView(engine.team_score, round(engine.sync.level, 3), round(engine.fever.meter(now), 2), fever)
        return DuetFrame(self.song_view(now), (one, two), (highway,), popups, team)

    def regions(self, frame: DuetFrame) -> list[Region]:
        """Everything around the highway: the song card, the team banner and each player's panel."""
        layout, theme = self.layout, self.theme
        song, team = frame.song, frame.team
        found: list[Region] = [
            (layout.corners[0], song, lambda s: draw_song_card(s, theme, layout.rect(layout.corners[0]), song)),
            (layout.centre, team, lambda s: draw_team_banner(s, theme, layout.rect(layout.centre), team)),
        ]
        for card, view in zip(layout.cards, frame.players, strict=True):
            paint = lambda s, card=card, view=view: draw_side_panel(s, theme, layout.rect(card), view)  # noqa: E731
            found.append((card, panel_state(view), paint))
        return found

    def draw_over(self, surface: pygame.Surface, frame: DuetFrame) -> None:
        """Each player's combo in their panel and judgement on their half of the highway."""
        layout = self.layout
        hx, hy, hw, hh = layout.highways[0]
        for player in (0, 1):
            draw_side_combo(surface, self.theme, layout.rect(layout.cards[player]), frame.players[player])
            half = (hx + player * hw // 2, hy, hw // 2, hh)
            draw_player_popup(surface, self.theme, layout.over(half), frame.popups[player], player)
