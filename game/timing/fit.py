"""A rolling least-squares line through (wall time, audio position) samples.

Running sums make each sample O(1): the main loop adds one sample per pass at ~1 kHz. Times are
taken relative to a reference near the newest sample, so squares stay small enough for doubles;
the sums are rebuilt from the window now and then to shed accumulated rounding.
"""

from __future__ import annotations

from collections import deque

REBUILD_EVERY = 4096


class RollingFit:
    def __init__(self, window_s: float = 1.0):
        self.window_s = window_s
        self._samples: deque[tuple[float, float]] = deque()
        self._ref = 0.0
        self._n = 0
        self._st = self._sy = self._stt = self._sty = 0.0
        self._since_rebuild = 0

    def __len__(self) -> int:
        return len(self._samples)

    @property
    def latest(self) -> tuple[float, float] | None:
        return self._samples[-1] if self._samples else None

    def clear(self) -> None:
        self._samples.clear()
        self._rebuild(0.0)

    def add(self, t: float, y: float) -> None:
        if not self._samples:
            self._rebuild(t)
        self._samples.append((t, y))
        self._accumulate(t, y, +1)
        while self._samples and self._samples[0][0] < t - self.window_s:
            old_t, old_y = self._samples.popleft()
            self._accumulate(old_t, old_y, -1)
        self._since_rebuild += 1
        if self._since_rebuild >= REBUILD_EVERY:
            self._rebuild(t)

    def line(self) -> tuple[float, float, float] | None:
        """(slope, mean_t, mean_y): y ~ mean_y + slope * (t - mean_t); None if degenerate.

        The line is given through the samples' centroid so that a caller clamping the slope pivots
        it there, where the samples are, not at some far-away reference time."""
        n = self._n
        if n < 2:
            return None
        denominator = n * self._stt - self._st * self._st
        if denominator <= 1e-12 * max(1.0, n * self._stt):
            return None
        slope = (n * self._sty - self._st * self._sy) / denominator
        return slope, self._ref + self._st / n, self._sy / n

    def _accumulate(self, t: float, y: float, sign: int) -> None:
        x = t - self._ref
        self._n += sign
        self._st += sign * x
        self._sy += sign * y
        self._stt += sign * x * x
        self._sty += sign * x * y

    def _rebuild(self, ref: float) -> None:
        self._ref = ref
        self._n = 0
        self._st = self._sy = self._stt = self._sty = 0.0
        self._since_rebuild = 0
        for t, y in self._samples:
            self._accumulate(t, y, +1)
