"""Bass lines: chord tones on a rhythm, or locked to the kick drum."""

from __future__ import annotations

import random
from collections.abc import Sequence

from game.chart.piece import KitPiece
from game.tools.compose.band import BassPart
from game.tools.compose.chords import ChordMap
from game.tools.compose.notes import MNote
from game.tools.compose.pattern import Hit
from game.tools.compose.spec import Kind, SessionSpec
from game.tools.compose.timeline import Bar, Timeline


def bass_notes(
    bass: BassPart, spec: SessionSpec, timeline: Timeline, chords: ChordMap, hits: Sequence[Hit], rng: random.Random
) -> list[MNote]:
    kicks = sorted({hit.tick for hit in hits if hit.piece is KitPiece.KICK})
    notes: list[MNote] = []
    last = timeline.bars[-1]
    for bar in timeline.bars:
        plan = spec.sections[bar.section]
        patterns = bass.patterns.get(plan.kind) or bass.patterns.get(Kind.VERSE, ())
        if not patterns:
            continue
        pattern = patterns[bar.bar_in_section % len(patterns)]
        velocity = int(bass.instrument.velocity * (0.85 + 0.15 * plan.energy))
        if bar is last or bar.meter != spec.meter:
            notes.append(MNote(bar.start, bar.ticks, _pitch(bass, chords, bar.start, "R"), velocity))
        elif pattern == "k":
            notes.extend(_on_kicks(bass, bar, chords, kicks, velocity))
        elif pattern != ".":
            notes.extend(_from_pattern(bass, bar, chords, pattern, velocity, rng))
    return notes


def _pitch(bass: BassPart, chords: ChordMap, tick: int, symbol: str) -> int:
    chord, _ = chords.at(tick)
    root = bass.low + (chord.root - bass.low) % 12
    third = chord.intervals[1] if len(chord.intervals) > 1 else 4
    return root + {"R": 0, "O": 12, "5": 7, "3": third, "7": 10}[symbol]


def _on_kicks(bass: BassPart, bar: Bar, chords: ChordMap, kicks: list[int], velocity: int) -> list[MNote]:
    inside = [tick for tick in kicks if bar.start <= tick < bar.end]
    notes = []
    for index, tick in enumerate(inside):
        following = inside[index + 1] if index + 1 < len(inside) else bar.end
        length = min(following - tick, 2 * bar.beat_ticks) - 8
        notes.append(MNote(tick, max(length, 24), _pitch(bass, chords, tick, "R"), velocity))
    return notes


def _from_pattern(
    bass: BassPart, bar: Bar, chords: ChordMap, pattern: str, velocity: int, rng: random.Random
) -> list[MNote]:
    cells = "".join(ch for ch in pattern if ch not in " |")
    step = bar.ticks // len(cells)
    notes: list[MNote] = []
    for index, cell in enumerate(cells):
        tick = bar.start + index * step
        if cell == "-" and notes:
            last = notes[-1]
            notes[-1] = MNote(last.tick, last.length + step, last.pitch, last.velocity)
        elif cell in "RO537":
            humanised = max(1, min(127, velocity + rng.randint(-6, 6)))
            notes.append(MNote(tick, int(step * 0.85), _pitch(bass, chords, tick, cell), humanised))
    return notes
