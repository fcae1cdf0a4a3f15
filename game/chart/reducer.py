"""Difficulty reducer: Hard, Medium and Easy drum parts derived from an Expert part.

Used by the composer for the bundled sessions and, later, to fill in the difficulties an imported
chart lacks. It only ever removes notes: every reduced note is an Expert note, unchanged (same
time, piece, dynamic and flags), so accents stay on the notes that remain.

How it decides, in the order a drummer simplifying a part would:
1. The grid. Hard keeps sixteenths (and triplet eighths), Medium eighths, Easy beats (dotted
   quarters in 6/8 and 12/8). Anything finer (32nds, hi-hat rolls) goes.
2. What to leave out entirely: double kicks below Expert; ghost notes off the eighth grid on Hard
   and every ghost note on Medium and Easy; Easy kicks off the strong beats (1 and 3).
3. Speed. Each level has a minimum gap between two hand notes, between two strokes on one piece
   and between two kicks, in seconds, so fast hi-hats thin out at high tempos while a tom fill
   played hand to hand survives. Notes are admitted strongest first (a crash on a downbeat, then
   backbeats, then beats, then offbeats, ghosts last), so when two notes compete the groove's
   skeleton wins: beats are always farther apart than any gap, so backbeats and downbeat crashes
   are never lost.
4. Hands. At most two hand pieces at once (one on Easy); the strongest stay. Easy also drops a
   kick that lands with the snare, the first coordination beginners stumble on.
5. Phrases. Star power, fills and other phrases are kept as they are; a phrase that would lose all
   its notes keeps its strongest one, so every fever phrase can still be earned and every fill
   still has an activation note. Notes on a fill's last tick (the activation chord) are favoured.
6. Strictly fewer. Each level is derived from the one above (Expert -> Hard -> Medium -> Easy), so
   each is a subset of the previous one; if a level removed nothing (a part that is already simple)
   the weakest tenth of its notes goes, so every lower difficulty has fewer notes.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from game.chart.meter import Meter, MetricPosition
from game.chart.model import PIECE_ORDER, Difficulty, Note, PhraseKind, Track, sorted_notes
from game.chart.piece import Dynamic, KitPiece
from game.chart.tempo import TempoMap

_CHAIN = (Difficulty.HARD, Difficulty.MEDIUM, Difficulty.EASY)


@dataclass(frozen=True, slots=True)
class _Rules:
    simple_grid: frozenset[int]  # subdivisions of the beat kept in simple metre
    compound_grid: frozenset[int]  # ... and in compound metre (beat = dotted quarter)
    hand_gap_s: float  # between hand notes on different ticks
    same_piece_gap_s: float  # between two strokes on one piece
    kick_gap_s: float
    max_hands: int
    ghosts_on_eighths: bool  # keep ghost notes on the eighth grid (else drop every ghost)
    kicks_on_strong_beats_only: bool
    kick_with_snare: bool


_RULES = {
    Difficulty.HARD: _Rules(frozenset({1, 2, 3, 4}), frozenset({1, 2, 3, 6}), 0.1, 0.15, 0.12, 2, True, False, True),
    Difficulty.MEDIUM: _Rules(frozenset({1, 2, 3}), frozenset({1, 3}), 0.16, 0.2, 0.2, 2, False, False, True),
    Difficulty.EASY: _Rules(frozenset({1}), frozenset({1}), 0.3, 0.3, 0.3, 1, False, True, False),
}

_PIECE_WEIGHT = {
    KitPiece.CRASH: 50,
    KitPiece.CRASH_LEFT: 48,
    KitPiece.SNARE: 40,
    KitPiece.KICK: 38,
    KitPiece.TOM_HIGH: 30,
    KitPiece.TOM_MID: 30,
    KitPiece.TOM_FLOOR: 30,
    KitPiece.RIDE: 24,
    KitPiece.HIHAT_OPEN: 22,
    KitPiece.HIHAT: 20,
    KitPiece.HIHAT_PEDAL: 5,
}
_ACTIVATION_BONUS = 100


def reduce_track(expert: Track, target: Difficulty, tempo_map: TempoMap) -> Track:
    """The `target` difficulty derived from `expert` (returned as is for Expert)."""
    if target is Difficulty.EXPERT:
        return expert
    meter = Meter(tempo_map)
    track = expert
    for level in _CHAIN:
        track = _reduce_once(track, level, meter)
        if level is target:
            return track
    raise ValueError(f"unknown difficulty {target!r}")


def reduce_all(expert: Track, tempo_map: TempoMap) -> dict[Difficulty, Track]:
    """Every difficulty, Expert included, each derived from the one above."""
    meter = Meter(tempo_map)
    tracks = {Difficulty.EXPERT: expert}
    track = expert
    for level in _CHAIN:
        track = tracks[level] = _reduce_once(track, level, meter)
    return tracks


def _reduce_once(source: Track, level: Difficulty, meter: Meter) -> Track:
    rules = _RULES[level]
    positions = {note.tick: meter.position(note.tick) for note in source.notes}
    activation = _activation_ticks(source)
    priority = {note: _priority(note, positions[note.tick], note.tick in activation) for note in source.notes}
    candidates = [note for note in source.notes if _eligible(note, positions[note.tick], rules)]
    kept = _admit(sorted(candidates, key=lambda n: (-priority[n], n.tick, PIECE_ORDER[n.piece])), rules)
    if not rules.kick_with_snare:
        snare_ticks = {note.tick for note in kept if note.piece is KitPiece.SNARE}
        kept = [note for note in kept if not (note.piece is KitPiece.KICK and note.tick in snare_ticks)]
    kept, protected = _refill_phrases(source, kept, priority)
    kept = _ensure_fewer(source.notes, kept, priority, protected)
    return Track(level, sorted_notes(kept), source.phrases, source.dynamics_charted)


def _eligible(note: Note, pos: MetricPosition, rules: _Rules) -> bool:
    grid = rules.compound_grid if pos.compound else rules.simple_grid
    if pos.subdivision not in grid or note.is_double_kick:
        return False
    if note.dynamic is Dynamic.GHOST and not (rules.ghosts_on_eighths and pos.eighth_grid):
        return False
    return not (note.piece is KitPiece.KICK and rules.kicks_on_strong_beats_only and not pos.is_strong_beat)


def _priority(note: Note, pos: MetricPosition, activation: bool) -> int:
    score = _PIECE_WEIGHT.get(note.piece, 20)
    if pos.on_beat:
        score += 45 if pos.is_downbeat else 35 if pos.is_strong_beat else 30
    elif pos.eighth_grid:
        score += 15
    elif pos.subdivision <= 6:
        score += 5
    if note.dynamic is Dynamic.ACCENT:
        score += 8
    elif note.dynamic is Dynamic.GHOST:
        score -= 40
    return score + (_ACTIVATION_BONUS if activation else 0)


def _activation_ticks(track: Track) -> set[int]:
    """The last note tick inside each fill: the chord that activates fever."""
    ticks: set[int] = set()
    for fill in track.phrases_of(PhraseKind.FILL):
        inside = [note.tick for note in track.notes if fill.covers_tick(note.tick)]
        if inside:
            ticks.add(max(inside))
    return ticks


class _Gaps:
    """Sorted times of admitted strokes in one stream, answering "is anything too close?"."""

    __slots__ = ("times",)

    def __init__(self) -> None:
        self.times: list[float] = []

    def clear_of(self, time_s: float, gap_s: float) -> bool:
        at = bisect_left(self.times, time_s)
        for neighbour in self.times[max(at - 1, 0) : at + 1]:
            # Notes of one chord share a time exactly; they never compete for a gap.
            if neighbour != time_s and abs(neighbour - time_s) < gap_s - 1e-9:
                return False
        return True

    def add(self, time_s: float) -> None:
        at = bisect_left(self.times, time_s)
        if at == len(self.times) or self.times[at] != time_s:
            insort(self.times, time_s)


def _admit(ordered: Iterable[Note], rules: _Rules) -> list[Note]:
    """Admit notes strongest first while they respect the level's gaps and hand limit."""
    kicks, hands = _Gaps(), _Gaps()
    per_piece: dict[KitPiece, _Gaps] = defaultdict(_Gaps)
    hands_at: dict[int, int] = defaultdict(int)
    kept: list[Note] = []
    for note in ordered:
        if note.piece is KitPiece.KICK:
            if not kicks.clear_of(note.time_s, rules.kick_gap_s):
                continue
            kicks.add(note.time_s)
        else:
            if hands_at[note.tick] >= rules.max_hands:
                continue
            if not hands.clear_of(note.time_s, rules.hand_gap_s):
                continue
            if not per_piece[note.piece].clear_of(note.time_s, rules.same_piece_gap_s):
                continue
            hands.add(note.time_s)
            per_piece[note.piece].add(note.time_s)
            hands_at[note.tick] += 1
        kept.append(note)
    return kept


