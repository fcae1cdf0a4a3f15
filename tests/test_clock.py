"""Song clock: fitted to coarse audio positions, offsets applied once, never backwards."""

import itertools
import random

import pytest

from game.timing.clock import SongClock
from game.timing.fit import RollingFit


def feed_audio(clock, start_wall, seconds, rate=1.0, step=0.001, block_s=0.00533, seed=1):
    """Samples like pygame's get_pos(): integer ms, updated per mixer block, with jitter."""
    rng = random.Random(seed)
    wall = start_wall
    while wall < start_wall + seconds:
        mixed = (wall - start_wall) * rate
        coarse = int((mixed - (mixed % block_s) + rng.uniform(0, block_s)) * 1000) / 1000
        clock.sample(wall, coarse)
        wall += step
    return wall


def test_fit_recovers_a_line_and_forgets_old_samples():
    fit = RollingFit(window_s=1.0)
    for i in range(3000):
        t = 100.0 + i * 0.001
        fit.add(t, 2.0 + 1.0001 * (t - 100.0))
    slope, mean_t, mean_y = fit.line()
    assert slope == pytest.approx(1.0001, abs=1e-9)
    assert mean_y + slope * (102.0 - mean_t) == pytest.approx(2.0 + 1.0001 * 2.0, abs=1e-9)
    assert len(fit) == pytest.approx(1000, abs=2)


def test_clock_follows_jittery_audio_within_a_fraction_of_a_block():
    clock = SongClock()
    clock.start(50.0, 0.0)
    end = feed_audio(clock, 50.0, 3.0)
    assert clock.song_time_at(end) == pytest.approx(end - 50.0, abs=0.0015)


def test_clock_follows_an_audio_device_running_fast():
    clock = SongClock()
    clock.start(0.0, 0.0)
    end = feed_audio(clock, 0.0, 4.0, rate=1.03)
    assert clock.song_time_at(end) == pytest.approx(end * 1.03, abs=0.004)


def test_offsets_are_applied_once_in_the_clock():
    clock = SongClock(audio_latency_s=0.030, video_latency_s=0.010, chart_delay_s=0.5)
    clock.start(10.0, 0.0)
    assert clock.song_time_at(12.0) == pytest.approx(2.0 - 0.030 - 0.5)
    assert clock.input_time(12.0, input_latency_s=0.007) == pytest.approx(2.0 - 0.030 - 0.5 - 0.007)
    assert clock.visual_time(12.0) == pytest.approx(2.0 - 0.030 - 0.5 + 0.010)


def test_count_in_runs_on_wall_time_and_hands_over_without_a_jump():
    clock = SongClock()
    clock.start(0.0, -2.0)  # two seconds of count-in before the audio starts
    assert clock.song_time_at(1.0) == pytest.approx(-1.0)
    feed_audio(clock, 2.0, 0.5)
    assert clock.song_time_at(2.5) == pytest.approx(0.5, abs=0.004)


def test_visual_time_never_runs_backwards_even_when_audio_steps_back():
    clock = SongClock()
    clock.start(0.0, 0.0)
    seen = []
    for i in range(2000):
        wall = i * 0.001
        position = wall - (0.009 if i % 97 == 0 else 0.0)  # get_pos() sometimes steps back
        clock.sample(wall, int(position * 1000) / 1000)
        seen.append(clock.visual_time(wall))
    assert all(b >= a for a, b in itertools.pairwise(seen))


def test_pause_freezes_and_resume_continues_from_the_same_time():
    clock = SongClock()
    clock.start(0.0, 0.0)
    feed_audio(clock, 0.0, 1.0)
    clock.pause(1.0)
    frozen = clock.song_time_at(1.0)
    assert clock.song_time_at(5.0) == frozen and clock.paused
    clock.resume(5.0)
    assert clock.song_time_at(5.5) == pytest.approx(frozen + 0.5)


def test_a_clamped_slope_pivots_where_the_samples_are():
    # The audio crawls at half speed for a second (a stalled device): the slope is clamped, but the
    # clock must still pass through the middle of what the audio reported, not drift far off it.
    clock = SongClock()
    clock.start(0.0, 0.0)
    for i in range(1000):
        clock.sample(100.0 + i * 0.001, 10.0 + 0.5 * i * 0.001)
    assert clock.audio_time_at(100.5) == pytest.approx(10.25, abs=1e-3)
