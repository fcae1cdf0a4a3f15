"""Pure parts of the audio layer: ramps, stem plans, velocity layers, the synth, clicks, kit files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.audio.click import build_click_track
from game.audio.device import rounded_buffer_frames
from game.audio.kit import velocity_layer
from game.audio.kit_files import PEDAL_GAIN, PieceSounds, find_layer_files, with_fallbacks
from game.audio.ramp import VolumeRamp
from game.audio.sdl_lock import _SDL_NAME
from game.audio.stem_plan import plan_stems
from game.audio.synth import synth_kit
from game.chart.piece import KitPiece

BLOCK_S = 256 / 48000


def test_buffer_rounds_up_to_a_power_of_two_at_least_256():
    assert [rounded_buffer_frames(n) for n in (64, 128, 256, 257, 480, 512, 1000)] == [
        256,
        256,
        256,
        512,
        512,
        512,
        1024,
    ]


# -- ramp ------------------------------------------------------------------------------------------


def _drive(ramp: VolumeRamp, start: float, passes: int, step_s: float = 0.001) -> list[float]:
    """The gain after each of `passes` ticks, one per millisecond (the main loop's cadence)."""
    gains = []
    for k in range(passes):
        ramp.tick(start + k * step_s)
        gains.append(ramp.gain)
    return gains


def test_mute_steps_once_per_block_then_unmute():
    ramp = VolumeRamp(BLOCK_S)
    ramp.mute()
    gains = _drive(ramp, 10.0, 30)
    assert gains[0] == 0.5  # the first step is immediate
    assert sorted(set(gains), reverse=True) == [0.5, 0.15, 0.0]
    assert gains.count(0.5) >= 5 and gains.count(0.15) >= 5  # each held for at least one block
    ramp.unmute()
    assert sorted(set(_drive(ramp, 11.0, 30))) == [0.3, 0.7, 1.0]


def test_a_miss_during_unmute_turns_back_from_the_current_level():
    ramp = VolumeRamp(BLOCK_S)
    ramp.mute()
    _drive(ramp, 0.0, 20)
    ramp.unmute()
    _drive(ramp, 1.0, 7)  # 0.3, then 0.7
    assert ramp.gain == 0.7
    ramp.mute()
    assert _drive(ramp, 2.0, 20)[0] == 0.5
    assert ramp.gain == 0.0


def test_repeated_misses_do_not_restart_the_ramp():
    ramp = VolumeRamp(BLOCK_S)
    ramp.mute()
    ramp.tick(0.0)
    ramp.mute()
    ramp.tick(BLOCK_S)
    assert ramp.gain == 0.15


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 40)), max_size=30))
def test_ramp_never_jumps_more_than_half_and_ends_at_its_target(events):
    ramp, now, last = VolumeRamp(BLOCK_S), 0.0, 1.0
    for miss, passes in events:
        ramp.mute() if miss else ramp.unmute()
        for gain in _drive(ramp, now, passes):
            assert abs(gain - last) <= 0.5 + 1e-9
            last = gain
        now += passes * 0.001 + 0.01
    _drive(ramp, now + 1.0, 40)
    assert ramp.gain == (0.0 if ramp.muted else 1.0)


# -- stem plans -------------------------------------------------------------------------------------


def _stems(*names: str) -> dict[str, Path]:
    return {name: Path(f"{name}.ogg") for name in names}


def test_numbered_drum_stems_map_pieces_to_the_highest_present_lower_stem():
    two = plan_stems(_stems("song", "drums_1", "drums_2"))
    assert two.piece_stem[KitPiece.KICK] == "drums_1"
    assert {two.piece_stem[p] for p in KitPiece if p is not KitPiece.KICK} == {"drums_2"}
    three = plan_stems(_stems("drums_1", "drums_2", "drums_3"))
    assert three.piece_stem[KitPiece.TOM_FLOOR] == three.piece_stem[KitPiece.RIDE] == "drums_3"
    four = plan_stems(_stems("drums_1", "drums_2", "drums_3", "drums_4", "drums"))
    assert four.piece_stem[KitPiece.TOM_MID] == "drums_3"
    assert four.piece_stem[KitPiece.HIHAT_PEDAL] == four.piece_stem[KitPiece.CRASH] == "drums_4"
    assert list(four.drums) == ["drums_1", "drums_2", "drums_3", "drums_4"]  # plain drums ignored


def test_plain_drums_carries_every_piece_and_backing_excludes_preview():
    plan = plan_stems(_stems("bass", "preview", "drums", "guitar", "song"))
    assert set(plan.piece_stem.values()) == {"drums"}
    assert plan.backing == (Path("song.ogg"), Path("guitar.ogg"), Path("bass.ogg"))


def test_no_drum_stems_mutes_nothing():
    assert plan_stems(_stems("song")).piece_stem == {}


# -- velocity and kit files --------------------------------------------------------------------------


