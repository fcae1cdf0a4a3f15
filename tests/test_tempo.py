"""Tempo map: ticks to seconds across tempo changes, inverse, grid lines."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.chart.tempo import TempoChange, TempoMap, TimeSignature


def test_seconds_across_tempo_changes():
    # 120 BPM for 4 beats (2 s), then 60 BPM: one beat per second.
    tempo = TempoMap(192, [TempoChange(0, 120), TempoChange(768, 60)])
    assert tempo.seconds(768) == pytest.approx(2.0)
    assert tempo.seconds(960) == pytest.approx(3.0)
    assert list(tempo.seconds_many([0, 96, 768, 1152])) == pytest.approx([0, 0.25, 2.0, 4.0])
    assert tempo.tick_at(3.0) == pytest.approx(960)
    assert tempo.bpm_at(800) == 60


def test_default_tempo_and_duplicate_markers():
    tempo = TempoMap(480, [TempoChange(480, 60), TempoChange(480, 240)])
    assert tempo.tempos[0] == TempoChange(0, 120.0)
    assert tempo.seconds(960) == pytest.approx(0.5 + 0.25)  # the last marker on a tick wins


def test_invalid_tempos_are_rejected():
    with pytest.raises(ValueError):
        TempoMap(480, [TempoChange(0, 0)])
    with pytest.raises(ValueError):
        TempoMap(0)


def test_grid_marks_bars_and_restarts_them_at_a_time_signature_change():
    tempo = TempoMap(4, [], [TimeSignature(0, 3, 4), TimeSignature(12, 7, 8)])
    lines = tempo.grid(20)
    assert [(line.tick, line.is_bar) for line in lines[:5]] == [
        (0, True),
        (4, False),
        (8, False),
        (12, True),
        (14, False),
    ]
    assert lines[3].time_s == pytest.approx(1.5)


@given(
    st.lists(st.tuples(st.integers(0, 10**6), st.floats(1, 1000)), max_size=40),
    st.integers(0, 2 * 10**6),
)
def test_tick_at_inverts_seconds(changes, tick):
    tempo = TempoMap(480, [TempoChange(t, bpm) for t, bpm in changes])
    assert tempo.tick_at(tempo.seconds(tick)) == pytest.approx(tick, abs=1e-3)
    assert tempo.seconds_many([tick])[0] == pytest.approx(tempo.seconds(tick))
