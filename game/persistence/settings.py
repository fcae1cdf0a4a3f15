"""Player settings: one human-readable JSON file of grouped, validated values.

Invariants:
- `Settings` and its groups are frozen. Change them with `settings.replace_in("audio", music_volume=0.5)`,
  which validates like loading does and raises ValueError/TypeError; plain `dataclasses.replace` skips
  validation. The dict fields are never mutated in place: replace them whole.
- Each field carries its own check (field metadata). A loaded value that fails it is replaced by the
  default (never clamped: a clamped typo would silently become a plausible setting) and named in the
  load notice. Keys missing from the file take their defaults without a notice; unknown keys are
  ignored, so a file written by a newer game still loads.
- Loading never raises and never loses the file: one with any problem is kept aside as
  `settings.json.bad-<n>` (never overwriting an earlier one) before the repaired settings replace it.
- Persistence never imports pygame: key bindings are pygame key *names* ("space", "f") mapped to kit
  pieces; the input layer turns names into key codes and skips names it does not know.

The `midi` group holds the e-kit set-up (ports, note map, filters); the input layer turns it into a
`game.input.midi_config.MidiConfig`. Per-device input offsets stay in `players.device_offsets_ms`,
keyed by the port name the MIDI input reports as the hit's device.

Units: times in milliseconds; offsets are positive latencies (timing-and-audio.md 2.3), allowed
-500..500 so an over-correction can be undone. `note_speed` is a multiplier of the base look-ahead:
a note is on screen for `BASE_LOOKAHEAD_S / note_speed` seconds (`VideoSettings.lookahead_s`).

The file's "version" is written for future migrations; today every version loads field by field.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from game.chart.layout import LAYOUTS, layout_named
from game.chart.model import Difficulty
from game.chart.piece import KitPiece
from game.engine.params import EngineParams
from game.persistence.atomic import write_text_atomic
from game.persistence.couch_keys import (
    COUCH_SIDES,
    CouchBindings,
    all_default_couch_bindings,
    default_couch_bindings,
    parse_couch_bindings,
    without_keys,
)
from game.persistence.paths import keep_aside
from game.persistence.setting_checks import (
    CHECK,
    Salvaged,
    a_difficulty,
    a_flag,
    a_number,
    a_text,
    a_window_size,
    checked_by,
    one_of,
    parse_group,
)

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
MAX_SETTINGS_BYTES = 1024 * 1024  # a real file is a few kB; larger is garbage, not worth parsing
OFFSET_RANGE_MS = (-500.0, 500.0)
BASE_LOOKAHEAD_S = 1.2  # seconds a note spends on the highway at note_speed 1.0
MAX_KEY_NAME = 32
MAX_NAMED_IN_NOTICE = 4
MAX_MIDI_PORTS = 16
MAX_PORT_NAME = 128
ALL_MIDI_PORTS = "*"
# Persisted names of the note-map presets (game.input.midi_map has their tables): do not rename.
MIDI_PRESETS = ("gm", "roland_td", "alesis", "yamaha_dtx")
# python-rtmidi API names (rtmidi.get_api_name); "" = the platform's default, falling back to the others
MIDI_APIS = ("", "alsa", "jack", "core", "winmm")

# Home row = drums, the row above = cymbals, thumbs = kick. Two keys on kick and snare let hands
# alternate for rolls and double-kick runs. One table serves every layout (a piece keeps its key when
# the player changes layout); each layout binds the pieces it plays. Menu keys (arrows, Enter,
# Escape, Backspace, Tab, F11) are left free.
_KEY_TABLE: tuple[tuple[str, KitPiece], ...] = (
    ("space", KitPiece.KICK),
    ("b", KitPiece.KICK),
    ("d", KitPiece.SNARE),
    ("f", KitPiece.SNARE),
    ("s", KitPiece.HIHAT_PEDAL),
    ("j", KitPiece.TOM_HIGH),
    ("k", KitPiece.TOM_MID),
    ("l", KitPiece.TOM_FLOOR),
    ("r", KitPiece.CRASH_LEFT),
    ("y", KitPiece.HIHAT_OPEN),
    ("u", KitPiece.HIHAT),
    ("i", KitPiece.RIDE),
    ("o", KitPiece.CRASH),
)


def default_bindings(layout_name: str) -> dict[str, KitPiece]:
    """Key name -> piece for every piece the layout plays; ValueError for an unknown layout."""
    layout = layout_named(layout_name)
    return {key: piece for key, piece in _KEY_TABLE if layout.plays(piece)}


def _all_default_bindings() -> dict[str, dict[str, KitPiece]]:
    return {name: default_bindings(name) for name in LAYOUTS}


def _layout_bindings(raw: Any) -> dict[str, KitPiece]:
    if not isinstance(raw, dict):
        raise TypeError("expected an object of key name -> piece")
    bindings: dict[str, KitPiece] = {}
    for key, piece in raw.items():
        if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY_NAME:
            raise ValueError(f"bad key name {key!r}")
        bindings[key] = KitPiece(a_text(piece))
    return bindings


def _bindings(raw: Any) -> dict[str, dict[str, KitPiece]] | Salvaged:
    """Per layout: a bad layout falls back to its defaults alone; layouts not in the file get theirs."""
    if not isinstance(raw, dict):
        raise TypeError("expected an object of layout -> bindings")
    result, bad = _all_default_bindings(), []
    for name in LAYOUTS:
        if name in raw:
            try:
                result[name] = _layout_bindings(raw[name])
            except (TypeError, ValueError):
                bad.append(name)
    return Salvaged(result, tuple(bad)) if bad else result


def _couch_bindings(raw: Any) -> CouchBindings | Salvaged:
    value, bad = parse_couch_bindings(raw, _layout_bindings)
    return Salvaged(value, bad) if bad else value


def _device_offsets(raw: Any) -> dict[str, float] | Salvaged:
    if not isinstance(raw, dict):
        raise TypeError("expected an object of device -> offset ms")
    in_range, good, bad = a_number(*OFFSET_RANGE_MS), {}, []
    for device, value in raw.items():
        try:
            good[a_text(device)] = in_range(value)
        except (TypeError, ValueError):
            bad.append(str(device))
    return Salvaged(good, tuple(bad)) if bad else good


def _port_names(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list | tuple) or len(raw) > MAX_MIDI_PORTS:
        raise TypeError(f"expected a list of at most {MAX_MIDI_PORTS} port names")
    names = tuple(a_text(name) for name in raw)
    if any(not 0 < len(name) <= MAX_PORT_NAME for name in names):
        raise ValueError("a port name is empty or too long")
    return names


def _note_map(raw: Any) -> dict[int, KitPiece | None] | Salvaged:
    """MIDI note (a JSON key, so text) -> piece, or null to ignore the note; bad entries dropped."""
    if not isinstance(raw, dict):
        raise TypeError("expected an object of note -> piece")
    good: dict[int, KitPiece | None] = {}
    bad = []
    for note, piece in raw.items():
        try:
            number = _NOTE(int(note) if isinstance(note, str) and note.isdigit() else note)
            good[number] = None if piece is None else KitPiece(a_text(piece))
        except (TypeError, ValueError):
            bad.append(str(note))
    return Salvaged(good, tuple(bad)) if bad else good


def _min_velocity(raw: Any) -> dict[KitPiece, int] | Salvaged:
    if not isinstance(raw, dict):
        raise TypeError("expected an object of piece -> velocity")
    good, bad = {}, []
    for piece, velocity in raw.items():
        try:
            good[KitPiece(a_text(piece))] = _VELOCITY(velocity)
        except (TypeError, ValueError):
            bad.append(str(piece))
    return Salvaged(good, tuple(bad)) if bad else good


_OFFSET = a_number(*OFFSET_RANGE_MS)
_VOLUME = a_number(0.0, 1.0)
_NOTE = a_number(0, 127, int)
_VELOCITY = a_number(1, 127, int)


@dataclass(frozen=True, slots=True)
class AudioSettings:
    audio_offset_ms: float = field(default=0.0, metadata=checked_by(_OFFSET))  # mixed -> heard latency
    # 256 frames = 5.3 ms blocks at 48 kHz; larger buffers for machines where playback crackles
    buffer_frames: int = field(default=256, metadata=checked_by(one_of(256, 512, 1024, 2048)))
    sample_rate: int = field(default=48000, metadata=checked_by(one_of(44100, 48000)))
    music_volume: float = field(default=0.8, metadata=checked_by(_VOLUME))
    drum_stem_volume: float = field(default=1.0, metadata=checked_by(_VOLUME))
    hit_sound_volume: float = field(default=0.7, metadata=checked_by(_VOLUME))
    # off for set-ups whose output latency makes the sound trail the stroke
    hit_sounds: bool = field(default=True, metadata=checked_by(a_flag))


@dataclass(frozen=True, slots=True)
class VideoSettings:
    video_offset_ms: float = field(default=0.0, metadata=checked_by(_OFFSET))  # frame shown -> seen latency
    frame_cap: int = field(default=120, metadata=checked_by(one_of(0, 60, 120, 144, 240)))  # fps; 0 = unlimited
    # off by default: a flip that blocks for the display stalls the 1 kHz input loop
    vsync: bool = field(default=False, metadata=checked_by(a_flag))
    fullscreen: bool = field(default=False, metadata=checked_by(a_flag))
    note_speed: float = field(default=1.0, metadata=checked_by(a_number(0.5, 3.0)))  # multiplier; see lookahead_s
    window_size: tuple[int, int] = field(default=(1280, 720), metadata=checked_by(a_window_size))

    @property
    def lookahead_s(self) -> float:
        """Seconds between a note appearing at the far end of the highway and reaching the strike line."""
        return BASE_LOOKAHEAD_S / self.note_speed


@dataclass(frozen=True, slots=True)
class InputSettings:
    keyboard_offset_ms: float = field(default=0.0, metadata=checked_by(_OFFSET))  # key press -> event latency
    # layout name -> {pygame key name -> piece}
    bindings: dict[str, dict[str, KitPiece]] = field(
        default_factory=_all_default_bindings, metadata=checked_by(_bindings)
    )
    shown_bindings_intro: bool = field(default=False, metadata=checked_by(a_flag))  # first-run key hint seen
    # two players on one keyboard (game.persistence.couch_keys): side "p1"/"p2" -> layout -> key -> piece
    couch_bindings: CouchBindings = field(
        default_factory=all_default_couch_bindings, metadata=checked_by(_couch_bindings)
    )

    def bindings_for(self, layout_name: str) -> dict[str, KitPiece]:
        # An emptied layout would be unplayable from the keyboard, so it falls back to the defaults.
        return self.bindings.get(layout_name) or default_bindings(layout_name)

    def couch_bindings_for(self, side: int, layout_name: str) -> dict[str, KitPiece]:
        """Player `side`'s (0 or 1) keys on the shared keyboard; an emptied layout gives the defaults."""
        return self.couch_bindings[COUCH_SIDES[side]].get(layout_name) or default_couch_bindings(side, layout_name)


