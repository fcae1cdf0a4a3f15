"""The live judgement tally card on the play screen (PERFECT / GREAT / GOOD / MISS so far)."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.engine.window import Judgement
from game.render.fonts import px
from game.render.theme import JUDGEMENT_COLOURS, TEXT, Theme
from game.render.widget import panel

TALLIED = (Judgement.PERFECT, Judgement.GREAT, Judgement.GOOD, Judgement.MISS)


def _rows(surface: pygame.Surface, box: pygame.Rect) -> tuple[pygame.Rect, int]:
    h = surface.get_height()
    inner = box.inflate(-px(32, h), -px(20, h))
    return inner, inner.h // len(TALLIED)


def draw_tally_card(surface: pygame.Surface, theme: Theme, box: pygame.Rect) -> None:
    """The still parts: the card and the judgement names."""
    h = surface.get_height()
    surface.blit(panel(theme, box.size, px(14, h)), box)
    inner, row_h = _rows(surface, box)
    for index, judgement in enumerate(TALLIED):
        y = inner.y + index * row_h
        colour = JUDGEMENT_COLOURS[judgement]
        dot = max(3, px(4, h))
        pygame.draw.aacircle(surface, colour, (inner.x + dot, y + row_h // 2), dot)
        name = theme.fonts.text("bold", min(px(14, h), round(row_h * 0.6)), judgement.value.upper(), colour)
        surface.blit(name, (inner.x + dot * 3, y + (row_h - name.get_height()) // 2))


def draw_tally(
    surface: pygame.Surface, theme: Theme, box: pygame.Rect, counts: Sequence[tuple[Judgement, int]]
) -> None:
    """The counts, right-aligned on their rows."""
    h = surface.get_height()
    inner, row_h = _rows(surface, box)
    found = dict(counts)
    for index, judgement in enumerate(TALLIED):
        value = theme.fonts.run("bold", min(px(16, h), round(row_h * 0.66)), f"{found.get(judgement, 0):,}", TEXT)
        surface.blit(
            value, (inner.right - value.get_width(), inner.y + index * row_h + (row_h - value.get_height()) // 2)
        )
