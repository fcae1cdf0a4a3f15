"""Which sprite each note is drawn with, and where: worked out per chart, then per screen row.

`NotePlacer.plan(notes, owners)` turns a chart into look ids once per (notes, owners) pair
(checked by identity). A look is the piece's lane, shape and colour (or, in a shared-kit duet, the
owning player's colour from `PLAYER_COLOURS`), the dynamic and the double-kick mark. Hashing enum
members runs Python code, so resolving them once per chart instead of once per drawn note per
frame is a real saving. Looks are interned: equal looks share one id across plans.

`NotePlacer.place(look, row, fade)` memoises the sprite of a look centred on a screen row and
where to blit it. Size and x are pure functions of the row (see `HighwayGeometry`), so once a kind
of note has slid down the highway, a frame costs one dict lookup per note. Rows are whole pixels,
as blit positions are. The memo is bounded by looks x rows x fade levels.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece
from game.render.geometry import HighwayGeometry
from game.render.sprites import CYMBAL, OPEN_CYMBAL, PAD, NoteSprites
from game.render.theme import HOT_PINK, PIECE_COLOURS, PLAYER_COLOURS, Color, mix

DOUBLE_KICK_COLOUR = mix(PIECE_COLOURS[KitPiece.KICK], HOT_PINK, 0.6)
DYNAMIC_CODES = {Dynamic.NORMAL: 0, Dynamic.GHOST: 1, Dynamic.ACCENT: 2}

PieceSlot = tuple[int, int, Color]  # column (-1 = kick), shape code (see sprites), colour
# Column (-1 = kick), shape, colour (a double kick's or a player's already applied), dynamic code
# (see DYNAMIC_CODES), double kick.
NoteLook = tuple[int, int, Color, int, bool]
Placed = tuple[pygame.Surface, tuple[float, float]]  # ready for Surface.blits
NO_LOOK = -1  # the look id of a note whose piece the layout does not play


class NotePlacer:
    def __init__(self, geometry: HighwayGeometry, sprites: NoteSprites):
        self.geometry = geometry
        self.sprites = sprites
        self.slots = _slots(geometry)
        self.looks: list[NoteLook] = []  # by look id
        self.is_kick: list[bool] = []  # by look id: kick bars are drawn under every gem
        self._ids: dict[NoteLook, int] = {}
        self.placed: dict[tuple[int, int, int], Placed] = {}  # see `place`
        self._plan_of: tuple[Sequence[Note] | None, Sequence[int] | None] = (None, None)
        self._plan: tuple[list[float], list[int]] = ([], [])

    def plan(self, notes: Sequence[Note], owners: Sequence[int] | None = None) -> tuple[list[float], list[int]]:
        """Note times and look ids (`NO_LOOK` for unplayed pieces), once per (notes, owners) pair.

        Pass the same immutable sequences every frame (tuples), as the play scene does.
        `owners[i]` (0 or 1) is the player of `notes[i]`; with owners, notes wear their player's
        colour instead of their piece's, keeping shape and dynamic."""
        if notes is not self._plan_of[0] or owners is not self._plan_of[1]:
            if owners is not None and len(owners) != len(notes):
                raise ValueError(f"owners has {len(owners)} entries for {len(notes)} notes")
            ids = [self._id_of(note, None if owners is None else owners[index]) for index, note in enumerate(notes)]
            self._plan, self._plan_of = ([note.time_s for note in notes], ids), (notes, owners)
        return self._plan

    def place(self, look: int, row: int, fade: int) -> Placed:
        """The sprite for look id `look` centred on screen row `row`, and where to blit it."""
        key = (look, row, fade)
        found = self.placed.get(key)
        if found is None:
            column, shape, colour, dynamic, double = self.looks[look]
            geometry = self.geometry
            width = geometry.width_at(row)
            if column < 0:
                sprite, x = self.sprites.kick(colour, double, width, fade), geometry.centre_x
            else:
                sprite = self.sprites.gem(colour, shape, dynamic, width / geometry.columns, fade)
                x = geometry.column_x(column, row)
            found = self.placed[key] = (sprite, (x - sprite.get_width() / 2, row - sprite.get_height() / 2))
        return found

    def _id_of(self, note: Note, owner: int | None) -> int:
        slot = self.slots.get(note.piece)
        if slot is None:
            return NO_LOOK
        column, shape, colour = slot
        double = note.is_double_kick
        if owner is not None:
            colour = player_colour(owner)
        elif double:
            colour = DOUBLE_KICK_COLOUR
        look = (column, shape, colour, DYNAMIC_CODES[note.dynamic], double)
        found = self._ids.get(look)
        if found is None:
            found = self._ids[look] = len(self.looks)
            self.looks.append(look)
            self.is_kick.append(column < 0)
        return found


def player_colour(owner: int) -> Color:
    if owner not in (0, 1):
        raise ValueError(f"note owner must be 0 (player 1) or 1 (player 2), not {owner!r}")
    return PLAYER_COLOURS[owner]


def _slots(geometry: HighwayGeometry) -> dict[KitPiece, PieceSlot]:
    """Cymbal pieces look like cymbals on every layout, even where a lane mixes them with toms."""
    found: dict[KitPiece, PieceSlot] = {}
    for lane in geometry.layout.lanes:
        for piece in lane.pieces:
            shape = (OPEN_CYMBAL if piece is KitPiece.HIHAT_OPEN else CYMBAL) if piece.is_cymbal else PAD
            found[piece] = (lane.column, shape, PIECE_COLOURS[piece])
    return found
