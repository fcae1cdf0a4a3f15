"""Checks for settings values: each settings field names one in its metadata (`checked_by`), and
loading a group runs them (`parse_group`).

A check returns the converted value or raises TypeError/ValueError; a value that fails is replaced
by the field's default (never clamped) and named. A container check may instead drop or reset bad
entries and return them as `Salvaged`, so one bad key binding does not cost all the others.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from game.chart.model import Difficulty

Check = Callable[[Any], Any]  # returns the converted value; raises TypeError/ValueError if unusable
CHECK = "check"


@dataclass(frozen=True, slots=True)
class Salvaged:
    """A container from which bad entries were dropped or reset; `bad` names them."""

    value: Any
    bad: tuple[str, ...]


def a_number(lo: float, hi: float, kind: type = float) -> Check:
    def check(raw: Any) -> Any:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise TypeError(f"expected a number, got {type(raw).__name__}")
        if not (math.isfinite(raw) and lo <= raw <= hi):
            raise ValueError(f"{raw} is outside {lo}..{hi}")
        if kind is int and raw != int(raw):
            raise ValueError(f"{raw} is not a whole number")
        return kind(raw)

    return check


def one_of(*choices: Any) -> Check:
    def check(raw: Any) -> Any:
        if isinstance(raw, bool) or raw not in choices:
            raise ValueError(f"{raw!r} is not one of {choices}")
        return choices[choices.index(raw)]

    return check


def a_flag(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise TypeError(f"expected true or false, got {type(raw).__name__}")
    return raw


def a_text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError(f"expected text, got {type(raw).__name__}")
    return raw


def a_difficulty(raw: Any) -> Difficulty:
    return Difficulty(a_text(raw))


def a_window_size(raw: Any) -> tuple[int, int]:
    if not isinstance(raw, list | tuple) or len(raw) != 2:
        raise TypeError("expected [width, height]")
    return a_number(320, 16384, int)(raw[0]), a_number(240, 16384, int)(raw[1])


def checked_by(check: Check) -> dict[str, Check]:
    """Field metadata naming the check a loaded or replaced value must pass."""
    return {CHECK: check}


def parse_group(kind: type, raw: Any, prefix: str, bad: list[str]) -> Any:
    if raw is None:
        return kind()
    if not isinstance(raw, dict):
        bad.append(prefix)
        return kind()
    values = {}
    for spec in fields(kind):
        if spec.name not in raw:
            continue
        path = f"{prefix}.{spec.name}"
        try:
            value = spec.metadata[CHECK](raw[spec.name])
        except (TypeError, ValueError):
            bad.append(path)
            continue
        if isinstance(value, Salvaged):
            bad.extend(f"{path}.{name}" for name in value.bad)
            value = value.value
        values[spec.name] = value
    return kind(**values)
