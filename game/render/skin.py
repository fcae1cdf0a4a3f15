"""`HighwaySkin`: every cached picture the highway needs, grouped per geometry.

`HighwaySkin.prepare(geometry, screen)` returns the `StageKit` for that geometry and screen size
(the geometry object of the last call is recognised without hashing it). Flashes are additive
sprites (BLEND_RGB_ADD) pre-rendered at `FLASH_LEVELS` strengths, because re-tinting a surface per
frame costs far more than blitting a stored one. A window resize simply makes a new kit; note
sprites depend only on widths and are shared by all kits. Nothing is module-level: two highways
side by side (versus) keep a skin each, and each skin keeps the kit of its own geometry, so
neither evicts the other's pictures.

Where each note goes and which sprite it wears is the kit's `NotePlacer` (see `placement`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pygame

from game.chart.piece import KitPiece
from game.render.backdrop import beam, glow, horizontal_glow, with_alpha
from game.render.geometry import HighwayGeometry
from game.render.placement import DOUBLE_KICK_COLOUR, DYNAMIC_CODES, NotePlacer, PieceSlot, Placed, player_colour
from game.render.shapes import ring
from game.render.sprites import FADE_LEVELS, NoteSprites
from game.render.stage import column_colours, render_stage
from game.render.theme import PIECE_COLOURS, WHITE, Color, Theme, mix

FLASH_LEVELS = 8
FOG_SHARE = 0.16  # of the far distance, faded into the sky


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
        self._last: tuple[HighwayGeometry | None, tuple[int, int], StageKit | None] = (None, (0, 0), None)

    def prepare(self, geometry: HighwayGeometry, screen: tuple[int, int]) -> StageKit:
        last_geometry, last_screen, kit = self._last
        if geometry is last_geometry and screen == last_screen and kit is not None:
            return kit  # the same objects as last frame: skip hashing the geometry
        key = (geometry, screen)
        kit = self._kits.get(key)
        if kit is None:
            kit = self._kits[key] = StageKit(geometry, self.theme.background(screen, self.variant), self.sprites)
        self._last = (geometry, screen, kit)
        return kit

    def warm(
        self,
        geometry: HighwayGeometry,
        screen: tuple[int, int],
        pieces: Iterable[KitPiece],
        players: Iterable[int] = (),
    ) -> None:
        """Render ahead what a song will need, so the first seconds of play do not stutter.

        `players`: the owners that will appear in `HighwayView.owners`, if notes are drawn in
        player colours; empty for piece colours."""
        kit = self.prepare(geometry, screen)
        for fever in (False, True):
            kit.stage(fever)
        slots = kit.placer.slots
        looks = _warm_looks([slots[piece] for piece in set(pieces) if piece in slots], set(players))
        for y in range(round(geometry.far_y), geometry.bottom, 2):
            width = geometry.width_at(y)
            fades = range(FADE_LEVELS + 1) if y > geometry.hit_y else (0,)
            for column, shape, colour, double in looks:
                for fade in fades:
                    if column < 0:
                        self.sprites.kick(colour, double, width, fade)
                        continue
                    for code in DYNAMIC_CODES.values():
                        self.sprites.gem(colour, shape, code, width / geometry.columns, fade)


class StageKit:
    """The pictures for one geometry on one screen size."""

    def __init__(self, geometry: HighwayGeometry, backdrop: pygame.Surface, sprites: NoteSprites):
        self.geometry = geometry
        self._crop = pygame.Surface((geometry.width, geometry.height))
        self._crop.blit(backdrop, (0, 0), geometry.rect)
        self._stages: dict[bool, pygame.Surface] = {}
        self._flashes: dict[tuple[str, int, int], Placed] = {}
        self.placer = NotePlacer(geometry, sprites)
        fog = _fog(geometry, self._crop)
        span = _traffic_span(geometry, fog.get_height())
        # The fog's sides cover only the still stage, so they are baked into it; a frame blits
        # just the middle, where notes and grid lines can pass.
        self._fog_sides = [(fog, (x, 0), (x, 0, w, fog.get_height())) for x, w in _outside(span, geometry.width)]
        self.fog: Placed = (fog.subsurface(span).copy(), (geometry.left + span.x, geometry.top))

    def stage(self, fever: bool) -> pygame.Surface:
        found = self._stages.get(fever)
        if found is None:
            found = self._stages[fever] = render_stage(self.geometry, self._crop, fever)
            found.blits(self._fog_sides, doreturn=False)
        return found

    def column_flash(self, column: int, level: int) -> Placed:
        """A beam rising from the column's receptor plus a burst glow, and where it goes (additive)."""
        key = ("column", column, level)
        found = self._flashes.get(key)
        if found is None:
            g = self.geometry
            sprite, anchor = _column_flash(g, column)
            x, y = g.column_x(column, g.hit_y), g.hit_y
            corner = (x - sprite.get_width() / 2, y + anchor - sprite.get_height())
            found = self._flashes[key] = _trimmed(_dimmed(sprite, level), corner)
        return found

    def ring_flash(self, column: int, level: int) -> Placed:
        """An expanding ring, large and faint as the flash decays, and where it goes (alpha-blended)."""
        key = ("ring", column, level)
        found = self._flashes.get(key)
        if found is None:
            g = self.geometry
            lane_w = g.width_at(g.hit_y) / g.columns
            grow = 1.0 + 0.6 * (1 - level / FLASH_LEVELS)
            colour = mix(column_colours(g)[column], WHITE, 0.55)
            size = (round(lane_w * 0.86 * grow), round(lane_w * 0.38 * grow))
            sprite = ring(size, colour, max(2, round(lane_w * 0.04)), alpha=round(255 * level / FLASH_LEVELS))
            corner = (g.column_x(column, g.hit_y) - size[0] / 2, g.hit_y - size[1] / 2)
            found = self._flashes[key] = (sprite, corner)
        return found

    def kick_flash(self, level: int) -> Placed:
        """A band of kick colour along the hit line, and where it goes (additive)."""
        key = ("kick", 0, level)
        found = self._flashes.get(key)
        if found is None:
            g = self.geometry
            size = (round(g.width_at(g.hit_y) * 1.04), round(g.height * 0.10))
            sprite = _dimmed(horizontal_glow(size, PIECE_COLOURS[KitPiece.KICK], 1.6), level)
            found = self._flashes[key] = _trimmed(sprite, (g.centre_x - size[0] / 2, g.hit_y - size[1] / 2))
        return found


