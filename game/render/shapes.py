"""Antialiased note shapes, drawn supersampled and scaled down once (never per frame).

pygame's polygon and ellipse fills are not antialiased; drawing at `SUPERSAMPLE` times the size and
smooth-scaling down gives clean edges at a one-off cost of a few hundred microseconds per sprite.
"""

from __future__ import annotations

import pygame

from game.render.backdrop import soft_blur
from game.render.theme import WHITE, Color, mix

SUPERSAMPLE = 4

Point = tuple[float, float]


def _shade(colour: Color, factor: float) -> Color:
    return (
        min(255, round(colour[0] * factor)),
        min(255, round(colour[1] * factor)),
        min(255, round(colour[2] * factor)),
    )


def _finish(big: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    return pygame.transform.smoothscale(big, (max(size[0], 1), max(size[1], 1)))


def pad_gem(
    size: tuple[int, int], colour: Color, body_alpha: int = 255, rim_colour: Color | None = None
) -> pygame.Surface:
    """A glossy rounded gem (toms and snare): dark rim, coloured body, light cap, specular dot."""
    s = SUPERSAMPLE
    w, h = size[0] * s, size[1] * s
    big = pygame.Surface((w, h), pygame.SRCALPHA)
    radius = h // 2
    pygame.draw.rect(big, (*(rim_colour or _shade(colour, 0.42)), 255), (0, 0, w, h), border_radius=radius)
    rim = max(s * 2, h // 9)
    body = pygame.Rect(rim, rim, w - 2 * rim, h - 2 * rim)
    pygame.draw.rect(big, (*colour, body_alpha), body, border_radius=radius - rim)
    cap = pygame.Rect(body.x + body.w // 10, body.y + body.h // 12, body.w * 8 // 10, body.h * 5 // 12)
    pygame.draw.ellipse(big, (*mix(colour, WHITE, 0.55), min(255, body_alpha + 20)), cap)
    lower = pygame.Rect(body.x + body.w // 6, body.bottom - body.h // 3, body.w * 2 // 3, body.h // 5)
    pygame.draw.ellipse(big, (*_shade(colour, 0.8), body_alpha), lower)
    dot = pygame.Rect(cap.x + cap.w // 8, cap.y + cap.h // 6, cap.w // 6, cap.h // 2)
    pygame.draw.ellipse(big, (255, 255, 255, 235), dot)
    return _finish(big, size)


def _hexagon(w: float, h: float, inset: float) -> list[Point]:
    slant = w * 0.2
    return [
        (inset, h / 2),
        (slant + inset * 0.6, inset),
        (w - slant - inset * 0.6, inset),
        (w - inset, h / 2),
        (w - slant - inset * 0.6, h - inset),
        (slant + inset * 0.6, h - inset),
    ]


def cymbal_gem(
    size: tuple[int, int],
    colour: Color,
    body_alpha: int = 255,
    rim_colour: Color | None = None,
    open_bell: bool = False,
) -> pygame.Surface:
    """A flattened hexagon (cymbals): metallic band across the middle and a bright bell."""
    s = SUPERSAMPLE
    w, h = size[0] * s, size[1] * s
    big = pygame.Surface((w, h), pygame.SRCALPHA)
    rim = max(s * 2, h // 9)
    pygame.draw.polygon(big, (*(rim_colour or _shade(colour, 0.4)), 255), _hexagon(w, h, 0))
    pygame.draw.polygon(big, (*colour, body_alpha), _hexagon(w, h, rim))
    band_h = h // 5
    band = [(x, y) for x, y in _hexagon(w, h, rim) if abs(y - h / 2) < 1]
    left, right = band[0][0] + rim, band[1][0] - rim
    pygame.draw.polygon(
        big,
        (*mix(colour, WHITE, 0.6), min(255, body_alpha + 30)),
        [(left, h / 2), (left + band_h, h / 2 - band_h), (right - band_h, h / 2 - band_h), (right, h / 2)],
    )
    bell = pygame.Rect(0, 0, w // 5, h // 3)
    bell.center = (w // 2, h // 2)
    if open_bell:  # an open hi-hat: a bold white ring instead of a solid bell
        pygame.draw.ellipse(big, (*_shade(colour, 0.55), 255), bell.inflate(h // 6, h // 10))
        pygame.draw.ellipse(big, (255, 255, 255, 255), bell.inflate(h // 8, h // 14), width=max(s, h // 10))
    else:
        pygame.draw.ellipse(big, (255, 255, 255, 240), bell)
        pygame.draw.ellipse(big, (*_shade(colour, 0.55), 255), bell, width=max(s, h // 24))
    return _finish(big, size)


def kick_bar(size: tuple[int, int], colour: Color, double: bool, body_alpha: int = 255) -> pygame.Surface:
    """A bar across the highway; a double kick shows two rails and end caps in hot pink."""
    s = SUPERSAMPLE
    w, h = size[0] * s, size[1] * s
    big = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.rect(big, (*_shade(colour, 0.45), 255), (0, 0, w, h), border_radius=h // 2)
    rim = max(s, h // 6)
    pygame.draw.rect(big, (*colour, body_alpha), (rim, rim, w - 2 * rim, h - 2 * rim), border_radius=h // 2 - rim)
    if double:
        gap = h // 5
        for y in (h // 2 - gap - rim, h // 2 + gap):
            pygame.draw.rect(big, (255, 255, 255, 230), (h, y, w - 2 * h, rim), border_radius=rim // 2)
        for x in (h // 3, w - h // 3 - h // 2):
            pygame.draw.ellipse(big, (255, 255, 255, 255), (x, h // 4, h // 2, h // 2))
    else:
        line = max(s, h // 5)
        pygame.draw.rect(big, (*mix(colour, WHITE, 0.65), 255), (h // 2, h // 3, w - h, line), border_radius=line // 2)
    return _finish(big, size)


def halo(sprite: pygame.Surface, colour: Color, pad: int, strength: int = 2) -> pygame.Surface:
    """`sprite` centred over a blurred glow of its own silhouette, `pad` pixels larger on each side."""
    w, h = sprite.get_size()
    out = pygame.Surface((w + 2 * pad, h + 2 * pad), pygame.SRCALPHA)
    silhouette = sprite.copy()
    silhouette.fill((*colour, 255), special_flags=pygame.BLEND_RGBA_MULT)
    silhouette.fill((*colour, 0), special_flags=pygame.BLEND_RGB_MAX)
    glow = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    grown = pygame.transform.smoothscale(silhouette, (w + pad, h + pad))
    glow.blit(grown, (pad // 2, pad // 2))
    glow = soft_blur(glow, max(1, pad // 2))
    for _ in range(strength):
        out.blit(glow, (0, 0))
    out.blit(sprite, (pad, pad))
    return out


def ring(size: tuple[int, int], colour: Color, thickness: int, alpha: int = 255) -> pygame.Surface:
    """An antialiased elliptical ring."""
    s = SUPERSAMPLE
    big = pygame.Surface((size[0] * s, size[1] * s), pygame.SRCALPHA)
    pygame.draw.ellipse(big, (*colour, alpha), big.get_rect(), width=max(1, thickness * s))
    return _finish(big, size)
