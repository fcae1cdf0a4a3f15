"""Ogg Vorbis files from float stems, via `oggenc` and `oggdec` (Debian: vorbis-tools).

Deterministic: 16-bit PCM with plain rounding (no random dither), a fixed stream serial number,
and fixed comments, so the same samples always give the same bytes with one oggenc version.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

import numpy as np

from game.tools.compose.fluid import SAMPLE_RATE, RenderError


def oggenc_available() -> bool:
    return shutil.which("oggenc") is not None


def write_ogg(audio: np.ndarray, path: Path, quality: float, serial: int, title: str) -> None:
    if not oggenc_available():
        raise RenderError("oggenc is missing (Debian: apt-get install vorbis-tools)")
    pcm = np.clip(np.round(audio * 32767.0), -32768, 32767).astype("<i2")
    with tempfile.TemporaryDirectory(prefix="compose-") as folder:
        wav_path = Path(folder) / "stem.wav"
        with wave.open(str(wav_path), "wb") as wav:
            wav.setnchannels(2)
            wav.setsampwidth(2)
            wav.setframerate(SAMPLE_RATE)
            wav.writeframes(pcm.tobytes())
        command = [
            "oggenc",
            "-Q",
            "-q",
            str(quality),
            "--serial",
            str(serial),
            "-t",
            title,
            "-a",
            "Drumstick Diplomacy",
            "-o",
            str(path),
            str(wav_path),
        ]
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            raise RenderError(f"oggenc failed: {run.stderr.strip()[:400]}")


def decode_ogg(path: Path) -> np.ndarray:
    """An Ogg Vorbis file as float32 (frames, 2), decoded by `oggdec` (vorbis-tools)."""
    with tempfile.TemporaryDirectory(prefix="compose-") as folder:
        wav_path = Path(folder) / "decoded.wav"
        run = subprocess.run(
            ["oggdec", "-Q", "-o", str(wav_path), str(path)], capture_output=True, text=True, check=False
        )
        if run.returncode != 0:
            raise RenderError(f"oggdec failed: {run.stderr.strip()[:400]}")
        with wave.open(str(wav_path), "rb") as wav:
            pcm = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").reshape(-1, wav.getnchannels())
    return pcm.astype(np.float32) / 32768
