"""The menu scenes driven headless through MenuActions, typed text, keys and made-up wall times:
title -> song select -> chooser -> play, search and sort, previews, settings saved to a file, key
rebinding, and calibration from synthetic taps. No test sleeps: every time is invented."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.audio.device import close_mixer, open_mixer
from game.audio.pcm import write_wav
from game.chart.folder import load_song
from game.chart.model import Difficulty
from game.chart.piece import KitPiece
from game.input.raw import MenuAction as A
from game.input.raw import RawHit
from game.persistence.scores import PlayRecord, ScoreStore
from game.persistence.settings import Settings, load_settings
from game.render.theme import Theme
from game.scenes.base import Scene, SceneStack
from game.scenes.calibration import BEATS, LEAD_IN_S, PERIOD_S, TARGET_TAPS, CalibrationScene, Measure, Phase
from game.scenes.chooser import ChooserScene, nearest_difficulty
from game.scenes.navigate import NOTICE_S, NoticeLine, go_song_select, go_title, move
from game.scenes.services import Services
from game.scenes.settings_menu import SettingsScene
from game.scenes.settings_rows import bind_key
from game.scenes.song_id import song_id
from game.scenes.song_select import PREVIEW_REST_S, SongSelectScene
from game.scenes.title import TitleScene
from tests.chart_text import chart_text

SIZES = [(1280, 720), (960, 540)]
T0 = 100.0


@pytest.fixture(scope="module")
def theme() -> Theme:
    pygame.init()
    return Theme()


def _song_folder(root: Path, name: str, ini: str, bpm: int, tracks: dict[str, list[str]]) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    sync = [f"0 = B {bpm * 1000}"]
    (folder / "notes.chart").write_text(chart_text({"SyncTrack": sync, **tracks}), encoding="utf-8")
    (folder / "song.ini").write_text(f"[song]\n{ini}\n", encoding="utf-8")
    return folder


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "songs"
    notes = ["0 = N 0 0", "192 = N 1 0", "384 = N 2 0", "576 = N 1 0"]
    _song_folder(
        root,
        "alpha",
        "name = Alpha Song\nartist = Zed\ndiff_drums = 2",
        120,
        {"ExpertDrums": notes, "HardDrums": notes[:2]},
    )
    beta = _song_folder(
        root,
        "beta",
        "name = Beta Beat\nartist = Anna\ndiff_drums = 5\npreview_start_time = 500",
        150,
        {"ExpertDrums": notes},
    )
    tone = (8000 * np.sin(np.arange(48000 * 3) * 2 * np.pi * 440 / 48000)).astype(np.int16)
    write_wav(beta / "song.wav", np.repeat(tone[:, None], 2, axis=1), 48000)  # 3 s stereo, to preview
    broken = root / "broken"
    broken.mkdir()
    (broken / "notes.chart").write_bytes(b"garbage, not a chart")
    return root


@pytest.fixture
def services(theme: Theme, library: Path, tmp_path: Path):
    scores = ScoreStore(tmp_path / "scores.sqlite3")
    made = Services(
        theme=theme,
        scenes=SceneStack(),
        settings=Settings(),
        settings_path=tmp_path / "settings.json",
        scores=scores,
        mixer=None,
        kit=None,
        library_roots=(library,),
        now_iso=lambda: "2024-05-01T12:00:00",
    )
    yield made
    made.scenes.quit()
    scores.close()


def saved(services: Services) -> Settings:
    assert services.settings_path is not None
    loaded, notice = load_settings(services.settings_path)
    assert notice is None
    return loaded


def press(scene, *actions: A, at: float = T0) -> None:
    for action in actions:
        scene.on_action(action, at)


def open_song_select(services: Services) -> SongSelectScene:
    services.scenes.push(TitleScene(services), T0)
    press(services.scenes.top, A.SELECT)
    scene = services.scenes.top
    assert isinstance(scene, SongSelectScene)
    return scene


def titles(scene: SongSelectScene) -> list[str]:
    return [entry.title for entry in scene.shown]


def select_title(scene: SongSelectScene, title: str, at: float = T0) -> None:
    for _ in scene.shown:
        if scene.current is not None and scene.current.title == title:
            return
        scene.on_action(A.DOWN, at)
    raise AssertionError(f"{title} is not listed")


# --- navigation -------------------------------------------------------------------------------


def test_move_wraps_or_stops_at_the_ends():
    assert move(0, -1, 4) == 3 and move(3, 1, 4) == 0
    assert move(0, -1, 4, wrap=False) == 0 and move(3, 5, 4, wrap=False) == 3
    assert move(2, 1, 0) == 0


def test_notice_line_shows_a_new_notice_for_a_while():
    line, notices = NoticeLine(1), ["old"]
    assert line.text(notices, 0.0) == ""
    notices.append("new")
    assert line.text(notices, 1.0) == "new"
    assert line.text(notices, 1.0 + NOTICE_S + 0.1) == ""


def test_title_to_song_select_to_chooser_and_back(services: Services):
    select = open_song_select(services)
    assert sorted(titles(select)) == ["Alpha Song", "Beta Beat", "broken"]
    select_title(select, "Alpha Song")
    press(select, A.SELECT)
    chooser = services.scenes.top
    assert isinstance(chooser, ChooserScene) and chooser.song.info.title == "Alpha Song"
    press(chooser, A.BACK)
    assert services.scenes.top is select
    press(select, A.BACK)
    assert isinstance(services.scenes.top, TitleScene)
    press(services.scenes.top, A.BACK)
    assert services.scenes.quit_requested


def test_title_items_open_settings_calibration_and_quit(services: Services):
    title = TitleScene(services)
    services.scenes.push(title, T0)
    press(title, A.DOWN, A.SELECT)
    assert isinstance(services.scenes.top, SettingsScene)
    press(services.scenes.top, A.BACK)
    press(title, A.DOWN, A.SELECT)
    assert isinstance(services.scenes.top, CalibrationScene)
    press(services.scenes.top, A.BACK)
    assert services.scenes.top is title
    press(title, A.UP, A.UP)
    assert title.selected == 0
    press(title, A.UP)  # wraps from the top to Quit
    assert title.selected == 3
    press(title, A.SELECT)
    assert services.scenes.quit_requested


def test_fullscreen_action_switches_the_window_and_saves(services: Services):
    toggles = []
    services.window = types.SimpleNamespace(toggle_fullscreen=lambda: toggles.append(1))
    title = TitleScene(services)
    services.scenes.push(title, T0)
    press(title, A.FULLSCREEN)
    assert toggles == [1] and saved(services).video.fullscreen


class Placeholder(Scene):
    """Stands in for play or results on the stack."""


def test_go_title_starts_the_game_on_the_title(services: Services):
    go_title(services, T0)
    assert isinstance(services.scenes.top, TitleScene)
    services.scenes.push(Placeholder(), T0)
    go_title(services, T0)
    assert isinstance(services.scenes.top, TitleScene) and not services.scenes.quit_requested


def test_go_song_select_returns_to_the_one_on_the_stack(services: Services):
    select = open_song_select(services)
    select.on_text("beta", T0)
    services.scenes.push(Placeholder(), T0)  # e.g. results
    go_song_select(services, T0 + 1.0)
    assert services.scenes.top is select and select.search == "beta"  # the player's search survives
    press(select, A.BACK)
    assert isinstance(services.scenes.top, TitleScene)


def test_go_song_select_builds_the_screens_it_needs(services: Services):
    services.scenes.push(Placeholder(), T0)  # a song started from the command line
    go_song_select(services, T0)
    assert isinstance(services.scenes.top, SongSelectScene) and not services.scenes.quit_requested
    press(services.scenes.top, A.BACK)
    assert isinstance(services.scenes.top, TitleScene)


# --- song select ------------------------------------------------------------------------------


def test_typing_filters_and_erase_widens_again(services: Services):
    select = open_song_select(services)
    select.on_text("BEA", T0)
    assert titles(select) == ["Beta Beat"] and select.search == "BEA"
    select.on_text("x", T0)
    assert titles(select) == []
    press(select, A.ERASE)
    assert titles(select) == ["Beta Beat"]
    press(select, A.ERASE, A.ERASE, A.ERASE)
    assert select.search == "" and len(titles(select)) == 3
    select.on_text("zed", T0)  # artists match too
    assert titles(select) == ["Alpha Song"]


def test_sort_cycles_title_artist_bpm_difficulty(services: Services):
    select = open_song_select(services)
    assert titles(select) == ["Alpha Song", "Beta Beat", "broken"]
    press(select, A.SORT)
    assert select.sort_key == "artist" and titles(select) == ["broken", "Beta Beat", "Alpha Song"]
    press(select, A.SORT)
    assert select.sort_key == "bpm" and titles(select) == ["broken", "Alpha Song", "Beta Beat"]
    press(select, A.SORT)
    assert select.sort_key == "difficulty" and titles(select) == ["broken", "Alpha Song", "Beta Beat"]
    press(select, A.SORT)
    assert select.sort_key == "title"


def test_sorting_keeps_the_selected_song_selected(services: Services):
    select = open_song_select(services)
    select_title(select, "Beta Beat")
    press(select, A.SORT)
    assert select.current is not None and select.current.title == "Beta Beat"


def test_preview_waits_for_the_selection_to_rest(services: Services):
    select = open_song_select(services)
    select.update(T0 + PREVIEW_REST_S - 0.1)
    assert select.preview_folder is None
    select.update(T0 + PREVIEW_REST_S + 0.01)
    assert select.preview_folder is not None and select.preview_folder.name == "alpha"
    press(select, A.DOWN, at=T0 + 1.0)
    select.update(T0 + 1.0 + PREVIEW_REST_S - 0.1)
    assert select.preview_folder.name == "alpha"
    select.update(T0 + 1.0 + PREVIEW_REST_S + 0.01)
    assert select.preview_folder.name == "beta"


@pytest.fixture
def mixed(services: Services):
    """The services with a real SDL mixer open (the dummy audio driver); closed afterwards."""
    info = open_mixer()
    if info is None:
        pytest.skip("the SDL dummy audio driver did not open")
    services.mixer = info
    try:
        yield services
    finally:
        close_mixer()


def test_preview_plays_on_a_real_mixer_and_stops_on_leaving(mixed: Services):
    select = open_song_select(mixed)
    select_title(select, "Beta Beat")
    select.update(T0 + PREVIEW_REST_S + 0.01)
    assert select.preview.playing and pygame.mixer.music.get_busy()
    press(select, A.BACK)
    assert not select.preview.playing


def test_a_broken_song_shows_its_error_and_does_not_start(services: Services):
    select = open_song_select(services)
    select_title(select, "broken")
    press(select, A.SELECT)
    assert services.scenes.top is select
    assert services.notices and "not a .chart file" in services.notices[-1]
    select.update(T0 + 5.0)
    assert select.preview_folder is None


def test_rows_show_the_best_for_the_chosen_difficulty(services: Services):
    select = open_song_select(services)
    select_title(select, "Alpha Song")
    select.update(T0 + 1.0)
    assert select.current is not None
    record = PlayRecord(
        song_id=song_id(load_song(select.current.folder)),
        title="Alpha Song",
        artist="Zed",
        difficulty=Difficulty.EXPERT,
        layout="four_lane",  # the chart's own layout, which the "as charted" setting means here
        score=9000,
        accuracy=95.0,
        grade="A",
        max_combo=4,
        full_combo=True,
        judgements={},
        mean_error_ms=None,
        median_error_ms=None,
        played_at="2024-05-01T12:00:00",
    )
    assert services.scores is not None
    services.scores.record(record)
    select.enter(T0 + 2.0)  # as when coming back from results
    rows = {row.title: row for row in select.rows()}
    assert rows["Alpha Song"].best_score == 9000 and rows["Alpha Song"].best_grade == "A"
    assert rows["Alpha Song"].difficulty == 2 and rows["Beta Beat"].best_score is None
    assert rows["broken (cannot load)"].difficulty == 0
    services.update_settings(services.settings.replace_in("gameplay", difficulty=Difficulty.HARD))
    select.enter(T0 + 3.0)
    assert {row.title: row for row in select.rows()}["Alpha Song"].best_score is None


# --- chooser ----------------------------------------------------------------------------------


def test_nearest_difficulty_prefers_the_wanted_one_then_the_easier():
    have = (Difficulty.HARD, Difficulty.EXPERT)
    assert nearest_difficulty(have, Difficulty.EXPERT) is Difficulty.EXPERT
    assert nearest_difficulty(have, Difficulty.EASY) is Difficulty.HARD
    assert nearest_difficulty((Difficulty.EASY, Difficulty.EXPERT), Difficulty.MEDIUM) is Difficulty.EASY


def open_chooser(services: Services, title: str = "Alpha Song") -> ChooserScene:
    select = open_song_select(services)
    select_title(select, title)
    press(select, A.SELECT)
    chooser = services.scenes.top
    assert isinstance(chooser, ChooserScene)
    return chooser


def test_chooser_offers_the_charts_difficulties_and_its_own_layout_first(services: Services):
    services.update_settings(services.settings.replace_in("gameplay", difficulty=Difficulty.HARD))
    chooser = open_chooser(services)
    assert chooser.difficulties == (Difficulty.HARD, Difficulty.EXPERT)
    assert chooser.difficulty is Difficulty.HARD
    assert chooser.layouts[0] == "four_lane" and set(chooser.layouts) == {
        "four_lane",
        "four_lane_pro",
        "five_lane",
        "kit",
    }
    assert chooser.layout == "four_lane"


@pytest.fixture
def fake_play(monkeypatch: pytest.MonkeyPatch) -> list:
    started: list = []

    class FakePlay(Scene):
        def __init__(self, services, song, params):
            started.append((song, params))

    monkeypatch.setitem(sys.modules, "game.scenes.play", types.SimpleNamespace(PlayScene=FakePlay))
    return started


def test_chooser_starts_play_and_remembers_the_choice(services: Services, fake_play: list):
    chooser = open_chooser(services)
    press(chooser, A.DOWN)  # Hard -> Expert
    press(chooser, A.RIGHT, A.DOWN, A.DOWN, A.DOWN)  # layout column: four_lane -> kit
    press(chooser, A.SELECT)
    (song, params) = fake_play[0]
    assert song.info.title == "Alpha Song"
    assert (params.difficulty, params.layout) == (Difficulty.EXPERT, "kit")
    assert type(services.scenes.top).__name__ == "FakePlay"
    gameplay = saved(services).gameplay
    assert (gameplay.difficulty, gameplay.lane_layout) == (Difficulty.EXPERT, "kit")


def test_choosing_the_charts_own_layout_is_saved_as_charted(services: Services, fake_play: list):
    services.update_settings(services.settings.replace_in("gameplay", lane_layout="kit"))
    chooser = open_chooser(services)
    assert chooser.layout == "kit"
    press(chooser, A.RIGHT, A.UP, A.UP, A.UP, A.UP, A.SELECT)
    assert fake_play[0][1].layout == "four_lane"
    assert saved(services).gameplay.lane_layout == ""


def test_chooser_starts_the_real_play_scene(services: Services):
    play = pytest.importorskip("game.scenes.play")
    chooser = open_chooser(services)
    press(chooser, A.SELECT)
    assert isinstance(services.scenes.top, play.PlayScene)
    services.scenes.top.update(T0 + 0.01)
    services.scenes.top.draw(pygame.Surface((960, 540)), T0 + 0.01)


def test_a_missing_play_screen_is_a_notice(services: Services, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "game.scenes.play", None)
    chooser = open_chooser(services)
    press(chooser, A.SELECT)
    assert services.scenes.top is chooser and "cannot start" in services.notices[-1]


# --- settings ---------------------------------------------------------------------------------


def go_to(scene: SettingsScene, label: str) -> None:
    for _ in scene.rows:
        if scene.row.label == label:
            return
        scene.on_action(A.DOWN, T0)
    raise AssertionError(f"no row {label!r}")


def test_settings_changes_are_saved_to_the_file(services: Services):
    scene = SettingsScene(services)
    services.scenes.push(scene, T0)
    press(scene, A.RIGHT, A.RIGHT, A.RIGHT, A.LEFT)  # audio offset +2 ms
    press(scene, A.SELECT, A.RIGHT)  # coarse: +10 ms
    assert saved(services).audio.audio_offset_ms == 12.0
    go_to(scene, "Music volume")
    press(scene, A.LEFT)
    go_to(scene, "Hit sounds")
    press(scene, A.SELECT)
    go_to(scene, "Audio buffer")
    press(scene, A.RIGHT, A.RIGHT, A.RIGHT, A.RIGHT)  # stops at 2048
    go_to(scene, "Note speed")
    press(scene, A.RIGHT)
    go_to(scene, "Frame cap")
    press(scene, A.RIGHT, A.RIGHT, A.RIGHT)
    go_to(scene, "Lane layout")
    press(scene, A.RIGHT, A.RIGHT)
    go_to(scene, "Timing windows")
    press(scene, A.LEFT)
    go_to(scene, "Strict hi-hat")
    press(scene, A.RIGHT)
    loaded = saved(services)
    assert loaded == services.settings
    assert loaded.audio.music_volume == pytest.approx(0.75) and not loaded.audio.hit_sounds
    assert loaded.audio.buffer_frames == 2048 and loaded.video.note_speed == pytest.approx(1.1)
    assert loaded.video.frame_cap == 0 and loaded.gameplay.lane_layout == "four_lane_pro"
    assert loaded.gameplay.timing_scale == pytest.approx(0.95) and loaded.gameplay.strict_hihat
    press(scene, A.BACK)
    assert services.scenes.top is None


def test_offsets_stop_at_their_limits(services: Services):
    scene = SettingsScene(services)
    go_to(scene, "Video offset")
    press(scene, A.SELECT, *[A.LEFT] * 60)
    assert services.settings.video.video_offset_ms == -500.0


def test_fullscreen_row_without_a_window_still_saves(services: Services):
    scene = SettingsScene(services)
    go_to(scene, "Fullscreen")
    press(scene, A.SELECT)
    assert saved(services).video.fullscreen
    press(scene, A.LEFT)
    assert not saved(services).video.fullscreen


def test_bind_key_keeps_two_keys_per_piece_and_one_piece_per_key():
    bindings = {"d": KitPiece.SNARE, "f": KitPiece.SNARE, "j": KitPiece.TOM_HIGH}
    assert bind_key(bindings, "g", KitPiece.SNARE) == {"f": KitPiece.SNARE, "j": KitPiece.TOM_HIGH, "g": KitPiece.SNARE}
    assert bind_key(bindings, "j", KitPiece.SNARE) == {"f": KitPiece.SNARE, "j": KitPiece.SNARE}


def test_rebinding_a_key_saves_it(services: Services):
    scene = SettingsScene(services)
    go_to(scene, "Keys for")
    assert scene.keys_layout == "four_lane_pro"
    go_to(scene, "Snare")
    press(scene, A.SELECT)
    assert scene.captures_keys
    scene.on_key("tab", T0)  # a menu key: refused, still waiting
    assert scene.captures_keys and "menu key" in services.notices[-1]
    scene.on_key("g", T0)
    assert not scene.captures_keys
    bindings = saved(services).input.bindings_for("four_lane_pro")
    assert [k for k, p in bindings.items() if p == KitPiece.SNARE] == ["f", "g"]
    press(scene, A.SELECT)
    scene.on_key("backspace", T0)
    assert KitPiece.SNARE not in saved(services).input.bindings_for("four_lane_pro").values()
    press(scene, A.SELECT)
    scene.on_key("escape", T0)
    assert not scene.captures_keys
    assert saved(services).input.bindings_for("four_lane") == services.settings.input.bindings_for("four_lane")


def test_keys_for_row_switches_layout_and_reset_restores(services: Services):
    scene = SettingsScene(services)
    go_to(scene, "Keys for")
    press(scene, A.RIGHT)
    assert scene.keys_layout == "five_lane"
    go_to(scene, "Kick")
    press(scene, A.SELECT)
    scene.on_key("z", T0)
    assert saved(services).input.bindings_for("five_lane")["z"] is KitPiece.KICK
    go_to(scene, "Reset keys")
    press(scene, A.SELECT)
    assert "z" not in saved(services).input.bindings_for("five_lane")


# --- calibration ------------------------------------------------------------------------------


def tap_along(scene: CalibrationScene, start: float, late_s: float, count: int = TARGET_TAPS) -> None:
    """A steady player: one tap `late_s` after each beat, with updates in between."""
    for beat in range(count):
        wall = start + LEAD_IN_S + beat * PERIOD_S
        scene.update(wall)
        scene.on_hit(RawHit(KitPiece.SNARE, wall + late_s))
        scene.update(wall + late_s + 0.001)


def test_without_audio_only_the_video_test_is_offered(services: Services):
    scene = CalibrationScene(services)
    assert [key for key, _ in scene.options()] == ["video", "back"]
    assert any("No audio device" in line for line in scene.view(T0).instructions)


def test_video_test_measures_and_saves_the_offset(services: Services):
    scene = CalibrationScene(services)
    services.scenes.push(scene, T0)
    press(scene, A.SELECT, at=T0)
    assert scene.phase is Phase.RUNNING and scene.run is not None and scene.run.measure is Measure.VIDEO
    scene.on_hit(RawHit(KitPiece.SNARE, T0 + 0.2))  # a stray tap before the first flash...
    tap_along(scene, T0, 0.030, count=TARGET_TAPS)
    assert scene.phase is Phase.RUNNING  # ...costs the tap after it too, so one more is needed
    tap_along(scene, T0 + TARGET_TAPS * PERIOD_S, 0.030, count=1)
    assert scene.phase is Phase.RESULT and scene.result is not None
    assert scene.result.offset_ms == pytest.approx(30.0, abs=0.01)
    assert scene.options()[0][0] == "save"
    press(scene, A.SELECT)
    assert saved(services).video.video_offset_ms == 30.0
    assert scene.phase is Phase.CHOOSE


def test_audio_test_on_wall_time_gives_the_tap_lateness(services: Services):
    scene = CalibrationScene(services)
    scene.start_test(Measure.AUDIO, T0)
    tap_along(scene, T0, 0.030)
    assert scene.phase is Phase.RESULT and scene.result is not None
    assert scene.result.offset_ms == pytest.approx(30.0, abs=0.01)  # taps late -> positive latency
    press(scene, A.SELECT)
    assert saved(services).audio.audio_offset_ms == 30.0


def test_keyboard_latency_is_taken_off_the_taps(services: Services):
    services.update_settings(services.settings.replace_in("input", keyboard_offset_ms=10.0))
    scene = CalibrationScene(services)
    scene.start_test(Measure.AUDIO, T0)
    for beat in range(TARGET_TAPS):
        wall = T0 + LEAD_IN_S + beat * PERIOD_S + 0.030
        scene.on_action(A.SELECT, wall)  # Enter taps count as keyboard taps
        scene.update(wall)
    assert scene.result is not None and scene.result.offset_ms == pytest.approx(20.0, abs=0.01)


def test_too_few_taps_end_without_a_save_option(services: Services):
    scene = CalibrationScene(services)
    scene.start_test(Measure.VIDEO, T0)
    tap_along(scene, T0, 0.0, count=4)
    scene.update(T0 + LEAD_IN_S + BEATS * PERIOD_S + 0.01)
    assert scene.phase is Phase.RESULT and scene.result is not None and not scene.result.ok
    assert [key for key, _ in scene.options()] == ["again", "menu"]
    assert any("Not enough" in line for line in scene.view(T0).instructions)
    press(scene, A.SELECT)
    assert scene.phase is Phase.RUNNING


def test_audio_test_with_a_mixer_plays_the_click_track(mixed: Services):
    scene = CalibrationScene(mixed)
    assert scene.options()[0][0] == "audio"
    press(scene, A.SELECT, at=T0)
    assert scene.phase is Phase.RUNNING and pygame.mixer.music.get_busy()
    scene.update(T0 + 0.01)
    press(scene, A.BACK)
    assert scene.phase is Phase.CHOOSE and not pygame.mixer.music.get_busy()


# --- drawing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_every_menu_scene_draws(services: Services, size: tuple[int, int], fake_play: list):
    surface = pygame.Surface(size)
    title = TitleScene(services)
    services.scenes.push(title, T0)
    services.notice("a notice to draw")
    title.draw(surface, T0 + 1.0)
    press(title, A.SELECT)
    select = services.scenes.top
    select.draw(surface, T0)
    select.on_text("a", T0)
    select.draw(surface, T0)
    select.on_text("zzz", T0)
    select.draw(surface, T0)  # nothing matches
    press(select, A.ERASE, A.ERASE, A.ERASE, A.ERASE)
    select_title(select, "Alpha Song")
    press(select, A.SELECT)
    services.scenes.top.draw(surface, T0)
    settings = SettingsScene(services)
    settings.draw(surface, T0)
    press(settings, A.SELECT)  # coarse offset
    settings.draw(surface, T0)
    go_to(settings, "Snare")
    press(settings, A.SELECT)  # waiting for a key
    settings.draw(surface, T0)
    calibration = CalibrationScene(services)
    calibration.draw(surface, T0)
    calibration.start_test(Measure.VIDEO, T0)
    tap_along(calibration, T0, 0.02, count=5)
    calibration.draw(surface, T0 + 4.0)
    tap_along(calibration, T0 + 5 * PERIOD_S, 0.02, count=TARGET_TAPS)
    calibration.draw(surface, T0 + 20.0)
