"""The difficulty and lane-layout chooser, shown over song select before a song starts.

Only the difficulties the chart has are offered; layouts list the chart's own first, then the
others. Both start from the player's last choice (settings.gameplay) and the choice is saved when
the song starts, so the next song opens on the same pair. Choosing the chart's own layout is saved
as "" ("as charted"), so a player who never picks a layout keeps getting each chart's own.

Two players start here too: RIGHT past the layout column focuses the "2 players" button under the
card, and SELECT on it opens the couch mode choice (the join screen's choices start from this
chooser's pair). The option lists are built by the functions below, which the join screen shares.
"""

from __future__ import annotations

import pygame

from game.chart.layout import LAYOUTS, default_layout
from game.chart.model import Difficulty, Song
from game.engine.params import EngineParams
from game.input.raw import MenuAction
from game.render.couch_mode import draw_two_player_button
from game.render.menu import ChoiceOption, ChooserView, draw_chooser
from game.render.overlay import draw_notice
from game.scenes.base import Scene
from game.scenes.navigate import LAYOUT_LABELS, NoticeLine, draw_backdrop, move, start_play, toggle_fullscreen
from game.scenes.services import Services

FOOTER = "\u2190/\u2192: column   \u2191/\u2193: choose   Enter: start   \u2192\u2192: 2 players   Esc: back"
DIFFICULTY_ORDER = tuple(Difficulty)
TWO_PLAYERS = 2  # the focus of the "2 players" button (0: difficulties, 1: layouts)


def nearest_difficulty(available: tuple[Difficulty, ...], wanted: Difficulty) -> Difficulty:
    """`wanted` when the chart has it, else the closest one it has (the easier on a tie)."""
    rank = DIFFICULTY_ORDER.index
    return min(available, key=lambda d: (abs(rank(d) - rank(wanted)), rank(d)))


def chart_difficulties(song: Song) -> tuple[Difficulty, ...]:
    """The difficulties the chart has notes for, easiest first."""
    return tuple(d for d in Difficulty if song.chart.track(d).notes)


def layout_order(song: Song) -> tuple[str, ...]:
    """Every lane layout, the chart's own first."""
    own = default_layout(song.chart.drum_type).name
    return (own, *(name for name in LAYOUTS if name != own))


def difficulty_option(song: Song, difficulty: Difficulty, expert_plus: bool) -> ChoiceOption:
    notes = len(song.chart.track(difficulty).playable_notes(expert_plus))
    return ChoiceOption(difficulty.value.capitalize(), f"{notes:,} notes")


def layout_option(name: str, own: str) -> ChoiceOption:
    label, detail = LAYOUT_LABELS.get(name, (name, ""))
    return ChoiceOption(label, "as charted" if name == own else detail)


class ChooserScene(Scene):
    def __init__(self, services: Services, song: Song, backdrop: Scene | None = None) -> None:
        """`backdrop` is drawn first (dimmed), so the chooser reads as a card over song select."""
        self.services = services
        self.song = song
        self.backdrop = backdrop
        gameplay = services.settings.gameplay
        self.difficulties = chart_difficulties(song)
        if not self.difficulties:
            raise ValueError("the chart has no drum notes")
        self.layouts = layout_order(song)
        self.own_layout = self.layouts[0]
        self.difficulty_index = self.difficulties.index(nearest_difficulty(self.difficulties, gameplay.difficulty))
        self.layout_index = self.layouts.index(gameplay.lane_layout) if gameplay.lane_layout in self.layouts else 0
        self.focus = 0
        self._notice = NoticeLine(len(services.notices))
        self._difficulty_options = [difficulty_option(song, d, gameplay.expert_plus) for d in self.difficulties]
        self._layout_options = [layout_option(name, self.own_layout) for name in self.layouts]

    @property
    def difficulty(self) -> Difficulty:
        return self.difficulties[self.difficulty_index]

    @property
    def layout(self) -> str:
        return self.layouts[self.layout_index]

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action in (MenuAction.LEFT, MenuAction.RIGHT):
            self.focus = move(self.focus, -1 if action is MenuAction.LEFT else 1, TWO_PLAYERS + 1, wrap=False)
        elif action in (MenuAction.UP, MenuAction.DOWN) and self.focus != TWO_PLAYERS:
            delta = -1 if action is MenuAction.UP else 1
            if self.focus == 0:
                self.difficulty_index = move(self.difficulty_index, delta, len(self.difficulties), wrap=False)
            else:
                self.layout_index = move(self.layout_index, delta, len(self.layouts), wrap=False)
        elif action is MenuAction.SELECT and self.focus == TWO_PLAYERS:
            from game.scenes.couch_mode import CouchModeScene

            mode = CouchModeScene(self.services, self.song, self.difficulty, self.layout, backdrop=self.backdrop)
            self.services.scenes.push(mode, wall_time)
        elif action is MenuAction.SELECT:
            self._start(wall_time)
        elif action is MenuAction.BACK:
            self.services.scenes.pop(wall_time)
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def params(self) -> EngineParams:
        return self.services.settings.gameplay.engine_params(self.difficulty, self.layout)

    def _start(self, wall_time: float) -> None:
        remembered = "" if self.layout == self.own_layout else self.layout
        settings = self.services.settings
        if (settings.gameplay.difficulty, settings.gameplay.lane_layout) != (self.difficulty, remembered):
            self.services.update_settings(
                settings.replace_in("gameplay", difficulty=self.difficulty, lane_layout=remembered)
            )
        start_play(self.services, self.song, self.params(), wall_time)

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        draw_backdrop(surface, self.services, self.backdrop, wall_time)
        title = self.song.info.title or self.song.folder.name
        view = ChooserView(
            title,
            self._difficulty_options,
            self.difficulty_index,
            self._layout_options,
            self.layout_index,
            self.focus,  # TWO_PLAYERS: neither column glows, the button does
            FOOTER,
        )
        draw_chooser(surface, self.services.theme, view)
        draw_two_player_button(surface, self.services.theme, self.focus == TWO_PLAYERS)
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))
