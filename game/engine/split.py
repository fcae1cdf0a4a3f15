"""Sharing one chart between two players at one kit: the duet's "Shared Kit" split.

Every note gets exactly one owner: 0 (player 1) or 1 (player 2). Three strategies:
- PIECES, by limbs and pieces, the way two people sit at one kit: player 1 takes the hi-hat,
  snare and crashes, player 2 the kick, toms, ride and hi-hat pedal.
- PHRASES, call and response: the chart's own player phrases decide where it has them (Rock
  Band's face-off markers); otherwise the players take turns every `CALL_BARS` bars. In choruses,
  and between a chart's phrases, both play together, split by pieces.
- BALANCED: per `SEGMENT_BARS` bars the pieces are shared out so both get about as many notes;
  the larger share goes to whoever is behind, but a player keeps their pieces from one segment to
  the next while the totals stay within `BALANCE_SLACK`, so nobody swaps seats every two bars.
  Where one piece dominates a segment (a ride pattern alone) the players take turns in it.

Whatever the strategy, the split is then made playable: nobody may be given more than two hands'
worth of notes at one instant (a flam takes both hands). Surplus notes of a chord go to the
partner, cymbals first, as long as the partner has a hand free.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum

from game.chart.model import Note, Phrase, PhraseKind, Section
from game.chart.piece import KitPiece as P
from game.chart.piece import NoteFlag
from game.chart.tempo import TempoMap

CALL_BARS = 2
SEGMENT_BARS = 2
BALANCE_SLACK = 0.04  # of the notes so far: how far totals may drift before a segment flips
LOPSIDED = 3  # a piece-based share smaller than a third of a segment: split it in time instead
HANDS = 2
CHORD_S = 1e-4  # notes closer than this are one chord

PLAYER_1_PIECES = frozenset({P.HIHAT, P.HIHAT_OPEN, P.SNARE, P.CRASH, P.CRASH_LEFT})
FEET = frozenset({P.KICK, P.HIHAT_PEDAL})
# Which of a player's notes in an overfull chord to hand over first: cymbals, then drums.
_HANDOVER_ORDER = {
    piece: rank
    for rank, piece in enumerate(
        (P.CRASH, P.CRASH_LEFT, P.RIDE, P.HIHAT_OPEN, P.HIHAT, P.TOM_HIGH, P.TOM_MID, P.TOM_FLOOR, P.SNARE)
    )
}


class SplitStrategy(StrEnum):
    """Persisted in settings and printed in JSON: do not rename."""

    PIECES = "pieces"
    PHRASES = "phrases"
    BALANCED = "balanced"


def split_notes(
    notes: Sequence[Note],
    strategy: SplitStrategy,
    tempo: TempoMap,
    sections: Sequence[Section] = (),
    phrases: Sequence[Phrase] = (),
) -> tuple[int, ...]:
    """The owner of each note (notes sorted by time, as a judge holds them), made playable."""
    if strategy is SplitStrategy.PIECES:
        owners = [owner_by_piece(note.piece) for note in notes]
    elif strategy is SplitStrategy.PHRASES:
        owners = _by_phrases(notes, tempo, sections, phrases)
    else:
        owners = _balanced(notes, _bar_times(notes, tempo))
    return make_playable(notes, owners)


def owner_by_piece(piece: P) -> int:
    return 0 if piece in PLAYER_1_PIECES else 1


def hands(note: Note) -> int:
    if note.piece in FEET:
        return 0
    return 2 if note.flags & NoteFlag.FLAM else 1


def chords(notes: Sequence[Note]) -> list[range]:
    """Index ranges of notes that sound together (notes sorted by time)."""
    out: list[range] = []
    start = 0
    for index in range(1, len(notes) + 1):
        if index == len(notes) or notes[index].time_s - notes[start].time_s > CHORD_S:
            out.append(range(start, index))
            start = index
    return out


def overfull_chords(notes: Sequence[Note], owners: Sequence[int]) -> list[float]:
    """Times of chords where a player would need more than two hands."""
    return [
        notes[chord[0]].time_s
        for chord in chords(notes)
        if any(sum(hands(notes[i]) for i in chord if owners[i] == player) > HANDS for player in (0, 1))
    ]


def make_playable(notes: Sequence[Note], owners: list[int]) -> tuple[int, ...]:
    for chord in chords(notes):
        if len(chord) < 2:
            continue
        for player in (0, 1):
            _hand_over_surplus(notes, owners, chord, player)
    return tuple(owners)


def _hand_over_surplus(notes: Sequence[Note], owners: list[int], chord: range, player: int) -> None:
    def load(who: int) -> int:
        return sum(hands(notes[i]) for i in chord if owners[i] == who)

    mine = sorted(
        (i for i in chord if owners[i] == player and hands(notes[i])),
        key=lambda i: _HANDOVER_ORDER.get(notes[i].piece, len(_HANDOVER_ORDER)),
    )
    for index in mine:
        if load(player) <= HANDS:
            return
        if load(1 - player) + hands(notes[index]) <= HANDS:
            owners[index] = 1 - player


def _bar_times(notes: Sequence[Note], tempo: TempoMap) -> list[float]:
    end_tick = (max(note.tick for note in notes) if notes else 0) + tempo.resolution * 8
    return [line.time_s for line in tempo.grid(end_tick) if line.is_bar] or [0.0]


def _by_phrases(
    notes: Sequence[Note], tempo: TempoMap, sections: Sequence[Section], phrases: Sequence[Phrase]
) -> list[int]:
    turns = [p for p in phrases if p.kind in (PhraseKind.PLAYER_1, PhraseKind.PLAYER_2)]
    if turns:
        return [_charted_turn(note, turns) for note in notes]
    bars = _bar_times(notes, tempo)
    choruses = _chorus_spans(sections)
    owners = []
    for note in notes:
        if any(start <= note.time_s < end for start, end in choruses):
            owners.append(owner_by_piece(note.piece))
        else:
            bar = max(0, bisect_right(bars, note.time_s + CHORD_S) - 1)
            owners.append((bar // CALL_BARS) % 2)
    return owners


def _charted_turn(note: Note, turns: Sequence[Phrase]) -> int:
    for phrase in turns:
        if phrase.start_s - CHORD_S <= note.time_s < phrase.end_s - CHORD_S:
            return 0 if phrase.kind is PhraseKind.PLAYER_1 else 1
    return owner_by_piece(note.piece)  # between the chart's turns: both play together


def _chorus_spans(sections: Sequence[Section]) -> list[tuple[float, float]]:
    spans = []
    for number, section in enumerate(sections):
        if "chorus" in section.name.lower():
            end = sections[number + 1].time_s if number + 1 < len(sections) else float("inf")
            spans.append((section.time_s, end))
    return spans


def _balanced(notes: Sequence[Note], bars: list[float]) -> list[int]:
    owners = [0] * len(notes)
    totals = [0, 0]
    keeps: dict[P, int] = {}  # piece -> its owner in the last segment it appeared in
    for segment in _segments(notes, bars):
        group_a, group_b = _share_pieces(Counter(notes[i].piece for i in segment))
        in_a = [notes[i].piece in group_a for i in segment]
        kept = _orientation_keeping(group_a, group_b, keeps)
        if min(group_a.total(), group_b.total()) * LOPSIDED < len(segment):
            in_a = _first_half(notes, segment)  # one piece dominates: take turns within the segment
            kept = int(totals[0] > totals[1])
        counts = (sum(in_a), len(segment) - sum(in_a))
        a_owner = _choose_owner(totals, counts, kept)
        totals[a_owner] += counts[0]
        totals[1 - a_owner] += counts[1]
        for i, a in zip(segment, in_a, strict=True):
            owners[i] = a_owner if a else 1 - a_owner
            keeps[notes[i].piece] = owners[i]
    return owners


def _first_half(notes: Sequence[Note], segment: list[int]) -> list[bool]:
    """True for the notes before the chord boundary nearest the segment's middle note."""
    middle = notes[segment[len(segment) // 2]].time_s
    return [notes[i].time_s < middle - CHORD_S for i in segment]


def _choose_owner(totals: list[int], counts: tuple[int, int], kept: int) -> int:
    """Who takes group A: `kept` (no seat swaps) unless that lets the totals drift too far."""

    def drift(a_owner: int) -> int:
        mine = totals[a_owner] + counts[0]
        theirs = totals[1 - a_owner] + counts[1]
        return abs(mine - theirs)

    if drift(kept) <= BALANCE_SLACK * (sum(totals) + sum(counts)):
        return kept
    return min((0, 1), key=drift)


def _segments(notes: Sequence[Note], bars: list[float]) -> list[list[int]]:
    segments: dict[int, list[int]] = {}
    for index, note in enumerate(notes):
        bar = max(0, bisect_right(bars, note.time_s + CHORD_S) - 1)
        segments.setdefault(bar // SEGMENT_BARS, []).append(index)
    return [segments[key] for key in sorted(segments)]


def _share_pieces(counts: Counter[P]) -> tuple[Counter[P], Counter[P]]:
    """Pieces into two groups of similar note counts: largest first, into the lighter group."""
    groups: tuple[Counter[P], Counter[P]] = (Counter(), Counter())
    for piece, count in sorted(counts.items(), key=lambda item: (-item[1], item[0].value)):
        lighter = groups[0] if sum(groups[0].values()) <= sum(groups[1].values()) else groups[1]
        lighter[piece] = count
    return groups


def _orientation_keeping(group_a: Counter[P], group_b: Counter[P], keeps: dict[P, int]) -> int:
    """The owner for group A that leaves the most notes with the player who had their piece."""
    votes = [0, 0]  # notes kept in place if A goes to player 0 / player 1
    for group, a_side in ((group_a, True), (group_b, False)):
        for piece, count in group.items():
            if piece in keeps:
                owner_if_a0 = 0 if a_side else 1
                votes[0 if keeps[piece] == owner_if_a0 else 1] += count
    return 0 if votes[0] >= votes[1] else 1
