"""Autoplay is the oracle: 100 % accuracy and a full combo on every difficulty of every chart we
ship and every chart fixture, whatever its layout."""

from pathlib import Path

import pytest

from game.chart.folder import find_song_folders, load_song
from game.chart.layout import LAYOUTS
from game.engine.autoplay import autoplay_inputs
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine
from game.engine.simulate import simulate

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [*find_song_folders(ROOT / "charts"), *find_song_folders(ROOT / "tests" / "fixtures" / "oracle_checked")]


def test_there_are_charts_to_check():
    assert len(find_song_folders(ROOT / "charts")) >= 8


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.name)
def test_autoplay_scores_everything(folder):
    song = load_song(folder)
    for difficulty, track in song.chart.tracks.items():
        for layout in ("", *LAYOUTS):
            params = EngineParams(difficulty=difficulty, layout=layout, expert_plus=True)
            engine = PlayerEngine(song.chart, params)
            result = simulate(song.chart, params, autoplay_inputs(engine.notes))
            assert result.notes == len(engine.notes) > 0
            assert (result.accuracy, result.full_combo, result.max_combo) == (100.0, True, result.notes), (
                difficulty,
                layout or "default",
            )
            assert result.judgements["overhit"] == 0
        assert track.notes
