"""The drum stem: the Expert chart's notes played on a rendered kit, sample-accurately.

Every chart note becomes one one-shot placed at `round(note.time_s * SAMPLE_RATE)`, so the
stem's onsets are the chart's note times to the frame. The kit's pieces are balanced by measured
loudness (then nudged by the style's `gains_db`), an open hi-hat is choked by the next hi-hat
stroke, as a real one is by the closing pedal, and a room reverb is added from per-piece sends.

Invariants: the stem holds exactly one stroke per chart note (chords give one stroke per piece);
nothing sounds before the first note; the same notes and kit always give the same samples.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Mapping, Sequence

import numpy as np

from game.chart.model import Note
from game.chart.piece import Dynamic, KitPiece
from game.tools.compose.drumkit import DrumKit
from game.tools.compose.dsp import convolve, room_impulse
from game.tools.compose.fluid import SAMPLE_RATE

Bank = Mapping[tuple[str, Dynamic], np.ndarray]

# loudness of each piece's normal stroke relative to the kick, in dB (before the style's gains)
_BALANCE_DB = {
    "kick": 0.0,
    "snare": -1.0,
    "tom_high": -4.0,
    "tom_mid": -4.0,
    "tom_floor": -3.5,
    "hihat": -9.0,
    "hihat_open": -9.0,
    "hihat_pedal": -12.0,
    "crash": -10.0,
    "crash_left": -10.0,
    "ride": -10.0,
}
_CHOKE_S = 0.025
_ROOM_RETURN_DB = -8.0


def balance(bank: Bank, drum_kit: DrumKit) -> dict[tuple[str, Dynamic], np.ndarray]:
    """Scale each piece so its normal stroke sits at its balance level, keeping dynamics within it."""
    window = int(0.15 * SAMPLE_RATE)
    kick = _level_db(bank[("kick", Dynamic.NORMAL)][:window])
    balanced = {}
    for (name, dynamic), clip in bank.items():
        level = _level_db(bank[(name, Dynamic.NORMAL)][:window])
        gain_db = kick + _BALANCE_DB.get(name, -6.0) + drum_kit.gains_db.get(name, 0.0) - level
        balanced[(name, dynamic)] = clip * np.float32(10 ** (gain_db / 20))
    return balanced


def _level_db(clip: np.ndarray) -> float:
    return 10 * float(np.log10(np.mean(clip.astype(np.float64) ** 2) + 1e-12))


def render_stem(
    notes: Sequence[Note], open_hats: frozenset[int], bank: Bank, drum_kit: DrumKit, frames: int, seed: int
) -> np.ndarray:
    """The stereo drum stem, `frames` long. `open_hats` are the ticks of hi-hat notes played open."""
    dry = np.zeros((frames, 2), dtype=np.float32)
    send = np.zeros((frames, 2), dtype=np.float32)
    rng = random.Random(f"{seed}:drum-stem")
    hat_frames = sorted(_frame(n) for n in notes if n.piece is KitPiece.HIHAT)
    for note in notes:
        name = "hihat_open" if note.piece is KitPiece.HIHAT and note.tick in open_hats else note.piece.value
        clip = bank[(name, note.dynamic)]
        start = _frame(note)
        if name == "hihat_open":
            clip = _choked(clip, start, hat_frames)
        # a drummer never hits twice alike: up to +-0.8 dB, seeded
        gain = np.float32(10 ** (rng.uniform(-0.8, 0.8) / 20))
        end = min(start + len(clip), frames)
        if end <= start:
            continue
        dry[start:end] += clip[: end - start] * gain
        level = drum_kit.sends.get(name, 0.0)
        if level:
            send[start:end] += clip[: end - start] * (gain * np.float32(level))
    room = convolve(send, room_impulse(drum_kit.room_s, SAMPLE_RATE))[:frames]
    return dry + room * np.float32(10 ** (_ROOM_RETURN_DB / 20))


def _frame(note: Note) -> int:
    return round(note.time_s * SAMPLE_RATE)


def _choked(clip: np.ndarray, start: int, hat_frames: list[int]) -> np.ndarray:
    """Close an open hi-hat for the next hi-hat stroke: the foot closes it just before the stick
    lands, so the ring fades out over the last `_CHOKE_S` before that stroke."""
    at = bisect_right(hat_frames, start)
    if at == len(hat_frames):
        return clip
    cut = hat_frames[at] - start
    if cut >= len(clip):
        return clip
    fade = min(int(_CHOKE_S * SAMPLE_RATE), cut // 2)
    out = clip[:cut].copy()
    out[cut - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)[:, None] ** 2
    return out
