"""Settings: round trips, damaged files kept aside, partial salvage, and default key bindings."""

import json
import os

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from game.chart.layout import LAYOUTS
from game.chart.model import Difficulty
from game.chart.piece import KitPiece
from game.persistence.paths import GamePaths
from game.persistence.settings import (
    MAX_SETTINGS_BYTES,
    Settings,
    default_bindings,
    load_settings,
    save_settings,
)

MENU_KEY_NAMES = {"up", "down", "left", "right", "return", "enter", "escape", "backspace", "tab", "f11"}


@pytest.fixture
def path(tmp_path):
    return GamePaths.under(tmp_path).settings_file


def changed() -> Settings:
    return (
        Settings()
        .replace_in("audio", audio_offset_ms=42.5, buffer_frames=1024, hit_sounds=False)
        .replace_in("video", frame_cap=0, note_speed=2.0, window_size=[1920, 1080])
        .replace_in("input", bindings={"kit": {"x": "snare", "space": "kick"}}, shown_bindings_intro=True)
        .replace_in("gameplay", lane_layout="five_lane", difficulty="hard", timing_scale=0.75)
        .replace_in("players", last_song="/songs/a b", device_offsets_ms={"TD-17 MIDI 1": 8})
    )


def test_round_trip(path):
    settings = changed()
    save_settings(path, settings)
    assert load_settings(path) == (settings, None)
    assert settings.gameplay.difficulty is Difficulty.HARD
    assert settings.input.bindings["kit"] == {"x": KitPiece.SNARE, "space": KitPiece.KICK}
    assert settings.video.window_size == (1920, 1080)


def test_the_file_is_indented_sorted_and_versioned(path):
    save_settings(path, Settings())
    text = path.read_text()
    data = json.loads(text)
    assert data["version"] == 1
    assert set(data) == {"version", "audio", "video", "input", "gameplay", "players", "midi"}
    assert text == json.dumps(data, indent=2, sort_keys=True) + "\n"
    assert data["input"]["bindings"]["four_lane"]["space"] == "kick"


def test_save_leaves_no_temporary_files(path):
    save_settings(path, Settings())
    save_settings(path, changed())
    assert os.listdir(path.parent) == ["settings.json"]


def test_a_missing_file_gives_defaults_silently(path):
    assert load_settings(path) == (Settings(), None)
    assert not path.parent.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff\xfe garbage \x80",
        b"[1, 2, 3]",
        b'"just a string"',
        b'{"audio": {"music_volume": 0.5',
        b"null",
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["bytes", "array", "string", "truncated", "null", "deep"],
)
def test_a_corrupt_file_is_kept_aside_and_defaults_are_used(path, content):
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    settings, notice = load_settings(path)
    assert settings == Settings()
    backup = path.with_name("settings.json.bad-1")
    assert notice == f"settings file was corrupt; backed up to {backup} and reset to defaults"
    assert backup.read_bytes() == content
    assert load_settings(path) == (Settings(), None)  # the file was repaired: no second backup


def test_a_huge_file_is_kept_aside_without_parsing(path):
    path.parent.mkdir(parents=True)
    content = b'{"audio": {"music_volume": 0.5}, "pad": "' + b"x" * MAX_SETTINGS_BYTES + b'"}'
    path.write_bytes(content)
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert notice is not None and "too large" in notice
    assert path.with_name("settings.json.bad-1").read_bytes() == content


def test_backups_never_overwrite_earlier_ones(path):
    path.parent.mkdir(parents=True)
    for attempt in (b"first garbage", b"second garbage", b"third"):
        path.write_bytes(attempt)
        load_settings(path)
    for n, attempt in enumerate((b"first garbage", b"second garbage", b"third"), start=1):
        assert path.with_name(f"settings.json.bad-{n}").read_bytes() == attempt


def test_invalid_fields_are_reset_and_named_while_valid_ones_are_kept(path):
    raw = {
        "version": 1,
        "audio": {"audio_offset_ms": 30, "music_volume": "loud", "buffer_frames": 300, "hit_sounds": 1},
        "video": {"frame_cap": 144, "note_speed": 9.0, "window_size": [800]},
        "gameplay": {"difficulty": "impossible", "timing_scale": 1.2, "lane_layout": "kit"},
        "players": {"device_offsets_ms": {"pad": 12.5, "broken": "x"}},
    }
    content = json.dumps(raw).encode()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    settings, notice = load_settings(path)
    assert (settings.audio.audio_offset_ms, settings.video.frame_cap) == (30.0, 144)
    assert (settings.gameplay.timing_scale, settings.gameplay.lane_layout) == (1.2, "kit")
    assert settings.players.device_offsets_ms == {"pad": 12.5}
    defaults = Settings()
    assert settings.audio.music_volume == defaults.audio.music_volume
    assert settings.audio.buffer_frames == defaults.audio.buffer_frames
    assert settings.audio.hit_sounds is True
    assert settings.video.note_speed == defaults.video.note_speed
    assert settings.gameplay.difficulty is defaults.gameplay.difficulty
    assert notice is not None and notice.startswith("settings had invalid values; backed up to")
    assert (
        "reset audio.buffer_frames, audio.music_volume, audio.hit_sounds, video.note_speed and 3 more to defaults"
        in notice
    )
    assert path.with_name("settings.json.bad-1").read_bytes() == content
    assert load_settings(path) == (settings, None)


