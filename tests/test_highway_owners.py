"""Shared-kit duets: with `owners`, notes wear their player's colour; two highways share a frame.

Colours are checked by hue near where the geometry puts a note, so the tests hold however the gem
sprites are shaded.
"""

import colorsys

import numpy as np
import pygame
import pytest

from game.chart.layout import FOUR_LANE_PRO
from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway
from game.render.skin import HighwaySkin
from game.render.theme import PIECE_COLOURS, PLAYER_COLOURS, Theme

SIZE = (960, 540)
NOW = 10.0
AHEAD = 1.2
DT = 0.3  # every test note is this far ahead of now
# A ghosted snare (column 0), an accented hi-hat (column 1) and a mid tom (column 2), at NOW + DT.
CHART = (
    Note(NOW + DT, KitPiece.SNARE, dynamic=Dynamic.GHOST),
    Note(NOW + DT, KitPiece.HIHAT, dynamic=Dynamic.ACCENT),
    Note(NOW + DT, KitPiece.TOM_MID),
)
COLUMNS = (0, 1, 2)


@pytest.fixture(scope="module")
def theme():
    pygame.init()
    return Theme()


def geometry_at(left: int, width: int = 400) -> HighwayGeometry:
    return HighwayGeometry.fit(pygame.Rect(left, 0, width, SIZE[1]), FOUR_LANE_PRO)


def draw(surface, skin, geometry, notes, owners=None, missed=()):
    draw_highway(surface, geometry, HighwayView(NOW, AHEAD, notes, missed=missed, owners=owners), skin)


def hue_at(pixels, geometry, column, dt=DT) -> tuple[float, float]:
    """(hue in degrees, saturation) of the brighter pixels around a note's centre (column -1: kick)."""
    y = round(geometry.y_of(dt, AHEAD))
    x = round(geometry.column_x(column, y)) if column >= 0 else round(geometry.centre_x)
    patch = pixels[x - 8 : x + 9, y - 3 : y + 4].reshape(-1, 3).astype(float)
    bright = patch[patch.sum(axis=1) >= np.percentile(patch.sum(axis=1), 60)].mean(axis=0) / 255
    hue, _lightness, saturation = colorsys.rgb_to_hls(*bright)
    return hue * 360, saturation


def hue_of(colour) -> float:
    return colorsys.rgb_to_hls(*(c / 255 for c in colour))[0] * 360


def hue_gap(hue: float, colour) -> float:
    gap = abs(hue - hue_of(colour)) % 360
    return min(gap, 360 - gap)


def near(hue: float, colour, tolerance: float = 25) -> bool:
    return hue_gap(hue, colour) <= tolerance


def player_of(hue: float) -> int:
    """Whose colour the hue is nearer to. See-through ghosts take some of the lane's tint, so
    they are only asked to be nearer their player's colour than the other's."""
    return min((0, 1), key=lambda player: hue_gap(hue, PLAYER_COLOURS[player]))


def test_player_colours_are_far_apart():
    assert not near(hue_of(PLAYER_COLOURS[0]), PLAYER_COLOURS[1], tolerance=90)


@pytest.mark.parametrize("owner", [0, 1])
def test_notes_wear_their_players_colour(theme, owner):
    skin, geometry = HighwaySkin(theme), geometry_at(280)
    surface = pygame.Surface(SIZE)
    draw(surface, skin, geometry, CHART, owners=(owner,) * len(CHART))
    pixels = pygame.surfarray.array3d(surface)
    hues = [hue_at(pixels, geometry, column)[0] for column in COLUMNS]
    assert [player_of(hue) for hue in hues] == [owner] * len(CHART)
    assert all(near(hue, PLAYER_COLOURS[owner]) for hue in hues[1:])  # the accent and the plain note


def test_each_note_has_its_own_owner_and_the_kick_too(theme):
    skin, geometry = HighwaySkin(theme), geometry_at(280)
    notes = (*CHART, Note(NOW + 0.6, KitPiece.KICK, flags=NoteFlag.DOUBLE_KICK))
    surface = pygame.Surface(SIZE)
    draw(surface, skin, geometry, notes, owners=(0, 1, 0, 1))
    pixels = pygame.surfarray.array3d(surface)
    hues = [hue_at(pixels, geometry, column)[0] for column in COLUMNS]
    assert [player_of(hue) for hue in hues] == [0, 1, 0]
    assert near(hue_at(pixels, geometry, -1, 0.6)[0], PLAYER_COLOURS[1])


def test_without_owners_notes_keep_their_piece_colour(theme):
    skin, geometry = HighwaySkin(theme), geometry_at(280)
    surface = pygame.Surface(SIZE)
    draw(surface, skin, geometry, CHART)
    pixels = pygame.surfarray.array3d(surface)
    for column, note in zip(COLUMNS, CHART, strict=True):
        assert near(hue_at(pixels, geometry, column)[0], PIECE_COLOURS[note.piece]), note


def test_missed_notes_of_a_player_still_fade_to_grey(theme):
    skin, geometry = HighwaySkin(theme), geometry_at(280)
    note = (Note(NOW - 0.05, KitPiece.SNARE),)
    live, dead = pygame.Surface(SIZE), pygame.Surface(SIZE)
    draw(live, skin, geometry, note, owners=(1,))
    draw(dead, skin, geometry, note, owners=(1,), missed={0})
    assert near(hue_at(pygame.surfarray.array3d(live), geometry, 0, -0.05)[0], PLAYER_COLOURS[1])
    assert hue_at(pygame.surfarray.array3d(dead), geometry, 0, -0.05)[1] < 0.3


def test_owners_must_match_the_notes(theme):
    surface = pygame.Surface(SIZE)
    with pytest.raises(ValueError, match="owners"):
        draw(surface, HighwaySkin(theme), geometry_at(280), CHART, owners=(0, 1))
    with pytest.raises(ValueError, match="owner"):
        draw(surface, HighwaySkin(theme), geometry_at(280), CHART, owners=(0, 1, 2))


def test_a_new_owners_sequence_replans_the_same_notes(theme):
    skin, geometry = HighwaySkin(theme), geometry_at(280)
    surface = pygame.Surface(SIZE)
    draw(surface, skin, geometry, CHART, owners=(0, 0, 0))
    draw(surface, skin, geometry, CHART, owners=(1, 1, 1))
    assert near(hue_at(pygame.surfarray.array3d(surface), geometry, 2)[0], PLAYER_COLOURS[1])


def test_two_highways_side_by_side_keep_their_own_pictures(theme, monkeypatch):
    """Versus: a skin per highway, each warmed for its geometry, then frames render nothing new."""
    left, right = geometry_at(20, 440), geometry_at(500, 440)
    skins = (HighwaySkin(theme), HighwaySkin(theme))
    for skin, geometry, player in zip(skins, (left, right), (0, 1), strict=True):
        skin.warm(geometry, SIZE, {note.piece for note in CHART}, {player})

    def no_rendering(*_args, **_kwargs):
        raise AssertionError("a picture was rendered mid-frame")

    monkeypatch.setattr(pygame.transform, "smoothscale", no_rendering)
    surface = pygame.Surface(SIZE)
    for _frame in range(3):
        for skin, geometry, owner in zip(skins, (left, right), (0, 1), strict=True):
            draw(surface, skin, geometry, CHART, owners=(owner,) * len(CHART))
    pixels = pygame.surfarray.array3d(surface)
    assert [player_of(hue_at(pixels, left, column)[0]) for column in COLUMNS] == [0, 0, 0]
    assert [player_of(hue_at(pixels, right, column)[0]) for column in COLUMNS] == [1, 1, 1]
