"""Replay files: a replay document as compact JSON, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from game.engine.replay import Replay, ReplayError
from game.persistence.atomic import write_text_atomic

MAX_REPLAY_BYTES = 64 * 1024 * 1024  # far above any real song; refuses to load absurd files whole


def save_replay(path: Path, replay: Replay) -> None:
    write_text_atomic(path, json.dumps(replay.to_dict(), separators=(",", ":")) + "\n")


def load_replay(path: Path) -> Replay:
    """Raises ReplayError naming the file for anything unreadable."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_REPLAY_BYTES:
            raise ReplayError(f"{path}: file too large to be a replay")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ReplayError(f"{path}: cannot read replay: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ReplayError(f"{path}: not a replay file (invalid JSON)") from None
    try:
        return Replay.from_dict(data)
    except ReplayError as error:
        raise ReplayError(f"{path}: {error}") from None
