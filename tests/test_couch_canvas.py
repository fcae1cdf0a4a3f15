"""The two-player screens keep their backdrop, stages and HUD composited between frames (see
`CouchCanvas`); what they show must be exactly what drawing everything afresh shows, whatever
changed in between: hits, fever on and off, the sync meter and the lead."""

from dataclasses import replace
from itertools import combinations
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.chart.folder import load_song
from game.engine.autoplay import autoplay_inputs
from game.engine.couch import CouchMode, couch_engine, player_notes
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.render.theme import Theme
from game.scenes.couch_duet import DuetFrame, DuetScreen
from game.scenes.couch_effects import CouchEffects
from game.scenes.couch_screen import CouchScreen, engine_layouts
from game.scenes.couch_versus import VersusFrame, VersusScreen

SIZE = (1280, 720)
SONG = Path(__file__).resolve().parents[1] / "charts" / "two-hearts-one-kit"
PLAYED_AT = (20.0, 20.0 + 1 / 240, 20.05, 20.1, 21.0, 22.5, 22.5 + 1 / 240)  # hits, pops, a clock second


@pytest.fixture(scope="module")
def song():
    pygame.init()
    return load_song(SONG)


def played(song, mode: CouchMode, player_1_left: bool = True):
    """A screen and the frames it shows while player 1 plays every note and player 2 none."""
    params = EngineParams()
    engine = couch_engine(song.chart, mode, (params, params), SplitStrategy.PIECES)
    for hit in autoplay_inputs(player_notes(engine, 0), 0):
        engine.queue(hit)
    effects = CouchEffects(engine_layouts(engine), mode is CouchMode.DUET)
    screen: CouchScreen
    if mode is CouchMode.DUET:
        screen = DuetScreen(Theme(), song, engine, params, 1.2)
    else:
        screen = VersusScreen(Theme(), song, engine, player_1_left, 1.2)
    screen.fit(SIZE)
    frames = []
    for now in PLAYED_AT:
        judged = engine.update(now)
        for event in judged:
            if event.note is not None:
                effects.on_pad(event.player, event.note.piece, now)
        effects.on_judged(judged, now)
        frames.append((f"played {now:.3f}", screen.frame(now, now, effects)))
    return screen, frames


def full_redraw(screen: CouchScreen, surface: pygame.Surface, frame) -> None:
    """Everything afresh: the sky, the still HUD, every region, both whole highways, the live parts."""
    surface.blit(screen.theme.background(SIZE, "play"), (0, 0))
    screen.still(surface)
    screen.draw_panels(surface, frame)
    for highway, view in zip(screen.highways, frame.highways, strict=True):
        highway.draw(surface, view)
    screen.draw_over(surface, frame)


def assert_kept_is_fresh(screen: CouchScreen, frames) -> None:
    kept, fresh = pygame.Surface(SIZE), pygame.Surface(SIZE)
    for label, frame in frames:
        kept.fill((255, 0, 255))  # whatever was on screen before must not matter
        screen.draw_frame(kept, frame, lambda: None)
        full_redraw(screen, fresh, frame)
        assert np.array_equal(pygame.surfarray.array3d(kept), pygame.surfarray.array3d(fresh)), label


def with_fever(frame, player: int, on: bool, meter: float, screen: CouchScreen):
    """`frame` with `player`'s fever (a duet's is the team's) on or off at `meter`."""
    players = list(frame.players)
    players[player] = replace(players[player], fever_active=on, fever_meter=meter, multiplier=8 if on else 4)
    highways = list(frame.highways)
    side = 0 if isinstance(screen, DuetScreen) else screen.sides.index(player)
    highways[side] = replace(highways[side], fever=on)
    return replace(frame, players=tuple(players), highways=tuple(highways))


def test_the_duet_canvas_draws_what_a_full_redraw_draws(song):
    screen, frames = played(song, CouchMode.DUET)
    last: DuetFrame = frames[-1][1]
    team = last.team
    fever_on = with_fever(last, 0, True, 0.9, screen)
    frames += [
        ("sync drifts", replace(last, team=replace(team, sync_level=0.3))),
        ("sync back", replace(last, team=replace(team, sync_level=0.95, score=team.score + 300))),
        ("fever on", replace(fever_on, team=replace(team, fever_active=True, fever_meter=0.9))),
        ("fever drains", replace(fever_on, team=replace(team, fever_active=True, fever_meter=0.7))),
        ("fever off", replace(last, team=replace(team, fever_meter=0.0))),
        ("player 2 hits", replace(last, players=(last.players[0], replace(last.players[1], score=900, combo=3)))),
    ]
    assert_kept_is_fresh(screen, frames)


@pytest.mark.parametrize("player_1_left", [True, False])
def test_the_versus_canvas_draws_what_a_full_redraw_draws(song, player_1_left):
    screen, frames = played(song, CouchMode.VERSUS, player_1_left)
    last: VersusFrame = frames[-1][1]
    assert last.lead == 0 and last.shares[1] < last.shares[0]  # player 2 plays nothing
    frames += [
        ("level", replace(last, lead=None, shares=(100.0, 100.0))),
        ("player 2 leads", replace(last, lead=1, shares=(71.5, 98.2))),
        ("fever on", with_fever(last, 1, True, 0.9, screen)),
        ("fever drains", with_fever(last, 1, True, 0.6, screen)),
        ("both in fever", with_fever(with_fever(last, 1, True, 0.5, screen), 0, True, 0.8, screen)),
        ("fever off", last),
    ]
    assert_kept_is_fresh(screen, frames)


@pytest.mark.parametrize("mode", list(CouchMode))
@pytest.mark.parametrize("size", [(1280, 720), (960, 540), (1920, 1080)])
def test_hud_regions_do_not_overlap(song, mode, size):
    # A region is redrawn over the backdrop restored under its box alone: overlapping boxes would
    # wipe a neighbour's drawing.
    screen, frames = played(song, mode)
    screen.fit(size)
    boxes = [pygame.Rect(box) for box, _, _ in screen.regions(frames[-1][1])]
    assert len(boxes) == 5 if mode is CouchMode.VERSUS else 4
    for one, two in combinations(boxes, 2):
        assert not one.colliderect(two), (one, two)
