"""Chart model, tempo map and lane layouts.

Only model types are re-exported here; parsers live in their own modules (`game.chart.dotchart`,
`game.chart.midi`, `game.chart.folder`) so importing the model never pulls in a parser.
"""

from game.chart.error import ChartError
from game.chart.layout import LAYOUTS, Lane, LaneKind, LaneLayout, default_layout, layout_named
from game.chart.model import (
    Chart,
    ChartFormat,
    Difficulty,
    DrumType,
    Note,
    Phrase,
    PhraseKind,
    Section,
    Song,
    SongInfo,
    Track,
)
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import GridLine, TempoChange, TempoMap, TimeSignature

__all__ = [
    "LAYOUTS",
    "Chart",
    "ChartError",
    "ChartFormat",
    "Difficulty",
    "DrumType",
    "Dynamic",
    "GridLine",
    "KitPiece",
    "Lane",
    "LaneKind",
    "LaneLayout",
    "Note",
    "NoteFlag",
    "Phrase",
    "PhraseKind",
    "Section",
    "Song",
    "SongInfo",
    "TempoChange",
    "TempoMap",
    "TimeSignature",
    "Track",
    "default_layout",
    "layout_named",
]
