"""Offline rendering of MIDI files through the FluidSynth command-line program.

FluidSynth and the FluidR3 GM SoundFont are system packages (Debian: `fluidsynth`,
`fluid-soundfont-gm`; the SoundFont is MIT-licensed). Output is 32-bit float stereo at
`SAMPLE_RATE`, rendered faster than real time with FluidSynth's reverb off (the mixer adds one
shared reverb) and its chorus on (instruments ask for it per channel with CC 93). Rendering is
deterministic: the same file and SoundFont give the same samples.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

import mido
import numpy as np

logger = logging.getLogger(__name__)

SAMPLE_RATE = 48_000
DEFAULT_SOUNDFONT = Path("/usr/share/sounds/sf2/FluidR3_GM.sf2")


class RenderError(RuntimeError):
    """FluidSynth is missing or failed."""


def fluidsynth_available(soundfont: Path = DEFAULT_SOUNDFONT) -> bool:
    return shutil.which("fluidsynth") is not None and soundfont.is_file()


def render(midi: mido.MidiFile, soundfont: Path = DEFAULT_SOUNDFONT, gain: float = 0.5) -> np.ndarray:
    """Render `midi` to a float32 array of shape (frames, 2)."""
    if not fluidsynth_available(soundfont):
        raise RenderError(
            f"fluidsynth or the SoundFont {soundfont} is missing "
            "(Debian: apt-get install fluidsynth fluid-soundfont-gm)"
        )
    with tempfile.TemporaryDirectory(prefix="compose-") as folder:
        midi_path = Path(folder) / "part.mid"
        raw_path = Path(folder) / "part.raw"
        midi.save(midi_path)
        command = [
            "fluidsynth",
            "-n",
            "-i",
            "-q",
            "-F",
            str(raw_path),
            "-T",
            "raw",
            "-O",
            "float",
            "-E",
            "little",
            "-r",
            str(SAMPLE_RATE),
            "-g",
            str(gain),
            "-R",
            "0",
            "-C",
            "1",
            "-o",
            "synth.polyphony=512",
            "-o",
            "synth.cpu-cores=1",
            str(soundfont),
            str(midi_path),
        ]
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode != 0 or not raw_path.is_file():
            raise RenderError(f"fluidsynth failed: {run.stderr.strip()[:400]}")
        audio = np.fromfile(raw_path, dtype="<f4").reshape(-1, 2)
    logger.debug("rendered %.1f s", len(audio) / SAMPLE_RATE)
    return audio.astype(np.float32)
