"""Calibration maths: the median of steady taps, outlier rules, and the after-song correction."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.timing.calibration import (
    MIN_TAPS,
    offset_from_hit_errors,
    tap_offset,
    video_offset_from_flash,
)

BEAT_S = 60.0 / 90.0  # 90 BPM, inside the 80-100 BPM range the reference recommends


def clicks(count: int, start_s: float = 2.0) -> list[float]:
    return [start_s + i * BEAT_S for i in range(count)]


def test_known_offset_with_jitter_and_outliers_is_found_within_a_millisecond():
    rng = random.Random(7)
    track = clicks(40)
    taps = [t + 0.037 + rng.gauss(0.0, 0.003) for t in track]
    taps[10] += 0.200  # a stumble: 200 ms late breaks the interval on both sides
    taps.append(track[20] + 0.090)  # a double tap just after a good one
    taps.append(track[0] - 1.5)  # a stray tap long before the first click
    del taps[30]  # a skipped beat: the tap after the gap is rejected too
    result = tap_offset(taps, track, BEAT_S)
    assert result.ok
    assert result.offset_s == pytest.approx(0.037, abs=0.001)
    assert result.offset_ms == pytest.approx(37.0, abs=1.0)
    assert result.spread_s is not None and result.spread_s < 0.005
    assert result.rejected >= 5
    assert result.used + result.rejected == len(taps)


def test_counts_of_a_small_diagram():
    # clicks  |   |   |   |   |   |   |   |   |   |   |       11 clicks, one beat apart
    # taps    x   x   x   x   x   x   x   x   x   x   x x     20 ms late, then a double tap: 11 used, 1 rejected
    track = clicks(11)
    taps = [*(t + 0.020 for t in track), track[-1] + 0.120]
    result = tap_offset(taps, track, BEAT_S)
    assert (result.used, result.rejected) == (11, 1)
    assert result.offset_s == pytest.approx(0.020)


def test_taps_are_sorted_before_matching():
    track = clicks(12)
    taps = [t - 0.015 for t in reversed(track)]
    assert tap_offset(taps, track, BEAT_S).offset_s == pytest.approx(-0.015)


def test_too_few_steady_taps_is_not_ok_and_says_why():
    track = clicks(12)
    result = tap_offset([t + 0.01 for t in track[: MIN_TAPS - 1]], track, BEAT_S)
    assert not result.ok
    assert result.offset_s is None and result.offset_ms is None
    assert str(MIN_TAPS) in result.reason


def test_no_clicks_or_no_taps_is_not_ok():
    assert not tap_offset([1.0, 2.0], [], BEAT_S).ok
    assert not tap_offset([], clicks(10), BEAT_S).ok


@pytest.mark.parametrize("beat_s", [0.0, -0.5, float("nan")])
def test_a_beat_period_that_is_not_positive_is_refused(beat_s):
    with pytest.raises(ValueError, match="beat period"):
        tap_offset([1.0], [1.0], beat_s)


@settings(deadline=None)
@given(
    base_ms=st.floats(-120.0, 120.0),
    shift_ms=st.floats(-120.0, 120.0),
    seed=st.integers(0, 2**16),
)
def test_shifting_every_tap_by_d_shifts_the_offset_by_d(base_ms, shift_ms, seed):
    # Errors stay well inside half a beat (333 ms) and jitter well inside the 50 ms interval rule,
    # so the shift changes no matching and no rejection.
    rng = random.Random(seed)
    track = clicks(16)
    taps = [t + base_ms / 1000 + rng.uniform(-0.01, 0.01) for t in track]
    shifted = [t + shift_ms / 1000 for t in taps]
    before, after = tap_offset(taps, track, BEAT_S), tap_offset(shifted, track, BEAT_S)
    assert before.ok and after.ok
    assert after.offset_s == pytest.approx(before.offset_s + shift_ms / 1000, abs=1e-9)
    assert after.spread_s == pytest.approx(before.spread_s, abs=1e-9)
    assert (after.used, after.rejected) == (before.used, before.rejected)


def test_video_offset_subtracts_the_input_latency():
    flashes = clicks(12)
    taps = [t + 0.045 for t in flashes]
    result = video_offset_from_flash(taps, flashes, BEAT_S, input_latency_s=0.012)
    assert result.ok
    assert result.offset_s == pytest.approx(0.033)


def test_video_offset_passes_a_failed_test_through():
    assert not video_offset_from_flash([1.0, 1.5], clicks(12), BEAT_S, 0.01).ok


def test_offset_from_hit_errors_is_the_median_once_there_are_enough_hits():
    errors = [12.0] * 15 + [-80.0, 90.0, 14.0, 10.0, 11.0]
    assert offset_from_hit_errors(errors) == pytest.approx(12.0)


def test_offset_from_hit_errors_needs_enough_hits():
    assert offset_from_hit_errors([5.0] * 19) is None
    assert offset_from_hit_errors([5.0] * 19 + [float("nan")]) is None
    assert offset_from_hit_errors([]) is None
    assert offset_from_hit_errors([5.0] * 5, min_hits=5) == 5.0
