"""Two players on one couch: building the engine for a mode, and the report both modes print.

In a duet both players share one chart, so one set of parameters (difficulty, layout) serves
both; in versus each player brings their own. The report is `{"players": [...], "team": {...}}`:
each player's entry is the single-player result object, plus who they are and what they played.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from game.chart.model import Chart, Note
from game.engine.duet import DuetEngine
from game.engine.hit import EngineInput
from game.engine.params import EngineParams
from game.engine.simulate import run_through
from game.engine.split import SplitStrategy
from game.engine.versus import VersusEngine


class CouchMode(StrEnum):
    """Persisted in settings and printed in JSON: do not rename."""

    DUET = "duet"
    VERSUS = "versus"


CouchEngine = DuetEngine | VersusEngine


def couch_engine(
    chart: Chart, mode: CouchMode, params: tuple[EngineParams, EngineParams], split: SplitStrategy
) -> CouchEngine:
    if mode is CouchMode.DUET:
        return DuetEngine(chart, params[0], split)
    return VersusEngine(chart, params)


def player_notes(engine: CouchEngine, player: int) -> tuple[Note, ...]:
    """The notes `player` plays, in time order (in a duet, the ones they own)."""
    if isinstance(engine, DuetEngine):
        return tuple(note for note, owner in zip(engine.notes, engine.owners, strict=True) if owner == player)
    return engine.players[player].notes


def player_params(engine: CouchEngine, player: int) -> EngineParams:
    return engine.params if isinstance(engine, DuetEngine) else engine.params[player]


def couch_report(engine: CouchEngine, chart: Chart) -> dict[str, Any]:
    players = []
    for number, result in enumerate(engine.results()):
        params = player_params(engine, number)
        entry = result.to_json()
        entry.update(player=number + 1, difficulty=params.difficulty.value, layout=params.lane_layout(chart).name)
        if isinstance(engine, VersusEngine):
            entry["normalised_score"] = engine.normalised(number)
        players.append(entry)
    return {"players": players, "team": engine.team_json()}


def simulate_couch(
    chart: Chart,
    mode: CouchMode,
    params: tuple[EngineParams, EngineParams],
    split: SplitStrategy,
    inputs: Iterable[EngineInput],
    update_times: Sequence[float] = (),
) -> CouchEngine:
    """Queue every (routed) input, update at each of `update_times`, finish; the engine is done."""
    return run_through(couch_engine(chart, mode, params, split), inputs, update_times)
