"""`HighwaySkin`: every cached picture the highway needs, grouped per geometry.

`HighwaySkin.prepare(geometry, screen)` returns the `StageKit` for that geometry and screen size,
so a frame hashes the geometry once. Flashes are additive sprites (BLEND_RGB_ADD) pre-rendered at
`FLASH_LEVELS` strengths, because re-tinting a surface per frame costs far more than blitting a
stored one. A window resize simply makes a new kit; note sprites depend only on widths and are
shared by all kits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pygame

from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece
from game.render.backdrop import beam, glow, horizontal_glow, with_alpha
from game.render.geometry import HighwayGeometry
from game.render.shapes import ring
from game.render.sprites import CYMBAL, FADE_LEVELS, OPEN_CYMBAL, PAD, NoteSprites
from game.render.stage import column_colours, render_stage
from game.render.theme import HOT_PINK, PIECE_COLOURS, WHITE, Color, Theme, mix

FLASH_LEVELS = 8
FOG_SHARE = 0.16  # of the far distance, faded into the sky

DOUBLE_KICK_COLOUR = mix(PIECE_COLOURS[KitPiece.KICK], HOT_PINK, 0.6)

PieceSlot = tuple[int, int, Color]  # column (-1 = kick), shape code (see sprites), colour
# Per note: column (-1 = kick), shape, colour, dynamic code (see DYNAMIC_CODES), double kick;
# None for a piece the layout does not play.
NoteLook = tuple[int, int, Color, int, bool] | None
DYNAMIC_CODES = {Dynamic.NORMAL: 0, Dynamic.GHOST: 1, Dynamic.ACCENT: 2}


def level_of(strength: float) -> int:
    """0..FLASH_LEVELS; 0 means nothing to draw."""
    return min(FLASH_LEVELS, max(0, round(strength * FLASH_LEVELS)))


def _dimmed(surface: pygame.Surface, level: int) -> pygame.Surface:
    out = surface.copy()
    value = round(255 * level / FLASH_LEVELS)
    out.fill((value, value, value), special_flags=pygame.BLEND_RGB_MULT)
    return out


class HighwaySkin:
    def __init__(self, theme: Theme, background_variant: str = "play"):
        self.theme = theme
        self.variant = background_variant
        self.sprites = NoteSprites()
        self._kits: dict[tuple[HighwayGeometry, tuple[int, int]], StageKit] = {}

    def prepare(self, geometry: HighwayGeometry, screen: tuple[int, int]) -> StageKit:
        key = (geometry, screen)
        kit = self._kits.get(key)
        if kit is None:
            kit = self._kits[key] = StageKit(geometry, self.theme.background(screen, self.variant), self.sprites)
        return kit

    def warm(self, geometry: HighwayGeometry, screen: tuple[int, int], pieces: Iterable[KitPiece]) -> None:
        """Render ahead what a song will need, so the first seconds of play do not stutter."""
        kit = self.prepare(geometry, screen)
        for fever in (False, True):
            kit.stage(fever)
        kick_colours = (PIECE_COLOURS[KitPiece.KICK], DOUBLE_KICK_COLOUR)
        slots = [kit.slots[piece] for piece in set(pieces) if piece in kit.slots]
        for y in range(round(geometry.far_y), geometry.bottom, 2):
            width = geometry.width_at(y)
            fades = range(FADE_LEVELS + 1) if y > geometry.hit_y else (0,)
            for column, shape, colour in slots:
                for fade in fades:
                    if column < 0:
                        for tint, double in zip(kick_colours, (False, True), strict=True):
                            self.sprites.kick(tint, double, width, fade)
                        continue
                    for code in DYNAMIC_CODES.values():
                        self.sprites.gem(colour, shape, code, width / geometry.columns, fade)


class StageKit:
    """The pictures for one geometry on one screen size."""

    def __init__(self, geometry: HighwayGeometry, backdrop: pygame.Surface, sprites: NoteSprites):
        self.geometry = geometry
        self.sprites = sprites
        self._crop = pygame.Surface((geometry.width, geometry.height))
        self._crop.blit(backdrop, (0, 0), geometry.rect)
        self._stages: dict[bool, pygame.Surface] = {}
        self._flashes: dict[tuple[str, int, int], pygame.Surface] = {}
        self.slots = _slots(geometry)
        self.fog = _fog(geometry, self._crop)
        self._plan_of: Sequence[Note] | None = None
        self._plan: tuple[list[float], list[NoteLook]] = ([], [])

    def plan(self, notes: Sequence[Note]) -> tuple[list[float], list[NoteLook]]:
        """Note times and looks, worked out once per notes sequence (checked by identity).

        Hashing enum members runs Python code, so doing the piece and dynamic lookups once per chart
        instead of once per drawn note per frame is a real saving. Pass the same immutable
        sequence every frame (a tuple), as the play scene does."""
        if notes is not self._plan_of:
            looks: list[NoteLook] = []
            for note in notes:
                slot = self.slots.get(note.piece)
                looks.append(None if slot is None else (*slot, DYNAMIC_CODES[note.dynamic], note.is_double_kick))
            self._plan_of, self._plan = notes, ([note.time_s for note in notes], looks)
        return self._plan

    def stage(self, fever: bool) -> pygame.Surface:
        found = self._stages.get(fever)
        if found is None:
            found = self._stages[fever] = render_stage(self.geometry, self._crop, fever)
        return found

    def column_flash(self, column: int, level: int) -> pygame.Surface:
        """A beam rising from a receptor plus a burst glow (additive); see `flash_anchor`."""
        key = ("column", column, level)
        found = self._flashes.get(key)
        if found is None:
            found = self._flashes[key] = _dimmed(_column_flash(self.geometry, column), level)
        return found

    def flash_anchor(self) -> float:
        """How far above the column flash's bottom edge its receptor point is."""
        return round(self.geometry.width_at(self.geometry.hit_y) / self.geometry.columns * 0.62)

    def ring_flash(self, column: int, level: int) -> pygame.Surface:
        """An expanding ring, large and faint as the flash decays (alpha-blended)."""
        key = ("ring", column, level)
        found = self._flashes.get(key)
        if found is None:
            lane_w = self.geometry.width_at(self.geometry.hit_y) / self.geometry.columns
            grow = 1.0 + 0.6 * (1 - level / FLASH_LEVELS)
            colour = mix(column_colours(self.geometry)[column], WHITE, 0.55)
            size = (round(lane_w * 0.86 * grow), round(lane_w * 0.38 * grow))
            found = ring(size, colour, max(2, round(lane_w * 0.04)), alpha=round(255 * level / FLASH_LEVELS))
            self._flashes[key] = found
        return found

    def kick_flash(self, level: int) -> pygame.Surface:
        key = ("kick", 0, level)
        found = self._flashes.get(key)
        if found is None:
            g = self.geometry
            size = (round(g.width_at(g.hit_y) * 1.04), round(g.height * 0.10))
            found = self._flashes[key] = _dimmed(horizontal_glow(size, PIECE_COLOURS[KitPiece.KICK], 1.6), level)
        return found


