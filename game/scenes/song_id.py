"""A song's identity for scores and replays: a fingerprint of its chart file's bytes.

Why the chart bytes and not the folder path: moving or renaming a song folder must keep its scores,
and editing the chart must not credit old scores to the new chart. Every scene that records or looks
up a score uses this one function, so song select, play and results always agree.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from game.chart.model import Song

ID_HEX_DIGITS = 16  # 64 bits: collisions are out of reach for any real library


def chart_file_id(chart_path: Path) -> str:
    """The id of the chart in `chart_path`; OSError when it cannot be read."""
    return hashlib.sha256(Path(chart_path).read_bytes()).hexdigest()[:ID_HEX_DIGITS]


def song_id(song: Song) -> str:
    """The id scores are filed under: sha256 of the chart file, first 16 hex digits."""
    return chart_file_id(song.chart_path)
