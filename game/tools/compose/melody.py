"""Toplines and riffs: motifs that repeat, answer themselves and land on chord tones.

A phrase is generated once as scale steps (its shape) and then fitted to the chords under it:
notes on strong beats snap to the nearest chord tone, the rest move by scale steps. Fitting the
same shape to the next chords gives the sequence a listener recognises as "the hook again";
phrases at a section's end resolve to the chord's root.

Invariants: pitches stay within the layer's register; the same rng state gives the same notes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from game.tools.compose.harmony import Chord, Key
from game.tools.compose.notes import MNote, Step

ChordAt = Callable[[int], tuple[Chord, Key]]


def make_shape(count: int, rng: random.Random) -> list[int]:
    """Scale-step moves for `count` notes: an arch (up, then down), mostly steps, a few leaps."""
    moves: list[int] = []
    for index in range(count):
        rising = index < count * 0.55
        choice = rng.choice((1, 1, 2, 0, -1, 3) if rising else (-1, -1, -2, 0, 1, -3))
        moves.append(0 if index == 0 else choice)
    return moves


def fit(
    steps: Sequence[Step],
    shape: Sequence[int],
    chord_at: ChordAt,
    low: int,
    high: int,
    strong: Callable[[int], bool],
    resolve_last: bool,
    velocity: int,
) -> list[MNote]:
    """Turn a shape into pitches over the chords at each step."""
    notes: list[MNote] = []
    previous = (low + high) // 2
    for index, (step, move) in enumerate(zip(steps, shape, strict=False)):
        chord, key = chord_at(step.tick)
        scale = key.scale_pitches(low, high)
        target = _scale_move(scale, previous, move)
        last = index == len(steps) - 1
        if index == 0 or strong(step.tick) or (last and resolve_last):
            tones = chord.voicing(low, high)
            if last and resolve_last:
                tones = [p for p in tones if p % 12 == chord.root] or tones
            target = min(tones, key=lambda p: (abs(p - target), p))
        previous = target
        accent = 14 if step.accent else 0
        notes.append(MNote(step.tick, step.length, target, min(velocity + accent, 127)))
    return notes


def _scale_move(scale: list[int], pitch: int, move: int) -> int:
    nearest = min(range(len(scale)), key=lambda i: abs(scale[i] - pitch))
    index = max(0, min(len(scale) - 1, nearest + move))
    if index == nearest and move != 0:  # at the edge of the register: turn around
        index = max(0, min(len(scale) - 1, nearest - move))
    return scale[index]
