"""The results screen: grade, score, judgement counts, timing histogram, per-piece accuracy.

`age_s` (seconds since the screen opened) drives the entrance: the score counts up and the grade
punches in. Everything else is drawn from the engine's `Result` as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.engine.result import Result
from game.engine.window import HitWindows
from game.render.backdrop import glow
from game.render.fonts import TIMES, px
from game.render.histogram import draw_histogram
from game.render.results_parts import draw_counts, draw_hints, draw_pieces
from game.render.theme import (
    CYAN,
    GOLD,
    GRADE_COLOURS,
    HOT_PINK,
    LIME,
    PEACH,
    TEXT,
    TEXT_DIM,
    VIOLET,
    WHITE,
    Theme,
    mix,
)
from game.render.widget import bar, blit_centred, blit_faded, panel, pill

COUNT_UP_S = 1.0
GRADE_IN_S = 0.35


@dataclass(frozen=True, slots=True)
class ResultsView:
    result: Result
    title: str
    artist: str = ""
    difficulty: str = ""
    windows: HitWindows = field(default_factory=HitWindows)
    new_best: bool = False
    hints: Sequence[tuple[str, str]] = ()  # (key, action), e.g. ("O", "use suggested offset (+12 ms)")
    age_s: float = 10.0  # seconds since the screen opened


def results_boxes(size: tuple[int, int]) -> dict[str, pygame.Rect]:
    """The cards of the results screen, for a surface size."""
    w, h = size
    m = px(28, h)
    top = px(96, h)
    left_w = round(w * 0.30)
    foot = px(56, h)
    body_h = h - top - foot - m
    right_x = m + left_w + m
    right_w = w - right_x - m
    hist_h = round(body_h * 0.50)
    low_y = top + hist_h + m
    low_h = body_h - hist_h - m
    counts_w = round(right_w * 0.42)
    return {
        "grade": pygame.Rect(m, top, left_w, body_h),
        "timing": pygame.Rect(right_x, top, right_w, hist_h),
        "counts": pygame.Rect(right_x, low_y, counts_w, low_h),
        "pieces": pygame.Rect(right_x + counts_w + m, low_y, right_w - counts_w - m, low_h),
        "footer": pygame.Rect(m, h - foot, w - 2 * m, foot - px(10, h)),
    }


def draw_results(surface: pygame.Surface, theme: Theme, view: ResultsView) -> None:
    size = surface.get_size()
    surface.blit(theme.background(size, "results"), (0, 0))
    boxes = results_boxes(size)
    _draw_header(surface, theme, view)
    _draw_grade_card(surface, theme, boxes["grade"], view)
    draw_timing_card(surface, theme, boxes["timing"], view.result, view.windows)
    draw_counts(surface, theme, boxes["counts"], view.result)
    draw_pieces(surface, theme, boxes["pieces"], view.result)
    draw_hints(surface, theme, boxes["footer"], view.hints)


def _draw_header(surface: pygame.Surface, theme: Theme, view: ResultsView) -> None:
    badge = None
    if view.new_best:
        h = surface.get_height()
        badge = pill(theme, "★ NEW BEST!", "bold", px(18, h), (40, 20, 10), (*GOLD, 255))
    subtitle = " · ".join(part for part in (view.artist, view.difficulty) if part)
    draw_results_header(surface, theme, view.title, subtitle, badge)


def draw_results_header(
    surface: pygame.Surface, theme: Theme, title: str, subtitle: str, badge: pygame.Surface | None = None
) -> None:
    """ "RESULTS" (and its Korean name), the song's title and a subtitle, and a badge at the right."""
    w, h = surface.get_size()
    fonts = theme.fonts
    m = px(28, h)
    head = fonts.glow_text("display", px(40, h), "RESULTS", (WHITE, HOT_PINK), HOT_PINK, px(8, h))
    surface.blit(head, (m - px(8, h), px(18, h) - px(8, h)))
    x = m + head.get_width() - px(4, h)
    if fonts.has("cjk"):
        tag = fonts.text("cjk", px(16, h), "결과", mix(HOT_PINK, WHITE, 0.4))
        surface.blit(tag, (x, px(30, h)))
        x += tag.get_width() + px(16, h)
    room = w - x - m - px(200, h)
    face = fonts.fit("bold", px(22, h), title, TEXT, room)
    surface.blit(face, (x + px(12, h), px(20, h)))
    surface.blit(fonts.fit("body", px(15, h), subtitle, TEXT_DIM, room), (x + px(12, h), px(20, h) + face.get_height()))
    if badge is not None:
        surface.blit(badge, (w - m - badge.get_width(), px(28, h)))


def _draw_grade_card(surface: pygame.Surface, theme: Theme, box: pygame.Rect, view: ResultsView) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    result = view.result
    surface.blit(panel(theme, box.size, px(18, h)), box)
    draw_grade(
        surface, theme, (box.centerx, box.y + px(128, h)), result.grade, px(190, h), round(box.w * 0.8), view.age_s
    )
    if result.full_combo:
        full_combo_badge(surface, theme, (box.centerx, box.y + px(246, h)))
    shown = round(result.score * min(1.0, view.age_s / COUNT_UP_S))
    score = fonts.gradient_text("display", px(50, h), f"{shown:,}", WHITE, mix(HOT_PINK, WHITE, 0.35))
    blit_centred(surface, score, (box.centerx, box.y + px(308, h)))
    rows = (
        ("ACCURACY", f"{result.accuracy:.2f}%", CYAN),
        ("MAX COMBO", f"{result.max_combo:,} / {result.notes:,}", mix(VIOLET, WHITE, 0.4)),
        ("FEVER", f"{result.fever_activations} {TIMES} activated", GOLD),
    )
    for index, (label, value, colour) in enumerate(rows):
        stat_row(surface, theme, box.inflate(-px(48, h), 0), box.y + px(352 + 38 * index, h), label, value, colour)
    split = pygame.Rect(box.x + px(24, h), box.y + px(474, h), box.w - px(48, h), px(44, h))
    if split.bottom <= box.bottom - px(8, h) and result.early + result.late:
        draw_early_late(surface, theme, split, result.early, result.late)


