"""The bundled sessions in charts/: complete song folders, four sensible difficulties, the styles
and features the set promises, 100 % autoplay, and audio that agrees with the chart.

The drum stem is checked against the Expert chart by a blind onset detector: it does not look at
the chart, it finds every sudden rise of energy in drums.ogg, then the two lists are compared:

    chart     K---S---K-K-S---     note times
    detected  x---x---x-x-x--x     onsets: each note needs one within 5 ms;
                                   a detected onset with no note near it counts against the stem
"""

from __future__ import annotations

import configparser
import os
from bisect import bisect_left, insort
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from game.chart.folder import load_song
from game.chart.meter import Meter
from game.chart.model import Difficulty, PhraseKind, Song
from game.chart.piece import Dynamic, KitPiece
from game.engine.autoplay import autoplay_inputs
from game.engine.params import EngineParams
from game.engine.simulate import simulate
from game.tools.compose.loudness import integrated_lufs

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ROOT / "charts"
FOLDERS = sorted(p for p in CHARTS.iterdir() if (p / "song.ini").is_file()) if CHARTS.is_dir() else []
RATE = 48_000
ORDER = (Difficulty.EXPERT, Difficulty.HARD, Difficulty.MEDIUM, Difficulty.EASY)

pytestmark = pytest.mark.skipif(not FOLDERS, reason="no bundled sessions in charts/")


@pytest.fixture(scope="module")
def songs() -> dict[str, Song]:
    return {folder.name: load_song(folder) for folder in FOLDERS}


def test_there_are_at_least_eight_complete_sessions(songs):
    assert len(songs) >= 8
    for name, song in songs.items():
        assert set(song.stems) >= {"song", "drums"}, name
        assert song.chart.drum_type.value == "four_lane_pro", name
        assert not song.warnings and not song.chart.warnings, name


def test_song_ini_describes_each_session(songs):
    for folder in FOLDERS:
        ini = configparser.ConfigParser()
        ini.read(folder / "song.ini", encoding="utf-8")
        section = ini["song"]
        assert section["genre"] == "K-pop" and section["pro_drums"] == "True" and section["delay"] == "0"
        assert section["artist"] == "Drumstick Diplomacy" and section["name"]
        assert 0 <= int(section["diff_drums"]) <= 6
        assert 0 < int(section["preview_start_time"]) < int(section["song_length"])


def test_lengths_are_between_one_and_a_half_and_three_and_a_half_minutes(songs):
    for name, song in songs.items():
        assert song.info.song_length_s is not None
        assert 90 <= song.info.song_length_s <= 210, name


def test_each_lower_difficulty_has_fewer_notes_and_easy_suits_a_beginner(songs):
    for name, song in songs.items():
        counts = [len(song.chart.track(d).notes) for d in ORDER]
        assert counts[0] > counts[1] > counts[2] > counts[3] > 0, (name, counts)
        meter = Meter(song.chart.tempo_map)
        easy = song.chart.track(Difficulty.EASY).notes
        assert all(meter.position(n.tick).on_beat for n in easy), name  # quarter notes at most
        assert not any(n.dynamic is Dynamic.GHOST or n.is_double_kick for n in easy), name
        times = sorted({n.time_s for n in easy})
        assert min(np.diff(times)) >= 0.3, name
        length = song.info.song_length_s or 1.0
        assert len(times) / length < 3.0, name  # events per second


def test_autoplay_scores_100_percent_on_every_difficulty(songs):
    for name, song in songs.items():
        for difficulty in ORDER:
            plus = difficulty is Difficulty.EXPERT
            notes = song.chart.track(difficulty).playable_notes(expert_plus=plus)
            result = simulate(song.chart, EngineParams(difficulty=difficulty, expert_plus=plus), autoplay_inputs(notes))
            assert result.accuracy == pytest.approx(100.0), (name, difficulty)
            assert result.full_combo, (name, difficulty)


def _section_kinds(song: Song) -> set[str]:
    names = set()
    for section in song.chart.sections:
        words = "".join(ch for ch in section.name.lower() if not ch.isdigit()).replace("final", "").strip()
        names.add(words)
    return names


