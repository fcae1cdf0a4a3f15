"""One player's engine: the judge plus everything that reacts to its judgements.

`queue` inputs, `update(song_time)` to get judgements as events; the scorer, the fever meter and
the statistics subscribe here so presentation code only reads them. Song times are on the chart
timeline (note times before the chart's delay is applied).

A `Tally` is one player's score-keeping (scorer and statistics) playing into a fever meter; the
duet engine gives each of its two players one, both playing into the same fever.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.chart.model import Chart, Note, PhraseKind
from game.chart.piece import Dynamic
from game.engine.fever import Fever
from game.engine.hit import EngineInput
from game.engine.judge import FeverRequest, Judge, Judged, judged_notes
from game.engine.params import EngineParams
from game.engine.result import Result
from game.engine.score import Scorer, ScoreRules
from game.engine.stats import Stats
from game.engine.window import Judgement


def chart_notes(chart: Chart, params: EngineParams) -> tuple[Note, ...]:
    """Every note a player with `params` is judged on, in the judge's order."""
    track = chart.track(params.difficulty)
    return judged_notes(track.playable_notes(params.expert_plus), params.lane_layout(chart))


def build_judge(
    chart: Chart, params: EngineParams, notes: Sequence[Note], owners: Sequence[int] | None = None
) -> Judge:
    """The judge for `params` on `chart`, over `notes` (its `chart_notes`); with `owners`, each note
    is judged only against hits of its owner (a duet)."""
    track = chart.track(params.difficulty)
    return Judge(
        notes,
        params.lane_layout(chart),
        params.scaled_windows,
        strict_hihat=params.strict_hihat,
        judge_dynamics=track.dynamics_charted and any(n.dynamic is not Dynamic.NORMAL for n in notes),
        free_phrases=track.phrases_of(PhraseKind.ROLL) + track.phrases_of(PhraseKind.DOUBLE_ROLL),
        owners=owners,
    )


def fever_for(chart: Chart, params: EngineParams, notes: Sequence[Note]) -> Fever:
    """A fever meter over `notes` (the judge's) with the track's fever phrases and fills."""
    track = chart.track(params.difficulty)
    return Fever(notes, track.phrases_of(PhraseKind.STAR_POWER), track.phrases_of(PhraseKind.FILL), chart.tempo_map)


class Tally:
    """One player's score-keeping. `apply` takes that player's judgements (note indices are the
    judge's, which the fever shares)."""

    def __init__(self, notes: Sequence[Note], params: EngineParams, fever: Fever):
        self.fever = fever
        self.scorer = Scorer(len(notes), ScoreRules(overhit_breaks_combo=params.overhits_break_combo))
        self.stats = Stats()
        for note in notes:
            self.stats.count_note(note.piece, note.dynamic)

    def apply(self, event: Judged) -> None:
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
            assert event.note is not None and event.note_index is not None and event.error_s is not None
            # Fever first: the note that completes a phrase or ends a fill already scores with it.
            self.fever.on_hit(event.note_index, event.time_s)
            self.scorer.on_hit(event.judgement, event.dynamic_ok, self.fever.is_active(event.time_s))
            self.stats.on_hit(event.note.piece, event.judgement, event.error_s, event.note.dynamic, event.dynamic_ok)

    def result(self, late_inputs: int) -> Result:
        return Result.collect(self.scorer, self.stats, self.fever, late_inputs)


def settle(events: Sequence[Judged | FeverRequest], fever: Fever, tallies: Sequence[Tally]) -> list[Judged]:
    """Hands a judge's output on in order: fever requests to the fever, each judgement to its
    player's tally (one tally takes every judgement); returns the judgements."""
    judged: list[Judged] = []
    for event in events:
        if isinstance(event, FeverRequest):
            fever.activate(event.time_s)
        else:
            tallies[event.player if len(tallies) > 1 else 0].apply(event)
            judged.append(event)
    return judged


class PlayerEngine:
    def __init__(self, chart: Chart, params: EngineParams):
        self.params = params
        self.layout = params.lane_layout(chart)
        self.judge = build_judge(chart, params, chart_notes(chart, params))
        self.notes = self.judge.notes
        self.fever = fever_for(chart, params, self.notes)
        self.tally = Tally(self.notes, params, self.fever)
        self.scorer = self.tally.scorer
        self.stats = self.tally.stats

    def queue(self, item: EngineInput) -> None:
        self.judge.queue(item)

    def update(self, song_time: float) -> list[Judged]:
        return self._apply(self.judge.update(song_time))

    def finish(self) -> list[Judged]:
        return self._apply(self.judge.finish())

    def _apply(self, events: list[Judged | FeverRequest]) -> list[Judged]:
        return settle(events, self.fever, (self.tally,))

    @property
    def late_inputs(self) -> int:
        return self.judge.late_inputs

    def result(self) -> Result:
        return self.tally.result(self.judge.late_inputs)
