"""Frame cost of the two-player play screens: `python benchmarks/couch_frame_time.py [frames]`.

Versus: two dense Expert highways side by side (render_gallery's `dense_section`, one per player),
each played by autoplay through the real versus engine; duet: the same section shared by two
players on one highway. The real couch screens draw them at 1280x720 at 240 Hz steps of song
time. Prints the median/p95/p99 cost of a frame (draw + flip) next to the floor, an empty frame
(fill + flip) measured in the same run, and the goal: median <= 40 % of a 240 Hz frame (1.67 ms).
The first second of frames is left out (sprites and text render on first use, as in play).
"""

from __future__ import annotations

import statistics
import sys
import time

import pygame
from frame_time import SIZE, STEP_S, dense_song, empty_frames, percentiles

from game.chart.model import Song
from game.engine.autoplay import autoplay_inputs
from game.engine.couch import CouchEngine, CouchMode, couch_engine, player_notes
from game.engine.duet import DuetEngine
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.render.theme import Theme
from game.scenes.couch_duet import DuetScreen
from game.scenes.couch_effects import CouchEffects
from game.scenes.couch_screen import CouchScreen, engine_layouts
from game.scenes.couch_versus import VersusScreen
from game.scenes.couch_warm import warm_couch_screen

GOAL_MS = 1000 / 240 * 0.40


def screen_for(song: Song, mode: CouchMode) -> tuple[CouchScreen, CouchEffects, CouchEngine]:
    params = EngineParams()
    engine = couch_engine(song.chart, mode, (params, params), SplitStrategy.PIECES)
    for player in (0, 1):
        for hit in autoplay_inputs(player_notes(engine, player), player):
            engine.queue(hit)
    effects = CouchEffects(engine_layouts(engine), mode is CouchMode.DUET)
    screen: CouchScreen
    if isinstance(engine, DuetEngine):
        screen = DuetScreen(Theme(), song, engine, params, 1.2)
    else:
        screen = VersusScreen(Theme(), song, engine, True, 1.2)
    return screen, effects, engine


def play_frames(display: pygame.Surface, mode: CouchMode, frames: int) -> list[float]:
    """Draw + flip costs of `frames` frames at 240 Hz steps, the first second (warm-up) left out."""
    screen, effects, engine = screen_for(dense_song(), mode)
    warm_couch_screen(screen, SIZE, effects)
    skip = round(1 / STEP_S)
    costs = []
    for now in (1.0 + frame * STEP_S for frame in range(frames + skip)):
        judged = engine.update(now)
        for event in (e for e in judged if e.note is not None):
            effects.on_pad(event.player, event.note.piece, now)
        effects.on_judged(judged, now)
        started = time.perf_counter()
        screen.draw(display, now, now, effects, lambda: None)
        pygame.display.flip()
        costs.append(time.perf_counter() - started)
    return costs[skip:]


def main(frames: int) -> None:
    pygame.init()
    display = pygame.display.set_mode(SIZE)
    results = {mode: play_frames(display, mode, frames) for mode in (CouchMode.VERSUS, CouchMode.DUET)}
    floor = statistics.median(empty_frames(display, frames))
    print(f"two-player screens, two dense Expert parts, {SIZE[0]}x{SIZE[1]}, {frames} frames at 240 Hz steps")
    for mode, costs in results.items():
        median = statistics.median(costs)
        verdict = "PASS" if median * 1000 <= GOAL_MS else "FAIL"
        print(f"  {mode.value:6} frame (draw + flip): {percentiles(costs)}  ({median / floor:.1f}x floor) {verdict}")
    print(f"  empty frame (fill + flip): median {floor * 1000:6.3f} ms")
    print(f"  goal: median <= {GOAL_MS:.2f} ms (40% of a 240 Hz frame)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1200)
