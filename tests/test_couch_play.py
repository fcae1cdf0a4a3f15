"""The two-player play scene driven headless with made-up wall times (no audio device, so the song
clock runs on those times): routing through the scene, autoplay for both players, pause and
resume, focus loss and restart, hand-over to results, and drawing both modes at every size."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.chart.folder import load_song
from game.chart.model import Difficulty
from game.chart.piece import KitPiece
from game.engine.couch import CouchMode, player_notes
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.input.raw import MenuAction as A
from game.input.raw import RawHit
from game.input.router import SHARED_DEVICE
from game.scenes.couch_play import CouchPlayScene
from game.scenes.couch_setup import CouchOutcome, CouchSetup
from tests import test_scenes_play
from tests.chart_text import chart_text

T0 = 1000.0
ROOT = Path(__file__).resolve().parents[1]
# The single-player scene tests' headless services (no mixer, a fresh score store) serve here too.
services, theme = test_scenes_play.services, test_scenes_play.theme
EXPERT = EngineParams()
EASY = EngineParams(difficulty=Difficulty.EASY)


def write_couch_song(folder: Path) -> Path:
    """Three bars at 120 BPM: snare eighths, kick on each beat, crash every bar; Easy has the kicks."""
    folder.mkdir(parents=True)
    expert, easy = [], []
    for tick in range(0, 6 * 384, 96):
        expert.append(f"{tick} = N 1 0")
        if tick % 192 == 0:
            expert.append(f"{tick} = N 0 0")
            easy.append(f"{tick} = N 0 0")
        if tick % 768 == 0:
            expert += [f"{tick} = N 4 0", f"{tick} = N 68 0"]
    (folder / "notes.chart").write_text(chart_text({"ExpertDrums": expert, "EasyDrums": easy}))
    (folder / "song.ini").write_text("[song]\nname = Couch\nartist = Tests\npro_drums = True\n")
    return folder


@pytest.fixture(scope="module")
def song(tmp_path_factory):
    return load_song(write_couch_song(tmp_path_factory.mktemp("couch") / "song"))


def duet(split: SplitStrategy = SplitStrategy.PIECES, devices=None) -> CouchSetup:
    return CouchSetup(CouchMode.DUET, (EXPERT, EXPERT), split, devices or {})


def start(services, song, setup, finished: list, autoplay: bool = False) -> CouchPlayScene:
    scene = CouchPlayScene(services, song, setup, autoplay=autoplay, on_finished=finished.append)
    services.scenes.push(scene, T0)
    return scene


def wall_of(scene: CouchPlayScene, song_time: float) -> float:
    return T0 + scene.session.count_in_s + song_time


def run_to_end(scene: CouchPlayScene, step_s: float = 0.002, shift: float = 0.0) -> None:
    wall = wall_of(scene, -scene.session.count_in_s) + shift
    end = wall_of(scene, scene.session.end_s) + shift + 0.05
    while wall < end and not scene._ended:
        scene.update(wall)
        wall += step_s


def perfect_for_both(outcome: CouchOutcome) -> None:
    for player in outcome.report["players"]:
        assert (player["accuracy"], player["full_combo"], player["judgements"]["overhit"]) == (100.0, True, 0)
        assert player["judgements"]["perfect"] == player["notes"] > 0


@pytest.mark.parametrize("split", list(SplitStrategy))
def test_autoplay_duet_is_perfect_for_both_players_with_every_split(services, song, split):
    finished: list = []
    scene = start(services, song, duet(split), finished, autoplay=True)
    run_to_end(scene)
    (outcome,) = finished
    perfect_for_both(outcome)
    assert outcome.report["team"]["split"] == split.value and outcome.report["team"]["sync"] == 100.0
    assert {hit.device for hit in scene.session.raw_hits} == {"autoplay.p1", "autoplay.p2"}


def test_autoplay_versus_with_two_difficulties_is_perfect_for_both(services, song):
    finished: list = []
    setup = CouchSetup(CouchMode.VERSUS, (EASY, EXPERT))
    scene = start(services, song, setup, finished, autoplay=True)
    run_to_end(scene)
    (outcome,) = finished
    perfect_for_both(outcome)
    first, second = outcome.report["players"]
    assert (first["difficulty"], second["difficulty"]) == ("easy", "expert") and first["notes"] < second["notes"]
    assert outcome.report["team"]["winner"] is None


def test_the_bundled_duet_session_is_perfect_through_the_scene(services):
    finished: list = []
    song = load_song(ROOT / "charts" / "two-hearts-one-kit")
    scene = start(services, song, duet(SplitStrategy.PHRASES), finished, autoplay=True)
    run_to_end(scene, step_s=0.004)
    perfect_for_both(finished[0])


def test_a_player_1_key_never_judges_a_player_2_note(services, song):
    # chart  K-------   a kick at 0.0 s, player 2's in the split by pieces
    # input  x-------   player 1's half of the keyboard hits it on time -> overhit for player 1
    finished: list = []
    scene = start(services, song, duet(), finished)
    kick = next(i for i, n in enumerate(scene.session.engine.notes) if n.piece is KitPiece.KICK)
    assert scene.session.engine.owners[kick] == 1
    at = wall_of(scene, scene.session.engine.notes[kick].time_s)
    scene.update(at)
    scene.on_hit(RawHit(KitPiece.KICK, at, 100, "keyboard.p1"))
    scene.update(at + 0.5)
    first, second = scene.session.engine.results()
    assert first.judgements["overhit"] == 1 and second.judgements["perfect"] == 0
    assert kick in scene.effects.highway(1).missed


def test_a_player_2_key_and_a_shared_kit_reach_the_owner(services, song):
    finished: list = []
    scene = start(services, song, duet(devices={"TD-17": SHARED_DEVICE, "keyboard.p2": 1}), finished)
    notes = scene.session.engine.notes
    kick = next(i for i, n in enumerate(notes) if n.piece is KitPiece.KICK)
    snare = next(i for i, n in enumerate(notes) if n.piece is KitPiece.SNARE)
    for index, device in ((kick, "keyboard.p2"), (snare, "TD-17")):
        at = wall_of(scene, notes[index].time_s)
        scene.update(at)
        scene.on_hit(RawHit(notes[index].piece, at, 100, device))
    scene.update(wall_of(scene, 0.3))
    assert [item.player for item in scene.session.inputs] == [1, 0]
    first, second = scene.session.engine.results()
    assert first.judgements["perfect"] == 1 and second.judgements["perfect"] == 1


def test_a_device_nobody_joined_with_plays_for_nobody(services, song):
    scene = start(services, song, duet(devices={"TD-17": SHARED_DEVICE}), [])
    notes = scene.session.engine.notes
    at = wall_of(scene, notes[0].time_s)
    scene.update(at)
    scene.on_hit(RawHit(notes[0].piece, at, 100, "keyboard.p1"))  # the keyboard did not join
    scene.on_hit(RawHit(notes[0].piece, at, 100, "Nitro MIDI 1"))  # nor did a second kit
    assert scene.session.inputs == []


@pytest.mark.parametrize("mode", list(CouchMode))
def test_the_lefty_flip_mirrors_every_highway(services, song, mode):
    setup = CouchSetup(mode, (EXPERT, EXPERT))
    assert not any(h.geometry.mirrored for h in start(services, song, setup, []).screen.highways)
    services.update_settings(services.settings.replace_in("gameplay", lefty_flip=True))
    highways = start(services, song, setup, []).screen.highways
    assert highways and all(h.geometry.mirrored for h in highways)


def test_the_keyboard_halves_follow_each_players_layout(services, song):
    versus = CouchSetup(CouchMode.VERSUS, (EngineParams(layout="four_lane"), EngineParams(layout="kit")))
    assert start(services, song, versus, []).couch_key_layouts == ("four_lane", "kit")
    assert start(services, song, duet(), []).couch_key_layouts == ("four_lane_pro", "four_lane_pro")


def test_pause_freezes_both_players_and_resume_continues(services, song):
    finished: list = []
    scene = start(services, song, duet(), finished, autoplay=True)
    pause_at = wall_of(scene, 1.2)
    scene.update(pause_at)
    scene.on_action(A.PAUSE, pause_at)
    assert scene.paused
    scene.update(pause_at + 4.0)  # paused: nothing moves, autoplay waits too
    assert scene.session.now(pause_at + 4.0) == pytest.approx(1.2)
    scene.on_action(A.BACK, pause_at + 4.0)  # resume
    assert not scene.paused
    run_to_end(scene, shift=4.0)
    perfect_for_both(finished[0])


def test_focus_loss_pauses_and_the_menu_restarts_the_same_setup(services, song):
    setup = duet(SplitStrategy.BALANCED)
    scene = start(services, song, setup, [])
    scene.update(T0 + 1.0)
    scene.on_focus_lost(T0 + 1.0)
    assert scene.paused and scene.session.now(T0 + 6.0) == scene.session.now(T0 + 1.0)
    scene.on_action(A.DOWN, T0 + 6.0)
    scene.on_action(A.SELECT, T0 + 6.0)  # "Restart"
    again = services.scenes.top
    assert isinstance(again, CouchPlayScene) and again is not scene and again.setup is setup


def test_fever_activation_carries_the_player(services, song):
    scene = start(services, song, CouchSetup(CouchMode.VERSUS, (EXPERT, EXPERT)), [])
    scene.session.activate_fever(T0 + 2.5, player=1)
    assert scene.session.inputs[-1].player == 1


def test_without_a_callback_the_outcome_goes_to_the_couch_results(services, song):
    results = pytest.importorskip("game.scenes.couch_results")
    scene = CouchPlayScene(services, song, duet(), autoplay=True)
    services.scenes.push(scene, T0)
    run_to_end(scene)
    assert isinstance(services.scenes.top, results.CouchResultsScene)


def test_each_autoplay_plays_only_its_players_notes(services, song):
    scene = start(services, song, duet(), [], autoplay=True)
    engine = scene.session.engine
    assert len(player_notes(engine, 0)) + len(player_notes(engine, 1)) == len(engine.notes)
    assert {n.piece for n in player_notes(engine, 1)} == {KitPiece.KICK}


@pytest.mark.parametrize("size", [(1280, 720), (960, 540), (1920, 1080)])
@pytest.mark.parametrize("mode", list(CouchMode))
def test_both_modes_draw_at_every_size_and_save(services, song, size, mode, tmp_path):
    setup = CouchSetup(mode, (EASY, EXPERT), player_1_left=False)
    scene = start(services, song, setup, [], autoplay=True)
    surface = pygame.Surface(size)
    for song_time in (-1.5, 0.1, 1.0, 2.2):
        scene.update(wall_of(scene, song_time))
        scene.draw(surface, wall_of(scene, song_time))
    assert scene.screen.count_in(-1.5)[0] == "3" and scene.screen.count_in(0.1)[0] == "GO!"
    scene.on_action(A.PAUSE, wall_of(scene, 2.2))
    scene.draw(surface, wall_of(scene, 2.2))
    pygame.image.save(surface, str(tmp_path / "couch.png"))
    assert pygame.image.load(str(tmp_path / "couch.png")).get_size() == size
