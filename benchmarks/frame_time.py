"""Frame cost of the real play screen: `python benchmarks/frame_time.py [frames]`.

A dense Expert section (16th hats, ghosted snare, double kicks, tom fills; render_gallery's
`dense_section`) is played by autoplay through the real engine, and the real play screen
(backdrop, highway, HUD, judgement popup) draws it at 1280x720 at 240 Hz steps of song time. It
prints the median/p95/p99 cost of a frame (draw + flip) next to the floor, an empty frame
(fill + flip) measured in the same run, and the goal: median <= 25 % of a 240 Hz frame (1.04 ms).
The first second of frames is left out (sprites and text render on first use, as in play).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame
from render_gallery import dense_section

from game.chart.model import Chart, ChartFormat, Difficulty, DrumType, Song, SongInfo, Track
from game.engine.autoplay import autoplay_inputs
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.render.theme import Theme
from game.scenes.play_effects import PlayEffects
from game.scenes.play_screen import PlayScreen

SIZE = (1280, 720)
STEP_S = 1 / 240
GOAL_MS = 1000 / 240 * 0.25


def dense_song() -> Song:
    notes, tempo = dense_section(bars=40)
    track = Track(Difficulty.EXPERT, tuple(notes))
    chart = Chart(ChartFormat.CHART, DrumType.FOUR_LANE_PRO, tempo, {Difficulty.EXPERT: track})
    info = SongInfo(title="Dense Expert Section", artist="Benchmark", song_length_s=notes[-1].time_s + 2)
    return Song(Path("."), Path("notes.chart"), info, chart)


def percentiles(samples_s: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples_s)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    return f"median {statistics.median(ms):6.3f} ms  p95 {pick(0.95):6.3f}  p99 {pick(0.99):6.3f}"


def play_frames(screen: pygame.Surface, frames: int) -> list[float]:
    song = dense_song()
    engine = PlayerEngine(song.chart, EngineParams())
    for hit in autoplay_inputs(engine.notes):
        engine.queue(hit)
    effects = PlayEffects(engine.layout)
    view = PlayScreen(Theme(), song, engine, EngineParams())
    costs = []
    for frame in range(frames):
        now = 1.0 + frame * STEP_S
        judged = engine.update(now)
        for event in judged:
            if event.note is not None:
                effects.on_pad(event.note.piece, now)
        effects.on_judged(judged, now)
        started = time.perf_counter()
        view.draw(screen, now, now, effects, lambda: None)
        pygame.display.flip()
        costs.append(time.perf_counter() - started)
    return costs


def empty_frames(screen: pygame.Surface, frames: int) -> list[float]:
    costs = []
    for frame in range(frames):
        started = time.perf_counter()
        screen.fill((frame % 255, 0, 40))
        pygame.display.flip()
        costs.append(time.perf_counter() - started)
    return costs


def main(frames: int) -> None:
    pygame.init()
    screen = pygame.display.set_mode(SIZE)
    warm = int(1 / STEP_S)
    play = play_frames(screen, frames + warm)[warm:]
    floor = empty_frames(screen, frames)
    ratio = statistics.median(play) / statistics.median(floor)
    print(f"dense Expert frame, {SIZE[0]}x{SIZE[1]}, {frames} frames at 240 Hz steps")
    print(f"  play frame (draw + flip): {percentiles(play)}")
    print(f"  empty frame (fill + flip): {percentiles(floor)}")
    print(f"  ratio of medians: {ratio:.1f}x the empty frame")
    verdict = "PASS" if statistics.median(play) * 1000 <= GOAL_MS else "FAIL"
    print(f"  goal: median <= {GOAL_MS:.2f} ms (25% of a 240 Hz frame): {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1200)
