"""Drum sounds: one-shot samples rendered once from the SoundFont's drum kits, per kit piece and
dynamic, layered (a clap on a snare, an 808 under a kick) and trimmed so the attack starts on the
sample's first frame. The drum stem and the in-game hit sounds are built from these.

Invariants: every one-shot starts at its attack (a note placed at frame n sounds from frame n);
past the attack its level only falls (no phantom second stroke from a sample loop or two layers
beating); it ends with a short fade, never a click; rendering a kit twice gives the same arrays.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import mido
import numpy as np

from game.chart.piece import Dynamic
from game.tools.compose.fluid import DEFAULT_SOUNDFONT, SAMPLE_RATE, render
from game.tools.compose.midi_out import DRUM_CHANNEL

VELOCITY = {Dynamic.GHOST: 56, Dynamic.NORMAL: 96, Dynamic.ACCENT: 124}
SLOT_S = 5.0  # each one-shot gets this long in the render
_LENGTH_S = {
    "kick": 0.6,
    "snare": 0.8,
    "hihat": 0.4,
    "hihat_open": 1.2,
    "hihat_pedal": 0.3,
    "tom_high": 0.9,
    "tom_mid": 1.0,
    "tom_floor": 1.1,
    "crash": 3.0,
    "crash_left": 3.0,
    "ride": 2.5,
}
STANDARD, ROOM, POWER, ELECTRONIC, TR808 = 0, 8, 16, 24, 25


@dataclass(frozen=True, slots=True)
class Voice:
    """One sample layer: a note of a GM drum kit (bank 128 program) at a gain."""

    kit: int
    note: int
    gain_db: float = 0.0


def _standard(kit: int) -> dict[str, tuple[Voice, ...]]:
    notes = {
        "kick": 36,
        "snare": 38,
        "hihat": 42,
        "hihat_open": 46,
        "hihat_pedal": 44,
        "tom_high": 50,
        "tom_mid": 47,
        "tom_floor": 43,
        "crash": 49,
        "crash_left": 57,
        "ride": 51,
    }
    return {name: (Voice(kit, note),) for name, note in notes.items()}


@dataclass(frozen=True, slots=True)
class DrumKit:
    voices: Mapping[str, tuple[Voice, ...]]  # by kit piece value, plus "hihat_open"
    gains_db: Mapping[str, float] = field(default_factory=dict)  # balance between pieces
    sends: Mapping[str, float] = field(default_factory=dict)  # room reverb send per piece
    room_s: float = 0.8
    length_scale: Mapping[str, float] = field(default_factory=dict)  # e.g. a long 808 kick


def kit(
    base: int,
    overrides: Mapping[str, tuple[Voice, ...]] | None = None,
    *,
    gains_db: Mapping[str, float] | None = None,
    sends: Mapping[str, float] | None = None,
    room_s: float = 0.8,
    length_scale: Mapping[str, float] | None = None,
) -> DrumKit:
    """A kit built on one GM drum kit, with some pieces replaced by other voices or layers."""
    voices = _standard(base)
    voices.update(overrides or {})
    return DrumKit(voices, dict(gains_db or {}), dict(sends or {}), room_s, dict(length_scale or {}))


DEFAULT_SENDS = {
    "snare": 0.35,
    "tom_high": 0.3,
    "tom_mid": 0.3,
    "tom_floor": 0.3,
    "crash": 0.15,
    "ride": 0.1,
    "hihat": 0.08,
    "hihat_open": 0.1,
    "crash_left": 0.15,
    "kick": 0.03,
}


def render_bank(drum_kit: DrumKit, soundfont: Path = DEFAULT_SOUNDFONT) -> dict[tuple[str, Dynamic], np.ndarray]:
    """Every (piece, dynamic) one-shot of `drum_kit`, stereo float32, attack on frame 0."""
    jobs: list[tuple[str, Dynamic, Voice]] = []
    for name in sorted(drum_kit.voices):
        for dynamic in Dynamic:
            jobs.extend((name, dynamic, voice) for voice in drum_kit.voices[name])
    audio = render(_bank_midi(jobs), soundfont, gain=0.6)
    slot = int(SLOT_S * SAMPLE_RATE)
    bank: dict[tuple[str, Dynamic], np.ndarray] = {}
    for index, (name, dynamic, voice) in enumerate(jobs):
        clip = audio[index * slot : (index + 1) * slot]
        clip = np.pad(clip, ((0, slot - len(clip)), (0, 0)))
        clip = _trim(clip, name, drum_kit) * np.float32(10 ** (voice.gain_db / 20))
        previous = bank.get((name, dynamic))
        if previous is None:
            bank[(name, dynamic)] = clip
        else:
            size = max(len(previous), len(clip))
            bank[(name, dynamic)] = np.pad(previous, ((0, size - len(previous)), (0, 0))) + np.pad(
                clip, ((0, size - len(clip)), (0, 0))
            )
    # layers beat against each other: smooth the decay of the sum, not of each layer
    return {key: _smooth_decay(clip) for key, clip in bank.items()}


def _bank_midi(jobs: list[tuple[str, Dynamic, Voice]]) -> mido.MidiFile:
    """One note per job, SLOT_S apart, each preceded by its kit's program change."""
    midi = mido.MidiFile(type=0, ticks_per_beat=480)  # 120 BPM: 960 ticks per second
    track = mido.MidiTrack()
    midi.tracks.append(track)
    per_slot = int(SLOT_S * 960)
    now = 0
    for index, (_, dynamic, voice) in enumerate(jobs):
        start = index * per_slot
        track.append(mido.Message("program_change", channel=DRUM_CHANNEL, program=voice.kit, time=start - now))
        track.append(mido.Message("note_on", channel=DRUM_CHANNEL, note=voice.note, velocity=VELOCITY[dynamic]))
        track.append(mido.Message("note_off", channel=DRUM_CHANNEL, note=voice.note, velocity=0, time=per_slot // 2))
        now = start + per_slot // 2
    track.append(mido.Message("control_change", channel=DRUM_CHANNEL, control=123, value=0, time=per_slot))
    return midi


def _trim(clip: np.ndarray, name: str, drum_kit: DrumKit) -> np.ndarray:
    """Start at the attack, stop at the piece's length with a 40 ms fade."""
    level = np.abs(clip).max(axis=1)
    peak = float(level.max())
    if peak <= 0:
        return clip[:1] * 0
    loud = int(np.argmax(level > peak * 0.05))
    quiet = np.nonzero(level[:loud] <= peak * 0.002)[0]
    start = int(quiet[-1]) + 1 if len(quiet) else 0
    length = int(_LENGTH_S.get(name, 1.0) * drum_kit.length_scale.get(name, 1.0) * SAMPLE_RATE)
    out = clip[start : start + length].copy()
    fade = min(int(0.04 * SAMPLE_RATE), len(out))
    out[len(out) - fade :] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)[:, None]
    return out


def _smooth_decay(clip: np.ndarray, after_s: float = 0.04, slack_db: float = 1.0) -> np.ndarray:
    """Keep the tail from swelling again. SoundFont samples loop, and layered samples beat against
    each other: a bump in a tail sounds like a second, phantom stroke. Past the attack, each of
    four frequency bands may never rise more than `slack_db` above the quietest it has been.
    The bands add up to the clip exactly, so the attack itself is untouched."""
    after = int(after_s * SAMPLE_RATE)
    if len(clip) <= after:
        return clip
    freqs = np.fft.rfftfreq(len(clip), 1 / SAMPLE_RATE)
    spectrum = np.fft.rfft(clip.astype(np.float64), axis=0)
    edges = (0.0, 250.0, 2000.0, 6000.0, np.inf)
    window = int(0.005 * SAMPLE_RATE)
    out = np.zeros(clip.shape, dtype=np.float64)
    for low, high in pairwise(edges):
        band = np.fft.irfft(spectrum * ((freqs >= low) & (freqs < high))[:, None], len(clip), axis=0)
        power = np.convolve(np.pad((band**2).mean(axis=1), window, mode="edge"), np.ones(window) / window, mode="same")[
            window:-window
        ]
        envelope = np.sqrt(power[after:]) + 1e-12
        allowed = np.minimum.accumulate(envelope) * 10 ** (slack_db / 20)
        raw = np.pad(np.minimum(1.0, allowed / envelope), window, mode="edge")
        gain = np.convolve(raw, np.ones(window) / window, mode="same")[window:-window]
        band[after:] *= gain[:, None]
        out += band
    return out.astype(np.float32)
