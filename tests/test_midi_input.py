"""The MIDI device manager without a MIDI system: fake ports, the real listener callback and queue.

Hot-plug here is a scripted port list; tests/test_midi_jack.py does it with real JACK ports.
"""

import sys

import pytest

from game.chart.piece import KitPiece as P
from game.input import midi_input
from game.input.midi_event import PortChange, PortEvent
from game.input.midi_input import POLL_INTERVAL_S, MidiInput
from game.input.midi_port import MidiPortError, MidiUnavailableError, PortListener, stable_names
from game.input.raw import RawHit
from game.persistence.settings import MidiSettings


class FakeSystem:
    """Ports that come and go, and listeners that record being closed."""

    def __init__(self, *ports):
        self.ports = list(ports)
        self.refuse: set[str] = set()
        self.listeners: dict[str, PortListener] = {}
        self.closed: list[str] = []
        self.deleted = False

    def lister(self, client, api):
        return list(self.ports)

    def get_ports(self):  # as an rtmidi client
        return list(self.ports)

    def opener(self, api, port, config, sink, deltas):
        if port in self.refuse:
            raise MidiPortError(f"cannot open midi port {port!r}: busy")
        listener = PortListener(config, sink, port, deltas)
        listener.close = lambda: self.closed.append(port)
        self.listeners[port] = listener
        return listener

    def delete(self):
        self.deleted = True

    def midi(self, **settings):
        midi = MidiInput(self, "fake", MidiSettings(**settings), opener=self.opener, lister=self.lister)
        midi.scan()
        return midi


def test_every_port_but_midi_through_is_opened_for_all():
    system = FakeSystem("Midi Through:Midi Through Port-0", "TD-17:TD-17 MIDI 1", "nanoKONTROL")
    midi = system.midi()
    assert midi.connected == ("TD-17:TD-17 MIDI 1", "nanoKONTROL")
    assert midi.available == ("Midi Through:Midi Through Port-0", "TD-17:TD-17 MIDI 1", "nanoKONTROL")
    assert midi.poll_ports(0.0) == [
        PortEvent(PortChange.CONNECTED, "TD-17:TD-17 MIDI 1"),
        PortEvent(PortChange.CONNECTED, "nanoKONTROL"),
    ]


def test_only_chosen_ports_are_opened():
    midi = FakeSystem("a", "b", "c").midi(ports=("c", "a"))
    assert midi.connected == ("a", "c")


def test_hits_come_from_the_callback_stamped_mapped_and_filtered():
    system = FakeSystem("kit")
    midi = system.midi(min_velocity={"kick": 10})
    callback = system.listeners["kit"]._on_message
    callback(([0x99, 38, 90], 0.0))
    callback(([0x99, 36, 5], 0.001))  # below the kick's minimum
    callback(([0xB9, 4, 127], 0.001))
    callback(([0x99, 56, 100], 0.001))  # unmapped
    callback(([0x89, 38, 0], 0.001))  # note-off
    hits = midi.drain()
    assert [(hit.piece, hit.velocity, hit.device) for hit in hits] == [(P.SNARE, 90, "kit")]
    assert isinstance(hits[0], RawHit) and hits[0].wall_time > 0
    assert midi.drain() == []


def test_drain_events_keeps_everything_for_monitor_and_learn_mode():
    system = FakeSystem("kit")
    midi = system.midi()
    callback = system.listeners["kit"]._on_message
    callback(([0xB9, 4, 127], 0.0))
    callback(([0x99, 56, 100], 0.001))
    kinds = [(event.kind.value, event.number, event.piece) for event in midi.drain_events()]
    assert kinds == [("control", 4, None), ("note", 56, None)]


def test_unplugging_and_replugging_a_port():
    system = FakeSystem("kit", "other")
    midi = system.midi()
    midi.poll_ports(0.0)
    system.ports.remove("kit")
    assert midi.poll_ports(0.1) == []  # polls are rate-limited
    assert midi.poll_ports(POLL_INTERVAL_S) == [PortEvent(PortChange.DISCONNECTED, "kit")]
    assert system.closed == ["kit"] and midi.connected == ("other",)
    system.ports.append("kit")
    assert midi.poll_ports(2 * POLL_INTERVAL_S) == [PortEvent(PortChange.CONNECTED, "kit")]
    assert midi.connected == ("other", "kit")


