"""The engine's inputs: what a player did, and when on the song timeline.

Inputs are values, stamped when they arrived and already mapped to song time by the clock (with
the device's input latency removed). They are exactly what a replay stores.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.chart.piece import KitPiece


@dataclass(frozen=True, slots=True)
class HitInput:
    song_time: float
    piece: KitPiece
    velocity: int = 100  # MIDI velocity 1..127; keyboards send a fixed value
    player: int = 0


@dataclass(frozen=True, slots=True)
class FeverInput:
    """The dedicated "activate fever" action (for layouts and players without activation fills)."""

    song_time: float
    player: int = 0


EngineInput = HitInput | FeverInput
