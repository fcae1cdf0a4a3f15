"""End to end on SDL's disk audio driver: the real game loop plays a song on autoplay, and the
captured mix shows the stems and the hit sounds where the song clock said they would be.

The song's two stems (backing on the left channel, drum stem on the right) hold three clicks half
a second apart before the first note; they pin down where audio time 0 is in the capture. SDL_mixer
starts every sound on a mixer-block boundary, so each hit sound's onset is compared with the first
block boundary after the song clock's audio time at the moment the game called for it. The clock
follows the mixed position (ahead of the output by the device buffer), so the offset between the
two is a constant; what the test bounds is its spread: every hit within one block of the others.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

PROBE = Path(__file__).parent / "game_probe.py"
CLICK_SPACING_S = 0.5
FIRST_CLICK_S = 0.25


def run_probe(tmp_path: Path) -> tuple[dict, np.ndarray]:
    capture = tmp_path / "mix.raw"
    env = dict(os.environ, SDL_AUDIODRIVER="disk", SDL_DISKAUDIOFILE=str(capture))
    run = subprocess.run(
        [sys.executable, str(PROBE), "disk", str(tmp_path)], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    return report, np.fromfile(capture, np.int16).reshape(-1, 2).astype(np.int32)


def onsets(pcm: np.ndarray, rate: int, threshold: int = 3000, gap_s: float = 0.1) -> np.ndarray:
    loud = np.flatnonzero(np.abs(pcm).max(axis=1) > threshold)
    fresh = np.diff(loud) > gap_s * rate
    return np.concatenate([loud[:1], loud[1:][fresh]])


def test_stems_and_hit_sounds_land_where_the_song_clock_says(tmp_path):
    report, pcm = run_probe(tmp_path)
    rate, block_s = report["rate"], report["block"] / report["rate"]
    assert report["accuracy"] == 100.0
    found = onsets(pcm, rate)
    clicks, hits = found[:3], found[3:]
    # Both stems started in the same block: each click is on the same sample on both channels.
    for click in clicks:
        window = pcm[click - 300 : click + 300]
        left, right = (np.flatnonzero(np.abs(window[:, side]) > 3000)[0] for side in (0, 1))
        assert left == right
    assert list(np.diff(clicks)) == [CLICK_SPACING_S * rate] * 2
    # Hit sounds: one per call, on block boundaries, each within one block of where the clock put it.
    audio_zero = clicks[0] - FIRST_CLICK_S * rate
    assert len(set(((hits - audio_zero) % report["block"]).tolist())) == 1  # all on the block grid
    heard_s = (hits - audio_zero) / rate
    called_s = np.array(report["calls_audio_s"])
    assert len(heard_s) == len(called_s) == 10
    residual = heard_s - np.ceil(called_s / block_s) * block_s
    spread = np.abs(residual - np.median(residual))
    assert np.all(spread <= block_s + 1 / rate), np.round(residual * 1000, 2).tolist()
    assert abs(np.median(residual)) <= 2 * block_s  # the mixed position leads the output by a block or so
