"""The backing arrangement: bass, chords, arpeggios, topline and riffs, as pitched notes per part.

Each layer of the style's band plays in the section kinds it lists, from a minimum energy up;
the same section kind always gets the same hook (choruses repeat, as pop choruses do). The last
bar of the song is one held tonic chord.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from game.tools.compose.band import BandStyle, Instrument, Layer, Role
from game.tools.compose.bassline import bass_notes
from game.tools.compose.chords import ChordMap, voice
from game.tools.compose.drumstyle import CHORUS_LIKE
from game.tools.compose.melody import fit, make_shape
from game.tools.compose.notes import MNote, Step, rhythm_steps
from game.tools.compose.pattern import Hit
from game.tools.compose.spec import Kind, SessionSpec
from game.tools.compose.timeline import Bar, Timeline


@dataclass(frozen=True, slots=True)
class Part:
    name: str
    instrument: Instrument
    notes: tuple[MNote, ...]
    level_db: float
    reverb: float
    highpass_hz: float
    ducked: bool
    drive: float = 0.0
    lowpass_hz: float = 18_000.0


@dataclass(frozen=True, slots=True)
class Arrangement:
    parts: tuple[Part, ...]
    riser_ticks: tuple[int, ...]  # downbeats a noise swell leads into


def arrange(spec: SessionSpec, timeline: Timeline, band: BandStyle, hits: tuple[Hit, ...]) -> Arrangement:
    chords = ChordMap(spec, timeline, band)
    rng = random.Random(f"{spec.seed}:band")
    bass = band.bass
    parts = [
        Part(
            "bass",
            bass.instrument,
            tuple(bass_notes(bass, spec, timeline, chords, hits, rng)),
            bass.level_db,
            0.05,
            30.0,
            True,
            bass.drive,
        )
    ]
    for layer in band.layers:
        notes = _layer_notes(layer, spec, timeline, chords, band, random.Random(f"{spec.seed}:{layer.name}"))
        if notes:
            parts.append(
                Part(
                    layer.name,
                    layer.instrument,
                    tuple(notes),
                    layer.level_db,
                    layer.reverb,
                    layer.highpass_hz,
                    layer.ducked,
                    lowpass_hz=layer.lowpass_hz,
                )
            )
    return Arrangement(tuple(parts), _riser_ticks(spec, timeline) if band.risers else ())


def _plays(layer: Layer, spec: SessionSpec, bar: Bar) -> bool:
    plan = spec.sections[bar.section]
    return plan.kind in layer.kinds and plan.energy >= layer.min_energy


def _layer_notes(
    layer: Layer, spec: SessionSpec, timeline: Timeline, chords: ChordMap, band: BandStyle, rng: random.Random
) -> list[MNote]:
    last = timeline.bars[-1]
    notes: list[MNote] = []
    previous: list[int] | None = None
    for bar in timeline.bars:
        if bar is last:
            if layer.role in (Role.PAD, Role.COMP):
                chord, _ = chords.at(bar.start)
                notes += [
                    MNote(bar.start, bar.ticks, p, layer.instrument.velocity)
                    for p in voice(chord, layer.low, layer.high, previous)
                ]
            continue
        if not _plays(layer, spec, bar) or layer.role in (Role.LEAD, Role.RIFF):
            continue
        velocity = int(layer.instrument.velocity * (0.85 + 0.15 * spec.sections[bar.section].energy))
        for span in chords.within(bar.start, bar.end):
            previous = voice(span.chord, layer.low, layer.high, previous)
            if layer.role is Role.PAD:
                notes += [MNote(span.start, span.end - span.start, p, velocity) for p in previous]
        if layer.role in (Role.COMP, Role.ARP) and bar.meter == spec.meter:
            notes += _rhythmic(layer, bar, chords, velocity, rng)
    if layer.role is Role.LEAD:
        notes = _topline(layer, spec, timeline, chords, band, rng)
    elif layer.role is Role.RIFF:
        notes = _riff(layer, spec, timeline, chords, band, rng)
    return notes


def _rhythmic(layer: Layer, bar: Bar, chords: ChordMap, velocity: int, rng: random.Random) -> list[MNote]:
    pattern = layer.rhythm[bar.bar_in_section % len(layer.rhythm)]
    notes: list[MNote] = []
    previous: list[int] | None = None
    for index, step in enumerate(rhythm_steps(pattern, bar.start, bar.ticks, layer.gate)):
        chord, _ = chords.at(step.tick)
        if layer.power:
            root = layer.low + (chord.root - layer.low) % 12
            previous = [root, root + 7, root + 12]
        else:
            previous = voice(chord, layer.low, layer.high, previous, size=4 if layer.role is Role.COMP else 5)
        hit_velocity = min(127, velocity + (15 if step.accent else 0) + rng.randint(-5, 5))
        pitches = previous if layer.role is Role.COMP else [previous[index % len(previous)]]
        notes += [MNote(step.tick, step.length, p, max(hit_velocity, 1)) for p in pitches]
    return notes


def _topline(
    layer: Layer, spec: SessionSpec, timeline: Timeline, chords: ChordMap, band: BandStyle, rng: random.Random
) -> list[MNote]:
    """Two-bar phrases per section kind, generated once and fitted to the chords of each use."""
    shapes: dict[tuple[Kind, int], list[int]] = {}
    notes: list[MNote] = []
    for index, plan in enumerate(spec.sections):
        bars = timeline.bars_of(index)
        rhythms = band.melody_rhythms.get(plan.kind)
        if not rhythms or not _plays(layer, spec, bars[0]):
            continue
        for unit in range(0, len(bars) - 1, 2):
            pair = bars[unit : unit + 2]
            if any(bar.meter != spec.meter or bar is timeline.bars[-1] for bar in pair):
                continue
            steps: list[Step] = []
            for offset, bar in enumerate(pair):
                steps += rhythm_steps(rhythms[(unit + offset) % len(rhythms)], bar.start, bar.ticks)
            variant = (unit // 2) % 2
            key = (plan.kind, variant * 1000 + len(steps))
            if key not in shapes:
                shapes[key] = make_shape(len(steps), rng)
            closing = unit + 2 >= len(bars) - 1
            fitted = fit(
                steps,
                shapes[key],
                chords.at,
                layer.low,
                layer.high,
                lambda t, b=pair[0]: (t - b.start) % b.beat_ticks == 0,
                closing,
                layer.instrument.velocity,
            )
            notes += fitted
            if layer.octave_doubling and plan.kind in CHORUS_LIKE:
                notes += [MNote(n.tick, n.length, n.pitch - 12, max(n.velocity - 25, 1)) for n in fitted]
    return notes


def _riff(
    layer: Layer, spec: SessionSpec, timeline: Timeline, chords: ChordMap, band: BandStyle, rng: random.Random
) -> list[MNote]:
    """One short hook for the whole song, refitted to each bar's chord."""
    notes: list[MNote] = []
    shape: list[int] | None = None
    for bar in timeline.bars:
        if not _plays(layer, spec, bar) or bar.meter != spec.meter or bar is timeline.bars[-1]:
            continue
        steps = rhythm_steps(band.riff_rhythms[bar.bar_in_section % len(band.riff_rhythms)], bar.start, bar.ticks, 0.8)
        if shape is None or len(shape) != len(steps):
            shape = make_shape(len(steps), rng)
        notes += fit(
            steps,
            shape,
            chords.at,
            layer.low,
            layer.high,
            lambda t, b=bar: (t - b.start) % b.beat_ticks == 0,
            False,
            layer.instrument.velocity,
        )
    return notes


def _riser_ticks(spec: SessionSpec, timeline: Timeline) -> tuple[int, ...]:
    ticks = []
    for index, plan in enumerate(spec.sections[1:], start=1):
        if plan.kind in CHORUS_LIKE and spec.sections[index - 1].kind not in CHORUS_LIKE:
            ticks.append(timeline.section_start(index))
    return tuple(ticks)
