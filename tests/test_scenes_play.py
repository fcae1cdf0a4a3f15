"""The play and results scenes driven headless with made-up wall times (no audio device, so the
song clock runs on those times): hits judged at their stamps, pause and resume, focus loss,
restart, scores and replays stored, and the suggested offset applied from the results screen."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.chart.folder import load_song
from game.chart.piece import KitPiece
from game.engine.params import EngineParams
from game.input.raw import MenuAction as A
from game.input.raw import RawHit
from game.persistence.replay_file import load_replay
from game.persistence.scores import ScoreStore
from game.persistence.settings import Settings, load_settings
from game.render.theme import Theme
from game.scenes.base import SceneStack
from game.scenes.play import PlayScene
from game.scenes.results import ResultsScene
from game.scenes.services import Services
from tests.chart_text import chart_text

T0 = 1000.0
SNARES = 24  # one per beat at 120 BPM, from 1.0 s


@pytest.fixture(scope="module")
def theme() -> Theme:
    pygame.init()
    return Theme()


@pytest.fixture
def song(tmp_path: Path):
    folder = tmp_path / "song"
    folder.mkdir()
    notes = [f"{384 + i * 192} = N 1 0" for i in range(SNARES)]
    (folder / "notes.chart").write_text(chart_text({"ExpertDrums": notes}))
    (folder / "song.ini").write_text("[song]\nname = Beat\nartist = Tests\n")
    return load_song(folder)


@pytest.fixture
def services(tmp_path: Path, theme: Theme) -> Services:
    return Services(
        theme=theme,
        scenes=SceneStack(),
        settings=Settings(),
        settings_path=tmp_path / "settings.json",
        scores=ScoreStore(tmp_path / "scores.sqlite3"),
        mixer=None,
        kit=None,
        library_roots=(),
        now_iso=lambda: "2026-11-28T12:00:00+00:00",
        replays_dir=tmp_path / "replays",
    )


def start(services: Services, song, finished: list) -> PlayScene:
    scene = PlayScene(services, song, EngineParams(), on_finished=finished.append)
    services.scenes.push(scene, T0)
    return scene


def wall_of(scene: PlayScene, song_time: float) -> float:
    """The wall time at which the (audio-less) clock reads `song_time`."""
    return T0 + scene.session.count_in_s + song_time


def play_through(scene: PlayScene, error_s: float = 0.0, skip: int = 0, pause_at: float | None = None) -> None:
    notes = scene.session.engine.notes
    shift = 0.0
    for index, note in enumerate(notes):
        if pause_at is not None and note.time_s > pause_at and not shift:
            scene.on_action(A.PAUSE, wall_of(scene, pause_at))
            scene.update(wall_of(scene, pause_at) + 3.0)  # paused: nothing moves
            shift = 5.0
            scene.on_action(A.PAUSE, wall_of(scene, pause_at) + shift)  # resume
        wall = wall_of(scene, note.time_s + error_s) + shift
        scene.update(wall - 0.0005)
        if index >= skip:
            scene.on_hit(RawHit(KitPiece.SNARE, wall, 100, "keyboard"))
    end = wall_of(scene, scene.session.end_s) + shift + 0.01
    scene.update(end)


def test_hits_are_judged_at_their_stamps_and_the_play_is_stored(services, song):
    finished: list = []
    scene = start(services, song, finished)
    play_through(scene, error_s=0.030)
    (outcome,) = finished
    result = outcome.result
    assert result.judgements["great"] == SNARES and result.full_combo
    assert sum(result.hit_errors_ms) / SNARES == pytest.approx(30.0, abs=0.01)
    assert outcome.new_best
    assert services.scores.best(outcome.song_id, outcome.params.difficulty, "four_lane").score == result.score
    (replay_file,) = services.replays_dir.iterdir()
    assert load_replay(replay_file).inputs == outcome.replay.inputs


def test_a_worse_second_play_is_not_a_new_best(services, song):
    finished: list = []
    play_through(start(services, song, finished))
    play_through(start(services, song, finished), skip=5)
    assert [o.new_best for o in finished] == [True, False]


def test_pause_freezes_song_time_and_resume_continues(services, song):
    finished: list = []
    scene = start(services, song, finished)
    play_through(scene, pause_at=5.2)
    (outcome,) = finished
    assert outcome.result.judgements["perfect"] == SNARES  # the 5 s pause cost nothing


def test_losing_focus_pauses_and_the_pause_menu_restarts(services, song):
    scene = start(services, song, [])
    scene.update(T0 + 3.0)
    scene.on_focus_lost(T0 + 3.0)
    frozen = scene.session.now(T0 + 3.0)
    assert scene.session.now(T0 + 9.0) == frozen
    scene.on_action(A.DOWN, T0 + 9.0)
    scene.on_action(A.SELECT, T0 + 9.0)  # "Restart"
    restarted = services.scenes.top
    assert isinstance(restarted, PlayScene) and restarted is not scene
    assert restarted.session.now(T0 + 9.0) == pytest.approx(-restarted.session.count_in_s)


def test_results_offer_and_apply_the_suggested_offset(services, song):
    finished: list = []
    play_through(start(services, song, finished), error_s=0.030)
    results = ResultsScene(services, finished[0])
    services.scenes.replace(results, T0)
    assert results.suggested_ms == pytest.approx(30.0, abs=0.01)
    results.on_action(A.OFFSET, T0 + 1)
    assert services.settings.audio.audio_offset_ms == pytest.approx(30.0)
    saved, notice = load_settings(services.settings_path)
    assert notice is None and saved.audio.audio_offset_ms == pytest.approx(30.0)


@pytest.mark.parametrize("size", [(1280, 720), (960, 540), (1920, 1080)])
def test_play_and_results_draw_at_every_size(services, song, size):
    finished: list = []
    scene = start(services, song, finished)
    surface = pygame.Surface(size)
    for song_time in (-1.5, 0.1, 3.0):
        scene.update(wall_of(scene, song_time))
        scene.draw(surface, wall_of(scene, song_time))
    assert scene.screen.count_in(-1.5)[0] == "3" and scene.screen.count_in(0.1)[0] == "GO!"
    play_through(scene)
    results = ResultsScene(services, finished[0])
    results.enter(T0)
    results.draw(surface, T0 + 2)


def test_lefty_flip_mirrors_the_columns(services, song, theme):
    services.settings = services.settings.replace_in("gameplay", lefty_flip=True)
    scene = start(services, song, [])
    surface = pygame.Surface((1280, 720))
    scene.draw(surface, T0)
    geometry = scene.screen.geometry_for(surface.get_size())
    assert geometry.mirrored
    assert geometry.column_x(0, geometry.hit_y) > geometry.column_x(3, geometry.hit_y)  # snare on the right


def test_key_bindings_follow_the_play_layout_and_every_settings_change(services, song):
    from game.app.run import bindings_resolver

    resolve = bindings_resolver(services)
    scene = start(services, song, [])
    assert resolve(scene).pieces[pygame.K_f] is KitPiece.SNARE
    services.update_settings(services.settings.with_bindings(scene.key_layout, {"q": "snare"}))
    assert resolve(scene).pieces.get(pygame.K_q) is KitPiece.SNARE and pygame.K_f not in resolve(scene).pieces
