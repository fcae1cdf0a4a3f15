"""The hit-error histogram: how early or late the player was, as a picture.

Bins are `bin_ms` wide across the widest hit window (±good), with 0 on a bin edge so the centre
line separates early from late. Bars take the colour of the judgement zone their centre lies in;
the zones' windows come from the engine's `HitWindows` (the render only draws them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pygame

from game.engine.window import HitWindows, Judgement
from game.render.fonts import px
from game.render.theme import CYAN, JUDGEMENT_COLOURS, PEACH, TEXT_DIM, WHITE, Theme, mix

BIN_MS = 4.0


def histogram_counts(
    errors_ms: Sequence[float], limit_ms: float, bin_ms: float = BIN_MS
) -> tuple[np.ndarray, np.ndarray]:
    """(edges, counts) over [-limit, +limit], limit rounded up to whole bins; outliers are clamped
    into the end bins so every hit is shown."""
    half_bins = max(1, int(np.ceil(limit_ms / bin_ms - 1e-9)))
    edges = np.arange(-half_bins, half_bins + 1) * bin_ms
    clipped = np.clip(np.asarray(errors_ms, dtype=float), edges[0], edges[-1] - 1e-6)
    counts, _ = np.histogram(clipped, bins=edges)
    return edges, counts


def zone_colour(centre_ms: float, windows: HitWindows) -> tuple[int, int, int]:
    size = abs(centre_ms) / 1000.0
    if size <= windows.perfect_s:
        return JUDGEMENT_COLOURS[Judgement.PERFECT]
    if size <= windows.great_s:
        return JUDGEMENT_COLOURS[Judgement.GREAT]
    return JUDGEMENT_COLOURS[Judgement.GOOD]


def draw_histogram(
    surface: pygame.Surface, theme: Theme, area: pygame.Rect, errors_ms: Sequence[float], windows: HitWindows
) -> pygame.Rect:
    """Draw into `area` (labels included); returns the plot rectangle (bars only)."""
    h = surface.get_height()
    fonts = theme.fonts
    label_h = fonts.font("bold", px(12, h)).get_height()
    plot = pygame.Rect(area.x, area.y + label_h + px(4, h), area.w, area.h - 2 * label_h - px(12, h))
    limit = windows.good_s * 1000.0
    edges, counts = histogram_counts(errors_ms, limit)
    span = edges[-1] - edges[0]

    def x_of(ms: float) -> float:
        return plot.x + (ms - edges[0]) / span * plot.w

    _draw_zones(surface, plot, windows, x_of)
    peak = max(int(counts.max()) if len(counts) else 0, 1)
    bin_w = plot.w / len(counts)
    gap = 1 if bin_w >= 4 else 0
    for index, count in enumerate(counts):
        if not count:
            continue
        bar_h = max(2, round(plot.h * count / peak))
        left = round(plot.x + index * bin_w)
        right = round(plot.x + (index + 1) * bin_w) - gap
        colour = zone_colour((edges[index] + edges[index + 1]) / 2, windows)
        pygame.draw.rect(
            surface,
            colour,
            (left, plot.bottom - bar_h, max(1, right - left), bar_h),
            border_top_left_radius=2,
            border_top_right_radius=2,
        )
    pygame.draw.line(surface, WHITE, (x_of(0), plot.y - px(2, h)), (x_of(0), plot.bottom), max(1, px(2, h)))
    pygame.draw.line(surface, (120, 100, 190), plot.bottomleft, plot.bottomright, 1)
    _draw_labels(surface, theme, plot, limit, x_of, errors_ms)
    return plot


def _draw_zones(
    surface: pygame.Surface, plot: pygame.Rect, windows: HitWindows, x_of: Callable[[float], float]
) -> None:
    """Faint bands behind the bars show where each judgement's window lies."""
    veil = pygame.Surface(plot.size, pygame.SRCALPHA)
    for window_s, judgement in (
        (windows.good_s, Judgement.GOOD),
        (windows.great_s, Judgement.GREAT),
        (windows.perfect_s, Judgement.PERFECT),
    ):
        ms = window_s * 1000.0
        left, right = x_of(-ms) - plot.x, x_of(ms) - plot.x
        pygame.draw.rect(veil, (*JUDGEMENT_COLOURS[judgement], 26), (left, 0, right - left, plot.h))
    surface.blit(veil, plot.topleft)


def _draw_labels(
    surface: pygame.Surface,
    theme: Theme,
    plot: pygame.Rect,
    limit: float,
    x_of: Callable[[float], float],
    errors_ms: Sequence[float],
) -> None:
    h = surface.get_height()
    fonts = theme.fonts
    size = px(12, h)
    early = fonts.text("bold", size, "← EARLY", CYAN)
    late = fonts.text("bold", size, "LATE →", PEACH)
    surface.blit(early, (plot.x, plot.y - early.get_height() - px(4, h)))
    surface.blit(late, (plot.right - late.get_width(), plot.y - late.get_height() - px(4, h)))
    for ms in (-round(limit), -50, -25, 0, 25, 50, round(limit)):
        if abs(ms) > limit + 1e-6 or (ms and abs(abs(ms) - limit) < 8 and abs(ms) != round(limit)):
            continue
        tick = fonts.text("body", px(11, h), f"{ms:+d}" if ms else "0", TEXT_DIM)
        x = x_of(ms)
        x = min(max(x - tick.get_width() / 2, plot.x), plot.right - tick.get_width())
        surface.blit(tick, (x, plot.bottom + px(4, h)))
    if len(errors_ms):
        _draw_mean(
            surface, theme, plot, float(np.mean(errors_ms)), x_of(min(max(float(np.mean(errors_ms)), -limit), limit))
        )


def _draw_mean(surface: pygame.Surface, theme: Theme, plot: pygame.Rect, mean: float, mx: float) -> None:
    """A marker over the plot and a dashed line through it at the mean error."""
    h = surface.get_height()
    marker = px(6, h)
    colour = mix(WHITE, CYAN if mean < 0 else PEACH, 0.5)
    for y in range(plot.y, plot.bottom, px(8, h)):
        pygame.draw.line(surface, colour, (mx, y), (mx, min(y + px(4, h), plot.bottom)), max(1, px(2, h)))
    pygame.draw.polygon(
        surface, colour, [(mx - marker, plot.y - marker * 1.5), (mx + marker, plot.y - marker * 1.5), (mx, plot.y)]
    )
    text = theme.fonts.text("bold", px(12, h), f"mean {mean:+.1f} ms", colour)
    # Beside the marker, on the side away from the centre line, so neither covers the other.
    x = mx + marker * 1.6 if mean >= 0 else mx - marker * 1.6 - text.get_width()
    surface.blit(text, (x, plot.y - text.get_height() - px(4, h)))
