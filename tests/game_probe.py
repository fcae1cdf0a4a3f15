"""Runs the real game loop on a small generated song, for tests that need a live loop.

Run as a script in its own process (SDL drivers are fixed per process):
    python tests/game_probe.py keyboard OUTDIR   -> inject key presses, report stamp errors
    python tests/game_probe.py autoplay OUTDIR   -> autoplay with hit sounds, report call times
Prints one JSON object on the last line of stdout.
"""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.app.boot import build_services  # noqa: E402
from game.app.run import build_loop  # noqa: E402
from game.app.window import Window  # noqa: E402
from game.chart.folder import load_song  # noqa: E402
from game.engine.params import EngineParams  # noqa: E402
from game.persistence.paths import GamePaths  # noqa: E402
from game.scenes.play import PlayScene  # noqa: E402


def write_song(folder: Path, seconds: float, step_beats: float = 0.5) -> Path:
    """A 120 BPM chart: snare every `step_beats`, kick on each beat, crash every bar."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    ticks = int(seconds * 2 * 192)
    for tick in range(0, ticks, int(192 * step_beats)):
        lines.append(f"  {tick} = N 1 0")
        if tick % 192 == 0:
            lines.append(f"  {tick} = N 0 0")
        if tick % 768 == 0:
            lines += [f"  {tick} = N 4 0", f"  {tick} = N 68 0"]
    chart = "[Song]\n{\n  Resolution = 192\n}\n[SyncTrack]\n{\n  0 = B 120000\n}\n[ExpertDrums]\n{\n"
    (folder / "notes.chart").write_text(chart + "\n".join(lines) + "\n}\n")
    (folder / "song.ini").write_text("[song]\nname = Probe\nartist = Tests\npro_drums = True\n")
    return folder


def start(out: Path, seconds: float, autoplay: bool):
    services = build_services(GamePaths.under(out / "home"), save=False)
    window = Window((1280, 720))
    services.window = window
    song = load_song(write_song(out / "song", seconds))
    done = []
    scene = PlayScene(services, song, EngineParams(), autoplay=autoplay, on_finished=done.append)
    services.scenes.push(scene, time.perf_counter())
    return services, scene, build_loop(services, window), done


def keyboard(out: Path) -> dict:
    services, scene, loop, _ = start(out, 12.0, autoplay=False)
    posted: list[float] = []

    def press_keys() -> None:
        rng = random.Random(5)
        time.sleep(2.5)
        for _ in range(300):
            time.sleep(rng.uniform(0.004, 0.025))
            posted.append(time.perf_counter())
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=0, unicode="f", scancode=9))
        time.sleep(0.2)
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    injector = threading.Thread(target=press_keys, daemon=True)
    injector.start()
    loop.run()
    injector.join()
    stamps = [hit.wall_time for hit in scene.session.raw_hits if hit.device == "keyboard"]
    errors_ms = [(stamp - sent) * 1000 for stamp, sent in zip(stamps, posted, strict=False)]
    return {"sent": len(posted), "stamped": len(stamps), "errors_ms": errors_ms, "frames": loop.stats.summary()}


def autoplay(out: Path) -> dict:
    services, scene, loop, done = start(out, 6.0, autoplay=True)
    loop.run()
    result = done[0].result if done else None
    return {"accuracy": result.accuracy if result else None, "full_combo": result.full_combo if result else None}


if __name__ == "__main__":
    mode, out_dir = sys.argv[1], Path(sys.argv[2])
    report = {"keyboard": keyboard, "autoplay": autoplay}[mode](out_dir)
    pygame.quit()
    print(json.dumps(report))
