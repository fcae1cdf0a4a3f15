"""The command line as a player or charter meets it: JSON shapes, exit codes, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PRO_SONG = FIXTURES / "oracle_checked" / "etude_pro_chart"
INSPECT_KEYS = {
    "title",
    "artist",
    "format",
    "drum_type",
    "offset_s",
    "tempo_changes",
    "time_signature_changes",
    "difficulties",
    "warnings",
}
DIFFICULTY_KEYS = {
    "notes",
    "first_note_s",
    "last_note_s",
    "pads",
    "double_kicks",
    "accents",
    "ghosts",
    "star_power_phrases",
    "fills",
}


def main_py(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120)


def test_inspect_json_is_one_object_with_the_fixed_keys():
    run = main_py("inspect", str(PRO_SONG), "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)  # exactly one JSON document on stdout
    assert report.keys() >= INSPECT_KEYS
    assert report["format"] == "chart" and report["drum_type"] == "four_lane_pro"
    assert set(report["difficulties"]) == {"easy", "medium", "hard", "expert"}
    for difficulty in report["difficulties"].values():
        assert difficulty.keys() >= DIFFICULTY_KEYS
        assert sum(difficulty["pads"].values()) == difficulty["notes"]


def test_simulate_autoplay_json_and_a_saved_replay_reproduces_it(tmp_path):
    replay = tmp_path / "run.replay.json"
    first = main_py("simulate", str(PRO_SONG), "--autoplay", "--json", "--save-replay", str(replay))
    assert first.returncode == 0, first.stderr
    result = json.loads(first.stdout)
    assert {"score", "accuracy", "max_combo", "full_combo", "judgements", "hit_errors_ms"} <= result.keys()
    assert set(result["judgements"]) == {"perfect", "great", "good", "miss", "overhit"}
    assert {"mean", "stdev"} <= result["hit_errors_ms"].keys()
    assert result["accuracy"] == 100.0 and result["full_combo"]
    again = main_py("simulate", str(PRO_SONG), "--replay", str(replay), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout) == result


@pytest.mark.parametrize(
    ("content", "name", "says"),
    [
        (b"\x00\x01\x02garbage", "notes.chart", "notes.chart"),
        (b"MThd\x00\x00\x00\x06\x00\x01", "notes.mid", "notes.mid"),
        (b"[Song]\n{\n  Resolution = 192\n}\n[SyncTrack]\n{\n  0 = B 0\n}\n", "notes.chart", "line"),
    ],
)
def test_bad_charts_exit_2_with_one_line_naming_the_file(tmp_path, content, name, says):
    (tmp_path / name).write_bytes(content)
    for command in (["inspect", str(tmp_path)], ["simulate", str(tmp_path), "--autoplay"]):
        run = main_py(*command)
        assert run.returncode == 2
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0], run.stderr
        assert "Traceback" not in run.stderr and run.stdout == ""


def test_missing_paths_and_bad_replays_exit_2(tmp_path):
    assert main_py("inspect", str(tmp_path / "nowhere")).returncode == 2
    (tmp_path / "bad.json").write_text("{}")
    run = main_py("simulate", str(PRO_SONG), "--replay", str(tmp_path / "bad.json"))
    assert run.returncode == 2 and "bad.json" in run.stderr and "Traceback" not in run.stderr
