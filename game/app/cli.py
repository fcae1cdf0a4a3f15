"""Command line: `inspect`, `simulate` and `play --headless` work without a display; with no
command the game opens at the title screen.

With `--json`, `inspect` and `simulate` print exactly one JSON object and `play` prints it as its
last line; logs go to stderr. Exit codes: 0 ok, 2 bad input (one line on stderr saying which file
and what is wrong), 3 no window could be opened.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.app.couch_run import CouchRequest

from game.chart.error import ChartError
from game.chart.layout import LAYOUTS
from game.chart.model import Difficulty
from game.engine.couch import CouchMode
from game.engine.params import EngineParams
from game.engine.replay import ReplayError
from game.engine.split import SplitStrategy
from game.persistence.settings import MIDI_APIS

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_NO_DISPLAY = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Drumstick Diplomacy, a drum rhythm game.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more to stderr")
    commands = parser.add_subparsers(dest="command")

    inspect = commands.add_parser("inspect", help="show what a song folder or chart file contains")
    inspect.add_argument("path", type=Path, help="a song folder, notes.chart or notes.mid")
    inspect.add_argument("--json", action="store_true", help="print one JSON object")

    sim = _song_command(commands, "simulate", "run the engine with no window and print the result")
    sim.add_argument("--strict-hihat", action="store_true", help="open and closed hi-hat are not interchangeable")
    sim.add_argument("--expert-plus", action="store_true", help="play Expert+ double kicks")
    sim.add_argument("--timing-scale", type=float, default=1.0, help="multiply every hit window (0.1-5)")
    source = sim.add_mutually_exclusive_group(required=True)
    source.add_argument("--autoplay", action="store_true", help="play perfectly")
    source.add_argument("--replay", type=Path, metavar="FILE", help="re-run a saved replay")
    sim.add_argument("--save-replay", type=Path, metavar="FILE", help="save the run as a replay file")
    sim.add_argument("--json", action="store_true", help="print one JSON object")
    _add_couch_options(sim)

    play = _song_command(commands, "play", "play one song (with a window, or --headless)")
    play.add_argument("--autoplay", action="store_true", help="let the perfect drummer play")
    play.add_argument("--headless", action="store_true", help="no window, no sound card: SDL dummy drivers")
    play.add_argument("--screenshot", type=Path, metavar="FILE", help="save a PNG of the screen ...")
    play.add_argument("--at", type=float, default=10.0, metavar="SECONDS", help="... at this song time")
    play.add_argument("--json", action="store_true", help="last line of stdout: the result as JSON")
    _add_couch_options(play)
    _add_midi_parser(commands)
    return parser


def _song_command(commands: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    """A command on one song: its path, the difficulty and the lane layout."""
    command = commands.add_parser(name, help=help_text)
    command.add_argument("path", type=Path, help="a song folder, notes.chart or notes.mid")
    command.add_argument("--difficulty", choices=[d.value for d in Difficulty], default=Difficulty.EXPERT.value)
    command.add_argument("--layout", choices=sorted(LAYOUTS), default="", help="lane layout (default: the chart's)")
    return command


def _add_couch_options(command: argparse.ArgumentParser) -> None:
    couch = command.add_argument_group("two players")
    couch.add_argument("--players", type=int, choices=(1, 2), default=1, help="1 (default) or 2 on one couch")
    couch.add_argument("--mode", choices=[m.value for m in CouchMode], default=CouchMode.DUET.value)
    couch.add_argument("--split", choices=[s.value for s in SplitStrategy], default=SplitStrategy.PIECES.value)
    couch.add_argument("--p2-difficulty", choices=[d.value for d in Difficulty], help="versus: player 2's")
    couch.add_argument("--p2-layout", choices=sorted(LAYOUTS), help="versus: player 2's lane layout")


def _couch_request(args: argparse.Namespace) -> CouchRequest:
    from game.app.couch_run import CouchRequest

    return CouchRequest(
        CouchMode(args.mode),
        SplitStrategy(args.split),
        (Difficulty(args.difficulty), Difficulty(args.p2_difficulty or args.difficulty)),
        (args.layout, args.layout if args.p2_layout is None else args.p2_layout),
    )


def _add_midi_parser(commands: argparse._SubParsersAction) -> None:
    midi = commands.add_parser("midi", help="list MIDI input ports, or watch what a kit sends")
    verbs = midi.add_subparsers(dest="midi_command", required=True)
    apis = [api for api in MIDI_APIS if api]
    listing = verbs.add_parser("list", help="print the MIDI input ports")
    listing.add_argument("--api", choices=apis, help="MIDI system (default: the settings' choice, else the first)")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    monitor = verbs.add_parser("monitor", help="print each hit as it arrives, mapped by the settings")
    monitor.add_argument("--port", metavar="NAME", help="one port, as `midi list` prints it (default: the settings')")
    monitor.add_argument("--api", choices=apis, help="MIDI system (default: the settings' choice, else the first)")
    monitor.add_argument("--seconds", type=float, metavar="N", help="stop after N seconds (default: Ctrl+C)")
    monitor.add_argument("--json", action="store_true", help="one JSON object per line")
    monitor.add_argument("--all", action="store_true", help="with --json: unmapped and filtered notes too")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(levelname)s: %(message)s",
    )
    try:
        if args.command == "inspect":
            return _inspect(args)
        if args.command == "simulate":
            return _simulate(args)
        if args.command == "play":
            return _play(args)
        if args.command == "midi":
            return _midi(args)
        from game.app.run import run_game

        return run_game()
    except (ChartError, ReplayError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except RuntimeError as error:  # no window, no display: nothing the player's files can fix
        print(f"error: {error}", file=sys.stderr)
        return EXIT_NO_DISPLAY


def _inspect(args: argparse.Namespace) -> int:
    from game.app.inspect_report import format_report, inspect_song
    from game.chart.folder import load_song

    report = inspect_song(load_song(args.path))
    print(json.dumps(report) if args.json else format_report(report))
    return EXIT_OK


def _simulate(args: argparse.Namespace) -> int:
    from game.app.simulate_cmd import format_result, run_simulation
    from game.chart.folder import load_song

    song = load_song(args.path)
    params = EngineParams(
        difficulty=Difficulty(args.difficulty),
        layout=args.layout,
        timing_scale=args.timing_scale,
        strict_hihat=args.strict_hihat,
        expert_plus=args.expert_plus,
    )
    if args.players == 2:
        if args.replay is not None or args.save_replay is not None:
            raise ValueError("replays are single-player: use --autoplay with --players 2")
        from game.app.simulate_cmd import format_couch, run_couch_simulation

        request = _couch_request(args)
        report = run_couch_simulation(song, request.mode, _pair(params, request), request.split)
        print(json.dumps(report) if args.json else format_couch(report))
        return EXIT_OK
    report, _ = run_simulation(song, params, args.replay, args.save_replay)
    print(json.dumps(report) if args.json else format_result(report))
    return EXIT_OK


def _pair(params: EngineParams, request: CouchRequest) -> tuple[EngineParams, EngineParams]:
    from dataclasses import replace

    second = replace(params, difficulty=request.difficulties[1], layout=request.layouts[1])
    return params, second


def _play(args: argparse.Namespace) -> int:
    from game.app.run import Screenshot, run_play
    from game.app.simulate_cmd import format_result

    shot = Screenshot(args.screenshot, args.at) if args.screenshot else None
    if args.players == 2:
        return _play_couch(args, shot)
    outcome, timing = run_play(args.path, Difficulty(args.difficulty), args.layout, args.autoplay, args.headless, shot)
    if outcome is None:
        print("play ended before the song did", file=sys.stderr)
        return EXIT_OK
    report = outcome.result.to_json()
    report.update(
        difficulty=outcome.params.difficulty.value, layout=outcome.params.lane_layout(outcome.song.chart).name
    )
    report["timing"] = timing
    print(json.dumps(report) if args.json else format_result(report))
    return EXIT_OK


def _play_couch(args: argparse.Namespace, shot: Any) -> int:
    from game.app.couch_run import run_couch_play
    from game.app.simulate_cmd import format_couch

    outcome, timing = run_couch_play(args.path, _couch_request(args), args.autoplay, args.headless, shot)
    if outcome is None:
        print("play ended before the song did", file=sys.stderr)
        return EXIT_OK
    report = dict(outcome.report, timing=timing)
    print(json.dumps(report) if args.json else format_couch(report))
    return EXIT_OK


def _midi(args: argparse.Namespace) -> int:
    from game.app.boot import game_paths
    from game.app.midi_cmd import run_list, run_monitor
    from game.persistence.settings import load_settings

    settings, notice = load_settings(game_paths().settings_file)
    if notice:
        print(notice, file=sys.stderr)
    api = args.api or settings.midi.api or None
    if args.midi_command == "list":
        return run_list(api, args.json)
    return run_monitor(settings.midi, args.port, api, args.seconds, args.json, args.all)
