"""The settings screen: UP/DOWN choose a row, LEFT/RIGHT change it, SELECT acts on it.

SELECT flips on/off rows, switches offset rows between 1 ms and 10 ms steps (the row is drawn as
"editing" while coarse), and on a key row waits for the next key press (`captures_keys`): that key
then plays the row's piece. A piece keeps at most two keys (so hands can alternate on rolls); a key
plays one piece per layout, so binding it moves it. "Keys of" switches the key rows between the
single player's keys and each half of a keyboard two players share; a key plays for one of the two
players only, so binding it for one takes it from the other (a notice says so). While waiting,
Backspace clears the piece's keys and Escape or Enter cancels. Menu keys cannot be bound: menus
must stay reachable. SELECT on "Drum kit" opens that screen (game.scenes.drum_kit).

Every change is saved at once through `Services.update_settings`; BACK just leaves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import pygame

from game.chart.layout import LAYOUTS
from game.chart.piece import KitPiece
from game.input.raw import MenuAction
from game.persistence.couch_keys import COUCH_SIDES
from game.persistence.settings import Settings
from game.render.overlay import draw_notice
from game.render.settings import SettingRow, SettingsView, draw_settings
from game.render.theme import PIECE_LABELS
from game.scenes.base import Scene
from game.scenes.drum_kit import DrumKitScene
from game.scenes.navigate import LAYOUT_LABELS, NoticeLine, cycle, move, toggle_fullscreen
from game.scenes.services import Services
from game.scenes.settings_rows import (
    DRUM_KIT_ROW,
    KEY_SIDE_LABELS,
    KEY_SIDES,
    SETTING_ROWS,
    KeySide,
    Row,
    RowKind,
    bind_key,
    clear_piece,
    default_key_set,
    key_rows,
    key_set,
    with_key_set,
)

log = logging.getLogger(__name__)

MENU_KEY_NAMES = frozenset(
    {"up", "down", "left", "right", "return", "enter", "escape", "backspace", "tab", "f11", "pause"}
)
DEFAULT_KEYS_LAYOUT = "four_lane_pro"
FOOTER = "\u2191/\u2193: choose   \u2190/\u2192: change   Enter: select   Esc: back"


class SettingsScene(Scene):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.selected = 0
        self.coarse = False  # offset rows step 10 ms while set
        self.capturing: KitPiece | None = None  # the piece waiting for a key
        self.keys_layout = services.settings.gameplay.lane_layout or DEFAULT_KEYS_LAYOUT
        self.keys_side: KeySide = None  # whose keys the key rows edit (None: one player's)
        self.rows: list[Row] = []
        self._build_rows()
        self._notice = NoticeLine(len(services.notices))

    @property
    def captures_keys(self) -> bool:  # type: ignore[override]
        return self.capturing is not None

    def _build_rows(self) -> None:
        self.rows = [*SETTING_ROWS, DRUM_KIT_ROW, *key_rows(self.keys_layout, PIECE_LABELS, self.keys_side)]

    @property
    def row(self) -> Row:
        return self.rows[self.selected]

    # -- actions ----------------------------------------------------------------------------

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action in (MenuAction.UP, MenuAction.DOWN):
            self.selected = move(self.selected, -1 if action is MenuAction.UP else 1, len(self.rows))
            self.coarse = False
        elif action in (MenuAction.LEFT, MenuAction.RIGHT):
            self._step(-1 if action is MenuAction.LEFT else 1)
        elif action is MenuAction.SELECT:
            self._select(wall_time)
        elif action is MenuAction.BACK:
            self.services.scenes.pop(wall_time)
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def _step(self, direction: int) -> None:
        row = self.row
        change = row.change
        if row.kind is RowKind.VALUE and change is not None:
            steps = direction * (row.coarse if self.coarse else 1)
            self._apply(lambda settings: change(settings, steps))
        elif row.kind is RowKind.FULLSCREEN:
            toggle_fullscreen(self.services)
        elif row.kind is RowKind.KEYS_LAYOUT:
            self.keys_layout = str(cycle(list(LAYOUTS), self.keys_layout, direction, wrap=True))
            self._build_rows()
        elif row.kind is RowKind.KEYS_SET:
            self.keys_side = KEY_SIDES[(KEY_SIDES.index(self.keys_side) + direction) % len(KEY_SIDES)]
            self._build_rows()

    def _select(self, wall_time: float) -> None:
        row = self.row
        if row.kind is RowKind.DRUM_KIT:
            self.services.scenes.push(DrumKitScene(self.services), wall_time)
        elif row.kind is RowKind.KEY:
            self.capturing = row.piece
        elif row.kind is RowKind.RESET_KEYS:
            side, layout = self.keys_side, self.keys_layout
            self._bind(default_key_set(side, layout))
            whose = "" if side is None else f" ({KEY_SIDE_LABELS[side]})"
            self.services.notice(f"default keys restored for {LAYOUT_LABELS[layout][0]}{whose}")
        elif row.toggles or row.kind in (RowKind.KEYS_LAYOUT, RowKind.KEYS_SET):
            self._step(1)
        elif row.coarse > 1:
            self.coarse = not self.coarse

    def _apply(self, change: Callable[[Settings], Settings]) -> None:
        """Run `change(settings)` and save the result; a refused value becomes a notice."""
        settings = self.services.settings
        try:
            changed = change(settings)
        except (ValueError, TypeError) as error:
            self.services.notice(f"cannot change {self.row.label.lower()}: {error}")
            return
        if changed != settings:
            self.services.update_settings(changed)

    # -- key capture ------------------------------------------------------------------------

    def on_key(self, key_name: str, wall_time: float) -> None:
        piece = self.capturing
        if piece is None:
            return
        key = key_name.lower()
        bindings = key_set(self.services.settings, self.keys_side, self.keys_layout)
        if key in ("escape", "return", "enter"):
            self.capturing = None
        elif key == "backspace":
            self._bind(clear_piece(bindings, piece))
            self.capturing = None
        elif key in MENU_KEY_NAMES:
            self.services.notice(f"{key.upper()} is a menu key and cannot play a drum")
        else:
            self._notice_taken(key)
            self._bind(bind_key(bindings, key, piece))
            self.capturing = None

    def _bind(self, bindings: Mapping[str, str]) -> None:
        side, layout = self.keys_side, self.keys_layout
        self._apply(lambda s: with_key_set(s, side, layout, bindings))

    def _notice_taken(self, key: str) -> None:
        """Binding a key for one couch player takes it from the other: say so."""
        if self.keys_side is None:
            return
        other = 1 - self.keys_side
        if any(key in keys for keys in self.services.settings.input.couch_bindings[COUCH_SIDES[other]].values()):
            self.services.notice(f"{key.upper()} now plays for player {self.keys_side + 1} only")

    # -- drawing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        settings = self.services.settings
        rows = [SettingRow(row.label, row.show(settings), row.hint, row.section) for row in self.rows]
        if self.capturing is not None:
            rows[self.selected] = SettingRow(
                self.row.label, "press a key\u2026", "Backspace: clear this piece's keys   Esc: cancel"
            )
        elif self.coarse:
            current = rows[self.selected]
            rows[self.selected] = SettingRow(current.label, f"{current.value} (\u00b110)", current.hint, current.group)
        editing = self.capturing is not None or self.coarse
        view = SettingsView(rows, self.selected, editing, footer=FOOTER)
        draw_settings(surface, self.services.theme, view)
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))
