"""The settings screen: a scrolling list of "label: value" rows with a selected and an editing state.

The scene owns the settings and their meaning; this draws strings. While a row is being edited
its value shows arrows and a cyan outline, so it is clear that left/right now change the value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.fonts import CHEVRON_LEFT, CHEVRON_RIGHT, px
from game.render.songlist import draw_scrollbar, scroll_top
from game.render.theme import CYAN, HOT_PINK, TEXT, TEXT_DIM, TEXT_FAINT, VIOLET, WHITE, Theme
from game.render.widget import blit_centred, draw_screen_title, glow_panel, panel, pill


@dataclass(frozen=True, slots=True)
class SettingRow:
    label: str
    value: str
    hint: str = ""  # shown under the list for the selected row
    group: str = ""  # rows with a new group name start a section heading


@dataclass(frozen=True, slots=True)
class SettingsView:
    rows: Sequence[SettingRow]
    selected: int
    editing: bool = False
    title: str = "SETTINGS"
    footer: str = ""


def draw_settings(surface: pygame.Surface, theme: Theme, view: SettingsView) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    surface.blit(theme.background((w, h), "night"), (0, 0))
    draw_screen_title(surface, theme, view.title, "설정")
    card = pygame.Rect(0, px(92, h), min(px(860, h), w - px(56, h)), h - px(92, h) - px(120, h))
    card.centerx = w // 2
    draw_setting_rows(surface, theme, card, view, inset=48)
    if 0 <= view.selected < len(view.rows) and view.rows[view.selected].hint:
        hint = fonts.fit("body", px(16, h), view.rows[view.selected].hint, TEXT, card.w)
        blit_centred(surface, hint, (w // 2, card.bottom + px(34, h)))
    if view.footer:
        blit_centred(
            surface, fonts.fit("body", px(14, h), view.footer, TEXT_DIM, w - px(40, h)), (w // 2, h - px(26, h))
        )


def draw_setting_rows(surface: pygame.Surface, theme: Theme, card: pygame.Rect, view: SettingsView, inset: int) -> None:
    """The rows of `view` on a panel filling `card`, scrolled to keep the selected row visible;
    `inset` is the panel's side margin in 720p pixels."""
    h = surface.get_height()
    surface.blit(panel(theme, card.size, px(18, h)), card)
    row_h = px(50, h)
    area = card.inflate(-px(inset, h), -px(36, h))
    visible = max(1, area.h // row_h)
    first = scroll_top(view.selected, len(view.rows), visible)
    for slot, index in enumerate(range(first, min(first + visible, len(view.rows)))):
        row = pygame.Rect(area.x, area.y + slot * row_h, area.w, row_h - px(8, h))
        chosen = index == view.selected
        _draw_row(surface, theme, row, view.rows[index], chosen, view.editing and chosen)
    draw_scrollbar(surface, area.inflate(px(8, h), 0), first, visible, len(view.rows))


def _draw_row(
    surface: pygame.Surface, theme: Theme, row: pygame.Rect, setting: SettingRow, selected: bool, editing: bool
) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    if selected:
        colour = CYAN if editing else HOT_PINK
        surface.blit(
            glow_panel(theme, row.size, px(10, h), colour, fill=(70, 26, 110, 235)),
            (row.x - px(10, h), row.y - px(10, h)),
        )
    label = fonts.fit("bold", px(18, h), setting.label, WHITE if selected else TEXT, round(row.w * 0.5))
    surface.blit(label, (row.x + px(16, h), row.centery - label.get_height() // 2))
    if setting.group and not selected:
        group = fonts.text("body", px(12, h), setting.group.upper(), TEXT_FAINT)
        surface.blit(group, (row.x + px(24, h) + label.get_width(), row.centery - group.get_height() // 2 + px(2, h)))
    room = round(row.w * 0.42)
    shown = fonts.clip("bold", px(16, h), setting.value, room - px(20, h))
    value = pill(theme, shown, "bold", px(16, h), WHITE, (*(CYAN if editing else VIOLET), 220 if editing else 150))
    x = row.right - px(36 if editing else 16, h) - value.get_width()
    surface.blit(value, (x, row.centery - value.get_height() // 2))
    if editing:
        for glyph, gx in ((CHEVRON_LEFT, x - px(18, h)), (CHEVRON_RIGHT, x + value.get_width() + px(8, h))):
            arrow = fonts.text("bold", px(24, h), glyph, CYAN)
            surface.blit(arrow, (gx, row.centery - arrow.get_height() // 2 - px(2, h)))
