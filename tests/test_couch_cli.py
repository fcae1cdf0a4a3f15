"""Two players from the command line: `simulate --players 2` (engine only) and `play --players 2
--headless` through the real game loop on a short chart (duet with every split, versus with two
difficulties), with the JSON report shape and screenshots of both screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.engine.split import SplitStrategy
from tests.test_couch_play import write_couch_song

ROOT = Path(__file__).resolve().parents[1]
PLAYER_KEYS = {"score", "accuracy", "full_combo", "judgements", "player", "difficulty", "layout"}


@pytest.fixture(scope="module")
def song(tmp_path_factory) -> Path:
    return write_couch_song(tmp_path_factory.mktemp("couch_cli") / "song")


def command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def assert_perfect_pair(report: dict) -> None:
    assert set(report) >= {"players", "team"}
    for number, player in enumerate(report["players"], start=1):
        assert set(player) >= PLAYER_KEYS and player["player"] == number
        assert (player["accuracy"], player["full_combo"], player["judgements"]["overhit"]) == (100.0, True, 0)


@pytest.mark.parametrize("mode", ["duet", "versus"])
def test_simulate_two_players_prints_the_couch_report(song, mode):
    run = subprocess.run(
        command(
            "simulate", str(song), "--players", "2", "--mode", mode, "--p2-difficulty", "easy", "--autoplay", "--json"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert_perfect_pair(report)
    assert report["team"]["mode"] == mode
    if mode == "versus":
        assert [p["difficulty"] for p in report["players"]] == ["expert", "easy"]
        assert report["team"]["normalised"] == [1_000_000, 1_000_000]
    else:
        assert report["team"]["split"] == "pieces" and report["team"]["sync"] == 100.0


def test_two_player_replays_are_refused_in_one_line(song, tmp_path):
    run = subprocess.run(
        command("simulate", str(song), "--players", "2", "--replay", str(tmp_path / "r.json")),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "single-player" in run.stderr


def test_headless_couch_play_through_the_real_loop_is_perfect_for_both(song, tmp_path):
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", DRUMSTICK_HOME=str(tmp_path / "home"))
    base = ["play", str(song), "--players", "2", "--autoplay", "--headless", "--json"]
    runs = {f"duet-{split.value}": [*base, "--mode", "duet", "--split", split.value] for split in SplitStrategy}
    runs["versus"] = [*base, "--mode", "versus", "--p2-difficulty", "easy"]
    runs["duet-pieces"] += ["--screenshot", str(tmp_path / "duet.png"), "--at", "2"]
    runs["versus"] += ["--screenshot", str(tmp_path / "versus.png"), "--at", "2"]
    # run side by side: each loop mostly sleeps, and autoplay stamps every hit on its beat anyway
    procs = {
        name: subprocess.Popen(command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        for name, args in runs.items()
    }
    reports = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, (name, err[-2000:])
        reports[name] = report = last_json(out)
        assert_perfect_pair(report)
        assert report["timing"]["late_inputs"] == 0 and report["timing"]["audio"]
        assert report["team"]["mode"] == name.split("-")[0]
    assert [p["difficulty"] for p in reports["versus"]["players"]] == ["expert", "easy"]
    assert {reports[f"duet-{split.value}"]["team"]["split"] for split in SplitStrategy} == {
        s.value for s in SplitStrategy
    }
    for shot in ("duet.png", "versus.png"):
        assert pygame.image.load(str(tmp_path / shot)).get_size() == (1280, 720)


def test_a_difficulty_the_chart_lacks_is_refused_in_one_line(song, tmp_path):
    env = dict(os.environ, SDL_AUDIODRIVER="dummy", DRUMSTICK_HOME=str(tmp_path / "home"))
    run = subprocess.run(
        command("play", str(song), "--players", "2", "--mode", "versus", "--p2-difficulty", "hard", "--headless"),
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "no hard drum part" in run.stderr
