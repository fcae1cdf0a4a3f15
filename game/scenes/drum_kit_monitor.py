"""What the "test your kit" panel shows: the last stroke on each piece, the last note heard, and
the hi-hat pedal position.

Fed with the raw MIDI stream (`Scene.on_midi_event`), so unmapped and filtered notes show too, and
with hits from other devices (the keyboard's drum keys). A MIDI hit also reaches the scene as a
`RawHit`; it is recognised by its port and not counted twice. A flash fades over `FLASH_S` and its
strength follows the velocity, so a ghost note glows faintly and an accent fully.

Times are the events' own stamps and the wall time the scene draws at; nothing reads a clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from game.chart.piece import KitPiece
from game.input.midi_config import HIHAT_CC
from game.input.midi_event import MidiEvent, MidiKind
from game.input.raw import RawHit
from game.render.kit_panel import KitPanelView, PadLight

FLASH_S = 0.45
SOFTEST_GLOW = 0.25  # a velocity-1 hit still shows
_DROP_REASONS = {"velocity": "below its minimum velocity", "debounce": "debounced", "crosstalk": "cross-talk"}


@dataclass(frozen=True, slots=True)
class Stroke:
    piece: KitPiece | None  # None: a note the map does not know
    velocity: int
    wall_time: float
    device: str
    note: int | None = None  # None: not from MIDI
    dropped: str | None = None  # the filter that dropped it


class KitMonitor:
    def __init__(self) -> None:
        self.strokes: dict[KitPiece, Stroke] = {}  # the last stroke on each piece
        self.last: Stroke | None = None
        self.pedal: int | None = None  # the last CC 4 value (0 open .. 127 closed)
        self._midi_ports: set[str] = set()

    def on_event(self, event: MidiEvent) -> None:
        self._midi_ports.add(event.port)
        if event.kind is MidiKind.CONTROL:
            if event.number == HIHAT_CC:
                self.pedal = event.value
            return
        self._record(Stroke(event.piece, event.value, event.wall_time, event.port, event.number, event.dropped))

    def on_hit(self, hit: RawHit) -> None:
        if hit.device not in self._midi_ports:  # MIDI hits were shown from their raw event
            self._record(Stroke(hit.piece, hit.velocity, hit.wall_time, hit.device))

    def _record(self, stroke: Stroke) -> None:
        self.last = stroke
        if stroke.piece is not None:
            self.strokes[stroke.piece] = stroke

    def glow(self, piece: KitPiece, wall_time: float) -> float:
        """0 dark .. 1 a full-velocity stroke right now."""
        stroke = self.strokes.get(piece)
        if stroke is None:
            return 0.0
        fade = 1.0 - (wall_time - stroke.wall_time) / FLASH_S
        if fade <= 0.0:
            return 0.0
        return min(fade, 1.0) * (SOFTEST_GLOW + (1.0 - SOFTEST_GLOW) * stroke.velocity / 127)

    def view(
        self,
        wall_time: float,
        labels: Mapping[KitPiece, str],
        closed_at: int | None,
        live: bool = False,
        asked: KitPiece | None = None,
    ) -> KitPanelView:
        pads = []
        for piece, label in labels.items():
            stroke = self.strokes.get(piece)
            pads.append(
                PadLight(
                    piece,
                    label,
                    self.glow(piece, wall_time),
                    stroke.velocity if stroke else None,
                    stroke is not None and stroke.dropped is not None,
                    piece is asked,
                )
            )
        readout, detail = self.readout(labels)
        warns = self.last is not None and self.last.dropped is not None
        return KitPanelView(pads, readout, detail, warns, self.pedal, closed_at, live)

    def readout(self, labels: Mapping[KitPiece, str]) -> tuple[str, str]:
        """The last stroke in words: what came in, and where from or why it did not count."""
        last = self.last
        if last is None:
            return "Hit any pad", "Each piece lights with how hard you hit it (drum keys too)"
        piece = labels.get(last.piece, "not mapped") if last.piece is not None else "not mapped"
        source = f"Note {last.note}" if last.note is not None else "Key"
        readout = f"{source}  \u00b7  velocity {last.velocity}  \u2192  {piece}"
        if last.dropped is not None:
            return readout, f"Not counted: {_DROP_REASONS.get(last.dropped, last.dropped)}"
        return readout, last.device
