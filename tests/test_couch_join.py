"""Getting two players in: song select -> chooser's "2 players" -> mode -> join -> the couch play
screen, driven headless through menu actions and raw hits with made-up wall times.

  press                      ->  seat / verb
  keyboard.p1  snare         ->  player 1 joins (the left half of the keyboard)
  "TD-17"      ride          ->  player 2 joins (the right side of a kit)
  "TD-17"      hi-hat        ->  player 1's side of the same kit: the kit becomes shared
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pygame
import pytest

from game.chart.model import Difficulty
from game.chart.piece import KitPiece as P
from game.engine.couch import CouchMode
from game.engine.split import SplitStrategy
from game.input.raw import MenuAction as A
from game.input.raw import RawHit
from game.input.router import SHARED_DEVICE
from game.persistence.settings import Settings
from game.render.theme import Theme
from game.scenes.base import Scene, SceneStack
from game.scenes.chooser import ChooserScene
from game.scenes.couch_join import START_HOLD_S, CouchJoinScene
from game.scenes.couch_mode import CouchModeScene
from game.scenes.couch_panel import SHARED_LABEL, pieces_of
from game.scenes.services import Services
from game.scenes.song_select import SongSelectScene
from game.scenes.title import TitleScene
from tests.couch_scenes import CHARTS, SONG, duet_song

KIT = "TD-17 MIDI 1"
OTHER_KIT = "Second Kit MIDI 1"
T0 = 100.0


@pytest.fixture(scope="module")
def theme() -> Theme:
    pygame.init()
    return Theme()


@pytest.fixture
def song():
    return duet_song()


@pytest.fixture
def services(theme: Theme, tmp_path: Path):
    library = tmp_path / "songs"
    library.mkdir()
    (library / SONG).symlink_to(CHARTS / SONG, target_is_directory=True)
    made = Services(theme, SceneStack(), Settings(), None, None, None, None, (library,), lambda: "2024-05-01T12:00")
    yield made
    made.scenes.quit()


@pytest.fixture
def couch_play(monkeypatch: pytest.MonkeyPatch) -> list:
    started: list = []

    class FakeCouchPlay(Scene):
        def __init__(self, services, song, setup):
            started.append((song, setup))

    monkeypatch.setitem(sys.modules, "game.scenes.couch_play", types.SimpleNamespace(CouchPlayScene=FakeCouchPlay))
    return started


def press(scene: Scene, *actions: A) -> None:
    for action in actions:
        scene.on_action(action, T0)


def hit(scene: Scene, device: str, *pieces: P, at: float = T0) -> None:
    for piece in pieces:
        scene.on_hit(RawHit(piece, at, 100, device))


def join_scene(services: Services, song, mode: CouchMode, split: SplitStrategy = SplitStrategy.PIECES):
    scene = CouchJoinScene(services, song, mode, split, Difficulty.EXPERT, "")
    services.scenes.push(scene, T0)
    return scene


def open_mode(services: Services) -> CouchModeScene:
    services.scenes.push(TitleScene(services), T0)
    press(services.scenes.top, A.SELECT)
    select = services.scenes.top
    assert isinstance(select, SongSelectScene)
    press(select, A.SELECT)
    chooser = services.scenes.top
    assert isinstance(chooser, ChooserScene)
    press(chooser, A.RIGHT, A.RIGHT, A.DOWN, A.SELECT)  # past the layout column to "2 players"
    mode = services.scenes.top
    assert isinstance(mode, CouchModeScene)
    assert (mode.difficulty, mode.layout) == (chooser.difficulty, chooser.layout)
    return mode


def test_song_select_to_a_duet_on_the_couch_play_screen(services: Services, couch_play: list):
    mode = open_mode(services)
    press(mode, A.SELECT)  # Shared Kit (duet) -> the split step
    assert mode.step == 1 and services.scenes.top is mode
    press(mode, A.DOWN, A.SELECT)  # call and response
    join = services.scenes.top
    assert isinstance(join, CouchJoinScene)
    assert (join.mode, join.split) == (CouchMode.DUET, SplitStrategy.PHRASES)
    hit(join, "keyboard.p1", P.SNARE)
    hit(join, KIT, P.RIDE)
    assert join.join.device_players() == {"keyboard.p1": 0, KIT: 1}
    hit(join, "keyboard.p1", P.SNARE)  # player 1 ready
    hit(join, KIT, P.SNARE)  # player 2 ready
    join.update(T0 + 0.1)
    assert services.scenes.top is join  # the hold: both "READY!" panels are shown first
    join.update(T0 + 0.11 + START_HOLD_S)
    (song, setup) = couch_play[0]
    assert type(services.scenes.top).__name__ == "FakeCouchPlay"
    assert song.folder.name == SONG
    assert (setup.mode, setup.split) == (CouchMode.DUET, SplitStrategy.PHRASES)
    assert setup.device_players == {"keyboard.p1": 0, KIT: 1}
    assert (
        setup.params[0]
        == setup.params[1]
        == services.settings.gameplay.engine_params(Difficulty.EXPERT, "four_lane_pro")
    )


def test_versus_skips_the_split_and_back_steps_return(services: Services):
    mode = open_mode(services)
    press(mode, A.SELECT, A.BACK)  # into the split step and out again
    assert mode.step == 0
    press(mode, A.DOWN, A.SELECT)
    join = services.scenes.top
    assert isinstance(join, CouchJoinScene) and join.mode is CouchMode.VERSUS
    press(join, A.BACK)  # Escape: back to song select, past the chooser
    assert isinstance(services.scenes.top, SongSelectScene)


def test_back_from_the_mode_card_returns_to_the_chooser(services: Services):
    mode = open_mode(services)
    press(mode, A.BACK)
    assert isinstance(services.scenes.top, ChooserScene)


def test_a_keyboard_half_seats_its_own_player(services: Services, song):
    join = join_scene(services, song, CouchMode.VERSUS)
    hit(join, "keyboard.p2", P.SNARE)  # a left-side piece, but the right half of the keyboard
    assert join.join.seats[0] is None and join.join.seats[1].device == "keyboard.p2"
    assert join.view(T0).status == "Waiting for player 1 to join"


def test_a_midi_kit_seats_by_the_side_of_its_pad(services: Services, song):
    join = join_scene(services, song, CouchMode.VERSUS)
    hit(join, KIT, P.TOM_FLOOR)
    assert join.join.device_players() == {KIT: 1}
    hit(join, "keyboard.p1", P.KICK)
    assert join.join.device_players() == {KIT: 1, "keyboard.p1": 0}
    panel = join._panels.panel(1, join.join.seats[1], 5.0)
    assert panel.device == KIT and panel.hints[0] == ("Snare", "ready")


def test_one_kit_shared_by_both_maps_to_the_shared_device(services: Services, song, couch_play: list):
    join = join_scene(services, song, CouchMode.DUET)
    hit(join, KIT, P.SNARE)
    hit(join, KIT, P.TOM_HIGH)  # the other side of the same kit: both sit at it
    assert join.join.device_players() == {KIT: SHARED_DEVICE}
    panels = [join._panels.panel(p, join.join.seats[p], 5.0) for p in (0, 1)]
    assert all(SHARED_LABEL in panel.device for panel in panels)
    assert panels[0].pieces == pieces_of(0) and P.HIHAT in panels[0].pieces and P.KICK in panels[1].pieces
    # each player readies with a pad on their own side: snare for player 1, crash for player 2
    hit(join, KIT, P.SNARE, P.CRASH)
    assert [panel.ready for panel in join.choices.panels] == [True, True]
    join.update(T0)
    join.update(T0 + START_HOLD_S + 0.01)
    assert couch_play[0][1].device_players == {KIT: SHARED_DEVICE}


def test_each_player_moves_only_their_own_panel(services: Services, song):
    join = join_scene(services, song, CouchMode.VERSUS)
    hit(join, "keyboard.p1", P.SNARE)
    hit(join, KIT, P.RIDE)
    hit(join, KIT, P.TOM_MID, P.RIDE)  # player 2: down to the layout, next layout
    hit(join, "keyboard.p1", P.HIHAT)  # player 1: difficulty one easier (same moment, own panel)
    one, two = join.choices.panels
    assert (one.row, two.row) == (0, 1)
    assert one.difficulty is Difficulty.HARD and two.difficulty is Difficulty.EXPERT
    assert one.layout == "four_lane_pro" and two.layout != "four_lane_pro"
    assert join.couch_key_layouts == ("four_lane_pro", two.layout)
    setup = join.setup()
    assert setup.params[0].difficulty is Difficulty.HARD and setup.params[1].layout == two.layout


def test_a_shared_kit_choice_is_the_teams_and_takes_back_the_partners_ready(services: Services, song):
    join = join_scene(services, song, CouchMode.DUET)
    hit(join, "keyboard.p1", P.SNARE, P.SNARE)  # join, ready
    hit(join, "keyboard.p2", P.SNARE, P.HIHAT)  # join, team difficulty one easier
    one, two = join.choices.panels
    assert one.difficulty is two.difficulty is Difficulty.HARD
    assert not one.ready  # player 1 agreed to Expert, not Hard
    rows = join._panels.panel(0, join.join.seats[0], 5.0).rows
    assert all(row.team for row in rows)


def test_versus_sides_never_collide(services: Services, song):
    join = join_scene(services, song, CouchMode.VERSUS)
    hit(join, "keyboard.p1", P.SNARE)
    hit(join, "keyboard.p2", P.SNARE)
    hit(join, "keyboard.p2", P.TOM_MID, P.TOM_MID)  # player 2 to the side row
    hit(join, "keyboard.p1", P.TOM_HIGH)  # player 1 up, wrapping to the side row
    for player, piece in ((1, P.HIHAT), (0, P.HIHAT), (0, P.RIDE), (1, P.RIDE), (1, P.HIHAT)):
        hit(join, f"keyboard.p{player + 1}", piece)
        wanted_left = piece is P.HIHAT
        assert join.choices.on_left(player) is wanted_left
        assert join.choices.on_left(1 - player) is not wanted_left
    assert join.setup().player_1_left is False  # player 2 went left last
    assert [panel.player for panel in join.view(T0).panels] == [1, 0]  # the panels follow the sides


def test_leaving_frees_the_seat_and_a_third_device_is_refused_once(services: Services, song):
    join = join_scene(services, song, CouchMode.VERSUS)
    hit(join, "keyboard.p1", P.SNARE)
    hit(join, KIT, P.RIDE)
    hit(join, OTHER_KIT, P.SNARE, P.SNARE)
    assert services.notices == [f"{OTHER_KIT}: two players are already seated"]
    hit(join, KIT, P.SNARE, P.TOM_FLOOR)  # ready, then back: takes the ready back, still seated
    assert join.join.seats[1] is not None and not join.choices.panels[1].ready
    hit(join, KIT, P.TOM_FLOOR)  # back again: leaves
    assert join.join.seats[1] is None
    hit(join, OTHER_KIT, P.RIDE)
    assert join.join.device_players() == {"keyboard.p1": 0, OTHER_KIT: 1}


def test_a_missing_couch_play_screen_is_a_notice(services: Services, song, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "game.scenes.couch_play", None)
    join = join_scene(services, song, CouchMode.VERSUS)
    hit(join, "keyboard.p1", P.SNARE, P.SNARE)
    hit(join, "keyboard.p2", P.SNARE, P.SNARE)
    join.update(T0)
    join.update(T0 + START_HOLD_S + 0.01)
    assert services.scenes.top is join and "cannot start" in services.notices[-1]


@pytest.mark.parametrize("size", [(1280, 720), (960, 540)])
def test_every_join_state_draws(services: Services, song, size: tuple[int, int]):
    surface = pygame.Surface(size)
    open_mode(services).draw(surface, T0)
    services.scenes.top.on_action(A.SELECT, T0)
    services.scenes.top.draw(surface, T0)  # the split step
    for mode in CouchMode:
        join = join_scene(services, song, mode)
        join.draw(surface, T0)
        hit(join, "keyboard.p1", P.SNARE)
        join.draw(surface, T0 + 0.1)  # the join flash
        hit(join, KIT, P.TOM_HIGH, P.SNARE)
        services.notice("a notice")
        join.draw(surface, T0 + 1.0)
    chooser = ChooserScene(services, song)
    press(chooser, A.RIGHT, A.RIGHT)
    chooser.draw(surface, T0)
