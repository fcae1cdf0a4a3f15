"""Raw PCM plumbing between numpy, WAV files and pygame `Sound`s.

Invariants:
- arrays handed to pygame are int16 with shape (frames, channels), or (frames,) for a mono mixer,
  exactly matching `pygame.mixer.get_init()`; float arrays are in [-1, 1] and are clipped;
- WAV files written here are 16-bit PCM at the mixer's frequency and channel count;
- SDL_mixer 2.8 cannot seek in WAV music (`music.play(start=...)` silently starts at 0), so a WAV
  that must start mid-way is copied from that point into a new file (`copy_wav_tail`).
"""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import numpy as np
import pygame

logger = logging.getLogger(__name__)

INT16_FULL_SCALE = 32767
_COPY_CHUNK_FRAMES = 1 << 16


def load_sound(path: Path) -> pygame.mixer.Sound | None:
    """Decode one audio file into the mixer's format, or None (logged) when it cannot be read."""
    try:
        return pygame.mixer.Sound(str(path))
    except (pygame.error, OSError) as error:
        logger.warning("cannot load audio %s: %s", path, error)
        return None


def to_int16(samples: np.ndarray, channels: int) -> np.ndarray:
    """Float samples in [-1, 1], mono (n,) or (n, c), as int16 in the mixer's layout."""
    data = np.asarray(samples, dtype=np.float32)
    if data.ndim == 1:
        data = data[:, None]
    if data.shape[1] != channels:
        data = np.repeat(data.mean(axis=1, keepdims=True), channels, axis=1)
    pcm = np.clip(np.rint(data * INT16_FULL_SCALE), -32768, 32767).astype(np.int16)
    return np.ascontiguousarray(pcm[:, 0] if channels == 1 else pcm)


def make_sound(samples: np.ndarray, channels: int) -> pygame.mixer.Sound:
    """A `Sound` from float samples; the mixer must be open with `channels` output channels."""
    return pygame.sndarray.make_sound(to_int16(samples, channels))


def slice_sound(sound: pygame.mixer.Sound, start_frame: int) -> pygame.mixer.Sound | None:
    """The part of `sound` from `start_frame` on, or None when nothing is left."""
    if start_frame <= 0:
        return sound
    frames = pygame.sndarray.samples(sound)  # a view: the copy happens once, in make_sound
    if start_frame >= len(frames):
        return None
    return pygame.sndarray.make_sound(np.ascontiguousarray(frames[start_frame:]))


def write_wav(path: Path, pcm: np.ndarray, frequency: int) -> None:
    """Write int16 PCM, shape (frames,) or (frames, channels), as a WAV file."""
    data = np.ascontiguousarray(pcm, dtype=np.int16)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1 if data.ndim == 1 else data.shape[1])
        out.setsampwidth(2)
        out.setframerate(frequency)
        out.writeframes(data.astype("<i2", copy=False).tobytes())


def copy_wav_tail(source: Path, target: Path, start_s: float, max_s: float | None = None) -> bool:
    """Copy a PCM WAV from `start_s` on (at most `max_s` seconds) into `target`, in chunks.

    False when the stdlib cannot read the file (float or compressed WAV): decode it another way.
    """
    try:
        with wave.open(str(source), "rb") as src, wave.open(str(target), "wb") as out:
            rate = src.getframerate()
            out.setparams(src.getparams())
            start = min(src.getnframes(), round(start_s * rate))
            src.setpos(start)
            left = src.getnframes() - start if max_s is None else round(max_s * rate)
            while left > 0:
                chunk = src.readframes(min(left, _COPY_CHUNK_FRAMES))
                if not chunk:
                    break
                out.writeframes(chunk)
                left -= min(left, _COPY_CHUNK_FRAMES)
    except (wave.Error, EOFError):
        return False
    return True
