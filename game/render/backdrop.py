"""Pictures computed once per size: night-sky backdrops, gradients, additive glows.

These run numpy over whole surfaces, so they are far too slow for a frame; callers cache the
results (see `Theme.background` and `Theme.cached`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pygame

Color = tuple[int, int, int]
Blob = tuple[float, float, float, Color, float]

_STAR_SEED = 7  # fixed, so a backdrop is the same picture every run


def vertical_ramp(height: int, top: Color, bottom: Color) -> np.ndarray:
    """An (height, 3) float array blending top to bottom."""
    t = np.linspace(0.0, 1.0, max(height, 1))[:, None]
    return np.asarray(top, dtype=np.float32) * (1 - t) + np.asarray(bottom, dtype=np.float32) * t


def _to_surface(rgb: np.ndarray) -> pygame.Surface:
    """(h, w, 3) float array -> Surface (pygame's arrays are (w, h))."""
    data = np.clip(rgb, 0, 255).astype(np.uint8).transpose(1, 0, 2)
    return pygame.surfarray.make_surface(np.ascontiguousarray(data))


def night_sky(size: tuple[int, int], top: Color, bottom: Color, blobs: Sequence[Blob]) -> pygame.Surface:
    """Indigo-to-navy gradient with soft neon glows, stage-light beams and a sprinkle of stars."""
    w, h = max(size[0], 1), max(size[1], 1)
    rgb = np.repeat(vertical_ramp(h, top, bottom)[:, None, :], w, axis=1)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    for cx, cy, radius, colour, strength in blobs:
        d = np.hypot(xs - cx * w, ys - cy * h) / (radius * h)
        falloff = np.clip(1.0 - d, 0.0, 1.0) ** 2 * strength
        rgb += falloff[:, :, None] * np.asarray(colour, dtype=np.float32)
    _add_beams(rgb, xs, ys, w, h)
    _add_stars(rgb, w, h)
    return _to_surface(rgb)


def _add_beams(rgb: np.ndarray, xs: np.ndarray, ys: np.ndarray, w: int, h: int) -> None:
    """Faint spotlight beams fanning down from the top edge, like a concert stage."""
    for origin, angle, colour in (
        (0.18, 0.35, (255, 80, 200)),
        (0.82, -0.35, (80, 200, 255)),
        (0.5, 0.0, (160, 110, 255)),
    ):
        ox = origin * w
        direction = np.array([np.sin(angle), np.cos(angle)], dtype=np.float32)
        dist = np.abs((xs - ox) * direction[1] - ys * direction[0])
        spread = 0.04 * h + ys * 0.22
        beam = np.exp(-((dist / spread) ** 2)) * np.clip(1.0 - ys / h, 0.0, 1.0) * 0.10
        rgb += beam[:, :, None] * np.asarray(colour, dtype=np.float32)


def _add_stars(rgb: np.ndarray, w: int, h: int) -> None:
    rng = np.random.default_rng(_STAR_SEED)
    count = w * h // 3500
    sx = rng.integers(0, w, count)
    sy = rng.integers(0, int(h * 0.75), count)
    glow = rng.uniform(40, 150, count).astype(np.float32)
    rgb[sy, sx] += glow[:, None]


def gradient(size: tuple[int, int], start: Color, end: Color, horizontal: bool = False) -> pygame.Surface:
    """An opaque linear gradient."""
    w, h = max(size[0], 1), max(size[1], 1)
    if horizontal:
        ramp = vertical_ramp(w, start, end)
        rgb = np.repeat(ramp[None, :, :], h, axis=0)
    else:
        rgb = np.repeat(vertical_ramp(h, start, end)[:, None, :], w, axis=1)
    return _to_surface(rgb)


def glow(radius: int, colour: Color, power: float = 2.0) -> pygame.Surface:
    """A radial glow for additive blits (BLEND_RGB_ADD): colour at the centre, black at the edge."""
    r = max(radius, 1)
    ys, xs = np.mgrid[0 : 2 * r, 0 : 2 * r].astype(np.float32)
    d = np.hypot(xs - r + 0.5, ys - r + 0.5) / r
    falloff = np.clip(1.0 - d, 0.0, 1.0) ** power
    return _to_surface(falloff[:, :, None] * np.asarray(colour, dtype=np.float32))


def horizontal_glow(size: tuple[int, int], colour: Color, power: float = 2.0) -> pygame.Surface:
    """A soft band for additive blits, brightest along its middle row, fading to the ends too."""
    w, h = max(size[0], 1), max(size[1], 1)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    dy = np.abs(ys - (h - 1) / 2) / max(h / 2, 1)
    dx = np.abs(xs - (w - 1) / 2) / max(w / 2, 1)
    falloff = np.clip(1.0 - dy, 0, 1) ** power * np.clip(1.0 - dx**6, 0, 1)
    return _to_surface(falloff[:, :, None] * np.asarray(colour, dtype=np.float32))


def beam(size: tuple[int, int], colour: Color, power: float = 2.2) -> pygame.Surface:
    """A vertical light beam for additive blits: brightest at the bottom centre, soft at the sides."""
    w, h = max(size[0], 1), max(size[1], 1)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    across = np.clip(1.0 - (np.abs(xs - (w - 1) / 2) / max(w / 2, 1)) ** 2, 0, 1)
    up = ((ys + 1) / h) ** power
    return _to_surface((across * up)[:, :, None] * np.asarray(colour, dtype=np.float32))


def soft_blur(surface: pygame.Surface, radius: int) -> pygame.Surface:
    """A wide blur made cheap: shrink so the radius is a few pixels, blur, and grow back.

    pygame's gaussian blur costs grow with the radius; halos look the same either way.
    """
    w, h = surface.get_size()
    factor = max(1, radius // 3)
    small = pygame.transform.smoothscale(surface, (max(1, w // factor), max(1, h // factor)))
    small = pygame.transform.gaussian_blur(small, max(1, radius // factor))
    return pygame.transform.smoothscale(small, (w, h))


def shade_disc(radius: int, colour: Color, max_alpha: int) -> pygame.Surface:
    """A soft round shadow (per-pixel alpha) to lift big text off a busy picture."""
    r = max(radius, 1)
    ys, xs = np.mgrid[0 : 2 * r, 0 : 2 * r].astype(np.float32)
    d = np.hypot(xs - r + 0.5, ys - r + 0.5) / r
    alpha = (np.clip(1.0 - d, 0.0, 1.0) ** 1.3 * max_alpha).astype(np.uint8)
    disc = pygame.Surface((2 * r, 2 * r), pygame.SRCALPHA)
    disc.fill((*colour, 0))
    pygame.surfarray.pixels_alpha(disc)[:, :] = alpha.T
    return disc


def with_alpha(surface: pygame.Surface) -> pygame.Surface:
    """A per-pixel-alpha copy (opaque to start with); unlike `convert_alpha` it needs no display."""
    out = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    out.blit(surface, (0, 0))
    return out
