"""Key presses are stamped when they arrive, not when a frame is drawn: while the real loop runs a
song (drawing at the frame cap), another thread posts key events at known perf_counter times and
the loop's stamps must follow within a millisecond and a half (p99).

The posting thread itself can lose the GIL between reading the clock and posting (the main
thread takes it after the 0.5 ms switch interval), which would charge the test's own delay to the
loop; presses whose post call took longer than POST_SLACK_S have no precise send time and are left
out of the figures (they must stay few)."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

PROBE = Path(__file__).parent / "game_probe.py"
POST_SLACK_S = 0.0002


def test_keyboard_stamps_follow_arrival_within_1_5_ms(tmp_path):
    run = subprocess.run(
        [sys.executable, str(PROBE), "keyboard", str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    posted, stamps = np.array(report["posted"]), np.array(report["stamps"])
    assert len(stamps) == len(posted) == 300
    assert np.all(stamps >= posted[:, 0])  # never stamped before it was sent
    precise = posted[:, 1] - posted[:, 0] <= POST_SLACK_S
    assert precise.sum() >= 270
    errors = (stamps - posted[:, 0])[precise] * 1000
    assert np.percentile(errors, 99) <= 1.5, f"p50 {np.median(errors):.2f} p99 {np.percentile(errors, 99):.2f} ms"
    assert report["frames"]["frames"] > 500  # the loop was drawing all along (120 fps for ~10 s)
