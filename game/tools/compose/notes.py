"""Pitched notes of the backing arrangement, before they become MIDI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MNote:
    tick: int
    length: int  # ticks
    pitch: int  # MIDI note number
    velocity: int  # 1..127


@dataclass(frozen=True, slots=True)
class Step:
    """One onset of a rhythm pattern: where it starts, how long it lasts, how hard."""

    tick: int
    length: int
    accent: bool


def rhythm_steps(pattern: str, start: int, span: int, gate: float = 1.0) -> list[Step]:
    """Onsets of a pattern string over [start, start + span): `x`/`X` start a note, `-` holds it."""
    cells = "".join(ch for ch in pattern if ch not in " |")
    if not cells or span % len(cells):
        raise ValueError(f"{len(cells)} steps do not divide {span} ticks")
    step = span // len(cells)
    found: list[Step] = []
    for index, cell in enumerate(cells):
        if cell in "xX":
            found.append(Step(start + index * step, max(int(step * gate), 1), cell == "X"))
        elif cell == "-" and found:
            last = found[-1]
            found[-1] = Step(last.tick, start + (index + 1) * step - last.tick, last.accent)
        elif cell not in ".-":
            raise ValueError(f"unknown rhythm symbol {cell!r}")
    return found
