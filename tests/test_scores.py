"""Score storage: bests, history, schema version, damaged and locked databases."""

import sqlite3
from dataclasses import replace

import pytest

from game.chart.model import Difficulty
from game.engine.result import Result
from game.persistence.paths import GamePaths
from game.persistence.scores import SCHEMA_VERSION, PlayMode, PlayRecord, ScoreStore, ScoreStoreError

EXPERT, HARD = Difficulty.EXPERT, Difficulty.HARD


@pytest.fixture
def path(tmp_path):
    return GamePaths.under(tmp_path).scores_file


@pytest.fixture
def store(path):
    with ScoreStore(path) as opened:
        yield opened


def play(score: int, song: str = "song-a", difficulty: Difficulty = EXPERT, layout: str = "four_lane", **kw):
    values = {
        "song_id": song,
        "title": "Title",
        "artist": "Artist",
        "difficulty": difficulty,
        "layout": layout,
        "score": score,
        "accuracy": 90.0,
        "grade": "A",
        "max_combo": 120,
        "full_combo": False,
        "judgements": {"perfect": 100, "great": 10, "good": 5, "miss": 2, "overhit": 1},
        "mean_error_ms": -3.5,
        "median_error_ms": -2.0,
        "played_at": f"2025-01-01T12:00:{score % 60:02d}+00:00",
    }
    return PlayRecord(**{**values, **kw})


def test_a_play_round_trips_through_the_database(path):
    first = play(1000, full_combo=True, mode=PlayMode.DUET, player=2, mean_error_ms=None, median_error_ms=None)
    with ScoreStore(path) as store:
        store.record(first)
    with ScoreStore(path) as store:
        assert store.last_play() == first
        assert store.notice is None


def test_new_best_detection(store):
    assert store.record(play(1000)) is True  # the first play is always a best
    assert store.record(play(900)) is False
    assert store.record(play(1000)) is False  # a tie keeps the earlier play
    assert store.record(play(1000, accuracy=95.0)) is True  # accuracy breaks a tie
    assert store.record(play(1500, played_at="later")) is True
    assert store.best("song-a", EXPERT, "four_lane") == play(1500, played_at="later")


def test_bests_are_kept_per_song_difficulty_and_layout(store):
    store.record(play(1000))
    store.record(play(300, difficulty=HARD))
    store.record(play(200, layout="kit"))
    store.record(play(5000, song="song-b"))
    assert store.best("song-a", EXPERT, "four_lane").score == 1000
    assert store.best("song-a", HARD, "four_lane").score == 300
    assert store.best("song-a", EXPERT, "kit").score == 200
    assert store.best("song-a", HARD, "kit") is None
    assert store.best("missing", EXPERT, "four_lane") is None
    bests = store.bests_for("song-a")
    assert {key: record.score for key, record in bests.items()} == {
        (EXPERT, "four_lane"): 1000,
        (HARD, "four_lane"): 300,
        (EXPERT, "kit"): 200,
    }
    assert store.bests_for("missing") == {}


def test_history_is_newest_first_and_limited(store):
    for score in (10, 30, 20, 40):
        store.record(play(score))
    store.record(play(99, song="song-b"))
    assert [p.score for p in store.history("song-a")] == [40, 20, 30, 10]
    assert [p.score for p in store.history("song-a", limit=2)] == [40, 20]
    assert store.last_play().song_id == "song-b"


def test_an_empty_store_has_no_last_play(store):
    assert store.last_play() is None
    assert store.history("song-a") == []


