"""Session descriptions: the small, declarative input the composer turns into a song folder.

A session is a title, a style, a key, a tempo, a seed and a plan of sections. Everything else
(drum part, backing arrangement, audio) is derived from it, deterministically: the same spec
always gives the same chart bytes.

Invariants: a section has at least one bar; `bar_bpms` (a ritardando or accelerando) applies to
the section's last bars, one tempo per bar; `tail_meter` replaces the meter of the section's last
bar only (a 2/4 "breath" bar before a final chorus, say).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a section does in the song; drives drums, arrangement and phrase placement."""

    INTRO = "intro"
    VERSE = "verse"
    PRE_CHORUS = "pre-chorus"
    CHORUS = "chorus"
    POST_CHORUS = "post-chorus"
    BRIDGE = "bridge"
    BUILD = "build-up"
    DROP = "drop"
    DANCE_BREAK = "dance break"
    CALL = "call and response"
    INTERLOCK = "interlock"
    OUTRO = "outro"


@dataclass(frozen=True, slots=True)
class SectionPlan:
    name: str  # shown in the chart, e.g. "Verse 1"
    kind: Kind
    bars: int
    energy: float = 0.6  # 0 (sparse) .. 1 (everything)
    bpm: float | None = None  # a tempo change at the section's first bar
    meter: tuple[int, int] | None = None  # a time-signature change at the section's first bar
    tail_meter: tuple[int, int] | None = None
    bar_bpms: tuple[float, ...] = ()
    fill: bool = True  # a drum fill in the last bar, leading into the next section
    drums: bool = True  # False: the drummer sits out (the backing still plays)
    transpose: int = 0  # semitones, from this section on (a final-chorus key change)
    groove: str = ""  # a named groove of the style instead of the kind's usual one


@dataclass(frozen=True, slots=True)
class SessionSpec:
    folder: str
    title: str
    style: str  # a key of game.tools.compose.style.STYLES
    style_label: str  # the README's words for it
    bpm: float
    key: str  # tonic and mode, e.g. "E major", "F# minor"
    seed: int
    sections: tuple[SectionPlan, ...]
    meter: tuple[int, int] = (4, 4)
    duet: bool = False
    artist: str = "Drumstick Diplomacy"
    notes: str = ""  # one line for the README
