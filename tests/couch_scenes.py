"""Shared by the couch scene tests: the bundled duet session, loaded once per test run."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from game.chart.folder import load_song
from game.chart.model import Song

CHARTS = Path(__file__).resolve().parents[1] / "charts"
SONG = "two-hearts-one-kit"


@cache
def duet_song() -> Song:
    return load_song(CHARTS / SONG)
