"""Shared menu plumbing: cursor moves, fullscreen, notices, and moving between screens.

Menus are driven by `MenuAction`s only (never raw keys), so a drum pad mapped to menu verbs can
drive every screen.

The screens stack up as title -> song select -> chooser; the chooser replaces itself with play,
and play with results, so BACK from song select returns to the title. Two players go chooser ->
couch mode -> join, which replaces itself with the couch play screen (`start_couch`). `go_title` and
`go_song_select` unwind the stack to that screen (creating it when it is not there), which is how
play and results return. Scene modules are imported inside these functions: the scenes import this
module, and the play scene pulls in the whole engine, which menus do not need until a song starts.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from game.chart.model import Song
from game.engine.params import EngineParams
from game.scenes.couch_setup import CouchSetup
from game.scenes.services import Services

if TYPE_CHECKING:
    import pygame

    from game.scenes.base import Scene

log = logging.getLogger(__name__)

NOTICE_S = 5.0  # how long a new notice stays on screen
PLAY_MODULE = "game.scenes.play"
COUCH_PLAY_MODULE = "game.scenes.couch_play"
# Lane layout name -> (menu label, one-line description); "" is the setting "as the chart was authored".
LAYOUT_LABELS = {
    "": ("As charted", "the layout each chart was written for"),
    "four_lane": ("4-lane", "Clone Hero classic: toms and cymbals share lanes"),
    "four_lane_pro": ("4-lane pro", "toms and cymbals apart"),
    "five_lane": ("5-lane", "two cymbal lanes, toms split"),
    "kit": ("Full kit", "one column per piece, hi-hat pedal included"),
}


def move(index: int, delta: int, count: int, wrap: bool = True) -> int:
    """The cursor after moving `delta` rows in a list of `count` (wrapping, or stopping at the ends)."""
    if count <= 0:
        return 0
    if wrap:
        return (index + delta) % count
    return min(max(index + delta, 0), count - 1)


def cycle(options: Sequence[object], current: object, delta: int, wrap: bool = False) -> object:
    """The option `delta` steps from `current` (the first one when `current` is not among them)."""
    index = options.index(current) if current in options else 0
    return options[move(index, delta, len(options), wrap)]


def draw_backdrop(surface: pygame.Surface, services: Services, backdrop: Scene | None, wall_time: float) -> None:
    """What a card screen is drawn over: the screen it opened from, else the night sky."""
    if backdrop is not None:
        backdrop.draw(surface, wall_time)
    else:
        surface.blit(services.theme.background(surface.get_size(), "night"), (0, 0))


def toggle_fullscreen(services: Services) -> None:
    """Switch the window (when the app gave us one) and remember the choice in the settings.

    The window control only switches the display; the setting is recorded here so that a game
    started windowless (tests, headless) still saves what the player asked for.
    """
    if services.window is not None:
        services.window.toggle_fullscreen()
    fullscreen = not services.settings.video.fullscreen
    services.update_settings(services.settings.replace_in("video", fullscreen=fullscreen))


class NoticeLine:
    """Which notice to show: the newest one for NOTICE_S after it first appeared in this scene.

    `seen` is how many notices existed before this scene cared (older ones are not re-shown).
    """

    def __init__(self, seen: int = 0) -> None:
        self._seen = seen
        self._since: float | None = None
        self._text = ""

    def text(self, notices: Sequence[str], wall_time: float) -> str:
        if len(notices) > self._seen:
            self._seen = len(notices)
            self._text, self._since = notices[-1], wall_time
        if self._since is None or wall_time - self._since > NOTICE_S:
            return ""
        return self._text


def start_play(services: Services, song: Song, params: EngineParams, wall_time: float) -> bool:
    """Replace the top scene with the play scene; False (with a notice) when it cannot start."""
    return _start(services, song, (PLAY_MODULE, "PlayScene"), params, wall_time)


def start_couch(services: Services, song: Song, setup: CouchSetup, wall_time: float) -> bool:
    """Replace the top scene with the two-player play scene; False (with a notice) when it cannot."""
    return _start(services, song, (COUCH_PLAY_MODULE, "CouchPlayScene"), setup, wall_time)


def _start(services: Services, song: Song, scene_class: tuple[str, str], how: object, wall_time: float) -> bool:
    """Build `scene_class` (module, class name) with (services, song, how) and put it on top."""
    try:
        make = getattr(importlib.import_module(scene_class[0]), scene_class[1])
    except (ImportError, AttributeError) as error:
        log.error("play scene unavailable: %s", error)
        services.notice("cannot start the song: the play screen is missing")
        return False
    try:
        scene = make(services, song, how)
    except (ValueError, OSError) as error:
        log.error("cannot start %s: %s", song.folder, error)
        services.notice(f"cannot start the song: {error}")
        return False
    services.scenes.replace(scene, wall_time)
    return True


def go_title(services: Services, wall_time: float) -> None:
    """Show the title: the app's first screen, or the one under everything else."""
    from game.scenes.title import TitleScene

    if services.scenes.unwind_to((TitleScene,), wall_time) is None:
        services.scenes.push(TitleScene(services), wall_time)


def go_song_select(services: Services, wall_time: float) -> None:
    """Back to song select (from play or results), re-entering the one on the stack if there is one."""
    from game.scenes.song_select import SongSelectScene
    from game.scenes.title import TitleScene

    top = services.scenes.unwind_to((SongSelectScene, TitleScene), wall_time)
    if top is None:
        top = TitleScene(services)
        services.scenes.push(top, wall_time)
    if not isinstance(top, SongSelectScene):
        services.scenes.push(SongSelectScene(services), wall_time)
