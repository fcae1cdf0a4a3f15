"""The audio classes on a real SDL mixer with the dummy driver (in-process, no capture): stem
discovery and mixing, drum-stem routing and mute, kits, clicks and previews."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pygame
import pytest
from audio_helpers import RATE, tone, write_wav

from charts import chart_of
from game.audio.channels import DRUM_STEM_CHANNELS, kit_channels
from game.audio.click import click_sound, click_track
from game.audio.device import close_mixer, open_mixer
from game.audio.kit import DrumKit
from game.audio.preview import PREVIEW_LENGTH_S, SongPreview
from game.audio.stems import SongAudio
from game.chart.model import Song, SongInfo
from game.chart.piece import KitPiece


@pytest.fixture(scope="module")
def info():
    opened = open_mixer()
    if opened is None:
        pytest.skip("the SDL dummy audio driver did not open")
    yield opened
    close_mixer()


def _read_wav(path: Path) -> np.ndarray:
    with wave.open(str(path), "rb") as src:
        return np.frombuffer(src.readframes(src.getnframes()), "<i2").reshape(-1, src.getnchannels())


def _song(folder: Path, stems: dict[str, Path], **info: float) -> Song:
    return Song(folder, folder / "notes.chart", SongInfo(**info), chart_of([]), stems)


def test_mixer_reads_back_48k_stereo_256(info):
    assert (info.frequency, info.format, info.channels, info.buffer_frames) == (48000, -16, 2, 256)
    assert info.block_s == pytest.approx(256 / 48000)


@pytest.mark.skipif(shutil.which("oggenc") is None, reason="needs oggenc to make an OGG stem")
def test_only_a_song_ogg_streams_that_file_and_mutes_nothing(info, tmp_path: Path):
    wav = write_wav(tmp_path / "song.wav", tone(1.0, 440.0, 5000))
    subprocess.run(["oggenc", "-Q", str(wav), "-o", str(tmp_path / "song.ogg")], check=True)
    audio = SongAudio({"song": tmp_path / "song.ogg"}, info)
    assert audio.backing_path == tmp_path / "song.ogg" and audio.drum_stems == ()
    assert audio.drum_stem_for(KitPiece.SNARE) is None
    audio.start()
    audio.drums_missed(KitPiece.SNARE)
    audio.tick(0.0)
    assert audio.position_s() is not None and audio.is_playing
    audio.close()
    assert audio.position_s() is None


def test_several_backing_stems_are_mixed_offline_into_one_stream(info, tmp_path: Path):
    song = tone(0.5, 300.0, 20000)
    guitar = tone(0.8, 500.0, 20000)  # longer: the mix takes the longest length
    bass = tone(0.3, 80.0, 4000)
    stems = {
        "song": write_wav(tmp_path / "song.wav", song),
        "guitar": write_wav(tmp_path / "guitar.wav", guitar),
        "bass": write_wav(tmp_path / "bass.wav", bass),
    }
    audio = SongAudio(stems, info)
    mixed = audio.backing_path
    assert mixed is not None and mixed.parent != tmp_path and mixed.suffix == ".wav"
    expected = np.zeros(len(guitar), np.int32)
    expected[: len(song)] += song
    expected[: len(guitar)] += guitar
    expected[: len(bass)] += bass
    got = _read_wav(mixed)
    assert got.shape == (len(guitar), 2)
    assert np.array_equal(got[:, 0], np.clip(expected, -32768, 32767))  # clipped like SDL's own mix
    audio.close()
    assert not mixed.exists()  # temporary files go with close()


def test_numbered_drum_stems_mute_only_the_missed_piece(info, tmp_path: Path):
    stems = {
        "song": write_wav(tmp_path / "song.wav", tone(1.0, 220.0, 3000)),
        "drums_1": write_wav(tmp_path / "drums_1.wav", tone(1.0, 60.0, 3000)),
        "drums_2": write_wav(tmp_path / "drums_2.wav", tone(1.0, 900.0, 3000)),
    }
    audio = SongAudio(stems, info)
    assert audio.drum_stems == ("drums_1", "drums_2")
    assert audio.drum_stem_for(KitPiece.KICK) == "drums_1"
    assert {audio.drum_stem_for(p) for p in (KitPiece.SNARE, KitPiece.TOM_FLOOR, KitPiece.RIDE)} == {"drums_2"}
    kick, rest = (pygame.mixer.Channel(n) for n in DRUM_STEM_CHANNELS[:2])
    audio.start()
    audio.drums_missed(KitPiece.KICK)
    volumes = []
    for k in range(30):
        audio.tick(100.0 + k * 0.001)
        volumes.append(round(kick.get_volume(), 2))
    assert volumes[0] == 0.5 and volumes[-1] == 0.0 and rest.get_volume() == 1.0
    audio.drums_hit(KitPiece.KICK)
    for k in range(30):
        audio.tick(200.0 + k * 0.001)
    assert kick.get_volume() == 1.0
    audio.set_volumes(music=0.5, drums=0.5)
    assert rest.get_volume() == pytest.approx(0.25, abs=0.01)
    assert pygame.mixer.music.get_volume() == pytest.approx(0.5, abs=0.01)
    audio.close()


def test_drums_only_song_streams_its_drum_stem_and_mutes_through_music(info, tmp_path: Path):
    audio = SongAudio({"drums": write_wav(tmp_path / "drums.wav", tone(1.0, 200.0, 3000))}, info)
    assert audio.backing_path == tmp_path / "drums.wav"
    audio.start()
    assert audio.position_s() is not None
    audio.drums_missed(KitPiece.SNARE)
    for k in range(30):
        audio.tick(k * 0.001)
    assert pygame.mixer.music.get_volume() == 0.0
    audio.unmute_all()
    assert pygame.mixer.music.get_volume() == 1.0
    audio.close()


def test_pause_and_resume_continue_from_the_paused_position(info, tmp_path: Path):
    audio = SongAudio({"song": write_wav(tmp_path / "song.wav", tone(2.0, 300.0, 3000))}, info)
    audio.start(0.5)
    first = audio.position_s()
    assert first is not None and 0.5 <= first < 0.6
    pygame.time.wait(60)
    audio.pause()
    assert audio.paused and audio.position_s() is None and not audio.is_playing
    audio.resume()
    resumed = audio.position_s()
    assert resumed is not None and first + 0.04 < resumed < first + 0.2
    with pytest.raises(ValueError, match="negative"):
        audio.start(-1.0)
    audio.close()


def test_songs_without_usable_audio_play_silently(info, tmp_path: Path, caplog):
    (tmp_path / "song.ogg").write_bytes(b"not an ogg file")
    (tmp_path / "drums.ogg").write_bytes(b"nor this")
    for stems in ({}, {"song": tmp_path / "song.ogg", "drums": tmp_path / "drums.ogg"}):
        audio = SongAudio(stems, info)
        audio.start()
        audio.drums_missed(KitPiece.KICK)
        audio.tick(1.0)
        assert audio.position_s() is None and not audio.is_playing
        audio.close()
    assert any("cannot" in record.message for record in caplog.records)


# -- kit ---------------------------------------------------------------------------------------------


def _busy(piece: KitPiece) -> int:
    return sum(pygame.mixer.Channel(n).get_busy() for n in kit_channels(piece))


def test_empty_kit_folder_uses_the_synthesized_kit(info, tmp_path: Path):
    kit = DrumKit.load(tmp_path, info)
    assert kit.pieces == frozenset(KitPiece)
    for _ in range(4):
        kit.play(KitPiece.SNARE, 100)  # a roll: round-robin over the piece's voices
    assert _busy(KitPiece.SNARE) == 3
    kit.stop_all()
    kit.enabled = False
    kit.play(KitPiece.KICK, 127)
    assert _busy(KitPiece.KICK) == 0


def test_bad_sample_files_leave_their_piece_silent(info, tmp_path: Path, caplog):
    write_wav(tmp_path / "kick.wav", tone(0.1, 60.0, 8000))
    (tmp_path / "snare.ogg").write_bytes(b"garbage")
    kit = DrumKit.load(tmp_path, info)
    assert KitPiece.KICK in kit.pieces and KitPiece.SNARE not in kit.pieces
    kit.play(KitPiece.SNARE, 100)  # never raises
    kit.play(KitPiece.KICK, 0)
    assert _busy(KitPiece.KICK) == 1 and _busy(KitPiece.SNARE) == 0
    assert any("snare" in record.message for record in caplog.records)
    kit.stop_all()


# -- clicks and previews -----------------------------------------------------------------------------


def test_click_sounds_have_the_mixer_layout(info):
    track = click_track(120.0, 4)
    assert track.get_length() == pytest.approx(0.5 + 4 * 0.5 + 0.03, abs=0.01)
    assert pygame.sndarray.samples(click_sound(accent=True)).shape[1] == info.channels
    with pytest.raises(ValueError, match="44100"):
        click_track(120.0, 4, frequency=44100)


def test_preview_starts_a_third_in_fades_out_and_loops(info, tmp_path: Path):
    clock = [0.0]
    stems = {"song": write_wav(tmp_path / "song.wav", tone(3.0, 300.0, 3000))}
    song = _song(tmp_path, stems, song_length_s=3.0)
    preview = SongPreview(info, now=lambda: clock[0])
    preview.play_preview(song)
    assert preview.playing and pygame.mixer.music.get_busy()
    preview.tick(PREVIEW_LENGTH_S + 0.1)  # the 3 s file ended long ago: fade, then loop
    clock[0] = PREVIEW_LENGTH_S + 1.2
    preview.tick(clock[0])
    assert preview.playing and pygame.mixer.music.get_busy()
    preview.stop_preview()
    assert not preview.playing and not pygame.mixer.music.get_busy()


def test_preview_prefers_a_preview_stem_and_handles_songs_without_audio(info, tmp_path: Path):
    from game.audio.preview import preview_file

    stems = {"song": tmp_path / "song.ogg", "preview": tmp_path / "preview.ogg"}
    assert preview_file(_song(tmp_path, stems, preview_start_s=12.0)) == (tmp_path / "preview.ogg", 0.0)
    assert preview_file(_song(tmp_path, {"song": tmp_path / "song.ogg"}, preview_start_s=12.0))[1] == 12.0
    preview = SongPreview(info)
    preview.play_preview(_song(tmp_path, {}))
    assert not preview.playing


def test_a_wav_is_cut_at_its_start_since_sdl_mixer_cannot_seek_wav_music(info, tmp_path: Path):
    from game.audio.backing import stream_source

    ramp = (np.arange(RATE * 2) % 30000).astype(np.int16)
    wav = write_wav(tmp_path / "song.wav", ramp)
    assert stream_source(wav, 0.0, tmp_path) == (wav, 0.0)
    assert stream_source(tmp_path / "song.ogg", 1.0, tmp_path) == (tmp_path / "song.ogg", 1.0)
    tail, seek = stream_source(wav, 1.0, tmp_path, max_s=0.5)
    assert seek == 0.0 and tail != wav
    assert np.array_equal(_read_wav(tail)[:, 0], ramp[RATE : RATE + RATE // 2])
    preview = SongPreview(info)
    preview.play_preview(_song(tmp_path, {"song": wav}), start_s=1.0)
    assert preview.playing
    preview.stop_preview()
