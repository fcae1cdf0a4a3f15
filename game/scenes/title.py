"""The title screen: Play, Settings, Calibrate, Quit.

Each item opens its scene on top of the title, so BACK from any of them lands here again. Escape
(BACK) on the title itself quits, as the footer says.
"""

from __future__ import annotations

import pygame

from game.input.raw import MenuAction
from game.render.menu import TitleView, draw_title
from game.render.overlay import draw_notice
from game.scenes.base import Scene
from game.scenes.calibration import CalibrationScene
from game.scenes.navigate import NoticeLine, move, toggle_fullscreen
from game.scenes.services import Services
from game.scenes.settings_menu import SettingsScene
from game.scenes.song_select import SongSelectScene

ITEMS = ("Play", "Settings", "Calibrate", "Quit")
FOOTER = "\u2191/\u2193: choose   Enter: select   Esc: quit   F11: fullscreen"


class TitleScene(Scene):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.selected = 0
        self._since: float | None = None  # wall time the title first appeared, for its animation
        self._notice = NoticeLine()  # start-up notices (bad settings file, no audio) show here

    def enter(self, wall_time: float) -> None:
        if self._since is None:
            self._since = wall_time

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action in (MenuAction.UP, MenuAction.DOWN):
            self.selected = move(self.selected, -1 if action is MenuAction.UP else 1, len(ITEMS))
        elif action is MenuAction.SELECT:
            self._open(ITEMS[self.selected], wall_time)
        elif action is MenuAction.BACK:
            self.services.scenes.quit()
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def _open(self, item: str, wall_time: float) -> None:
        scenes = self.services.scenes
        if item == "Play":
            scenes.push(SongSelectScene(self.services), wall_time)
        elif item == "Settings":
            scenes.push(SettingsScene(self.services), wall_time)
        elif item == "Calibrate":
            scenes.push(CalibrationScene(self.services), wall_time)
        else:
            scenes.quit()

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        time_s = wall_time - (self._since if self._since is not None else wall_time)
        draw_title(surface, self.services.theme, TitleView(time_s, ITEMS, self.selected, FOOTER))
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))