@dataclass(frozen=True, slots=True)
class GameplaySettings:
    # "" = the layout the chart was authored for
    lane_layout: str = field(default="", metadata=checked_by(one_of("", *LAYOUTS)))
    difficulty: Difficulty = field(default=Difficulty.EXPERT, metadata=checked_by(a_difficulty))
    timing_scale: float = field(default=1.0, metadata=checked_by(a_number(0.5, 1.5)))  # hit-window leniency
    strict_hihat: bool = field(default=False, metadata=checked_by(a_flag))
    expert_plus: bool = field(default=False, metadata=checked_by(a_flag))
    lefty_flip: bool = field(default=False, metadata=checked_by(a_flag))  # mirror the highway's columns

    def engine_params(self, difficulty: Difficulty, layout: str) -> EngineParams:
        """The engine parameters for a play with these gameplay settings."""
        return EngineParams(
            difficulty=difficulty,
            layout=layout,
            timing_scale=self.timing_scale,
            strict_hihat=self.strict_hihat,
            expert_plus=self.expert_plus,
        )


@dataclass(frozen=True, slots=True)
class PlayerSettings:
    last_song: str = field(default="", metadata=checked_by(a_text))  # song folder path as the library gave it
    # input latency per device name (the reference keyboard's is input.keyboard_offset_ms)
    device_offsets_ms: dict[str, float] = field(default_factory=dict, metadata=checked_by(_device_offsets))


