"""Two players, one kit. Player 1 has the hands' cymbals and snare (hi-hat, ride, crash, snare);
player 2 the kick and the toms. Call-and-response sections alternate bars between them (marked
with versus phrases); interlock sections give each a part that fills the other's gaps; the
choruses are played by both together."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, STANDARD, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.pattern import Lanes
from game.tools.compose.spec import Kind

ONE_BEAT: tuple[Lanes, ...] = (
    {"T": "xx..", "M": "..x.", "F": "...x"},
    {"S": "x.xx", "F": ".x.."},
)
TWO_BEATS: tuple[Lanes, ...] = (
    {"S": "X.x. X...", "T": ".x.x ....", "M": ".... .xx.", "F": ".... ...x"},
    {"T": "x.x. ....", "M": ".x.x x...", "F": ".... .xxx", "K": "x... x..."},
)
FOUR_BEATS: tuple[Lanes, ...] = (
    {
        "S": "X... X... X.x. x.x.",
        "T": ".x.x .... .... ....",
        "M": ".... .x.x .x.. ....",
        "F": ".... .... ...x .x.x",
        "K": "x... x... x... x...",
    },
)

DRUMS = DrumStyle(
    grooves={
        "intro": ({"K": "x... .... x... ....", "H": "x.x. x.x. x.x. x.x."},),
        "call": (
            {"H": "x.x. x.xx x.x. x.x.", "S": ".... X... ..X. X..."},
            {
                "K": "x..x .... x... ....",
                "T": ".... ..xx .... ....",
                "M": ".... .... ..x. x...",
                "F": ".... .... .... ..xx",
            },
            {"H": "x.x. x.x. xxx. x.x.", "S": ".... X..x .... X.X."},
            {
                "K": "x... x..x ..x. ....",
                "T": "..x. .... .... ....",
                "M": ".... ..x. .... x...",
                "F": ".... .... .x.. x.xx",
            },
        ),
        "interlock": (
            {
                "H": "x.x. x.x. x.x. x.x.",
                "S": ".... X... .... X...",
                "K": "x..x .... x..x ....",
                "T": "...x .... ...x ....",
                "F": ".... ...x .... ...x",
            },
            {
                "H": "x... x... x... x...",
                "S": ".... X... .... X...",
                "K": "x... .... x... ....",
                "T": "..x. .... ..x. ....",
                "M": ".... ..x. .... ..x.",
                "F": ".... ...x .... .x.x",
            },
        ),
        "chorus": (
            {"K": "x... x.x. x... x...", "S": ".... X... .... X...", "H": "x.o. x.o. x.o. x.o."},
            {"K": "x..x x.x. x... x...", "S": ".... X... .... X..g", "H": "x.o. x.o. x.o. x.x."},
        ),
        "dance": (
            {
                "R": "x.x. x.x. x.x. x.x.",
                "S": ".... X... .... X...",
                "K": "x... ..x. x... ....",
                "M": ".x.. ...x .x.. ...x",
                "F": "...x .... ...x ....",
            },
        ),
        "outro": ({"K": "x... x... x... x...", "S": ".... X... .... X...", "R": "x.x. x.x. x.x. x.x."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.CALL: "call",
        Kind.INTERLOCK: "interlock",
        Kind.VERSE: "interlock",
        Kind.CHORUS: "chorus",
        Kind.DANCE_BREAK: "dance",
        Kind.OUTRO: "outro",
    },
    fills={1: ONE_BEAT, 2: TWO_BEATS, 4: FOUR_BEATS},
    players={"call": (1, 2)},
)

BAND = BandStyle(
    progressions={
        Kind.INTRO: "I | IV | I | V",
        Kind.CALL: "I | IV | I | V",
        Kind.INTERLOCK: "I | vi | IV | V",
        Kind.VERSE: "I | vi | IV | V",
        Kind.CHORUS: "IV | V | iii | vi",
        Kind.DANCE_BREAK: "vi | IV | I | V",
        Kind.OUTRO: "IV | V | I | I",
    },
    bass=BassPart(
        Instrument(33, velocity=100),
        {
            Kind.INTRO: ("R... .... R... ....",),
            Kind.VERSE: ("R..R ..R. R..R ..5.",),
            Kind.CALL: ("R... ..R. R... ..5.",),
            Kind.CHORUS: ("R.RO .R.O R.R5 .O.5",),
            Kind.DANCE_BREAK: ("R.RO .R.5 R.RO ..7.",),
        },
        low=28,
    ),
    layers=(
        Layer(
            "clav",
            Role.COMP,
            Instrument(7, pan=40, velocity=85),
            60,
            76,
            -13.0,
            frozenset({Kind.INTERLOCK, Kind.CHORUS, Kind.DANCE_BREAK, Kind.OUTRO}),
            rhythm=("x.xx .x.x x.xx .x.x",),
            gate=0.35,
            highpass_hz=200.0,
        ),
        Layer(
            "marimba",
            Role.ARP,
            Instrument(12, pan=88, velocity=85),
            60,
            84,
            -14.0,
            frozenset({Kind.INTRO, Kind.CALL, Kind.INTERLOCK, Kind.CHORUS}),
            rhythm=("x.x. x.x. x.x. x.x.",),
            gate=0.9,
            reverb=0.3,
            highpass_hz=200.0,
        ),
        Layer(
            "brass",
            Role.COMP,
            Instrument(61, velocity=100),
            60,
            79,
            -10.0,
            frozenset({Kind.CALL, Kind.CHORUS, Kind.OUTRO}),
            rhythm=("X... ..X. .X.. X...",),
            gate=0.45,
            reverb=0.25,
            highpass_hz=150.0,
        ),
        Layer(
            "strings",
            Role.PAD,
            Instrument(48, velocity=75),
            55,
            76,
            -16.0,
            frozenset({Kind.CHORUS}),
            reverb=0.4,
            highpass_hz=220.0,
        ),
        Layer(
            "lead",
            Role.LEAD,
            Instrument(56, velocity=100),
            62,
            81,
            -7.0,
            frozenset({Kind.INTERLOCK, Kind.CHORUS}),
            reverb=0.25,
            highpass_hz=200.0,
        ),
        Layer(
            "riff",
            Role.RIFF,
            Instrument(62, velocity=100),
            60,
            79,
            -8.0,
            frozenset({Kind.DANCE_BREAK}),
            reverb=0.2,
            highpass_hz=180.0,
        ),
    ),
    melody_rhythms={
        Kind.INTERLOCK: ("x.x. x.x. x--- ....", "..x. x.x. x--- ...."),
        Kind.CHORUS: ("x.x. x--- x.x. x---", "x.x. x--- x--- ...."),
    },
    riff_rhythms=("x.x. .xx. x.x. ..x.",),
    reverb_s=1.5,
)

KIT = kit(STANDARD, gains_db={"hihat": -2.0, "hihat_open": -5.0, "ride": -2.0}, sends=DEFAULT_SENDS, room_s=0.8)
