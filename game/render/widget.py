"""Small reusable pictures: glass panels, pills, key caps, bars; and blit helpers.

Each picture is made once per (kind, size, colours) through `Theme.cached`, so screens can call
these every frame. Panels are "glass cards": a translucent violet fill, a thin light edge, and a
brighter top edge, the look of K-pop game menus.
"""

from __future__ import annotations

import pygame

from game.render.backdrop import gradient, soft_blur, with_alpha
from game.render.fonts import CJK_PHRASES, px
from game.render.theme import HOT_PINK, PANEL, PANEL_EDGE, WHITE, Color, Theme, mix

RGBA = tuple[int, int, int, int]


def panel(
    theme: Theme, size: tuple[int, int], radius: int, fill: RGBA = (*PANEL, 200), edge: RGBA | None = None
) -> pygame.Surface:
    edge = edge or (*PANEL_EDGE, 150)
    return theme.cached(("panel", size, radius, fill, edge), lambda: _panel(size, radius, fill, edge))


def _panel(size: tuple[int, int], radius: int, fill: RGBA, edge: RGBA) -> pygame.Surface:
    w, h = max(size[0], 2), max(size[1], 2)
    s = 2  # drawn twice as large and scaled down: antialiased corners
    big = pygame.Surface((w * s, h * s), pygame.SRCALPHA)
    pygame.draw.rect(big, edge, big.get_rect(), border_radius=radius * s)
    inner = big.get_rect().inflate(-2 * s, -2 * s)
    pygame.draw.rect(big, fill, inner, border_radius=max(0, radius - 1) * s)
    if h >= 3 * radius:  # tall cards only: on pills a top highlight reads as a glitch
        _sheen(big, inner.x + radius * s, inner.y, inner.w - 2 * radius * s, s, mix(edge[:3], WHITE, 0.6))
    return pygame.transform.smoothscale(big, (w, h))


def _sheen(target: pygame.Surface, x: int, y: int, width: int, thickness: int, colour: Color) -> None:
    """A highlight line along a card's top edge, brightest in the middle and fading to the ends.

    Drawn on its own layer (pygame's draw calls replace alpha rather than blend) from the widest,
    faintest band in to the narrowest, brightest one."""
    layer = pygame.Surface((max(width, 1), thickness), pygame.SRCALPHA)
    steps = 12
    for i in range(steps):
        share = 1 - i / steps
        half = width * share / 2
        pygame.draw.rect(layer, (*colour, round(15 + 170 * (1 - share))), (width / 2 - half, 0, 2 * half, thickness))
    target.blit(layer, (x, y))


def glow_panel(
    theme: Theme, size: tuple[int, int], radius: int, colour: Color, fill: RGBA = (*PANEL, 225)
) -> pygame.Surface:
    """A panel with a neon outline glow (for the selected item). The glow pads every side by `radius`."""
    return theme.cached(("glow_panel", size, radius, colour, fill), lambda: _glow_panel(size, radius, colour, fill))


