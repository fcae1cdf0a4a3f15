"""How one style's band plays: instruments, progressions, and what each layer does.

Pure data read by `game.tools.compose.arrange`. Instruments are General MIDI programs of the
FluidR3 GM SoundFont (bank 0, or 8 for its variations). Layer rhythms are pattern strings, as for
drums (`pattern.py`), read per bar: `x` plays, `X` plays louder, `-` holds the previous note,
`.` rests. Bass patterns say which chord tone to play: `R` root, `O` octave, `5` fifth,
`3` third, `7` seventh (minor seventh above the root), `-` hold, `.` rest, `k` root on every kick
of the drum part (the bass locks to the kick).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from game.tools.compose.spec import Kind

EVERYWHERE = frozenset(Kind)


class Role(StrEnum):
    PAD = "pad"  # one held chord per chord
    COMP = "comp"  # rhythmic chords (stabs, strums, piano)
    ARP = "arp"  # chord tones one at a time, up the voicing
    LEAD = "lead"  # the topline melody
    RIFF = "riff"  # a short repeated instrumental hook (dance breaks, drops)


@dataclass(frozen=True, slots=True)
class Instrument:
    program: int
    bank: int = 0
    pan: int = 64  # MIDI CC 10
    chorus: int = 0  # MIDI CC 93 (FluidSynth's chorus send)
    velocity: int = 96


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    role: Role
    instrument: Instrument
    low: int  # register (MIDI pitches)
    high: int
    level_db: float  # loudness relative to the drums, measured where the layer plays
    kinds: frozenset[Kind]  # the section kinds it plays in
    min_energy: float = 0.0
    rhythm: tuple[str, ...] = ("x",)  # one-bar patterns, cycled bar by bar
    gate: float = 0.9  # note length as a share of the step (comp, arp)
    reverb: float = 0.2  # send to the shared reverb, 0..1
    highpass_hz: float = 120.0
    lowpass_hz: float = 18_000.0
    ducked: bool = True  # pumped by the kick when the style uses side-chain
    octave_doubling: bool = False  # leads: double an octave below in chorus-like sections
    power: bool = False  # comp as power chords: root, fifth, octave (rock guitars)


@dataclass(frozen=True, slots=True)
class BassPart:
    instrument: Instrument
    patterns: Mapping[Kind, tuple[str, ...]]  # per section kind; missing kinds use VERSE's
    low: int = 28  # the root is placed in [low, low + 11]
    level_db: float = -3.0
    drive: float = 0.0  # soft saturation, 0 = clean; gives a sine 808 its growl on small speakers


@dataclass(frozen=True, slots=True)
class BandStyle:
    progressions: Mapping[Kind, str]  # missing kinds use VERSE's
    bass: BassPart
    layers: tuple[Layer, ...]
    melody_rhythms: Mapping[Kind, tuple[str, ...]]  # lead rhythms (two-bar hooks as two strings)
    riff_rhythms: tuple[str, ...] = ()
    sidechain_db: float = 0.0  # pump depth on ducked layers (0 = none)
    risers: bool = False  # a noise swell into chorus-like sections
    reverb_s: float = 1.6  # decay time of the shared reverb
    extra: Mapping[str, float] = field(default_factory=dict)

    def progression(self, kind: Kind) -> str:
        return self.progressions.get(kind) or self.progressions[Kind.VERSE]
