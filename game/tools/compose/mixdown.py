"""Mixing by numbers: every part rendered alone, filtered, set to a loudness relative to the
drums, pumped by the kick where the style wants it, and sent to one shared reverb.

Levels are measured, not guessed: a part's `level_db` is its loudness (gated, K-weighted) where
it plays, relative to the drum stem's. That keeps the balance the style describes whatever the
SoundFont's presets happen to output.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from game.chart.model import Note
from game.chart.piece import KitPiece
from game.chart.tempo import TempoMap
from game.tools.compose.arrange import Arrangement, Part
from game.tools.compose.band import BandStyle
from game.tools.compose.dsp import band, convolve, duck_envelope, room_impulse, saturate, swell
from game.tools.compose.fluid import SAMPLE_RATE, render
from game.tools.compose.loudness import integrated_lufs
from game.tools.compose.midi_out import part_midi

logger = logging.getLogger(__name__)

_REVERB_RETURN_DB = -6.0
_RISER_LEVEL_DB = -13.0


def fit_length(audio: np.ndarray, frames: int) -> np.ndarray:
    if len(audio) >= frames:
        return audio[:frames]
    return np.pad(audio, ((0, frames - len(audio)), (0, 0)))


def render_part(part: Part, tempo_map: TempoMap, frames: int, soundfont: Path) -> np.ndarray:
    audio = fit_length(
        render(part_midi(part.instrument, part.notes, tempo_map, tempo_map.resolution * 8), soundfont), frames
    )
    audio = saturate(audio, part.drive)
    return band(audio, part.highpass_hz, part.lowpass_hz, SAMPLE_RATE)


def mix_backing(
    arrangement: Arrangement,
    band: BandStyle,
    tempo_map: TempoMap,
    expert: Sequence[Note],
    drums_lufs: float,
    frames: int,
    soundfont: Path,
    seed: int,
) -> np.ndarray:
    """The backing stem (everything but the drums), before mastering."""
    song = np.zeros((frames, 2), dtype=np.float32)
    send = np.zeros((frames, 2), dtype=np.float32)
    kicks = [round(n.time_s * SAMPLE_RATE) for n in expert if n.piece is KitPiece.KICK and not n.is_double_kick]
    beat_s = 60 / tempo_map.bpm_at(0)
    pump = duck_envelope(kicks, frames, band.sidechain_db, beat_s * 0.6, SAMPLE_RATE) if band.sidechain_db else None
    for part in arrangement.parts:
        audio = render_part(part, tempo_map, frames, soundfont)
        level = integrated_lufs(audio, SAMPLE_RATE)
        if not np.isfinite(level):
            continue
        audio *= np.float32(10 ** ((drums_lufs + part.level_db - level) / 20))
        if pump is not None and part.ducked:
            audio *= pump[:, None]
        logger.info("  %-10s %6.1f LUFS -> %+5.1f dB to the drums", part.name, level, part.level_db)
        song += audio
        send += audio * np.float32(part.reverb)
    for index, tick in enumerate(arrangement.riser_ticks):
        song += _riser(tempo_map, tick, frames, drums_lufs + _RISER_LEVEL_DB, seed + index)
    reverb = convolve(send, room_impulse(band.reverb_s, SAMPLE_RATE, seed=seed))[:frames]
    return song + reverb * np.float32(10 ** (_REVERB_RETURN_DB / 20))


def _riser(tempo_map: TempoMap, tick: int, frames: int, lufs: float, seed: int) -> np.ndarray:
    """A swell over the four beats before `tick`, at `lufs` loudness."""
    end = round(tempo_map.seconds(tick) * SAMPLE_RATE)
    start = round(tempo_map.seconds(max(tick - 4 * tempo_map.resolution, 0)) * SAMPLE_RATE)
    noise = swell((end - start) / SAMPLE_RATE, SAMPLE_RATE, seed)
    noise *= np.float32(10 ** ((lufs - integrated_lufs(noise, SAMPLE_RATE)) / 20))
    out = np.zeros((frames, 2), dtype=np.float32)
    stop = min(start + len(noise), frames)
    out[start:stop] = noise[: stop - start]
    return out
