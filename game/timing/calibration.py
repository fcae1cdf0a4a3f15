"""Calibration arithmetic: latencies from taps along to a click or a flash, and from a song's hit errors.

Pure maths. Times arrive as arguments in seconds (taps and clicks on one shared timeline, e.g.
perf_counter); nothing here reads a clock. Errors are signed `tap - click`: positive = late.

Tap test (timing-and-audio.md 2.3, after YARG's calibrator): each tap is matched to its nearest
click, and is dropped as an outlier when
- it is more than half a beat from every click (a stray tap before the first or after the last), or
- its interval to the previous tap differs from the beat period by more than 50 ms (a double tap, a
  stumble, a skipped beat; the tap after a skipped beat is lost too, a fair price for simplicity).
  The first tap has no previous tap and is judged by its interval to the next one instead.
At least 9 taps must survive. The offset is their median error, which shrugs off the few stray taps
the interval rule lets through; the spread is their median absolute deviation (MAD). Steady tappers
anticipate the beat rather than react to it, so the median measures latency, not reaction time.

What a result means:
- click heard, tap on a device: audio latency + that device's input latency. The reference device's
  input latency is defined as 0, so its result *is* the audio latency; another device's input
  latency is its own result minus the audio latency.
- silent flash, tap on a device: video latency + input latency; `video_offset_from_flash` subtracts
  the known input latency. (The other method, sliding a flash until it lines up with the click, reads
  the video latency straight off the slider and needs no maths here.)
- after a song: the median hit error is what the offsets missed; add it to the audio offset.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

MIN_TAPS = 9
INTERVAL_TOLERANCE_S = 0.050
MIN_HITS_FOR_OFFSET = 20


@dataclass(frozen=True, slots=True)
class TapResult:
    ok: bool
    offset_s: float | None  # median signed error (tap - click); None unless ok
    spread_s: float | None  # median absolute deviation of the used errors; None unless ok
    used: int
    rejected: int
    reason: str = ""  # why not ok, for the player

    @property
    def offset_ms(self) -> float | None:
        return None if self.offset_s is None else self.offset_s * 1000.0


def tap_offset(tap_times: Sequence[float], click_times: Sequence[float], beat_s: float) -> TapResult:
    """Latency from taps along to clicks one beat apart (see the module docstring for the method)."""
    if not (math.isfinite(beat_s) and beat_s > 0):
        raise ValueError(f"beat period must be a positive number of seconds, got {beat_s}")
    taps = sorted(t for t in tap_times if math.isfinite(t))
    errors = _steady_errors(taps, sorted(click_times), beat_s)
    used, rejected = len(errors), len(tap_times) - len(errors)
    if used < MIN_TAPS:
        reason = f"only {used} steady taps; at least {MIN_TAPS} are needed"
        return TapResult(False, None, None, used, rejected, reason)
    centre = statistics.median(errors)
    spread = statistics.median(abs(error - centre) for error in errors)
    return TapResult(True, centre, spread, used, rejected)


def _steady_errors(taps: list[float], clicks: list[float], beat_s: float) -> list[float]:
    if not clicks:
        return []
    errors = []
    for i, tap in enumerate(taps):
        neighbour = taps[i - 1] if i > 0 else taps[1] if len(taps) > 1 else None
        if neighbour is None or abs(abs(tap - neighbour) - beat_s) > INTERVAL_TOLERANCE_S:
            continue
        error = tap - _nearest(clicks, tap)
        if abs(error) <= beat_s / 2:
            errors.append(error)
    return errors


def _nearest(sorted_times: list[float], t: float) -> float:
    i = bisect.bisect_left(sorted_times, t)
    return min(sorted_times[max(i - 1, 0) : i + 1], key=lambda mark: abs(t - mark))


def video_offset_from_flash(
    tap_times: Sequence[float], flash_times: Sequence[float], period_s: float, input_latency_s: float = 0.0
) -> TapResult:
    """Video latency from taps along to a silent flash: the tap test's median minus the tapping
    device's known input latency (0 for the reference device)."""
    result = tap_offset(tap_times, flash_times, period_s)
    if result.offset_s is None:
        return result
    return replace(result, offset_s=result.offset_s - input_latency_s)


def offset_from_hit_errors(errors_ms: Sequence[float], min_hits: int = MIN_HITS_FOR_OFFSET) -> float | None:
    """The correction in ms to add to the audio offset after a song ("use my last play"): the median
    signed hit error. None with fewer than `min_hits` hits, where the median is mostly noise."""
    finite = [error for error in errors_ms if math.isfinite(error)]
    if len(finite) < min_hits:
        return None
    return statistics.median(finite)
