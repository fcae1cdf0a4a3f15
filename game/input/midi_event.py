"""What the MIDI input reports: decoded messages (with their stamps and the filters' verdict) and
port changes (a kit plugged in or pulled out)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.chart.piece import KitPiece
from game.input.raw import RawHit


class MidiKind(StrEnum):
    NOTE = "note"  # note-on with velocity > 0
    CONTROL = "control"  # control change


@dataclass(frozen=True, slots=True)
class MidiEvent:
    wall_time: float  # perf_counter seconds: the stamp a hit is judged at
    port: str  # the port's name as listed (the hit's device name)
    kind: MidiKind
    number: int  # note or controller number
    value: int  # velocity or controller value
    piece: KitPiece | None = None  # notes: the mapped piece (after CC 4); None = unmapped
    dropped: str | None = None  # why a filter dropped the hit (midi_filter.DROP_*), None = it counts
    received: float = 0.0  # perf_counter read first thing in the callback (wall_time <= received)

    def hit(self) -> RawHit | None:
        """The game's hit for an accepted, mapped note."""
        if self.kind is not MidiKind.NOTE or self.piece is None or self.dropped is not None:
            return None
        return RawHit(self.piece, self.wall_time, self.value, self.port)


class PortChange(StrEnum):
    CONNECTED = "connected"  # a chosen port opened (at start-up or plugged in)
    DISCONNECTED = "disconnected"  # an open port vanished (unplugged, module off, server gone)
    FAILED = "failed"  # a chosen port is listed but could not be opened (retried later)


@dataclass(frozen=True, slots=True)
class PortEvent:
    change: PortChange
    port: str
    detail: str = ""  # failures: what the driver said
