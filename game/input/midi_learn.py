"""Learn mode: "hit your snare now" for each piece in turn, then a review of conflicts.

Flow: each piece is prompted in turn. Notes heard while it is current are collected; after the
first one, the piece settles once `SETTLE_S` passes without a new note (time to hit the rim or
the edge too) and the next piece comes up. `next()` settles at once, `skip()` leaves a piece as
the preset has it, `back()` learns the previous piece again. After the last piece: review.

A stroke often triggers neighbouring pads softly (cross-talk), so a note whose loudest hit is
below `CROSSTALK_SHARE` of the piece's loudest note is not learned.

Review: a note learned for two pieces is a conflict, settled with `resolve(note, piece)`. Open and
closed hi-hat sharing one note is no conflict: that kit sends one hi-hat note and the pedal (CC 4)
tells them apart, so the note maps to `hihat`. `overrides()` gives the notes to store in
settings' `midi.note_map` once nothing is left to resolve.

Time comes from the caller (`wall_time`): the session reads no clock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.chart.piece import KitPiece as P
from game.input.midi_map import NoteMap

SETTLE_S = 1.0
CROSSTALK_SHARE = 0.25
MIN_VELOCITY = 8  # softer than this is pad noise, not a deliberate hit

PROMPT_NAMES = {
    P.KICK: "kick pedal",
    P.SNARE: "snare",
    P.HIHAT: "hi-hat, closed (foot down)",
    P.HIHAT_OPEN: "hi-hat, open (foot up)",
    P.HIHAT_PEDAL: "hi-hat pedal (press it)",
    P.TOM_HIGH: "high tom",
    P.TOM_MID: "mid tom",
    P.TOM_FLOOR: "floor tom",
    P.CRASH: "crash",
    P.CRASH_LEFT: "second crash",
    P.RIDE: "ride",
}
_HAT_PAIR = frozenset({P.HIHAT, P.HIHAT_OPEN})


@dataclass(frozen=True, slots=True)
class Conflict:
    note: int
    pieces: tuple[P, ...]


class LearnSession:
    def __init__(self, pieces: Sequence[P], base: NoteMap):
        self.pieces = tuple(pieces)
        self._base = base
        self._index = 0
        self._heard: dict[P, dict[int, int]] = {}  # piece -> note -> loudest velocity
        self._last_note_at: float | None = None
        self._resolved: dict[int, P] = {}

    @property
    def current(self) -> P | None:
        return self.pieces[self._index] if self._index < len(self.pieces) else None

    @property
    def reviewing(self) -> bool:
        return self.current is None

    def prompt(self) -> str:
        piece = self.current
        if piece is None:
            return "Review" if self.conflicts() else "Done: save the new map"
        heard = self.learned(piece)
        suffix = f" (heard note {', '.join(map(str, heard))})" if heard else ""
        return f"Hit your {PROMPT_NAMES[piece]} now{suffix}"

    def on_note(self, note: int, velocity: int, wall_time: float) -> None:
        piece = self.current
        if piece is None or velocity < MIN_VELOCITY:
            return
        notes = self._heard.setdefault(piece, {})
        notes[note] = max(velocity, notes.get(note, 0))
        self._last_note_at = wall_time

    def update(self, wall_time: float) -> None:
        if self._last_note_at is not None and wall_time - self._last_note_at >= SETTLE_S:
            self.next()

    def next(self) -> None:
        self._index = min(self._index + 1, len(self.pieces))
        self._last_note_at = None

    def skip(self) -> None:
        if self.current is not None:
            self._heard.pop(self.current, None)
        self.next()

    def back(self) -> None:
        self._index = max(self._index - 1, 0)
        self._heard.pop(self.pieces[self._index], None)
        self._last_note_at = None

    def learned(self, piece: P) -> tuple[int, ...]:
        notes = self._heard.get(piece, {})
        loudest = max(notes.values(), default=0)
        return tuple(sorted(note for note, velocity in notes.items() if velocity >= loudest * CROSSTALK_SHARE))

    def conflicts(self) -> list[Conflict]:
        owners = self._owners()
        return [Conflict(note, pieces) for note, pieces in sorted(owners.items()) if len(pieces) > 1]

    def resolve(self, note: int, piece: P) -> None:
        if piece not in self._learned_for().get(note, ()):
            raise ValueError(f"note {note} was not learned for {piece.value}")
        self._resolved[note] = piece

    def overrides(self) -> dict[int, P]:
        """Learned note -> piece for the settings; ValueError while conflicts remain."""
        conflicts = self.conflicts()
        if conflicts:
            listed = "; ".join(f"note {c.note}: {', '.join(p.value for p in c.pieces)}" for c in conflicts)
            raise ValueError(f"unresolved note conflicts: {listed}")
        return {note: pieces[0] for note, pieces in self._owners().items()}

    def changes(self) -> list[tuple[int, P | None, P]]:
        """(note, piece before, learned piece) where learning changed the map, for the review."""
        owners = self._owners()
        found = [(note, self._base.piece_for(note), pieces[-1]) for note, pieces in sorted(owners.items())]
        return [change for change in found if change[1] is not change[2]]

    def _learned_for(self) -> dict[int, list[P]]:
        owners: dict[int, list[P]] = {}
        for piece in self.pieces:
            for note in self.learned(piece):
                owners.setdefault(note, []).append(piece)
        return owners

    def _owners(self) -> dict[int, tuple[P, ...]]:
        """note -> the pieces it maps to after resolutions, with the hi-hat pair folded."""
        result: dict[int, tuple[P, ...]] = {}
        for note, pieces in self._learned_for().items():
            if note in self._resolved:
                result[note] = (self._resolved[note],)
            elif set(pieces) == _HAT_PAIR:
                result[note] = (P.HIHAT,)
            else:
                result[note] = tuple(pieces)
        return result
