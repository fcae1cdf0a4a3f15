"""What drawing a dense play frame costs: `python benchmarks/render_cost.py [frames]`.

Draws the dense Expert section (highway + HUD + judgement popup) at 1280x720 for ~600 frames of
144 Hz song time, with the HUD values changing as notes pass (as in play), and prints the median,
p95 and p99 draw time next to the floor: `surface.fill` + `pygame.display.flip` on the dummy video
driver. Sprites are warmed first, as the play scene does while loading.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from bisect import bisect_right
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame
from render_gallery import BPM, PlayScene

from game.engine.window import Judgement
from game.render.highway import HighwayView, draw_highway
from game.render.hud import HudView, draw_hud, draw_play_backdrop
from game.render.popup import JudgementPopup, draw_judgements
from game.render.theme import Theme

SIZE = (1280, 720)
FRAME_S = 1 / 144


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def frame_views(scene: PlayScene, now_s: float) -> tuple[HighwayView, HudView, list[JudgementPopup]]:
    """Views as the play scene would fill them: notes before now are hit, flashes decay."""
    times = [note.time_s for note in scene.notes]
    passed = bisect_right(times, now_s)
    last = times[passed - 1] if passed else -1.0
    age = now_s - last
    flash = max(0.0, 1.0 - age / 0.18)
    beat = (now_s * BPM / 60) % 1.0
    highway = HighwayView(
        now_s, 1.25, scene.notes, range(passed), (), scene.grid, beat < 0.5, {0: flash, 1: flash * 0.6}, flash
    )
    hud = HudView(
        score=passed * 412,
        combo=passed,
        multiplier=min(4, 1 + passed // 10),
        accuracy=96.0 + (passed % 7) * 0.31,
        fever_meter=0.6,
        fever_active=beat < 0.5,
        progress=now_s / 60,
        combo_age_s=age,
        multiplier_progress=(passed % 10) / 10,
        section="Chorus",
        title="Neon Heartbeat",
        artist="STELLAR//SEOUL",
        difficulty="Expert",
        elapsed_s=now_s,
        length_s=226,
    )
    popups = [JudgementPopup(Judgement.PERFECT if passed % 5 else Judgement.GREAT, age, None if passed % 5 else True)]
    return highway, hud, popups


def measure(frames: int) -> None:
    pygame.init()
    screen = pygame.display.set_mode(SIZE)
    theme = Theme()
    scene = PlayScene(theme, SIZE)
    cold = run(screen, theme, scene, frames)
    print("first pass (text, badges and popups rendered on first use):")
    report(frames, *cold)
    print("second pass over the same section (steady state):")
    report(frames, *run(screen, theme, scene, frames))


def run(
    screen: pygame.Surface, theme: Theme, scene: PlayScene, frames: int
) -> tuple[list[float], list[float], list[float]]:
    floor: list[float] = []
    draw: list[float] = []
    total: list[float] = []
    for frame in range(frames):
        start = time.perf_counter()
        screen.fill((0, 0, 0))
        pygame.display.flip()
        floor.append(time.perf_counter() - start)
        highway, hud, popups = frame_views(scene, 2.0 + frame * FRAME_S)
        start = time.perf_counter()
        draw_play_backdrop(screen, theme, scene.layout, hud)
        draw_highway(screen, scene.geometry, highway, scene.skin)
        draw_hud(screen, theme, scene.layout, hud)
        draw_judgements(screen, theme, scene.layout, popups)
        drawn = time.perf_counter()
        pygame.display.flip()
        draw.append(drawn - start)
        total.append(time.perf_counter() - start)
    return floor, draw, total


def report(frames: int, floor: list[float], draw: list[float], total: list[float]) -> None:
    base = statistics.median(floor)
    print(f"dense Expert play frame at {SIZE[0]}x{SIZE[1]}, {frames} frames (ms)")
    print(f"{'':28} {'median':>8} {'p95':>8} {'p99':>8} {'median/floor':>13}")
    for name, samples in (("floor: fill + flip", floor), ("draw: highway + HUD", draw), ("draw + flip", total)):
        row = [statistics.median(samples), percentile(samples, 0.95), percentile(samples, 0.99)]
        print(
            f"{name:28} " + " ".join(f"{v * 1000:8.3f}" for v in row) + f" {statistics.median(samples) / base:12.1f}x"
        )


if __name__ == "__main__":
    measure(int(sys.argv[1]) if len(sys.argv) > 1 else 600)
