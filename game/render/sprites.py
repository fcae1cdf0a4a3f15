"""Note sprites: one pre-rendered Surface per (look, width), made on first use and kept.

A frame blits cached sprites only. Each look is drawn once, large and supersampled (the master),
and every width is a smooth-scaled copy of it (tens of microseconds), so warming a whole chart's
worth of sizes takes a few milliseconds. Widths are quantised to `WIDTH_STEP` pixels. Looks:
- normal: glossy gem (pads) or hexagon (cymbals; hollow bell for an open hi-hat) in the piece colour;
- ghost: smaller, see-through body with a bright outline;
- accent: slightly larger with a white-hot halo;
- missed: greyed and faded, in `FADE_LEVELS` steps as the note slides past the hit line.
Keys are plain tuples because they are hashed once per drawn note.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.render.shapes import cymbal_gem, halo, kick_bar, pad_gem
from game.render.theme import MISSED, WHITE, Color, mix

WIDTH_STEP = 2
FADE_LEVELS = 4
MASTER_WIDTH = 160
MASTER_KICK_WIDTH = 1200
PAD_ASPECT = 0.40  # gem height / width: a gentle top-down squash
CYMBAL_ASPECT = 0.46
KICK_ASPECT = 0.055  # bar height / highway width
GHOST_SCALE = 0.74
ACCENT_SCALE = 1.06
GEM_SHARE = 0.86  # gem width / lane width

GHOST, ACCENT = 1, 2  # dynamic codes (0 = normal): plain ints hash in C, enum members do not
PAD, CYMBAL, OPEN_CYMBAL = 0, 1, 2  # shape codes; an open hi-hat shows a hollow bell
GemKey = tuple[Color, int, int]  # colour, shape code, dynamic code


def gem_width(lane_width: float) -> int:
    return max(WIDTH_STEP * 3, int(lane_width * GEM_SHARE) // WIDTH_STEP * WIDTH_STEP)


class NoteSprites:
    def __init__(self) -> None:
        self._masters: dict[GemKey, pygame.Surface] = {}
        self._gems: dict[tuple[Color, bool, int, int, int], pygame.Surface] = {}
        self._kicks: dict[tuple[Color, bool, int, int], pygame.Surface] = {}
        self._kick_masters: dict[tuple[Color, bool], pygame.Surface] = {}

    def gem(self, colour: Color, shape: int, dynamic: int, lane_width: float, fade: int = 0) -> pygame.Surface:
        """The sprite for a note in a lane `lane_width` pixels wide; blit it centred."""
        return self._sized(colour, shape, dynamic, gem_width(lane_width), fade)

    def _sized(self, colour: Color, shape: int, dynamic: int, width: int, fade: int) -> pygame.Surface:
        key = (colour, shape, dynamic, width, fade)
        sprite = self._gems.get(key)
        if sprite is None:
            if fade:
                sprite = _faded(self._sized(colour, shape, dynamic, width, 0), fade)
            else:
                sprite = self._scaled_master(colour, shape, dynamic, width)
            self._gems[key] = sprite
        return sprite

    def kick(self, colour: Color, double: bool, highway_width: float, fade: int = 0) -> pygame.Surface:
        width = max(16, int(highway_width * 0.97) // 4 * 4)
        key = (colour, double, width, fade)
        sprite = self._kicks.get(key)
        if sprite is None:
            if fade:
                sprite = _faded(self.kick(colour, double, highway_width), fade)
            else:
                master = self._kick_masters.get((colour, double))
                if master is None:
                    size = (MASTER_KICK_WIDTH, round(MASTER_KICK_WIDTH * KICK_ASPECT))
                    master = self._kick_masters[(colour, double)] = kick_bar(size, colour, double)
                sprite = pygame.transform.smoothscale(master, (width, max(5, round(width * KICK_ASPECT))))
            self._kicks[key] = sprite
        return sprite

    def _scaled_master(self, colour: Color, shape: int, dynamic: int, width: int) -> pygame.Surface:
        master = self._masters.get((colour, shape, dynamic))
        if master is None:
            master = self._masters[(colour, shape, dynamic)] = _master(colour, shape, dynamic)
        scale = width / MASTER_WIDTH
        size = (max(2, round(master.get_width() * scale)), max(2, round(master.get_height() * scale)))
        return pygame.transform.smoothscale(master, size)


def _master(colour: Color, shape: int, dynamic: int) -> pygame.Surface:
    draw = partial(cymbal_gem, open_bell=shape == OPEN_CYMBAL) if shape else pad_gem
    aspect = CYMBAL_ASPECT if shape else PAD_ASPECT
    if dynamic == GHOST:
        w = round(MASTER_WIDTH * GHOST_SCALE)
        return draw((w, round(w * aspect)), colour, body_alpha=90, rim_colour=mix(colour, WHITE, 0.75))
    if dynamic == ACCENT:
        w = round(MASTER_WIDTH * ACCENT_SCALE)
        base = draw((w, round(w * aspect)), colour, rim_colour=WHITE)
        return halo(base, mix(colour, WHITE, 0.6), pad=w // 7, strength=2)
    return draw((MASTER_WIDTH, round(MASTER_WIDTH * aspect)), colour)


def _faded(sprite: pygame.Surface, fade: int) -> pygame.Surface:
    """Grey the sprite and thin its alpha: missed notes stay readable but clearly dead."""
    if fade:
        grey = pygame.transform.grayscale(sprite)  # a new surface: the live sprite stays intact
        grey.fill((*mix(MISSED, WHITE, 0.2), 255), special_flags=pygame.BLEND_RGBA_MULT)
        alpha = round(210 * (1 - (fade - 1) / FADE_LEVELS))
        grey.fill((255, 255, 255, alpha), special_flags=pygame.BLEND_RGBA_MULT)
        return grey
    return sprite
