"""Format-neutral drum gems, and the one place colours become kit pieces.

Both Clone Hero formats describe drums as coloured gems plus modifiers; they differ only in how a
gem's modifiers are spelled (and in whether an unmarked yellow/blue/green gem is a tom, as in
.chart, or a cymbal, as in .mid). Each parser decides `cymbal` per gem by its own format's rule and
hands `RawGem`s here; `build_track` maps them onto kit pieces for the chart's drum type:

- 4-lane pro: red=snare, yellow cymbal=hihat, yellow tom=tom_high, blue cymbal=ride,
  blue tom=tom_mid, green cymbal=crash, green tom=tom_floor;
- plain 4-lane: the same, with `cymbal` as the format's default decided it;
- 5-lane: red=snare, yellow=hihat, blue=tom_high, orange=crash, green=tom_floor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

from game.chart.model import Difficulty, DrumType, Note, Phrase, PhraseKind, Track, sorted_notes
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoMap


class Pad(IntEnum):
    """A gem colour, numbered as .chart numbers its lanes."""

    KICK = 0
    RED = 1
    YELLOW = 2
    BLUE = 3
    GREEN = 4  # 4-lane green; orange on 5-lane
    FIVE_GREEN = 5  # the fifth lane of 5-lane charts


@dataclass(frozen=True, slots=True)
class RawGem:
    tick: int
    pad: Pad
    cymbal: bool = False
    dynamic: Dynamic = Dynamic.NORMAL
    flags: NoteFlag = NoteFlag.NONE


_FOUR_LANE = {
    (Pad.KICK, False): KitPiece.KICK,
    (Pad.KICK, True): KitPiece.KICK,
    (Pad.RED, False): KitPiece.SNARE,
    (Pad.RED, True): KitPiece.SNARE,
    (Pad.YELLOW, True): KitPiece.HIHAT,
    (Pad.YELLOW, False): KitPiece.TOM_HIGH,
    (Pad.BLUE, True): KitPiece.RIDE,
    (Pad.BLUE, False): KitPiece.TOM_MID,
    (Pad.GREEN, True): KitPiece.CRASH,
    (Pad.GREEN, False): KitPiece.TOM_FLOOR,
    # A fifth-lane gem in a chart read as 4-lane: treat as the green tom (closest pad).
    (Pad.FIVE_GREEN, True): KitPiece.TOM_FLOOR,
    (Pad.FIVE_GREEN, False): KitPiece.TOM_FLOOR,
}
_FIVE_LANE = {
    Pad.KICK: KitPiece.KICK,
    Pad.RED: KitPiece.SNARE,
    Pad.YELLOW: KitPiece.HIHAT,
    Pad.BLUE: KitPiece.TOM_HIGH,
    Pad.GREEN: KitPiece.CRASH,
    Pad.FIVE_GREEN: KitPiece.TOM_FLOOR,
}


def piece_for(gem: RawGem, drum_type: DrumType) -> KitPiece:
    if drum_type is DrumType.FIVE_LANE:
        return _FIVE_LANE[gem.pad]
    return _FOUR_LANE[(gem.pad, gem.cymbal)]


def detect_drum_type(
    gems: Iterable[RawGem], has_pro_markers: bool, ini_pro: bool | None, ini_five_lane: bool | None
) -> DrumType:
    """song.ini flags first, then pro markers, then any fifth-lane gem, else plain 4-lane.

    With both ini flags set (invalid), five-lane wins, as the song scanners do.
    """
    if ini_five_lane:
        return DrumType.FIVE_LANE
    if ini_pro:
        return DrumType.FOUR_LANE_PRO
    if has_pro_markers:
        return DrumType.FOUR_LANE_PRO
    if any(gem.pad is Pad.FIVE_GREEN for gem in gems):
        return DrumType.FIVE_LANE
    return DrumType.FOUR_LANE


def build_track(
    difficulty: Difficulty,
    gems: Iterable[RawGem],
    drum_type: DrumType,
    tempo_map: TempoMap,
    phrases: Iterable[Phrase] = (),
    dynamics_charted: bool = True,
) -> Track:
    """Map gems to notes. Two gems of one piece on one tick collapse into one note (keeping the
    stronger dynamic), since nobody can hit one pad twice at once."""
    by_key: dict[tuple[int, KitPiece], RawGem] = {}
    for gem in gems:
        key = (gem.tick, piece_for(gem, drum_type))
        previous = by_key.get(key)
        if previous is None or _strength(gem) > _strength(previous):
            by_key[key] = gem
    keys = list(by_key)
    times = tempo_map.seconds_many([tick for tick, _ in keys]) if keys else []
    notes = [
        Note(float(t), piece, tick, by_key[(tick, piece)].dynamic, by_key[(tick, piece)].flags)
        for (tick, piece), t in zip(keys, times, strict=True)
    ]
    return Track(difficulty, sorted_notes(notes), tuple(sorted(phrases, key=_phrase_key)), dynamics_charted)


def make_phrase(kind: PhraseKind, start_tick: int, end_tick: int, tempo_map: TempoMap) -> Phrase:
    """A half-open phrase; a zero or negative length covers its own tick."""
    end_tick = max(end_tick, start_tick + 1)
    return Phrase(kind, start_tick, end_tick, tempo_map.seconds(start_tick), tempo_map.seconds(end_tick))


def _strength(gem: RawGem) -> int:
    return {Dynamic.GHOST: 0, Dynamic.NORMAL: 1, Dynamic.ACCENT: 2}[gem.dynamic]


def _phrase_key(phrase: Phrase) -> tuple[int, int, str]:
    return (phrase.start_tick, phrase.end_tick, phrase.kind.value)
