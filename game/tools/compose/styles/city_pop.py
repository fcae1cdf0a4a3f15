"""Retro city-pop / funk: sixteenth hats, ghost notes on the snare, open hats, a ride bridge."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, STANDARD, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.spec import Kind
from game.tools.compose.styles.fills import FOURS

DRUMS = DrumStyle(
    grooves={
        "intro": ({"K": "x... ..x. x... ....", "S": ".... X... .... X...", "H": "x.x. x.x. x.x. x.o."},),
        "verse": (
            {"K": "x..x ..x. ..x. ....", "S": ".... X..g .g.. X..g", "H": "x.x. x.x. x.x. x.o."},
            {"K": "x..x ..x. ..x. .x..", "S": ".g.. X..g .g.. X...", "H": "x.x. x.x. x.x. x.x."},
        ),
        "pre": (
            {"K": "x... ..x. x... ..x.", "S": ".... X..g .... X..g", "H": "xxxx xxxx xxxx xxxo"},
            {"K": "x... ..x. x... ..x.", "S": ".... X..g .g.. X...", "H": "xxxx xxxx xxxx xxxx"},
        ),
        "chorus": (
            {"K": "x..x ..x. x..x ..x.", "S": ".... X..g .g.. X..g", "H": "xxxx xxxo xxxx xxxo"},
            {"K": "x..x ..x. x... .x..", "S": ".g.. X..g .g.. X.gg", "H": "xxxx xxxo xxxx xxx."},
        ),
        "bridge": (
            {"K": "x... ..x. ..x. ....", "S": ".... X..g .... X...", "R": "x.x. x.x. x.x. x.x."},
            {"K": "x... ..x. ..x. ..x.", "S": ".... X... ..g. X..g", "R": "x.x. x.x. x.xx x.x."},
        ),
        "solo": ({"K": "x..x ..x. x..x ..x.", "S": ".... X..g .g.. X..g", "H": "x.o. x.o. x.o. x.o."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "pre",
        Kind.CHORUS: "chorus",
        Kind.BRIDGE: "bridge",
        Kind.DANCE_BREAK: "solo",
        Kind.OUTRO: "chorus",
    },
    fills=FOURS,
)

_ALL_MAIN = frozenset({Kind.INTRO, Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS, Kind.BRIDGE, Kind.OUTRO})

BAND = BandStyle(
    progressions={
        Kind.INTRO: "IVmaj7 | III7 | vi7 | v7 I7",
        Kind.VERSE: "ii9 | V9 | Imaj7 | vi7",
        Kind.PRE_CHORUS: "ii7 | iii7 | IVmaj7 | Vsus4 V7",
        Kind.CHORUS: "IVmaj7 | III7 | vi7 | v7 I7",
        Kind.BRIDGE: "bVIImaj7 | IVmaj7 | bVIImaj7 | V7",
        Kind.OUTRO: "IVmaj7 | III7 | vi7 | v7 I7",
    },
    bass=BassPart(
        Instrument(36, velocity=100),
        {
            Kind.INTRO: ("R... ..R. R... ....",),
            Kind.VERSE: ("R..O ..R. .5.R ..O.", "R..O ..R. .5.R .7.O"),
            Kind.PRE_CHORUS: ("R.R. .R.5 R.R. .O.5",),
            Kind.CHORUS: ("R.RO .R.O R.R5 .O.7", "R.RO .R.O R.R5 .3.5"),
            Kind.BRIDGE: ("R--- ..R. 5--- ..O.",),
        },
        low=29,
    ),
    layers=(
        Layer(
            "ep",
            Role.COMP,
            Instrument(4, pan=50, chorus=70, velocity=85),
            57,
            76,
            -10.0,
            _ALL_MAIN,
            rhythm=("x--x --x- --x- ----", "x--x --x- ---- x---"),
            gate=0.95,
            reverb=0.25,
        ),
        Layer(
            "guitar",
            Role.COMP,
            Instrument(28, bank=8, pan=92, velocity=90),
            60,
            76,
            -15.0,
            frozenset({Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS, Kind.OUTRO}),
            rhythm=("..x. ..x. ..x. ..x.", "..x. ..xx ..x. ..x."),
            gate=0.3,
            highpass_hz=250.0,
        ),
        Layer(
            "brass",
            Role.COMP,
            Instrument(61, pan=40, velocity=100),
            60,
            80,
            -11.0,
            frozenset({Kind.CHORUS, Kind.OUTRO}),
            rhythm=("x... ...X ..x. ....", ".... ...X ..X. X..."),
            gate=0.5,
            reverb=0.25,
            highpass_hz=150.0,
        ),
        Layer(
            "strings",
            Role.PAD,
            Instrument(48, pan=72, velocity=80),
            60,
            79,
            -16.0,
            frozenset({Kind.CHORUS, Kind.BRIDGE, Kind.OUTRO}),
            reverb=0.4,
            highpass_hz=250.0,
        ),
        Layer(
            "sax",
            Role.LEAD,
            Instrument(65, velocity=100),
            60,
            79,
            -7.0,
            frozenset({Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS}),
            reverb=0.25,
            highpass_hz=180.0,
        ),
        Layer(
            "solo",
            Role.RIFF,
            Instrument(65, velocity=105),
            62,
            82,
            -7.0,
            frozenset({Kind.BRIDGE}),
            reverb=0.3,
            highpass_hz=180.0,
        ),
    ),
    melody_rhythms={
        Kind.VERSE: ("..x. x.x. .x.x ----", "..x. x.x. x--- ...."),
        Kind.PRE_CHORUS: ("x--- x--- x.x. x---", "x--- ---- x--- ...."),
        Kind.CHORUS: ("x.x. x--- .x.x x---", "x.x. x--. x--- ...."),
    },
    riff_rhythms=("x.xx .x.x x... .xx.", "..x. x.xx .x.x x---"),
    reverb_s=1.8,
)

KIT = kit(STANDARD, gains_db={"hihat": -2.0, "hihat_open": -5.0, "ride": -2.0}, sends=DEFAULT_SENDS, room_s=0.8)
