"""Scoring, fever, dynamics and autoplay, through the whole player engine."""

import pytest

from game.chart.model import Difficulty, PhraseKind
from game.chart.piece import Dynamic, NoteFlag
from game.chart.piece import KitPiece as P
from game.engine.autoplay import autoplay_inputs
from game.engine.hit import FeverInput, HitInput
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.score import POINTS_PER_NOTE, grade_for
from game.engine.simulate import simulate
from game.engine.window import HitWindows
from tests.charts import chart_of, note, phrase

BEAT = 0.5  # seconds per beat at 120 BPM


def snares(count, start=1.0, step=BEAT):
    return [note(start + i * step) for i in range(count)]


def test_multiplier_steps_every_ten_notes_up_to_four():
    chart = chart_of(snares(45))
    result = simulate(chart, EngineParams(), autoplay_inputs(chart.track(Difficulty.EXPERT).notes))
    expected = sum(POINTS_PER_NOTE * min(1 + combo // 10, 4) for combo in range(1, 46))
    assert result.score == expected
    assert (result.accuracy, result.max_combo, result.full_combo, result.grade) == (100.0, 45, True, "SS")


def test_accuracy_weights_timing_and_a_miss_breaks_the_combo():
    chart = chart_of(snares(4))
    hits = [HitInput(1.0, P.SNARE), HitInput(1.5 + 0.04, P.SNARE), HitInput(2.0 - 0.08, P.SNARE)]
    result = simulate(chart, EngineParams(), hits)
    assert result.judgements == {"perfect": 1, "great": 1, "good": 1, "miss": 1, "overhit": 0}
    assert result.accuracy == pytest.approx(100 * (1 + 0.75 + 0.5) / 4)
    assert (result.max_combo, result.full_combo, result.early, result.late) == (3, False, 1, 1)
    assert result.error_summary_ms()["mean"] == pytest.approx((0 + 40 - 80) / 3, abs=1e-3)


def test_overhit_breaks_the_combo_except_on_easy():
    notes = snares(3)
    hits = [
        HitInput(1.0, P.SNARE),
        HitInput(1.25, P.TOM_FLOOR),
        HitInput(1.5, P.SNARE),
        HitInput(2.0, P.SNARE),
    ]
    expert = simulate(chart_of(notes), EngineParams(), hits)
    easy_chart = chart_of(notes, difficulty=Difficulty.EASY)
    easy = simulate(easy_chart, EngineParams(difficulty=Difficulty.EASY), hits)
    assert (expert.max_combo, expert.full_combo, expert.judgements["overhit"]) == (2, False, 1)
    assert (easy.max_combo, easy.full_combo, easy.judgements["overhit"]) == (3, True, 1)


def test_timing_scale_tightens_every_window():
    chart = chart_of([note(1.0)])
    loose = simulate(chart, EngineParams(), [HitInput(1.02, P.SNARE)])
    tight = simulate(chart, EngineParams(timing_scale=0.5), [HitInput(1.02, P.SNARE)])
    assert loose.judgements["perfect"] == 1 and tight.judgements["great"] == 1
    with pytest.raises(ValueError, match="timing scale"):
        EngineParams(timing_scale=0)
    with pytest.raises(ValueError):
        HitWindows(0.05, 0.02, 0.09)


def test_double_kicks_are_played_only_with_expert_plus():
    notes = [note(1.0, P.KICK), note(1.25, P.KICK, flags=NoteFlag.DOUBLE_KICK), note(1.5, P.SNARE)]
    chart = chart_of(notes)
    normal = PlayerEngine(chart, EngineParams())
    plus = PlayerEngine(chart, EngineParams(expert_plus=True))
    assert len(normal.notes) == 2 and len(plus.notes) == 3
    assert simulate(chart, EngineParams(expert_plus=True), autoplay_inputs(plus.notes)).full_combo


def test_charted_dynamics_earn_a_bonus_only_when_played_as_charted():
    notes = [note(1.0, dynamic=Dynamic.GHOST), note(1.5), note(2.0, dynamic=Dynamic.ACCENT)]
    chart = chart_of(notes)
    right = simulate(chart, EngineParams(), autoplay_inputs(chart.track(Difficulty.EXPERT).notes))
    flat = [HitInput(n.time_s, n.piece, 96) for n in notes]
    wrong = simulate(chart, EngineParams(), flat)
    assert right.dynamics == {"ghosts": 1, "ghosts_played": 1, "accents": 1, "accents_played": 1}
    assert wrong.dynamics["ghosts_played"] == 0 and wrong.dynamics["accents_played"] == 0
    assert right.score > wrong.score and right.accuracy == wrong.accuracy == 100.0
    uncharted = simulate(chart_of(notes, dynamics=False), EngineParams(), flat)
    assert uncharted.score == simulate(chart_of(notes, dynamics=False), EngineParams(), autoplay_inputs(notes)).score


def _fever_chart():
    # Two fever phrases of 4 snares each (each adds a quarter meter), then a fill whose last note
    # activates fever, then 40 snares to score under fever.
    notes = snares(8, start=1.0) + snares(4, start=6.0) + snares(40, start=9.0)
    phrases = [
        phrase(PhraseKind.STAR_POWER, 1.0, 2.9),
        phrase(PhraseKind.STAR_POWER, 3.0, 4.9),
        phrase(PhraseKind.FILL, 6.0, 7.6),
    ]
    return chart_of(notes, phrases)


def test_fever_fills_from_phrases_activates_on_a_fill_and_doubles_scoring():
    chart = _fever_chart()
    engine = PlayerEngine(chart, EngineParams())
    for hit in autoplay_inputs(engine.notes):
        engine.queue(hit)
    engine.update(5.0)
    assert engine.fever.meter(5.0) == pytest.approx(0.5)
    assert not engine.fever.is_active(5.0)
    engine.update(7.6)  # the fill's last note at 7.5 s activates 16 beats = 8 s of fever
    assert engine.fever.is_active(7.6) and engine.fever.activations == 1
    assert engine.fever.meter(7.5 + 4.0) == pytest.approx(0.25)
    assert not engine.fever.is_active(7.5 + 8.0 + 1e-6)
    engine.finish()
    plain = simulate(chart_of(chart.track(Difficulty.EXPERT).notes), EngineParams(), autoplay_inputs(engine.notes))
    assert engine.result().score > plain.score
    assert engine.result().fever_phrases_completed == 2


def test_a_missed_note_forfeits_its_fever_phrase():
    chart = _fever_chart()
    notes = PlayerEngine(chart, EngineParams()).notes
    hits = [h for h in autoplay_inputs(notes) if h.song_time != 1.5]
    engine = PlayerEngine(chart, EngineParams())
    for hit in hits:
        engine.queue(hit)
    engine.update(5.0)
    assert engine.fever.meter(5.0) == pytest.approx(0.25)
    engine.finish()
    assert engine.fever.activations == 0


def test_the_fever_input_activates_with_half_a_meter():
    chart = _fever_chart()
    notes = PlayerEngine(chart, EngineParams()).notes
    hits = [h for h in autoplay_inputs(notes) if h.song_time < 5] + [FeverInput(5.5)]
    engine = PlayerEngine(chart, EngineParams())
    for hit in hits:
        engine.queue(hit)
    engine.update(5.6)
    assert engine.fever.is_active(5.6)


@pytest.mark.parametrize(("accuracy", "grade"), [(100, "SS"), (99.9, "S"), (95, "S"), (90.5, "A"), (10, "D")])
def test_grades(accuracy, grade):
    assert grade_for(accuracy) == grade