def _glow_panel(size: tuple[int, int], radius: int, colour: Color, fill: RGBA) -> pygame.Surface:
    pad = radius
    out = pygame.Surface((size[0] + 2 * pad, size[1] + 2 * pad), pygame.SRCALPHA)
    halo = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    pygame.draw.rect(halo, (*colour, 200), (pad, pad, *size), width=max(2, radius // 3), border_radius=radius)
    halo = soft_blur(halo, max(2, pad // 2))
    # Clear the halo under the card: seen through a translucent fill it would look like a frame.
    pygame.draw.rect(halo, (0, 0, 0, 0), (pad, pad, *size), border_radius=radius)
    out.blit(halo, (0, 0))
    out.blit(_panel(size, radius, fill, (*mix(colour, WHITE, 0.3), 255)), (pad, pad))
    return out


def pill(theme: Theme, text: str, role: str, size: int, fg: Color, bg: RGBA) -> pygame.Surface:
    """Text on a rounded pill, sized to the text."""
    face = theme.fonts.text(role, size, text, fg)
    pad_x, pad_y = max(4, size // 2), max(2, size // 6)
    box = (face.get_width() + 2 * pad_x, face.get_height() + 2 * pad_y)

    def make() -> pygame.Surface:
        out = _panel(box, box[1] // 2, bg, (*mix(bg[:3], WHITE, 0.35), min(255, bg[3] + 40)))
        out.blit(face, (pad_x, pad_y))
        return out

    return theme.cached(("pill", text, role, size, fg, bg), make)


def keycap(theme: Theme, label: str, height: int, colour: Color) -> pygame.Surface:
    """A key-cap picture: rounded square with a coloured base edge."""

    def make() -> pygame.Surface:
        face = theme.fonts.text("bold", round(height * 0.5), label, WHITE)
        w = max(height, face.get_width() + height // 2)
        out = _panel((w, height), height // 5, (*mix(PANEL, colour, 0.25), 240), (*colour, 255))
        pygame.draw.rect(
            out,
            (*colour, 255),
            (height // 5, height - max(2, height // 10) - 1, w - 2 * (height // 5), max(2, height // 10)),
        )
        out.blit(face, ((w - face.get_width()) // 2, (height - face.get_height()) // 2 - height // 20))
        return out

    return theme.cached(("keycap", label, height, colour), make)


def bar(theme: Theme, size: tuple[int, int], start: Color, end: Color) -> pygame.Surface:
    """A horizontal gradient bar with rounded ends."""

    def make() -> pygame.Surface:
        w, h = max(size[0], 1), max(size[1], 1)
        out = with_alpha(gradient((w, h), start, end, horizontal=True))
        mask = pygame.Surface((w, h), pygame.SRCALPHA)
        pygame.draw.rect(mask, (255, 255, 255, 255), mask.get_rect(), border_radius=h // 2)
        out.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
        return out

    return theme.cached(("bar", size, start, end), make)


def blit_centred(surface: pygame.Surface, sprite: pygame.Surface, centre: tuple[float, float]) -> pygame.Rect:
    return surface.blit(sprite, (round(centre[0] - sprite.get_width() / 2), round(centre[1] - sprite.get_height() / 2)))


def blit_faded(surface: pygame.Surface, sprite: pygame.Surface, pos: tuple[float, float], alpha: int) -> pygame.Rect:
    """Blit with an extra whole-surface alpha, leaving the (cached) sprite as it was."""
    if alpha >= 255:
        return surface.blit(sprite, pos)
    sprite.set_alpha(max(alpha, 0))
    try:
        return surface.blit(sprite, pos)
    finally:
        sprite.set_alpha(255)


def dim(theme: Theme, size: tuple[int, int], alpha: int, colour: Color = (6, 4, 20)) -> pygame.Surface:
    """A translucent full-screen veil for overlays."""

    def make() -> pygame.Surface:
        veil = pygame.Surface(size, pygame.SRCALPHA)
        veil.fill((*colour, alpha))
        return veil

    return theme.cached(("dim", size, alpha, colour), make)


def draw_screen_title(surface: pygame.Surface, theme: Theme, title: str, korean: str = "") -> int:
    """A menu screen's glowing title at the top left, with its small Korean name beside it when
    the bundled CJK subset can draw it; returns the x just after what was drawn."""
    h = surface.get_height()
    fonts = theme.fonts
    head = fonts.glow_text("display", px(38, h), title, (WHITE, HOT_PINK), HOT_PINK, px(8, h))
    surface.blit(head, (px(20, h), px(14, h)))
    x = px(20, h) + head.get_width()
    if korean and fonts.has("cjk") and korean in CJK_PHRASES:
        surface.blit(fonts.text("cjk", px(16, h), korean, mix(HOT_PINK, WHITE, 0.4)), (x, px(30, h)))
        x += px(50, h)
    return x
