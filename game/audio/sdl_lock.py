"""Holding SDL's audio-device lock, so several `play()` calls land in the same mixer block.

SDL_mixer mixes inside SDL's audio callback, which runs under the device lock. Holding that lock
around the backing-track and drum-stem `play()` calls keeps a mixer callback from running between
them; the lock is recursive, so SDL_mixer's own locking inside `play()` still works.

Invariants:
- the lock is taken on the *same* libSDL2 that pygame loaded (found in /proc/self/maps on Linux, or
  beside the pygame package); another copy of SDL would lock nothing;
- when that library or an open device cannot be found, `audio_lock()` is a no-op context manager
  (logged once): back-to-back calls then usually, but not always, share a block;
- hold it for microseconds only: while held, the device cannot mix.
"""

from __future__ import annotations

import ctypes
import functools
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pygame

logger = logging.getLogger(__name__)

MAX_DEVICE_ID = 8  # SDL hands out small ids; SDL_mixer's device is 2 on Linux
_SDL_NAME = re.compile(r"(^|/)(lib)?SDL2(-2)?([.-][^/]*)?\.(so[^/]*|dylib|dll)$", re.IGNORECASE)


@contextmanager
def audio_lock() -> Iterator[None]:
    """Keep the mixer from running while the body executes (a no-op when that is impossible)."""
    sdl = _sdl_library()
    device = _open_device(sdl) if sdl is not None else 0
    if not device:
        yield
        return
    sdl.SDL_LockAudioDevice(device)
    try:
        yield
    finally:
        sdl.SDL_UnlockAudioDevice(device)


def lock_available() -> bool:
    """True when `audio_lock()` really locks (the SDL library and an open device were found)."""
    sdl = _sdl_library()
    return sdl is not None and _open_device(sdl) != 0


def _open_device(sdl: ctypes.CDLL) -> int:
    # SDL_AUDIO_STOPPED (0) is also the answer for ids that are not open.
    for device in range(1, MAX_DEVICE_ID + 1):
        if sdl.SDL_GetAudioDeviceStatus(device) != 0:
            return device
    return 0


@functools.cache
def _sdl_library() -> ctypes.CDLL | None:
    path = _loaded_sdl_path() or _bundled_sdl_path()
    if path is None:
        logger.info("pygame's SDL2 library not found: stems start without the audio lock")
        return None
    try:
        sdl = ctypes.CDLL(str(path))
        for name in ("SDL_GetAudioDeviceStatus", "SDL_LockAudioDevice", "SDL_UnlockAudioDevice"):
            getattr(sdl, name).argtypes = [ctypes.c_uint32]
    except (OSError, AttributeError) as error:
        logger.info("cannot use %s (%s): stems start without the audio lock", path, error)
        return None
    return sdl


def _loaded_sdl_path() -> Path | None:
    """The libSDL2 mapped into this process (Linux), preferring pygame's bundled copy."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return None
    found = {line.split()[-1] for line in maps.read_text().splitlines() if "SDL2" in line}
    candidates = sorted(Path(p) for p in found if _SDL_NAME.search(p))
    pygame_dir = Path(pygame.__file__).resolve().parent.parent
    for path in candidates:
        if pygame_dir in path.parents:
            return path
    return candidates[0] if len(candidates) == 1 else None


def _bundled_sdl_path() -> Path | None:
    """pygame-ce's own copy: pygame_ce.libs (Linux), pygame/.dylibs (macOS), pygame/ (Windows)."""
    package = Path(pygame.__file__).resolve().parent
    places = [package.parent / "pygame_ce.libs", package.parent / "pygame.libs", package / ".dylibs", package]
    pattern = "SDL2.dll" if sys.platform == "win32" else "libSDL2-2*"
    for place in places:
        for path in sorted(place.glob(pattern)) if place.is_dir() else ():
            if _SDL_NAME.search(path.as_posix()):
                return path
    return None
