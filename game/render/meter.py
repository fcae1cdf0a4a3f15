"""The multiplier badge and the segmented fever meter.

Both are assembled from cached pictures: a badge per (multiplier, lit ring segments, fever, size)
and one lit and one unlit meter segment per size, so a frame costs a handful of blits.
"""

from __future__ import annotations

import math

import pygame

from game.render.fonts import TIMES, px
from game.render.theme import CYAN, GOLD, HOT_PINK, LIME, TEXT_DIM, VIOLET, WHITE, Color, Theme, mix
from game.render.widget import glow_panel

RING_SEGMENTS = 10
METER_SEGMENTS = 8
READY_AT = 0.5  # the meter glows from here: enough to activate

MULTIPLIER_COLOURS: dict[int, Color] = {1: (200, 190, 255), 2: CYAN, 3: LIME, 4: HOT_PINK}


def multiplier_colour(multiplier: int, fever: bool) -> Color:
    return GOLD if fever else MULTIPLIER_COLOURS.get(multiplier, HOT_PINK)


def multiplier_badge(theme: Theme, multiplier: int, progress: float, fever: bool, diameter: int) -> pygame.Surface:
    """A round badge: "x4" inside a ring whose lit segments show progress to the next step."""
    lit = min(RING_SEGMENTS, max(0, int(progress * RING_SEGMENTS)))
    key = ("badge", multiplier, lit, fever, diameter)
    return theme.cached(key, lambda: _badge(theme, multiplier, lit, fever, diameter))


def _badge(theme: Theme, multiplier: int, lit: int, fever: bool, diameter: int) -> pygame.Surface:
    s = 3
    d = diameter * s
    colour = multiplier_colour(multiplier, fever)
    big = pygame.Surface((d, d), pygame.SRCALPHA)
    centre = d / 2
    pygame.draw.circle(big, (*mix((20, 12, 50), colour, 0.18), 235), (centre, centre), d * 0.40)
    pygame.draw.circle(big, (*colour, 255), (centre, centre), d * 0.40, width=max(2, d // 60))
    outer, inner = d * 0.5, d * 0.44
    for i in range(RING_SEGMENTS):
        start = -math.pi / 2 + i * 2 * math.pi / RING_SEGMENTS + 0.06
        end = start + 2 * math.pi / RING_SEGMENTS - 0.12
        steps = [start + (end - start) * k / 6 for k in range(7)]
        points = [(centre + outer * math.cos(a), centre + outer * math.sin(a)) for a in steps]
        points += [(centre + inner * math.cos(a), centre + inner * math.sin(a)) for a in reversed(steps)]
        tint = (*colour, 255) if i < lit or multiplier >= 4 else (90, 76, 150, 150)
        pygame.draw.polygon(big, tint, points)
    out = pygame.transform.smoothscale(big, (diameter, diameter))
    text = theme.fonts.gradient_text("display", round(diameter * 0.42), f"{TIMES}{multiplier}", WHITE, colour)
    out.blit(text, ((diameter - text.get_width()) / 2, (diameter - text.get_height()) / 2 + diameter * 0.03))
    return out


def _segment(theme: Theme, size: tuple[int, int], colour: Color, alpha: int) -> pygame.Surface:
    def make() -> pygame.Surface:
        s = 3
        w, h = size[0] * s, size[1] * s
        big = pygame.Surface((w, h), pygame.SRCALPHA)
        slant = h * 0.35
        pygame.draw.polygon(big, (*colour, alpha), [(slant, 0), (w, 0), (w - slant, h), (0, h)])
        if alpha > 200:  # a thin light edge along the top: lit segments look like lit glass
            top = max(s, h // 7)
            pygame.draw.polygon(
                big,
                (*mix(colour, WHITE, 0.6), 255),
                [(slant, 0), (w, 0), (w - slant * top / h, top), (slant * (1 - top / h), top)],
            )
        return pygame.transform.smoothscale(big, size)

    return theme.cached(("segment", size, colour, alpha), make)


def _meter_row(surface: pygame.Surface, area: pygame.Rect) -> tuple[pygame.Rect, int, int]:
    """The segment row, segment width and gap for a meter area."""
    h = surface.get_height()
    row = pygame.Rect(area.x, area.y + px(26, h), area.w, px(22, h))
    gap = max(2, px(4, h))
    return row, (row.w - gap * (METER_SEGMENTS - 1)) // METER_SEGMENTS, gap


def draw_meter_slots(surface: pygame.Surface, theme: Theme, area: pygame.Rect) -> None:
    """The meter's still parts: its label and the dark, empty segments."""
    h = surface.get_height()
    surface.blit(theme.fonts.text("bold", px(13, h), "FEVER", TEXT_DIM), area.topleft)
    row, seg_w, gap = _meter_row(surface, area)
    dark = _segment(theme, (seg_w, row.h), mix(VIOLET, (20, 10, 50), 0.55), 170)
    for i in range(METER_SEGMENTS):
        surface.blit(dark, (row.x + i * (seg_w + gap), row.y))


def draw_fever_meter(surface: pygame.Surface, theme: Theme, area: pygame.Rect, meter: float, active: bool) -> None:
    """The meter's changing parts, over `draw_meter_slots`: lit segments, glow and status."""
    h = surface.get_height()
    meter = min(max(meter, 0.0), 1.0)
    ready = meter >= READY_AT - 1e-9
    colour = GOLD if active else (HOT_PINK if ready else CYAN)
    status = f"ACTIVE {TIMES}2" if active else ("READY!" if ready else f"{round(meter * 100)}%")
    tag = theme.fonts.text("bold", px(15, h), status, colour)
    surface.blit(tag, (area.right - tag.get_width(), area.y - px(2, h)))
    row, seg_w, gap = _meter_row(surface, area)
    if ready or active:
        halo = glow_panel(theme, row.inflate(px(8, h), px(8, h)).size, px(8, h), colour, fill=(20, 10, 50, 0))
        surface.blit(halo, (row.x - px(12, h), row.y - px(12, h)))
    filled = round(meter * METER_SEGMENTS * 4) / 4  # quarter-segment steps
    if filled > 0:
        key = ("meter_lit", row.size, seg_w, gap, colour, filled)
        lit = theme.cached(key, lambda: _lit_row(theme, row.size, seg_w, gap, colour, filled))
        surface.blit(lit, row.topleft)


def _lit_row(theme: Theme, size: tuple[int, int], seg_w: int, gap: int, colour: Color, filled: float) -> pygame.Surface:
    """The lit segments for one fill level, as one picture (one blit per frame instead of eight)."""
    out = pygame.Surface(size, pygame.SRCALPHA)
    lit = _segment(theme, (seg_w, size[1]), colour, 255)
    for i in range(METER_SEGMENTS):
        share = min(max(filled - i, 0.0), 1.0)
        if share > 0:
            out.blit(lit, (i * (seg_w + gap), 0), pygame.Rect(0, 0, round(seg_w * share), size[1]))
    return out