def test_schema_version_and_wal_mode_are_set(store, path):
    assert store.schema_version() == SCHEMA_VERSION == 1
    with sqlite3.connect(path) as other:
        assert other.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_record_from_a_result_summarises_hit_errors():
    result = Result(
        score=12345, accuracy=97.5, grade="S", notes=4, max_combo=4, full_combo=True,
        judgements={"perfect": 3, "great": 1, "good": 0, "miss": 0, "overhit": 0},
        hit_errors_ms=(-10.0, 2.0, 4.0, 20.0), early=1, late=3, per_piece={}, dynamics={},
        fever_activations=0, fever_phrases_completed=0, late_inputs=0,
    )  # fmt: skip
    record = PlayRecord.from_result(
        result, song_id="abc", title="T", artist="A", difficulty=HARD, layout="kit", played_at="2025-02-03T04:05:06Z"
    )
    assert (record.score, record.grade, record.full_combo, record.max_combo) == (12345, "S", True, 4)
    assert record.judgements == result.judgements
    assert (record.mean_error_ms, record.median_error_ms) == (4.0, 3.0)
    assert (record.mode, record.player) == (PlayMode.SOLO, 1)
    empty = PlayRecord.from_result(
        replace(result, hit_errors_ms=()), song_id="abc", title="T", artist="A", difficulty=HARD, layout="kit",
        played_at="x",
    )  # fmt: skip
    assert empty.mean_error_ms is None and empty.median_error_ms is None


def _assert_set_aside(path, store, content):
    backup = path.with_name("scores.sqlite3.corrupt-1")
    assert store.notice is not None and str(backup) in store.notice
    assert backup.read_bytes() == content
    assert store.record(play(100)) is True  # the fresh database works
    assert store.schema_version() == SCHEMA_VERSION


def test_a_file_that_is_not_a_database_is_moved_aside(path):
    path.parent.mkdir(parents=True)
    content = b"these are not the scores you are looking for\n" * 200
    path.write_bytes(content)
    with ScoreStore(path) as store:
        _assert_set_aside(path, store, content)
    with ScoreStore(path) as store:
        assert store.notice is None
        assert store.last_play().score == 100


def test_a_database_with_damaged_pages_is_moved_aside(path):
    with ScoreStore(path) as store:
        for score in range(300):
            store.record(play(score, title="x" * 200))
    content = bytearray(path.read_bytes())
    content[4096:] = b"\xa5" * (len(content) - 4096)  # keep the header page, wreck the rest
    path.write_bytes(bytes(content))
    with ScoreStore(path) as store:
        _assert_set_aside(path, store, bytes(content))


def test_another_programs_database_is_moved_aside_not_reused(path):
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE plays (something TEXT)")
    other.close()
    content = path.read_bytes()
    with ScoreStore(path) as store:
        assert store.notice is not None and "not a scores database" in store.notice
        _assert_set_aside(path, store, content)


def test_a_stale_wal_moves_aside_with_its_database(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 100)
    wal = path.with_name("scores.sqlite3-wal")
    wal.write_bytes(b"old wal")
    with ScoreStore(path) as store:
        assert path.with_name("scores.sqlite3.corrupt-1-wal").read_bytes() == b"old wal"
        assert store.record(play(1)) is True


def test_a_database_from_a_newer_game_is_refused_untouched(path):
    with ScoreStore(path) as store:
        store.record(play(1))
    with sqlite3.connect(path) as other:
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    other.close()
    before = path.read_bytes()
    with pytest.raises(ScoreStoreError, match="newer"):
        ScoreStore(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if "corrupt" in p.name) == []


def test_a_locked_database_raises_a_clear_error_and_recovers(path):
    with ScoreStore(path, busy_timeout_s=0.05) as store:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(ScoreStoreError, match="locked by another program"):
            store.record(play(1))
        other.execute("ROLLBACK")
        other.close()
        assert store.record(play(1)) is True


def test_an_empty_file_is_migrated_in_place_without_a_notice(path):
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    with ScoreStore(path) as store:
        assert store.notice is None
        assert store.schema_version() == SCHEMA_VERSION


def test_a_path_that_cannot_be_a_database_raises_score_store_error(path):
    path.mkdir(parents=True)  # a directory where the file should be
    with pytest.raises(ScoreStoreError, match="could not open scores"):
        ScoreStore(path)


def test_a_row_this_version_cannot_read_raises_score_store_error(store, path):
    store.record(play(1))
    with sqlite3.connect(path) as other:
        other.execute("UPDATE plays SET mode = 'battle_royale'")
    other.close()
    with pytest.raises(ScoreStoreError, match="unreadable score row"):
        store.last_play()