@dataclass(frozen=True, slots=True)
class MidiSettings:
    """An e-kit: which ports to listen to, how notes become pieces, and the trigger filters."""

    # port names as `midi list` shows them; ("*",) = every input port, () = MIDI off
    ports: tuple[str, ...] = field(default=(ALL_MIDI_PORTS,), metadata=checked_by(_port_names))
    api: str = field(default="", metadata=checked_by(one_of(*MIDI_APIS)))
    preset: str = field(default="gm", metadata=checked_by(one_of(*MIDI_PRESETS)))
    # per-note overrides of the preset (learn mode writes these); None = ignore that note
    note_map: dict[int, KitPiece | None] = field(default_factory=dict, metadata=checked_by(_note_map))
    # per piece: softer hits are ghost or cross-talk triggers; a piece not listed takes every velocity
    min_velocity: dict[KitPiece, int] = field(default_factory=dict, metadata=checked_by(_min_velocity))
    # a second trigger of the same pad this soon after an accepted one is the same stroke
    debounce_ms: float = field(default=5.0, metadata=checked_by(a_number(0.0, 65.0)))
    # off by default: it can also drop a real soft note played with a loud one (ghost snare + kick)
    crosstalk_filter: bool = field(default=False, metadata=checked_by(a_flag))
    crosstalk_window_ms: float = field(default=8.0, metadata=checked_by(a_number(1.0, 30.0)))
    crosstalk_ratio: float = field(default=3.0, metadata=checked_by(a_number(1.0, 20.0)))  # loud / soft velocity
    # hi-hat openness from the foot controller (CC 4: 0 open ... 127 closed); off = trust the notes
    hihat_cc4: bool = field(default=True, metadata=checked_by(a_flag))
    hihat_closed_at: int = field(default=64, metadata=checked_by(a_number(0, 127, int)))


