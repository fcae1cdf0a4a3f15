"""Running the game: the window and title screen, or one song straight into play (the `play`
command, headless or not)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from game.app.boot import build_services, close_services, game_paths, use_headless_drivers
from game.app.loop import MainLoop
from game.app.pacing import FramePacer
from game.app.window import Window
from game.chart.folder import load_song
from game.chart.model import Difficulty, Song
from game.input.keyboard import KeyBindings
from game.persistence.settings import Settings
from game.scenes.base import Scene
from game.scenes.play import PlayOutcome, PlayScene
from game.scenes.play_base import PlayingScene
from game.scenes.services import Services

log = logging.getLogger(__name__)

DEFAULT_KEY_LAYOUT = "four_lane_pro"  # menus with no chart: the Clone Hero default


@dataclass(frozen=True, slots=True)
class Screenshot:
    path: Path
    at_s: float  # chart seconds


def bindings_resolver(services: Services) -> Callable[[Scene], KeyBindings]:
    """Key bindings for the top scene's lane layout, rebuilt only when the settings or the layout
    change (settings are immutable: a new object means new bindings). A scene with
    `couch_key_layouts` gets both players' halves of the keyboard ("keyboard.p1"/"keyboard.p2")."""
    last: list[tuple[Settings, str | tuple[str, str], KeyBindings]] = []

    def build(settings: Settings, layouts: str | tuple[str, str]) -> KeyBindings:
        if isinstance(layouts, tuple):
            halves = [settings.input.couch_bindings_for(side, name) for side, name in enumerate(layouts)]
            return KeyBindings.couch(halves)
        return KeyBindings.from_names(settings.input.bindings_for(layouts))

    def resolve(scene: Scene) -> KeyBindings:
        settings = services.settings
        layouts = scene.couch_key_layouts or scene.key_layout or settings.gameplay.lane_layout or DEFAULT_KEY_LAYOUT
        if not last or last[0][0] is not settings or last[0][1] != layouts:
            last[:] = [(settings, layouts, build(settings, layouts))]
        return last[0][2]

    return resolve


def build_loop(
    services: Services, window: Window, after_frame: Callable[[pygame.Surface, float], None] | None = None
) -> MainLoop:
    loop = MainLoop(
        services.scenes,
        FramePacer(services.settings.video.frame_cap),
        bindings_resolver(services),
        on_window_event=window.on_event,
        after_frame=after_frame,
        midi=services.midi,
        notice=services.notice,
    )
    services.poll_input = loop.poll_input
    return loop


def run_game() -> int:
    """The window, at the title screen."""
    services = build_services(game_paths())
    video = services.settings.video
    window = Window(video.window_size, video.fullscreen, video.vsync)
    services.window = window
    from game.scenes.navigate import go_title

    go_title(services, time.perf_counter())
    try:
        build_loop(services, window).run()
    finally:
        close_services(services)
    return 0


def open_for_play(path: Path, headless: bool) -> tuple[Song, Services, Window]:
    """The song (a bad chart fails here, before any window opens), the services and a window."""
    if headless:
        use_headless_drivers()
    song = load_song(path)
    services = build_services(game_paths())
    video = services.settings.video
    window = Window(video.window_size, fullscreen=False if headless else video.fullscreen, vsync=video.vsync)
    services.window = window
    return song, services, window


def require_part(song: Song, difficulty: Difficulty) -> None:
    """A play needs notes: ValueError (a one-line message) when the chart lacks the difficulty."""
    if not song.chart.track(difficulty).notes:
        raise ValueError(f"{song.chart_path}: no {difficulty.value} drum part")


def play_through(
    services: Services, window: Window, scene: PlayingScene, screenshot: Screenshot | None
) -> dict[str, Any]:
    """Runs the loop with `scene` on top until it quits; returns the loop's timing figures."""
    services.scenes.push(scene, time.perf_counter())
    try:
        stats = build_loop(services, window, _screenshot_taker(scene, screenshot)).run()
    finally:
        close_services(services)
    timing: dict[str, Any] = dict(stats.summary())
    timing["late_inputs"] = scene.session.engine.late_inputs
    timing["audio"] = services.mixer is not None
    return timing


def run_play(
    path: Path,
    difficulty: Difficulty,
    layout: str,
    autoplay: bool,
    headless: bool,
    screenshot: Screenshot | None = None,
) -> tuple[PlayOutcome | None, dict[str, Any]]:
    """One song from load to results, with the player's gameplay settings (timing scale, strict
    hi-hat, Expert+); returns the outcome and the loop's timing figures."""
    song, services, window = open_for_play(path, headless)
    require_part(song, difficulty)
    outcome: list[PlayOutcome] = []

    def finished(result: PlayOutcome) -> None:
        outcome.append(result)
        services.scenes.quit()

    params = services.settings.gameplay.engine_params(difficulty, layout)
    scene = PlayScene(services, song, params, autoplay=autoplay, on_finished=finished)
    timing = play_through(services, window, scene, screenshot)
    return (outcome[0] if outcome else None), timing


def _screenshot_taker(scene: PlayingScene, shot: Screenshot | None) -> Callable[[pygame.Surface, float], None] | None:
    if shot is None:
        return None
    taken = False

    def take(surface: pygame.Surface, wall_time: float) -> None:
        nonlocal taken
        if not taken and scene.visual_time >= shot.at_s:
            shot.path.parent.mkdir(parents=True, exist_ok=True)
            pygame.image.save(surface, str(shot.path))
            taken = True
            log.info("screenshot at %.3f s saved to %s", scene.visual_time, shot.path)

    return take
