"""Real MIDI end to end: a JACK dummy server, a kit in another process sending at known
perf_counter times, and the game's MIDI input receiving through python-rtmidi's JACK API.

These tests start and stop jackd themselves; without jackd they skip (apt-get install jackd2).
JACK delivers MIDI once per period (256 frames = 5.33 ms here), so stamps are compared with send
times within a period plus a millisecond; a loaded machine delays the whole server, hence the
loose bounds on the worst case (benchmarks/midi_latency.py measures the distribution).
"""

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from jack_helpers import PERIOD_S, Kit

from game.chart.piece import KitPiece as P
from game.input.midi_event import MidiKind, PortChange
from game.input.midi_filter import DROP_DEBOUNCE, DROP_VELOCITY
from game.input.midi_input import MidiInput
from game.input.midi_map import GM
from game.persistence.settings import MidiSettings

ROOT = Path(__file__).resolve().parent.parent
NOTICE_WITHIN_S = 2.0


@pytest.fixture(scope="module")
def kit(jack):
    with Kit("testkit") as kit:
        yield kit


@pytest.fixture
def listen(kit):
    opened = []

    def open_input(**settings):
        midi, notice = MidiInput.open(MidiSettings(ports=(kit.port,), **settings), api="jack", watch=False)
        assert midi is not None and midi.connected == (kit.port,), notice
        opened.append(midi)
        return midi

    yield open_input
    for midi in opened:
        midi.close()


def collect(midi, count, timeout_s=2.0):
    events, deadline = [], time.monotonic() + timeout_s
    while len(events) < count and time.monotonic() < deadline:
        events += midi.drain_events()
        time.sleep(0.002)
    return events


def note(number, velocity=100):
    return [0x99, number, velocity]


def test_hits_arrive_mapped_with_velocity_and_stamped_on_arrival(kit, listen):
    midi = listen()
    rng = random.Random(3)
    notes = [rng.choice(sorted(GM)) for _ in range(120)]
    velocities = [1 + (i * 37) % 127 for i in range(len(notes))]
    at = np.cumsum([0.0] + [rng.uniform(0.012, 0.025) for _ in notes[1:]])
    sent = kit.send([note(n, v) for n, v in zip(notes, velocities, strict=True)], at)
    events = collect(midi, len(notes))
    assert [(e.number, e.value, e.piece) for e in events] == [
        (n, v, GM[n]) for n, v in zip(notes, velocities, strict=True)
    ]
    assert all(e.dropped is None and e.port == kit.port for e in events)
    errors = np.array([e.wall_time for e in events]) - np.array(sent)
    report = f"stamp - send: median {np.median(errors) * 1e3:.2f} p99 {np.percentile(errors, 99) * 1e3:.2f} ms"
    print(report)
    assert errors.min() >= -0.0002, report  # never before it was sent
    assert np.median(errors) <= PERIOD_S + 0.001, report
    assert errors.max() <= 0.05, report
    assert all(e.wall_time <= e.received for e in events)


def test_the_pedal_cc4_decides_open_or_closed(kit, listen):
    midi = listen()
    cc4 = lambda value: [0xB9, 4, value]  # noqa: E731
    messages = [cc4(127), note(46), cc4(0), note(42), cc4(100), note(42), note(44)]
    kit.send(messages, [0, 0.002, 0.03, 0.032, 0.06, 0.062, 0.09])
    events = collect(midi, len(messages))
    assert [(e.kind, e.number, e.value) for e in events if e.kind is MidiKind.CONTROL] == [
        (MidiKind.CONTROL, 4, 127),
        (MidiKind.CONTROL, 4, 0),
        (MidiKind.CONTROL, 4, 100),
    ]
    assert [e.piece for e in events if e.kind is MidiKind.NOTE] == [P.HIHAT, P.HIHAT_OPEN, P.HIHAT, P.HIHAT_PEDAL]


def test_with_cc4_off_the_notes_decide(kit, listen):
    midi = listen(hihat_cc4=False)
    kit.send([[0xB9, 4, 127], note(46), [0xB9, 4, 0], note(42)], [0, 0.002, 0.03, 0.032])
    assert [e.piece for e in collect(midi, 4) if e.kind is MidiKind.NOTE] == [P.HIHAT_OPEN, P.HIHAT]


