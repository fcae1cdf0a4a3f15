"""One player's engine: the judge plus everything that reacts to its judgements.

`queue` inputs, `update(song_time)` to get judgements as events; the scorer, the fever meter and
the statistics subscribe here so presentation code only reads them. Song times are on the chart
timeline (note times before the chart's delay is applied).
"""

from __future__ import annotations

from game.chart.model import Chart, PhraseKind
from game.chart.piece import Dynamic
from game.engine.fever import Fever
from game.engine.hit import EngineInput
from game.engine.judge import FeverRequest, Judge, Judged
from game.engine.params import EngineParams
from game.engine.result import Result
from game.engine.score import Scorer, ScoreRules
from game.engine.stats import Stats
from game.engine.window import Judgement


class PlayerEngine:
    def __init__(self, chart: Chart, params: EngineParams):
        self.params = params
        self.layout = params.lane_layout(chart)
        track = chart.track(params.difficulty)
        notes = track.playable_notes(params.expert_plus)
        judge_dynamics = track.dynamics_charted and any(n.dynamic is not Dynamic.NORMAL for n in notes)
        self.judge = Judge(
            notes,
            self.layout,
            params.scaled_windows,
            strict_hihat=params.strict_hihat,
            judge_dynamics=judge_dynamics,
            free_phrases=track.phrases_of(PhraseKind.ROLL) + track.phrases_of(PhraseKind.DOUBLE_ROLL),
        )
        self.notes = self.judge.notes
        self.fever = Fever(
            self.notes,
            track.phrases_of(PhraseKind.STAR_POWER),
            track.phrases_of(PhraseKind.FILL),
            chart.tempo_map,
        )
        self.scorer = Scorer(len(self.notes), ScoreRules(overhit_breaks_combo=params.overhits_break_combo))
        self.stats = Stats()
        for note in self.notes:
            self.stats.count_note(note.piece, note.dynamic)

    def queue(self, item: EngineInput) -> None:
        self.judge.queue(item)

    def update(self, song_time: float) -> list[Judged]:
        return self._apply(self.judge.update(song_time))

    def finish(self) -> list[Judged]:
        return self._apply(self.judge.finish())

    def _apply(self, events: list[Judged | FeverRequest]) -> list[Judged]:
        judged: list[Judged] = []
        for event in events:
            if isinstance(event, FeverRequest):
                self.fever.activate(event.time_s)
                continue
            judged.append(event)
            if event.judgement is Judgement.OVERHIT:
                broke = event.penalised and self.scorer.rules.overhit_breaks_combo and self.scorer.combo > 0
                self.scorer.on_overhit(event.penalised)
                self.stats.on_overhit(broke)
            elif event.judgement is Judgement.MISS:
                assert event.note_index is not None
                self.scorer.on_miss()
                self.fever.on_miss(event.note_index)
                self.stats.on_miss()
            else:
                self._on_hit(event)
        return judged

    def _on_hit(self, event: Judged) -> None:
        assert event.note is not None and event.note_index is not None and event.error_s is not None
        # Fever first: the note that completes a phrase or ends a fill already scores with it.
        self.fever.on_hit(event.note_index, event.time_s)
        self.scorer.on_hit(event.judgement, event.dynamic_ok, self.fever.is_active(event.time_s))
        self.stats.on_hit(event.note.piece, event.judgement, event.error_s, event.note.dynamic, event.dynamic_ok)

    def result(self) -> Result:
        return Result.collect(self.scorer, self.stats, self.fever, self.judge.late_inputs)