def test_a_port_that_cannot_be_opened_is_reported_once_and_retried():
    system = FakeSystem("kit")
    system.refuse.add("kit")
    midi = system.midi()
    assert midi.poll_ports(0.0) == [PortEvent(PortChange.FAILED, "kit", "cannot open midi port 'kit': busy")]
    assert midi.poll_ports(1.0) == []
    system.refuse.clear()
    assert midi.poll_ports(2.0) == [PortEvent(PortChange.CONNECTED, "kit")]


def test_reconfigure_changes_ports_and_mapping_without_reopening():
    system = FakeSystem("a", "b")
    midi = system.midi(ports=("a",))
    midi.poll_ports(0.0)
    midi.reconfigure(MidiSettings(ports=("b",), note_map={60: "snare"}))
    assert midi.poll_ports(0.01) == [PortEvent(PortChange.CONNECTED, "b")]  # a deselected port is no event
    assert system.closed == ["a"]
    system.listeners["b"]._on_message(([0x99, 60, 100], 0.0))
    assert [hit.piece for hit in midi.drain()] == [P.SNARE]


def test_close_closes_every_port_and_the_client():
    system = FakeSystem("a", "b")
    midi = system.midi()
    midi.close()
    assert system.closed == ["a", "b"] and system.deleted and midi.connected == ()


def test_no_midi_system_gives_a_one_line_notice(monkeypatch):
    def unavailable(api):
        raise MidiUnavailableError("alsa: no sequencer; jack: JACK server not running?")

    monkeypatch.setattr(midi_input, "open_client", unavailable)
    assert MidiInput.open(MidiSettings()) == (None, "No MIDI system found: playing with the keyboard")


def test_midi_switched_off_opens_nothing(monkeypatch):
    monkeypatch.setattr(midi_input, "open_client", pytest.fail)
    assert MidiInput.open(MidiSettings(ports=())) == (None, None)


def test_a_chosen_port_that_is_missing_is_named_in_the_notice(monkeypatch):
    system = FakeSystem("other")
    monkeypatch.setattr(midi_input, "open_client", lambda api: (system, "fake"))
    midi, notice = MidiInput.open(MidiSettings(ports=("TD-17",)), watch=False)
    assert notice == "MIDI: TD-17 not connected; plug it in any time"
    assert (midi.available, midi.connected) == (("other",), ())


@pytest.mark.parametrize(
    ("api", "raw", "stable"),
    [
        ("alsa", ["TD-17:TD-17 MIDI 1 24:0", "Midi Through:Midi Through Port-0 14:0"],
         ["TD-17:TD-17 MIDI 1", "Midi Through:Midi Through Port-0"]),
        ("winmm", ["TD-17 0", "UM-ONE 1"], ["TD-17", "UM-ONE"]),
        ("jack", ["kit:out 1"], ["kit:out 1"]),
        ("alsa", ["Nitro:Nitro MIDI 1 20:0", "Nitro:Nitro MIDI 1 24:0", "Nitro:Nitro MIDI 1 28:0"],
         ["Nitro:Nitro MIDI 1", "Nitro:Nitro MIDI 1 (2)", "Nitro:Nitro MIDI 1 (3)"]),
    ],
)  # fmt: skip
def test_port_names_survive_replugging(api, raw, stable):
    assert stable_names(raw, api) == stable


def test_without_python_rtmidi_the_game_still_starts(monkeypatch):
    monkeypatch.setitem(sys.modules, "rtmidi", None)
    assert MidiInput.open(MidiSettings()) == (None, "No MIDI system found: playing with the keyboard")


def test_a_malformed_message_is_logged_and_the_port_keeps_working(caplog):
    system = FakeSystem("kit")
    midi = system.midi()
    callback = system.listeners["kit"]._on_message
    callback(([0x99, 38, 100], "not a delta"))
    callback(([0x99, 36, 100], 0.0))
    assert [hit.piece for hit in midi.drain()] == [P.KICK]
    assert "midi message" in caplog.text
