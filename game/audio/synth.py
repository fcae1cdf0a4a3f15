"""A small numpy drum synthesizer: the fallback kit when assets/kit holds no samples, and test audio.

Every piece gets `layers` velocity layers, soft to hard. Harder layers are louder *and* brighter
(higher noise cut-offs, a stronger beater click, a higher kick sweep), and each layer draws its own
noise, so layers are different samples, not one sample at three gains.

Recipes: kick = pitch-swept sine + click; snare = two drum-head tones + band-passed noise; hi-hats =
high-passed noise + square-wave "metal" (808 style), the open hat longer, the pedal a short chick;
toms = pitched sines with a small pitch drop; crashes = long bright noise + metal; ride = inharmonic
bell partials + noise.

Filters are zero-phase FFT masks applied to the raw noise *before* the envelope, so nothing rings
before the onset. Output: float32 mono arrays in [-1, 1]; deterministic (seeded per piece and layer).
"""

from __future__ import annotations

import numpy as np

from game.chart.piece import KitPiece

PEAK = 0.8  # headroom for several voices at once: SDL_mixer saturates rather than wraps
_LEVEL = {  # rough loudness balance between pieces (the hardest layer's peak, times PEAK)
    KitPiece.KICK: 1.0, KitPiece.SNARE: 0.9, KitPiece.HIHAT: 0.45, KitPiece.HIHAT_OPEN: 0.45,
    KitPiece.HIHAT_PEDAL: 0.35, KitPiece.TOM_HIGH: 0.85, KitPiece.TOM_MID: 0.85, KitPiece.TOM_FLOOR: 0.9,
    KitPiece.CRASH: 0.55, KitPiece.CRASH_LEFT: 0.55, KitPiece.RIDE: 0.45,
}  # fmt: skip
_METAL_HZ = (205.3, 304.4, 369.6, 522.7, 540.0, 800.0)  # the TR-808 cymbal oscillators
_TOM_HZ = {KitPiece.TOM_HIGH: 210.0, KitPiece.TOM_MID: 155.0, KitPiece.TOM_FLOOR: 100.0}
_RIDE_PARTIALS = ((512.0, 1.0), (783.0, 0.7), (1147.0, 0.6), (1512.0, 0.45), (2213.0, 0.35), (2897.0, 0.25))


def synth_kit(frequency: int = 48000, layers: int = 3) -> dict[KitPiece, tuple[np.ndarray, ...]]:
    """Every kit piece as `layers` velocity layers (soft to hard) at `frequency` Hz."""
    if layers < 1:
        raise ValueError(f"need at least one velocity layer, got {layers}")
    kit = {}
    for index, piece in enumerate(KitPiece):
        sounds = []
        for layer in range(layers):
            hardness = layer / (layers - 1) if layers > 1 else 1.0
            rng = np.random.default_rng(1000 * index + layer)
            raw = _voice(piece, hardness, frequency, rng)
            loudness = 0.3 + 0.7 * hardness  # the softest layer peaks at 30 % of the hardest
            sounds.append((raw / _peak(raw) * PEAK * _LEVEL[piece] * loudness).astype(np.float32))
        kit[piece] = tuple(sounds)
    return kit


def _voice(piece: KitPiece, h: float, fs: int, rng: np.random.Generator) -> np.ndarray:
    if piece is KitPiece.KICK:
        return _kick(h, fs, rng)
    if piece is KitPiece.SNARE:
        return _snare(h, fs, rng)
    if piece in (KitPiece.HIHAT, KitPiece.HIHAT_OPEN, KitPiece.HIHAT_PEDAL):
        decay_s, length_s = {KitPiece.HIHAT: (0.03, 0.18), KitPiece.HIHAT_OPEN: (0.35, 1.2)}.get(piece, (0.012, 0.08))
        return _hat(h, fs, rng, decay_s, length_s, pedal=piece is KitPiece.HIHAT_PEDAL)
    if piece in _TOM_HZ:
        return _tom(_TOM_HZ[piece], h, fs, rng)
    if piece is KitPiece.RIDE:
        return _ride(h, fs, rng)
    return _crash(h, fs, rng, bright=1.1 if piece is KitPiece.CRASH_LEFT else 1.0)


def _kick(h: float, fs: int, rng: np.random.Generator) -> np.ndarray:
    t = _time(0.45, fs)
    sweep = 48.0 + (110.0 + 70.0 * h) * np.exp(-t / 0.035)
    body = np.sin(2 * np.pi * np.cumsum(sweep) / fs) * np.exp(-t / 0.28)
    click = _band(rng.standard_normal(len(t)), fs, 1500.0, 5000.0 + 4000.0 * h) * np.exp(-t / 0.004)
    return body + (0.15 + 0.35 * h) * click / _peak(click)


