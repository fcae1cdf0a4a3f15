"""The results screen's pictures say what the numbers say: the histogram's peak sits over the most
common error, zones follow the hit windows, and every hit is counted."""

import numpy as np
import pygame
import pytest

from game.engine.window import HitWindows, Judgement
from game.render.histogram import BIN_MS, draw_histogram, histogram_counts, zone_colour
from game.render.theme import JUDGEMENT_COLOURS, Theme

WINDOWS = HitWindows()


@pytest.fixture(scope="module")
def theme():
    pygame.init()
    return Theme()


def test_counts_cover_every_hit_and_clamp_outliers():
    errors = [-200.0, -12.0, 0.0, 3.9, 4.0, 89.0, 300.0]
    edges, counts = histogram_counts(errors, 90.0)
    assert counts.sum() == len(errors)
    assert edges[0] == pytest.approx(-92.0) and edges[-1] == pytest.approx(92.0)
    assert np.diff(edges) == pytest.approx(BIN_MS)
    assert counts[0] == 1 and counts[-1] == 2  # -200 clamped left; 89 and 300 share the last bin
    zero_bin = int(np.searchsorted(edges, 0.0, side="right")) - 1
    assert counts[zero_bin] == 2  # 0.0 and 3.9 ([0, 4)); 4.0 starts the next bin


def test_zone_colours_follow_the_windows():
    assert zone_colour(2.0, WINDOWS) == JUDGEMENT_COLOURS[Judgement.PERFECT]
    assert zone_colour(-40.0, WINDOWS) == JUDGEMENT_COLOURS[Judgement.GREAT]
    assert zone_colour(70.0, WINDOWS) == JUDGEMENT_COLOURS[Judgement.GOOD]


@pytest.mark.parametrize("peak_ms", [-42.0, 0.0, 18.0, 61.0])
def test_the_tallest_bar_is_where_most_errors_are(theme, peak_ms):
    rng = np.random.default_rng(5)
    errors = list(rng.normal(peak_ms, 3.0, 400)) + list(rng.uniform(-85, 85, 200))
    surface = pygame.Surface((900, 400))
    surface.fill((0, 0, 0))
    plot = draw_histogram(surface, theme, pygame.Rect(20, 20, 860, 360), errors, WINDOWS)
    pixels = pygame.surfarray.array3d(surface).astype(int)
    tops = []
    for x in range(plot.x + 2, plot.right - 2):
        column = pixels[x, plot.y : plot.bottom]
        # bars are bright, saturated colours; zone bands, the mean line and the centre line are not
        bright = np.nonzero((column.max(axis=1) > 150) & (np.ptp(column, axis=1) > 110))[0]
        tops.append(bright[0] if len(bright) else plot.h)
    tallest_x = plot.x + 2 + int(np.argmin(tops))
    edges, _ = histogram_counts(errors, WINDOWS.good_s * 1000)
    ms = edges[0] + (tallest_x - plot.x) / plot.w * (edges[-1] - edges[0])
    assert ms == pytest.approx(peak_ms, abs=2 * BIN_MS)


def test_an_empty_run_draws_an_empty_histogram(theme):
    surface = pygame.Surface((600, 300))
    draw_histogram(surface, theme, pygame.Rect(10, 10, 580, 280), [], WINDOWS)