def test_the_set_covers_the_promised_styles_and_features(songs):
    tempos = [change.bpm for song in songs.values() for change in song.chart.tempo_map.tempos]
    assert min(tempos) <= 75 and max(tempos) >= 165
    assert any(len(song.chart.tempo_map.tempos) > 1 for song in songs.values())
    assert any(len(song.chart.tempo_map.time_signatures) > 1 for song in songs.values())
    assert any(
        any(sig.numerator in (6, 12) and sig.denominator == 8 for sig in song.chart.tempo_map.time_signatures)
        for song in songs.values()
    )
    sections = set().union(*(_section_kinds(song) for song in songs.values()))
    assert {"intro", "verse", "pre-chorus", "chorus", "bridge", "dance break", "outro"} <= sections
    genres = {song.info.extra.get("loading_phrase", "").lower() for song in songs.values()}
    for style in ("dance-pop", "girl crush", "city-pop", "ballad", "edm", "hip-hop", "pop-rock", "two players"):
        assert any(style in phrase for phrase in genres), style
    duet = [folder for folder in FOLDERS if "S 0 " in (folder / "notes.chart").read_text()]
    assert duet and "S 1 " in (duet[0] / "notes.chart").read_text()  # call and response: versus phrases


def test_every_session_has_fever_fills_into_choruses_accents_and_ghosts(songs):
    for name, song in songs.items():
        expert = song.chart.track(Difficulty.EXPERT)
        assert len(expert.phrases_of(PhraseKind.STAR_POWER)) >= 3, name
        fills = expert.phrases_of(PhraseKind.FILL)
        assert fills, name
        section_starts = {s.tick: s.name.lower() for s in song.chart.sections}
        for fill in fills:  # each fill lands on (and includes) a chorus-like section's first beat
            landing = fill.end_tick - 1
            assert landing in section_starts, (name, fill)
            assert any(word in section_starts[landing] for word in ("chorus", "drop", "dance")), (name, fill)
            assert any(n.tick == landing and n.piece is KitPiece.CRASH for n in expert.notes), (name, fill)
        assert any(n.dynamic is Dynamic.ACCENT for n in expert.notes), name
    with_ghosts = [
        name
        for name, song in songs.items()
        if any(n.dynamic is Dynamic.GHOST for n in song.chart.track(Difficulty.EXPERT).notes)
    ]
    assert len(with_ghosts) >= len(songs) - 2  # EDM-pop, say, has none: its drummer is a machine


# --- audio: decoded stems ------------------------------------------------------------------------


@contextmanager
def _mixer() -> Iterator[object]:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    previous = pygame.mixer.get_init()
    if previous != (RATE, -16, 2):
        pygame.mixer.quit()
        pygame.mixer.init(RATE, -16, 2)
    try:
        yield pygame
    finally:
        if previous and previous != (RATE, -16, 2):
            pygame.mixer.quit()
            pygame.mixer.init(*previous)


def _decode(pygame, path: Path) -> np.ndarray:
    """An Ogg file as float32 (frames, 2) in [-1, 1]."""
    return pygame.sndarray.array(pygame.mixer.Sound(str(path))).astype(np.float32) / 32768


def _box(signal: np.ndarray, length: int) -> np.ndarray:
    """Causal moving average over `length` samples (group delay (length - 1) / 2)."""
    total = np.cumsum(np.r_[np.zeros(length), signal])
    return (total[length:] - total[:-length]) / length


