"""Running a whole play without a window: the same engine the game uses, fed a list of inputs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from game.chart.model import Chart
from game.engine.hit import EngineInput
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.result import Result


class _Engine(Protocol):
    def queue(self, item: EngineInput) -> None: ...
    def update(self, song_time: float) -> object: ...
    def finish(self) -> object: ...


E = TypeVar("E", bound=_Engine)


def simulate(
    chart: Chart, params: EngineParams, inputs: Iterable[EngineInput], update_times: Sequence[float] = ()
) -> Result:
    """Queue every input, update at each of `update_times` (any cadence), then finish the song."""
    return run_through(PlayerEngine(chart, params), inputs, update_times).result()


def run_through(engine: E, inputs: Iterable[EngineInput], update_times: Sequence[float] = ()) -> E:
    """Feeds any engine (one player's or a couch engine) every input, updates it at each of
    `update_times`, then finishes the song; returns the engine."""
    for item in inputs:
        engine.queue(item)
    for song_time in update_times:
        engine.update(song_time)
    engine.finish()
    return engine