_GROUPS: dict[str, type] = {
    "audio": AudioSettings,
    "video": VideoSettings,
    "input": InputSettings,
    "gameplay": GameplaySettings,
    "players": PlayerSettings,
    "midi": MidiSettings,
}


@dataclass(frozen=True, slots=True)
class Settings:
    audio: AudioSettings = field(default_factory=AudioSettings)
    video: VideoSettings = field(default_factory=VideoSettings)
    input: InputSettings = field(default_factory=InputSettings)
    gameplay: GameplaySettings = field(default_factory=GameplaySettings)
    players: PlayerSettings = field(default_factory=PlayerSettings)
    midi: MidiSettings = field(default_factory=MidiSettings)

    def replace_in(self, group: str, **changes: Any) -> Settings:
        """A copy with fields of one group changed, each checked as on load (ValueError/TypeError)."""
        if group not in _GROUPS:
            raise ValueError(f"unknown settings group {group!r}")
        specs = {f.name: f for f in fields(_GROUPS[group])}
        checked = {}
        for name, value in changes.items():
            if name not in specs:
                raise TypeError(f"settings group {group!r} has no field {name!r}")
            checked[name] = specs[name].metadata[CHECK](value)
            if isinstance(checked[name], Salvaged):
                raise ValueError(f"invalid entries in {group}.{name}: {', '.join(checked[name].bad)}")
        return replace(self, **{group: replace(getattr(self, group), **checked)})

    def with_bindings(self, layout_name: str, bindings: Mapping[str, str]) -> Settings:
        """A copy with one layout's key bindings replaced and the other layouts' kept.

        (`replace_in("input", bindings=...)` replaces the whole mapping: layouts left out get defaults.)
        """
        layout_named(layout_name)  # ValueError for an unknown layout
        return self.replace_in("input", bindings={**self.input.bindings, layout_name: dict(bindings)})

    def with_couch_bindings(self, side: int, layout_name: str, bindings: Mapping[str, str]) -> Settings:
        """A copy with player `side`'s (0 or 1) keys for one layout replaced. A key plays for one
        player only, so the keys bound here are taken out of the other player's sets."""
        layout_named(layout_name)  # ValueError for an unknown layout
        current = self.input.couch_bindings
        other = COUCH_SIDES[1 - side]
        changed = {
            COUCH_SIDES[side]: {**current[COUCH_SIDES[side]], layout_name: dict(bindings)},
            other: without_keys(current[other], set(bindings)),
        }
        return self.replace_in("input", couch_bindings=changed)

    def to_json(self) -> str:
        return json.dumps({"version": SETTINGS_VERSION, **asdict(self)}, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> tuple[Settings, list[str]]:
        """Settings from a parsed file, and the dotted names of values replaced by defaults."""
        bad: list[str] = []
        groups = {name: parse_group(kind, data.get(name), name, bad) for name, kind in _GROUPS.items()}
        return cls(**groups), bad


def save_settings(path: Path, settings: Settings) -> None:
    write_text_atomic(Path(path), settings.to_json())


def load_settings(path: Path) -> tuple[Settings, str | None]:
    """The settings in `path` and a one-line notice for the player, or None when all was well.

    A missing file gives the defaults silently. Any problem (unreadable as JSON, not an object, bad
    values) keeps the original aside and rewrites the file with what could be salvaged.
    """
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SETTINGS_BYTES:
            return _reset(path, Settings(), [], "settings file was too large")
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return Settings(), None
    except OSError as error:
        log.warning("cannot read settings %s: %s", path, error)
        return Settings(), f"could not read the settings file ({error.strerror or error}); using defaults"
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return _reset(path, Settings(), [], "settings file was corrupt")
    if not isinstance(data, dict):
        return _reset(path, Settings(), [], "settings file was corrupt")
    settings, bad = Settings.from_dict(data)
    if not bad:
        return settings, None
    return _reset(path, settings, bad, "settings had invalid values")


def _reset(path: Path, settings: Settings, bad: list[str], problem: str) -> tuple[Settings, str]:
    """Keeps the damaged file aside, then saves the salvaged settings over it."""
    what = "reset to defaults" if not bad else f"reset {_name_list(bad)} to defaults"
    try:
        backup = keep_aside(path, "bad")
    except OSError as error:
        # Without a backup the original must stay untouched: use the salvage for this session only.
        log.warning("cannot back up settings %s: %s", path, error)
        return settings, f"{problem} and could not be backed up ({error}); {what} for this session only"
    log.warning("%s: %s; kept as %s", path, problem, backup)
    try:
        save_settings(path, settings)
    except OSError as error:
        log.warning("cannot rewrite settings %s: %s", path, error)
    return settings, f"{problem}; backed up to {backup} and {what}"


def _name_list(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_NAMED_IN_NOTICE])
    more = len(names) - MAX_NAMED_IN_NOTICE
    return f"{shown} and {more} more" if more > 0 else shown
