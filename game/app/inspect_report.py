"""`inspect`: what a chart contains, as a JSON-able dict and as text for a person.

Times are seconds on the chart timeline from tick 0, before any offset; `notes` and `pads` count
every playable gem except Expert+ double kicks, which `double_kicks` counts.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from game.chart.model import Difficulty, PhraseKind, Song, Track
from game.chart.piece import Dynamic, KitPiece


def inspect_song(song: Song) -> dict[str, Any]:
    chart = song.chart
    return {
        "title": song.info.title,
        "artist": song.info.artist,
        "format": chart.format.value,
        "drum_type": chart.drum_type.value,
        "offset_s": song.note_delay_s,
        "resolution": chart.tempo_map.resolution,
        "tempo_changes": len(chart.tempo_map.tempos) - 1,
        "time_signature_changes": len(chart.tempo_map.time_signatures) - 1,
        "sections": len(chart.sections),
        "difficulties": {
            difficulty.value: _difficulty(chart.tracks[difficulty])
            for difficulty in Difficulty
            if difficulty in chart.tracks
        },
        "stems": sorted(song.stems),
        "warnings": [*chart.warnings, *song.warnings],
    }


def _difficulty(track: Track) -> dict[str, Any]:
    notes = [note for note in track.notes if not note.is_double_kick]
    pads = Counter(note.piece for note in notes)
    return {
        "notes": len(notes),
        "first_note_s": round(notes[0].time_s, 6) if notes else None,
        "last_note_s": round(notes[-1].time_s, 6) if notes else None,
        "pads": {piece.value: pads[piece] for piece in KitPiece if pads[piece]},
        "double_kicks": sum(1 for note in track.notes if note.is_double_kick),
        "accents": sum(1 for note in notes if note.dynamic is Dynamic.ACCENT),
        "ghosts": sum(1 for note in notes if note.dynamic is Dynamic.GHOST),
        "star_power_phrases": len(track.phrases_of(PhraseKind.STAR_POWER)),
        "fills": len(track.phrases_of(PhraseKind.FILL)),
        "rolls": len(track.phrases_of(PhraseKind.ROLL)) + len(track.phrases_of(PhraseKind.DOUBLE_ROLL)),
        "solos": len(track.phrases_of(PhraseKind.SOLO)),
        "dynamics_charted": track.dynamics_charted,
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"{report['title'] or '(untitled)'} - {report['artist'] or '(unknown artist)'}",
        f"format {report['format']}, {report['drum_type']}, offset {report['offset_s']:+.3f} s, "
        f"{report['tempo_changes']} tempo changes, {report['time_signature_changes']} time-signature changes, "
        f"{report['sections']} sections",
    ]
    if report["stems"]:
        lines.append("stems: " + ", ".join(report["stems"]))
    for name, diff in report["difficulties"].items():
        span = "-" if diff["first_note_s"] is None else f"{diff['first_note_s']:.3f}-{diff['last_note_s']:.3f} s"
        pads = ", ".join(f"{piece} {count}" for piece, count in diff["pads"].items())
        lines.append(
            f"  {name:<7} {diff['notes']:>5} notes  {span}  accents {diff['accents']}, ghosts {diff['ghosts']}, "
            f"2x kicks {diff['double_kicks']}, fever {diff['star_power_phrases']}, fills {diff['fills']}"
        )
        lines.append(f"          {pads}")
    lines.extend(f"warning: {warning}" for warning in report["warnings"])
    return "\n".join(lines)
