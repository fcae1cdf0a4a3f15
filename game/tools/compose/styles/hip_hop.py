"""Hip-hop groove: boom-bap kicks, a cracking backbeat with ghost notes, sixteenth hats in the
hook, and a tom-heavy dance break."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, POWER, ROOM, STANDARD, TR808, Voice, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.spec import Kind
from game.tools.compose.styles.fills import FOURS

DRUMS = DrumStyle(
    grooves={
        "intro": ({"K": "x... .... x.x. ....", "H": "x.x. x.x. x.x. x.x."},),
        "verse": (
            {"K": "x... .... x.x. ....", "S": ".... X..g .g.. X...", "H": "X.x. X.xx X.x. X.x."},
            {"K": "x..x .... x.x. ..x.", "S": ".g.. X..g .... X..g", "H": "X.x. X.x. X.xx X.o."},
        ),
        "chorus": (
            {"K": "x.x. .... x.xx ....", "S": ".... X... .... X...", "H": "xxxx xxxx xxxx xxxx"},
            {"K": "x.x. ...x ..x. ..x.", "S": ".... X..g .... X.g.", "H": "xxxx xxxx xxxx xxxo"},
        ),
        "dance": (
            {
                "K": "x..x ..x. ..x. ....",
                "S": ".... X... .... X...",
                "M": "..x. .... .x.. x...",
                "F": "...x .... x... .x..",
            },
            {"K": "x..x ..x. ..x. ....", "S": ".... X... .... X...", "T": "..x. ..x. ..x. ..x."},
        ),
        "bridge": ({"K": "x... .... x... ....", "S": ".... X... .... X...", "R": "x.x. x.x. x.x. x.x."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "verse",
        Kind.CHORUS: "chorus",
        Kind.DANCE_BREAK: "dance",
        Kind.BRIDGE: "bridge",
        Kind.OUTRO: "chorus",
    },
    fills=FOURS,
)

BAND = BandStyle(
    progressions={
        Kind.INTRO: "i7 | iv7 | VImaj7 | v7",
        Kind.VERSE: "i7 | iv7 | VImaj7 | v7",
        Kind.CHORUS: "VImaj7 | v7 | i7 | iv7",
        Kind.DANCE_BREAK: "i7 | i7 | iv7 | v7",
        Kind.BRIDGE: "VImaj7 | VImaj7 | v7 | v7",
        Kind.OUTRO: "VImaj7 | v7 | i7 | iv7",
    },
    bass=BassPart(
        Instrument(33, velocity=100),
        {
            Kind.INTRO: (".",),
            Kind.VERSE: ("k",),
            Kind.CHORUS: ("R..R ..R. R.R5 ..O.", "R..R ..R. R.R5 .7.5"),
            Kind.DANCE_BREAK: ("R.RO .R.5 R.RO ..7.",),
            Kind.BRIDGE: ("R--- ---- R--- ----",),
        },
        low=26,
    ),
    layers=(
        Layer(
            "keys",
            Role.COMP,
            Instrument(4, pan=54, chorus=60, velocity=85),
            55,
            74,
            -10.0,
            frozenset(Kind) - {Kind.DANCE_BREAK},
            rhythm=("x--- ---x --x- ----", "x--- ---x ---- x---"),
            gate=0.95,
            reverb=0.3,
            highpass_hz=120.0,
        ),
        Layer(
            "strings",
            Role.COMP,
            Instrument(48, pan=76, velocity=100),
            60,
            79,
            -12.0,
            frozenset({Kind.CHORUS, Kind.OUTRO}),
            rhythm=("X... .... X.x. ....", "X... .... X... ..x."),
            gate=0.6,
            reverb=0.35,
            highpass_hz=200.0,
        ),
        Layer(
            "horns",
            Role.RIFF,
            Instrument(61, pan=44, velocity=105),
            58,
            77,
            -9.0,
            frozenset({Kind.DANCE_BREAK}),
            reverb=0.25,
            highpass_hz=150.0,
        ),
        Layer(
            "trumpet",
            Role.LEAD,
            Instrument(59, velocity=100),
            62,
            79,
            -8.0,
            frozenset({Kind.CHORUS, Kind.INTRO}),
            reverb=0.3,
            highpass_hz=200.0,
        ),
        Layer(
            "vibes",
            Role.ARP,
            Instrument(11, pan=90, velocity=75),
            67,
            86,
            -17.0,
            frozenset({Kind.VERSE}),
            min_energy=0.62,
            rhythm=("x... ..x. ..x. ....",),
            reverb=0.4,
            highpass_hz=300.0,
        ),
    ),
    melody_rhythms={
        Kind.INTRO: ("x.x. ..x. x--- ....", "x.x. ..x. x--- ...."),
        Kind.CHORUS: ("x.x. ..x. x.x. ....", "x.x. ..x. x--- ...."),
    },
    riff_rhythms=("x..x ..x. x... ....", "x..x ..x. ..x. x..."),
    reverb_s=1.3,
)

KIT = kit(
    STANDARD,
    {
        "kick": (Voice(POWER, 36), Voice(TR808, 36, -9.0)),
        "snare": (Voice(ROOM, 38), Voice(TR808, 39, -8.0)),
    },
    gains_db={"hihat": -2.0, "hihat_open": -5.0, "ride": -2.0},
    sends=DEFAULT_SENDS,
    room_s=0.7,
)
