"""Judge tests, drawn as timing diagrams: one character of a diagram is 10 ms."""

import random

import pytest

from game.chart.layout import FOUR_LANE, FOUR_LANE_PRO, KIT
from game.chart.piece import KitPiece as P
from game.engine.hit import HitInput
from game.engine.judge import Judge
from game.engine.window import HitWindows
from game.engine.window import Judgement as J
from tests.charts import note

W = HitWindows()


def run(notes, hits, layout=FOUR_LANE_PRO, **options):
    judge = Judge(notes, layout, W, **options)
    for hit in hits:
        judge.queue(hit)
    return judge.finish()


def outcome(events):
    return [(e.judgement, e.note.time_s if e.note else None, e.hit.song_time if e.hit else None) for e in events]


@pytest.mark.parametrize(
    ("error_ms", "expected"),
    [
        (0, J.PERFECT),
        (25, J.PERFECT),
        (-25, J.PERFECT),
        (26, J.GREAT),
        (-50, J.GREAT),
        (51, J.GOOD),
        (-90, J.GOOD),
        (90, J.GOOD),
    ],
)
def test_window_edges_are_inclusive(error_ms, expected):
    events = run([note(1.0)], [HitInput(1.0 + error_ms / 1000, P.SNARE)])
    assert [e.judgement for e in events] == [expected]
    assert events[0].error_s == pytest.approx(error_ms / 1000)


@pytest.mark.parametrize("error_ms", [91, -91])
def test_beyond_the_good_window_is_an_overhit_and_a_miss(error_ms):
    events = run([note(1.0)], [HitInput(1.0 + error_ms / 1000, P.SNARE)])
    assert sorted(e.judgement for e in events) == sorted([J.OVERHIT, J.MISS])


def test_seventy_ms_early_is_good():
    # chart  ------S------   snare at 1.000 s
    # input  ----x--------   snare at 0.930 s (70 ms early)  -> GOOD
    (event,) = run([note(1.0)], [HitInput(0.930, P.SNARE)])
    assert event.judgement is J.GOOD and event.error_s == pytest.approx(-0.070)


def test_a_miss_is_reported_when_the_window_closes():
    # chart  S----------   snare at 1.000 s, nobody plays
    (event,) = run([note(1.0)], [])
    assert event.judgement is J.MISS and event.time_s == pytest.approx(1.090)


def test_chord_hits_each_take_their_own_lane():
    # chart  -----K+C-----   kick and crash at 2.000 s
    # input  ----k--c-----   kick 5 ms early, crash 10 ms late
    events = run([note(2.0, P.KICK), note(2.0, P.CRASH)], [HitInput(1.995, P.KICK), HitInput(2.010, P.CRASH)])
    assert {(e.note.piece, e.judgement) for e in events} == {(P.KICK, J.PERFECT), (P.CRASH, J.PERFECT)}


def test_closest_note_wins_and_no_stealing_from_a_better_later_note():
    # chart  S-------S----   snares at 1.000 and 1.080 s
    # input  ----x--------   one hit at 1.045 s: 35 ms from the second, 45 ms from the first
    events = run([note(1.0), note(1.080)], [HitInput(1.045, P.SNARE)])
    assert outcome(events) == [(J.GREAT, 1.080, 1.045), (J.MISS, 1.0, None)]


def test_closest_note_takes_the_earlier_note_when_it_is_closer():
    events = run([note(1.0), note(1.080)], [HitInput(1.035, P.SNARE), HitInput(1.081, P.SNARE)])
    assert outcome(events) == [(J.GREAT, 1.0, 1.035), (J.PERFECT, 1.080, 1.081)]


def test_equal_distance_goes_to_the_earlier_note():
    events = run([note(1.0), note(1.1)], [HitInput(1.05, P.SNARE)])
    assert events[0].note.time_s == 1.0


def test_wrong_piece_is_an_overhit_and_the_note_is_missed():
    events = run([note(1.0, P.SNARE)], [HitInput(1.0, P.TOM_HIGH)])
    assert [e.judgement for e in events] == [J.OVERHIT, J.MISS]


