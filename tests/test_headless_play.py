"""The real game loop, headless (SDL dummy video, dummy or no audio), through the `play` command:
a bundled session played through on autoplay scores 100 %, a screenshot is taken at a song time,
and a machine with no audio device still plays (silently, on the wall clock)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame

from game.chart.folder import load_song
from game.chart.model import Difficulty
from tests.game_probe import write_song

ROOT = Path(__file__).resolve().parents[1]
SHORTEST_SESSION = "black-velvet-crown"


def play(path: Path, tmp_path: Path, *extra: str, audio: str = "dummy") -> dict:
    env = dict(os.environ, SDL_AUDIODRIVER=audio, DRUMSTICK_HOME=str(tmp_path / "home"))
    run = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "play", str(path), "--autoplay", "--headless", "--json", *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=400,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_a_bundled_session_plays_through_at_100_percent_with_a_screenshot(tmp_path):
    folder = ROOT / "charts" / SHORTEST_SESSION
    shot = tmp_path / "shot.png"
    report = play(folder, tmp_path, "--screenshot", str(shot), "--at", "30")
    expert = load_song(folder).chart.track(Difficulty.EXPERT).playable_notes()
    assert (report["accuracy"], report["full_combo"], report["notes"]) == (100.0, True, len(expert))
    assert report["timing"]["audio"] and report["timing"]["late_inputs"] == 0
    assert report["timing"]["pass_gap_ms_median"] < 2.0  # the loop polls about every millisecond
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)


def test_without_an_audio_device_the_game_plays_silently(tmp_path):
    folder = write_song(tmp_path / "song", 4.0)
    report = play(folder, tmp_path, audio="no-such-driver")
    assert report["timing"]["audio"] is False
    assert report["accuracy"] == 100.0 and report["full_combo"]
