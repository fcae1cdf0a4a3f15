"""`simulate`: run the engine with no window on autoplay or a replay, and report the result; with
two players, both play perfectly (autoplay) on the couch engine of the mode."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from game.chart.model import Difficulty, Song
from game.engine.autoplay import autoplay_inputs
from game.engine.couch import CouchMode, couch_engine, couch_report, player_notes, simulate_couch
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.replay import Replay, replay_of
from game.engine.simulate import simulate
from game.engine.split import SplitStrategy
from game.persistence.replay_file import load_replay, save_replay

log = logging.getLogger(__name__)


def chart_fingerprint(song: Song, difficulty: Difficulty) -> str:
    digest = hashlib.sha256(song.chart_path.read_bytes()).hexdigest()[:16]
    return f"{digest}:{difficulty.value}"


def run_simulation(
    song: Song, params: EngineParams, replay_path: Path | None, save_path: Path | None
) -> tuple[dict[str, Any], Replay]:
    """The result JSON and the replay of the run (the loaded one, or autoplay's)."""
    if replay_path is not None:
        replay = load_replay(replay_path)
        expected = chart_fingerprint(song, replay.params.difficulty)
        if replay.chart_fingerprint and replay.chart_fingerprint != expected:
            log.warning("replay was recorded on a different version of this chart; results may differ")
    else:
        notes = PlayerEngine(song.chart, params).notes
        replay = replay_of(params, autoplay_inputs(notes), chart_fingerprint(song, params.difficulty), song.info.title)
    result = simulate(song.chart, replay.params, replay.inputs)
    if save_path is not None:
        save_replay(save_path, replay)
    report = result.to_json()
    report["difficulty"] = replay.params.difficulty.value
    report["layout"] = replay.params.lane_layout(song.chart).name
    return report, replay


def format_result(report: dict[str, Any]) -> str:
    counts = report["judgements"]
    errors = report["hit_errors_ms"]
    spread = "-" if errors["mean"] is None else f"{errors['mean']:+.1f} ms mean, {errors['stdev']:.1f} ms spread"
    full_combo = " FULL COMBO" if report["full_combo"] else ""
    return "\n".join(
        [
            f"{report['difficulty']} on {report['layout']}: score {report['score']}, "
            f"accuracy {report['accuracy']:.2f}% ({report['grade']}), max combo {report['max_combo']}{full_combo}",
            "  " + ", ".join(f"{name} {count}" for name, count in counts.items()),
            f"  hit error: {spread}; early {report['early']}, late {report['late']}",
        ]
    )


def run_couch_simulation(
    song: Song, mode: CouchMode, params: tuple[EngineParams, EngineParams], split: SplitStrategy
) -> dict[str, Any]:
    """Both players on autoplay, each over their own notes; the couch report."""
    chart = song.chart
    probe = couch_engine(chart, mode, params, split)
    inputs = [hit for player in (0, 1) for hit in autoplay_inputs(player_notes(probe, player), player)]
    inputs.sort(key=lambda hit: hit.song_time)
    return couch_report(simulate_couch(chart, mode, params, split, inputs), chart)


def format_couch(report: dict[str, Any]) -> str:
    team = report["team"]
    lines = []
    for player in report["players"]:
        lines.append(f"Player {player['player']}: " + format_result(player))
    if team["mode"] == "duet":
        lines.append(f"Team ({team['split']} split): score {team['score']}, sync {team['sync']:.1f}%")
    else:
        winner = team["winner"]
        lines.append("Versus: " + ("a draw" if winner is None else f"player {winner} wins") + f", {team['normalised']}")
    return "\n".join(lines)
