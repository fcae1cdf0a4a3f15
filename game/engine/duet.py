"""The duet engine ("Shared Kit"): one chart, split between two players who play it as a team.

One judge holds the whole chart with each note's owner, so every hit and every window closing of
both players is processed in one time order: the shared fever (either player fills it, both
score double while it burns) and the sync meter come out the same however updates are timed.
Each player has their own score, combo and statistics (a `Tally`); the team score is both
players' points plus a bonus for every pair of shared notes they played together.
"""

from __future__ import annotations

import statistics
from typing import Any

from game.chart.model import Chart, PhraseKind
from game.chart.piece import KitPiece
from game.engine.hit import EngineInput
from game.engine.judge import FeverRequest, Judged
from game.engine.ownership import Ownership
from game.engine.params import EngineParams
from game.engine.player import Tally, build_judge, chart_notes, fever_for, settle
from game.engine.result import Result
from game.engine.split import SplitStrategy, split_notes
from game.engine.sync import SyncMeter

SYNC_BONUS = 50  # team points for a pair of shared notes played perfectly together
PLAYERS = 2


class DuetEngine:
    def __init__(self, chart: Chart, params: EngineParams, strategy: SplitStrategy = SplitStrategy.PIECES):
        self.params = params
        self.strategy = strategy
        self.layout = params.lane_layout(chart)
        track = chart.track(params.difficulty)
        player_phrases = track.phrases_of(PhraseKind.PLAYER_1) + track.phrases_of(PhraseKind.PLAYER_2)
        notes = chart_notes(chart, params)
        self.owners = split_notes(notes, strategy, chart.tempo_map, chart.sections, player_phrases)
        self.judge = build_judge(chart, params, notes, self.owners)
        self.notes = self.judge.notes
        self.fever = fever_for(chart, params, self.notes)
        self.tallies = tuple(
            Tally([n for n, o in zip(self.notes, self.owners, strict=True) if o == p], params, self.fever)
            for p in range(PLAYERS)
        )
        self.sync = SyncMeter(self.notes, self.owners)
        self.ownership = Ownership(self.notes, self.owners, self.layout)

    def queue(self, item: EngineInput) -> None:
        """Hits must already be routed: `item.player` is 0 or 1."""
        if not 0 <= item.player < PLAYERS:
            raise ValueError(f"a duet has players 0 and 1, not {item.player}")
        self.judge.queue(item)

    def update(self, song_time: float) -> list[Judged]:
        """Judgements of both players in time order; `player` says whose, `note_index` is into
        `notes` (the one highway both play)."""
        return self._apply(self.judge.update(song_time))

    def finish(self) -> list[Judged]:
        return self._apply(self.judge.finish())

    def _apply(self, events: list[Judged | FeverRequest]) -> list[Judged]:
        judged = settle(events, self.fever, self.tallies)
        for event in judged:
            if event.note_index is not None:
                self.sync.on_judged(event.note_index, event.error_s)
        return judged

    def owner_at(self, piece: KitPiece, song_time: float) -> int:
        """Which player a hit on `piece` from a shared device belongs to."""
        return self.ownership.owner_at(piece, song_time)

    @property
    def late_inputs(self) -> int:
        return self.judge.late_inputs

    @property
    def team_score(self) -> int:
        return sum(t.scorer.score for t in self.tallies) + round(SYNC_BONUS * sum(self.sync.scores))

    def results(self) -> tuple[Result, ...]:
        return tuple(tally.result(self.judge.late_inputs) for tally in self.tallies)

    def team_json(self) -> dict[str, Any]:
        results = self.results()
        notes = [r.notes for r in results]
        weights = [t.scorer.weight_sum for t in self.tallies]
        offset = self.sync.median_offset_s
        return {
            "mode": "duet",
            "split": self.strategy.value,
            "score": self.team_score,
            "sync": round(self.sync.figure, 2),
            "sync_pairs": len(self.sync.pairs),
            "accuracy": round(100.0 * sum(weights) / sum(notes), 4) if sum(notes) else 100.0,
            "notes": notes,
            "full_combo": all(r.full_combo for r in results),
            "offset_ms": _offset_summary(self.sync.offsets_s),
            "later_player": None if offset is None or abs(offset) < 0.002 else (2 if offset > 0 else 1),
            "fever": {"activations": self.fever.activations, "phrases_completed": self.fever.phrases_completed},
        }


def _offset_summary(offsets_s: list[float]) -> dict[str, float | int | None]:
    """Player 2's hit time minus player 1's over the shared pairs both hit, in ms."""
    if not offsets_s:
        return {"mean": None, "median": None, "count": 0}
    return {
        "mean": round(1000 * statistics.fmean(offsets_s), 3),
        "median": round(1000 * statistics.median(offsets_s), 3),
        "count": len(offsets_s),
    }
