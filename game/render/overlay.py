"""Things drawn over a screen: the pause overlay, a notice line, and the key-binding hint card."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.chart.piece import KitPiece
from game.render.fonts import px
from game.render.theme import GOLD, HOT_PINK, PIECE_COLOURS, PIECE_LABELS, TEXT, TEXT_DIM, VIOLET, WHITE, Theme, mix
from game.render.widget import blit_centred, dim, glow_panel, keycap, panel


def draw_paused(surface: pygame.Surface, theme: Theme, items: Sequence[str], selected: int, footer: str = "") -> None:
    """A veil over the frozen game and a card with the pause menu."""
    w, h = surface.get_size()
    fonts = theme.fonts
    surface.blit(dim(theme, (w, h), 170), (0, 0))
    card = pygame.Rect(0, 0, px(420, h), px(150, h) + px(58, h) * len(items))
    card.center = (w // 2, h // 2)
    surface.blit(panel(theme, card.size, px(22, h), fill=(30, 18, 72, 235)), card)
    title = fonts.glow_text("display", px(54, h), "PAUSED", (WHITE, HOT_PINK), HOT_PINK, px(12, h))
    blit_centred(surface, title, (card.centerx, card.y + px(58, h)))
    if fonts.has("cjk"):
        blit_centred(surface, fonts.text("cjk", px(15, h), "일시정지", TEXT_DIM), (card.centerx, card.y + px(100, h)))
    y = card.y + px(140, h)
    for index, item in enumerate(items):
        _menu_row(
            surface, theme, item, index == selected, pygame.Rect(card.x + px(40, h), y, card.w - px(80, h), px(46, h))
        )
        y += px(58, h)
    if footer:
        blit_centred(
            surface, fonts.fit("body", px(14, h), footer, TEXT_DIM, card.w), (card.centerx, card.bottom + px(24, h))
        )


def _menu_row(surface: pygame.Surface, theme: Theme, text: str, selected: bool, row: pygame.Rect) -> None:
    h = surface.get_height()
    if selected:
        glowing = glow_panel(theme, row.size, px(12, h), HOT_PINK, fill=(90, 30, 120, 235))
        surface.blit(glowing, (row.x - px(12, h), row.y - px(12, h)))
    label = theme.fonts.fit("bold", px(22, h), text, WHITE if selected else TEXT_DIM, row.w - px(20, h))
    blit_centred(surface, label, row.center)


def draw_notice(surface: pygame.Surface, theme: Theme, text: str) -> None:
    """A one-line notice (e.g. "No audio device: playing silently") at the bottom centre."""
    if not text:
        return
    w, h = surface.get_size()
    face = theme.fonts.fit("body", px(15, h), text, TEXT, round(w * 0.6))
    box = pygame.Rect(0, 0, face.get_width() + px(48, h), face.get_height() + px(14, h))
    box.midbottom = (w // 2, h - px(14, h))
    surface.blit(panel(theme, box.size, box.h // 2, fill=(40, 20, 70, 220), edge=(*GOLD, 200)), box)
    pygame.draw.aacircle(surface, GOLD, (box.x + px(18, h), box.centery), max(2, px(4, h)))
    surface.blit(face, (box.x + px(32, h), box.y + (box.h - face.get_height()) // 2))


def draw_key_hints(
    surface: pygame.Surface,
    theme: Theme,
    box: pygame.Rect,
    pairs: Sequence[tuple[str, KitPiece]],
    title: str = "YOUR KIT",
) -> None:
    """A card listing key -> kit piece, in each piece's colour; rows shrink to fit the box."""
    h = surface.get_height()
    fonts = theme.fonts
    rows = max(len(pairs), 1)
    head = px(44, h)
    row_h = min(px(34, h), (box.h - head - px(16, h)) // rows)
    card = pygame.Rect(box.x, box.y, box.w, head + row_h * rows + px(16, h))
    surface.blit(panel(theme, card.size, px(14, h)), card)
    surface.blit(
        fonts.text("bold", px(14, h), title, mix(VIOLET, WHITE, 0.5)), (card.x + px(16, h), card.y + px(14, h))
    )
    cap_h = max(8, row_h - px(8, h))
    y = card.y + head
    for label, piece in pairs:
        colour = PIECE_COLOURS[piece]
        cap = keycap(theme, label, cap_h, colour)
        surface.blit(cap, (card.x + px(16, h), y))
        name_x = card.x + px(28, h) + max(cap.get_width(), cap_h * 2)
        pygame.draw.aacircle(surface, colour, (name_x, y + cap_h // 2), max(2, cap_h // 6))
        name = fonts.fit("body", max(8, round(cap_h * 0.6)), PIECE_LABELS[piece], TEXT, card.right - name_x - px(24, h))
        surface.blit(name, (name_x + px(10, h), y + (cap_h - name.get_height()) // 2))
        y += row_h
