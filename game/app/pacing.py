"""Deadline pacing for a ~1 kHz input loop that draws only when a frame is due.

Why not `pygame.time.Clock`: `tick()` truncates periods to whole milliseconds (240 Hz becomes
~244 Hz) and `tick_busy_loop()` spins holding the GIL, starving MIDI callback threads. Here the
frame deadline advances by exactly one period (no drift) and, when the loop fell behind, is set a
period after the late frame instead of bursting to catch up. Between frames the loop sleeps at
most `poll_s`, so input is drained about every millisecond. The time and sleep functions are
injected so tests need no real time.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class FramePacer:
    def __init__(
        self,
        frame_rate: float,
        poll_s: float = 0.001,
        now: Callable[[], float] = time.perf_counter,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.frame_period_s = 1.0 / frame_rate if frame_rate > 0 else 0.0  # 0 = unlimited
        self.poll_s = poll_s
        self._now = now
        self._sleep = sleep
        self._next_frame = now()

    def frame_due(self, wall_time: float) -> bool:
        return wall_time >= self._next_frame

    def frame_drawn(self, wall_time: float) -> None:
        self._next_frame += self.frame_period_s
        if self._next_frame <= wall_time:
            self._next_frame = wall_time + self.frame_period_s  # fell behind: resync, don't burst

    def wait(self, wall_time: float) -> None:
        """Sleep until the next poll or the next frame, whichever is sooner."""
        wake = min(wall_time + self.poll_s, self._next_frame)
        remaining = wake - self._now()
        if remaining > 0.0002:
            self._sleep(remaining - 0.0001)