def test_velocity_picks_layers_evenly_and_volume_rises_within_a_layer():
    assert velocity_layer(1, 3)[0] == 0 and velocity_layer(64, 3)[0] == 1 and velocity_layer(127, 3)[0] == 2
    assert velocity_layer(127, 3)[1] == pytest.approx(1.0)
    assert velocity_layer(1, 1) == (0, pytest.approx(0.15))
    assert velocity_layer(0, 3) == velocity_layer(1, 3) and velocity_layer(200, 3) == velocity_layer(127, 3)


@given(st.integers(1, 4), st.integers(1, 126))
def test_louder_velocity_never_sounds_softer_within_a_layer(layers, velocity):
    (low_layer, low), (high_layer, high) = velocity_layer(velocity, layers), velocity_layer(velocity + 1, layers)
    assert high_layer > low_layer or high >= low


def test_kit_files_are_found_by_piece_and_layer(tmp_path: Path):
    for name in ("snare_3.ogg", "snare_1.wav", "snare_1.ogg", "snare.wav", "Kick.WAV", "hihat_open_2.ogg",
                 "hihat_open_1.ogg", "cowbell.ogg", "notes.txt"):  # fmt: skip
        (tmp_path / name).write_bytes(b"")
    found = find_layer_files(tmp_path)
    assert [p.name for p in found[KitPiece.SNARE]] == ["snare_1.ogg", "snare_3.ogg"]
    assert [p.name for p in found[KitPiece.KICK]] == ["Kick.WAV"]
    assert [p.name for p in found[KitPiece.HIHAT_OPEN]] == ["hihat_open_1.ogg", "hihat_open_2.ogg"]
    assert set(found) == {KitPiece.SNARE, KitPiece.KICK, KitPiece.HIHAT_OPEN}
    assert find_layer_files(tmp_path / "missing") == {}


def test_missing_pieces_fall_back_and_the_rest_are_silent(caplog):
    hat, crash = PieceSounds(("hat",)), PieceSounds(("crash",))  # stand-ins for Sounds
    kit = with_fallbacks({KitPiece.HIHAT: hat, KitPiece.CRASH: crash})
    assert kit[KitPiece.HIHAT_OPEN] == hat
    assert kit[KitPiece.HIHAT_PEDAL] == PieceSounds(("hat",), PEDAL_GAIN)
    assert kit[KitPiece.CRASH_LEFT].sounds == kit[KitPiece.RIDE].sounds == ("crash",)
    assert KitPiece.SNARE not in kit and KitPiece.TOM_MID not in kit
    assert sum("snare" in record.message for record in caplog.records) == 1


# -- synth and clicks ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kit() -> dict[KitPiece, tuple[np.ndarray, ...]]:
    return synth_kit(48000)


def test_synth_kit_has_three_distinct_layers_per_piece(kit):
    assert set(kit) == set(KitPiece)
    for piece, layers in kit.items():
        assert len(layers) == 3
        peaks = [float(np.abs(layer).max()) for layer in layers]
        assert peaks == sorted(peaks) and peaks[-1] <= 0.8 + 1e-6, piece
        soft, hard = layers[0] / peaks[0], layers[2] / peaks[2]
        assert float(np.dot(soft, hard) / np.dot(hard, hard)) < 0.98, f"{piece}: layers are one sample"


def test_synth_open_hat_rings_longer_than_closed_and_cymbals_are_long(kit):
    def ring_s(layer: np.ndarray) -> float:
        return float(np.flatnonzero(np.abs(layer) > 0.01 * np.abs(layer).max())[-1]) / 48000

    assert ring_s(kit[KitPiece.HIHAT_OPEN][2]) > 4 * ring_s(kit[KitPiece.HIHAT][2])
    assert ring_s(kit[KitPiece.CRASH][2]) > 1.0 and ring_s(kit[KitPiece.RIDE][2]) > 1.0
    assert ring_s(kit[KitPiece.KICK][2]) < 0.5


def test_click_track_places_accented_clicks_on_the_beat():
    track = build_click_track(120.0, 8, 48000, beats_per_bar=4, lead_in_s=0.5)
    assert track.beat_times_s == pytest.approx([0.5 + 0.5 * k for k in range(8)])
    starts = [round(t * 48000) for t in track.beat_times_s]
    peaks = [float(np.abs(track.samples[s : s + 480]).max()) for s in starts]
    assert peaks[0] > peaks[1] and peaks[4] > peaks[5] and peaks[1] == pytest.approx(peaks[2])
    assert np.abs(track.samples[: starts[0]]).max() == 0
    with pytest.raises(ValueError, match="positive bpm"):
        build_click_track(0, 4)


def test_sdl_library_name_matches_sdl2_only():
    names = {
        "/x/pygame_ce.libs/libSDL2-2-50d19f93.0.so.0.3200.10": True,
        "/usr/lib/x86_64-linux-gnu/libSDL2-2.0.so.0": True,
        "C:/py/pygame/SDL2.dll": True,
        "/p/pygame/.dylibs/libSDL2-2.0.0.dylib": True,
        "/x/pygame_ce.libs/libSDL2_mixer-2-6719e6f6.0.so.0.800.2": False,
        "/x/libSDL2_ttf-2-e69aa315.0.so.0": False,
    }
    assert {name: bool(_SDL_NAME.search(name)) for name in names} == names