def _refill_phrases(source: Track, kept: list[Note], priority: dict[Note, int]) -> tuple[list[Note], set[Note]]:
    """A phrase that had notes keeps at least its strongest one; those notes are protected."""
    kept_set = set(kept)
    protected: set[Note] = set()
    for phrase in source.phrases:
        inside = [note for note in source.notes if phrase.covers_tick(note.tick)]
        kept_inside = [note for note in inside if note in kept_set]
        if inside and not kept_inside:
            best = max(inside, key=lambda n: (priority[n], -n.tick))
            kept_set.add(best)
            kept.append(best)
            kept_inside = [best]
        if len(kept_inside) == 1:
            protected.add(kept_inside[0])
    return kept, protected


def _ensure_fewer(
    source: tuple[Note, ...], kept: list[Note], priority: dict[Note, int], protected: set[Note]
) -> list[Note]:
    """Drop the weakest tenth when a level removed nothing, so every level has fewer notes."""
    if len(kept) < len(source) or len(source) < 2:
        return kept
    target = len(source) - max(1, len(source) // 10)
    droppable = [note for note in kept if note not in protected]
    weakest_first = sorted(droppable, key=lambda n: (priority[n], -n.tick, -PIECE_ORDER[n.piece]))
    dropped = set(weakest_first[: len(kept) - target])
    return [note for note in kept if note not in dropped]
