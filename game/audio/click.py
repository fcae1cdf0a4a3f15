"""Metronome clicks for calibration: a whole click track, or single clicks to play on the fly.

A click is a short decaying sine burst with a near-instant attack (its onset is unambiguous to the
ear and in captured PCM); the first beat of each bar is higher and louder.

For calibration the track should stream through `pygame.mixer.music`, which is what the song clock
follows: `write_click_wav(track, path)` and play it with `SongAudio({"song": path}, info)`; the
beat times to compare taps against are `ClickTrack.beat_times_s`, on the same timeline as
`SongAudio.position_s()`. `click_track()` returns a plain `Sound` when no position is needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pygame

from game.audio.pcm import make_sound, to_int16, write_wav

CLICK_S = 0.03
ACCENT_HZ, BEAT_HZ = 1760.0, 1320.0
ACCENT_LEVEL, BEAT_LEVEL = 0.8, 0.55


@dataclass(frozen=True, slots=True)
class ClickTrack:
    samples: np.ndarray  # float32 mono in [-1, 1]
    frequency: int
    beat_times_s: tuple[float, ...]  # onset of every click, seconds from the track's start


def click_samples(accent: bool, frequency: int = 48000) -> np.ndarray:
    """One click (float32 mono): a sine burst, 0.5 ms attack, exponential decay."""
    t = np.arange(round(CLICK_S * frequency)) / frequency
    pitch, level = (ACCENT_HZ, ACCENT_LEVEL) if accent else (BEAT_HZ, BEAT_LEVEL)
    envelope = np.minimum(1.0, t / 0.0005) * np.exp(-t / 0.006)
    return (level * np.sin(2 * np.pi * pitch * t) * envelope).astype(np.float32)


def build_click_track(
    bpm: float, beats: int, frequency: int = 48000, beats_per_bar: int = 4, lead_in_s: float = 0.5
) -> ClickTrack:
    """`beats` clicks at `bpm`, after `lead_in_s` of silence, accenting each bar's first beat."""
    if bpm <= 0 or beats < 1:
        raise ValueError(f"need a positive bpm and at least one beat, got {bpm} bpm, {beats} beats")
    period_s = 60.0 / bpm
    times = tuple(lead_in_s + index * period_s for index in range(beats))
    accent, plain = click_samples(True, frequency), click_samples(False, frequency)
    samples = np.zeros(round((times[-1] + period_s) * frequency) + len(accent), np.float32)
    for index, time_s in enumerate(times):
        click = accent if index % beats_per_bar == 0 else plain
        start = round(time_s * frequency)
        samples[start : start + len(click)] += click
    return ClickTrack(samples, frequency, times)


def click_track(bpm: float, beats: int, frequency: int | None = None, beats_per_bar: int = 4) -> pygame.mixer.Sound:
    """The click track as a `Sound`; the mixer must be open and `frequency` (default) its rate."""
    rate, channels = _mixer_layout()
    if frequency is not None and frequency != rate:
        raise ValueError(f"a Sound plays at the mixer's {rate} Hz, not {frequency} Hz")
    track = build_click_track(bpm, beats, rate, beats_per_bar)
    return make_sound(track.samples, channels)


def click_sound(accent: bool = False) -> pygame.mixer.Sound:
    """A single click to play at scheduled times (each lands on the next mixer block)."""
    rate, channels = _mixer_layout()
    return make_sound(click_samples(accent, rate), channels)


def write_click_wav(track: ClickTrack, path: Path, channels: int = 2) -> None:
    write_wav(path, to_int16(track.samples, channels), track.frequency)


def _mixer_layout() -> tuple[int, int]:
    opened = pygame.mixer.get_init()
    if opened is None:
        raise RuntimeError("the mixer is not open")
    return opened[0], opened[2]
