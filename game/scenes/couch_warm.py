"""Rendering ahead, off screen, every picture the two-player screen will need during the song.

Glow text and badges take milliseconds to make; made mid-song they would stall input polling. So
before the count-in, each highway's flashes are drawn at every strength, and the HUD is drawn with
made-up states covering what can change: every multiplier and ring segment, every fever fill and
status, every combo pop size and digit, every judgement popup, sync word, lead, share bar level and
section name.
"""

from __future__ import annotations

from itertools import product

import pygame

from game.engine.window import Judgement
from game.render.couch_hud import COMBO_POP_S, PlayerView
from game.render.couch_team import TeamView
from game.render.highway import HighwayView
from game.render.meter import RING_SEGMENTS
from game.render.popup import POP_IN_S, JudgementPopup, draw_count_in
from game.render.skin import FLASH_LEVELS
from game.scenes.couch_duet import DuetFrame, DuetScreen
from game.scenes.couch_effects import CouchEffects
from game.scenes.couch_screen import CouchScreen, Frame
from game.scenes.couch_versus import VersusFrame, VersusScreen

DIGITS = 1_234_567_890
LEVELS = 32  # fever fills are drawn in quarter segments: 32 steps


def warm_couch_screen(screen: CouchScreen, size: tuple[int, int], effects: CouchEffects) -> None:
    surface = pygame.Surface(size)
    screen.draw(surface, -1.0, 0.0, effects, lambda: None)  # lays out, bakes the backdrop and skins
    for highway, level, fever in product(screen.highways, range(1, FLASH_LEVELS + 1), (False, True)):
        strength = level / FLASH_LEVELS
        flashes = dict.fromkeys(range(highway.layout.columns), strength)
        grid = screen.grid
        highway.draw(
            surface,
            HighwayView(
                -1.0, screen.look_ahead_s, highway.notes, (), (), grid, fever, flashes, strength, highway.owners
            ),
        )
    for label, step in product(("3", "2", "1", "GO!"), range(6)):
        draw_count_in(surface, screen.theme, screen.count_in_layout(), label, step / 5)
    songs = [screen.song_view(section.time_s) for section in screen.song.chart.sections] or [screen.song_view(0.0)]
    popups = _popups()
    for index, players in enumerate(zip(_views(0), _views(1), strict=True)):
        song, pair = songs[index % len(songs)], popups[index % len(popups)]
        if isinstance(screen, DuetScreen):
            level = (index % (LEVELS + 1)) / LEVELS
            team = TeamView(DIGITS, level, level, index % 3 == 0)
            _draw_hud(screen, surface, DuetFrame(song, players, (), pair, team))
        elif isinstance(screen, VersusScreen):
            share = 50.0 + 50.0 * (index % 65) / 64
            _draw_hud(screen, surface, VersusFrame(song, players, (), pair, (None, 0, 1)[index % 3], (share, share)))


def _draw_hud(screen: CouchScreen[Frame], surface: pygame.Surface, frame: Frame) -> None:
    """Every HUD part of a made-up frame, straight onto `surface`."""
    screen.draw_panels(surface, frame)
    screen.draw_over(surface, frame)


def _views(player: int) -> list[PlayerView]:
    """Enough made-up states of one player to draw every picture their HUD can show."""
    badges = [(m, lit, False) for m in (1, 2, 3, 4) for lit in range(RING_SEGMENTS)]
    badges += [(m, lit, True) for m in (2, 4, 6, 8) for lit in range(RING_SEGMENTS)]
    views = []
    for index in range(max(len(badges), 2 * (LEVELS + 1))):
        multiplier, lit, fever = badges[index % len(badges)]
        meter = (index % (LEVELS + 1)) / LEVELS
        active = index // (LEVELS + 1) == 1
        age = COMBO_POP_S * (index % 5) / 4
        views.append(
            PlayerView(
                player, DIGITS, DIGITS, multiplier, 99.5, age, (lit + 0.5) / RING_SEGMENTS, meter, active or fever
            )
        )
    return views


def _popups() -> list[tuple[list[JudgementPopup], list[JudgementPopup]]]:
    found = []
    for judgement, early, age in product(
        Judgement, (None, True, False), (0.0, POP_IN_S / 3, 2 * POP_IN_S / 3, POP_IN_S)
    ):
        popup = [JudgementPopup(judgement, age, early)]
        found.append((popup, popup))
    return found
