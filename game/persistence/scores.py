"""Play history and best scores, in one SQLite file.

Invariants:
- Persistence never reads a clock: `played_at` is an ISO-8601 string the caller passes in. Order
  ("newest first") is insertion order, so a wall clock set backwards cannot reorder history.
- Nothing is ever deleted. A file SQLite cannot use (not a database, corrupt, or some other program's
  database) is kept aside as `scores.sqlite3.corrupt-<n>` together with its -wal/-shm companions (a
  stale WAL left beside a fresh database would be replayed into it), a fresh database starts, and
  `notice` says so in one line. A file without SQLite's header is judged before SQLite opens it (it
  deletes the companions of a file it cannot read on close), and the checks on a file that might be
  set aside only read, so the backup holds the original bytes.
- The schema version is `PRAGMA user_version`. `_MIGRATIONS[n]` takes version n to n + 1 inside one
  transaction, so a crash mid-migration leaves the old version intact. A database from a newer game is
  refused (ScoreStoreError), never downgraded.
- One best per (song id, difficulty, layout): the highest score, accuracy breaking ties; an equal play
  does not displace the earlier one. `bests` rows point at `plays` rows, so a best is always a real play.
- WAL mode, so a results-screen write does not block a song-select read. A lock held by another
  process is retried by SQLite's busy handler for `busy_timeout_s`, then ScoreStoreError. Writes take
  the write lock up front (BEGIN IMMEDIATE): a deferred transaction upgrading its lock would get
  SQLITE_BUSY at once, without the retry.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any

from game.chart.model import Difficulty
from game.engine.result import Result
from game.persistence.paths import keep_aside, preserve_as

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_BUSY_TIMEOUT_S = 2.0


class ScoreStoreError(Exception):
    """The scores database cannot be used right now (locked, unwritable, from a newer game)."""


class PlayMode(StrEnum):
    """Persisted: do not rename."""

    SOLO = "solo"
    DUET = "duet"  # two players on one kit, taking turns at the chart's versus phrases


@dataclass(frozen=True, slots=True)
class PlayRecord:
    song_id: str  # the caller's stable id for the chart, e.g. a fingerprint
    title: str
    artist: str
    difficulty: Difficulty
    layout: str  # the lane layout actually played (resolved, never "")
    score: int
    accuracy: float  # percent
    grade: str
    max_combo: int
    full_combo: bool
    judgements: dict[str, int]  # judgement value -> count
    mean_error_ms: float | None  # signed, negative = early; None without hits
    median_error_ms: float | None
    played_at: str  # ISO 8601, from the caller's clock
    mode: PlayMode = PlayMode.SOLO
    player: int = 1  # 1 or 2 in two-player modes

    @classmethod
    def from_result(
        cls,
        result: Result,
        *,
        song_id: str,
        title: str,
        artist: str,
        difficulty: Difficulty,
        layout: str,
        played_at: str,
        mode: PlayMode = PlayMode.SOLO,
        player: int = 1,
    ) -> PlayRecord:
        errors = result.hit_errors_ms
        return cls(
            song_id=song_id,
            title=title,
            artist=artist,
            difficulty=difficulty,
            layout=layout,
            score=result.score,
            accuracy=result.accuracy,
            grade=result.grade,
            max_combo=result.max_combo,
            full_combo=result.full_combo,
            judgements=dict(result.judgements),
            mean_error_ms=statistics.fmean(errors) if errors else None,
            median_error_ms=statistics.median(errors) if errors else None,
            played_at=played_at,
            mode=mode,
            player=player,
        )

    def beats(self, other: PlayRecord) -> bool:
        return (self.score, self.accuracy) > (other.score, other.accuracy)


_COLUMNS = tuple(f.name for f in fields(PlayRecord))  # `plays` columns carry the field names

_SCHEMA_V1 = (
    """CREATE TABLE plays (
        id INTEGER PRIMARY KEY,
        song_id TEXT NOT NULL, title TEXT NOT NULL, artist TEXT NOT NULL,
        difficulty TEXT NOT NULL, layout TEXT NOT NULL,
        score INTEGER NOT NULL, accuracy REAL NOT NULL, grade TEXT NOT NULL,
        max_combo INTEGER NOT NULL, full_combo INTEGER NOT NULL,
        judgements TEXT NOT NULL,  -- JSON object: judgement -> count
        mean_error_ms REAL, median_error_ms REAL,
        played_at TEXT NOT NULL,
        mode TEXT NOT NULL DEFAULT 'solo', player INTEGER NOT NULL DEFAULT 1)""",
    "CREATE INDEX plays_by_song ON plays (song_id, id)",
    """CREATE TABLE bests (
        song_id TEXT NOT NULL, difficulty TEXT NOT NULL, layout TEXT NOT NULL,
        play_id INTEGER NOT NULL REFERENCES plays (id),
        PRIMARY KEY (song_id, difficulty, layout))""",
)
_MIGRATIONS: dict[int, tuple[str, ...]] = {0: _SCHEMA_V1}  # from version n to n + 1

_SQLITE_MAGIC = b"SQLite format 3\x00"
_BEST_SELECT = "SELECT plays.* FROM bests JOIN plays ON plays.id = bests.play_id WHERE bests.song_id = ?"


class _Unusable(Exception):
    """The file is not a usable scores database; the message says why, for the notice."""


def _code(error: sqlite3.Error) -> int:
    return getattr(error, "sqlite_errorcode", 0) & 0xFF  # primary code; extended codes add high bits


def _is_busy(error: sqlite3.Error) -> bool:
    return _code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


@contextmanager
def _guard(action: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        if _is_busy(error):
            raise ScoreStoreError(f"could not {action}: the scores database is locked by another program") from error
        raise ScoreStoreError(f"could not {action}: {error}") from error
    except (ValueError, KeyError) as error:  # a row this version cannot read (e.g. a newer game's mode)
        raise ScoreStoreError(f"could not {action}: unreadable score row ({error})") from error


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _to_row(play: PlayRecord) -> tuple[Any, ...]:
    values = {name: getattr(play, name) for name in _COLUMNS}
    values["judgements"] = json.dumps(play.judgements, sort_keys=True)
    values["full_combo"] = int(play.full_combo)
    return tuple(values[name] for name in _COLUMNS)


def _from_row(row: sqlite3.Row) -> PlayRecord:
    values = {name: row[name] for name in _COLUMNS}
    values["difficulty"] = Difficulty(values["difficulty"])
    values["full_combo"] = bool(values["full_combo"])
    values["judgements"] = json.loads(values["judgements"])
    values["mode"] = PlayMode(values["mode"])
    return PlayRecord(**values)


def _has_sqlite_header(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except FileNotFoundError:
        return True
    return head in (b"", _SQLITE_MAGIC)  # SQLite treats an empty file as a new database


def _check_usable(conn: sqlite3.Connection) -> None:
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if _code(error) in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            raise _Unusable("corrupt") from error
        raise
    if check != "ok":
        raise _Unusable("corrupt")
    if version == 0 and tables:
        raise _Unusable("not a scores database")
    if version > SCHEMA_VERSION:
        raise ScoreStoreError(f"the scores database has schema {version}, newer than this game's")


def _migrate(conn: sqlite3.Connection) -> None:
    while True:
        with _transaction(conn):  # re-read under the write lock: another process may have migrated
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version == SCHEMA_VERSION:
                return
            if version > SCHEMA_VERSION:
                raise ScoreStoreError(f"the scores database has schema {version}, newer than this game's")
            for statement in _MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        log.info("scores database migrated to schema %d", version + 1)


class ScoreStore:
    def __init__(self, path: Path, busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S):
        """Opens (creating, migrating or replacing a damaged file as needed); ScoreStoreError if it cannot."""
        self.path = Path(path)
        self.notice: str | None = None  # one line for the player when the file had to be set aside
        self._busy_timeout_s = busy_timeout_s
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open_or_replace()
        except OSError as error:
            raise ScoreStoreError(f"could not open scores: {error}") from error

    def _open_or_replace(self) -> sqlite3.Connection:
        try:
            return self._open()
        except _Unusable as problem:
            backup = self._set_aside()
            self.notice = f"scores file was {problem}; moved to {backup} and a new one started"
            log.warning("%s", self.notice)
        return self._open()

    def _open(self) -> sqlite3.Connection:
        if not _has_sqlite_header(self.path):
            raise _Unusable("not a database")  # decided before SQLite opens it and tidies its companions
        with _guard("open scores"):
            conn = sqlite3.connect(self.path, timeout=self._busy_timeout_s, isolation_level=None)
        conn.row_factory = sqlite3.Row
        try:
            with _guard("open scores"):
                _check_usable(conn)  # read-only checks first: a file set aside must keep its bytes
                conn.execute("PRAGMA journal_mode = WAL")
                _migrate(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self) -> Path:
        try:
            backup = keep_aside(self.path, "corrupt")
            for suffix in ("-wal", "-shm"):  # companions first: a stale WAL must never meet a fresh database
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    preserve_as(companion, backup.with_name(backup.name + suffix))
                    companion.unlink()
            self.path.unlink()
        except OSError as error:
            raise ScoreStoreError(f"the scores file is damaged and could not be moved aside: {error}") from error
        return backup

    def record(self, play: PlayRecord) -> bool:
        """Adds a play to the history; True if it is the new best for its song, difficulty and layout."""
        placeholders = ", ".join("?" * len(_COLUMNS))
        with _guard("save the score"), _transaction(self._conn):
            cursor = self._conn.execute(
                f"INSERT INTO plays ({', '.join(_COLUMNS)}) VALUES ({placeholders})", _to_row(play)
            )
            current = self._best(play.song_id, play.difficulty, play.layout)
            if current is not None and not play.beats(current):
                return False
            self._conn.execute(
                "INSERT OR REPLACE INTO bests (song_id, difficulty, layout, play_id) VALUES (?, ?, ?, ?)",
                (play.song_id, play.difficulty.value, play.layout, cursor.lastrowid),
            )
        return True

    def best(self, song_id: str, difficulty: Difficulty, layout: str) -> PlayRecord | None:
        return self._best(song_id, difficulty, layout)

    def _best(self, song_id: str, difficulty: Difficulty, layout: str) -> PlayRecord | None:
        sql = f"{_BEST_SELECT} AND bests.difficulty = ? AND bests.layout = ?"
        found = self._select(sql, (song_id, Difficulty(difficulty).value, layout))
        return found[0] if found else None

    def bests_for(self, song_id: str) -> dict[tuple[Difficulty, str], PlayRecord]:
        """(difficulty, layout) -> best play, for every combination played on this song."""
        return {(play.difficulty, play.layout): play for play in self._select(_BEST_SELECT, (song_id,))}

    def history(self, song_id: str, limit: int = 50) -> list[PlayRecord]:
        """This song's plays, newest first."""
        return self._select("SELECT * FROM plays WHERE song_id = ? ORDER BY id DESC LIMIT ?", (song_id, limit))

    def last_play(self) -> PlayRecord | None:
        found = self._select("SELECT * FROM plays ORDER BY id DESC LIMIT 1", ())
        return found[0] if found else None

    def _select(self, sql: str, params: tuple[Any, ...]) -> list[PlayRecord]:
        with _guard("read scores"):
            return [_from_row(row) for row in self._conn.execute(sql, params).fetchall()]

    def schema_version(self) -> int:
        with _guard("read scores"):
            return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ScoreStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
