"""Helpers for .chart tests: writing small charts as text, and JSON summaries for golden files."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from game.chart.model import Chart, Note

FIXTURES = Path(__file__).parent / "fixtures" / "dotchart"


def chart_text(
    sections: Mapping[str, Iterable[str]],
    resolution: int | None = 192,
    newline: str = "\n",
    indent: str = "  ",
) -> str:
    """A .chart file: `[Song]` with `resolution` (unless None or given in `sections`), then `sections`."""
    blocks: dict[str, list[str]] = {}
    if resolution is not None:
        blocks["Song"] = [f"Resolution = {resolution}"]
    blocks.setdefault("SyncTrack", ["0 = B 120000"])
    for name, lines in sections.items():
        blocks[name] = list(lines)
    out: list[str] = []
    for name, lines in blocks.items():
        out += [f"[{name}]", "{", *(indent + line for line in lines), "}"]
    return newline.join(out) + newline


def note_row(note: Note) -> list[Any]:
    """[time_s rounded to 6 dp, piece, dynamic, flags]: one note of a golden summary."""
    flags = sorted(flag.name.lower() for flag in type(note.flags) if flag.value and flag in note.flags)
    return [round(note.time_s, 6), note.piece.value, note.dynamic.value, flags]


def summarise(chart: Chart) -> dict[str, Any]:
    """Everything a golden file pins down, as plain JSON values."""
    tempo_map = chart.tempo_map
    return {
        "format": chart.format.value,
        "drum_type": chart.drum_type.value,
        "resolution": tempo_map.resolution,
        "offset_s": chart.offset_s,
        "metadata": dict(chart.metadata),
        "tempos": [[t.tick, t.bpm] for t in tempo_map.tempos],
        "time_signatures": [[s.tick, s.numerator, s.denominator] for s in tempo_map.time_signatures],
        "sections": [[s.tick, round(s.time_s, 6), s.name] for s in chart.sections],
        "tracks": {
            difficulty.value: {
                "notes": [note_row(note) for note in track.notes],
                "phrases": [
                    [p.kind.value, p.start_tick, p.end_tick, round(p.start_s, 6), round(p.end_s, 6)]
                    for p in track.phrases
                ],
            }
            for difficulty, track in chart.tracks.items()
        },
        "warnings": list(chart.warnings),
    }


def anchors(text: str) -> list[tuple[int, int]]:
    """The `tick = A microseconds` tempo anchors of a chart's text."""
    found = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[1] == "=" and parts[2] == "A":
            found.append((int(parts[0]), int(parts[3])))
    return found
