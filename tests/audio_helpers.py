"""Helpers for the audio tests: synthetic WAV stems, disk-driver capture in a subprocess, onsets.

Capture: SDL's disk driver writes every mixed block as raw int16 stereo PCM, with no header, to
SDL_DISKAUDIOFILE. Only one audio device may be open per process and the driver is fixed when it
opens, so each capture runs a scenario function in a fresh interpreter: the child opens the mixer,
calls `module.function(info, **kwargs)`, closes the mixer (which flushes the file) and prints the
function's JSON-able result on its last stdout line. Positions inside the capture are sample-exact
relative to each other; wall-clock times are only related to them by a fitted line.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RATE = 48000
BLOCK = 256


def write_wav(path: Path, left: np.ndarray, right: np.ndarray | None = None, rate: int = RATE) -> Path:
    """Write int16 stereo; `right` defaults to `left`. Inputs are sample values (not scaled)."""
    right = left if right is None else right
    frames = np.zeros((max(len(left), len(right)), 2), np.int16)
    frames[: len(left), 0] = np.clip(left, -32768, 32767)
    frames[: len(right), 1] = np.clip(right, -32768, 32767)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames.astype("<i2").tobytes())
    return path


def tone(seconds: float, hz: float, amplitude: float, rate: int = RATE, phase: float = 0.0) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return np.rint(amplitude * np.sin(2 * np.pi * hz * t + phase)).astype(np.int16)


def onsets(signal: np.ndarray, threshold: float, min_gap: int = 480) -> np.ndarray:
    """Indices where |signal| first exceeds `threshold` after at least `min_gap` quiet samples."""
    loud = np.flatnonzero(np.abs(signal.astype(np.int32)) > threshold)
    if len(loud) == 0:
        return loud
    keep = np.r_[True, np.diff(loud) > min_gap]
    return loud[keep]


def dominant_hz(signal: np.ndarray, rate: int = RATE) -> float:
    spectrum = np.abs(np.fft.rfft(signal.astype(np.float64) * np.hanning(len(signal))))
    return float(np.fft.rfftfreq(len(signal), 1 / rate)[np.argmax(spectrum)])


def robust_line(call_times: list[float], positions: np.ndarray, drop: int = 2) -> tuple[float, float, np.ndarray]:
    """Fit capture position against call time, leaving out the `drop` worst points (a stalled
    driver thread or a descheduled test process displaces a point; that is the machine, not the
    mixer). Returns (slope, intercept, mask of the points kept)."""
    times, found = np.asarray(call_times), positions.astype(np.float64)
    keep = np.ones(len(times), bool)
    for _ in range(drop):
        slope, intercept = np.polyfit(times[keep], found[keep], 1)
        residual = np.where(keep, np.abs(found - (slope * times + intercept)), -1.0)
        keep[int(np.argmax(residual))] = False
    slope, intercept = np.polyfit(times[keep], found[keep], 1)
    return float(slope), float(intercept), keep


def fit_residuals_ms(call_times: list[float], positions: np.ndarray, rate: int = RATE) -> np.ndarray:
    """Residuals (ms) of the kept capture positions against the robust line."""
    slope, intercept, keep = robust_line(call_times, positions)
    times = np.asarray(call_times)[keep]
    return (positions[keep] - (slope * times + intercept)) / rate * 1000


def capture(tmp_path: Path, target: str, **kwargs: Any) -> tuple[np.ndarray, Any]:
    """Run `module:function` under the disk driver; (captured int16 (n, 2) PCM, its result)."""
    raw = tmp_path / "out.raw"
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(raw), PYGAME_HIDE_SUPPORT_PROMPT="1")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    code = "import audio_helpers, sys; audio_helpers.child(sys.argv[1], sys.argv[2])"
    run = subprocess.run(
        [sys.executable, "-c", code, target, json.dumps(kwargs)], env=env, capture_output=True, text=True, timeout=60
    )
    if run.returncode != 0:
        raise AssertionError(f"capture scenario {target} failed:\n{run.stdout}\n{run.stderr}")
    result = json.loads(run.stdout.strip().splitlines()[-1])
    return np.fromfile(raw, np.int16).reshape(-1, 2), result


def child(target: str, kwargs_json: str) -> None:
    """The subprocess side of `capture`."""
    from game.audio.device import close_mixer, open_mixer

    module_name, function_name = target.split(":")
    function = getattr(importlib.import_module(module_name), function_name)
    info = open_mixer()
    if info is None:
        raise SystemExit("the disk audio driver did not open")
    result = function(info, **json.loads(kwargs_json))
    close_mixer()
    sys.stdout.write(json.dumps(result) + "\n")


def run_child(code: str, env_overrides: dict[str, str]) -> str:
    """Run a snippet in a fresh interpreter with extra environment; its stdout."""
    env = dict(os.environ, PYGAME_HIDE_SUPPORT_PROMPT="1", **env_overrides)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "tests")])
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        raise AssertionError(f"child failed:\n{run.stdout}\n{run.stderr}")
    return run.stdout
