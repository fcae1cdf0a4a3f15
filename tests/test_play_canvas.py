"""The play canvas keeps parts of the frame composited between frames; what it shows must be
exactly what drawing everything afresh shows, whatever changed in between."""

from dataclasses import fields, replace

import numpy as np
import pygame
import pytest
from test_render_screens import hud_view

from game.chart.layout import FOUR_LANE_PRO
from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece
from game.chart.tempo import GridLine
from game.engine.window import Judgement
from game.render.canvas import PlayCanvas
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway, draw_highway_traffic
from game.render.hud import HudView, card_state, draw_hud, draw_hud_live, draw_play_backdrop, play_layout
from game.render.skin import HighwaySkin
from game.render.theme import Theme

SIZE = (960, 540)
NOTES = tuple(
    Note(0.2 * i, piece, dynamic=Dynamic.ACCENT if i % 5 == 0 else Dynamic.NORMAL)
    for i, piece in enumerate([KitPiece.SNARE, KitPiece.HIHAT, KitPiece.KICK, KitPiece.TOM_MID, KitPiece.CRASH] * 8)
)
GRID = tuple(GridLine(0, 0.25 * i, i % 4 == 0) for i in range(40))


@pytest.fixture(scope="module")
def theme():
    pygame.init()
    return Theme()


def hud(**changes) -> HudView:
    counts = ((Judgement.PERFECT, 10), (Judgement.GREAT, 5), (Judgement.GOOD, 2), (Judgement.MISS, 1))
    return hud_view(**({"fever_active": False, "counts": counts} | changes))


FRAMES = [  # (song time, HUD changes, fever): hits, a fever toggle, a clock second, back again
    (1.00, {}, False),
    (1.01, {"combo_age_s": 0.06}, False),
    (1.10, {"score": 12_840, "combo": 18, "accuracy": 97.61}, False),
    (1.20, {"fever_active": True, "fever_meter": 0.9, "multiplier": 4}, True),
    (1.30, {"fever_active": True, "fever_meter": 0.8, "multiplier": 4, "elapsed_s": 32.2}, True),
    (1.40, {"counts": ((Judgement.PERFECT, 11),), "section": "Chorus"}, False),
    (1.50, {}, False),
]


def test_the_canvas_draws_what_a_full_redraw_draws(theme):
    layout = play_layout(SIZE, FOUR_LANE_PRO.columns)
    geometry = HighwayGeometry.fit(layout.rect(layout.highway), FOUR_LANE_PRO)
    skin = HighwaySkin(theme)
    canvas = PlayCanvas(theme, skin)
    kept, fresh = pygame.Surface(SIZE), pygame.Surface(SIZE)
    for now, changes, fever in FRAMES:
        view = hud(**changes)
        highway = HighwayView(now, 1.2, NOTES, {0}, {1}, GRID, fever, {1: 0.7}, 0.4)
        kept.fill((255, 0, 255))  # whatever was on screen before must not matter
        canvas.draw(kept, layout, geometry, view, fever)
        draw_highway_traffic(kept, geometry, highway, skin)
        draw_hud_live(kept, theme, layout, view)
        draw_play_backdrop(fresh, theme, layout, view, skip_highway=False)
        draw_highway(fresh, geometry, highway, skin)
        draw_hud(fresh, theme, layout, view)
        assert np.array_equal(pygame.surfarray.array3d(kept), pygame.surfarray.array3d(fresh)), (now, changes)


def test_the_card_state_counts_every_field_the_cards_show():
    layout = play_layout(SIZE)
    base = hud()
    live = {"combo", "combo_age_s"}
    different = {bool: lambda v: not v, int: lambda v: v + 1, float: lambda v: v + 1.5, str: lambda v: v + "!"}
    for field in fields(HudView):
        value = getattr(base, field.name)
        changed = ((Judgement.MISS, 99),) if field.name == "counts" else different[type(value)](value)
        moved = card_state(layout, replace(base, **{field.name: changed})) != card_state(layout, base)
        assert moved is (field.name not in live), field.name


def test_the_card_state_ignores_what_the_cards_cannot_show():
    layout = play_layout(SIZE)
    base = hud(fever_active=True)
    nudges = {"progress": 0.0001, "elapsed_s": 0.9, "accuracy": 0.001, "fever_meter": -0.1, "combo": 5}
    for name, nudge in nudges.items():
        nudged = replace(base, **{name: getattr(base, name) + nudge})
        assert card_state(layout, nudged) == card_state(layout, base), name
