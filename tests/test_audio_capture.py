"""The real SDL mixer, captured through the disk driver: stems start together, miss-mute ramps,
hit sounds land where they were played, hi-hat choke, velocity layers.

Each test writes synthetic WAV files, runs a scenario (the `scenario_*` functions below) in a fresh
interpreter under SDL_AUDIODRIVER=disk and analyses the captured PCM. Relative positions in the
capture are sample-exact; wall-clock call times are related to them only by a fitted line.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest
from audio_helpers import (
    BLOCK,
    RATE,
    capture,
    dominant_hz,
    fit_residuals_ms,
    onsets,
    robust_line,
    tone,
    write_wav,
)

CLICK_EVERY = 4800  # frames: 0.1 s
CLICK_FIRST = 1000


def _coded_clicks(length: int) -> np.ndarray:
    """Clicks every 0.1 s whose amplitude encodes their index: 2000 + 1000 * k."""
    signal = np.zeros(length, np.int16)
    for k, position in enumerate(range(CLICK_FIRST, length - 10, CLICK_EVERY)):
        signal[position : position + 8] = 2000 + 1000 * k
    return signal


def _run_for(audio, seconds: float) -> None:
    """A stand-in for the game loop: ~1 kHz passes feeding position and ramps."""
    end = time.perf_counter() + seconds
    while (now := time.perf_counter()) < end:
        audio.position_s()
        audio.tick(now)
        time.sleep(0.001)


# -- (a) backing and drum stem start in the same block --------------------------------------------


def scenario_stems_together(info, folder: str, backing: str, start_at: float, pause: bool) -> dict:
    from game.audio.sdl_lock import lock_available
    from game.audio.stems import SongAudio

    audio = SongAudio({"song": Path(folder, backing), "drums": Path(folder, "drums.wav")}, info)
    time.sleep(0.05)
    audio.start(start_at)
    _run_for(audio, 0.45)
    positions = [audio.position_s()]
    if pause:
        audio.pause()
        positions.append(audio.position_s())
        time.sleep(0.1)
        audio.resume()
        _run_for(audio, 0.3)
    audio.close()
    return {"lock": lock_available(), "positions": positions}


def _pairs(pcm: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return onsets(pcm[:, 0], 1000, min_gap=1000), onsets(pcm[:, 1], 1000, min_gap=1000)


def test_backing_and_drum_stem_start_in_the_same_block(tmp_path: Path):
    length = RATE * 2
    write_wav(tmp_path / "song.wav", _coded_clicks(length), np.zeros(length))
    write_wav(tmp_path / "drums.wav", np.zeros(length), _coded_clicks(length))
    pcm, result = capture(
        tmp_path, "test_audio_capture:scenario_stems_together", folder=str(tmp_path), backing="song.wav",
        start_at=0.0, pause=True,
    )  # fmt: skip
    assert result["lock"], "pygame's SDL library or its audio device was not found"
    left, right = _pairs(pcm)
    assert len(left) >= 6
    assert np.array_equal(left, right), f"stems drifted apart: {left} vs {right}"  # sample-exact
    assert np.array_equal(pcm[left, 0], pcm[right, 1])  # the same source clicks
    assert result["positions"][1] is None  # paused: nothing to feed the clock


def test_mid_song_start_seeks_backing_and_slices_drums_exactly(tmp_path: Path):
    length = RATE * 2
    write_wav(tmp_path / "song.wav", _coded_clicks(length), np.zeros(length))
    write_wav(tmp_path / "drums.wav", np.zeros(length), _coded_clicks(length))
    pcm, _ = capture(
        tmp_path, "test_audio_capture:scenario_stems_together", folder=str(tmp_path), backing="song.wav",
        start_at=0.25, pause=False,
    )  # fmt: skip
    left, right = _pairs(pcm)
    assert np.array_equal(left, right)
    k = round((pcm[left[0], 0] - 2000) / 1000)  # which source click came first
    assert k == 3  # clicks at 0.02 + 0.1 k s: the first after 0.25 s
    source_offset = CLICK_FIRST + CLICK_EVERY * k - round(0.25 * RATE)
    assert (left[0] - source_offset) % BLOCK == 0  # the cut is exact and play began on a block


@pytest.mark.skipif(shutil.which("oggenc") is None, reason="needs oggenc to make an OGG stem")
def test_ogg_backing_seeks_in_step_with_the_sliced_drum_stem(tmp_path: Path):
    length = RATE * 2
    write_wav(tmp_path / "song.wav", _coded_clicks(length), np.zeros(length))
    subprocess.run(
        ["oggenc", "-Q", "-q", "8", str(tmp_path / "song.wav"), "-o", str(tmp_path / "song.ogg")], check=True
    )
    write_wav(tmp_path / "drums.wav", np.zeros(length), _coded_clicks(length))
    pcm, _ = capture(
        tmp_path, "test_audio_capture:scenario_stems_together", folder=str(tmp_path), backing="song.ogg",
        start_at=0.25, pause=False,
    )  # fmt: skip
    left, right = _pairs(pcm)
    assert len(left) == len(right) >= 4
    assert np.max(np.abs(left - right)) <= 4  # lossy codec smears a click by a few samples


def _sawtooth(length: int) -> np.ndarray:
    """Each sample tells its own source frame: 1000 + frame % 20000 (never 0, so gaps show)."""
    return (1000 + np.arange(length) % 20000).astype(np.int16)


def _source_frame(value: int, near: int) -> int:
    """The source frame nearest `near` whose sawtooth value is `value`."""
    return near + (int(value) - 1000 - near % 20000 + 10000) % 20000 - 10000


def test_resume_continues_where_pause_stopped_with_stems_still_aligned(tmp_path: Path):
    length = RATE * 2
    write_wav(tmp_path / "song.wav", _sawtooth(length), np.zeros(length))
    write_wav(tmp_path / "drums.wav", np.zeros(length), _sawtooth(length))
    pcm, _ = capture(
        tmp_path, "test_audio_capture:scenario_stems_together", folder=str(tmp_path), backing="song.wav",
        start_at=0.0, pause=True,
    )  # fmt: skip
    assert np.array_equal(pcm[:, 0], pcm[:, 1])  # every sample of both stems, before and after resume
    sounding = np.flatnonzero(pcm[:, 0])
    gap = int(np.argmax(np.diff(sounding)))
    paused_frame = _source_frame(pcm[sounding[gap], 0], sounding[gap] - sounding[0])
    resumed_frame = _source_frame(pcm[sounding[gap + 1], 0], paused_frame)
    jump_ms = (resumed_frame - paused_frame - 1) / RATE * 1000
    print(f"resume restarts {jump_ms:+.2f} ms from where pause stopped (+ skips, - repeats)")
    assert abs(jump_ms) < 3 * BLOCK / RATE * 1000  # get_pos() is block-quantised and extrapolated


# -- the audio lock itself -------------------------------------------------------------------------


def scenario_lock(info, trials: int) -> dict:
    import pygame

    from game.audio.pcm import make_sound
    from game.audio.sdl_lock import audio_lock

    click = np.zeros((64, 2), np.float32)
    click[:8, 0] = 0.6
    left, right = make_sound(click, 2), make_sound(click[:, ::-1], 2)
    first, second = pygame.mixer.Channel(44), pygame.mixer.Channel(45)
    for trial in range(2 * trials):
        if trial < trials:
            with audio_lock():
                first.play(left)
                time.sleep(0.002)  # a mixer callback would run here without the lock
                second.play(right)
        else:
            first.play(left)
            time.sleep(0.002)
            second.play(right)
        time.sleep(0.025 + 0.01 * random.random())
    return {}


def test_audio_lock_keeps_two_plays_in_one_block(tmp_path: Path):
    trials = 15
    pcm, _ = capture(tmp_path, "test_audio_capture:scenario_lock", trials=trials)
    left, right = onsets(pcm[:, 0], 5000, 600), onsets(pcm[:, 1], 5000, 600)
    assert len(left) == len(right) == 2 * trials
    locked, unlocked = right[:trials] - left[:trials], right[trials:] - left[trials:]
    assert np.all(locked == 0), f"locked pairs apart by {locked}"
    print(f"2 ms apart: {np.sum(unlocked == 0)}/{trials} aligned without the lock, {trials}/{trials} with it")


# -- (b) miss-mute ramps without a hard step, and unmutes -------------------------------------------

TONE_PEAK = 8000


def scenario_miss_mute(info, folder: str) -> dict:
    import pygame

    from game.audio.channels import DRUM_STEM_CHANNELS
    from game.audio.stems import SongAudio
    from game.chart.piece import KitPiece

    audio = SongAudio({"song": Path(folder, "song.wav"), "drums": Path(folder, "drums.wav")}, info)
    audio.start()
    _run_for(audio, 0.25)
    audio.drums_missed(KitPiece.SNARE)
    _run_for(audio, 0.25)
    audio.drums_hit(KitPiece.SNARE)
    _run_for(audio, 0.25)
    pygame.mixer.Channel(DRUM_STEM_CHANNELS[0]).set_volume(0.0)  # the hard cut, for comparison
    _run_for(audio, 0.15)
    audio.close()
    return {}


def _block_levels(signal: np.ndarray) -> np.ndarray:
    blocks = signal[: len(signal) // BLOCK * BLOCK].reshape(-1, BLOCK)
    return np.abs(blocks.astype(np.int32)).max(axis=1) / TONE_PEAK


def _collapse(levels: np.ndarray) -> list[float]:
    out: list[float] = []
    for level in np.round(levels, 2):
        if not out or level != out[-1]:
            out.append(float(level))
    return out


def test_miss_mute_ramps_down_and_up_one_step_per_block(tmp_path: Path):
    length = RATE * 2
    write_wav(tmp_path / "song.wav", np.zeros(length, np.int16))
    # 750 Hz = 4 periods per block, starting at a crest: every block boundary (where a volume change
    # lands) is at the crest, the worst case, so the jumps below are deterministic.
    write_wav(tmp_path / "drums.wav", tone(2.0, 750.0, TONE_PEAK, phase=np.pi / 2))
    pcm, _ = capture(tmp_path, "test_audio_capture:scenario_miss_mute", folder=str(tmp_path))
    signal = pcm[:, 0].astype(np.int32)
    levels = _block_levels(pcm[:, 0])
    playing = np.flatnonzero(levels > 0.9)
    levels = levels[playing[0] + 1 :]  # from the first full block of the tone
    # SDL volumes are n/128: 0.5 -> 64, 0.15 -> 19 (0.148), 0.3 -> 38 (0.297), 0.7 -> 89 (0.695).
    assert _collapse(levels)[:8] == [1.0, 0.5, 0.15, 0.0, 0.3, 0.7, 1.0, 0.0]
    cut = playing[0] + 2 + int(np.flatnonzero(levels > 0.9)[-1])  # the first block after the hard cut
    first_mute = playing[0] + 1 + int(np.flatnonzero(np.round(levels, 2) < 1.0)[0])
    ramp_region = signal[first_mute * BLOCK - BLOCK : (cut - 8) * BLOCK]
    hard_region = signal[(cut - 4) * BLOCK : (cut + 1) * BLOCK]
    normal = int(np.max(np.abs(np.diff(signal[BLOCK * (playing[0] + 2) : BLOCK * (playing[0] + 20)]))))
    ramp_jump, hard_jump = int(np.max(np.abs(np.diff(ramp_region)))), int(np.max(np.abs(np.diff(hard_region))))
    print(f"max sample step: normal {normal}, ramp {ramp_jump}, hard cut {hard_jump} (peak {TONE_PEAK})")
    # The ramp's largest step (1.0 -> 0.5) is half the hard cut's, which is the full crest.
    assert hard_jump > 0.95 * TONE_PEAK
    assert ramp_jump <= 0.5 * TONE_PEAK + normal


# -- (c) a hit sound lands where it was played ------------------------------------------------------


def scenario_hits(info, folder: str, hits: int) -> dict:
    from game.audio.kit import DrumKit
    from game.chart.piece import KitPiece

    kit = DrumKit.load(Path(folder), info)
    synth = DrumKit.synthesized(info)
    times = []
    time.sleep(0.05)
    for _ in range(hits):
        times.append(time.perf_counter())
        kit.play(KitPiece.SNARE, 127)
        time.sleep(0.04 + 0.04 * random.random())
    time.sleep(0.15)  # a quiet gap before the synthesized kick
    synth_time = time.perf_counter()
    synth.play(KitPiece.KICK, 127)
    time.sleep(0.3)
    return {"times": times, "synth_time": synth_time}


HITS = 12


def test_hit_sounds_land_on_the_block_after_the_call(tmp_path: Path):
    burst = np.zeros(400, np.int16)
    burst[:200] = 12000
    write_wav(tmp_path / "snare.wav", burst)
    pcm, result = capture(tmp_path, "test_audio_capture:scenario_hits", folder=str(tmp_path), hits=HITS)
    found = onsets(pcm[:, 0], 6000, 600)
    found = found[pcm[found, 0] > 6000][:HITS]  # the bursts (the synth kick comes last)
    assert len(found) == HITS
    assert np.all(found % BLOCK == 0)  # each started exactly on a mixer block boundary
    residuals = fit_residuals_ms(result["times"], found)
    print(f"call -> capture residuals: sd {residuals.std():.2f} ms, max {np.abs(residuals).max():.2f} ms")
    assert np.abs(residuals).max() < 3 * BLOCK / RATE * 1000  # one block of quantisation + driver pacing
    # The synthesized kick appears where the same line predicts it.
    slope, intercept, _ = robust_line(result["times"], found)
    predicted = int(slope * result["synth_time"] + intercept)
    window = pcm[predicted - 2 * BLOCK : predicted + 2400, 0].astype(np.int32)
    assert np.abs(window).max() > 3000
    assert np.abs(pcm[predicted - 4800 : predicted - 3 * BLOCK, 0]).max() == 0


# -- (d) hi-hat choke -----------------------------------------------------------------------------


def scenario_choke(info, folder: str) -> dict:
    from game.audio.kit import DrumKit
    from game.chart.piece import KitPiece

    kit = DrumKit.load(Path(folder), info)
    for closer in (KitPiece.HIHAT, KitPiece.HIHAT_PEDAL):
        kit.play(KitPiece.HIHAT_OPEN, 127)
        time.sleep(0.2)
        kit.play(closer, 127)
        time.sleep(0.4)
    return {}


def test_closed_hat_and_pedal_choke_the_open_hat(tmp_path: Path):
    write_wav(tmp_path / "hihat_open.wav", tone(1.5, 3000.0, 8000), np.zeros(10, np.int16))  # left only
    chick = np.zeros(1440, np.int16)
    chick[:480] = 10000
    write_wav(tmp_path / "hihat.wav", np.zeros(10, np.int16), chick)  # right only
    pcm, _ = capture(tmp_path, "test_audio_capture:scenario_choke", folder=str(tmp_path))
    opens, closes = onsets(pcm[:, 0], 2000, 4800), onsets(pcm[:, 1], 2000, 4800)
    assert len(opens) == len(closes) == 2
    ringing = np.abs(pcm[:, 0].astype(np.int32))
    for close_at in closes:
        assert ringing[close_at - 2400 : close_at].max() > 7000  # the open hat rang until the close
        after = ringing[close_at + round(0.05 * RATE) : close_at + round(0.3 * RATE)]
        assert after.max() == 0, f"open hat still sounding {after.max()} after the close at {close_at}"
    # The pedal falls back to the closed-hat sample at low volume.
    assert pcm[closes[1], 1] < 0.5 * pcm[closes[0], 1]


# -- (e) velocity layers --------------------------------------------------------------------------


def scenario_velocity(info, folder: str) -> dict:
    from game.audio.kit import DrumKit
    from game.chart.piece import KitPiece

    kit = DrumKit.load(Path(folder), info)
    for velocity in (20, 127):
        kit.play(KitPiece.SNARE, velocity)
        time.sleep(0.25)
    return {}


def test_soft_hit_is_quieter_and_uses_another_layer(tmp_path: Path):
    for layer, hz in ((1, 500.0), (2, 1000.0), (3, 2000.0)):
        write_wav(tmp_path / f"snare_{layer}.wav", tone(0.1, hz, 10000))
    pcm, _ = capture(tmp_path, "test_audio_capture:scenario_velocity", folder=str(tmp_path))
    soft_at, hard_at = onsets(pcm[:, 0], 500, 4800)
    soft, hard = pcm[soft_at : soft_at + 4096, 0], pcm[hard_at : hard_at + 4096, 0]
    assert dominant_hz(soft) == pytest.approx(500, abs=20)
    assert dominant_hz(hard) == pytest.approx(2000, abs=20)
    assert np.abs(soft).max() < 0.9 * np.abs(hard).max()
