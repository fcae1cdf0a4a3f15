"""Learn mode on the drum kit screen: a `LearnSession` fed with raw notes, then a review in which the
player picks the piece for each conflicting note, and the merge of the result into the settings.

The review keeps the conflicts as they were when it began, and the player's picks beside them;
they reach the session (`LearnSession.resolve`) only when the player saves, so going back to learn
a piece again never leaves a stale pick behind.

Merge rule (`merged_note_map`): every learned note is stored as an override, even one the preset
already maps the same way, so the kit keeps working after a preset change. An earlier override for
a note learned now is replaced; one pointing to a piece learned again is dropped (the player just
showed which notes that pad sends); overrides for pieces skipped this time, and silenced notes
(None), stay.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from game.chart.piece import KitPiece
from game.input.midi_learn import PROMPT_NAMES, Conflict, LearnSession
from game.input.midi_map import NoteMap
from game.render.settings import SettingRow

LEARN_ORDER = tuple(PROMPT_NAMES)  # the kit as a drummer names it: kick, snare, hi-hat, toms, cymbals
NOTES_HINT = "Head first, then the rim or edge: every zone you hit is learned."
SETTLE_HINT = "It moves on a second after your last hit."


class ReviewStep(Enum):
    CONFLICT = "conflict"  # pick which piece a note plays
    LEARNED = "learned"  # a note and its new piece, to read
    SAVE = "save"
    AGAIN = "again"
    DISCARD = "discard"


@dataclass(frozen=True, slots=True)
class ReviewItem:
    step: ReviewStep
    row: SettingRow
    note: int | None = None


def merged_note_map(old: Mapping[int, KitPiece | None], learned: Mapping[int, KitPiece]) -> dict[int, KitPiece | None]:
    relearned = set(learned.values())
    kept = {note: piece for note, piece in old.items() if note not in learned and piece not in relearned}
    return {**kept, **learned}


class LearnFlow:
    def __init__(self, base: NoteMap) -> None:
        self.session = LearnSession(LEARN_ORDER, base)
        self.conflicts: tuple[Conflict, ...] = ()  # as found when the review began
        self.picks: dict[int, KitPiece] = {}  # conflicting note -> the piece the player picked

    @property
    def reviewing(self) -> bool:
        return self.session.reviewing

    def on_note(self, note: int, velocity: int, wall_time: float) -> None:
        self.session.on_note(note, velocity, wall_time)
        self._check_review()

    def update(self, wall_time: float) -> None:
        self.session.update(wall_time)
        self._check_review()

    def next(self) -> None:
        self.session.next()
        self._check_review()

    def skip(self) -> None:
        self.session.skip()
        self._check_review()

    def back(self) -> None:
        self.session.back()
        self.conflicts, self.picks = (), {}

    def _check_review(self) -> None:
        if self.session.reviewing and not self.conflicts:
            self.conflicts = tuple(self.session.conflicts())

    def pick(self, note: int, direction: int) -> None:
        """The next (or previous) piece for a conflicting note."""
        pieces = next(conflict.pieces for conflict in self.conflicts if conflict.note == note)
        current = self.picks.get(note)
        index = pieces.index(current) + direction if current in pieces else (0 if direction > 0 else -1)
        self.picks[note] = pieces[index % len(pieces)]

    def overrides(self) -> dict[int, KitPiece]:
        """The learned notes with the picks applied; ValueError naming notes still to pick."""
        missing = [str(conflict.note) for conflict in self.conflicts if conflict.note not in self.picks]
        if missing:
            raise ValueError(f"pick a piece for note {', '.join(missing)} first")
        for note, piece in self.picks.items():
            self.session.resolve(note, piece)
        return self.session.overrides()

    def learned_pieces(self) -> list[tuple[KitPiece, bool | None]]:
        """Every piece: learned (True), skipped or silent (False), not asked yet (None)."""
        step = LEARN_ORDER.index(self.session.current) if self.session.current else len(LEARN_ORDER)
        return [(p, bool(self.session.learned(p)) if i < step else None) for i, p in enumerate(LEARN_ORDER)]

    def review(self, labels: Mapping[KitPiece, str]) -> list[ReviewItem]:
        items = []
        for i, conflict in enumerate(self.conflicts):
            names = " or ".join(labels[piece] for piece in conflict.pieces)
            picked = self.picks.get(conflict.note)
            value = labels[picked] if picked else "\u2039 pick \u203a"
            hint = f"You hit note {conflict.note} for {names}: \u2190/\u2192 pick the piece it plays"
            row = SettingRow(f"Note {conflict.note}", value, hint, "Conflicts" if i == 0 else "")
            items.append(ReviewItem(ReviewStep.CONFLICT, row, conflict.note))
        clashing = {conflict.note for conflict in self.conflicts}
        before = {note: old for note, old, _ in self.session.changes()}
        learned = [(p, [n for n in self.session.learned(p) if n not in clashing]) for p in LEARN_ORDER]
        for piece, notes in [(piece, notes) for piece, notes in learned if notes]:
            news = [f"note {n} was {labels[before[n]] if before[n] else 'not mapped'}" for n in notes if n in before]
            hint = f"New: {'; '.join(news)}" if news else "Already mapped this way"
            section = "Learned" if not any(item.step is ReviewStep.LEARNED for item in items) else ""
            row = SettingRow(labels[piece], ", ".join(map(str, notes)), hint, section)
            items.append(ReviewItem(ReviewStep.LEARNED, row))
        count = len({note for _, notes in learned for note in notes} | clashing)
        items += [
            ReviewItem(ReviewStep.SAVE, SettingRow("Save learned notes", _notes(count), "Keep them", "Done")),
            ReviewItem(ReviewStep.AGAIN, SettingRow("Learn again", "Enter", "Start over from the kick")),
            ReviewItem(ReviewStep.DISCARD, SettingRow("Discard", "Enter", "Keep the note map as it was")),
        ]
        return items


def _notes(count: int) -> str:
    return f"{count} note{'s' if count != 1 else ''}"