@pytest.mark.parametrize(
    ("group", "value"),
    [
        ("audio", {"audio_offset_ms": 501}),
        ("audio", {"audio_offset_ms": float("nan")}),
        ("audio", {"hit_sound_volume": -0.1}),
        ("video", {"frame_cap": 75}),
        ("video", {"window_size": [100, 100]}),
        ("gameplay", {"timing_scale": 3}),
        ("gameplay", {"lane_layout": "six_lane"}),
        ("audio", 5),
        ("players", {"last_song": 7}),
    ],
)
def test_out_of_range_and_wrong_type_values_fall_back(path, group, value):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({group: value}))
    settings, notice = load_settings(path)
    assert settings == Settings()
    assert notice is not None and group in notice
    assert path.with_name("settings.json.bad-1").exists()


def test_a_bad_layout_binding_resets_only_that_layout(path):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"input": {"bindings": {"kit": {"a": "cowbell"}, "five_lane": {"x": "snare"}}}}))
    settings, notice = load_settings(path)
    assert settings.input.bindings["kit"] == default_bindings("kit")
    assert settings.input.bindings["five_lane"] == {"x": KitPiece.SNARE}
    assert settings.input.bindings["four_lane"] == default_bindings("four_lane")
    assert notice is not None and "input.bindings.kit" in notice


def test_unknown_keys_are_ignored_without_a_notice(path):
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"version": 99, "audio": {"future_knob": 1}, "network": {}}))
    assert load_settings(path) == (Settings(), None)
    assert os.listdir(path.parent) == ["settings.json"]


def test_replace_in_validates():
    with pytest.raises(ValueError):
        Settings().replace_in("audio", music_volume=1.5)
    with pytest.raises(TypeError):
        Settings().replace_in("audio", hit_sounds="yes")
    with pytest.raises(TypeError, match="no field"):
        Settings().replace_in("audio", loudness=1)
    with pytest.raises(ValueError, match="unknown settings group"):
        Settings().replace_in("sound", music_volume=1)
    with pytest.raises(ValueError, match="invalid entries"):
        Settings().replace_in("players", device_offsets_ms={"pad": 9000})


def test_note_speed_is_a_multiplier_of_the_look_ahead():
    video = Settings().replace_in("video", note_speed=2.0).video
    assert video.lookahead_s == pytest.approx(Settings().video.lookahead_s / 2)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_default_bindings_cover_every_playable_piece(name):
    layout = LAYOUTS[name]
    bindings = default_bindings(name)
    playable = {piece for piece in KitPiece if layout.plays(piece)}
    assert set(bindings.values()) == playable
    for two_handed in (KitPiece.KICK, KitPiece.SNARE):  # rolls alternate two keys
        assert sum(piece is two_handed for piece in bindings.values()) == 2
    assert not MENU_KEY_NAMES & set(bindings)
    assert Settings().input.bindings_for(name) == bindings


def test_default_key_names_are_pygame_key_names():
    pygame = pytest.importorskip("pygame")
    pygame.init()
    for name in {key for layout in LAYOUTS for key in default_bindings(layout)}:
        assert pygame.key.name(pygame.key.key_code(name)) == name


def test_default_bindings_refuse_an_unknown_layout():
    with pytest.raises(ValueError, match="unknown lane layout"):
        default_bindings("six_lane")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=8,
)
_GROUP_NAMES = st.sampled_from(["audio", "video", "input", "gameplay", "players", "version", "other"])
_FIELD_NAMES = st.sampled_from(["audio_offset_ms", "frame_cap", "bindings", "difficulty", "device_offsets_ms", "x"])


@hypothesis_settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_GROUP_NAMES, _JSON | st.dictionaries(_FIELD_NAMES, _JSON, max_size=4), max_size=6))
def test_any_json_object_gives_usable_settings_that_round_trip(data):
    settings, _bad = Settings.from_dict(data)
    again, bad = Settings.from_dict(json.loads(settings.to_json()))
    assert (again, bad) == (settings, [])


def test_game_paths_name_the_files(tmp_path):
    paths = GamePaths.under(tmp_path)
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.scores_file == tmp_path / "data" / "scores.sqlite3"
    assert paths.replays_dir == tmp_path / "data" / "replays"
    assert "DrumstickDiplomacy" in str(GamePaths.default().config_dir)
    assert not (tmp_path / "config").exists()  # naming a place creates nothing


def test_with_bindings_changes_one_layout_and_keeps_the_others():
    custom = Settings().with_bindings("kit", {"x": "snare"}).with_bindings("four_lane", {"q": "kick"})
    assert custom.input.bindings["kit"] == {"x": KitPiece.SNARE}
    assert custom.input.bindings["four_lane"] == {"q": KitPiece.KICK}
    assert custom.input.bindings["five_lane"] == default_bindings("five_lane")
    with pytest.raises(ValueError, match="unknown lane layout"):
        Settings().with_bindings("six_lane", {})
    with pytest.raises(ValueError, match=r"input\.bindings: kit"):
        Settings().with_bindings("kit", {"x": "cowbell"})
