"""The two-player results screen: both players side by side in their colours, under a banner.

The banner is the team's in a Shared Kit (team score, sync, who was early or late relative to the
other, fever) and the winner's in versus. Each player's card repeats the single-player results in
a column: grade, score, accuracy, combo, early/late split, judgement counts and the hit-error
histogram; the pieces are the single-player screen's own (`results`, `results_parts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.engine.result import Result
from game.engine.window import HitWindows
from game.render.fonts import px
from game.render.results import (
    COUNT_UP_S,
    draw_early_late,
    draw_grade,
    draw_results_header,
    draw_timing_card,
    full_combo_badge,
    stat_row,
)
from game.render.results_parts import draw_counts, draw_hints
from game.render.theme import GOLD, PANEL, PLAYER_COLOURS, TEXT_DIM, VIOLET, WHITE, Color, Theme, mix
from game.render.widget import glow_panel, panel

BANNER_H = 96


@dataclass(frozen=True, slots=True)
class PlayerCard:
    player: int  # 0 or 1: colour and name
    result: Result
    subtitle: str  # "Expert · 4-lane"
    windows: HitWindows = field(default_factory=HitWindows)
    stats: Sequence[tuple[str, str]] = ()  # extra rows after accuracy and combo, e.g. ("NORMALISED", "987,654")


@dataclass(frozen=True, slots=True)
class Banner:
    headline: str  # the team score, or "P1 WINS!" / "DRAW!"
    label: str = ""  # over the headline: "TEAM SCORE", "VERSUS"
    colour: Color = GOLD  # the headline's (the winner's colour in versus)
    figures: Sequence[tuple[str, str, str]] = ()  # (label, value, remark): ("SYNC", "87%", "In sync")


@dataclass(frozen=True, slots=True)
class CouchResultsView:
    title: str
    subtitle: str  # "Shared Kit · By pieces" or "Versus"
    cards: Sequence[PlayerCard]  # in screen order, left first
    banner: Banner
    hints: Sequence[tuple[str, str]] = ()
    age_s: float = 10.0


def couch_results_boxes(size: tuple[int, int]) -> dict[str, pygame.Rect]:
    w, h = size
    m = px(28, h)
    top = px(92, h)
    banner = pygame.Rect(m, top, w - 2 * m, px(BANNER_H, h))
    foot = px(52, h)
    cards_y = banner.bottom + px(18, h)
    card_w = (w - 3 * m) // 2
    card_h = h - foot - cards_y - px(6, h)
    return {
        "banner": banner,
        "left": pygame.Rect(m, cards_y, card_w, card_h),
        "right": pygame.Rect(w - m - card_w, cards_y, card_w, card_h),
        "footer": pygame.Rect(m, h - foot, w - 2 * m, foot - px(8, h)),
    }


def draw_couch_results(surface: pygame.Surface, theme: Theme, view: CouchResultsView) -> None:
    size = surface.get_size()
    surface.blit(theme.background(size, "results"), (0, 0))
    boxes = couch_results_boxes(size)
    draw_results_header(surface, theme, view.title, view.subtitle)
    _draw_banner(surface, theme, boxes["banner"], view.banner)
    for box, card in zip((boxes["left"], boxes["right"]), view.cards, strict=True):
        _draw_card(surface, theme, box, card, view.age_s)
    draw_hints(surface, theme, boxes["footer"], view.hints)


def _draw_banner(surface: pygame.Surface, theme: Theme, box: pygame.Rect, banner: Banner) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    surface.blit(
        glow_panel(theme, box.size, px(16, h), banner.colour, fill=(*mix(PANEL, banner.colour, 0.16), 235)),
        box.move(-px(16, h), -px(16, h)),
    )
    left = box.x + px(28, h)
    label = fonts.text("bold", px(13, h), banner.label, mix(banner.colour, WHITE, 0.5))
    surface.blit(label, (left, box.y + px(12, h)))
    head = fonts.glow_text(
        "display", px(48, h), banner.headline, (WHITE, mix(banner.colour, WHITE, 0.2)), banner.colour, px(10, h)
    )
    surface.blit(head, (left - px(10, h), box.y + px(22, h)))
    figures = banner.figures
    if not figures:
        return
    x0 = left + head.get_width() + px(24, h)
    share = (box.right - px(20, h) - x0) // len(figures)
    for index, (name, value, remark) in enumerate(figures):
        _figure(
            surface,
            theme,
            pygame.Rect(x0 + index * share, box.y + px(14, h), share - px(12, h), box.h - px(28, h)),
            name,
            value,
            remark,
        )


def _figure(surface: pygame.Surface, theme: Theme, area: pygame.Rect, name: str, value: str, remark: str) -> None:
    """One team figure: a small label, the value, and a remark under it; a divider on its left."""
    h = surface.get_height()
    fonts = theme.fonts
    pygame.draw.line(surface, mix(VIOLET, WHITE, 0.2), (area.x, area.y + px(4, h)), (area.x, area.bottom - px(4, h)), 1)
    x = area.x + px(16, h)
    room = area.w - px(20, h)
    surface.blit(fonts.text("bold", px(12, h), name, TEXT_DIM), (x, area.y))
    value_face = fonts.text("bold", px(26, h), value, WHITE)
    if value_face.get_width() > room:  # a sentence ("P2 played 12 ms behind P1"): smaller, not cut
        value_face = fonts.fit("bold", px(19, h), value, WHITE, room)
    surface.blit(value_face, (x, area.y + px(16, h)))
    surface.blit(
        fonts.fit("body", px(13, h), remark, mix(GOLD, WHITE, 0.35), room),
        (x, area.y + px(16, h) + value_face.get_height()),
    )


def _draw_card(surface: pygame.Surface, theme: Theme, box: pygame.Rect, card: PlayerCard, age_s: float) -> None:
    h = surface.get_height()
    colour = PLAYER_COLOURS[card.player]
    fill, edge = (*mix(PANEL, colour, 0.1), 215), (*mix(colour, VIOLET, 0.3), 200)
    surface.blit(panel(theme, box.size, px(18, h), fill=fill, edge=edge), box)
    pygame.draw.rect(surface, colour, (box.x + px(24, h), box.y, box.w - px(48, h), max(3, px(4, h))), border_radius=2)
    _card_head(surface, theme, box, card)
    result = card.result
    left = pygame.Rect(box.x + px(20, h), box.y + px(62, h), round(box.w * 0.32), px(164, h))
    draw_grade(surface, theme, (left.centerx, left.y + px(62, h)), result.grade, px(104, h), left.w, age_s)
    if result.early + result.late:
        split = pygame.Rect(left.x, left.bottom - px(38, h), left.w, px(34, h))
        draw_early_late(surface, theme, split, result.early, result.late)
    stats = pygame.Rect(left.right + px(24, h), left.y, box.right - left.right - px(44, h), left.h)
    _card_stats(surface, theme, stats, card, age_s)
    low_y = box.y + px(236, h)
    low = pygame.Rect(box.x, low_y, box.w, box.bottom - low_y)
    counts_w = round(low.w * 0.36)
    draw_counts(surface, theme, pygame.Rect(low.x + px(10, h), low.y, counts_w, low.h - px(10, h)), result)
    timing = pygame.Rect(low.x + counts_w + px(18, h), low.y, low.w - counts_w - px(28, h), low.h - px(10, h))
    draw_timing_card(surface, theme, timing, result, card.windows, summary=False)


def _card_head(surface: pygame.Surface, theme: Theme, box: pygame.Rect, card: PlayerCard) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    colour = PLAYER_COLOURS[card.player]
    tag = fonts.glow_text(
        "display", px(38, h), f"P{card.player + 1}", (mix(colour, WHITE, 0.45), colour), colour, px(8, h)
    )
    surface.blit(tag, (box.x + px(12, h), box.y + px(6, h)))
    x = box.x + px(18, h) + tag.get_width()
    surface.blit(fonts.text("bold", px(17, h), f"PLAYER {card.player + 1}", WHITE), (x, box.y + px(16, h)))
    surface.blit(
        fonts.fit("body", px(13, h), card.subtitle, mix(colour, WHITE, 0.55), box.right - x - px(200, h)),
        (x, box.y + px(38, h)),
    )
    if card.result.full_combo:
        full_combo_badge(surface, theme, (box.right - px(110, h), box.y + px(32, h)))


def _card_stats(surface: pygame.Surface, theme: Theme, area: pygame.Rect, card: PlayerCard, age_s: float) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    result = card.result
    colour = PLAYER_COLOURS[card.player]
    shown = round(result.score * min(1.0, age_s / COUNT_UP_S))
    score = fonts.gradient_text("display", px(40, h), f"{shown:,}", WHITE, mix(colour, WHITE, 0.35))
    surface.blit(score, (area.right - score.get_width(), area.y))
    rows = [
        ("ACCURACY", f"{result.accuracy:.2f}%"),
        ("MAX COMBO", f"{result.max_combo:,} / {result.notes:,}"),
        *card.stats,
    ]
    y = area.y + score.get_height() + px(2, h)
    for label, value in rows:
        stat_row(surface, theme, pygame.Rect(area.x, y, area.w, px(26, h)), y, label, value, mix(colour, WHITE, 0.4))
        y += px(28, h)