def _warm_looks(slots: Sequence[PieceSlot], players: set[int]) -> list[tuple[int, int, Color, bool]]:
    """(column, shape, colour, double kick) of every look `NotePlacer.plan` gives these pieces."""
    looks = []
    for column, shape, colour in slots:
        doubles = (False, True) if column < 0 else (False,)
        if players:
            looks += [(column, shape, player_colour(player), double) for player in players for double in doubles]
        else:
            looks += [(column, shape, DOUBLE_KICK_COLOUR if double else colour, double) for double in doubles]
    return looks


def _fog(geometry: HighwayGeometry, crop: pygame.Surface) -> pygame.Surface:
    """The backdrop over the far end: opaque at the top edge, clear further down."""
    height = max(2, round(geometry.far_y - geometry.top + (geometry.hit_y - geometry.far_y) * FOG_SHARE))
    fog = with_alpha(crop.subsurface((0, 0, geometry.width, height)))
    alpha = pygame.surfarray.pixels_alpha(fog)
    alpha[:, :] = [min(255, round(255 * 1.15 * (1 - i / height) ** 0.8)) for i in range(height)]
    del alpha  # releases the pixel lock
    return fog


def _trimmed(sprite: pygame.Surface, corner: tuple[float, float]) -> Placed:
    """An additive sprite without its black border (adding black changes nothing, but costs)."""
    lit = pygame.surfarray.array3d(sprite).any(axis=2)
    xs, ys = np.flatnonzero(lit.any(axis=1)), np.flatnonzero(lit.any(axis=0))
    if not len(xs):
        return sprite.subsurface((0, 0, 1, 1)).copy(), corner
    box = pygame.Rect(int(xs[0]), int(ys[0]), int(xs[-1] - xs[0]) + 1, int(ys[-1] - ys[0]) + 1)
    return sprite.subsurface(box).copy(), (corner[0] + box.x, corner[1] + box.y)


def _traffic_span(geometry: HighwayGeometry, fog_height: int) -> pygame.Rect:
    """The part of the fog (in rect coordinates) that notes and grid lines can reach: the highway's
    width a little below the fog, where the largest gem that pokes into it is centred, plus the
    overhang of an accented gem in an outer lane."""
    lane_w = geometry.width_at(geometry.hit_y) / geometry.columns
    below = geometry.top + fog_height + lane_w
    half = geometry.width_at(below) / 2 + lane_w * 0.25
    left = max(0, int(geometry.centre_x - half) - geometry.left)
    right = min(geometry.width, int(geometry.centre_x + half) + 1 - geometry.left)
    return pygame.Rect(left, 0, right - left, fog_height)


def _outside(span: pygame.Rect, width: int) -> list[tuple[int, int]]:
    """(x, width) of the parts of 0..width left and right of the span."""
    return [(x, w) for x, w in ((0, span.left), (span.right, width - span.right)) if w > 0]


def _column_flash(geometry: HighwayGeometry, column: int) -> tuple[pygame.Surface, int]:
    """The flash sprite and how far above its bottom edge the receptor's centre is."""
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
    return out, anchor
