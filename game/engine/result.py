"""The result of one play: a value for the results screen, score storage and `--json` output."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.engine.score import grade_for
from game.engine.window import Judgement

if TYPE_CHECKING:
    from game.engine.fever import Fever
    from game.engine.score import Scorer
    from game.engine.stats import Stats


@dataclass(frozen=True, slots=True)
class Result:
    score: int
    accuracy: float  # percent
    grade: str
    notes: int
    max_combo: int
    full_combo: bool
    judgements: dict[str, int]
    hit_errors_ms: tuple[float, ...]  # signed, negative = early, in hit order
    early: int
    late: int
    per_piece: dict[str, dict[str, float | int]]
    dynamics: dict[str, int]
    fever_activations: int
    fever_phrases_completed: int
    late_inputs: int

    @classmethod
    def collect(cls, scorer: Scorer, stats: Stats, fever: Fever, late_inputs: int) -> Result:
        counts = {j.value: stats.counts.get(j, 0) for j in Judgement}
        accuracy = scorer.accuracy
        full_combo = counts["miss"] == 0 and stats.combo_breaks == 0 and scorer.total_notes > 0
        grade = grade_for(accuracy)
        if grade == "SS" and not full_combo:  # the top grade also asks for an unbroken combo
            grade = "S"
        dyn = stats.dynamics
        return cls(
            score=scorer.score,
            accuracy=accuracy,
            grade=grade,
            notes=scorer.total_notes,
            max_combo=scorer.max_combo,
            full_combo=full_combo,
            judgements=counts,
            hit_errors_ms=tuple(e * 1000.0 for e in stats.errors_s),
            early=stats.early,
            late=stats.late,
            per_piece={
                piece.value: s.to_dict() for piece, s in sorted(stats.per_piece.items(), key=lambda i: i[0].value)
            },
            dynamics={
                "ghosts": dyn.ghosts,
                "ghosts_played": dyn.ghosts_played,
                "accents": dyn.accents,
                "accents_played": dyn.accents_played,
            },
            fever_activations=fever.activations,
            fever_phrases_completed=fever.phrases_completed,
            late_inputs=late_inputs,
        )

    def error_summary_ms(self) -> dict[str, float | int | None]:
        errors = self.hit_errors_ms
        if not errors:
            return {"mean": None, "stdev": None, "median": None, "count": 0}
        return {
            "mean": round(statistics.fmean(errors), 3),
            "stdev": round(statistics.pstdev(errors), 3),
            "median": round(statistics.median(errors), 3),
            "count": len(errors),
        }

    def to_json(self) -> dict[str, Any]:
        """The `simulate --json` object (keys fixed; extra keys allowed)."""
        return {
            "score": self.score,
            "accuracy": round(self.accuracy, 4),
            "grade": self.grade,
            "notes": self.notes,
            "max_combo": self.max_combo,
            "full_combo": self.full_combo,
            "judgements": self.judgements,
            "hit_errors_ms": self.error_summary_ms(),
            "early": self.early,
            "late": self.late,
            "per_piece": self.per_piece,
            "dynamics": self.dynamics,
            "fever": {
                "activations": self.fever_activations,
                "phrases_completed": self.fever_phrases_completed,
            },
        }
