"""python-rtmidi, wrapped: finding a MIDI system, listing input ports under stable names, and one
listener per open port whose callback stamps, decodes, filters and queues each message.

Why python-rtmidi directly rather than mido's rtmidi backend: mido's callback drops rtmidi's delta
times, which are what keeps stamps right while the main thread holds the GIL (midi_stamp).

Invariants:
- rtmidi is imported inside functions: importing this module never fails without it.
- The first statement of the callback reads perf_counter(); everything else comes after.
- Port names are stable across replugging: ALSA's trailing "client:port" numbers and WinMM's
  trailing index are dropped (they change when a device comes back), and a name shared by two
  identical devices gets " (2)", " (3)" in listing order.
- libasound and libjack print their own complaints on stderr when there is no sequencer or no
  server; probing silences fd 2 for those few milliseconds so "no MIDI system" stays one line.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from time import perf_counter
from typing import Any

from game.input.midi_config import MidiConfig
from game.input.midi_decode import KitDecoder
from game.input.midi_event import MidiEvent
from game.input.midi_stamp import CallbackStamper, DeltaStamper

log = logging.getLogger(__name__)

CLIENT_NAME = "Drumstick Diplomacy"
_NUMBER_SUFFIX = {"alsa": re.compile(r" \d+:\d+$"), "winmm": re.compile(r" \d+$")}


class MidiUnavailableError(OSError):
    """No MIDI system to talk to (no ALSA sequencer, no JACK server, no driver)."""


class MidiPortError(OSError):
    """A listed port could not be opened."""


def api_choices() -> list[str]:
    """The rtmidi APIs compiled into this python-rtmidi, in its order of preference."""
    import rtmidi

    return [rtmidi.get_api_name(api) for api in rtmidi.get_compiled_api() if api != rtmidi.API_RTMIDI_DUMMY]


def open_client(api: str = "") -> tuple[Any, str]:
    """An rtmidi MidiIn (no port open) and its API name; "" tries every compiled API in order.

    Raises MidiUnavailableError naming each API's complaint, or ValueError for an unknown API.
    """
    try:
        import rtmidi
    except ImportError as error:  # a broken install must still leave the keyboard playable
        raise MidiUnavailableError(f"python-rtmidi cannot be loaded: {error}") from error
    choices = api_choices()
    if api and api not in choices:
        raise ValueError(f"unknown midi api {api!r}; this python-rtmidi has {', '.join(choices) or 'none'}")
    complaints = []
    for name in [api] if api else choices:
        try:
            with _quiet_stderr():
                return rtmidi.MidiIn(_api_number(name), CLIENT_NAME), name
        except rtmidi.RtMidiError as error:
            complaints.append(f"{name}: {_first_line(error)}")
    raise MidiUnavailableError("; ".join(complaints) or "python-rtmidi has no MIDI API")


def stable_names(raw_names: Sequence[str], api: str) -> list[str]:
    suffix = _NUMBER_SUFFIX.get(api)
    bases = [suffix.sub("", raw) if suffix else raw for raw in raw_names]
    return [f"{base} ({bases[:i].count(base) + 1})" if base in bases[:i] else base for i, base in enumerate(bases)]


def list_ports(client: Any, api: str) -> list[str]:
    """Input port names now; [] if the system stopped answering (JACK server gone)."""
    try:
        return stable_names(client.get_ports(), api)
    except Exception as error:  # rtmidi raises assorted errors once its server is gone
        log.warning("cannot list midi ports: %s", error)
        return []


class PortListener:
    """One open input port; rtmidi calls `_on_message` on its own thread for each message."""

    def __init__(self, config: Callable[[], MidiConfig], sink: Callable[[MidiEvent], None], port: str, deltas: bool):
        self.port = port
        self._config = config
        self._sink = sink
        self._stamper = DeltaStamper() if deltas else CallbackStamper()
        self._decoder = KitDecoder(port)
        self._midi_in: Any = None

    @classmethod
    def open(
        cls,
        api: str,
        port: str,
        config: Callable[[], MidiConfig],
        sink: Callable[[MidiEvent], None],
        deltas: bool = True,
    ) -> PortListener:
        """Opens `port` (a stable name); MidiPortError if it is gone or the driver refuses."""
        import rtmidi

        listener = cls(config, sink, port, deltas)
        midi_in = None
        try:
            midi_in = rtmidi.MidiIn(_api_number(api), CLIENT_NAME)
            names = stable_names(midi_in.get_ports(), api)
            if port not in names:
                raise MidiPortError(f"midi port {port!r} is not there")
            midi_in.ignore_types(sysex=False, timing=False, active_sense=False)  # see midi_stamp
            midi_in.set_callback(listener._on_message)
            midi_in.open_port(names.index(port), "drums in")
        except (rtmidi.RtMidiError, MidiPortError) as error:
            if midi_in is not None:
                midi_in.delete()
            raise MidiPortError(f"cannot open midi port {port!r}: {_first_line(error)}") from error
        listener._midi_in = midi_in
        return listener

    def _on_message(self, event: tuple[list[int], float], _data: object = None) -> None:
        received = perf_counter()
        try:
            message, delta_s = event
            wall_time = self._stamper.stamp(received, delta_s)
            decoded = self._decoder.decode(self._config(), message, wall_time, received)
            if decoded is not None:
                self._sink(decoded)
        except Exception:  # raised into rtmidi's thread it would only print; lose one message, not the port
            log.exception("midi message %r from %r", event, self.port)

    def close(self) -> None:
        midi_in, self._midi_in = self._midi_in, None
        if midi_in is None:
            return
        try:
            midi_in.cancel_callback()
            midi_in.close_port()
        except Exception as error:  # the device or server may already be gone
            log.info("closing midi port %r: %s", self.port, error)
        midi_in.delete()


def _api_number(name: str) -> int:
    import rtmidi

    for api in rtmidi.get_compiled_api():
        if rtmidi.get_api_name(api) == name:
            return api
    raise ValueError(f"unknown midi api {name!r}")


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:  # no fd 2 at all (pythonw): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
