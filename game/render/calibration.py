"""The calibration screen: a beat light to tap along with, the tap count, the running estimate.

`beat_phase` (0 at each click, rising to 1 at the next) drives the flash, so the light is exactly
as late or early as the scene's clock says; the render adds no timing of its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.backdrop import glow
from game.render.fonts import px
from game.render.theme import CYAN, HOT_PINK, PEACH, TEXT, TEXT_DIM, VIOLET, WHITE, Theme, mix
from game.render.widget import blit_centred, draw_screen_title, panel

FLASH_STEPS = 8


@dataclass(frozen=True, slots=True)
class CalibrationView:
    beat_phase: float  # 0..1 since the last click
    taps: int
    target_taps: int
    estimate_ms: float | None  # the offset measured so far (positive: the player hits late)
    spread_ms: float | None = None
    recent_errors_ms: Sequence[float] = ()  # last few taps, for the dot strip
    instructions: Sequence[str] = ()
    title: str = "CALIBRATION"


def draw_calibration(surface: pygame.Surface, theme: Theme, view: CalibrationView) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    surface.blit(theme.background((w, h), "night"), (0, 0))
    draw_screen_title(surface, theme, view.title, "보정")
    centre = (round(w * 0.34), round(h * 0.5))
    _draw_beat_light(surface, theme, centre, px(150, h), view)
    card = pygame.Rect(round(w * 0.58), 0, round(w * 0.38), px(250, h) + px(28, h) * len(view.instructions))
    card.centery = centre[1]
    surface.blit(panel(theme, card.size, px(18, h)), card)
    inner = card.inflate(-px(44, h), -px(40, h))
    surface.blit(fonts.text("bold", px(14, h), "YOUR OFFSET", mix(VIOLET, WHITE, 0.5)), inner.topleft)
    value = "—" if view.estimate_ms is None else f"{view.estimate_ms:+.0f} ms"
    big = fonts.gradient_text("display", px(64, h), value, WHITE, CYAN)
    if big.get_width() > inner.w:
        big = fonts.fit("display", px(64, h), value, WHITE, inner.w)
    surface.blit(big, (inner.x, inner.y + px(24, h)))
    y = inner.y + px(24, h) + big.get_height()
    if view.spread_ms is not None:
        surface.blit(fonts.fit("body", px(16, h), f"spread ±{view.spread_ms:.0f} ms", TEXT_DIM, inner.w), (inner.x, y))
    _draw_tap_strip(surface, theme, pygame.Rect(inner.x, y + px(40, h), inner.w, px(46, h)), view.recent_errors_ms)
    y += px(110, h)
    for line in view.instructions:
        face = fonts.fit("body", px(16, h), line, TEXT, inner.w)
        if y + face.get_height() > inner.bottom:
            break
        surface.blit(face, (inner.x, y))
        y += face.get_height() + px(6, h)


def _draw_beat_light(
    surface: pygame.Surface, theme: Theme, centre: tuple[int, int], radius: int, view: CalibrationView
) -> None:
    h = surface.get_height()
    phase = min(max(view.beat_phase, 0.0), 1.0)
    level = round((1.0 - phase) ** 2 * FLASH_STEPS)  # a sharp flash that decays over the beat
    if level:
        burst = theme.cached(
            ("calib_glow", radius, level),
            lambda: glow(round(radius * 1.5), mix((0, 0, 0), HOT_PINK, level / FLASH_STEPS), 1.6),
        )
        surface.blit(
            burst, (centre[0] - burst.get_width() / 2, centre[1] - burst.get_height() / 2), None, pygame.BLEND_RGB_ADD
        )
    core = mix((40, 24, 90), mix(HOT_PINK, WHITE, 0.35), level / FLASH_STEPS)
    pygame.draw.aacircle(surface, core, centre, round(radius * 0.62))
    pygame.draw.aacircle(surface, mix(HOT_PINK, WHITE, 0.4), centre, round(radius * 0.62), max(2, px(4, h)))
    _draw_progress_ring(surface, centre, radius, view.taps, view.target_taps)
    count = theme.fonts.text("display", px(54, h), f"{view.taps}", WHITE)
    blit_centred(surface, count, (centre[0], centre[1] - px(8, h)))
    label = theme.fonts.text("bold", px(14, h), f"OF {view.target_taps} TAPS", TEXT_DIM if level < 4 else WHITE)
    blit_centred(surface, label, (centre[0], centre[1] + px(34, h)))


def _draw_progress_ring(surface: pygame.Surface, centre: tuple[int, int], radius: int, taps: int, target: int) -> None:
    """One dot per wanted tap around the light: lit as taps come in."""
    target = max(target, 1)
    dot = max(3, radius // 16)
    for i in range(target):
        angle = -math.pi / 2 + 2 * math.pi * i / target
        x = centre[0] + radius * 0.84 * math.cos(angle)
        y = centre[1] + radius * 0.84 * math.sin(angle)
        colour = mix(CYAN, HOT_PINK, i / target) if i < taps else (70, 56, 120)
        pygame.draw.aacircle(surface, colour, (round(x), round(y)), dot)


def _draw_tap_strip(surface: pygame.Surface, theme: Theme, area: pygame.Rect, errors_ms: Sequence[float]) -> None:
    """Recent taps as dots on an early/late line (±100 ms), newest brightest."""
    h = surface.get_height()
    mid = area.centery
    pygame.draw.line(surface, (90, 76, 160), (area.x, mid), (area.right, mid), max(1, px(2, h)))
    pygame.draw.line(surface, WHITE, (area.centerx, mid - px(12, h)), (area.centerx, mid + px(12, h)), max(1, px(2, h)))
    for tag, colour, x in (("early", CYAN, area.x), ("late", PEACH, area.right)):
        face = theme.fonts.text("bold", px(12, h), tag, colour)
        surface.blit(face, (x if tag == "early" else x - face.get_width(), mid + px(10, h)))
    count = len(errors_ms)
    for index, error in enumerate(errors_ms):
        x = area.centerx + max(-1.0, min(1.0, error / 100.0)) * area.w / 2
        fresh = (index + 1) / count
        pygame.draw.aacircle(
            surface, mix((80, 60, 140), mix(HOT_PINK, WHITE, 0.3), fresh), (round(x), mid), max(3, px(6, h))
        )
