"""Replays: the exact inputs of a play plus the engine parameters, as a small JSON document.

Replaying feeds the same inputs to a new engine with the same parameters; because the judge is
deterministic and cadence-independent, the result is identical. The chart is identified by a
caller-supplied fingerprint so a replay is not silently run against a different chart.
Serialisation lives here; writing the file (atomically) is `game.persistence`'s job.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from game.chart.piece import KitPiece
from game.engine.hit import EngineInput, FeverInput, HitInput
from game.engine.params import EngineParams

FORMAT = "drumstick-replay"
VERSION = 1


class ReplayError(ValueError):
    """A replay document that cannot be read."""


@dataclass(frozen=True, slots=True)
class Replay:
    params: EngineParams
    inputs: tuple[EngineInput, ...]
    chart_fingerprint: str = ""
    song_title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "chart": self.chart_fingerprint,
            "title": self.song_title,
            "params": self.params.to_dict(),
            # Compact rows: [time, piece, velocity, player]; a fever activation has piece "fever".
            "inputs": [_row(item) for item in self.inputs],
        }

    @classmethod
    def from_dict(cls, data: Any) -> Replay:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ReplayError("not a drumstick replay")
        if data.get("version") != VERSION:
            raise ReplayError(f"unsupported replay version {data.get('version')!r}")
        try:
            params = EngineParams.from_dict(data["params"])
            inputs = tuple(_item(row) for row in data["inputs"])
            return cls(params, inputs, str(data.get("chart", "")), str(data.get("title", "")))
        except (KeyError, TypeError, ValueError) as error:
            raise ReplayError(f"malformed replay: {error}") from None


def replay_of(params: EngineParams, inputs: Iterable[EngineInput], fingerprint: str = "", title: str = "") -> Replay:
    return Replay(params, tuple(inputs), fingerprint, title)


def _row(item: EngineInput) -> list[Any]:
    if isinstance(item, FeverInput):
        return [item.song_time, "fever", 0, item.player]
    return [item.song_time, item.piece.value, item.velocity, item.player]


def _item(row: Any) -> EngineInput:
    time_s, piece, velocity, player = row
    time_s = float(time_s)
    if time_s != time_s or abs(time_s) == float("inf"):
        raise ValueError("input time is not a finite number")
    if piece == "fever":
        return FeverInput(time_s, int(player))
    return HitInput(time_s, KitPiece(piece), int(velocity), int(player))