def test_debounce_and_minimum_velocity(kit, listen):
    # snare pairs 2 ms apart are one stroke (window 20 ms, wider than a JACK period); 40 ms apart, two
    midi = listen(debounce_ms=20, min_velocity={"kick": 10})
    messages = [note(38), note(38), note(38), note(38), note(36, 9), note(36, 10)]
    kit.send(messages, [0, 0.002, 0.1, 0.14, 0.2, 0.3])
    events = collect(midi, len(messages))
    assert [(e.piece, e.dropped) for e in events] == [
        (P.SNARE, None),
        (P.SNARE, DROP_DEBOUNCE),
        (P.SNARE, None),
        (P.SNARE, None),
        (P.KICK, DROP_VELOCITY),
        (P.KICK, None),
    ]
    assert [hit.piece for hit in [e.hit() for e in events] if hit] == [P.SNARE, P.SNARE, P.SNARE, P.KICK]


def wait_for_change(midi, change, timeout_s=NOTICE_WITHIN_S + 0.5):
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        events = midi.poll_ports(time.perf_counter())
        if any(event.change is change for event in events):
            return time.monotonic() - started
        time.sleep(0.01)
    pytest.fail(f"no {change.value} event within {timeout_s} s")


def test_unplugging_and_replugging_is_noticed_and_input_resumes(jack):
    plug = Kit("plugkit")
    midi, notice = MidiInput.open(MidiSettings(ports=(plug.port,)), api="jack")  # with the watcher thread
    try:
        assert notice == "MIDI: plugkit:out not connected; plug it in any time"
        plug.start()
        assert wait_for_change(midi, PortChange.CONNECTED) <= NOTICE_WITHIN_S
        plug.send([note(38)], [0])
        assert [hit.piece for hit in [e.hit() for e in collect(midi, 1)]] == [P.SNARE]
        plug.kill()  # pulled out
        assert wait_for_change(midi, PortChange.DISCONNECTED) <= NOTICE_WITHIN_S
        assert midi.connected == ()
        plug.start()
        assert wait_for_change(midi, PortChange.CONNECTED) <= NOTICE_WITHIN_S
        plug.send([note(36, 77)], [0])
        hits = [e.hit() for e in collect(midi, 1)]
        assert [(hit.piece, hit.velocity, hit.device) for hit in hits] == [(P.KICK, 77, "plugkit:out")]
    finally:
        plug.stop()
        midi.close()


def run_cli(tmp_path, *args, **popen):
    env = {**os.environ, "DRUMSTICK_HOME": str(tmp_path)}
    command = [sys.executable, "main.py", "midi", *args]
    return subprocess.Popen(command, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, **popen)


def test_midi_list_shows_the_kit(kit, tmp_path):
    out, _ = run_cli(tmp_path, "list", "--api", "jack").communicate(timeout=30)
    assert out.splitlines() == ["MIDI input ports (jack):", f"  {kit.port}"]


def test_midi_monitor_prints_json_lines(kit, tmp_path):
    monitor = run_cli(tmp_path, "monitor", "--api", "jack", "--port", kit.port, "--seconds", "2", "--json",
                      stderr=subprocess.PIPE)  # fmt: skip
    assert monitor.stderr.readline().startswith(f"listening on {kit.port} (jack)")
    sent = kit.send([note(38, 99), [0xB9, 4, 12], note(56)], [0, 0.02, 0.04])
    out, _ = monitor.communicate(timeout=30)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [sorted(line) for line in lines] == [["note", "pad", "port", "t", "velocity"], ["cc", "port", "t", "value"]]
    hit, control = lines
    assert (hit["note"], hit["velocity"], hit["pad"], hit["port"]) == (38, 99, "snare", kit.port)
    assert (control["cc"], control["value"]) == (4, 12)
    assert 0 <= hit["t"] - sent[0] <= 0.05 and 0 <= control["t"] - sent[1] <= 0.05
