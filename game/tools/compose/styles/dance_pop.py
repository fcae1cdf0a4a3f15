"""Bright dance-pop: four on the floor, claps on the backbeat, open hats on the offbeats."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, ELECTRONIC, STANDARD, TR808, Voice, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.spec import Kind
from game.tools.compose.styles.fills import FOURS

FLOOR = "x... x... x... x..."
BACK = ".... X... .... X..."

DRUMS = DrumStyle(
    grooves={
        "intro": ({"K": FLOOR, "H": "..x. ..x. ..x. ..x."},),
        "verse_light": (
            {"K": "x... .... x.x. ....", "S": BACK, "H": "x.x. x.x. x.x. x.x."},
            {"K": "x... .... x.x. ..x.", "S": BACK, "H": "x.x. x.x. x.x. x.o."},
        ),
        "verse": (
            {"K": FLOOR, "S": BACK, "H": "x.x. x.x. x.x. x.x."},
            {"K": FLOOR, "S": ".... X... .... X..g", "H": "x.x. x.x. x.x. x.o."},
        ),
        "pre": (
            {"K": FLOOR, "S": BACK, "H": "xxxx xxxx xxxx xxxx"},
            {"K": FLOOR, "S": ".... X..g .... X...", "H": "xxxx xxxx xxxx xxxx"},
            {"K": FLOOR, "S": BACK, "H": "xxxx xxxx xxxx xxxx"},
            {"K": FLOOR, "S": "x.x. X.x. x.x. X.x."},
        ),
        "chorus": (
            {"K": FLOOR, "S": BACK, "H": "x.O. x.O. x.O. x.O."},
            {"K": FLOOR, "S": ".... X... .... X..g", "H": "x.O. x.O. x.O. xxO."},
        ),
        "dance": (
            {"K": "x..x ..x. x..x ..x.", "S": ".... X..x .... X...", "H": "x.xx x.xx x.xx x.xx"},
            {
                "K": "x..x ..x. x..x ..x.",
                "S": ".... X... .... X...",
                "T": "..x. .... ..x. ....",
                "M": ".... ..x. .... ..x.",
                "H": "x... x... x... x...",
            },
        ),
        "bridge": ({"K": "x... .... ..x. ....", "S": ".... .... X... ....", "H": "x.x. x.x. x.x. x.x."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "pre",
        Kind.CHORUS: "chorus",
        Kind.POST_CHORUS: "chorus",
        Kind.DANCE_BREAK: "dance",
        Kind.BRIDGE: "bridge",
        Kind.OUTRO: "chorus",
    },
    light_grooves={Kind.VERSE: "verse_light"},
    progressive=frozenset({"pre"}),
    fills=FOURS,
)

_MAIN = frozenset({Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS, Kind.POST_CHORUS, Kind.BRIDGE, Kind.OUTRO})
_HOOK = frozenset({Kind.CHORUS, Kind.POST_CHORUS, Kind.DANCE_BREAK, Kind.OUTRO})

BAND = BandStyle(
    progressions={
        Kind.INTRO: "IVmaj7 | V | iii7 | vi",
        Kind.VERSE: "vi | IV | I | V",
        Kind.PRE_CHORUS: "ii7 | iii7 | IVmaj7 | Vsus4 V",
        Kind.CHORUS: "IVmaj7 | V | iii7 | vi",
        Kind.DANCE_BREAK: "vi | IV | I | V",
        Kind.BRIDGE: "IV | V | iii7 | vi",
        Kind.OUTRO: "IVmaj7 | V | iii7 | vi",
    },
    bass=BassPart(
        Instrument(39, velocity=100),
        {
            Kind.INTRO: (".",),
            Kind.VERSE: ("R... ..R. R... ..R.", "R... ..R. R..O ..R."),
            Kind.PRE_CHORUS: ("R.R. R.R. R.R. R.R.",),
            Kind.CHORUS: ("R.O. R.O. R.O. R.O.", "R.O. R.O. R.O. R.OR"),
            Kind.DANCE_BREAK: ("R.RO .R.O R.RO .RO.",),
            Kind.BRIDGE: ("R--- ---- R--- ----",),
        },
        low=28,
    ),
    layers=(
        Layer(
            "pad",
            Role.PAD,
            Instrument(90, chorus=80, velocity=80),
            55,
            76,
            -16.0,
            _MAIN | {Kind.INTRO},
            reverb=0.35,
            highpass_hz=220.0,
        ),
        Layer(
            "piano",
            Role.COMP,
            Instrument(1, pan=48, velocity=90),
            60,
            79,
            -12.0,
            _MAIN,
            rhythm=("..x. ..x. ..x. ..x.", "..x. ..x. ..x. .xx."),
            gate=0.45,
            highpass_hz=180.0,
        ),
        Layer(
            "pluck",
            Role.ARP,
            Instrument(80, pan=84, velocity=70),
            64,
            88,
            -17.0,
            _HOOK,
            min_energy=0.9,
            rhythm=("xxxx xxxx xxxx xxxx",),
            gate=0.4,
            reverb=0.3,
            highpass_hz=300.0,
            lowpass_hz=8000.0,
        ),
        Layer(
            "lead",
            Role.LEAD,
            Instrument(81, chorus=40, velocity=100),
            64,
            81,
            -7.0,
            frozenset({Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS}),
            reverb=0.25,
            highpass_hz=200.0,
            lowpass_hz=7000.0,
            ducked=False,
            octave_doubling=True,
        ),
        Layer(
            "riff",
            Role.RIFF,
            Instrument(62, velocity=100),
            62,
            81,
            -8.0,
            frozenset({Kind.DANCE_BREAK, Kind.INTRO}),
            reverb=0.2,
            highpass_hz=180.0,
            ducked=False,
        ),
        Layer(
            "bells",
            Role.ARP,
            Instrument(9, pan=40, velocity=70),
            76,
            96,
            -19.0,
            frozenset({Kind.CHORUS}),
            min_energy=0.95,
            rhythm=("x.x. x.x. x.x. x.x.",),
            reverb=0.4,
            highpass_hz=500.0,
        ),
    ),
    melody_rhythms={
        Kind.VERSE: ("....x.x. x.x.x---", "..x.x.x. x---...."),
        Kind.PRE_CHORUS: ("x---x--- x---x.x.", "x------- x---...."),
        Kind.CHORUS: ("x.x.x--- ..x.x.x.", "x.x.x--- x---...."),
    },
    riff_rhythms=("x.xx ..x. x.x. .x..", "x.xx ..x. x.x. x..."),
    sidechain_db=6.0,
    risers=True,
    reverb_s=1.4,
)

KIT = kit(
    STANDARD,
    {
        "kick": (Voice(ELECTRONIC, 36), Voice(STANDARD, 36, -6.0)),
        "snare": (Voice(STANDARD, 38, -2.0), Voice(TR808, 39, -1.0)),  # snare and clap
        "tom_high": (Voice(TR808, 50),),
        "tom_mid": (Voice(TR808, 47),),
        "tom_floor": (Voice(TR808, 43),),
    },
    gains_db={"hihat": -2.0, "hihat_open": -5.0},
    sends=DEFAULT_SENDS,
    room_s=0.9,
)
