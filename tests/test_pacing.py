"""Frame pacing with a fake clock: exact frame rate, no drift, resync after a stall."""

import itertools

import pytest

from game.app.pacing import FramePacer


class FakeTime:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def run(pacer, clock, seconds, draw_cost=0.0, stall_at=None):
    frames, polls = [], 0
    while clock.now < seconds:
        t = clock()
        polls += 1
        if pacer.frame_due(t):
            frames.append(t)
            clock.now += draw_cost
            if stall_at is not None and abs(t - stall_at) < 0.003:
                clock.now += 0.1
            pacer.frame_drawn(t)
        pacer.wait(clock())
        clock.now += 0.00002  # the loop body's own cost
    return frames, polls


@pytest.mark.parametrize("rate", [60, 144, 240])
def test_frames_come_at_exactly_the_requested_rate(rate):
    clock = FakeTime()
    frames, polls = run(FramePacer(rate, now=clock, sleep=clock.sleep), clock, 2.0, draw_cost=0.0015)
    assert len(frames) == pytest.approx(2.0 * rate, abs=2)
    assert polls > 1500  # input is still polled about every millisecond


def test_a_stall_resyncs_instead_of_bursting_frames():
    clock = FakeTime()
    frames, _ = run(FramePacer(120, now=clock, sleep=clock.sleep), clock, 1.0, stall_at=0.5)
    gaps = [b - a for a, b in itertools.pairwise(frames)]
    assert min(gaps) > 0.8 / 120  # no catch-up burst after the 100 ms stall
