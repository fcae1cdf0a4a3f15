"""Running a whole play without a window: the same engine the game uses, fed a list of inputs."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from game.chart.model import Chart
from game.engine.hit import EngineInput
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.result import Result


def simulate(
    chart: Chart, params: EngineParams, inputs: Iterable[EngineInput], update_times: Sequence[float] = ()
) -> Result:
    """Queue every input, update at each of `update_times` (any cadence), then finish the song."""
    engine = PlayerEngine(chart, params)
    for item in inputs:
        engine.queue(item)
    for song_time in update_times:
        engine.update(song_time)
    engine.finish()
    return engine.result()
