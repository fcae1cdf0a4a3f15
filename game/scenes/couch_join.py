"""The join screen: two players sit down on their own devices and pick their choices side by side.

Every press reaches this scene as a raw hit (`drums_first`: pads are not turned into menu verbs,
and `couch_key_layouts` splits the keyboard into "keyboard.p1"/"keyboard.p2"), and `JoinState`
decides whose it is: the first press on a device seats its player, later presses carry that
player's menu verb, which moves only their own panel (`CouchChoices`); at a shared kit each
player's verbs come from the pads on their side (`couch_panel.SHARED_KIT_VERBS`). The keyboard's
own menu keys are nobody's: Escape goes back to song select.

When both players are ready the screen holds for `START_HOLD_S`, long enough to see both "READY!"
panels (and for either player to take it back), then replaces itself with the two-player play
screen, handing over a `CouchSetup`.
"""

from __future__ import annotations

import pygame

from game.chart.model import Difficulty, Song
from game.engine.couch import CouchMode
from game.engine.split import SplitStrategy
from game.input.join import JoinState, Seat
from game.input.raw import MenuAction, RawHit
from game.render.couch_join import JoinView, draw_join
from game.render.overlay import draw_notice
from game.scenes.base import Scene
from game.scenes.chooser import chart_difficulties, layout_order, nearest_difficulty
from game.scenes.couch_choice import CouchChoices
from game.scenes.couch_panel import MODE_LABELS, SPLIT_LABELS, PanelBuilder, device_label, pad_verbs
from game.scenes.couch_setup import CouchSetup
from game.scenes.navigate import NoticeLine, go_song_select, start_couch, toggle_fullscreen
from game.scenes.services import Services

START_HOLD_S = 0.8
FOOTER = (("Esc", "back to songs"),)


class CouchJoinScene(Scene):
    drums_first = True  # every pad and key is a raw hit: JoinState says whose it is

    def __init__(
        self, services: Services, song: Song, mode: CouchMode, split: SplitStrategy, difficulty: Difficulty, layout: str
    ) -> None:
        self.services = services
        self.song = song
        self.mode = mode
        self.split = split
        difficulties = chart_difficulties(song)
        if not difficulties:
            raise ValueError("the chart has no drum notes")
        layouts = layout_order(song)
        start = (nearest_difficulty(difficulties, difficulty), layout if layout in layouts else layouts[0])
        self.choices = CouchChoices(mode, difficulties, layouts, *start)
        self.join = JoinState()
        self._panels = PanelBuilder(song, self.choices, split, services.settings)
        self._joined_at: list[float] = [0.0, 0.0]
        self._ready_since: float | None = None
        self._refused: set[str] = set()
        self._wall = 0.0
        self._notice = NoticeLine(len(services.notices))

    @property
    def couch_key_layouts(self) -> tuple[str, str]:  # type: ignore[override]
        """Each half of the keyboard plays its player's (or the team's) layout."""
        panels = self.choices.panels
        return (panels[0].layout, panels[1].layout)

    def enter(self, wall_time: float) -> None:
        self._wall = wall_time

    # -- input ------------------------------------------------------------------------------

    def on_hit(self, hit: RawHit) -> None:
        press = self.join.press(hit)
        if press.seat is None:
            self._refuse(hit.device)
        elif press.joined:
            self._joined_at[press.seat] = hit.wall_time
            self._refused.clear()
        else:
            seat = self.join.seats[press.seat]
            action = pad_verbs(seat, press.seat).get(hit.piece) if seat is not None and seat.shared else press.action
            if action is not None and self.choices.act(press.seat, action):
                self._leave(press.seat)

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action is MenuAction.BACK:
            go_song_select(self.services, wall_time)
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def _leave(self, seat: int) -> None:
        self.join.leave(seat)
        self.choices.reset(seat)
        self._refused.clear()

    def _refuse(self, device: str) -> None:
        """A press that seats nobody: say why once per device (a kick on a shared kit is silent)."""
        if device in self.join.device_players() or device in self._refused:
            return
        self._refused.add(device)
        label = device_label(Seat(device))
        if self.join.full:
            self.services.notice(f"{label}: two players are already seated")
        else:
            self.services.notice(f"{label}: that player is already seated on another device")

    # -- starting ---------------------------------------------------------------------------

    @property
    def all_ready(self) -> bool:
        return self.join.full and all(panel.ready for panel in self.choices.panels)

    def setup(self) -> CouchSetup:
        gameplay = self.services.settings.gameplay
        p1, p2 = (gameplay.engine_params(panel.difficulty, panel.layout) for panel in self.choices.panels)
        return CouchSetup(self.mode, (p1, p2), self.split, self.join.device_players(), self.choices.player_1_left)

    def update(self, wall_time: float) -> None:
        self._wall = wall_time
        if not self.all_ready:
            self._ready_since = None
        elif self._ready_since is None:
            self._ready_since = wall_time
        elif wall_time - self._ready_since >= START_HOLD_S:
            self._ready_since = None
            start_couch(self.services, self.song, self.setup(), wall_time)

    # -- drawing ----------------------------------------------------------------------------

    def view(self, wall_time: float) -> JoinView:
        panels = [
            self._panels.panel(player, seat, wall_time - self._joined_at[player])
            for player, seat in enumerate(self.join.seats)
        ]
        if self.mode is CouchMode.VERSUS and not self.choices.player_1_left:
            panels.reverse()
        mode = MODE_LABELS[self.mode]
        if self.mode is CouchMode.DUET:
            mode = f"{mode} \u00b7 {SPLIT_LABELS[self.split]}"
        info = self.song.info
        title = info.title or self.song.folder.name
        return JoinView(
            title, info.artist, mode, panels, self.status(), self.mode is CouchMode.VERSUS, wall_time, FOOTER
        )

    def status(self) -> str:
        seats = self.join.seats
        if self.all_ready:
            return "Both ready: here we go!"
        waiting = [number + 1 for number, seat in enumerate(seats) if seat is None]
        if len(waiting) == 2:
            return "Two players: each press a pad or key on your own device"
        if waiting:
            return f"Waiting for player {waiting[0]} to join"
        return "Both seated: make your choices, then hit ready"

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        draw_join(surface, self.services.theme, self.view(wall_time))
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))