def draw_grade(
    surface: pygame.Surface,
    theme: Theme,
    centre: tuple[int, int],
    grade: str,
    size: int,
    max_w: int,
    age_s: float,
) -> None:
    """The grade letters in their colours over a halo, punching in over the first `GRADE_IN_S`."""
    h = surface.get_height()
    fonts = theme.fonts
    top, bottom = GRADE_COLOURS.get(grade, GRADE_COLOURS["D"])
    grow = max(0.0, 1.0 - age_s / GRADE_IN_S)
    size = round(size * (1.0 + 0.25 * round(grow * 4) / 4))
    while fonts.font("display", size).size(grade)[0] > max_w and size > 8:
        size -= max(1, size // 10)
    radius = round(size * 0.63)
    halo = theme.cached(("grade_halo", radius, top), lambda: glow(radius, mix(top, (0, 0, 0), 0.72), power=1.4))
    surface.blit(
        halo, (centre[0] - halo.get_width() / 2, centre[1] - halo.get_height() / 2), None, pygame.BLEND_RGB_ADD
    )
    face = fonts.glow_text("display", size, grade, (mix(top, WHITE, 0.25), bottom), top, px(20, h))
    blit_faded(surface, face, face.get_rect(center=centre).topleft, round(255 * (1 - grow * 0.6)))


def draw_early_late(surface: pygame.Surface, theme: Theme, area: pygame.Rect, early: int, late: int) -> None:
    """A two-colour bar: the share of hits that were early (cyan) against late (peach)."""
    h = surface.get_height()
    fonts = theme.fonts
    left = fonts.text("bold", px(13, h), f"EARLY {early:,}", CYAN)
    right = fonts.text("bold", px(13, h), f"LATE {late:,}", PEACH)
    surface.blit(left, area.topleft)
    surface.blit(right, (area.right - right.get_width(), area.y))
    thickness = max(4, px(10, h))
    y = area.bottom - thickness
    share = round(area.w * early / (early + late))
    if share > thickness:
        surface.blit(bar(theme, (share, thickness), mix(CYAN, WHITE, 0.2), CYAN), (area.x, y))
    if area.w - share > thickness:
        surface.blit(bar(theme, (area.w - share, thickness), PEACH, mix(PEACH, HOT_PINK, 0.4)), (area.x + share, y))


def full_combo_badge(surface: pygame.Surface, theme: Theme, centre: tuple[int, int]) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    badge = pill(theme, "FULL COMBO", "bold", px(16, h), (20, 30, 10), (*LIME, 255))
    if not fonts.has("cjk"):
        blit_centred(surface, badge, centre)
        return
    extra = fonts.text("cjk", px(16, h), "대박!", LIME)
    total = badge.get_width() + px(8, h) + extra.get_width()
    x = centre[0] - total / 2
    surface.blit(badge, (x, centre[1] - badge.get_height() / 2))
    surface.blit(extra, (x + badge.get_width() + px(8, h), centre[1] - extra.get_height() / 2))


def stat_row(
    surface: pygame.Surface,
    theme: Theme,
    inner: pygame.Rect,
    y: int,
    label: str,
    value: str,
    colour: tuple[int, int, int],
) -> None:
    """A label at the left of `inner` and its value at the right, on one line at `y`."""
    h = surface.get_height()
    name = theme.fonts.text("bold", px(14, h), label, TEXT_DIM)
    surface.blit(name, (inner.x, y + px(4, h)))
    text = theme.fonts.fit("bold", px(22, h), value, colour, inner.w - name.get_width() - px(12, h))
    surface.blit(text, (inner.right - text.get_width(), y))


def draw_timing_card(
    surface: pygame.Surface, theme: Theme, box: pygame.Rect, result: Result, windows: HitWindows, summary: bool = True
) -> None:
    """A card with the hit-error histogram, and the timing summary beside its title (`summary`:
    narrow cards leave it out, the histogram marks the mean anyway)."""
    h = surface.get_height()
    fonts = theme.fonts
    surface.blit(panel(theme, box.size, px(18, h)), box)
    inner = box.inflate(-px(40, h), -px(32, h))
    surface.blit(fonts.text("bold", px(14, h), "TIMING", mix(VIOLET, WHITE, 0.5)), inner.topleft)
    figures = result.error_summary_ms()
    if summary and figures["count"]:
        parts = [
            f"mean {figures['mean']:+.1f} ms",
            f"spread ±{figures['stdev']:.1f} ms",
            f"early {result.early:,}",
            f"late {result.late:,}",
        ]
        stats = fonts.fit("body", px(14, h), "   ·   ".join(parts), TEXT, inner.w - px(90, h))
        surface.blit(stats, (inner.right - stats.get_width(), inner.y))
    area = pygame.Rect(inner.x, inner.y + px(26, h), inner.w, inner.h - px(26, h))
    draw_histogram(surface, theme, area, result.hit_errors_ms, windows)
