"""The title screen and the difficulty / lane-layout chooser.

The title animates from `time_s` (any steadily increasing seconds the scene passes in): an
equaliser skyline breathes along the bottom and the logo's glow pulses. Both are cheap: bars are
plain rectangles and the glow steps through a few cached strengths.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.fonts import CHEVRON_RIGHT, CJK_PHRASES, px
from game.render.theme import CYAN, HOT_PINK, TEXT, TEXT_DIM, VIOLET, WHITE, Theme, mix
from game.render.widget import blit_centred, dim, glow_panel, panel

EQ_BARS = 56


@dataclass(frozen=True, slots=True)
class TitleView:
    time_s: float
    items: Sequence[str]
    selected: int
    footer: str = ""


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    label: str
    detail: str = ""  # e.g. "1,284 notes" or "Pro drums: toms and cymbals apart"


@dataclass(frozen=True, slots=True)
class ChooserView:
    song_title: str
    difficulties: Sequence[ChoiceOption]
    difficulty_index: int
    layouts: Sequence[ChoiceOption]
    layout_index: int
    focus: int = 0  # 0: difficulty column, 1: layout column
    footer: str = ""


def draw_title(surface: pygame.Surface, theme: Theme, view: TitleView) -> None:
    w, h = surface.get_size()
    surface.blit(theme.background((w, h), "night"), (0, 0))
    _draw_equaliser(surface, view.time_s)
    _draw_logo(surface, theme, view.time_s)
    row_w, row_h, gap = px(340, h), px(44, h), px(10, h)
    # The list sits between the subtitle and the equaliser, centred in that band.
    band_top, band_bottom = round(h * 0.44), round(h * 0.86)
    count = max(len(view.items), 1)
    row_h = min(row_h, (band_bottom - band_top) // count - gap)
    y = band_top + (band_bottom - band_top - count * (row_h + gap)) // 2
    for index, item in enumerate(view.items):
        row = pygame.Rect(0, 0, row_w, row_h)
        row.midtop = (w // 2, y)
        draw_menu_item(surface, theme, row, item, index == view.selected)
        y += row_h + gap
    if view.footer:
        face = theme.fonts.fit("body", px(14, h), view.footer, TEXT, w - px(80, h))
        box = face.get_rect(center=(w // 2, h - px(24, h))).inflate(px(32, h), px(10, h))
        surface.blit(panel(theme, box.size, box.h // 2, fill=(14, 8, 36, 200), edge=(*VIOLET, 90)), box)
        blit_centred(surface, face, box.center)


def draw_menu_item(surface: pygame.Surface, theme: Theme, row: pygame.Rect, text: str, selected: bool) -> None:
    h = surface.get_height()
    if selected:
        surface.blit(
            glow_panel(theme, row.size, px(14, h), HOT_PINK, fill=(110, 30, 140, 235)),
            (row.x - px(14, h), row.y - px(14, h)),
        )
        label = theme.fonts.fit("bold", px(22, h), text, WHITE, row.w - px(60, h))
        chevron = theme.fonts.text("bold", px(20, h), CHEVRON_RIGHT, mix(HOT_PINK, WHITE, 0.5))
        surface.blit(chevron, (row.x + px(18, h), row.centery - chevron.get_height() // 2))
    else:
        surface.blit(panel(theme, row.size, px(14, h), fill=(30, 18, 70, 150), edge=(*VIOLET, 70)), row)
        label = theme.fonts.fit("bold", px(20, h), text, TEXT_DIM, row.w - px(60, h))
    blit_centred(surface, label, row.center)


def _draw_logo(surface: pygame.Surface, theme: Theme, time_s: float) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    pulse = round((0.5 + 0.5 * math.sin(time_s * 2 * math.pi / 1.6)) * 3)  # 4 cached glow strengths
    halo = mix(HOT_PINK, VIOLET, pulse / 3)
    size = px(96, h)
    top = fonts.glow_text(
        "display", size, "DRUMSTICK", (mix(HOT_PINK, WHITE, 0.35), HOT_PINK), halo, px(16 + 3 * pulse, h)
    )
    bottom = fonts.glow_text(
        "display", size, "DIPLOMACY", (mix(CYAN, WHITE, 0.3), VIOLET), mix(CYAN, VIOLET, 0.5), px(16 + 3 * pulse, h)
    )
    scale = min(1.0, w * 0.9 / max(top.get_width(), bottom.get_width()))
    if scale < 1.0:  # very narrow windows: shrink rather than clip the logo
        top = pygame.transform.smoothscale_by(top, scale)
        bottom = pygame.transform.smoothscale_by(bottom, scale)
    blit_centred(surface, top, (w / 2, h * 0.16))
    blit_centred(surface, bottom, (w / 2, h * 0.16 + size * 0.92 * scale))
    subtitle = CJK_PHRASES[0] if fonts.has("cjk") else "THE K-POP DRUM GAME"
    face = fonts.text("cjk" if fonts.has("cjk") else "bold", px(22, h), subtitle, mix(HOT_PINK, WHITE, 0.6))
    blit_centred(surface, face, (w / 2, h * 0.16 + size * 1.6 * scale))


def _draw_equaliser(surface: pygame.Surface, time_s: float) -> None:
    """A spectrum-analyser skyline: bar heights from a few beating sines (looks alive, costs little)."""
    w, h = surface.get_size()
    bar_w = w / EQ_BARS
    base = h
    for i in range(EQ_BARS):
        x = i / EQ_BARS
        level = 0.55 + 0.25 * math.sin(time_s * 3.1 + x * 9.0) + 0.2 * math.sin(time_s * 5.3 - x * 23.0)
        level *= 0.55 + 0.45 * math.sin(math.pi * x)  # taller in the middle
        bar_h = max(2, round(h * 0.11 * level))
        colour = mix(mix(HOT_PINK, VIOLET, x), CYAN, max(0.0, x - 0.5))
        rect = pygame.Rect(round(i * bar_w + bar_w * 0.18), base - bar_h, max(1, round(bar_w * 0.64)), bar_h)
        pygame.draw.rect(
            surface, mix(colour, (10, 6, 30), 0.55), rect, border_top_left_radius=3, border_top_right_radius=3
        )
        pygame.draw.rect(surface, colour, (rect.x, rect.y, rect.w, max(2, rect.w // 3)), border_radius=2)


def draw_chooser(surface: pygame.Surface, theme: Theme, view: ChooserView) -> None:
    """A centred card with two option columns; the focused column's selection glows."""
    w, h = surface.get_size()
    fonts = theme.fonts
    surface.blit(dim(theme, (w, h), 190), (0, 0))
    rows = max(len(view.difficulties), len(view.layouts), 1)
    card = pygame.Rect(0, 0, min(px(880, h), w - px(40, h)), min(px(190, h) + rows * px(58, h), h - px(40, h)))
    card.center = (w // 2, h // 2)
    surface.blit(panel(theme, card.size, px(22, h), fill=(26, 16, 64, 240)), card)
    title = fonts.fit("bold", px(26, h), view.song_title, TEXT, card.w - px(60, h))
    blit_centred(surface, title, (card.centerx, card.y + px(38, h)))
    col_w = (card.w - px(90, h)) // 2
    columns = (
        ("DIFFICULTY", view.difficulties, view.difficulty_index),
        ("LANE LAYOUT", view.layouts, view.layout_index),
    )
    for number, (heading, options, chosen) in enumerate(columns):
        area = pygame.Rect(
            card.x + px(30, h) + number * (col_w + px(30, h)), card.y + px(80, h), col_w, card.h - px(140, h)
        )
        _draw_option_column(surface, theme, area, heading, options, chosen, view.focus == number)
    if view.footer:
        blit_centred(
            surface,
            fonts.fit("body", px(14, h), view.footer, TEXT_DIM, card.w - px(40, h)),
            (card.centerx, card.bottom - px(24, h)),
        )


def _draw_option_column(
    surface: pygame.Surface,
    theme: Theme,
    area: pygame.Rect,
    heading: str,
    options: Sequence[ChoiceOption],
    chosen: int,
    focused: bool,
) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    colour = HOT_PINK if focused else VIOLET
    surface.blit(fonts.text("bold", px(14, h), heading, mix(colour, WHITE, 0.4)), area.topleft)
    row_h = min(px(58, h), (area.h - px(30, h)) // max(len(options), 1))
    y = area.y + px(30, h)
    for index, option in enumerate(options):
        row = pygame.Rect(area.x, y, area.w, row_h - px(8, h))
        if index == chosen:
            glow = glow_panel(
                theme, row.size, px(10, h), colour, fill=(80, 28, 120, 235) if focused else (50, 30, 100, 220)
            )
            surface.blit(glow, (row.x - px(10, h), row.y - px(10, h)))
        label = fonts.fit("bold", px(19, h), option.label, WHITE if index == chosen else TEXT_DIM, row.w - px(24, h))
        surface.blit(label, (row.x + px(14, h), row.y + px(5, h)))
        if option.detail and row.h > label.get_height() + px(12, h):
            detail = fonts.fit("body", px(12, h), option.detail, TEXT_DIM, row.w - px(28, h))
            surface.blit(detail, (row.x + px(14, h), row.y + px(5, h) + label.get_height()))
        y += row_h
