"""The versus play screen: each player's own highway (own skin, geometry, difficulty and layout)
side by side, their cards above, and who leads between them (see `couch_screen`)."""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.chart.model import Song
from game.engine.versus import VersusEngine
from game.render.couch_frame import Region
from game.render.couch_hud import (
    badge_state,
    card_state,
    draw_card,
    draw_card_still,
    draw_highway_combo,
    draw_margin_badge,
)
from game.render.couch_layout import CouchLayout, versus_layout
from game.render.couch_team import draw_lead_strip, draw_lead_strip_still
from game.render.popup import draw_judgements
from game.render.theme import Theme
from game.scenes.couch_effects import CouchEffects
from game.scenes.couch_screen import CouchFrame, CouchScreen, Highway, player_view


@dataclass(frozen=True, slots=True)
class VersusFrame(CouchFrame):
    lead: int | None  # the player ahead, None when level
    shares: tuple[float, float]  # by player: percent of a perfect run so far, to a tenth


class VersusScreen(CouchScreen[VersusFrame]):
    def __init__(self, theme: Theme, song: Song, engine: VersusEngine, player_1_left: bool, look_ahead_s: float):
        self.engine = engine
        self.sides = (0, 1) if player_1_left else (1, 0)  # the player on each screen side
        self.difficulties = tuple(p.difficulty.value.title() for p in engine.params)
        super().__init__(theme, song, engine.notes, look_ahead_s)
        # by screen side, like the layout's boxes
        self.highways = tuple(
            Highway(theme, engine.players[p].notes, engine.players[p].layout, None) for p in self.sides
        )
        self.still_key = ("versus", self.song.info.title, self.sides, self.difficulties)

    def _layout(self, size: tuple[int, int]) -> CouchLayout:
        return versus_layout(size)

    def still(self, surface: pygame.Surface) -> None:
        layout = self.layout
        for side, player in enumerate(self.sides):
            draw_card_still(surface, self.theme, layout.rect(layout.cards[side]), player, self.difficulties[player])
        draw_lead_strip_still(surface, self.theme, layout.rect(layout.centre), self.song_view(0.0))

    def shares(self, now: float) -> tuple[float, float]:
        """Each player's score as a percent of a perfect run up to `now`."""
        out = []
        for engine, perfect in zip(self.engine.players, self.engine.perfect, strict=True):
            so_far = perfect.score_at(now)
            out.append(100.0 * engine.scorer.score / so_far if so_far else 100.0)
        return out[0], out[1]

    def frame(self, now: float, wall_time: float, effects: CouchEffects) -> VersusFrame:
        engine = self.engine
        mine = engine.players
        one, two = (
            player_view(p, mine[p].tally, mine[p].fever, now, wall_time, effects.players[p], self.difficulties[p])
            for p in (0, 1)
        )
        views = (one, two)
        highways = tuple(
            highway.view(self, now, wall_time, effects.players[p], views[p].fever_active)
            for highway, p in zip(self.highways, self.sides, strict=True)
        )
        first, second = self.shares(now)
        popups = (effects.players[0].popups(wall_time), effects.players[1].popups(wall_time))
        return VersusFrame(
            self.song_view(now), views, highways, popups, engine.lead(now), (round(first, 1), round(second, 1))
        )

    def regions(self, frame: VersusFrame) -> list[Region]:
        """The cards, badges and lead strip."""
        layout, theme = self.layout, self.theme
        found: list[Region] = []
        for side, player in enumerate(self.sides):
            card, margin = layout.rect(layout.cards[side]), layout.rect(layout.corners[side])
            view = frame.players[player]
            found.append((layout.cards[side], card_state(view), lambda s, c=card, v=view: draw_card(s, theme, c, v)))
            found.append(
                (layout.corners[side], badge_state(view), lambda s, m=margin, v=view: draw_margin_badge(s, theme, m, v))
            )
        song, lead = frame.song, frame.lead
        leader_side = None if lead is None else self.sides.index(lead)
        one, two = ((p, frame.shares[p]) for p in self.sides)
        centre = layout.rect(layout.centre)
        paint = lambda s: draw_lead_strip(s, theme, centre, song, leader_side, (one, two))  # noqa: E731
        found.append((layout.centre, (song, leader_side, one, two), paint))
        return found

    def draw_over(self, surface: pygame.Surface, frame: VersusFrame) -> None:
        """Each player's combo and judgement on their own highway."""
        layout, theme = self.layout, self.theme
        for side, player in enumerate(self.sides):
            draw_highway_combo(surface, theme, layout.rect(layout.highways[side]), frame.players[player])
            draw_judgements(surface, theme, layout.over(layout.highways[side]), frame.popups[player])
