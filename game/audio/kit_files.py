"""Finding a sample kit on disk, and standing in for the pieces it lacks.

File names: `<piece>_<layer>.<ext>` with layer 1..N from soft to hard (`snare_1.ogg`,
`snare_2.ogg`, ...) or named `soft`, `medium`, `hard` (as the composer's `--kit` writes them), or a
plain `<piece>.<ext>` as a single layer; numbered files win over a plain
one, gaps in the numbering are closed up, and `.ogg` beats `.wav` beats `.flac` for the same name.
Names are matched case-insensitively against the `KitPiece` values; other files are ignored.

Fallbacks for a missing piece (one level only, from pieces that have files): hihat_open -> hihat,
hihat_pedal -> hihat at low volume, crash_left <-> crash, ride -> crash, toms from the neighbouring
tom. A piece with nothing at all stays silent, with one log line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.chart.piece import KitPiece

logger = logging.getLogger(__name__)

SAMPLE_EXTENSIONS = (".ogg", ".wav", ".flac")  # preference order
PEDAL_GAIN = 0.35  # a foot "chick" is much quieter than a stick hit
_NAME = re.compile(r"^(?P<piece>[a-z_]+?)(?:_(?P<layer>\d+|soft|medium|hard))?$")
_LAYER_WORDS = {"soft": 1, "medium": 2, "hard": 3}
_P = KitPiece
FALLBACKS: Mapping[KitPiece, tuple[tuple[KitPiece, float], ...]] = {
    _P.HIHAT_OPEN: ((_P.HIHAT, 1.0),),
    _P.HIHAT_PEDAL: ((_P.HIHAT, PEDAL_GAIN),),
    _P.HIHAT: ((_P.HIHAT_OPEN, 0.8),),
    _P.CRASH_LEFT: ((_P.CRASH, 1.0), (_P.RIDE, 1.0)),
    _P.CRASH: ((_P.CRASH_LEFT, 1.0), (_P.RIDE, 1.0)),
    _P.RIDE: ((_P.CRASH, 0.8), (_P.CRASH_LEFT, 0.8)),
    _P.TOM_HIGH: ((_P.TOM_MID, 1.0), (_P.TOM_FLOOR, 1.0)),
    _P.TOM_MID: ((_P.TOM_HIGH, 1.0), (_P.TOM_FLOOR, 1.0)),
    _P.TOM_FLOOR: ((_P.TOM_MID, 1.0), (_P.TOM_HIGH, 1.0)),
}


@dataclass(frozen=True, slots=True)
class PieceSounds:
    """A piece's velocity layers, soft to hard, and a fixed gain (below 1 for some fallbacks)."""

    sounds: tuple[pygame.mixer.Sound, ...]
    gain: float = 1.0


def find_layer_files(directory: Path) -> dict[KitPiece, tuple[Path, ...]]:
    """The sample files of each piece in `directory`, soft to hard."""
    best: dict[tuple[KitPiece, int | None], Path] = {}
    rank = {ext: index for index, ext in enumerate(SAMPLE_EXTENSIONS)}
    for path in sorted(directory.iterdir()) if directory.is_dir() else ():
        ext = path.suffix.lower()
        match = _NAME.match(path.stem.lower()) if ext in rank and path.is_file() else None
        if match is None or match["piece"] not in KitPiece._value2member_map_:
            continue
        layer = match["layer"]
        key = (KitPiece(match["piece"]), _LAYER_WORDS.get(layer) or int(layer) if layer else None)
        if key not in best or rank[ext] < rank[best[key].suffix.lower()]:
            best[key] = path
    found: dict[KitPiece, tuple[Path, ...]] = {}
    for piece in KitPiece:
        layers = sorted((layer, path) for (p, layer), path in best.items() if p is piece and layer is not None)
        if layers:
            found[piece] = tuple(path for _, path in layers)
        elif (piece, None) in best:
            found[piece] = (best[piece, None],)
    return found


def load_layers(
    files: Mapping[KitPiece, tuple[Path, ...]], load: Callable[[Path], pygame.mixer.Sound | None]
) -> dict[KitPiece, PieceSounds]:
    """Decode every layer; a file that fails is left out (logged by `load`)."""
    pieces = {}
    for piece, paths in files.items():
        sounds = tuple(sound for sound in map(load, paths) if sound is not None)
        if sounds:
            pieces[piece] = PieceSounds(sounds)
    return pieces


def with_fallbacks(found: Mapping[KitPiece, PieceSounds]) -> dict[KitPiece, PieceSounds]:
    """Every piece that has sounds of its own or a stand-in; the others are logged and absent."""
    complete = dict(found)
    for piece in KitPiece:
        if piece in found:
            continue
        stand_in = next(((alt, gain) for alt, gain in FALLBACKS.get(piece, ()) if alt in found), None)
        if stand_in is None:
            logger.warning("no sample for %s: it stays silent", piece.value)
            continue
        alt, gain = stand_in
        complete[piece] = PieceSounds(found[alt].sounds, found[alt].gain * gain)
    return complete
