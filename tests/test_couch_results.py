"""The two-player results: the words built from the report (sync word, who played behind whom,
the winner), both players' cards in their colours and sides, retry with the same setup, and no
couch play in the single-player best-score table. Outcomes come from the real engines fed autoplay
hits with made-up timing errors (`made_up_outcome`: player 1 early and tight, player 2 late)."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pygame
import pytest

from benchmarks.couch_gallery import made_up_outcome
from game.chart.model import Difficulty
from game.engine.couch import CouchMode
from game.engine.split import SplitStrategy
from game.input.raw import MenuAction as A
from game.persistence.scores import ScoreStore
from game.persistence.settings import Settings
from game.render.theme import PLAYER_COLOURS, Theme
from game.scenes.base import Scene, SceneStack
from game.scenes.couch_results import CouchResultsScene, offset_text, sync_word, winner_text
from game.scenes.couch_setup import CouchSetup
from game.scenes.services import Services
from game.scenes.song_select import SongSelectScene
from game.scenes.title import TitleScene
from tests.couch_scenes import duet_song

T0 = 100.0
PARAMS = Settings().gameplay.engine_params


@pytest.fixture
def song():
    return duet_song()


@pytest.fixture
def services(tmp_path: Path):
    pygame.init()
    theme = Theme()
    scores = ScoreStore(tmp_path / "scores.sqlite3")
    made = Services(theme, SceneStack(), Settings(), None, scores, None, None, (), lambda: "2024-05-01T12:00")
    yield made
    made.scenes.quit()
    scores.close()


DUET = CouchSetup(CouchMode.DUET, (PARAMS(Difficulty.EXPERT, "kit"),) * 2, SplitStrategy.PIECES, {"keyboard.p1": 0})
VERSUS = CouchSetup(
    CouchMode.VERSUS,
    (PARAMS(Difficulty.EXPERT, "four_lane_pro"), PARAMS(Difficulty.HARD, "four_lane")),
    player_1_left=False,
)


def results(services: Services, song, setup: CouchSetup) -> CouchResultsScene:
    scene = CouchResultsScene(services, made_up_outcome(song, setup))
    services.scenes.push(TitleScene(services), T0)
    services.scenes.push(scene, T0)
    return scene


def test_the_sync_figure_gets_a_word():
    assert sync_word(100.0) == sync_word(95.0) == "One heartbeat!"
    assert sync_word(94.9) == "In sync"
    assert sync_word(60.0) == "Loose" and sync_word(0.0) == "Out of step"


def test_the_offset_says_who_played_behind_whom():
    assert offset_text({"offset_ms": {"median": 12.4, "count": 9}, "later_player": 2}) == "P2 played 12 ms behind P1"
    assert offset_text({"offset_ms": {"median": -30.0, "count": 9}, "later_player": 1}) == "P1 played 30 ms behind P2"
    assert offset_text({"offset_ms": {"median": 1.0, "count": 9}, "later_player": None}) == "P1 and P2 hit together"
    assert offset_text({"offset_ms": {"median": None, "count": 0}, "later_player": None}).startswith("no shared")


def test_the_winner_by_normalised_score():
    assert winner_text({"winner": 1}) == "P1 WINS!" and winner_text({"winner": 2}) == "P2 WINS!"
    assert winner_text({"winner": None}) == "DRAW!"


def test_a_duet_shows_the_team_and_both_players(services: Services, song):
    scene = results(services, song, DUET)
    team = scene.outcome.report["team"]
    banner = scene.banner()
    assert banner.label == "TEAM SCORE" and banner.headline == f"{team['score']:,}"
    figures = {name: (value, remark) for name, value, remark in banner.figures}
    assert figures["SYNC"] == (f"{team['sync']:.0f}%", sync_word(team["sync"]))
    assert figures["TOGETHER"][0] == offset_text(team)
    assert team["later_player"] == 2 and figures["TOGETHER"][0].startswith("P2 played")  # player 2 plays late
    cards = scene.cards()
    assert [card.player for card in cards] == [0, 1]
    assert [card.result for card in cards] == list(scene.outcome.results)
    assert cards[0].subtitle == "Expert \u00b7 Full kit"
    assert sum(card.result.notes for card in cards) == sum(team["notes"])


def test_versus_names_the_winner_and_seats_the_cards_by_side(services: Services, song):
    scene = results(services, song, VERSUS)
    team = scene.outcome.report["team"]
    banner = scene.banner()
    assert team["winner"] == 1 and banner.headline == "P1 WINS!" and banner.colour == PLAYER_COLOURS[0]
    normalised = [value for name, value, _ in banner.figures if name.endswith("NORMALISED")]
    assert normalised == [f"{score:,}" for score in team["normalised"]]
    cards = scene.cards()
    assert [card.player for card in cards] == [1, 0]  # player 1 sat on the right
    assert ("NORMALISED", f"{team['normalised'][1]:,}") in cards[0].stats
    assert cards[0].windows == VERSUS.params[1].scaled_windows


def test_retry_plays_the_same_setup_again(services: Services, song, monkeypatch: pytest.MonkeyPatch):
    started: list = []

    class FakeCouchPlay(Scene):
        def __init__(self, services, song, setup):
            started.append((song, setup))

    monkeypatch.setitem(sys.modules, "game.scenes.couch_play", types.SimpleNamespace(CouchPlayScene=FakeCouchPlay))
    scene = results(services, song, VERSUS)
    scene.on_action(A.RETRY, T0)
    assert started == [(song, VERSUS)] and type(services.scenes.top).__name__ == "FakeCouchPlay"


def test_continue_returns_to_song_select_and_stores_no_best(services: Services, song):
    scene = results(services, song, DUET)
    scene.on_action(A.SELECT, T0)
    assert isinstance(services.scenes.top, SongSelectScene)
    assert services.scores is not None and services.scores.bests_for(scene.outcome.song_id) == {}


@pytest.mark.parametrize("size", [(1280, 720), (960, 540)])
def test_both_modes_draw(services: Services, song, size: tuple[int, int]):
    surface = pygame.Surface(size)
    for setup in (DUET, VERSUS):
        scene = results(services, song, setup)
        scene.draw(surface, T0 + 0.1)  # counting up
        scene.draw(surface, T0 + 5.0)
        services.notice("a notice")
        scene.draw(surface, T0 + 5.1)
