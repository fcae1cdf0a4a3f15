"""Stamping MIDI messages on perf_counter from rtmidi's delta times, immune to GIL stalls.

Why: the Python callback needs the GIL, so a busy main thread can delay it by milliseconds, and a
perf_counter() read in the callback carries that delay. rtmidi also hands the callback the time
since the previous message (`delta_s`), measured by the driver or rtmidi's own thread without the
GIL (timing-and-audio.md 3.2). Summing the deltas gives a device clock `d`; delivery delays are
one-sided, so `offset = min(received - d)` is the least-delayed delivery seen, and `d + offset`
is the message's time on perf_counter.

Invariants:
- A stamp is never later than the callback's own perf_counter() (`received`): the estimate only
  ever removes delay.
- The minimum is taken over the last `WINDOW_S` of device time (a monotonic deque, O(1) per
  message), so clock drift and a delta lost inside rtmidi heal by themselves within the window.
  Kits that send active sensing (every 250 ms on Roland modules) keep the window full between
  hits; after a silence the first hit is stamped as the callback saw it.
- If a message seems delayed by more than `RESYNC_LAG_S`, the device clock is assumed broken
  (server restart, lost messages) and the window restarts from this message.

rtmidi must not filter any message type (`ignore_types(False, False, False)`): with JACK, a message
rtmidi drops takes its delta with it, and the sum would fall behind (a Roland module's active
sensing every 250 ms would swallow most of the elapsed time). The callback ignores them instead.
"""

from __future__ import annotations

from collections import deque

WINDOW_S = 10.0
RESYNC_LAG_S = 0.1


class DeltaStamper:
    def __init__(self) -> None:
        self._device_s = 0.0
        self._window: deque[tuple[float, float]] = deque()  # (device time, received - device), rising

    def stamp(self, received: float, delta_s: float) -> float:
        """perf_counter time of a message that reached the callback at `received`."""
        self._device_s += max(delta_s, 0.0)
        observed = received - self._device_s
        window = self._window
        if window and observed - window[0][1] > RESYNC_LAG_S:
            window.clear()
        while window and window[-1][1] >= observed:
            window.pop()
        window.append((self._device_s, observed))
        while self._device_s - window[0][0] > WINDOW_S:
            window.popleft()
        return self._device_s + window[0][1]


class CallbackStamper:
    """The plain alternative: the callback's own perf_counter() (used when deltas are unusable)."""

    def stamp(self, received: float, delta_s: float) -> float:
        return received
