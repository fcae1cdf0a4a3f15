"""Opening the mixer: 48 kHz, 16-bit, stereo, a small buffer, and the reserved channel layout.

Invariants:
- the mixer always delivers int16 samples in the requested number of output channels (SDL converts
  if the device differs); only the frequency may differ from the request, so numpy code must take
  the frequency from `MixerInfo`, never assume 48 kHz;
- `MixerInfo.buffer_frames` is the buffer pygame-ce really asked for: it rounds the request up to a
  power of two, at least 256 (480 -> 512); SDL2 cannot report it, so the rounding is reproduced here
  (verified on captured PCM: onsets land on multiples of this value);
- no audio device is not an error: `open_mixer` returns None after one log line and every audio
  class accepts None and stays silent.

Caller order: call `open_mixer()` once at start-up, before or after `pygame.init()`. If
`pygame.init()` ran first it has already opened the mixer with pygame's defaults (44.1 kHz,
512 frames); `open_mixer` then closes and reopens it, which is harmless before any `Sound` exists
but invalidates Sounds created earlier. Calling it before `pygame.init()` avoids that reopen.
Only one audio device can be open per process, and the SDL driver is fixed when it opens.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pygame

from game.audio.channels import RESERVED_CHANNELS

logger = logging.getLogger(__name__)

SAMPLE_FORMAT = -16  # signed 16-bit, native byte order
OUTPUT_CHANNELS = 2
MIN_BUFFER_FRAMES = 256


@dataclass(frozen=True, slots=True)
class MixerInfo:
    """The mixer as actually opened."""

    frequency: int  # Hz, as read back: may differ from the request
    format: int  # pygame size code, -16 = signed 16-bit
    channels: int  # output (speaker) channels, 2 = stereo
    buffer_frames: int  # frames per mixer block after pygame-ce's rounding
    block_s: float  # seconds per mixer block: volume and play() changes land on block boundaries
    voices: int = 0  # mixing channels (pygame.mixer.set_num_channels)


def rounded_buffer_frames(requested: int) -> int:
    """pygame-ce's rounding of the buffer size: the next power of two, at least 256."""
    return max(MIN_BUFFER_FRAMES, 1 << max(0, requested - 1).bit_length())


def open_mixer(
    frequency: int = 48000, buffer_frames: int = 256, channels: int = 48, device_name: str | None = None
) -> MixerInfo | None:
    """Open the audio device; `channels` is the number of mixing channels (voices), not speakers.

    Returns None, after one warning, when there is no usable audio device.
    """
    if channels < RESERVED_CHANNELS + 1:
        raise ValueError(f"need at least {RESERVED_CHANNELS + 1} mixing channels, got {channels}")
    if pygame.mixer.get_init() is not None:
        # Opened with pygame's defaults by pygame.init(): the buffer size is unknown, so reopen.
        logger.info("mixer already open (pygame.init() ran first): reopening with our settings")
        pygame.mixer.quit()
    # pre_init too, so that a later pygame.init() keeps these settings instead of the defaults.
    settings = (frequency, SAMPLE_FORMAT, OUTPUT_CHANNELS, buffer_frames)
    pygame.mixer.pre_init(*settings, devicename=device_name, allowedchanges=pygame.AUDIO_ALLOW_FREQUENCY_CHANGE)
    try:
        pygame.mixer.init(*settings, devicename=device_name, allowedchanges=pygame.AUDIO_ALLOW_FREQUENCY_CHANGE)
    except pygame.error as error:
        logger.warning("no audio device (%s): the game runs silent", error)
        return None
    opened = pygame.mixer.get_init()
    if opened is None:
        logger.warning("the mixer did not open: the game runs silent")
        return None
    got_frequency, got_format, got_channels = opened
    pygame.mixer.set_num_channels(channels)
    pygame.mixer.set_reserved(RESERVED_CHANNELS)
    frames = rounded_buffer_frames(buffer_frames)
    info = MixerInfo(got_frequency, got_format, got_channels, frames, frames / got_frequency, channels)
    logger.info("mixer open: %s", info)
    return info


def close_mixer() -> None:
    """Close the audio device (flushes the disk driver's file). Safe to call when it is not open."""
    if pygame.mixer.get_init() is not None:
        pygame.mixer.quit()
