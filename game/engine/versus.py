"""Versus: two players, the same song, each on their own highway with their own difficulty and
lane layout, each with their own fever.

A fair handicap: scores are compared normalised by what a perfect player (autoplay) would score on
each player's own chart, as parts per million. The live lead compares each player's score with the
perfect score up to the same song time, so an Easy player ahead of an Expert player in accuracy is
ahead on the board too.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import Any

from game.chart.model import Chart, Note
from game.engine.autoplay import autoplay_inputs
from game.engine.hit import EngineInput
from game.engine.judge import Judged
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.result import Result

FULL = 1_000_000
TIE = 0.005  # normalised scores closer than this (0.5 %) are level


class PerfectCurve:
    """The score a perfect player has reached by each song time."""

    def __init__(self, chart: Chart, params: EngineParams):
        engine = PlayerEngine(chart, params)
        self.times: list[float] = []
        self.scores: list[int] = []
        for hit in autoplay_inputs(engine.notes):
            engine.queue(hit)
            engine.update(hit.song_time)
            self.times.append(hit.song_time)
            self.scores.append(engine.scorer.score)
        engine.finish()
        self.total = engine.scorer.score

    def score_at(self, song_time: float) -> int:
        index = bisect_right(self.times, song_time) - 1
        return self.scores[index] if index >= 0 else 0


class VersusEngine:
    def __init__(self, chart: Chart, params: tuple[EngineParams, EngineParams]):
        self.params = params
        self.players = tuple(PlayerEngine(chart, p) for p in params)
        self.perfect = tuple(PerfectCurve(chart, p) for p in params)
        # every note either player plays, for the song's span (count-in, end); not for drawing
        self.notes: tuple[Note, ...] = tuple(sorted(self.players[0].notes + self.players[1].notes, key=_time))

    def queue(self, item: EngineInput) -> None:
        if not 0 <= item.player < len(self.players):
            raise ValueError(f"versus has players 0 and 1, not {item.player}")
        self.players[item.player].queue(item)

    def update(self, song_time: float) -> list[Judged]:
        """Both players' judgements, `player` set; note indices are into that player's notes."""
        return self._tagged([engine.update(song_time) for engine in self.players])

    def finish(self) -> list[Judged]:
        return self._tagged([engine.finish() for engine in self.players])

    @staticmethod
    def _tagged(per_player: list[list[Judged]]) -> list[Judged]:
        tagged = [e if e.player == p else replace(e, player=p) for p, events in enumerate(per_player) for e in events]
        return sorted(tagged, key=lambda event: event.time_s)

    @property
    def late_inputs(self) -> int:
        return sum(engine.late_inputs for engine in self.players)

    def normalised(self, player: int) -> int:
        """The player's score in parts per million of their chart's perfect score."""
        total = self.perfect[player].total
        return round(FULL * self.players[player].scorer.score / total) if total else FULL

    def lead(self, song_time: float) -> int | None:
        """The player ahead at `song_time` (each against a perfect run so far), None when level."""
        shares = []
        for engine, perfect in zip(self.players, self.perfect, strict=True):
            so_far = perfect.score_at(song_time)
            shares.append(engine.scorer.score / so_far if so_far else 1.0)
        if abs(shares[0] - shares[1]) < TIE:
            return None
        return 0 if shares[0] > shares[1] else 1

    def winner(self) -> int | None:
        scores = [self.normalised(p) for p in range(len(self.players))]
        if abs(scores[0] - scores[1]) < TIE * FULL:
            return None
        return 0 if scores[0] > scores[1] else 1

    def results(self) -> tuple[Result, ...]:
        return tuple(engine.result() for engine in self.players)

    def team_json(self) -> dict[str, Any]:
        winner = self.winner()
        return {
            "mode": "versus",
            "score": sum(engine.scorer.score for engine in self.players),
            "sync": None,
            "normalised": [self.normalised(p) for p in range(len(self.players))],
            "winner": None if winner is None else winner + 1,
        }


def _time(note: Note) -> float:
    return note.time_s
