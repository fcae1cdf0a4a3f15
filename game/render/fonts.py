"""Fonts and rendered text, each made once and cached.

Roles, not file names, are what callers ask for: "display" (heavy geometric, for the logo, combo,
grades), "bold" and "body" (crisp UI text) and "cjk" (a small subset of Noto Sans CJK holding only
the Korean and Japanese phrases in `CJK_PHRASES`). A missing font file falls back to pygame's
bundled default font, so the game still draws from a bare checkout. Sizes are in pixels; callers
scale them with the surface height (`px`).

Text surfaces are cached by (role, size, text, colour, effect) in bounded LRU caches. Rendering a
string costs tens of microseconds (and a glow a millisecond or more), which matters in a 1 ms frame
budget. Numbers that change every few frames are assembled from per-character pictures (`run`).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pygame

from game.render.backdrop import gradient, soft_blur
from game.render.cache import SurfaceCache

log = logging.getLogger(__name__)

Color = tuple[int, int, int]
Fill = Color | tuple[Color, Color]  # a colour, or a (top, bottom) vertical gradient

FONT_FILES = {
    "display": "LeagueSpartan-Black.otf",
    "bold": "Inter-Bold.otf",
    "body": "Inter-Medium.otf",
    "cjk": "NotoSansCJKkr-Bold-subset.otf",
}
# Every phrase the "cjk" font can draw; keep in step with assets/fonts/README.md.
CJK_PHRASES = (
    "드럼 외교 · ドラム外交",
    "대박!",
    "최고!",
    "결과",
    "선곡",
    "설정",
    "보정",
    "일시정지",
    "준비",
    "피버",
    "화이팅",
)
# Typographic marks, spelled as escapes so they are not mistaken for x, < and >.
TIMES = "\u00d7"
CHEVRON_LEFT = "\u2039"
CHEVRON_RIGHT = "\u203a"
_CACHE_LIMIT = 1200
_RUN_LIMIT = 64


def px(size_at_720: float, height: int) -> int:
    """A length designed for a 720-pixel-high screen, scaled to `height`."""
    return max(1, round(size_at_720 * height / 720))


class FontBook:
    def __init__(self, font_dir: Path):
        self._dir = font_dir
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._texts = SurfaceCache(_CACHE_LIMIT)
        self._glyphs: dict[tuple[object, ...], pygame.Surface] = {}
        self._runs = SurfaceCache(_RUN_LIMIT)
        if not pygame.font.get_init():
            pygame.font.init()

    def has(self, role: str) -> bool:
        return (self._dir / FONT_FILES[role]).is_file()

    def font(self, role: str, size: int) -> pygame.font.Font:
        key = (role, max(size, 4))
        found = self._fonts.get(key)
        if found is None:
            path = self._dir / FONT_FILES[role]
            try:
                found = pygame.font.Font(path, key[1])
            except (OSError, FileNotFoundError):
                log.warning("font %s not found; using pygame's default font", path)
                found = pygame.font.Font(None, key[1])
            self._fonts[key] = found
        return found

    def _remember(self, key: tuple[object, ...], surface: pygame.Surface) -> pygame.Surface:
        return self._texts.put(key, surface)

    def text(self, role: str, size: int, text: str, colour: Color) -> pygame.Surface:
        """Antialiased text with per-pixel alpha."""
        key = ("plain", role, size, text, colour)
        found = self._texts.get(key)
        if found is None:
            found = self._remember(key, self.font(role, size).render(text, True, colour))
        return found

    def gradient_text(self, role: str, size: int, text: str, top: Color, bottom: Color) -> pygame.Surface:
        """Text filled with a vertical gradient (white glyphs multiplied by the ramp)."""
        key = ("gradient", role, size, text, top, bottom)
        found = self._texts.get(key)
        if found is None:
            found = self.font(role, size).render(text, True, (255, 255, 255))
            found.blit(self._ramp(found.get_size(), top, bottom), (0, 0), special_flags=pygame.BLEND_RGB_MULT)
            self._remember(key, found)
        return found

    def _ramp(self, size: tuple[int, int], top: Color, bottom: Color) -> pygame.Surface:
        """A gradient as wide as `size`, from one cached column (numpy once per height, not per text)."""
        key = ("ramp", size[1], top, bottom)
        column = self._texts.get(key)
        if column is None:
            column = self._remember(key, gradient((1, size[1]), top, bottom))
        return pygame.transform.scale(column, size)

    def face(self, role: str, size: int, text: str, fill: Fill) -> pygame.Surface:
        """Plain text for a colour fill, gradient text for a (top, bottom) fill."""
        if isinstance(fill[0], tuple):
            return self.gradient_text(role, size, text, fill[0], fill[1])  # type: ignore[arg-type]
        return self.text(role, size, text, fill)  # type: ignore[arg-type]

    def halo(self, role: str, size: int, text: str, colour: Color, radius: int) -> pygame.Surface:
        """Only the blurred glow of `text`, padded by `radius` on every side."""
        key = ("halo", role, size, text, colour, radius)
        found = self._texts.get(key)
        if found is None:
            found = self._remember(key, _halo(self.text(role, size, text, colour), colour, radius))
        return found

    def glow_text(self, role: str, size: int, text: str, fill: Fill, halo: Color, radius: int) -> pygame.Surface:
        """Text over its blurred halo, padded by `radius` on every side."""
        key = ("glow", role, size, text, fill, halo, radius)
        found = self._texts.get(key)
        if found is None:
            found = self.halo(role, size, text, halo, radius).copy()
            found.blit(self.face(role, size, text, fill), (radius, radius))
            self._remember(key, found)
        return found

    def run(
        self, role: str, size: int, text: str, fill: Fill, halo: Color | None = None, radius: int = 0
    ) -> pygame.Surface:
        """Like `glow_text` (or `face` without a halo) but assembled from per-character pictures.

        For numbers that change every few frames (score, combo, accuracy): after the first few
        values every character is cached, so a new value costs a few blits, not a render and a blur.
        Characters are placed at their font advances, so kerning is lost; digits do not need it.
        """
        key = ("run", role, size, text, fill, halo, radius)
        found = self._runs.get(key)
        if found is not None:
            return found
        font = self.font(role, size)
        pad = radius if halo is not None else 0
        advances = [font.size(char)[0] for char in text]
        out = pygame.Surface((sum(advances) + 2 * pad, font.get_height() + 2 * pad), pygame.SRCALPHA)
        if halo is not None:  # every halo first, so no glow falls over a neighbour's face
            x = 0
            for char, advance in zip(text, advances, strict=True):
                out.blit(self._glyph(("halo", role, size, char, halo, radius)), (x, 0))
                x += advance
        x = pad
        for char, advance in zip(text, advances, strict=True):
            out.blit(self._glyph(("face", role, size, char, fill)), (x, pad))
            x += advance
        return self._runs.put(key, out)  # values come and go; only the last few repeat

    def _glyph(self, key: tuple[object, ...]) -> pygame.Surface:
        """One character's face or halo, kept for good (a few hundred at most)."""
        found = self._glyphs.get(key)
        if found is None:
            if key[0] == "halo":
                _, role, size, char, colour, radius = key
                found = _halo(self.font(role, size).render(char, True, colour), colour, radius)  # type: ignore[arg-type]
            else:
                _, role, size, char, fill = key
                found = self.face(role, size, char, fill).copy()  # type: ignore[arg-type]
            self._glyphs[key] = found
        return found

    def fit(self, role: str, size: int, text: str, colour: Color, max_width: int) -> pygame.Surface:
        """Text no wider than `max_width`: shrink down to 70 %, then cut with an ellipsis."""
        surface = self.text(role, size, text, colour)
        smallest = max(int(size * 0.7), 6)
        while surface.get_width() > max_width and size > smallest:
            size -= max(1, size // 12)
            surface = self.text(role, size, text, colour)
        cut = text
        while surface.get_width() > max_width and len(cut) > 1:
            cut = cut[:-1]
            surface = self.text(role, size, cut.rstrip() + "…", colour)
        return surface

    def clip(self, role: str, size: int, text: str, max_width: int) -> str:
        """`text`, cut with an ellipsis if needed so it renders no wider than `max_width`."""
        font = self.font(role, size)
        if font.size(text)[0] <= max_width:
            return text
        cut = text
        while len(cut) > 1 and font.size(cut.rstrip() + "…")[0] > max_width:
            cut = cut[:-1]
        return cut.rstrip() + "…"


def _halo(face: pygame.Surface, colour: Color, radius: int) -> pygame.Surface:
    """A soft glow in `colour` around the glyphs of `face` (the face itself not included)."""
    w, h = face.get_size()
    pad = max(radius, 1)
    silhouette = pygame.Surface((w + 2 * pad, h + 2 * pad), pygame.SRCALPHA)
    tinted = face.copy()
    tinted.fill((*colour, 255), special_flags=pygame.BLEND_RGBA_MULT)
    tinted.fill((*colour, 0), special_flags=pygame.BLEND_RGB_MAX)
    silhouette.blit(tinted, (pad, pad))
    halo = soft_blur(silhouette, max(1, radius // 2))
    # A second, tighter layer keeps the glow bright close to the glyphs.
    halo.blit(soft_blur(silhouette, max(1, radius // 5)), (0, 0))
    return halo
