"""Parse-speed benchmark: our chart parsers next to the cheapest thing that reads the same file.

    python benchmarks/parse_speed.py [--repeat 15] [--profile chart|mid]

Floors: for `.mid`, `mido.MidiFile(path, clip=True)` (a full SMF decode in pure Python); for
`.chart`, reading the file and splitting it into lines. Each figure is the median of `--repeat`
timed runs after two warm-up runs, with the garbage collector paused during each run (as `timeit`
does); a case and its floor are timed in turns, so that both meet the same load on a shared machine.
Goals: `.mid` <= 1.5x its floor, `.chart` <= 2.5x. A `.chart` parse builds the tracks' notes on
first access to any track, so one more row (for information) shows the cost of a parse that wants
them.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import platform
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import mido

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from game.chart.dotchart import parse_chart  # noqa: E402 - after the path set-up above
from game.chart.midi import parse_mid, read_mid  # noqa: E402
from game.chart.model import Chart, Note  # noqa: E402
from game.chart.smf import read_midi  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
ETUDE_MID = FIXTURES / "oracle_checked" / "etude_pro_mid" / "notes.mid"
ETUDE_CHART = FIXTURES / "oracle_checked" / "etude_pro_chart" / "notes.chart"
FOF_MIDS = sorted((FIXTURES / "community").glob("fof-*/notes.mid"))
MID_GOAL = 1.5
CHART_GOAL = 2.5


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    ours: Callable[[], object]
    floor: Callable[[], object]
    goal: float | None  # None: shown for information, no goal


def median_seconds(runs: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """The median time of each of `runs`, timed in turns (first, second, first, ...) so that all of
    them meet the same load on a shared machine."""
    for run in runs:
        for _ in range(2):
            run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, taken in zip(runs, times, strict=True):
            gc.collect()
            gc.disable()
            try:
                start = time.perf_counter()
                run()
                taken.append(time.perf_counter() - start)
            finally:
                gc.enable()
    return [statistics.median(taken) for taken in times]


def _all_tracks(index: int, name: str | None) -> bool:
    return True


def _all_notes(chart: Chart) -> list[tuple[Note, ...]]:
    """Every track's notes: a .chart parse leaves them to be built on first access (see
    `game.chart.model.LazyTracks`), which is what a song list or a game pays on top of the parse."""
    return [track.notes for track in chart.tracks.values()]


def rows() -> list[Row]:
    mid_bytes, chart_bytes = ETUDE_MID.read_bytes(), ETUDE_CHART.read_bytes()

    def mido_floor(path: Path) -> Callable[[], object]:
        return lambda: mido.MidiFile(path, clip=True)

    def split_floor() -> object:
        return ETUDE_CHART.read_bytes().decode("utf-8-sig").splitlines()

    table = [
        Row("etude notes.mid  parse_mid(bytes)", lambda: parse_mid(mid_bytes), mido_floor(ETUDE_MID), MID_GOAL),
        Row("etude notes.mid  read_mid(path)", lambda: read_mid(ETUDE_MID), mido_floor(ETUDE_MID), MID_GOAL),
        Row("etude notes.chart parse_chart(read_bytes)", lambda: parse_chart(ETUDE_CHART.read_bytes()), split_floor,
            CHART_GOAL),
        Row("etude notes.chart parse_chart(bytes)", lambda: parse_chart(chart_bytes), split_floor, None),
        Row("etude notes.chart parse + every track's notes", lambda: _all_notes(parse_chart(chart_bytes)),
            split_floor, None),
    ]  # fmt: skip
    for path in FOF_MIDS:
        label = f"{path.parent.name[:22]:<22} smf.read_midi(all tracks)"
        ours = lambda path=path: read_midi(path.read_bytes(), _all_tracks)  # noqa: E731
        table.append(Row(label, ours, mido_floor(path), MID_GOAL))
    return table


def report(repeat: int) -> None:
    print(f"python {platform.python_version()} ({platform.python_implementation()}), mido {_mido_version()}")
    print(f"median of {repeat} runs after 2 warm-ups, gc paused during each run, case and floor in turns")
    for path in (ETUDE_MID, ETUDE_CHART, *FOF_MIDS):
        print(f"  {path.relative_to(ROOT)}: {path.stat().st_size / 1024:.0f} KiB")
    print(f"{'case':<48} {'ours ms':>8} {'floor ms':>9} {'ratio':>6}  goal")
    for row in rows():
        ours, floor = median_seconds((row.ours, row.floor), repeat)
        ratio = ours / floor
        verdict = "(info)" if row.goal is None else f"<= {row.goal}x {'PASS' if ratio <= row.goal else 'FAIL'}"
        print(f"{row.label:<48} {ours * 1e3:>8.2f} {floor * 1e3:>9.2f} {ratio:>5.2f}x  {verdict}")
    print("floors: .mid = mido.MidiFile(path, clip=True); .chart = path.read_bytes().decode('utf-8-sig').splitlines()")


def _mido_version() -> str:
    from importlib.metadata import version

    return version("mido")


def profile(kind: str, repeat: int) -> None:
    """cProfile the chosen parser over `repeat` runs; print the top functions by own time."""
    if kind == "chart":
        data = ETUDE_CHART.read_bytes()

        def run() -> object:
            return parse_chart(data)
    else:
        data = ETUDE_MID.read_bytes()

        def run() -> object:
            return parse_mid(data)

    run()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        run()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(15)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="parse-speed benchmark (prints figures, asserts nothing)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per case (median reported)")
    parser.add_argument("--profile", choices=("chart", "mid"), help="cProfile one parser instead")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile, args.repeat)
    else:
        report(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