def _snare(h: float, fs: int, rng: np.random.Generator) -> np.ndarray:
    t = _time(0.35, fs)
    tone = 0.6 * np.sin(2 * np.pi * 185.0 * t) * np.exp(-t / 0.06) + 0.35 * np.sin(2 * np.pi * 330.0 * t) * np.exp(
        -t / 0.04
    )
    noise = _band(rng.standard_normal(len(t)), fs, 600.0 + 500.0 * h, 4000.0 + 4000.0 * h)
    return tone + (0.15 + 0.15 * h) * noise / _rms(noise) * np.exp(-t / (0.09 + 0.05 * h))


def _hat(h: float, fs: int, rng: np.random.Generator, decay_s: float, length_s: float, pedal: bool) -> np.ndarray:
    t = _time(length_s, fs)
    metal = sum(np.sign(np.sin(2 * np.pi * f * (1.6 + 0.1 * h) * t + rng.uniform(0, 6.3))) for f in _METAL_HZ)
    mix = 0.5 * metal / _rms(metal) + rng.standard_normal(len(t))
    low = (4000.0 if pedal else 6000.0) + 2000.0 * h
    return _band(mix, fs, low, 14000.0) * np.exp(-t / decay_s) * _attack(t, 0.0005)


def _tom(pitch_hz: float, h: float, fs: int, rng: np.random.Generator) -> np.ndarray:
    t = _time(0.7, fs)
    pitch = pitch_hz * (1.0 + (0.25 + 0.2 * h) * np.exp(-t / 0.04))
    body = np.sin(2 * np.pi * np.cumsum(pitch) / fs) * np.exp(-t / (0.2 + 40.0 / pitch_hz))
    stick = _band(rng.standard_normal(len(t)), fs, 500.0, 3000.0 + 4000.0 * h) * np.exp(-t / 0.008)
    return body + (0.1 + 0.3 * h) * stick / _peak(stick)


def _crash(h: float, fs: int, rng: np.random.Generator, bright: float) -> np.ndarray:
    t = _time(2.2, fs)
    metal = sum(np.sign(np.sin(2 * np.pi * f * 3.1 * bright * t + rng.uniform(0, 6.3))) for f in _METAL_HZ)
    mix = 0.4 * metal / _rms(metal) + rng.standard_normal(len(t))
    shimmer = _band(mix, fs, (2000.0 + 1500.0 * h) * bright, 13000.0)
    return shimmer * np.exp(-t / (0.7 + 0.4 * h)) * _attack(t, 0.002)


def _ride(h: float, fs: int, rng: np.random.Generator) -> np.ndarray:
    t = _time(1.8, fs)
    bell = sum(
        gain * np.sin(2 * np.pi * f * t + rng.uniform(0, 6.3)) * np.exp(-t / (0.9 - f / 5000))
        for f, gain in _RIDE_PARTIALS
    )
    wash = _band(rng.standard_normal(len(t)), fs, 4000.0 + 2000.0 * h, 12000.0) * np.exp(-t / 0.5)
    ping = _band(rng.standard_normal(len(t)), fs, 2000.0, 9000.0) * np.exp(-t / 0.006)
    return 0.6 * bell / _rms(bell) + 0.3 * wash / _rms(wash) + (0.2 + 0.5 * h) * ping / _rms(ping)


def _time(length_s: float, fs: int) -> np.ndarray:
    return np.arange(round(length_s * fs)) / fs


def _attack(t: np.ndarray, rise_s: float) -> np.ndarray:
    return np.minimum(1.0, t / rise_s)


def _band(signal: np.ndarray, fs: int, low_hz: float, high_hz: float, order: int = 2) -> np.ndarray:
    """Zero-phase band-pass with Butterworth-shaped magnitude (FFT mask)."""
    spectrum = np.fft.rfft(signal)
    f = np.maximum(np.fft.rfftfreq(len(signal), 1 / fs), 1e-3)
    mask = 1 / np.sqrt(1 + (low_hz / f) ** (2 * order)) / np.sqrt(1 + (f / min(high_hz, fs * 0.45)) ** (2 * order))
    return np.fft.irfft(spectrum * mask, len(signal))


def _peak(signal: np.ndarray) -> float:
    return float(np.max(np.abs(signal))) or 1.0


def _rms(signal: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(signal)))) or 1.0
