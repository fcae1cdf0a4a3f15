"""Integrated loudness in the manner of ITU-R BS.1770 (K-weighting, 400 ms blocks, gating).

The K-weighting filters are applied as their magnitude response in the frequency domain, 100 ms
at a time: loudness depends on energy only, so phase does not matter, and short FFTs replace a
slow sample loop. Results agree with a biquad implementation to a few hundredths of a dB on music.

Invariants: stereo input (frames, 2) or mono (frames,); silence gives -inf; numpy only, so tests
can measure decoded stems with the same yardstick the composer normalised them with.
"""

from __future__ import annotations

import numpy as np

# BS.1770-4 K-weighting at 48 kHz: high shelf (stage 1) and RLB high-pass (stage 2)
_SHELF = ((1.53512485958697, -2.69169618940638, 1.19839281085285), (1.0, -1.69065929318241, 0.73248077421585))
_RLB = ((1.0, -2.0, 1.0), (1.0, -1.99004745483398, 0.99007225036621))
_REFERENCE_RATE = 48_000


def _response(coeffs: tuple[tuple[float, ...], tuple[float, ...]], freqs: np.ndarray, rate: int) -> np.ndarray:
    # the published coefficients are for 48 kHz: evaluate at the same physical frequency there
    z = np.exp(-1j * 2 * np.pi * np.minimum(freqs, _REFERENCE_RATE / 2) / _REFERENCE_RATE)
    b, a = coeffs
    return np.abs((b[0] + b[1] * z + b[2] * z**2) / (a[0] + a[1] * z + a[2] * z**2))


def _sub_block_energy(signal: np.ndarray, rate: int, block: int) -> np.ndarray:
    """K-weighted energy of consecutive `block`-frame pieces, summed over channels.

    Each piece is weighted through its FFT (Parseval): exact for the piece filtered circularly,
    which differs from linear filtering only by the filters' few-millisecond edge transients."""
    data = signal.reshape(len(signal), -1).astype(np.float64)
    count = len(data) // block
    freqs = np.fft.rfftfreq(block, 1 / rate)
    weight = (_response(_SHELF, freqs, rate) * _response(_RLB, freqs, rate)) ** 2
    weight[1:-1] *= 2  # the negative frequencies rfft leaves out
    energy = np.zeros(count)
    for channel in range(data.shape[1]):
        pieces = data[: count * block, channel].reshape(count, block)
        energy += (np.abs(np.fft.rfft(pieces, axis=1)) ** 2 * weight).sum(axis=1) / block
    return energy


def integrated_lufs(signal: np.ndarray, rate: int) -> float:
    """Gated integrated loudness in LUFS (absolute gate -70, relative gate -10 LU): 400 ms blocks
    overlapping by 75 %, built from 100 ms pieces."""
    hop = int(0.1 * rate)
    energy = _sub_block_energy(signal, rate, hop)
    if len(energy) < 4:
        return float("-inf")
    means = (energy[:-3] + energy[1:-2] + energy[2:-1] + energy[3:]) / (4 * hop)
    loudness = -0.691 + 10 * np.log10(np.maximum(means, 1e-20))
    kept = means[loudness > -70]
    if not len(kept):
        return float("-inf")
    relative = -0.691 + 10 * np.log10(kept.mean()) - 10
    gated = kept[-0.691 + 10 * np.log10(kept) > relative]
    return float(-0.691 + 10 * np.log10(gated.mean()))


def peak_dbfs(signal: np.ndarray) -> float:
    peak = float(np.abs(signal).max()) if len(signal) else 0.0
    return 20 * np.log10(peak) if peak > 0 else float("-inf")
