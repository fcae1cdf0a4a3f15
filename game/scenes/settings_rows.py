"""The settings screen's rows: what each shows and how LEFT/RIGHT change it.

A row changes settings only through `Settings.replace_in`, so every value passes the same checks
as a loaded file; the steps below stay inside those ranges, so a change never fails in practice.
Numbers move in fixed steps and stop at their ends; choices stop at their ends too (a cycling
buffer size would jump from 2048 to 256 on one press too many); on/off rows flip either way.

Rows whose meaning needs the scene (fullscreen switches the window, key rows wait for a key, the
key-set and key-layout rows are screen state, not settings) carry a `kind` the scene dispatches on.

Key rows edit one key set: the single player's, or one half of a keyboard two players share
(`KeySide`: None, 0 = player 1 on the left half, 1 = player 2 on the right half).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from game.chart.layout import LAYOUTS, LaneLayout
from game.chart.model import PIECE_ORDER
from game.chart.piece import KitPiece
from game.input.midi_map import PRESET_TITLES
from game.persistence.couch_keys import default_couch_bindings
from game.persistence.settings import OFFSET_RANGE_MS, Settings, default_bindings
from game.scenes.navigate import LAYOUT_LABELS

Change = Callable[[Settings, int], Settings]  # (settings, signed steps) -> changed settings
KeySide = int | None  # whose keys: None = one player; 0/1 = player 1's/2's half of a shared keyboard


class RowKind(Enum):
    VALUE = "value"  # a setting changed by `change`
    FULLSCREEN = "fullscreen"  # switches the window as well as the setting
    KEYS_SET = "keys_set"  # whose keys the rows below show: one player, or a couch half
    KEYS_LAYOUT = "keys_layout"  # which layout's keys the rows below show
    KEY = "key"  # the keys of one piece: SELECT waits for a key
    RESET_KEYS = "reset_keys"  # SELECT puts the layout's default keys back
    DRUM_KIT = "drum_kit"  # SELECT opens the drum kit screen (MIDI ports, note map, filters)


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    show: Callable[[Settings], str]
    change: Change | None = None
    hint: str = ""
    section: str = ""  # set on the first row of a section
    coarse: int = 1  # SELECT toggles steps of this many (1: no coarse mode)
    toggles: bool = False  # SELECT flips it (on/off rows)
    kind: RowKind = RowKind.VALUE
    piece: KitPiece | None = None


def _get(settings: Settings, group: str, name: str) -> Any:
    return getattr(getattr(settings, group), name)


def number_row(
    group: str,
    name: str,
    label: str,
    limits: tuple[float, float],
    step: float,
    fmt: Callable[[float], str],
    **extra: Any,
) -> Row:
    lo, hi = limits

    def change(settings: Settings, steps: int) -> Settings:
        value = round(min(max(_get(settings, group, name) + steps * step, lo), hi), 4)
        return settings.replace_in(group, **{name: value})

    return Row(label, lambda s: fmt(_get(s, group, name)), change, **extra)


def choice_row(group: str, name: str, label: str, options: Mapping[Any, str], **extra: Any) -> Row:
    """A value from `options` (value -> label, in menu order)."""
    values = list(options)

    def change(settings: Settings, steps: int) -> Settings:
        current = _get(settings, group, name)
        index = values.index(current) if current in values else 0
        return settings.replace_in(group, **{name: values[min(max(index + steps, 0), len(values) - 1)]})

    return Row(label, lambda s: options.get(_get(s, group, name), str(_get(s, group, name))), change, **extra)


def flag_row(group: str, name: str, label: str, **extra: Any) -> Row:
    def change(settings: Settings, steps: int) -> Settings:
        return settings.replace_in(group, **{name: not _get(settings, group, name)})

    return Row(label, lambda s: on_off(_get(s, group, name)), change, toggles=True, **extra)


def on_off(value: bool) -> str:
    return "On" if value else "Off"


def _ms(value: float) -> str:
    return f"{value:+.0f} ms"


def _percent(value: float) -> str:
    return f"{round(value * 100)} %"


def _offset(group: str, name: str, label: str, hint: str, **extra: Any) -> Row:
    full = f"{hint}   \u2190/\u2192: 1 ms   Enter: 10 ms steps"
    return number_row(group, name, label, OFFSET_RANGE_MS, 1.0, _ms, hint=full, coarse=10, **extra)


def _volume(name: str, label: str, **extra: Any) -> Row:
    return number_row("audio", name, label, (0.0, 1.0), 0.05, _percent, **extra)


BUFFER_LABELS = {n: f"{n} frames" for n in (256, 512, 1024, 2048)}
FRAME_CAP_LABELS = {60: "60 fps", 120: "120 fps", 144: "144 fps", 240: "240 fps", 0: "Unlimited"}
LAYOUT_NAMES = {name: label for name, (label, _) in LAYOUT_LABELS.items()}

# Every row that edits a plain setting, in screen order (the key rows follow them).
SETTING_ROWS: tuple[Row, ...] = (
    _offset("audio", "audio_offset_ms", "Audio offset", "How late the sound reaches you", section="Timing"),
    _offset("video", "video_offset_ms", "Video offset", "How late the picture reaches you"),
    _offset("input", "keyboard_offset_ms", "Keyboard offset", "How late key presses arrive"),
    _volume("music_volume", "Music volume", section="Audio"),
    _volume("drum_stem_volume", "Drum track volume", hint="The song's own drums, muted when you miss"),
    _volume("hit_sound_volume", "Hit sound volume"),
    flag_row("audio", "hit_sounds", "Hit sounds", hint="Turn off if the sound trails your stroke"),
    choice_row(
        "audio", "buffer_frames", "Audio buffer", BUFFER_LABELS, hint="Larger if it crackles; applies on restart"
    ),
    number_row("video", "note_speed", "Note speed", (0.5, 3.0), 0.1, lambda v: f"{v:.1f}x", section="Video"),
    choice_row("video", "frame_cap", "Frame cap", FRAME_CAP_LABELS),
    flag_row("video", "vsync", "VSync", hint="Smoother, but adds latency; applies on restart"),
    Row("Fullscreen", lambda s: on_off(s.video.fullscreen), toggles=True, kind=RowKind.FULLSCREEN, hint="F11"),
    choice_row("gameplay", "lane_layout", "Lane layout", LAYOUT_NAMES, section="Gameplay"),
    number_row(
        "gameplay",
        "timing_scale",
        "Timing windows",
        (0.5, 1.5),
        0.05,
        lambda v: f"{v:.2f}x",
        hint="Above 1 is more forgiving",
    ),
    flag_row("gameplay", "strict_hihat", "Strict hi-hat", hint="Open and closed hi-hat count as different notes"),
    flag_row("gameplay", "expert_plus", "Expert+ double kick", hint="Play the second-pedal kicks on Expert"),
    flag_row("gameplay", "lefty_flip", "Lefty flip", hint="Mirror the highway for a left-handed kit"),
)

DRUM_KIT_ROW = Row(
    "Drum kit",
    lambda s: PRESET_TITLES[s.midi.preset] if s.midi.ports else "MIDI off",
    section="Input",
    kind=RowKind.DRUM_KIT,
    hint="Enter: MIDI ports, note map, learn mode, trigger filters, test your kit",
)


def pieces_of(layout: LaneLayout) -> list[KitPiece]:
    """The pieces a layout plays, lane by lane (kit order inside a lane)."""
    return [piece for lane in layout.lanes for piece in sorted(lane.pieces, key=PIECE_ORDER.__getitem__)]


KEY_SIDES: tuple[KeySide, ...] = (None, 0, 1)
KEY_SIDE_LABELS: dict[KeySide, str] = {
    None: "One player",
    0: "2 players: player 1 (left half)",
    1: "2 players: player 2 (right half)",
}


def key_set(settings: Settings, side: KeySide, layout_name: str) -> dict[str, KitPiece]:
    """The keys `side` plays `layout_name` with (an emptied set gives the defaults)."""
    if side is None:
        return settings.input.bindings_for(layout_name)
    return settings.input.couch_bindings_for(side, layout_name)


def default_key_set(side: KeySide, layout_name: str) -> dict[str, KitPiece]:
    return default_bindings(layout_name) if side is None else default_couch_bindings(side, layout_name)


def with_key_set(settings: Settings, side: KeySide, layout_name: str, bindings: Mapping[str, str]) -> Settings:
    """Settings with one key set replaced; a couch half's keys leave the other half's sets."""
    if side is None:
        return settings.with_bindings(layout_name, bindings)
    return settings.with_couch_bindings(side, layout_name, bindings)


def key_rows(layout_name: str, piece_labels: Mapping[KitPiece, str], side: KeySide = None) -> list[Row]:
    """The key-set and key-layout choosers and one row per piece of that layout."""
    label, _ = LAYOUT_LABELS.get(layout_name, (layout_name, ""))
    rows = [
        Row(
            "Keys of",
            lambda s: KEY_SIDE_LABELS[side],
            section="Keys",
            kind=RowKind.KEYS_SET,
            hint="One player, or two players sharing the keyboard (left and right half)",
        ),
        Row("Keys for", lambda s: label, kind=RowKind.KEYS_LAYOUT, hint="Each lane layout has its own keys"),
    ]
    for piece in pieces_of(LAYOUTS[layout_name]):
        rows.append(
            Row(
                piece_labels.get(piece, piece.value),
                lambda s, piece=piece: keys_text(keys_of(key_set(s, side, layout_name), piece)),
                kind=RowKind.KEY,
                piece=piece,
                hint="Enter, then a key: add it (two per piece)   Enter, then Backspace: clear",
            )
        )
    rows.append(Row("Reset keys", lambda s: "Enter", kind=RowKind.RESET_KEYS, hint="Back to the default keys"))
    return rows


def keys_of(bindings: Mapping[str, str], piece: KitPiece) -> list[str]:
    return [key for key, bound in bindings.items() if bound == piece]


def keys_text(keys: Sequence[str]) -> str:
    return ", ".join(key.upper() for key in keys) or "\u2014"


def bind_key(bindings: Mapping[str, str], key: str, piece: KitPiece, max_keys: int = 2) -> dict[str, str]:
    """`key` plays `piece` (and nothing else); the piece's oldest key goes when it would have too many."""
    result = {k: p for k, p in bindings.items() if k != key}
    mine = keys_of(result, piece)
    for old in mine[: max(0, len(mine) - max_keys + 1)]:
        del result[old]
    result[key] = piece
    return result


def clear_piece(bindings: Mapping[str, str], piece: KitPiece) -> dict[str, str]:
    return {k: p for k, p in bindings.items() if p != piece}
