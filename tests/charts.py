"""Builders for small in-memory charts used by engine tests."""

from __future__ import annotations

from collections.abc import Iterable

from game.chart.model import (
    Chart,
    ChartFormat,
    Difficulty,
    DrumType,
    Note,
    Phrase,
    PhraseKind,
    Track,
    sorted_notes,
)
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoChange, TempoMap

RESOLUTION = 480
TEMPO_120 = TempoMap(RESOLUTION, [TempoChange(0, 120.0)])  # one beat = 0.5 s = 480 ticks


def note(
    time_s: float, piece: KitPiece = KitPiece.SNARE, dynamic: Dynamic = Dynamic.NORMAL, flags=NoteFlag.NONE
) -> Note:
    return Note(time_s, piece, round(TEMPO_120.tick_at(time_s)), dynamic, flags)


def phrase(kind: PhraseKind, start_s: float, end_s: float) -> Phrase:
    return Phrase(kind, round(TEMPO_120.tick_at(start_s)), round(TEMPO_120.tick_at(end_s)), start_s, end_s)


def chart_of(
    notes: Iterable[Note],
    phrases: Iterable[Phrase] = (),
    drum_type: DrumType = DrumType.FOUR_LANE_PRO,
    difficulty: Difficulty = Difficulty.EXPERT,
    dynamics: bool = True,
) -> Chart:
    track = Track(difficulty, sorted_notes(notes), tuple(phrases), dynamics)
    return Chart(ChartFormat.CHART, drum_type, TEMPO_120, {difficulty: track})
