"""What the MIDI callback needs to turn a message into a hit: the note map and the trigger filters,
in seconds, as one immutable value.

The callback thread reads the current `MidiConfig` once per message; the main thread swaps in a
new one (settings changed, learn mode finished) by rebinding a reference, which is atomic, so the
callback always sees one whole configuration, never half of an update.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from game.chart.piece import KitPiece
from game.input.midi_map import NoteMap
from game.persistence.settings import MidiSettings

# A hi-hat hit with the pedal at or above the threshold is closed (CC 4: 0 open ... 127 closed).
HIHAT_CC = 4


@dataclass(frozen=True, slots=True)
class MidiConfig:
    note_map: NoteMap = field(default_factory=NoteMap.build)
    min_velocity: Mapping[KitPiece, int] = field(default_factory=dict)  # softer hits are dropped
    debounce_s: float = 0.005  # same pad again this soon after an accepted hit: one stroke
    crosstalk_window_s: float = 0.0  # 0 = cross-talk filter off
    crosstalk_ratio: float = 3.0  # a hit this many times softer than another pad's is cross-talk
    hihat_closed_at: int | None = 64  # None = ignore CC 4 and trust the module's open/closed notes

    @classmethod
    def from_settings(cls, midi: MidiSettings) -> MidiConfig:
        return cls(
            note_map=NoteMap.build(midi.preset, midi.note_map),
            min_velocity=MappingProxyType(dict(midi.min_velocity)),
            debounce_s=midi.debounce_ms / 1000,
            crosstalk_window_s=midi.crosstalk_window_ms / 1000 if midi.crosstalk_filter else 0.0,
            crosstalk_ratio=midi.crosstalk_ratio,
            hihat_closed_at=midi.hihat_closed_at if midi.hihat_cc4 else None,
        )
