"""Atomic writes: the target is replaced whole or not at all."""

import os

import pytest

from game.persistence.atomic import write_atomic, write_text_atomic


def test_write_replaces_the_whole_file_and_leaves_no_temporaries(tmp_path):
    target = tmp_path / "deep" / "settings.json"
    write_text_atomic(target, "first version, long long long")
    write_text_atomic(target, "second")
    assert target.read_text() == "second"
    assert os.listdir(target.parent) == ["settings.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "scores.db"
    write_atomic(target, b"old")

    def refuse(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["scores.db"]
