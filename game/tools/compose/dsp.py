"""Offline signal processing for the mix, in numpy: filters, reverb, side-chain, swells, limiting.

Long signals are filtered in the frequency domain (one FFT of the whole part, a magnitude curve,
one inverse FFT): zero-phase, exact and fast, which suits pads and basses. Nothing here is used on
the drum stem before its onsets (the room reverb is causal: its impulse starts at a pre-delay), so
the stem's attacks stay where the chart puts them.

Invariants: every function is deterministic (noise comes from seeded generators); arrays are
float32 (frames, 2) unless stated.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def _fft_size(n: int) -> int:
    return 1 << max(int(n - 1).bit_length(), 1)


def convolve(signal: np.ndarray, impulse: np.ndarray) -> np.ndarray:
    """Stereo convolution by FFT; the result has len(signal) + len(impulse) - 1 frames."""
    size = _fft_size(len(signal) + len(impulse) - 1)
    out = np.empty((len(signal) + len(impulse) - 1, 2), dtype=np.float32)
    for channel in range(2):
        spectrum = np.fft.rfft(signal[:, channel], size) * np.fft.rfft(impulse[:, channel], size)
        out[:, channel] = np.fft.irfft(spectrum, size)[: len(out)]
    return out


def shape(signal: np.ndarray, gain_at_hz: Callable[[np.ndarray], np.ndarray], sample_rate: int) -> np.ndarray:
    """Apply a zero-phase magnitude curve `gain_at_hz(frequencies) -> gains` to a whole signal."""
    size = _fft_size(len(signal))
    freqs = np.fft.rfftfreq(size, 1 / sample_rate)
    gains = gain_at_hz(freqs)
    out = np.empty_like(signal)
    for channel in range(signal.shape[1]):
        spectrum = np.fft.rfft(signal[:, channel], size) * gains
        out[:, channel] = np.fft.irfft(spectrum, size)[: len(signal)]
    return out


def highpass(signal: np.ndarray, cutoff_hz: float, sample_rate: int) -> np.ndarray:
    """A 24 dB/octave (4th-order Butterworth magnitude) high-pass."""
    return shape(signal, lambda f: 1 / np.sqrt(1 + (cutoff_hz / np.maximum(f, 1e-3)) ** 8), sample_rate)


def band(signal: np.ndarray, low_hz: float, high_hz: float, sample_rate: int) -> np.ndarray:
    """A 24 dB/octave high-pass at `low_hz` and a 12 dB/octave low-pass at `high_hz`, in one pass."""

    def curve(f: np.ndarray) -> np.ndarray:
        f = np.maximum(f, 1e-3)
        return 1 / np.sqrt(1 + (low_hz / f) ** 8) / np.sqrt(1 + (f / high_hz) ** 4)

    return shape(signal, curve, sample_rate)


def tilt(signal: np.ndarray, low_db: float, high_db: float, sample_rate: int) -> np.ndarray:
    """Gentle shelving: `low_db` below ~200 Hz, `high_db` above ~4 kHz, smooth in between."""

    def curve(f: np.ndarray) -> np.ndarray:
        low = low_db / (1 + (np.maximum(f, 1e-3) / 200) ** 2)
        high = high_db / (1 + (4000 / np.maximum(f, 1e-3)) ** 2)
        return 10 ** ((low + high) / 20)

    return shape(signal, curve, sample_rate)


def saturate(signal: np.ndarray, drive: float) -> np.ndarray:
    """Soft clipping (tanh) that keeps the level of small signals: harmonics for sine basses."""
    if drive <= 0:
        return signal
    k = 1 + 8 * drive
    peak = float(np.abs(signal).max()) or 1.0
    return (np.tanh(signal / peak * k) / np.tanh(k) * peak).astype(np.float32)


def room_impulse(decay_s: float, sample_rate: int, seed: int = 7, predelay_s: float = 0.012) -> np.ndarray:
    """A synthetic stereo reverb impulse: decorrelated noise decaying faster at high frequencies."""
    rng = np.random.default_rng(seed)
    length = int((predelay_s + decay_s * 1.2) * sample_rate)
    t = np.arange(length) / sample_rate
    impulse = np.zeros((length, 2), dtype=np.float32)
    bands = ((0, 500, 1.0), (500, 2500, 0.85), (2500, 7000, 0.6), (7000, 24000, 0.35))
    for channel in range(2):
        noise = rng.standard_normal(length)
        spectrum = np.fft.rfft(noise)
        freqs = np.fft.rfftfreq(length, 1 / sample_rate)
        total = np.zeros(length)
        for low, high, scale in bands:
            band = np.fft.irfft(np.where((freqs >= low) & (freqs < high), spectrum, 0), length)
            total += band * np.exp(-6.9 * t / (decay_s * scale))  # -60 dB at decay_s * scale
        onset = np.clip((t - predelay_s) / 0.005, 0, 1)  # nothing before the pre-delay
        impulse[:, channel] = total * onset
    impulse /= np.sqrt(np.sum(impulse.astype(np.float64) ** 2) / 2)
    return impulse


def duck_envelope(
    kick_frames: list[int], frames: int, depth_db: float, release_s: float, sample_rate: int
) -> np.ndarray:
    """Side-chain pump: the gain dips by `depth_db` at each kick and recovers over `release_s`."""
    floor = 10 ** (-depth_db / 20)
    envelope = np.ones(frames, dtype=np.float32)
    attack = int(0.004 * sample_rate)
    length = int(release_s * 2.5 * sample_rate)
    t = np.arange(length) / sample_rate
    recover = 1 - (1 - floor) * np.exp(-t / (release_s / 2.5))
    recover[:attack] = np.linspace(1, floor, attack)
    for frame in kick_frames:
        end = min(frame + length, frames)
        if frame < end:
            np.minimum(envelope[frame:end], recover[: end - frame], out=envelope[frame:end])
    return envelope


def swell(length_s: float, sample_rate: int, seed: int) -> np.ndarray:
    """A noise riser: filtered noise opening up and getting louder, cut at its end."""
    rng = np.random.default_rng(seed)
    frames = int(length_s * sample_rate)
    hop, size = 512, 2048
    window = np.hanning(size)
    out = np.zeros((frames + size, 2))
    freqs = np.fft.rfftfreq(size, 1 / sample_rate)
    for start in range(0, frames, hop):
        progress = start / frames
        cutoff = 300 * (40**progress)  # 300 Hz -> 12 kHz
        mask = 1 / np.sqrt(1 + (freqs / cutoff) ** 4) * (freqs > 150)
        for channel in range(2):
            spectrum = np.fft.rfft(rng.standard_normal(size) * window) * mask
            out[start : start + size, channel] += np.fft.irfft(spectrum, size) * window
    level = np.linspace(0, 1, frames) ** 2.5
    return (out[:frames] * level[:, None]).astype(np.float32)


def limiter_gain(signal: np.ndarray, ceiling: float, sample_rate: int, release_s: float = 0.08) -> np.ndarray:
    """Per-frame gain (<= 1) that keeps |signal * gain| <= ceiling: block-wise, with one block of
    look-ahead and a smooth release. Returned as (frames,) float32."""
    block = 64
    frames = len(signal)
    blocks = -(-frames // block)
    padded = np.zeros((blocks * block,), dtype=np.float32)
    padded[:frames] = np.abs(signal).max(axis=1)
    peaks = padded.reshape(blocks, block).max(axis=1)
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-9))
    need = np.minimum(need, np.minimum(np.r_[need[1:], 1.0], np.r_[1.0, need[:-1]]))
    rise = np.exp(block / (release_s * sample_rate))
    fall = np.exp(-block / (0.002 * sample_rate))
    gains = need.copy()
    for index in range(blocks - 2, -1, -1):  # attack: start lowering a few ms ahead
        gains[index] = min(gains[index], gains[index + 1] / fall)
    for index in range(1, blocks):  # release: recover gently
        gains[index] = min(gains[index], gains[index - 1] * rise)
    centres = np.arange(blocks) * block + block / 2
    return np.interp(np.arange(frames), centres, gains).astype(np.float32)