def test_plain_four_lane_treats_yellow_cymbal_and_tom_as_one_lane():
    notes = [note(1.0, P.TOM_HIGH)]
    assert run(notes, [HitInput(1.0, P.HIHAT)], layout=FOUR_LANE)[0].judgement is J.PERFECT
    pro = run(notes, [HitInput(1.0, P.HIHAT)], layout=FOUR_LANE_PRO)
    assert [e.judgement for e in pro] == [J.OVERHIT, J.MISS]


def test_open_and_closed_hihat_are_interchangeable_unless_strict():
    notes = [note(1.0, P.HIHAT_OPEN)]
    assert run(notes, [HitInput(1.0, P.HIHAT)], layout=KIT)[0].judgement is J.PERFECT
    strict = run(notes, [HitInput(1.0, P.HIHAT)], layout=KIT, strict_hihat=True)
    assert [e.judgement for e in strict] == [J.OVERHIT, J.MISS]


def test_pieces_the_layout_does_not_play_are_ignored():
    # The hi-hat pedal has no lane on Clone Hero layouts: keeping time with it is free.
    events = run([note(1.0)], [HitInput(0.5, P.HIHAT_PEDAL), HitInput(1.0, P.SNARE)])
    assert [e.judgement for e in events] == [J.PERFECT]
    assert Judge([note(1.0, P.HIHAT_PEDAL)], FOUR_LANE_PRO, W).notes == ()


def test_overhits_before_the_first_note_carry_no_penalty():
    events = run([note(2.0)], [HitInput(0.5, P.SNARE), HitInput(2.5, P.SNARE), HitInput(2.0, P.SNARE)])
    overhits = [e for e in events if e.judgement is J.OVERHIT]
    assert [(e.time_s, e.penalised) for e in overhits] == [(0.5, False), (2.5, True)]


def test_inputs_are_judged_at_their_own_time_even_when_queued_late():
    judge = Judge([note(1.0)], FOUR_LANE_PRO, W)
    judge.update(1.05)
    judge.queue(HitInput(1.01, P.SNARE))  # arrived after the judge passed 1.01
    (event,) = judge.update(1.06)
    assert event.judgement is J.PERFECT and event.error_s == pytest.approx(0.01)
    assert judge.late_inputs == 1


def _human_play(seed: int):
    rng = random.Random(seed)
    pieces = [P.KICK, P.SNARE, P.HIHAT, P.TOM_HIGH, P.CRASH, P.RIDE]
    notes = [note(round(0.5 + i * 0.06 + rng.choice([0, 0, 0.01]), 3), rng.choice(pieces)) for i in range(300)]
    hits = [HitInput(n.time_s + rng.gauss(0, 0.04), n.piece, rng.randint(20, 127)) for n in notes if rng.random() < 0.9]
    hits += [HitInput(rng.uniform(0, 20), rng.choice(pieces)) for _ in range(30)]
    rng.shuffle(hits)
    return notes, hits


def _judge_with_updates(notes, hits, update_times):
    judge = Judge(notes, FOUR_LANE_PRO, W)
    for hit in hits:
        judge.queue(hit)
    events = []
    for t in update_times:
        events += judge.update(t)
    return events + judge.finish()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_results_do_not_depend_on_update_cadence(seed):
    notes, hits = _human_play(seed)
    end = notes[-1].time_s + 1
    reference = _judge_with_updates(notes, hits, [])
    rng = random.Random(seed)
    cadences = {rate: [i / rate for i in range(int(end * rate) + 1)] for rate in (30, 60, 144, 1000)}
    jittered, t = [], 0.0
    while t < end:
        t += rng.expovariate(1 / 0.012)
        jittered.append(t)
    assert len(reference) > 300
    for update_times in [*cadences.values(), jittered, [end / 2]]:
        assert _judge_with_updates(notes, hits, update_times) == reference
