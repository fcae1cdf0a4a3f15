"""The miss-mute volume ramp: one small volume step per mixer block instead of a hard cut.

`Channel.set_volume()` lands on the next mixer block as a step; a cut from full to silent is an
audible click (reference 6.2: jumps of 3.7k-7.4k on an 8k-peak tone). Stepping through a few levels,
one per block, keeps every discontinuity a fraction of that. The main loop calls `tick()` about
every millisecond; a step is applied only when at least one block has passed since the last one,
so two steps never fall into the same block.

A mute that arrives mid-unmute (or the reverse) continues from the current level: the remaining
steps are those of the new direction beyond the current gain.

Pure logic: no pygame, and time arrives as an argument.
"""

from __future__ import annotations

MUTE_STEPS = (0.5, 0.15, 0.0)  # ~16 ms at 256 frames / 48 kHz
UNMUTE_STEPS = (0.3, 0.7, 1.0)


class VolumeRamp:
    """The gain of one stem (0..1), moving toward muted or unmuted one step per block."""

    def __init__(self, step_interval_s: float):
        self.step_interval_s = step_interval_s
        self.gain = 1.0
        self.muted = False
        self._pending: tuple[float, ...] = ()
        self._last_step_wall = float("-inf")

    def mute(self) -> None:
        if not self.muted:
            self.muted = True
            self._pending = tuple(step for step in MUTE_STEPS if step < self.gain)

    def unmute(self) -> None:
        if self.muted:
            self.muted = False
            self._pending = tuple(step for step in UNMUTE_STEPS if step > self.gain)

    def reset(self) -> None:
        """Back to full volume at once (a new song, or a restart)."""
        self.gain, self.muted, self._pending = 1.0, False, ()

    @property
    def ramping(self) -> bool:
        return bool(self._pending)

    def tick(self, wall_time: float) -> bool:
        """Apply the next step if one is due; True when the gain changed."""
        if not self._pending or wall_time - self._last_step_wall < self.step_interval_s:
            return False
        self.gain, self._pending = self._pending[0], self._pending[1:]
        self._last_step_wall = wall_time
        return True
