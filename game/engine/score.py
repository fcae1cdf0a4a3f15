"""Scoring: combo, multiplier, points, accuracy and grade.

Points: a hit earns `POINTS_PER_NOTE` times its timing weight (perfect 1, great 0.75, good 0.5),
times the multiplier (1 + combo // 10, capped at 4; doubled while fever is active), plus a flat
bonus for each charted ghost or accent played as one. Accuracy is the mean timing weight over all
notes (misses weigh 0), in percent, so only an all-perfect run scores 100 %. A penalised overhit
breaks the combo when the rules say so (the default, except on Easy); it never costs points.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.window import Judgement

POINTS_PER_NOTE = 100
DYNAMICS_BONUS = 25
TIMING_WEIGHT = {Judgement.PERFECT: 1.0, Judgement.GREAT: 0.75, Judgement.GOOD: 0.5, Judgement.MISS: 0.0}
GRADES = ((100.0, "SS"), (95.0, "S"), (90.0, "A"), (80.0, "B"), (70.0, "C"), (0.0, "D"))


@dataclass(frozen=True, slots=True)
class ScoreRules:
    combo_per_step: int = 10
    max_multiplier: int = 4
    overhit_breaks_combo: bool = True


class Scorer:
    def __init__(self, total_notes: int, rules: ScoreRules):
        self.rules = rules
        self.total_notes = total_notes
        self.score = 0
        self.combo = 0
        self.max_combo = 0
        self.weight_sum = 0.0

    def multiplier(self, fever_active: bool = False) -> int:
        base = min(1 + self.combo // self.rules.combo_per_step, self.rules.max_multiplier)
        return base * 2 if fever_active else base

    def on_hit(self, judgement: Judgement, dynamic_ok: bool | None, fever_active: bool) -> None:
        self.combo += 1
        self.max_combo = max(self.max_combo, self.combo)
        weight = TIMING_WEIGHT[judgement]
        self.weight_sum += weight
        points = POINTS_PER_NOTE * weight + (DYNAMICS_BONUS if dynamic_ok else 0)
        self.score += round(points * self.multiplier(fever_active))

    def on_miss(self) -> None:
        self.combo = 0

    def on_overhit(self, penalised: bool) -> None:
        if penalised and self.rules.overhit_breaks_combo:
            self.combo = 0

    @property
    def accuracy(self) -> float:
        """Percent, 0-100."""
        return 100.0 * self.weight_sum / self.total_notes if self.total_notes else 100.0


def grade_for(accuracy: float) -> str:
    for floor, grade in GRADES:
        if accuracy >= floor - 1e-9:
            return grade
    return GRADES[-1][1]
