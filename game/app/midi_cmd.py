"""`main.py midi list` and `main.py midi monitor`: which ports the game sees, and what a kit sends
through the player's note map and filters.

Both exit 0 with one line when there is no MIDI system at all (`list` on stdout, `monitor` on
stderr). `monitor --json` prints one JSON object per line: hits
`{"t", "note", "velocity", "pad", "port"}` (t = perf_counter seconds, the stamp the game would
judge), control changes `{"t", "cc", "value", "port"}`; with `--all` also unmapped and filtered
notes (`"pad": null` or a `"dropped"` reason). Port changes go to stderr, so stdout stays one kind
of line.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from typing import Any, TextIO

from game.input.midi_event import MidiEvent, MidiKind, PortEvent
from game.input.midi_input import MidiInput
from game.input.midi_port import MidiUnavailableError, list_ports, open_client
from game.persistence.settings import MidiSettings

EXIT_OK = 0
EXIT_BAD_INPUT = 2
PASS_S = 0.002  # output pace only: stamps are taken on arrival, not here


def run_list(api: str | None, as_json: bool, out: TextIO = sys.stdout) -> int:
    try:
        client, api_name = open_client(api or "")
    except MidiUnavailableError as error:
        _no_midi(error, as_json, out)
        return EXIT_OK
    ports = list_ports(client, api_name)
    client.delete()
    if as_json:
        print(json.dumps({"api": api_name, "ports": ports}), file=out)
    elif ports:
        print(f"MIDI input ports ({api_name}):", file=out)
        for port in ports:
            print(f"  {port}", file=out)
    else:
        print(f"no MIDI input ports ({api_name}): is the kit plugged in and switched on?", file=out)
    return EXIT_OK


def run_monitor(
    settings: MidiSettings, port: str | None, api: str | None, seconds: float | None, as_json: bool, show_all: bool
) -> int:
    if port is not None:
        settings = dataclasses.replace(settings, ports=(port,))
    midi, notice = MidiInput.open(settings, api)
    if midi is None:
        print(notice or "MIDI is switched off in the settings (no ports chosen)", file=sys.stderr)
        return EXIT_OK
    if port is not None and port not in midi.available:
        midi.close()
        print(f"error: no midi port named {port!r}; ports: {', '.join(midi.available) or 'none'}", file=sys.stderr)
        return EXIT_BAD_INPUT
    started = time.perf_counter()
    print(f"listening on {', '.join(midi.connected) or 'no port yet'} ({midi.api}); Ctrl+C stops", file=sys.stderr)
    try:
        while seconds is None or time.perf_counter() - started < seconds:
            for change in midi.poll_ports(time.perf_counter()):
                _print_change(change)
            for event in midi.drain_events():
                _print_event(event, started, as_json, show_all)
            time.sleep(PASS_S)
    except KeyboardInterrupt:
        pass
    finally:
        midi.close()
    return EXIT_OK


def _print_event(event: MidiEvent, started: float, as_json: bool, show_all: bool) -> None:
    if as_json:
        record = _json_record(event, show_all)
        if record is not None:
            print(json.dumps(record), flush=True)
        return
    at = f"{event.wall_time - started:9.3f} s"
    if event.kind is MidiKind.CONTROL:
        print(f"{at}  cc {event.number:3d} = {event.value:3d}  {event.port}", flush=True)
        return
    pad = event.piece.value if event.piece is not None else "(unmapped)"
    verdict = f"  dropped: {event.dropped}" if event.dropped else ""
    print(f"{at}  note {event.number:3d} vel {event.value:3d}  {pad:<12} {event.port}{verdict}", flush=True)


def _json_record(event: MidiEvent, show_all: bool) -> dict[str, Any] | None:
    if event.kind is MidiKind.CONTROL:
        return {"t": event.wall_time, "cc": event.number, "value": event.value, "port": event.port}
    if not show_all and event.hit() is None:
        return None
    record: dict[str, Any] = {"t": event.wall_time, "note": event.number, "velocity": event.value}
    record.update(pad=event.piece.value if event.piece is not None else None, port=event.port)
    if event.dropped:
        record["dropped"] = event.dropped
    return record


def _print_change(change: PortEvent) -> None:
    detail = f": {change.detail}" if change.detail else ""
    print(f"midi port {change.change.value}: {change.port}{detail}", file=sys.stderr, flush=True)


def _no_midi(error: MidiUnavailableError, as_json: bool, out: TextIO) -> None:
    if as_json:
        print(json.dumps({"api": None, "ports": [], "error": f"no MIDI system: {error}"}), file=out)
    else:
        print(f"no MIDI system found ({error}); the game plays with the keyboard", file=out)
