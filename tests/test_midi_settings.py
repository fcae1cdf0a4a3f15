"""The `midi` settings group: defaults, round trips, and bad values reset one by one."""

import json
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from game.chart.piece import KitPiece
from game.input.midi_config import MidiConfig
from game.persistence.paths import GamePaths
from game.persistence.settings import MidiSettings, Settings, load_settings, save_settings


@pytest.fixture
def path(tmp_path):
    return GamePaths.under(tmp_path).settings_file


def custom() -> Settings:
    return Settings().replace_in(
        "midi",
        ports=["TD-17:TD-17 MIDI 1", "Nitro"],
        api="jack",
        preset="roland_td",
        note_map={"60": "snare", 49: "crash_left", 37: None},
        min_velocity={"hihat_pedal": 20, "tom_high": 12},
        debounce_ms=40,
        crosstalk_filter=True,
        crosstalk_window_ms=6,
        crosstalk_ratio=4.5,
        hihat_cc4=False,
        hihat_closed_at=90,
    )


def test_defaults_listen_to_every_port_with_the_gm_map():
    midi = Settings().midi
    assert midi == MidiSettings()
    assert (midi.ports, midi.api, midi.preset, midi.note_map, midi.min_velocity) == (("*",), "", "gm", {}, {})
    assert (midi.debounce_ms, midi.crosstalk_filter, midi.hihat_cc4, midi.hihat_closed_at) == (5.0, False, True, 64)


def test_round_trip(path):
    settings = custom()
    save_settings(path, settings)
    assert load_settings(path) == (settings, None)
    midi = settings.midi
    assert midi.ports == ("TD-17:TD-17 MIDI 1", "Nitro")
    assert midi.note_map == {60: KitPiece.SNARE, 49: KitPiece.CRASH_LEFT, 37: None}
    assert midi.min_velocity == {KitPiece.HIHAT_PEDAL: 20, KitPiece.TOM_HIGH: 12}
    stored = json.loads(path.read_text())["midi"]
    assert stored["note_map"] == {"37": None, "49": "crash_left", "60": "snare"}
    assert stored["ports"] == ["TD-17:TD-17 MIDI 1", "Nitro"]


def test_bad_values_are_reset_one_by_one(path):
    path.parent.mkdir(parents=True)
    raw = {
        "midi": {
            "ports": "TD-17",
            "api": "directx",
            "preset": "td50",
            "note_map": {"38": "snare", "300": "kick", "x": "snare", "40": "cowbell"},
            "min_velocity": {"kick": 0, "snare": 30, "gong": 5},
            "debounce_ms": 66,
            "crosstalk_ratio": 0.5,
            "hihat_closed_at": 128,
            "hihat_cc4": "yes",
            "crosstalk_filter": True,
        }
    }
    path.write_text(json.dumps(raw))
    settings, notice = load_settings(path)
    midi, default = settings.midi, MidiSettings()
    assert midi.note_map == {38: KitPiece.SNARE}
    assert midi.min_velocity == {KitPiece.SNARE: 30}
    assert midi.crosstalk_filter is True
    for name in ("ports", "api", "preset", "debounce_ms", "crosstalk_ratio", "hihat_closed_at", "hihat_cc4"):
        assert getattr(midi, name) == getattr(default, name)
    assert notice is not None and "midi.ports" in notice
    assert load_settings(path) == (settings, None)


@pytest.mark.parametrize(
    "changes",
    [
        {"debounce_ms": -1},
        {"debounce_ms": 65.5},
        {"hihat_closed_at": 64.5},
        {"crosstalk_window_ms": 0},
        {"ports": ["x" * 200]},
        {"ports": [""]},
        {"ports": [3]},
        {"preset": "roland"},
        {"note_map": {"38": "gong"}},
        {"min_velocity": {"snare": 128}},
    ],
)
def test_replace_in_refuses_bad_midi_values(changes):
    with pytest.raises((TypeError, ValueError)):
        Settings().replace_in("midi", **changes)


def test_debounce_accepts_the_whole_range():
    for ms in (0, 5, 60, 65):
        assert Settings().replace_in("midi", debounce_ms=ms).midi.debounce_ms == ms


def test_no_ports_switches_midi_off():
    assert Settings().replace_in("midi", ports=[]).midi.ports == ()


def test_the_input_layer_reads_the_settings_in_seconds():
    config = MidiConfig.from_settings(custom().midi)
    assert config.debounce_s == pytest.approx(0.040)
    assert config.crosstalk_window_s == pytest.approx(0.006)
    assert config.crosstalk_ratio == 4.5
    assert config.hihat_closed_at is None  # CC 4 off
    assert config.min_velocity[KitPiece.HIHAT_PEDAL] == 20
    assert config.note_map.piece_for(22) is KitPiece.HIHAT  # the preset's edge note
    assert config.note_map.piece_for(60) is KitPiece.SNARE  # an override
    assert config.note_map.piece_for(37) is None  # silenced


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=8,
)
_FIELDS = st.sampled_from([f.name for f in fields(MidiSettings)] + ["x"])
_NOTE_MAPS = st.dictionaries(
    st.integers(-1, 130).map(str) | st.text(max_size=3), st.sampled_from([None, "snare", "gong", 3]), max_size=5
)


@hypothesis_settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_FIELDS, _JSON, max_size=6), _NOTE_MAPS)
def test_any_midi_group_gives_usable_settings_that_round_trip(group, note_map):
    settings, _bad = Settings.from_dict({"midi": {**group, "note_map": note_map}})
    again, bad = Settings.from_dict(json.loads(settings.to_json()))
    assert (again, bad) == (settings, [])
    MidiConfig.from_settings(settings.midi)  # the input layer can always use what loaded
