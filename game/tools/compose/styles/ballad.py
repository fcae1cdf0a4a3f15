"""Ballad in 6/8: cross-stick verses, ride and crash choruses, a tom-driven bridge and a big final
chorus. Twelve sixteenth steps per bar, in two groups of six (two dotted-quarter beats)."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, ROOM, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.pattern import Lanes
from game.tools.compose.spec import Kind

ONE_BEAT: tuple[Lanes, ...] = (
    {"S": "x.xxxx"},
    {"T": "xx....", "M": "..xx..", "F": "....xx"},
    {"S": "X.x.xx", "K": "x....."},
)
TWO_BEATS: tuple[Lanes, ...] = (
    {"S": "x.x.x. ......", "T": "...... xx....", "M": "...... ..xx..", "F": "...... ....xx", "K": "x..... x....."},
    {"S": "X..... X.xxxx", "F": "..x.x. ......", "K": "x..... ......"},
)

DRUMS = DrumStyle(
    grooves={
        "verse_light": (
            {"K": "x..... ......", "S": "...... x.....", "H": "x.x.x. x.x.x."},
            {"K": "x..... ....x.", "S": "...... x.....", "H": "x.x.x. x.x.xx"},
        ),
        "verse": (
            {"K": "x..... ..x...", "S": "...... x...g.", "H": "x.x.x. x.x.x."},
            {"K": "x..... ..x.xx", "S": "...... x.....", "H": "x.x.xx x.x.x."},
        ),
        "pre": (
            {"K": "x..... x.....", "S": "...... X...g.", "R": "x.x.x. x.x.x."},
            {"K": "x...x. x....x", "S": "..g... X...g.", "R": "x.x.xx x.x.x."},
        ),
        "chorus": (
            {"K": "x...x. ..x...", "S": "...... X...g.", "R": "X.x.x. X.x.xx"},
            {"K": "x...x. ..x.xx", "S": "..g... X...gg", "R": "X.x.x. X.x.x."},
        ),
        "bridge": (
            {"K": "x..... x.....", "F": "x.x.x. x.x.x.", "S": "...... X....."},
            {"K": "x..... x...xx", "F": "x.x.x. x.x.x.", "S": "...... X...g."},
        ),
        "final": (
            {"K": "x...x. x.x...", "S": "...... X...g.", "H": "o.x.xx o.x.x."},
            {"K": "x...xx x.x.xx", "S": "..g... X...gg", "H": "o.x.x. o.x.xx"},
        ),
        "outro": ({"K": "x..... ......", "S": "...... x.....", "R": "x.x.x. x.x.x."},),
    },
    kind_grooves={
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "pre",
        Kind.CHORUS: "chorus",
        Kind.BRIDGE: "bridge",
        Kind.OUTRO: "outro",
    },
    light_grooves={Kind.VERSE: "verse_light"},
    fills={1: ONE_BEAT, 2: TWO_BEATS},
    crash_every=2,
)

_ALL = frozenset(Kind)

BAND = BandStyle(
    progressions={
        Kind.INTRO: "I | IV",
        Kind.VERSE: "I | V | vi | iii | IV | I | ii7 | V",
        Kind.PRE_CHORUS: "IV | V | iii7 vi | ii7 V",
        Kind.CHORUS: "I | V | vi | iii | IV | I | IV | V",
        Kind.BRIDGE: "vi | V | IV | Vsus4 V",
        Kind.OUTRO: "IV | I | IV | I",
    },
    bass=BassPart(
        Instrument(33, velocity=92),
        {
            Kind.INTRO: (".",),
            Kind.VERSE: ("R----- 5-----",),
            Kind.PRE_CHORUS: ("R----- R---5-",),
            Kind.CHORUS: ("R---5- O---5-",),
            Kind.BRIDGE: ("R--R-- R--R--",),
            Kind.OUTRO: ("R----- ------",),
        },
        low=29,
        level_db=-5.0,
    ),
    layers=(
        Layer(
            "piano",
            Role.ARP,
            Instrument(0, pan=58, velocity=80),
            48,
            79,
            -7.0,
            _ALL,
            rhythm=("x.x.x. x.x.x.",),
            gate=1.0,
            reverb=0.35,
            highpass_hz=60.0,
            ducked=False,
        ),
        Layer(
            "strings",
            Role.PAD,
            Instrument(49, pan=70, velocity=85),
            55,
            79,
            -13.0,
            frozenset({Kind.PRE_CHORUS, Kind.CHORUS, Kind.BRIDGE, Kind.OUTRO}),
            min_energy=0.6,
            reverb=0.45,
            highpass_hz=150.0,
        ),
        Layer(
            "pad",
            Role.PAD,
            Instrument(89, chorus=70, velocity=70),
            50,
            72,
            -19.0,
            frozenset({Kind.INTRO, Kind.VERSE, Kind.OUTRO}),
            reverb=0.4,
            highpass_hz=150.0,
        ),
        Layer(
            "cello",
            Role.LEAD,
            Instrument(42, pan=44, velocity=80),
            43,
            60,
            -14.0,
            frozenset({Kind.CHORUS, Kind.BRIDGE}),
            min_energy=0.85,
            reverb=0.35,
            highpass_hz=70.0,
        ),
        Layer(
            "flute",
            Role.LEAD,
            Instrument(73, velocity=100),
            62,
            84,
            -8.0,
            frozenset({Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS}),
            reverb=0.4,
            highpass_hz=250.0,
        ),
        Layer(
            "bells",
            Role.ARP,
            Instrument(10, pan=84, velocity=70),
            79,
            96,
            -20.0,
            frozenset({Kind.CHORUS}),
            min_energy=0.8,
            rhythm=("x..... x.....", "x..... x..x.."),
            reverb=0.5,
            highpass_hz=600.0,
        ),
    ),
    melody_rhythms={
        Kind.VERSE: ("x-x-x- x-----", "..x-x- x-x-x-"),
        Kind.PRE_CHORUS: ("x---x- x---x-", "x----- x-----"),
        Kind.CHORUS: ("x-x-x- x---x-", "x-x-x- x-----"),
        Kind.BRIDGE: ("x----- x-x-x-", "x----- ------"),
    },
    reverb_s=2.4,
)

KIT = kit(ROOM, gains_db={"hihat": -3.0, "ride": -2.0}, sends=DEFAULT_SENDS, room_s=1.4)
