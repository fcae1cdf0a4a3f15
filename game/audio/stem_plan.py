"""Which stem files play how: one backing stream, drum stems on channels, pieces to drum stems.

Rules:
- backing = every non-drum stem except `preview`; several are mixed offline into one stream, so that
  `pygame.mixer.music` (the only source of a mixer position) carries all of them;
- drum stems = `drums_1..drums_4` when any is present (a plain `drums` beside them is ignored,
  it would double them), else `drums`;
- with numbered stems, kick -> drums_1, snare -> drums_2, toms -> drums_3, cymbals and hi-hat ->
  drums_4; a missing stem's content lives in the highest present lower one (3 stems: drums_3 is
  toms + cymbals; 2 stems: drums_2 is everything but the kick); with a plain `drums` every piece
  maps to it.

Pure: no pygame.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from game.chart.piece import KitPiece

logger = logging.getLogger(__name__)

NUMBERED_DRUMS = ("drums_1", "drums_2", "drums_3", "drums_4")
PLAIN_DRUMS = "drums"
NOT_BACKING = frozenset({"preview", PLAIN_DRUMS, *NUMBERED_DRUMS})
_TOMS = frozenset({KitPiece.TOM_HIGH, KitPiece.TOM_MID, KitPiece.TOM_FLOOR})
_BACKING_ORDER = ("song", "guitar", "rhythm", "bass", "keys", "vocals", "vocals_1", "vocals_2", "crowd")


@dataclass(frozen=True, slots=True)
class StemPlan:
    backing: tuple[Path, ...] = ()  # mixed into one stream, `song` first
    drums: Mapping[str, Path] = field(default_factory=dict)  # drum stem name -> file, in stem order
    piece_stem: Mapping[KitPiece, str] = field(default_factory=dict)  # which drum stem carries a piece


def wanted_drum_stem(piece: KitPiece) -> int:
    """The drums_N number a piece belongs to in a full four-stem split."""
    if piece is KitPiece.KICK:
        return 1
    if piece is KitPiece.SNARE:
        return 2
    return 3 if piece in _TOMS else 4


def plan_stems(stems: Mapping[str, Path]) -> StemPlan:
    order = {name: index for index, name in enumerate(_BACKING_ORDER)}
    backing_names = sorted((n for n in stems if n not in NOT_BACKING), key=lambda n: (order.get(n, len(order)), n))
    numbered = [name for name in NUMBERED_DRUMS if name in stems]
    if numbered:
        if PLAIN_DRUMS in stems:
            logger.info("both drums and drums_N stems: using drums_N")
        drums = {name: stems[name] for name in numbered}
        piece_stem = {piece: _numbered_stem_for(piece, numbered) for piece in KitPiece}
    elif PLAIN_DRUMS in stems:
        drums = {PLAIN_DRUMS: stems[PLAIN_DRUMS]}
        piece_stem = dict.fromkeys(KitPiece, PLAIN_DRUMS)
    else:
        drums, piece_stem = {}, {}
    return StemPlan(tuple(stems[n] for n in backing_names), drums, piece_stem)


def _numbered_stem_for(piece: KitPiece, present: list[str]) -> str:
    wanted = wanted_drum_stem(piece)
    lower = [name for name in present if int(name[-1]) <= wanted]
    return lower[-1] if lower else present[0]