def _slots(geometry: HighwayGeometry) -> dict[KitPiece, PieceSlot]:
    """Cymbal pieces look like cymbals on every layout, even where a lane mixes them with toms."""
    found: dict[KitPiece, PieceSlot] = {}
    for lane in geometry.layout.lanes:
        for piece in lane.pieces:
            shape = (OPEN_CYMBAL if piece is KitPiece.HIHAT_OPEN else CYMBAL) if piece.is_cymbal else PAD
            found[piece] = (lane.column, shape, PIECE_COLOURS[piece])
    return found


def _fog(geometry: HighwayGeometry, crop: pygame.Surface) -> pygame.Surface:
    """The backdrop over the far end: opaque at the top edge, clear further down."""
    height = max(2, round(geometry.far_y - geometry.top + (geometry.hit_y - geometry.far_y) * FOG_SHARE))
    fog = with_alpha(crop.subsurface((0, 0, geometry.width, height)))
    alpha = pygame.surfarray.pixels_alpha(fog)
    alpha[:, :] = [min(255, round(255 * 1.15 * (1 - i / height) ** 0.8)) for i in range(height)]
    del alpha  # releases the pixel lock
    return fog


def _column_flash(geometry: HighwayGeometry, column: int) -> pygame.Surface:
    lane_w = geometry.width_at(geometry.hit_y) / geometry.columns
    colour = column_colours(geometry)[column]
    beam_h = round((geometry.hit_y - geometry.far_y) * 0.4)
    anchor = round(lane_w * 0.62)
    w, h = anchor * 2, beam_h + anchor
    out = pygame.Surface((w, h))
    shaft = beam((round(lane_w * 0.92), beam_h), mix(colour, WHITE, 0.15))
    out.blit(shaft, ((w - shaft.get_width()) // 2, 0))
    burst = glow(anchor, mix(colour, WHITE, 0.4), power=1.8)
    out.blit(burst, ((w - burst.get_width()) // 2, beam_h - anchor), special_flags=pygame.BLEND_RGB_ADD)
    return out
