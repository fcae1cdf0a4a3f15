"""One kit's raw MIDI bytes -> `MidiEvent`: note-ons mapped to pieces, the hi-hat pedal (CC 4)
deciding open or closed, and the trigger filters' verdict.

Pure apart from the kit's own state (the pedal position and the filters' memory of recent hits),
so unit tests feed it byte lists; on a live port it runs on that port's callback thread.

Invariants:
- Note-on with velocity 0 is a note-off and, like every other note-off, is ignored. Any channel
  counts (kits differ; most use channel 10).
- CC 4 only re-decides notes mapped to `hihat` or `hihat_open`, and only once the pedal has
  reported a position (Roland sends it right before every hi-hat note). The pedal chick
  (`hihat_pedal`, usually note 44) is its own note and is never re-decided.
- Every control change is reported (monitor, learn mode); only notes become hits.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.chart.piece import KitPiece
from game.input.midi_config import HIHAT_CC, MidiConfig
from game.input.midi_event import MidiEvent, MidiKind
from game.input.midi_filter import HitFilter

NOTE_ON = 0x90
CONTROL_CHANGE = 0xB0
_HATS = (KitPiece.HIHAT, KitPiece.HIHAT_OPEN)


class KitDecoder:
    def __init__(self, port: str):
        self.port = port
        self.pedal: int | None = None  # last CC 4 value; None until the pedal reports
        self._filter = HitFilter()

    def decode(self, config: MidiConfig, message: Sequence[int], wall_time: float, received: float) -> MidiEvent | None:
        if len(message) != 3:
            return None  # system messages (clock, active sensing, sysex) and program changes
        status, number, value = message[0] & 0xF0, message[1], message[2]
        if status == NOTE_ON and value > 0:
            return self._note(config, number, value, wall_time, received)
        if status == CONTROL_CHANGE:
            if number == HIHAT_CC:
                self.pedal = value
            return MidiEvent(wall_time, self.port, MidiKind.CONTROL, number, value, received=received)
        return None

    def _note(self, config: MidiConfig, note: int, velocity: int, wall_time: float, received: float) -> MidiEvent:
        piece = config.note_map.piece_for(note)
        if piece is None:
            return MidiEvent(wall_time, self.port, MidiKind.NOTE, note, velocity, received=received)
        if piece in _HATS and config.hihat_closed_at is not None and self.pedal is not None:
            piece = KitPiece.HIHAT if self.pedal >= config.hihat_closed_at else KitPiece.HIHAT_OPEN
        dropped = self._filter.admit(config, piece, velocity, wall_time)
        return MidiEvent(wall_time, self.port, MidiKind.NOTE, note, velocity, piece, dropped, received)
