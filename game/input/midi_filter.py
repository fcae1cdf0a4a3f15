"""Trigger filters for one kit: minimum velocity per piece, debounce, cross-talk.

They run on the MIDI callback thread, after stamping, on the stamped times, and never delay a hit:
each hit is let through or dropped the moment it arrives. So the cross-talk filter drops a soft hit
that arrives *after* a much louder hit on another pad; a cross-talk trigger arriving before the
loud hit cannot be recalled without holding every hit back for the window, and timing comes first.

Invariants:
- Debounce compares with the last *accepted* hit of the same pad, so a buzz of retriggers is one
  hit, while a roll slower than the window passes whole.
- Open and closed hi-hat are one pad (the pedal decides which): they debounce together and are
  never each other's cross-talk.
- A filter holds one kit's state and is used by one thread (its port's callback).
"""

from __future__ import annotations

from game.chart.piece import KitPiece
from game.input.midi_config import MidiConfig

DROP_VELOCITY = "velocity"
DROP_DEBOUNCE = "debounce"
DROP_CROSSTALK = "crosstalk"

_PAD_OF = {KitPiece.HIHAT_OPEN: KitPiece.HIHAT}


def pad_of(piece: KitPiece) -> KitPiece:
    """The physical pad a piece is played on (open hi-hat is the hi-hat)."""
    return _PAD_OF.get(piece, piece)


class HitFilter:
    def __init__(self) -> None:
        self._last: dict[KitPiece, tuple[float, int]] = {}  # pad -> (wall time, velocity) of its last accepted hit

    def admit(self, config: MidiConfig, piece: KitPiece, velocity: int, wall_time: float) -> str | None:
        """None to accept the hit (and remember it), else why it is dropped."""
        if velocity < config.min_velocity.get(piece, 1):
            return DROP_VELOCITY
        pad = pad_of(piece)
        last = self._last.get(pad)
        # Stamps can step back a little when the stamper finds a faster delivery: a negative gap
        # is within the window too.
        if last is not None and wall_time - last[0] < config.debounce_s:
            return DROP_DEBOUNCE
        if config.crosstalk_window_s > 0 and self._louder_nearby(config, pad, velocity, wall_time):
            return DROP_CROSSTALK
        self._last[pad] = (wall_time, velocity)
        return None

    def _louder_nearby(self, config: MidiConfig, pad: KitPiece, velocity: int, wall_time: float) -> bool:
        loud_enough, window_s = velocity * config.crosstalk_ratio, config.crosstalk_window_s
        return any(
            other is not pad and abs(wall_time - time) <= window_s and other_velocity >= loud_enough
            for other, (time, other_velocity) in self._last.items()
        )
