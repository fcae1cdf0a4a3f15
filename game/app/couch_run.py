"""Running one song for two players (`play --players 2`), headless or in a window.

With no join screen in between, the devices are fixed: the left half of the keyboard is player
1's ("keyboard.p1"), the right half player 2's ("keyboard.p2"), every MIDI port connected at the
start is shared by both (split by who owns the pad), and each player's autoplay is their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.app.run import Screenshot, open_for_play, play_through, require_part
from game.chart.model import Difficulty
from game.engine.couch import CouchMode
from game.engine.split import SplitStrategy
from game.input.router import SHARED_DEVICE
from game.scenes.couch_play import KEYBOARD_HALVES, CouchPlayScene
from game.scenes.couch_setup import CouchOutcome, CouchSetup
from game.scenes.services import Services


@dataclass(frozen=True, slots=True)
class CouchRequest:
    """What the command line asks for; a duet plays player 1's difficulty and layout."""

    mode: CouchMode
    split: SplitStrategy
    difficulties: tuple[Difficulty, Difficulty]
    layouts: tuple[str, str]  # "" = the chart's


def cli_device_players(services: Services) -> dict[str, int]:
    devices = dict(KEYBOARD_HALVES)
    if services.midi is not None:
        devices.update(dict.fromkeys(services.midi.available, SHARED_DEVICE))
    return devices


def run_couch_play(
    path: Path, request: CouchRequest, autoplay: bool, headless: bool, screenshot: Screenshot | None = None
) -> tuple[CouchOutcome | None, dict[str, Any]]:
    """One song from load to the end of play; returns the outcome and the loop's timing figures."""
    song, services, window = open_for_play(path, headless)
    playing = request.difficulties[:1] if request.mode is CouchMode.DUET else request.difficulties
    for difficulty in playing:
        require_part(song, difficulty)
    gameplay = services.settings.gameplay
    one, two = (gameplay.engine_params(d, lay) for d, lay in zip(request.difficulties, request.layouts, strict=True))
    setup = CouchSetup(request.mode, (one, two), request.split, cli_device_players(services))
    outcomes: list[CouchOutcome] = []

    def finished(outcome: CouchOutcome) -> None:
        outcomes.append(outcome)
        services.scenes.quit()

    scene = CouchPlayScene(services, song, setup, autoplay=autoplay, on_finished=finished)
    timing = play_through(services, window, scene, screenshot)
    return (outcomes[0] if outcomes else None), timing
