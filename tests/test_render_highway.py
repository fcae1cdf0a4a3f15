"""The highway draws notes where the geometry says, and only the notes it should.

Each test draws a frame with and without the thing under test and looks at the pixels that
changed, so the tests hold however the sprites are styled.
"""

import itertools

import numpy as np
import pygame
import pytest

from game.chart.layout import FOUR_LANE, FOUR_LANE_PRO, KIT
from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import GridLine
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway, visible_range
from game.render.skin import HighwaySkin
from game.render.theme import Theme

SIZE = (960, 540)
NOW = 10.0
AHEAD = 1.2


@pytest.fixture(scope="module")
def theme():
    pygame.init()
    return Theme()


@pytest.fixture(scope="module")
def skin(theme):
    return HighwaySkin(theme)


def geometry_for(layout=FOUR_LANE_PRO, perspective=1.0):
    return HighwayGeometry.fit(pygame.Rect(280, 0, 400, SIZE[1]), layout, perspective)


def frame(skin, geometry, notes=(), **view):
    surface = pygame.Surface(SIZE)
    draw_highway(surface, geometry, HighwayView(NOW, AHEAD, tuple(notes), **view), skin)
    return pygame.surfarray.array3d(surface).astype(int)


def changed(skin, geometry, notes, **view):
    """(x0, y0, x1, y1) of the pixels the notes changed, or None."""
    diff = np.abs(frame(skin, geometry, notes, **view) - frame(skin, geometry, (), **view)).sum(axis=2) > 40
    if not diff.any():
        return None
    xs, ys = np.nonzero(diff)
    return xs.min(), ys.min(), xs.max(), ys.max()


@pytest.mark.parametrize("perspective", [0.0, 1.0])
@pytest.mark.parametrize(
    ("piece", "column"), [(KitPiece.SNARE, 0), (KitPiece.HIHAT, 1), (KitPiece.TOM_MID, 2), (KitPiece.CRASH, 3)]
)
def test_a_note_at_now_is_on_the_hit_line_of_its_lane(skin, piece, column, perspective):
    geometry = geometry_for(perspective=perspective)
    box = changed(skin, geometry, [Note(NOW, piece)])
    assert box is not None
    centre_x, centre_y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    assert centre_x == pytest.approx(geometry.column_x(column, geometry.hit_y), abs=3)
    assert centre_y == pytest.approx(geometry.hit_y, abs=3)


def test_a_note_half_way_is_drawn_where_the_geometry_puts_it(skin):
    geometry = geometry_for()
    box = changed(skin, geometry, [Note(NOW + AHEAD / 2, KitPiece.SNARE)])
    y = geometry.y_of(AHEAD / 2, AHEAD)
    assert (box[1] + box[3]) / 2 == pytest.approx(y, abs=3)
    assert geometry.far_y < y < geometry.hit_y


def test_the_colour_at_a_note_is_its_piece_colour(skin):
    geometry = geometry_for()
    pixels = frame(skin, geometry, [Note(NOW + 0.3, KitPiece.TOM_FLOOR)])
    x, y = round(geometry.column_x(3, geometry.y_of(0.3, AHEAD))), round(geometry.y_of(0.3, AHEAD))
    r, g, _b = pixels[x - 6 : x + 6, y - 2 : y + 3].reshape(-1, 3).mean(axis=0)
    assert g > r and g > 120  # the floor tom is green-teal


def test_notes_beyond_the_look_ahead_are_not_drawn(skin):
    geometry = geometry_for()
    assert changed(skin, geometry, [Note(NOW + AHEAD + 0.2, KitPiece.SNARE)]) is None


def test_hit_notes_are_hidden(skin):
    geometry = geometry_for()
    notes = [Note(NOW + 0.2, KitPiece.SNARE), Note(NOW + 0.4, KitPiece.HIHAT)]
    assert changed(skin, geometry, notes, hidden={0, 1}) is None
    only_second = changed(skin, geometry, notes, hidden={0})
    assert only_second is not None
    assert (only_second[1] + only_second[3]) / 2 == pytest.approx(geometry.y_of(0.4, AHEAD), abs=3)


