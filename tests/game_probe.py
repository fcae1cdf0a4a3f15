"""Runs the real game loop on a small generated song, for tests that need a live loop.

Run as a script in its own process (SDL drivers are fixed per process):
    python tests/game_probe.py keyboard OUTDIR   -> inject key presses, report stamp errors
    python tests/game_probe.py disk OUTDIR       -> autoplay with hit sounds on the disk audio driver
Prints one JSON object on the last line of stdout.
"""

from __future__ import annotations

import json
import os
import random
import sys
import threading
import time
import wave
from pathlib import Path

import numpy as np

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


def write_song(
    folder: Path, seconds: float, step_beats: float = 0.5, snare_only: bool = False, first_s: float = 0.0
) -> Path:
    """A 120 BPM chart from `first_s` to `seconds`: snare every `step_beats`, kick on each beat,
    crash every bar (or the snare alone)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    ticks = int(seconds * 2 * 192)
    for tick in range(int(first_s * 2 * 192), ticks, int(192 * step_beats)):
        lines.append(f"  {tick} = N 1 0")
        if tick % 192 == 0 and not snare_only:
            lines.append(f"  {tick} = N 0 0")
        if tick % 768 == 0 and not snare_only:
            lines += [f"  {tick} = N 4 0", f"  {tick} = N 68 0"]
    chart = "[Song]\n{\n  Resolution = 192\n}\n[SyncTrack]\n{\n  0 = B 120000\n}\n[ExpertDrums]\n{\n"
    (folder / "notes.chart").write_text(chart + "\n".join(lines) + "\n}\n")
    (folder / "song.ini").write_text("[song]\nname = Probe\nartist = Tests\npro_drums = True\n")
    return folder


def start(out: Path, seconds: float, autoplay: bool, folder: Path | None = None):
    services = build_services(GamePaths.under(out / "home"), save=False)
    window = Window((1280, 720))
    services.window = window
    song = load_song(folder or write_song(out / "song", seconds))
    done = []

    def finished(outcome) -> None:
        done.append(outcome)
        services.scenes.quit()

    scene = PlayScene(services, song, EngineParams(), autoplay=autoplay, on_finished=finished)
    services.scenes.push(scene, time.perf_counter())
    return services, scene, build_loop(services, window), done


def keyboard(out: Path) -> dict:
    """Posts 300 key presses from another thread while the loop plays; reports for each the time
    just before and just after the post, and the stamp the loop gave it."""
    _, scene, loop, _ = start(out, 12.0, autoplay=False)
    posted: list[tuple[float, float]] = []

    def press_keys() -> None:
        rng = random.Random(5)
        time.sleep(2.5)
        for _ in range(300):
            time.sleep(rng.uniform(0.004, 0.025))
            before = time.perf_counter()
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_f, mod=0, unicode="f", scancode=9))
            posted.append((before, time.perf_counter()))
        time.sleep(0.2)
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    injector = threading.Thread(target=press_keys, daemon=True)
    injector.start()
    loop.run()
    injector.join()
    stamps = [hit.wall_time for hit in scene.session.raw_hits if hit.device == "keyboard"]
    return {"posted": posted, "stamps": stamps, "frames": loop.stats.summary()}


CLICK_TIMES_S = (0.25, 0.75, 1.25)  # stem clicks before the first note, to find audio time 0
RATE = 48000


def write_stems(folder: Path, length_s: float) -> None:
    """Silent stems with short clicks: backing on the left channel, drum stem on the right."""
    for name, channel in (("song", 0), ("drums", 1)):
        pcm = np.zeros((int(length_s * RATE), 2), dtype=np.int16)
        for at in CLICK_TIMES_S:
            start = int(at * RATE)
            pcm[start : start + 48, channel] = 20000
        with wave.open(str(folder / f"{name}.wav"), "wb") as out:
            out.setnchannels(2)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(pcm.tobytes())


def disk(out: Path) -> dict:
    """Autoplay with hit sounds on the disk audio driver; reports each hit sound's call and what
    the song clock said the audio time was at that moment."""
    folder = write_song(out / "song", 7.0, step_beats=1.0, snare_only=True, first_s=2.0)
    write_stems(folder, 9.0)
    services, scene, loop, done = start(out, 6.0, autoplay=True, folder=folder)
    calls: list[float] = []
    play = services.kit.play

    def recorded_play(piece, velocity=100):
        play(piece, velocity)
        calls.append(scene.session.clock.audio_time_at(time.perf_counter()))

    services.kit.play = recorded_play
    loop.run()
    return {
        "calls_audio_s": calls,
        "rate": services.mixer.frequency,
        "block": services.mixer.buffer_frames,
        "accuracy": done[0].result.accuracy if done else None,
    }


if __name__ == "__main__":
    mode, out_dir = sys.argv[1], Path(sys.argv[2])
    report = {"keyboard": keyboard, "disk": disk}[mode](out_dir)
    pygame.quit()
    print(json.dumps(report))
