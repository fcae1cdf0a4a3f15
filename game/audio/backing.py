"""Preparing the one file `pygame.mixer.music` streams: offline stem mixing and WAV start points.

Invariants:
- stems are decoded by SDL_mixer (`Sound(file)`), so they arrive already converted to the mixer's
  frequency and channel layout; the mix is their int32 sum clipped to int16, which is what SDL's
  own saturating mix would have produced had they played on separate channels;
- a stem that cannot be decoded is logged and left out, never fatal;
- `stream_source` returns a file plus the seek to pass to `music.play(start=...)`: compressed
  formats seek themselves; a WAV is copied from the start point instead, because SDL_mixer 2.8
  ignores the start position for WAV music.
Decoding a four-minute stem takes tens of milliseconds and ~46 MB: do it at load time.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pygame

from game.audio.pcm import copy_wav_tail, load_sound, write_wav

logger = logging.getLogger(__name__)


def mix_stems(paths: Sequence[Path], target: Path) -> bool:
    """Mix the stems into one WAV at `target`; False when none could be decoded."""
    frequency = _mixer_frequency()
    total: np.ndarray | None = None
    for path in paths:
        sound = load_sound(path)
        if sound is None:
            continue
        frames = pygame.sndarray.samples(sound)  # a view on the decoded buffer
        if total is None:
            total = frames.astype(np.int32)
        else:
            if len(frames) > len(total):
                total = np.concatenate([total, np.zeros((len(frames) - len(total), *total.shape[1:]), np.int32)])
            total[: len(frames)] += frames
        del frames, sound
    if total is None:
        return False
    write_wav(target, np.clip(total, -32768, 32767).astype(np.int16), frequency)
    return True


def stream_source(path: Path, at_s: float, temp_dir: Path, max_s: float | None = None) -> tuple[Path, float]:
    """The file to stream and the seek to give `music.play(start=...)` to begin at `at_s`."""
    if at_s <= 0 or path.suffix.lower() != ".wav":
        return path, max(at_s, 0.0)
    tail = temp_dir / f"tail-{uuid.uuid4().hex}.wav"
    if copy_wav_tail(path, tail, at_s, max_s):
        return tail, 0.0
    sound = load_sound(path)  # a WAV the stdlib cannot read (float, ADPCM): decode and cut
    if sound is None:
        return path, at_s
    frames = pygame.sndarray.samples(sound)
    start = round(at_s * _mixer_frequency())
    stop = None if max_s is None else start + round(max_s * _mixer_frequency())
    write_wav(tail, np.ascontiguousarray(frames[start:stop]), _mixer_frequency())
    return tail, 0.0


def _mixer_frequency() -> int:
    opened = pygame.mixer.get_init()
    if opened is None:
        raise RuntimeError("the mixer is not open")
    return opened[0]
