"""Mastering: one loudness for every session, and no peak above the ceiling.

The backing and drum stems get the same gain and the same limiter gain curve, computed from the
loudest of the full mix and each stem, so the stems still add up to the mix the player hears and
the drum stem's onsets do not move. Loudness is integrated over the full mix (BS.1770-style).

Invariants: after `master`, the mix's loudness is within 0.05 LU of the target and every sample
of each stem and of their sum is at or below the ceiling.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.tools.compose.dsp import limiter_gain
from game.tools.compose.fluid import SAMPLE_RATE
from game.tools.compose.loudness import integrated_lufs, peak_dbfs

TARGET_LUFS = -14.0
CEILING_DBFS = -1.6  # leaves room for the lossy encoder's overshoot under the -1 dBFS promise
_END_FADE_S = 0.5


@dataclass(frozen=True, slots=True)
class Mastered:
    song: np.ndarray
    drums: np.ndarray
    lufs: float
    peak_db: float
    limited_db: float  # the deepest gain reduction the limiter applied


def master(song: np.ndarray, drums: np.ndarray, target_lufs: float = TARGET_LUFS) -> Mastered:
    ceiling = 10 ** (CEILING_DBFS / 20)
    gain = 1.0
    reduction = np.ones(len(song), dtype=np.float32)
    for _ in range(3):  # limiting lowers the loudness a little: correct and limit again
        scaled_song, scaled_drums = song * np.float32(gain), drums * np.float32(gain)
        loudest = np.concatenate([scaled_song + scaled_drums, scaled_song, scaled_drums], axis=1)
        reduction = limiter_gain(loudest, ceiling, SAMPLE_RATE)
        lufs = integrated_lufs((scaled_song + scaled_drums) * reduction[:, None], SAMPLE_RATE)
        gain *= 10 ** ((target_lufs - lufs) / 20)
    scaled_song, scaled_drums = song * np.float32(gain), drums * np.float32(gain)
    loudest = np.concatenate([scaled_song + scaled_drums, scaled_song, scaled_drums], axis=1)
    reduction = limiter_gain(loudest, ceiling, SAMPLE_RATE) * _end_fade(len(song))
    out_song = (scaled_song * reduction[:, None]).astype(np.float32)
    out_drums = (scaled_drums * reduction[:, None]).astype(np.float32)
    mix = out_song + out_drums
    return Mastered(
        out_song,
        out_drums,
        integrated_lufs(mix, SAMPLE_RATE),
        peak_dbfs(mix),
        20 * float(np.log10(max(float(reduction[: -int(_END_FADE_S * SAMPLE_RATE)].min()), 1e-9))),
    )


def _end_fade(frames: int) -> np.ndarray:
    """Silence the very end smoothly so the file never ends on a click."""
    fade = np.ones(frames, dtype=np.float32)
    length = min(int(_END_FADE_S * SAMPLE_RATE), frames)
    fade[frames - length :] = np.linspace(1, 0, length, dtype=np.float32) ** 2
    return fade


def tame_overshoot(
    song: np.ndarray,
    drums: np.ndarray,
    decoded_song: np.ndarray,
    decoded_drums: np.ndarray,
    trigger_dbfs: float = -1.05,
    target_dbfs: float = -1.3,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Lossy encoding can overshoot the ceiling on sharp transients. Where the decoded stems (or
    their sum) go above `trigger_dbfs`, lower both stems towards `target_dbfs` with the limiter's
    smooth curve, so they still add up; None when nothing needs lowering."""
    frames = min(len(song), len(decoded_song), len(decoded_drums))
    heard = np.concatenate(
        [decoded_song[:frames] + decoded_drums[:frames], decoded_song[:frames], decoded_drums[:frames]], axis=1
    )
    if float(np.abs(heard).max()) <= 10 ** (trigger_dbfs / 20):
        return None
    extra = np.ones(len(song), dtype=np.float32)
    extra[:frames] = limiter_gain(heard, 10 ** (target_dbfs / 20), SAMPLE_RATE)
    return (song * extra[:, None]).astype(np.float32), (drums * extra[:, None]).astype(np.float32)
