"""What the join screen decides and the two-player play screen and results need.

`CouchSetup` is the hand-over from joining to playing: the mode, the split (a duet's), each
player's engine parameters (a duet uses player 1's for the one shared chart), the devices each
player plays (a device shared by both maps to `SHARED_DEVICE`) and, in versus, which side of the
screen player 1 sits on. `CouchOutcome` is the hand-over from playing to results.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from game.chart.model import Song
from game.engine.couch import CouchMode
from game.engine.params import EngineParams
from game.engine.result import Result
from game.engine.split import SplitStrategy


@dataclass(frozen=True, slots=True)
class CouchSetup:
    mode: CouchMode
    params: tuple[EngineParams, EngineParams]
    split: SplitStrategy = SplitStrategy.PIECES
    device_players: Mapping[str, int] = field(default_factory=dict)  # device name -> 0, 1 or SHARED_DEVICE
    player_1_left: bool = True  # versus: player 1's highway is the left one


@dataclass(frozen=True, slots=True)
class CouchOutcome:
    song: Song
    setup: CouchSetup
    results: tuple[Result, Result]
    report: dict[str, Any]  # game.engine.couch.couch_report: {"players": [...], "team": {...}}
    song_id: str
