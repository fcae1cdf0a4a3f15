"""Drum patterns written as text, one string per kit piece, the way drummers sketch grooves.

    {"K": "x... x... x... x...", "S": ".... X... .... X...", "H": "..o. ..o. ..o. ..o."}

Each string divides its span (a bar or the last beats of a bar) into equal steps; strings of one
pattern may use different step counts (16 for sixteenths, 24 for sixteenth triplets...). Spaces
and `|` are only for reading.

Step symbols: `.` rest, `x` normal, `X` accent, `g` ghost, `o` open hi-hat, `O` accented open
hi-hat (charted as the hi-hat: .chart has no open hi-hat), `d` Expert+ double kick.
Lanes: K kick, S snare, H hi-hat, R ride, C crash, T high tom, M mid tom, F floor tom.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.chart.piece import Dynamic, KitPiece, NoteFlag

Lanes = Mapping[str, str | tuple[str, ...]]

LANE_PIECES = {
    "K": KitPiece.KICK,
    "S": KitPiece.SNARE,
    "H": KitPiece.HIHAT,
    "R": KitPiece.RIDE,
    "C": KitPiece.CRASH,
    "T": KitPiece.TOM_HIGH,
    "M": KitPiece.TOM_MID,
    "F": KitPiece.TOM_FLOOR,
}
_SYMBOLS = {
    "x": (Dynamic.NORMAL, NoteFlag.NONE, False),
    "X": (Dynamic.ACCENT, NoteFlag.NONE, False),
    "g": (Dynamic.GHOST, NoteFlag.NONE, False),
    "o": (Dynamic.NORMAL, NoteFlag.NONE, True),
    "O": (Dynamic.ACCENT, NoteFlag.NONE, True),
    "d": (Dynamic.NORMAL, NoteFlag.DOUBLE_KICK, False),
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One stroke of the drum part: a chart note plus what only the audio needs (open hi-hat)."""

    tick: int
    piece: KitPiece
    dynamic: Dynamic = Dynamic.NORMAL
    flags: NoteFlag = NoteFlag.NONE
    open_hat: bool = False


def steps(text: str) -> str:
    return "".join(ch for ch in text if ch not in " |")


def hits_from(lanes: Lanes, start: int, span: int) -> list[Hit]:
    """The hits of `lanes` laid over [start, start + span)."""
    hits: list[Hit] = []
    for lane, texts in lanes.items():
        piece = LANE_PIECES[lane]
        for text in (texts,) if isinstance(texts, str) else texts:
            cells = steps(text)
            if not cells or span % len(cells):
                raise ValueError(f"lane {lane}: {len(cells)} steps do not divide {span} ticks")
            step = span // len(cells)
            for index, symbol in enumerate(cells):
                if symbol == ".":
                    continue
                if symbol not in _SYMBOLS:
                    raise ValueError(f"lane {lane}: unknown step symbol {symbol!r}")
                if symbol in "oO" and piece is not KitPiece.HIHAT:
                    raise ValueError(f"lane {lane}: open 'o' is for the hi-hat only")
                dynamic, flags, open_hat = _SYMBOLS[symbol]
                hits.append(Hit(start + index * step, piece, dynamic, flags, open_hat))
    return hits
