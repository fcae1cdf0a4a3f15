"""The way into two-player play: the "2 players" button under the chooser, and the mode card.

The mode card is one step of a short wizard (mode, then a Shared Kit's split): a card over the
dimmed song select with one row per option, each a label and a one-line explanation of what the
players need to know. The two player colours frame the card so it reads as "two of you" at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.render.fonts import CHEVRON_RIGHT, px
from game.render.menu import ChoiceOption
from game.render.theme import HOT_PINK, PLAYER_COLOURS, TEXT, TEXT_DIM, VIOLET, WHITE, Theme, mix
from game.render.widget import bar, blit_centred, dim, glow_panel, panel, pill


@dataclass(frozen=True, slots=True)
class CouchModeView:
    song_title: str
    heading: str  # e.g. "CHOOSE A MODE"
    options: Sequence[ChoiceOption]
    selected: int
    step: str = ""  # e.g. "STEP 1 / 2"
    footer: str = ""


def draw_two_player_button(surface: pygame.Surface, theme: Theme, focused: bool) -> pygame.Rect:
    """The "2 PLAYERS" button, centred under the chooser card; glowing when focused."""
    w, h = surface.get_size()
    box = pygame.Rect(0, 0, px(300, h), px(46, h))
    box.midbottom = (w // 2, h - px(76, h))
    if focused:
        surface.blit(
            glow_panel(theme, box.size, px(14, h), HOT_PINK, fill=(110, 30, 140, 235)), box.move(-px(14, h), -px(14, h))
        )
    else:
        surface.blit(panel(theme, box.size, box.h // 2, fill=(30, 18, 70, 215), edge=(*VIOLET, 120)), box)
    _player_dots(surface, (box.x + px(30, h), box.centery), px(7, h))
    label = theme.fonts.text("bold", px(19 if focused else 18, h), "2 PLAYERS", WHITE if focused else TEXT_DIM)
    blit_centred(surface, label, (box.centerx + px(10, h), box.centery))
    if focused:
        chevron = theme.fonts.text("bold", px(20, h), CHEVRON_RIGHT, mix(HOT_PINK, WHITE, 0.5))
        surface.blit(chevron, (box.right - px(30, h), box.centery - chevron.get_height() // 2))
    return box


def _player_dots(surface: pygame.Surface, centre: tuple[int, int], radius: int) -> None:
    """Two overlapping discs in the player colours: the couch mode's little emblem."""
    for index, colour in enumerate(PLAYER_COLOURS):
        pygame.draw.aacircle(surface, colour, (centre[0] + (2 * index - 1) * radius * 0.7, centre[1]), radius)


def draw_couch_mode(surface: pygame.Surface, theme: Theme, view: CouchModeView) -> None:
    w, h = surface.get_size()
    fonts = theme.fonts
    surface.blit(dim(theme, (w, h), 190), (0, 0))
    row_h, gap = px(74, h), px(12, h)
    card = pygame.Rect(0, 0, min(px(760, h), w - px(40, h)), px(190, h) + len(view.options) * (row_h + gap))
    card.center = (w // 2, h // 2)
    surface.blit(panel(theme, card.size, px(22, h), fill=(26, 16, 64, 240)), card)
    stripe = max(3, px(5, h))
    half = card.w // 2 - px(22, h)
    surface.blit(
        bar(theme, (half, stripe), PLAYER_COLOURS[0], mix(PLAYER_COLOURS[0], VIOLET, 0.6)), (card.x + px(22, h), card.y)
    )
    surface.blit(
        bar(theme, (half, stripe), mix(PLAYER_COLOURS[1], VIOLET, 0.6), PLAYER_COLOURS[1]), (card.centerx, card.y)
    )
    head = fonts.glow_text("display", px(34, h), "2 PLAYERS", (WHITE, HOT_PINK), HOT_PINK, px(8, h))
    blit_centred(surface, head, (card.centerx, card.y + px(42, h)))
    title = fonts.fit("bold", px(17, h), view.song_title, TEXT_DIM, card.w - px(60, h))
    blit_centred(surface, title, (card.centerx, card.y + px(80, h)))
    heading = fonts.text("bold", px(14, h), view.heading, mix(VIOLET, WHITE, 0.5))
    surface.blit(heading, (card.x + px(36, h), card.y + px(112, h)))
    if view.step:
        step = pill(theme, view.step, "bold", px(12, h), TEXT, (60, 40, 120, 220))
        surface.blit(step, (card.right - px(36, h) - step.get_width(), card.y + px(108, h)))
    y = card.y + px(140, h)
    for index, option in enumerate(view.options):
        row = pygame.Rect(card.x + px(36, h), y, card.w - px(72, h), row_h)
        _option_row(surface, theme, row, option, index == view.selected)
        y += row_h + gap
    if view.footer:
        footer = fonts.fit("body", px(14, h), view.footer, TEXT_DIM, card.w - px(40, h))
        blit_centred(surface, footer, (card.centerx, card.bottom - px(26, h)))


def _option_row(surface: pygame.Surface, theme: Theme, row: pygame.Rect, option: ChoiceOption, chosen: bool) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    if chosen:
        surface.blit(
            glow_panel(theme, row.size, px(12, h), HOT_PINK, fill=(90, 28, 130, 235)), row.move(-px(12, h), -px(12, h))
        )
        chevron = fonts.text("bold", px(22, h), CHEVRON_RIGHT, mix(HOT_PINK, WHITE, 0.5))
        surface.blit(chevron, (row.x + px(16, h), row.centery - chevron.get_height() // 2))
    else:
        surface.blit(panel(theme, row.size, px(12, h), fill=(34, 22, 78, 170), edge=(*VIOLET, 80)), row)
    x = row.x + px(44, h)
    label = fonts.fit("bold", px(21, h), option.label, WHITE if chosen else TEXT, row.w - px(60, h))
    detail = fonts.fit("body", px(14, h), option.detail, TEXT if chosen else TEXT_DIM, row.w - px(60, h))
    top = row.y + (row.h - label.get_height() - detail.get_height() - px(2, h)) // 2
    surface.blit(label, (x, top))
    surface.blit(detail, (x, top + label.get_height() + px(2, h)))
