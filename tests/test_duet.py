"""The duet engine: routing by owner, the shared fever, team score, and results that do not
depend on how updates were timed."""

import random
from pathlib import Path

import pytest

from game.chart.folder import find_song_folders, load_song
from game.chart.model import PhraseKind
from game.chart.piece import KitPiece as P
from game.engine.autoplay import autoplay_inputs
from game.engine.couch import CouchMode, couch_report, player_notes, simulate_couch
from game.engine.duet import SYNC_BONUS, DuetEngine
from game.engine.hit import FeverInput, HitInput
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.engine.window import Judgement as J
from tests.charts import chart_of, note, phrase

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = find_song_folders(ROOT / "charts")
PARAMS = EngineParams()


def perfect_inputs(engine: DuetEngine):
    return [hit for player in (0, 1) for hit in autoplay_inputs(player_notes(engine, player), player)]


@pytest.mark.parametrize("folder", SESSIONS, ids=lambda folder: folder.name)
def test_autoplay_duet_is_perfect_for_both_players_with_every_split(folder):
    chart = load_song(folder).chart
    for split in SplitStrategy:
        engine = DuetEngine(chart, PARAMS, split)
        done = simulate_couch(chart, CouchMode.DUET, (PARAMS, PARAMS), split, perfect_inputs(engine))
        report = couch_report(done, chart)
        for player in report["players"]:
            assert (player["accuracy"], player["full_combo"], player["judgements"]["overhit"]) == (100.0, True, 0)
        assert sum(p["notes"] for p in report["players"]) == len(engine.notes)
        assert report["team"]["sync"] == 100.0 and report["team"]["split"] == split.value


def test_a_hit_never_takes_the_partners_note():
    # chart  ----K----   a kick at 1.000 s, owned by player 2 in the split by pieces
    # input  ----x----   player 1 hits the kick exactly on time -> player 1 overhit, player 2 miss
    chart = chart_of([note(0.5, P.HIHAT), note(1.0, P.KICK)])
    engine = DuetEngine(chart, PARAMS, SplitStrategy.PIECES)
    assert engine.owners == (0, 1)
    engine.queue(HitInput(0.5, P.HIHAT, 100, 0))
    engine.queue(HitInput(1.0, P.KICK, 100, 0))
    events = engine.finish()
    assert [(e.judgement, e.player) for e in events] == [(J.PERFECT, 0), (J.OVERHIT, 0), (J.MISS, 1)]
    first, second = engine.results()
    assert first.judgements["perfect"] == 1 and first.notes == 1
    assert second.judgements["miss"] == 1 and second.notes == 1


def test_only_players_one_and_two_may_play():
    engine = DuetEngine(chart_of([note(1.0)]), PARAMS)
    with pytest.raises(ValueError, match="players 0 and 1"):
        engine.queue(HitInput(1.0, P.SNARE, 100, 2))


def test_fever_is_shared_either_player_fills_it_and_both_score_double():
    # Two fever phrases, each needing both players (hi-hat: player 1, kick: player 2); player 2
    # activates with the fever input; then both players' notes score at double the multiplier.
    filling = [note(t, piece) for t in (0.5, 1.0, 1.5, 2.0) for piece in (P.HIHAT, P.KICK)]
    after = [note(4.0 + 0.25 * i, piece) for i in range(4) for piece in (P.HIHAT, P.KICK)]
    phrases = [phrase(PhraseKind.STAR_POWER, 0.4, 1.1), phrase(PhraseKind.STAR_POWER, 1.4, 2.1)]
    chart = chart_of(filling + after, phrases)
    engine = DuetEngine(chart, PARAMS, SplitStrategy.PIECES)
    for hit in perfect_inputs(engine):
        engine.queue(hit)
    engine.queue(FeverInput(3.0, player=1))
    engine.finish()
    assert engine.fever.phrases_completed == 2 and engine.fever.activations == 1
    for tally in engine.tallies:  # 4 notes at x1 before, 4 notes at x2 in fever
        assert tally.scorer.score == 4 * 100 + 4 * 200


def test_team_score_adds_a_bonus_for_every_pair_played_together():
    chart = chart_of([note(t, piece) for t in (0.5, 1.0) for piece in (P.HIHAT, P.KICK)])
    engine = simulate_couch(chart, CouchMode.DUET, (PARAMS, PARAMS), SplitStrategy.PIECES, [])
    assert engine.team_score == 0
    engine = DuetEngine(chart, PARAMS)
    for hit in perfect_inputs(engine):
        engine.queue(hit)
    engine.finish()
    assert engine.team_score == 4 * 100 + 2 * SYNC_BONUS


def messy_inputs(engine: DuetEngine, seed: int):
    rng = random.Random(seed)
    hits = []
    for item in perfect_inputs(engine):
        roll = rng.random()
        if roll < 0.1:
            continue  # a miss
        if roll < 0.15:  # a stray hit on the partner's piece
            hits.append(HitInput(item.song_time + 0.01, P.TOM_FLOOR, 100, item.player))
        hits.append(HitInput(item.song_time + rng.gauss(0, 0.03), item.piece, rng.randint(20, 127), item.player))
    hits.append(FeverInput(30.0, player=0))
    return hits


@pytest.mark.parametrize("split", list(SplitStrategy))
def test_results_do_not_depend_on_update_timing(split):
    chart = load_song(ROOT / "charts" / "two-hearts-one-kit").chart
    engine = DuetEngine(chart, PARAMS, split)
    inputs = messy_inputs(engine, seed=7)
    end = engine.notes[-1].time_s + 1
    rng = random.Random(3)
    cadences = {
        "once": [],
        "60 Hz": [i / 60 for i in range(int(end * 60))],
        "jittered": sorted(rng.uniform(0, end) for _ in range(3000)),
    }
    reports = {}
    for name, times in cadences.items():
        done = simulate_couch(chart, CouchMode.DUET, (PARAMS, PARAMS), split, inputs, times)
        reports[name] = (couch_report(done, chart), done.sync.level)
    assert reports["once"] == reports["60 Hz"] == reports["jittered"]
    assert reports["once"][0]["team"]["sync"] < 100.0


def test_a_shared_kit_routes_each_pad_to_its_owner_at_that_moment():
    chart = chart_of([note(1.0, P.SNARE), note(2.0, P.KICK), note(5.0, P.SNARE)])
    pieces = DuetEngine(chart, PARAMS, SplitStrategy.PIECES)
    assert [pieces.owner_at(p, 1.0) for p in (P.HIHAT, P.SNARE, P.CRASH, P.KICK, P.TOM_MID, P.RIDE)] == [
        0,
        0,
        0,
        1,
        1,
        1,
    ]
    # Call and response over two-bar turns (a bar is 2 s at 120 BPM): the snare changes hands.
    phrases = DuetEngine(chart, PARAMS, SplitStrategy.PHRASES)
    assert phrases.owners == (0, 0, 1)
    assert [phrases.owner_at(P.SNARE, t) for t in (0.0, 2.9, 3.1, 9.0)] == [0, 0, 1, 1]
