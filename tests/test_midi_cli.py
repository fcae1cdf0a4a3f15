"""`main.py midi ...` on a machine without any MIDI system: one line, exit 0, the game unharmed.

JACK is pointed at a server name that does not exist; ALSA's sequencer must be absent (these
tests skip where /dev/snd/seq exists). With a MIDI system, see tests/test_midi_jack.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(os.path.exists("/dev/snd/seq"), reason="this machine has an ALSA sequencer")


def run_midi(tmp_path, *args):
    env = {**os.environ, "DRUMSTICK_HOME": str(tmp_path), "JACK_DEFAULT_SERVER": "no-such-server"}
    env["JACK_NO_START_SERVER"] = "1"
    return subprocess.run(
        [sys.executable, "main.py", "midi", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_list_says_in_one_line_that_there_is_no_midi_system(tmp_path):
    run = run_midi(tmp_path, "list")
    assert run.returncode == 0, run.stderr
    lines = (run.stdout + run.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("no MIDI system found (") and lines[0].endswith("the game plays with the keyboard")


def test_list_json_reports_no_ports(tmp_path):
    run = run_midi(tmp_path, "list", "--json")
    assert run.returncode == 0
    report = json.loads(run.stdout)
    assert report["api"] is None and report["ports"] == [] and report["error"].startswith("no MIDI system")


def test_monitor_without_midi_exits_at_once(tmp_path):
    run = run_midi(tmp_path, "monitor", "--seconds", "5")
    assert run.returncode == 0
    assert run.stdout == ""
    assert run.stderr.strip() == "No MIDI system found: playing with the keyboard"


def test_midi_needs_a_verb(tmp_path):
    run = run_midi(tmp_path)
    assert run.returncode == 2 and "list" in run.stderr


def test_json_records_name_the_pad_and_hide_filtered_notes_unless_asked():
    from game.app.midi_cmd import _json_record
    from game.chart.piece import KitPiece
    from game.input.midi_event import MidiEvent, MidiKind

    hit = MidiEvent(12.5, "kit", MidiKind.NOTE, 38, 90, KitPiece.SNARE)
    dropped = MidiEvent(12.6, "kit", MidiKind.NOTE, 38, 90, KitPiece.SNARE, "debounce")
    unmapped = MidiEvent(12.7, "kit", MidiKind.NOTE, 56, 90)
    control = MidiEvent(12.8, "kit", MidiKind.CONTROL, 4, 127)
    assert _json_record(hit, False) == {"t": 12.5, "note": 38, "velocity": 90, "pad": "snare", "port": "kit"}
    assert _json_record(control, False) == {"t": 12.8, "cc": 4, "value": 127, "port": "kit"}
    assert _json_record(dropped, False) is None and _json_record(unmapped, False) is None
    assert _json_record(dropped, True)["dropped"] == "debounce"
    assert _json_record(unmapped, True)["pad"] is None
