"""Versus: each player on their own chart and difficulty, compared fairly by normalised score."""

from pathlib import Path

import pytest

from game.chart.folder import find_song_folders, load_song
from game.chart.model import Difficulty
from game.engine.autoplay import autoplay_inputs
from game.engine.couch import CouchMode, couch_report, simulate_couch
from game.engine.hit import HitInput
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.engine.versus import FULL, VersusEngine

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = find_song_folders(ROOT / "charts")
EASY, EXPERT = EngineParams(difficulty=Difficulty.EASY), EngineParams(difficulty=Difficulty.EXPERT)


def play(chart, params, keep=lambda player, index: True):
    engine = VersusEngine(chart, params)
    hits = [
        HitInput(hit.song_time, hit.piece, hit.velocity, player)
        for player, side in enumerate(engine.players)
        for index, hit in enumerate(autoplay_inputs(side.notes))
        if keep(player, index)
    ]
    return simulate_couch(chart, CouchMode.VERSUS, params, SplitStrategy.PIECES, hits)


@pytest.mark.parametrize("folder", SESSIONS, ids=lambda folder: folder.name)
def test_autoplay_versus_is_perfect_for_both_and_a_draw(folder):
    chart = load_song(folder).chart
    engine = play(chart, (EASY, EXPERT))
    report = couch_report(engine, chart)
    first, second = report["players"]
    assert (first["difficulty"], second["difficulty"]) == ("easy", "expert")
    assert first["notes"] < second["notes"]
    for player in (first, second):
        assert (player["accuracy"], player["full_combo"], player["normalised_score"]) == (100.0, True, FULL)
    assert report["team"]["winner"] is None and report["team"]["mode"] == "versus"


def test_the_handicap_is_fair_a_perfect_easy_player_beats_a_sloppy_expert():
    chart = load_song(ROOT / "charts" / "neon-tide-drive").chart
    engine = play(chart, (EASY, EXPERT), keep=lambda player, index: player == 0 or index not in (100, 400, 700))
    assert engine.players[0].scorer.score < engine.players[1].scorer.score  # fewer notes, fewer points
    assert engine.normalised(0) == FULL > engine.normalised(1)
    assert engine.winner() == 0 and engine.team_json()["winner"] == 1
    assert engine.lead(engine.notes[-1].time_s) == 0


def test_the_live_lead_follows_who_is_ahead_so_far():
    chart = load_song(ROOT / "charts" / "neon-tide-drive").chart
    engine = VersusEngine(chart, (EXPERT, EXPERT))
    notes = engine.players[0].notes
    half = notes[len(notes) // 2].time_s
    for hit in autoplay_inputs(notes):  # player 1 plays everything; player 2 only the first half
        engine.queue(hit)
        if hit.song_time < half:
            engine.queue(HitInput(hit.song_time, hit.piece, hit.velocity, 1))
    engine.update(half - 0.5)
    assert engine.lead(half - 0.5) is None  # level so far
    engine.update(half + 5.0)
    assert engine.lead(half + 5.0) == 0


def test_each_players_judgements_say_whose_they_are():
    chart = load_song(ROOT / "charts" / "neon-tide-drive").chart
    engine = VersusEngine(chart, (EASY, EXPERT))
    engine.queue(HitInput(engine.players[1].notes[0].time_s, engine.players[1].notes[0].piece, 100, 1))
    events = engine.finish()
    assert {e.player for e in events} == {0, 1}
    assert all(e.player == 1 for e in events if e.hit is not None)
    assert [e.time_s for e in events] == sorted(e.time_s for e in events)