def test_missed_notes_are_greyed(skin):
    geometry = geometry_for()
    note = [Note(NOW - 0.05, KitPiece.SNARE)]
    x, y = round(geometry.column_x(0, geometry.y_of(-0.05, AHEAD))), round(geometry.y_of(-0.05, AHEAD))
    live_rgb = (frame(skin, geometry, note))[x - 5 : x + 5, y - 2 : y + 2].reshape(-1, 3).mean(axis=0)
    dead_rgb = (frame(skin, geometry, note, missed={0}))[x - 5 : x + 5, y - 2 : y + 2].reshape(-1, 3).mean(axis=0)
    assert np.ptp(dead_rgb) < np.ptp(live_rgb)  # less saturated


def test_the_kick_bar_spans_the_highway(skin):
    geometry = geometry_for()
    box = changed(skin, geometry, [Note(NOW, KitPiece.KICK)])
    width = box[2] - box[0] + 1
    assert width == pytest.approx(geometry.width_at(geometry.hit_y) * 0.97, abs=5)
    assert (box[0] + box[2]) / 2 == pytest.approx(geometry.centre_x, abs=2)


def test_double_kicks_look_different(skin):
    geometry = geometry_for()
    single = frame(skin, geometry, [Note(NOW + 0.3, KitPiece.KICK)])
    double = frame(skin, geometry, [Note(NOW + 0.3, KitPiece.KICK, flags=NoteFlag.DOUBLE_KICK)])
    assert np.abs(single - double).sum() > 0


def test_ghosts_are_smaller_and_accents_larger(skin):
    geometry = geometry_for()
    sizes = {}
    for dynamic in Dynamic:
        box = changed(skin, geometry, [Note(NOW + 0.3, KitPiece.SNARE, dynamic=dynamic)])
        sizes[dynamic] = box[2] - box[0]
    assert sizes[Dynamic.GHOST] < sizes[Dynamic.NORMAL] < sizes[Dynamic.ACCENT]


def test_pieces_the_layout_does_not_play_are_skipped(skin):
    geometry = geometry_for(FOUR_LANE)
    assert changed(skin, geometry, [Note(NOW + 0.3, KitPiece.HIHAT_PEDAL)]) is None


def test_bar_lines_are_thicker_than_beat_lines(skin):
    geometry = geometry_for(perspective=0.0)

    def thickness(line):
        drawn = frame(skin, geometry, (), grid=[line]) - frame(skin, geometry, ())
        return len(np.nonzero((np.abs(drawn).sum(axis=2) > 20).any(axis=0))[0])

    beat = thickness(GridLine(0, NOW + 0.5, False))
    bar = thickness(GridLine(0, NOW + 0.5, True))
    assert 0 < beat < bar


def test_flashes_light_their_column(skin):
    geometry = geometry_for()
    base = frame(skin, geometry, ())
    lit = frame(skin, geometry, (), lane_flash={2: 1.0})
    diff = np.abs(lit - base).sum(axis=2) > 30
    xs = np.nonzero(diff.any(axis=1))[0]
    assert xs.mean() == pytest.approx(geometry.column_x(2, geometry.hit_y), abs=6)


def test_kit_layout_draws_nine_columns(skin):
    geometry = HighwayGeometry.fit(pygame.Rect(100, 0, 760, SIZE[1]), KIT)
    box = changed(skin, geometry, [Note(NOW, KitPiece.RIDE)])
    assert (box[0] + box[2]) / 2 == pytest.approx(geometry.column_x(8, geometry.hit_y), abs=3)


def test_geometry_is_a_pure_monotonic_function_of_time():
    geometry = geometry_for()
    ys = [geometry.y_of(dt, AHEAD) for dt in np.linspace(-0.2, AHEAD, 50)]
    assert all(a > b for a, b in itertools.pairwise(ys))
    assert geometry.y_of(0, AHEAD) == pytest.approx(geometry.hit_y)
    assert geometry.y_of(AHEAD, AHEAD) == pytest.approx(geometry.far_y)
    oldest, newest = geometry.visible_dt(AHEAD)
    assert geometry.y_of(oldest, AHEAD) == pytest.approx(geometry.bottom)
    assert newest == AHEAD


def test_visible_range_bisects_the_window():
    notes = tuple(Note(t * 0.1, KitPiece.SNARE) for t in range(1000))
    window = visible_range(notes, 20.0, 21.0)
    assert [notes[i].time_s for i in (window.start, window[-1])] == pytest.approx([20.0, 21.0])
    assert len(window) == 11
