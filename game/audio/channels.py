"""The fixed layout of reserved mixer channels.

Channels 0..RESERVED_CHANNELS-1 are reserved (`pygame.mixer.set_reserved`) so that `Sound.play()`
auto-allocation never steals a stem or a kit voice. Everyone that plays on a reserved channel takes
its numbers from here, so two users can never share one by accident.

Layout: 4 drum-stem channels (drums or drums_1..4), then KIT_VOICES channels per kit piece (used
round-robin, so a fast roll does not cut its own tail), then one channel for clicks.
"""

from __future__ import annotations

from game.chart.piece import KitPiece

DRUM_STEM_CHANNELS = (0, 1, 2, 3)
KIT_VOICES = 3
_KIT_BASE = len(DRUM_STEM_CHANNELS)
_PIECES = tuple(KitPiece)
CLICK_CHANNEL = _KIT_BASE + KIT_VOICES * len(_PIECES)
RESERVED_CHANNELS = CLICK_CHANNEL + 1


def kit_channels(piece: KitPiece) -> tuple[int, ...]:
    """The reserved channel numbers of one kit piece."""
    first = _KIT_BASE + KIT_VOICES * _PIECES.index(piece)
    return tuple(range(first, first + KIT_VOICES))
