"""Play statistics for the results screen: judgement counts, signed errors, per-piece figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from game.chart.piece import Dynamic, KitPiece
from game.engine.score import TIMING_WEIGHT
from game.engine.window import Judgement


@dataclass(slots=True)
class PieceStats:
    notes: int = 0
    hit: int = 0
    weight_sum: float = 0.0
    early: int = 0
    late: int = 0

    def to_dict(self) -> dict[str, float | int]:
        accuracy = 100.0 * self.weight_sum / self.notes if self.notes else 100.0
        return {
            "notes": self.notes,
            "hit": self.hit,
            "accuracy": round(accuracy, 2),
            "early": self.early,
            "late": self.late,
        }


@dataclass(slots=True)
class DynamicsStats:
    ghosts: int = 0
    ghosts_played: int = 0
    accents: int = 0
    accents_played: int = 0


@dataclass(slots=True)
class Stats:
    counts: Counter[Judgement] = field(default_factory=Counter)
    errors_s: list[float] = field(default_factory=list)
    early: int = 0
    late: int = 0
    combo_breaks: int = 0
    per_piece: dict[KitPiece, PieceStats] = field(default_factory=dict)
    dynamics: DynamicsStats = field(default_factory=DynamicsStats)

    def count_note(self, piece: KitPiece, dynamic: Dynamic) -> None:
        self.per_piece.setdefault(piece, PieceStats()).notes += 1
        if dynamic is Dynamic.GHOST:
            self.dynamics.ghosts += 1
        elif dynamic is Dynamic.ACCENT:
            self.dynamics.accents += 1

    def on_hit(
        self, piece: KitPiece, judgement: Judgement, error_s: float, dynamic: Dynamic, dynamic_ok: bool | None
    ) -> None:
        self.counts[judgement] += 1
        self.errors_s.append(error_s)
        piece_stats = self.per_piece[piece]
        piece_stats.hit += 1
        piece_stats.weight_sum += TIMING_WEIGHT[judgement]
        if judgement is not Judgement.PERFECT:
            if error_s < 0:
                self.early += 1
                piece_stats.early += 1
            else:
                self.late += 1
                piece_stats.late += 1
        if dynamic_ok:
            if dynamic is Dynamic.GHOST:
                self.dynamics.ghosts_played += 1
            elif dynamic is Dynamic.ACCENT:
                self.dynamics.accents_played += 1

    def on_miss(self) -> None:
        self.counts[Judgement.MISS] += 1

    def on_overhit(self, broke_combo: bool) -> None:
        self.counts[Judgement.OVERHIT] += 1
        self.combo_breaks += broke_combo
