"""The sync meter on scripted duets: in time together, one player 40 ms behind, and one player
missing a whole phrase."""

import pytest

from game.chart.model import PhraseKind
from game.chart.piece import KitPiece as P
from game.engine.autoplay import autoplay_inputs
from game.engine.duet import DuetEngine
from game.engine.hit import HitInput
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.engine.sync import LOOSE_S, START_LEVEL, TIGHT_S, pair_score, shared_pairs
from tests.charts import chart_of, note, phrase

BEAT = 0.5  # 120 BPM
# Bars 0-1 together (kick + hi-hat on every beat), bars 2-3 player 1's turn (snare), bars 4-5
# player 2's turn (high tom), bars 6-7 together again.
TOGETHER_1 = [note(b * BEAT, piece) for b in range(8) for piece in (P.KICK, P.HIHAT)]
CALL = [note(4.0 + b * BEAT, P.SNARE) for b in range(8)]
RESPONSE = [note(8.0 + b * BEAT, P.TOM_HIGH) for b in range(8)]
TOGETHER_2 = [note(12.0 + b * BEAT, piece) for b in range(8) for piece in (P.KICK, P.HIHAT)]
TURNS = [phrase(PhraseKind.PLAYER_1, 4.0, 8.0), phrase(PhraseKind.PLAYER_2, 8.0, 12.0)]
CHART = chart_of(TOGETHER_1 + CALL + RESPONSE + TOGETHER_2, TURNS)


def duet(shift_s=(0.0, 0.0), skip=lambda player, n: False):
    """Each player plays their own notes perfectly, shifted by shift_s[player], skipping some."""
    engine = DuetEngine(CHART, EngineParams(), SplitStrategy.PHRASES)
    levels = []
    for player in (0, 1):
        mine = [n for n, o in zip(engine.notes, engine.owners, strict=True) if o == player and not skip(player, n)]
        for hit in autoplay_inputs(mine, player):
            engine.queue(HitInput(hit.song_time + shift_s[player], hit.piece, hit.velocity, player))
    for step in range(0, 1700):
        engine.update(step / 100)
        levels.append(engine.sync.level)
    engine.finish()
    return engine, levels


def test_the_pairs_are_the_shared_chords_and_the_handovers():
    engine = DuetEngine(CHART, EngineParams(), SplitStrategy.PHRASES)
    pairs = shared_pairs(engine.notes, engine.owners)
    chord_pairs = [p for p in pairs if engine.notes[p.first].time_s == engine.notes[p.second].time_s]
    assert len(chord_pairs) == 16
    handovers = sorted(
        (engine.notes[p.first].time_s, engine.notes[p.second].time_s) for p in pairs if p not in chord_pairs
    )
    # together -> P1 (P2's last kick, P1's first snare), P1 -> P2, P2 -> together (P1 comes back in)
    assert handovers == [(4.0, 3.5), (7.5, 8.0), (12.0, 11.5)]  # (player 1 note, player 2 note)


def test_in_sync_the_meter_fills_and_the_figure_is_full():
    engine, levels = duet()
    assert engine.sync.figure == 100.0
    assert levels[-1] > 0.99 > START_LEVEL
    assert engine.team_json()["later_player"] is None
    assert engine.team_json()["offset_ms"]["median"] == 0.0


def test_both_early_by_the_same_amount_is_still_in_sync():
    engine, _ = duet(shift_s=(-0.020, -0.020))
    assert engine.sync.figure == 100.0


def test_one_player_forty_ms_late_drags_the_meter_down():
    engine, levels = duet(shift_s=(0.0, 0.040))
    expected = pair_score(0.040)
    assert 0 < expected < 0.25
    assert engine.sync.figure == pytest.approx(100 * expected)
    assert levels[-1] == pytest.approx(expected, abs=0.01) and levels[-1] < START_LEVEL
    team = engine.team_json()
    assert team["later_player"] == 2 and team["offset_ms"]["median"] == pytest.approx(40.0)
    # 40 ms late is still a GREAT: player 2's own accuracy stays high, only the team's sync suffers
    assert all(r.full_combo for r in engine.results())


def test_missing_a_phrase_drops_the_meter_and_playing_together_again_restores_it():
    engine, levels = duet(skip=lambda player, n: player == 1 and n.piece is P.TOM_HIGH)
    before, after_turn, end = levels[790], levels[1210], levels[-1]  # 7.9 s, 12.1 s, 17 s
    assert after_turn < before - 0.3
    assert end > after_turn + 0.3
    assert engine.sync.figure < 100.0
    assert engine.results()[1].judgements["miss"] == 8 and engine.results()[0].full_combo


def test_pair_score_edges():
    assert pair_score(0.0) == pair_score(TIGHT_S) == pair_score(-TIGHT_S) == 1.0
    assert pair_score(LOOSE_S) == pair_score(-0.2) == pair_score(None) == 0.0
    assert pair_score((TIGHT_S + LOOSE_S) / 2) == pytest.approx(0.5)
