"""Replays: saved inputs plus parameters give the identical result, and bad files fail cleanly."""

import json
import random

import pytest

from game.chart.piece import KitPiece as P
from game.engine.hit import FeverInput, HitInput
from game.engine.params import EngineParams
from game.engine.replay import Replay, ReplayError, replay_of
from game.engine.simulate import simulate
from game.persistence.replay_file import load_replay, save_replay
from tests.charts import chart_of, note


def _sloppy_play():
    rng = random.Random(7)
    notes = [note(1 + i * 0.125, rng.choice([P.SNARE, P.KICK, P.HIHAT])) for i in range(200)]
    hits = [HitInput(n.time_s + rng.gauss(0, 0.03), n.piece, rng.randint(1, 127)) for n in notes if rng.random() < 0.95]
    return chart_of(notes), [*hits, FeverInput(3.0)]


def test_a_saved_replay_reproduces_the_result_exactly(tmp_path):
    chart, inputs = _sloppy_play()
    params = EngineParams(timing_scale=0.8, strict_hihat=True)
    original = simulate(chart, params, inputs)
    path = tmp_path / "replays" / "run.replay.json"
    save_replay(path, replay_of(params, inputs, "abc:expert", "Song"))
    loaded = load_replay(path)
    assert loaded.params == params and loaded.inputs == tuple(inputs)
    assert simulate(chart, loaded.params, loaded.inputs) == original
    assert original.judgements["miss"] > 0 and original.judgements["great"] > 0  # a non-trivial play


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe garbage",
        b"[1, 2]",
        b'{"format": "other"}',
        b'{"format": "drumstick-replay", "version": 99}',
        b'{"format": "drumstick-replay", "version": 1, "params": {}, "inputs": [[1.0, "cowbell", 100, 0]]}',
        b'{"format": "drumstick-replay", "version": 1, "params": {}, "inputs": [[1.0]]}',
        b'{"format": "drumstick-replay", "version": 1, "params": {"timing_scale": -1}, "inputs": []}',
        b'{"format": "drumstick-replay", "version": 1, "params": {}, "inputs": [["nan", "snare", 1, 0]]}',
    ],
)
def test_broken_replay_files_raise_one_clear_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ReplayError) as caught:
        load_replay(path)
    assert str(path) in str(caught.value)


def test_missing_replay_file_is_a_replay_error(tmp_path):
    with pytest.raises(ReplayError, match="cannot read"):
        load_replay(tmp_path / "nope.json")


def test_replay_document_is_compact_rows():
    replay = replay_of(EngineParams(), [HitInput(1.5, P.SNARE, 80, 1), FeverInput(2.0)])
    document = json.loads(json.dumps(replay.to_dict()))
    assert document["inputs"] == [[1.5, "snare", 80, 1], [2.0, "fever", 0, 0]]
    assert Replay.from_dict(document) == replay
