"""Gem columns to notes (game.chart.gem): the colour-to-piece map, de-duplication and order."""

from __future__ import annotations

import numpy as np

from game.chart.gem import DYNAMIC_CODE, GemColumns, Pad, build_tracks, detect_drum_type, flip_disco
from game.chart.model import Difficulty, DrumType, Note
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoMap

TEMPO_120 = TempoMap(192)  # 192 ticks per beat at 120 BPM: tick 96 = 0.25 s
E = Difficulty.EXPERT
N, G, A = (DYNAMIC_CODE[d] for d in (Dynamic.NORMAL, Dynamic.GHOST, Dynamic.ACCENT))


def notes(gems: GemColumns, drum_type: DrumType = DrumType.FOUR_LANE_PRO) -> tuple[Note, ...]:
    return build_tracks({E: gems}, drum_type, TEMPO_120, {E: ()})[E].notes


def test_notes_are_sorted_by_tick_then_piece_order_with_times() -> None:
    gems = GemColumns.of([96, 0, 0, 96], [Pad.YELLOW, Pad.RED, Pad.KICK, Pad.GREEN], [True, False, False, True])
    assert notes(gems) == (
        Note(0.0, KitPiece.KICK, 0),
        Note(0.0, KitPiece.SNARE, 0),
        Note(0.25, KitPiece.HIHAT, 96),
        Note(0.25, KitPiece.CRASH, 96),
    )


def test_one_piece_on_one_tick_keeps_the_strongest_then_the_first() -> None:
    # Two snares at 0 (ghost, then accent with a flam): the accent wins, flags and all.
    # Two kicks at 96, equally strong: the first in file order wins.
    gems = GemColumns.of(
        [0, 0, 96, 96],
        [Pad.RED, Pad.RED, Pad.KICK, Pad.KICK],
        dynamics=[G, A, N, N],
        flags=[0, NoteFlag.FLAM.value, NoteFlag.DOUBLE_KICK.value, 0],
    )
    assert [(n.tick, n.dynamic, n.flags) for n in notes(gems)] == [
        (0, Dynamic.ACCENT, NoteFlag.FLAM),
        (96, Dynamic.NORMAL, NoteFlag.DOUBLE_KICK),
    ]


def test_five_lane_colours() -> None:
    pads = [Pad.RED, Pad.YELLOW, Pad.BLUE, Pad.GREEN, Pad.FIVE_GREEN]
    gems = GemColumns.of([0, 1, 2, 3, 4], pads)
    pieces = [KitPiece.SNARE, KitPiece.HIHAT, KitPiece.TOM_HIGH, KitPiece.CRASH, KitPiece.TOM_FLOOR]
    assert [n.piece for n in notes(gems, DrumType.FIVE_LANE)] == pieces
    assert [n.piece for n in notes(gems, DrumType.FOUR_LANE)][-1] is KitPiece.TOM_FLOOR  # closest 4-lane pad


def test_disco_flip_swaps_red_and_yellow_only_inside() -> None:
    gems = GemColumns.of([0, 0, 96, 96], [Pad.RED, Pad.YELLOW, Pad.RED, Pad.YELLOW], [False, True, False, True])
    flipped = flip_disco(gems, np.array([True, True, False, False]))
    assert [n.piece for n in notes(flipped)] == [KitPiece.SNARE, KitPiece.HIHAT, KitPiece.SNARE, KitPiece.HIHAT]
    assert flipped.pads.tolist() == [Pad.YELLOW, Pad.RED, Pad.RED, Pad.YELLOW]
    assert flipped.cymbals.tolist() == [True, False, False, True]


def test_drum_type_detection_order() -> None:
    five = [GemColumns.of([0], [Pad.FIVE_GREEN])]
    assert detect_drum_type(five, False, None, None) is DrumType.FIVE_LANE
    assert detect_drum_type(five, True, None, None) is DrumType.FOUR_LANE_PRO
    assert detect_drum_type([GemColumns.of([], [])], False, None, None) is DrumType.FOUR_LANE
    assert detect_drum_type([], False, True, True) is DrumType.FIVE_LANE


def test_equal_notes_of_different_difficulties_are_one_object() -> None:
    expert = GemColumns.of([0, 0, 96], [Pad.KICK, Pad.RED, Pad.RED])
    hard = GemColumns.of([0, 96], [Pad.KICK, Pad.RED], dynamics=[N, A])
    gems, phrases = {Difficulty.HARD: hard, E: expert}, {Difficulty.HARD: (), E: ()}
    tracks = build_tracks(gems, DrumType.FOUR_LANE_PRO, TEMPO_120, phrases)
    assert list(tracks) == [Difficulty.HARD, E]
    hard_notes, expert_notes = tracks[Difficulty.HARD].notes, tracks[E].notes
    assert hard_notes[0] is expert_notes[0]  # the same kick
    assert hard_notes[1] != expert_notes[2] and hard_notes[1].dynamic is Dynamic.ACCENT


def test_note_keeps_its_value_api() -> None:
    note = Note(1.5, KitPiece.KICK, tick=576, flags=NoteFlag.DOUBLE_KICK)
    assert note.dynamic is Dynamic.NORMAL and note.is_double_kick
    assert note._replace(flags=NoteFlag.NONE) == Note(1.5, KitPiece.KICK, 576)
    assert len({note, Note(1.5, KitPiece.KICK, 576, Dynamic.NORMAL, NoteFlag.DOUBLE_KICK)}) == 1
