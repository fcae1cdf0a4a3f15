"""Two players on one keyboard: the default key set of each half, and the rules for storing them.

Player 1 sits on the left and plays the left half (Q..T, A..G, Z..B, left Ctrl), player 2 on the
right (Y..P, H..;, N../, right Ctrl). Both halves have the same shape, the kit seen from the
drum stool: cymbals on the upper letter row (left crash, open hat, hat, ride, crash), drums on the
home row (pedal hi-hat, two snare keys for rolls, high and mid tom), floor tom below the mid tom,
and the kick twice: on the letter next to the middle (under the inner thumb: V, N) and on the
outer Ctrl (under the pinky; modifier keys are wired outside the letter matrix on most keyboards,
so a kick there is never lost to ghosting). Shift is avoided (five presses open Windows' Sticky
Keys prompt), and so are Alt (AltGr sends a fake left Ctrl on Windows), Space (both inner thumbs
reach it) and every menu key (arrows, Enter, Escape, Backspace, Tab, F11, Pause).

Stored as `input.couch_bindings`: side ("p1", "p2"; persisted, do not rename) -> layout -> key name
-> piece. A key plays for one player only: when a file binds a key on both sides, player 1 keeps
it and player 2's copy is dropped (named in the load notice); the key resolver applies the same
rule to the fallback defaults of an emptied layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from game.chart.layout import LAYOUTS, layout_named
from game.chart.piece import KitPiece as P

COUCH_SIDES = ("p1", "p2")  # persisted side names: do not rename

_HALVES: tuple[tuple[tuple[str, P], ...], ...] = (
    (
        ("left ctrl", P.KICK),
        ("v", P.KICK),
        ("s", P.SNARE),
        ("d", P.SNARE),
        ("a", P.HIHAT_PEDAL),
        ("f", P.TOM_HIGH),
        ("g", P.TOM_MID),
        ("b", P.TOM_FLOOR),
        ("q", P.CRASH_LEFT),
        ("w", P.HIHAT_OPEN),
        ("e", P.HIHAT),
        ("r", P.RIDE),
        ("t", P.CRASH),
    ),
    (
        ("right ctrl", P.KICK),
        ("n", P.KICK),
        ("j", P.SNARE),
        ("k", P.SNARE),
        ("h", P.HIHAT_PEDAL),
        ("l", P.TOM_HIGH),
        (";", P.TOM_MID),
        ("/", P.TOM_FLOOR),
        ("y", P.CRASH_LEFT),
        ("u", P.HIHAT_OPEN),
        ("i", P.HIHAT),
        ("o", P.RIDE),
        ("p", P.CRASH),
    ),
)

CouchBindings = dict[str, dict[str, dict[str, P]]]  # side -> layout -> key name -> piece


def default_couch_bindings(side: int, layout_name: str) -> dict[str, P]:
    """Player `side`'s (0 or 1) default keys for every piece the layout plays; ValueError for an
    unknown layout."""
    layout = layout_named(layout_name)
    return {key: piece for key, piece in _HALVES[side] if layout.plays(piece)}


def all_default_couch_bindings() -> CouchBindings:
    return {
        name: {layout: default_couch_bindings(side, layout) for layout in LAYOUTS}
        for side, name in enumerate(COUCH_SIDES)
    }


def parse_couch_bindings(
    raw: Any, parse_layout: Callable[[Any], dict[str, P]]
) -> tuple[CouchBindings, tuple[str, ...]]:
    """Loaded couch bindings and the dotted names of what was reset or dropped.

    Like the single-player bindings, a bad layout falls back to its defaults alone and missing
    sides or layouts take theirs; then player 2's keys that player 1 also binds are dropped.
    """
    if not isinstance(raw, dict):
        raise TypeError("expected an object of side -> layout -> bindings")
    result, bad = all_default_couch_bindings(), []
    for side in COUCH_SIDES:
        layouts = raw.get(side, {})
        if not isinstance(layouts, dict):
            bad.append(side)
            continue
        for layout in LAYOUTS:
            if layout in layouts:
                try:
                    result[side][layout] = parse_layout(layouts[layout])
                except (TypeError, ValueError):
                    bad.append(f"{side}.{layout}")
    bad.extend(_drop_shared_keys(result))
    return result, tuple(bad)


def _drop_shared_keys(bindings: CouchBindings) -> list[str]:
    """Removes from player 2's sets every key player 1 binds; returns the dropped entries' names."""
    first = {key for keys in bindings[COUCH_SIDES[0]].values() for key in keys}
    dropped = []
    second = COUCH_SIDES[1]
    for layout, keys in bindings[second].items():
        shared = first.intersection(keys)
        dropped.extend(f"{second}.{layout}.{key}" for key in sorted(shared))
        bindings[second][layout] = {key: piece for key, piece in keys.items() if key not in shared}
    return dropped


def without_keys(bindings: Mapping[str, Mapping[str, P]], keys: set[str]) -> dict[str, dict[str, P]]:
    """Every layout's set with `keys` taken out (a key moving to the other player)."""
    return {layout: {k: p for k, p in keyset.items() if k not in keys} for layout, keyset in bindings.items()}
