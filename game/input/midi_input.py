"""The MIDI device manager the game uses: open the chosen ports, hand stamped hits to the main loop,
and notice ports that come and go.

Threads:
- Each open port's rtmidi callback stamps, decodes and filters its messages and puts `MidiEvent`s
  on one `queue.SimpleQueue`; `drain()` / `drain_events()` empty it without blocking.
- A watcher thread lists the ports every `POLL_INTERVAL_S` and opens or closes listeners (opening
  a JACK client takes tens of milliseconds: never on the main loop). It reports `PortEvent`s on a
  second queue that `poll_ports()` empties. Without the watcher (tests, `watch=False`),
  `poll_ports(wall_time)` scans itself when a poll is due.
- Only the watcher (or, before it starts and after it stops, the caller) touches listeners.
  `reconfigure()` swaps immutable values the other threads read whole.

"*" means every input port except ALSA's "Midi Through", which echoes whatever other programs
play into it.

Wiring (game.app builds it, scenes get it injected):
- Start-up: `midi, notice = MidiInput.open(settings.midi)`; show the notice; `midi.close()` at exit.
- Every loop pass, right after draining SDL events: each event of `midi.drain_events()` goes to
  `scene.on_midi_event(event)` (the raw stream: learn mode, the kit test), then its `event.hit()`,
  if any, to `scene.on_hit(hit)` when `scene.drums_first`, else `menu_action_for(hit.piece)` becomes
  `scene.on_action(action, hit.wall_time)` (or `on_hit` when it is None, so pads sound in menus).
  The hit keeps its own stamp: never restamp with the pass time.
- Every pass: `for change in midi.poll_ports(wall_time)`: DISCONNECTED while playing ->
  pause the play scene and show "MIDI kit <port> disconnected: plug it back in, then resume";
  CONNECTED -> a notice; input flows again by itself.
- Per-device latency: `settings.players.device_offsets_ms[hit.device]` (the port name).
- Settings changed: `midi.reconfigure(settings.midi)`. Nothing but the loop drains the queue.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from game.input.midi_config import MidiConfig
from game.input.midi_event import MidiEvent, PortChange, PortEvent
from game.input.midi_port import MidiPortError, MidiUnavailableError, PortListener, list_ports, open_client
from game.input.raw import RawHit
from game.persistence.settings import ALL_MIDI_PORTS, MidiSettings

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.5
_NEVER_IMPLIED = ("Midi Through",)

Opener = Callable[..., PortListener]
Lister = Callable[[Any, str], list[str]]


def chosen_ports(choice: tuple[str, ...], available: list[str]) -> list[str]:
    if ALL_MIDI_PORTS in choice:
        return [port for port in available if not port.startswith(_NEVER_IMPLIED)]
    return [port for port in available if port in choice]


class MidiInput:
    def __init__(
        self,
        client: Any,
        api: str,
        settings: MidiSettings,
        deltas: bool = True,
        opener: Opener = PortListener.open,
        lister: Lister = list_ports,
    ):
        self.api = api
        self.available: tuple[str, ...] = ()  # every input port at the last scan
        self.connected: tuple[str, ...] = ()  # the ports being listened to
        self._client, self._opener, self._lister, self._deltas = client, opener, lister, deltas
        self._choice = settings.ports
        self._config = MidiConfig.from_settings(settings)
        self._listeners: dict[str, PortListener] = {}
        self._failed: set[str] = set()
        self._events: queue.SimpleQueue[MidiEvent] = queue.SimpleQueue()
        self._changes: queue.SimpleQueue[PortEvent] = queue.SimpleQueue()
        self._next_poll = 0.0
        self._stop, self._wake = threading.Event(), threading.Event()
        self._watcher: threading.Thread | None = None

    @classmethod
    def open(
        cls, settings: MidiSettings, api: str | None = None, deltas: bool = True, watch: bool = True
    ) -> tuple[MidiInput | None, str | None]:
        """The input and a one-line notice for the player (None when there is nothing to say).

        No input when MIDI is switched off (no ports chosen) or there is no MIDI system at all.
        """
        if not settings.ports:
            return None, None
        try:
            client, api_name = open_client(settings.api if api is None else api)
        except MidiUnavailableError as error:
            log.info("no midi system: %s", error)
            return None, "No MIDI system found: playing with the keyboard"
        midi = cls(client, api_name, settings, deltas)
        midi.scan()
        if watch:
            midi._watcher = threading.Thread(target=midi._watch, name="midi-ports", daemon=True)
            midi._watcher.start()
        missing = [port for port in settings.ports if port != ALL_MIDI_PORTS and port not in midi.connected]
        return midi, (f"MIDI: {', '.join(missing)} not connected; plug it in any time" if missing else None)

    def drain(self) -> list[RawHit]:
        """Accepted hits since the last call (stamped on arrival); call every loop pass."""
        return [hit for event in self.drain_events() if (hit := event.hit()) is not None]

    def drain_events(self) -> list[MidiEvent]:
        """Everything decoded since the last call: hits, dropped and unmapped notes, controls."""
        events = []
        while True:
            try:
                events.append(self._events.get_nowait())
            except queue.Empty:
                return events

    def poll_ports(self, wall_time: float) -> list[PortEvent]:
        """Port changes since the last call; scans here only when no watcher thread runs."""
        if self._watcher is None and wall_time >= self._next_poll:
            self._next_poll = wall_time + POLL_INTERVAL_S
            self.scan()
        changes = []
        while True:
            try:
                changes.append(self._changes.get_nowait())
            except queue.Empty:
                return changes

    def reconfigure(self, settings: MidiSettings) -> None:
        """New map, filters or port choice; ports follow at the next scan (woken at once)."""
        self._config = MidiConfig.from_settings(settings)
        self._choice = settings.ports
        self._next_poll = 0.0
        self._wake.set()

    def config(self) -> MidiConfig:
        return self._config

    def scan(self) -> None:
        """List the ports; close vanished or unchosen ones, open newly chosen ones."""
        available = self._lister(self._client, self.api)
        wanted = chosen_ports(self._choice, available)
        for port in list(self._listeners):
            if port not in wanted:
                self._listeners.pop(port).close()
                if port not in available:
                    self._changes.put(PortEvent(PortChange.DISCONNECTED, port))
        self._failed &= set(wanted)
        for port in wanted:
            if port not in self._listeners:
                self._open(port)
        self.available, self.connected = tuple(available), tuple(self._listeners)

    def _open(self, port: str) -> None:
        try:
            self._listeners[port] = self._opener(self.api, port, self.config, self._events.put, self._deltas)
        except MidiPortError as error:
            log.warning("%s", error)
            if port not in self._failed:  # retried every scan, reported once
                self._failed.add(port)
                self._changes.put(PortEvent(PortChange.FAILED, port, str(error)))
            return
        self._failed.discard(port)
        self._changes.put(PortEvent(PortChange.CONNECTED, port))

    def _watch(self) -> None:
        while True:
            self._wake.wait(POLL_INTERVAL_S)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self.scan()
            except Exception:  # a watcher that died quietly would hide every later plug-in
                log.exception("midi port scan failed")

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5.0)
        for port in list(self._listeners):
            self._listeners.pop(port).close()
        self.connected = ()
        self._client.delete()