def _candidates(band: np.ndarray, delay: float, frame: int, rise_db: float, gate_db: float, hop: int = 48):
    """Rising edges of one band: 2-4 ms frames whose energy jumps `rise_db` above the mean of the
    3-23 ms before them, loud enough (within `gate_db` of the loudest frame within 0.5 s) to be
    a stroke rather than a tail. Returns (time in seconds, rise in dB) pairs."""
    total = np.concatenate(([0.0], np.cumsum(band**2)))
    starts = np.arange(0, len(band) - frame, hop)
    energy = (total[starts + frame] - total[starts]) / frame + 1e-15
    cumulative = np.concatenate(([0.0], np.cumsum(energy)))
    index = np.arange(len(energy))
    first, last = np.clip(index - 23 * RATE // 1000 // hop, 0, None), np.clip(index - 3 * RATE // 1000 // hop, 0, None)
    reference = np.where(last > first, (cumulative[last] - cumulative[first]) / np.maximum(last - first, 1), energy)
    rise = 10 * np.log10(energy / (reference + 1e-15))
    block = 100 * RATE // 1000 // hop
    blocks = -(-len(energy) // block)
    peaks = np.pad(energy, (0, blocks * block - len(energy))).reshape(blocks, block).max(axis=1)
    local = peaks.copy()
    for shift in range(1, 6):
        local[shift:] = np.maximum(local[shift:], peaks[:-shift])
        local[:-shift] = np.maximum(local[:-shift], peaks[shift:])
    loud = energy > np.repeat(local, block)[: len(energy)] * 10 ** (-gate_db / 10)
    above = (rise > rise_db) & np.r_[rise[1:] > rise_db - 3, False] & loud  # and it lasts
    edges = np.nonzero(above & ~np.r_[False, above[:-1]])[0]
    return [((starts[i] + frame / 2 - delay) / RATE, float(rise[i : i + 4].max())) for i in edges]


def detect_onsets(stereo: np.ndarray, rise_db: float = 8.0, gate_db: float = 30.0, merge_s: float = 0.03) -> np.ndarray:
    """Onset times (s) of a drum recording, from three causally filtered bands: the second
    difference (cymbals, stick attacks), a 300 Hz-3 kHz band (snare bodies, ghost notes) and a
    low band (kicks, toms). Each filter's group delay is taken off; rises closer than `merge_s`
    are one stroke (the strongest wins)."""
    pad = int(0.05 * RATE)  # silence before the first note, so a note at 0 s is a rise too
    mono = np.r_[np.zeros(pad), stereo.astype(np.float64).mean(axis=1)]
    high = np.r_[0.0, 0.0, mono[2:] - 2 * mono[1:-1] + mono[:-2]]
    low = _box(_box(mono, 96), 96)
    shift = (160 - 16) // 2
    mid = np.r_[np.zeros(shift), _box(mono, 16)[:-shift]] - _box(mono, 160)
    found = (
        _candidates(high, 1.0, 96, rise_db, gate_db)
        + _candidates(low, 95.0, 192, rise_db, gate_db)
        + _candidates(mid, 79.5, 96, rise_db, gate_db)
    )
    kept: list[float] = []  # sorted
    for time_s, _ in sorted(found, key=lambda item: -item[1]):
        at = bisect_left(kept, time_s)
        if all(abs(time_s - kept[i]) > merge_s for i in (at - 1, at) if 0 <= i < len(kept)):
            insort(kept, time_s)
    return np.array(kept) - pad / RATE


def _nearest(sorted_times: np.ndarray, targets: np.ndarray) -> np.ndarray:
    at = np.clip(np.searchsorted(sorted_times, targets), 1, len(sorted_times) - 1)
    return np.minimum(np.abs(sorted_times[at] - targets), np.abs(sorted_times[at - 1] - targets))


@dataclass(frozen=True)
class Measured:
    lufs: float
    peak_dbfs: float  # the loudest of the mix and each stem
    matched: float  # share of Expert note times (chords once) with an onset within 5 ms
    stray: float  # detected onsets more than 10 ms from every note, per note
    megabytes: float


@pytest.fixture(scope="module")
def measured(songs) -> dict[str, Measured]:
    results = {}
    with _mixer() as pygame:
        for name, song in songs.items():
            drums = _decode(pygame, song.stems["drums"])
            backing = _decode(pygame, song.stems["song"])
            frames = min(len(drums), len(backing))
            mix = drums[:frames] + backing[:frames]
            peak = max(float(np.abs(a).max()) for a in (mix, drums, backing))
            notes = np.array(sorted({n.time_s for n in song.chart.track(Difficulty.EXPERT).notes}))
            onsets = detect_onsets(drums)
            results[name] = Measured(
                lufs=integrated_lufs(mix, RATE),
                peak_dbfs=20 * np.log10(peak),
                matched=float(np.mean(_nearest(onsets, notes) <= 0.005)),
                stray=float(np.sum(_nearest(notes, onsets) > 0.010)) / len(notes),
                megabytes=sum(path.stat().st_size for path in song.stems.values()) / 1e6,
            )
            del drums, backing, mix
    return results


def test_drum_stem_onsets_match_the_expert_chart(measured):
    for name, m in measured.items():
        assert m.matched >= 0.98, (name, m)
        assert m.stray <= 0.05, (name, m)  # and the detector is not simply firing everywhere


def test_loudness_is_consistent_and_nothing_clips(measured):
    loudness = [m.lufs for m in measured.values()]
    assert max(loudness) - min(loudness) <= 1.0, {name: round(m.lufs, 2) for name, m in measured.items()}
    for name, m in measured.items():
        assert m.peak_dbfs <= -1.0, (name, m)


def test_bundled_audio_stays_small(measured):
    assert sum(m.megabytes for m in measured.values()) < 40.0
