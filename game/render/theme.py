"""The look: palette, per-piece colours, and the `Theme` that owns every size-keyed cache.

Colours are plain RGB tuples. A kit piece has one colour everywhere (notes, lane flashes, results
bars, key hints), so players learn it once. The `Theme` is made once by the app and passed to every
draw call; it holds the font book and the backgrounds, each rendered once per surface size.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path

import pygame

from game.chart.layout import Lane
from game.chart.model import PIECE_ORDER
from game.chart.piece import KitPiece
from game.engine.window import Judgement
from game.render.backdrop import night_sky
from game.render.cache import SurfaceCache
from game.render.fonts import FontBook

Color = tuple[int, int, int]

# Night-stage base and neon accents.
NIGHT_TOP: Color = (34, 14, 78)
NIGHT_BOTTOM: Color = (8, 6, 30)
HOT_PINK: Color = (255, 60, 172)
VIOLET: Color = (150, 92, 255)
CYAN: Color = (64, 228, 255)
LIME: Color = (186, 255, 86)
GOLD: Color = (255, 214, 92)
PEACH: Color = (255, 150, 120)
WHITE: Color = (255, 255, 255)
TEXT: Color = (246, 242, 255)
TEXT_DIM: Color = (184, 172, 226)
TEXT_FAINT: Color = (126, 114, 176)
PANEL: Color = (28, 18, 66)
PANEL_EDGE: Color = (120, 90, 220)
MISSED: Color = (120, 112, 150)

# Who plays a note when two players share one highway (index 0 = player 1): the same colours name
# the players on the HUD and the results, and echo the highway's own pink-left, cyan-right rails.
PLAYER_COLOURS: tuple[Color, Color] = (HOT_PINK, CYAN)

PIECE_COLOURS: dict[KitPiece, Color] = {
    KitPiece.KICK: (255, 138, 60),
    KitPiece.SNARE: (255, 62, 112),
    KitPiece.HIHAT: (255, 222, 64),
    KitPiece.HIHAT_OPEN: (255, 240, 150),
    KitPiece.HIHAT_PEDAL: (236, 186, 60),
    KitPiece.TOM_HIGH: (255, 172, 40),
    KitPiece.TOM_MID: (72, 132, 255),
    KitPiece.TOM_FLOOR: (40, 222, 166),
    KitPiece.CRASH: (170, 255, 80),
    KitPiece.CRASH_LEFT: (120, 240, 120),
    KitPiece.RIDE: (64, 214, 255),
}

PIECE_LABELS: dict[KitPiece, str] = {
    KitPiece.KICK: "Kick",
    KitPiece.SNARE: "Snare",
    KitPiece.HIHAT: "Hi-hat",
    KitPiece.HIHAT_OPEN: "Open hat",
    KitPiece.HIHAT_PEDAL: "Hat pedal",
    KitPiece.TOM_HIGH: "High tom",
    KitPiece.TOM_MID: "Mid tom",
    KitPiece.TOM_FLOOR: "Floor tom",
    KitPiece.CRASH: "Crash",
    KitPiece.CRASH_LEFT: "Left crash",
    KitPiece.RIDE: "Ride",
}

JUDGEMENT_COLOURS: dict[Judgement, Color] = {
    Judgement.PERFECT: (255, 226, 96),
    Judgement.GREAT: (255, 92, 190),
    Judgement.GOOD: (96, 232, 255),
    Judgement.MISS: (150, 138, 190),
    Judgement.OVERHIT: (255, 112, 96),
}

GRADE_COLOURS: dict[str, tuple[Color, Color]] = {
    "SS": ((255, 140, 220), (100, 230, 255)),
    "S": ((255, 236, 140), (255, 160, 60)),
    "A": ((255, 120, 200), VIOLET),
    "B": (CYAN, (90, 120, 255)),
    "C": (LIME, (40, 200, 140)),
    "D": ((190, 180, 220), (110, 100, 150)),
}


def piece_colour(piece: KitPiece) -> Color:
    return PIECE_COLOURS[piece]


def lane_colour(lane: Lane) -> Color:
    """A lane shows the colour of its first piece in kit order (snare before toms before cymbals)."""
    return PIECE_COLOURS[min(lane.pieces, key=PIECE_ORDER.__getitem__)]


def mix(a: Color, b: Color, t: float) -> Color:
    """Linear blend from a (t=0) to b (t=1)."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def default_font_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "assets" / "fonts"


class Theme:
    """Fonts and backgrounds for any surface size; create one and keep it."""

    def __init__(self, font_dir: Path | None = None):
        self.fonts = FontBook(font_dir if font_dir is not None else default_font_dir())
        self._backgrounds: dict[tuple[str, int, int], pygame.Surface] = {}
        self._cache = SurfaceCache(_CACHE_LIMIT)

    def background(self, size: tuple[int, int], variant: str = "night") -> pygame.Surface:
        """An opaque full-screen backdrop, rendered once per (variant, size)."""
        key = (variant, size[0], size[1])
        surface = self._backgrounds.get(key)
        if surface is None:
            surface = night_sky(size, NIGHT_TOP, NIGHT_BOTTOM, _BLOBS[variant])
            self._backgrounds[key] = surface
        return surface

    def cached(self, key: Hashable, make: Callable[[], pygame.Surface]) -> pygame.Surface:
        """A picture made once per key (panels, glows, badges), kept while it is in use."""
        surface = self._cache.get(key)
        if surface is None:
            surface = self._cache.put(key, make())
        return surface


_CACHE_LIMIT = 600

# Soft colour glows per backdrop variant: (centre x, centre y as fractions, radius as a fraction
# of the height, colour, strength). Kept dim so text on top stays readable.
_BLOBS: dict[str, tuple[tuple[float, float, float, Color, float], ...]] = {
    "night": (
        (0.08, 0.12, 0.75, HOT_PINK, 0.30),
        (0.92, 0.90, 0.85, (40, 160, 255), 0.28),
        (0.55, 0.35, 0.55, VIOLET, 0.20),
    ),
    "play": (
        (0.03, 0.05, 0.70, HOT_PINK, 0.22),
        (0.97, 0.95, 0.80, (40, 160, 255), 0.22),
    ),
    "results": (
        (0.15, 0.90, 0.80, VIOLET, 0.30),
        (0.90, 0.10, 0.75, HOT_PINK, 0.26),
        (0.55, 0.55, 0.50, CYAN, 0.10),
    ),
}
