"""Cards of the results screen: judgement counts, per-piece accuracy bars, and the action hints."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.chart.piece import KitPiece
from game.engine.result import Result
from game.engine.window import Judgement
from game.render.fonts import px
from game.render.theme import JUDGEMENT_COLOURS, PIECE_COLOURS, PIECE_LABELS, TEXT, TEXT_DIM, VIOLET, WHITE, Theme, mix
from game.render.widget import bar, keycap, panel

JUDGEMENT_ORDER = (Judgement.PERFECT, Judgement.GREAT, Judgement.GOOD, Judgement.MISS, Judgement.OVERHIT)
PIECE_ORDER = tuple(KitPiece)


def _card(surface: pygame.Surface, theme: Theme, box: pygame.Rect, title: str) -> pygame.Rect:
    """Draw a titled card; returns the content area under the title."""
    h = surface.get_height()
    surface.blit(panel(theme, box.size, px(18, h)), box)
    inner = box.inflate(-px(40, h), -px(32, h))
    surface.blit(theme.fonts.text("bold", px(14, h), title, mix(VIOLET, WHITE, 0.5)), inner.topleft)
    return pygame.Rect(inner.x, inner.y + px(28, h), inner.w, inner.h - px(28, h))


def draw_counts(surface: pygame.Surface, theme: Theme, box: pygame.Rect, result: Result) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    area = _card(surface, theme, box, "JUDGEMENTS")
    row_h = area.h // len(JUDGEMENT_ORDER)
    size = min(px(18, h), round(row_h * 0.62))
    for index, judgement in enumerate(JUDGEMENT_ORDER):
        y = area.y + index * row_h
        colour = JUDGEMENT_COLOURS[judgement]
        chip = max(3, size // 3)
        pygame.draw.aacircle(surface, colour, (area.x + chip, y + row_h // 2), chip)
        name = fonts.text("bold", size, judgement.value.upper(), colour)
        surface.blit(name, (area.x + chip * 3, y + (row_h - name.get_height()) // 2))
        count = fonts.text("bold", size, f"{result.judgements.get(judgement.value, 0):,}", TEXT)
        surface.blit(count, (area.right - count.get_width(), y + (row_h - count.get_height()) // 2))


def draw_pieces(surface: pygame.Surface, theme: Theme, box: pygame.Rect, result: Result) -> None:
    """One accuracy bar per kit piece played, in the piece's colour; two columns when crowded."""
    h = surface.get_height()
    fonts = theme.fonts
    area = _card(surface, theme, box, "PER PIECE")
    pieces = [p for p in PIECE_ORDER if p.value in result.per_piece and result.per_piece[p.value].get("notes")]
    if not pieces:
        return
    columns = 1 if len(pieces) <= 5 else 2
    per_column = -(-len(pieces) // columns)
    gap = px(20, h)
    col_w = (area.w - gap * (columns - 1)) // columns
    row_h = area.h // per_column
    size = min(px(14, h), round(row_h * 0.45))
    for index, piece in enumerate(pieces):
        column, row = divmod(index, per_column)
        x, y = area.x + column * (col_w + gap), area.y + row * row_h
        accuracy = float(result.per_piece[piece.value].get("accuracy", 0.0))
        colour = PIECE_COLOURS[piece]
        label = fonts.fit("body", size, PIECE_LABELS[piece], TEXT, round(col_w * 0.42))
        value = fonts.text("bold", size, f"{accuracy:.0f}%", colour)
        surface.blit(label, (x, y + (row_h - label.get_height()) // 2))
        track_x = x + round(col_w * 0.44)
        track_w = col_w - (track_x - x) - value.get_width() - px(8, h)
        track_h = max(4, round(row_h * 0.3))
        track_y = y + (row_h - track_h) // 2
        if track_w > track_h:
            surface.blit(bar(theme, (track_w, track_h), (50, 36, 100), (50, 36, 100)), (track_x, track_y))
            fill = round(track_w * min(max(accuracy, 0.0), 100.0) / 100)
            if fill > track_h:
                surface.blit(bar(theme, (fill, track_h), mix(colour, (40, 20, 80), 0.35), colour), (track_x, track_y))
        surface.blit(value, (x + col_w - value.get_width(), y + (row_h - value.get_height()) // 2))


def draw_hints(surface: pygame.Surface, theme: Theme, box: pygame.Rect, hints: Sequence[tuple[str, str]]) -> None:
    """Key caps with their actions, in one centred row; labels shrink before they overflow."""
    if not hints:
        return
    h = surface.get_height()
    fonts = theme.fonts
    cap_h = min(px(30, h), box.h)
    share = box.w // len(hints)
    pieces = []
    for key, action in hints:
        cap = keycap(theme, key, cap_h, mix(VIOLET, WHITE, 0.3))
        text = fonts.fit("body", px(15, h), action, TEXT_DIM, share - cap.get_width() - px(28, h))
        pieces.append((cap, text))
    total = sum(cap.get_width() + px(8, h) + text.get_width() for cap, text in pieces) + px(28, h) * (len(pieces) - 1)
    x = box.centerx - total // 2
    y = box.y + (box.h - cap_h) // 2
    for cap, text in pieces:
        surface.blit(cap, (x, y))
        x += cap.get_width() + px(8, h)
        surface.blit(text, (x, y + (cap_h - text.get_height()) // 2))
        x += text.get_width() + px(28, h)
