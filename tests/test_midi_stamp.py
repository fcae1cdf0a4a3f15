"""Stamps from rtmidi's delta times: GIL stalls of the callback do not move them.

A simulated kit: a hit is sent at s; the driver notes it at s + 1 ms (the device clock, which
rtmidi reports as deltas); the Python callback runs at s + 1 ms + whatever the GIL costs.
"""

import random

import pytest

from game.input.midi_stamp import RESYNC_LAG_S, WINDOW_S, CallbackStamper, DeltaStamper

DRIVER_S = 0.001


def run(sends, stalls, stamper=None):
    stamper = stamper or DeltaStamper()
    stamps, previous = [], None
    for sent, stall in zip(sends, stalls, strict=True):
        device = sent + DRIVER_S
        delta = 0.0 if previous is None else device - previous
        previous = device
        received = device + stall
        stamp = stamper.stamp(received, delta)
        assert stamp <= received + 1e-12  # never later than the callback saw it
        stamps.append(stamp)
    return stamps


def sends_every(n, gap_s=0.1, start=1000.0):
    return [start + i * gap_s for i in range(n)]


def test_gil_stalls_do_not_move_the_stamps():
    rng = random.Random(7)
    sends = sends_every(300, 0.05)
    stalls = [0.0001] * 5 + [rng.choice([0.0001, 0.0003, 0.002, 0.008, 0.016]) for _ in range(295)]
    for stamp, sent in zip(run(sends, stalls), sends, strict=True):
        assert stamp - sent == pytest.approx(DRIVER_S + 0.0001)
    callback = [stamp - sent for stamp, sent in zip(run(sends, stalls, CallbackStamper()), sends, strict=True)]
    assert max(callback) == pytest.approx(DRIVER_S + 0.016)  # what plain callback stamps would have carried


def test_the_first_message_is_stamped_when_it_arrived():
    assert DeltaStamper().stamp(5.0, 0.0) == 5.0


def test_after_a_long_quiet_spell_a_late_callback_stamp_is_not_made_later():
    sends = [0.0, 0.1, 100.0]
    stamps = run(sends, [0.0001, 0.0001, 0.010])
    assert stamps[2] <= sends[2] + DRIVER_S + 0.010


def test_the_estimate_follows_a_faster_delivery_at_once():
    sends = sends_every(3)
    stamps = run(sends, [0.004, 0.004, 0.0001])
    assert stamps[2] == pytest.approx(sends[2] + DRIVER_S + 0.0001)


def test_a_broken_device_clock_restarts_from_the_callback_stamp():
    stamper = DeltaStamper()
    stamper.stamp(10.0, 0.0)
    # the device clock lost 2 s (server restart): believe the callback, not the deltas
    assert stamper.stamp(12.5, 0.5) == 12.5
    assert stamper.stamp(12.6, 0.1) == pytest.approx(12.6)


def test_a_small_loss_heals_once_the_window_has_passed():
    stamper = DeltaStamper()
    stamper.stamp(10.0, 0.0)
    lost = RESYNC_LAG_S / 2
    first = stamper.stamp(11.0 + lost, 1.0)  # a delta went missing: the sum lags by `lost`
    assert first == pytest.approx(11.0)  # stamped early by what was lost...
    t, gap = 11.0 + lost, 0.25
    for _ in range(int(WINDOW_S / gap)):
        t += gap
        stamp = stamper.stamp(t, gap)
    assert stamp == pytest.approx(t)  # ...until the old minimum leaves the window


def test_old_minima_leave_the_window():
    stamper = DeltaStamper()
    stamper.stamp(0.0, 0.0)  # a prompt delivery...
    assert stamper.stamp(WINDOW_S + 0.003, WINDOW_S) == pytest.approx(WINDOW_S)  # still in the window
    assert stamper.stamp(WINDOW_S + 1.003, 1.0) == pytest.approx(WINDOW_S + 1.003)  # ...gone: no earlier evidence
