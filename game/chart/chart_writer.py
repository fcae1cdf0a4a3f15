"""Serialise a `Chart` as Clone Hero / Moonscraper `.chart` text.

The inverse of `game.chart.dotchart` for everything the model holds: parsing the text back gives
the same notes (times, pieces, dynamics, double kicks), phrases, sections and tempo map.

Invariants and format decisions:
- `Resolution` is the tempo map's; `Offset` is the chart's offset; tempos are written as
  milli-BPM (`B 124000`), so a tempo is kept to 0.001 BPM; time-signature denominators must be
  powers of two (`TS 6 3` is 6/8);
- every difficulty present in `chart.tracks` becomes an `[<Difficulty>Drums]` section, in the order
  Easy, Medium, Hard, Expert;
- pro drums: hi-hat, ride and crash carry the cymbal markers 66/67/68; toms carry none. Plain
  four-lane charts get no cymbal markers (they would turn the chart into a pro chart);
- accents are N 34-37 and ghosts N 40-43 on the note's lane; a double kick is N 32 alone;
- star power is `S 2` and fills `S 64`, whose length is INCLUSIVE in .chart (the phrase covers
  start..start+length), so a model fill [start, end) is written with length end - 1 - start; rolls
  (`S 65`/`S 66`) and versus phrases (`S 0`/`S 1`) are half-open; solos are `solo`/`soloend`
  events, `soloend` on the last tick inside the solo;
- pieces .chart cannot tell apart are merged: open hi-hat is written as the hi-hat, the left crash
  as the crash; the hi-hat pedal has no .chart lane and is left out (logged). A tom and a cymbal of
  one colour on one tick cannot be written at all and raise `ValueError`;
- output is deterministic: lines sorted by tick, then by a fixed code order; LF line endings.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping

from game.chart.model import Chart, Difficulty, DrumType, Note, Phrase, PhraseKind, Section
from game.chart.piece import Dynamic, KitPiece

logger = logging.getLogger(__name__)

_TRACK_NAMES = {
    Difficulty.EASY: "EasyDrums",
    Difficulty.MEDIUM: "MediumDrums",
    Difficulty.HARD: "HardDrums",
    Difficulty.EXPERT: "ExpertDrums",
}
# piece -> (lane, is_cymbal) for the four-lane family; lane 0 is the kick
_FOUR_LANE = {
    KitPiece.KICK: (0, False),
    KitPiece.SNARE: (1, False),
    KitPiece.HIHAT: (2, True),
    KitPiece.HIHAT_OPEN: (2, True),
    KitPiece.TOM_HIGH: (2, False),
    KitPiece.RIDE: (3, True),
    KitPiece.TOM_MID: (3, False),
    KitPiece.CRASH: (4, True),
    KitPiece.CRASH_LEFT: (4, True),
    KitPiece.TOM_FLOOR: (4, False),
}
_FIVE_LANE = {
    KitPiece.KICK: (0, False),
    KitPiece.SNARE: (1, False),
    KitPiece.HIHAT: (2, True),
    KitPiece.HIHAT_OPEN: (2, True),
    KitPiece.TOM_HIGH: (3, False),
    KitPiece.TOM_MID: (3, False),
    KitPiece.CRASH: (4, True),
    KitPiece.CRASH_LEFT: (4, True),
    KitPiece.RIDE: (4, True),
    KitPiece.TOM_FLOOR: (5, False),
}
_PHRASE_CODES = {
    PhraseKind.PLAYER_1: 0,
    PhraseKind.PLAYER_2: 1,
    PhraseKind.STAR_POWER: 2,
    PhraseKind.FILL: 64,
    PhraseKind.ROLL: 65,
    PhraseKind.DOUBLE_ROLL: 66,
}
_DOUBLE_KICK = 32
_ACCENT_BASE = 33  # accent on lane L is N 33 + L
_GHOST_BASE = 39
_CYMBAL_BASE = 64
_STRENGTH = {Dynamic.GHOST: 0, Dynamic.NORMAL: 1, Dynamic.ACCENT: 2}
_CANONICAL_KEYS = {
    key.lower(): key
    for key in (
        *("Name", "Artist", "Charter", "Album", "Year", "Genre", "Player2", "Difficulty"),
        *("PreviewStart", "PreviewEnd", "MediaType", "MusicStream", "GuitarStream", "RhythmStream"),
        *("BassStream", "KeysStream", "VocalStream", "CrowdStream", "DrumStream", "Drum2Stream"),
        *("Drum3Stream", "Drum4Stream"),
    )
}
_UNQUOTED = frozenset({"Player2", "Difficulty", "PreviewStart", "PreviewEnd"})
_WRITTEN_BY_US = frozenset({"offset", "resolution"})


def write_chart(chart: Chart, metadata: Mapping[str, str]) -> str:
    """The .chart text of `chart`, with `metadata` as the [Song] keys (Name, Artist...)."""
    blocks = [
        _block("Song", _song_lines(chart, metadata)),
        _block("SyncTrack", _sync_lines(chart)),
        _block("Events", _event_lines(chart.sections)),
    ]
    lanes = _FIVE_LANE if chart.drum_type is DrumType.FIVE_LANE else _FOUR_LANE
    cymbal_markers = chart.drum_type is DrumType.FOUR_LANE_PRO
    for difficulty, name in _TRACK_NAMES.items():
        track = chart.tracks.get(difficulty)
        if track is not None:
            lines = _note_lines(track.notes, lanes, cymbal_markers) + _phrase_lines(track.phrases)
            blocks.append(_block(name, [text for _, text in sorted(lines)]))
    return "".join(blocks)


def _block(name: str, lines: Iterable[str]) -> str:
    body = "".join(f"  {line}\n" for line in lines)
    return f"[{name}]\n{{\n{body}}}\n"


def _song_lines(chart: Chart, metadata: Mapping[str, str]) -> list[str]:
    lines = []
    for raw_key, raw_value in metadata.items():
        key = _CANONICAL_KEYS.get(raw_key.lower(), raw_key)
        if key.lower() in _WRITTEN_BY_US:
            continue
        value = " ".join(str(raw_value).split())  # a value must stay on one line
        lines.append(f"{key} = {value}" if key in _UNQUOTED else f'{key} = "{value}"')
    lines.append(f"Offset = {_decimal(chart.offset_s)}")
    lines.append(f"Resolution = {chart.tempo_map.resolution}")
    return lines


def _decimal(value: float) -> str:
    return "0" if value == 0 else f"{value:.6f}".rstrip("0").rstrip(".")


def _sync_lines(chart: Chart) -> list[str]:
    lines: list[tuple[tuple[int, int], str]] = []
    for sig in chart.tempo_map.time_signatures:
        exponent = sig.denominator.bit_length() - 1
        if sig.denominator < 1 or 2**exponent != sig.denominator:
            raise ValueError(
                f"time signature {sig.numerator}/{sig.denominator} at tick {sig.tick}: "
                "the denominator must be a power of two"
            )
        text = f"TS {sig.numerator}" if exponent == 2 else f"TS {sig.numerator} {exponent}"
        lines.append(((sig.tick, 0), f"{sig.tick} = {text}"))
    for change in chart.tempo_map.tempos:
        lines.append(((change.tick, 1), f"{change.tick} = B {round(change.bpm * 1000)}"))
    return [text for _, text in sorted(lines)]


def _event_lines(sections: Iterable[Section]) -> list[str]:
    ordered = sorted(sections, key=lambda s: s.tick)
    return [f'{s.tick} = E "section {" ".join(s.name.split())}"' for s in ordered]


def _note_lines(
    notes: Iterable[Note], lanes: Mapping[KitPiece, tuple[int, bool]], cymbal_markers: bool
) -> list[tuple[tuple[int, int, int], str]]:
    """`N` lines keyed for sorting by (tick, 0, N type)."""
    gems: dict[tuple[int, int], tuple[bool, Note]] = {}  # (tick, lane or 32) -> (cymbal, note)
    for note in notes:
        if note.piece not in lanes:
            logger.debug("%s at tick %d has no .chart lane; left out", note.piece.value, note.tick)
            continue
        lane, cymbal = lanes[note.piece]
        if note.piece is KitPiece.KICK and note.is_double_kick:
            lane = _DOUBLE_KICK
        previous = gems.get((note.tick, lane))
        if previous is not None:
            if previous[0] != cymbal and cymbal_markers:
                raise ValueError(f"a tom and a cymbal of one colour (lane {lane}) share tick {note.tick}")
            if _STRENGTH[note.dynamic] <= _STRENGTH[previous[1].dynamic]:
                continue
        gems[(note.tick, lane)] = (cymbal, note)
    lines = []
    for (tick, lane), (cymbal, note) in gems.items():
        codes = [lane]
        if 1 <= lane <= 5 and note.dynamic is Dynamic.ACCENT:
            codes.append(_ACCENT_BASE + lane)
        elif 1 <= lane <= 5 and note.dynamic is Dynamic.GHOST:
            codes.append(_GHOST_BASE + lane)
        if cymbal and cymbal_markers and 2 <= lane <= 4:
            codes.append(_CYMBAL_BASE + lane)
        lines.extend(((tick, 0, code), f"{tick} = N {code} 0") for code in codes)
    return lines


def _phrase_lines(phrases: Iterable[Phrase]) -> list[tuple[tuple[int, int, int], str]]:
    """`S` lines and solo events keyed by (tick, 1, code) so they follow the notes of their tick."""
    lines = []
    for phrase in phrases:
        if phrase.kind is PhraseKind.SOLO:
            lines.append(((phrase.start_tick, 1, 0), f"{phrase.start_tick} = E solo"))
            end = phrase.end_tick - 1  # notes on the soloend tick are inside the solo
            lines.append(((end, 2, 0), f"{end} = E soloend"))
            continue
        code = _PHRASE_CODES[phrase.kind]
        inclusive = phrase.kind is PhraseKind.FILL
        length = phrase.end_tick - phrase.start_tick - (1 if inclusive else 0)
        lines.append(((phrase.start_tick, 1, code), f"{phrase.start_tick} = S {code} {max(length, 0)}"))
    return lines
