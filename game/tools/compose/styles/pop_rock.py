"""Pop-rock: driving eighths, a floor-tom pre-chorus, open-hat choruses with crashes, big tom
fills, a 2/4 bar before the last chorus and Expert+ double kicks at the very end."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, POWER, ROOM, Voice, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.pattern import Lanes
from game.tools.compose.spec import Kind
from game.tools.compose.styles.fills import ONE_BEAT

TWO_BEATS: tuple[Lanes, ...] = (
    {"S": "xx.. ....", "T": "..xx ....", "M": ".... xx..", "F": ".... ..xx"},
    {"S": "X.X. ....", "T": ".x.x ....", "F": ".... xxxx", "K": ".... x.x."},
)
FOUR_BEATS: tuple[Lanes, ...] = (
    {
        "S": "x... x... x.x. x.x.",
        "T": ".... .... .... ....",
        "M": ".x.. .x.. .... ....",
        "F": "..x. ..x. .x.x .x.x",
        "K": "x... x... x... x...",
    },
    {"S": "xx.. xx.. X... X...", "T": "..x. ..x. ..x. ..x.", "F": "...x ...x ...x ...x"},
)

DRUMS = DrumStyle(
    grooves={
        "intro": ({"K": "x... .... x... ....", "F": "x.x. x.x. x.x. x.x.", "S": ".... X... .... X..."},),
        "verse": (
            {"K": "x... .... x.x. ....", "S": ".... X... .... X...", "H": "x.x. x.x. x.x. x.x."},
            {"K": "x... ..x. x... ....", "S": ".... X..g .... X...", "H": "x.x. x.x. x.x. x.o."},
        ),
        "pre": ({"K": "x... .... x.x. ....", "S": ".... X... .... X...", "F": "x.x. x.x. x.x. x.x."},),
        "chorus": (
            {"K": "x.x. ..x. x.x. ..x.", "S": ".... X... .... X...", "H": "o.o. o.o. o.o. o.o."},
            {"K": "x.x. ..x. x.x. ....", "S": ".... X... ..g. X...", "H": "o.o. o.o. o.o. o.o."},
        ),
        "bridge": (
            {"K": "x... .... .... ....", "S": ".... .... X... ....", "R": "x... x... x... x..."},
            {"K": "x... .... x... ....", "S": ".... .... X... ....", "R": "x.x. x.x. x.x. x.x."},
        ),
        "final": (
            {"K": "x.x. ..x. x.x. ....", "S": ".... X... .... X...", "R": "X.x. X.x. X.x. X.x."},
            {"K": "x.xd x.x. x.xd x.x.", "S": ".... X... .... X...", "R": "X.x. X.x. X.x. X.x."},
        ),
        "outro": ({"K": "x... .... x... ....", "F": "x.x. x.x. x.x. x.x.", "S": ".... X... .... X..."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "pre",
        Kind.CHORUS: "chorus",
        Kind.BRIDGE: "bridge",
        Kind.OUTRO: "outro",
    },
    fills={1: ONE_BEAT, 2: TWO_BEATS, 4: FOUR_BEATS},
    crash_every=2,
)

BAND = BandStyle(
    progressions={
        Kind.INTRO: "I | IV | vi | V",
        Kind.VERSE: "I | V | vi | IV",
        Kind.PRE_CHORUS: "ii | IV | V | V",
        Kind.CHORUS: "IV | I | V | vi",
        Kind.BRIDGE: "vi | IV | I | V",
        Kind.OUTRO: "IV | I | V | I",
    },
    bass=BassPart(
        Instrument(34, velocity=100),
        {
            Kind.VERSE: ("R.R. R.R. R.R. R.R.",),
            Kind.CHORUS: ("R.R. R.R. R.R. O.5.",),
            Kind.BRIDGE: ("R--- ---- R--- ----",),
        },
        low=26,
    ),
    layers=(
        Layer(
            "guitar_l",
            Role.COMP,
            Instrument(29, pan=24, velocity=100),
            40,
            64,
            -10.0,
            frozenset(Kind) - {Kind.BRIDGE},
            rhythm=("x.x. x.x. x.x. x.x.",),
            gate=0.8,
            power=True,
            reverb=0.12,
            highpass_hz=90.0,
            lowpass_hz=6500.0,
        ),
        Layer(
            "guitar_r",
            Role.COMP,
            Instrument(30, pan=104, velocity=95),
            40,
            64,
            -11.0,
            frozenset({Kind.CHORUS, Kind.PRE_CHORUS, Kind.OUTRO}),
            rhythm=("x--- x--- x--- x-x-",),
            gate=0.9,
            power=True,
            reverb=0.12,
            highpass_hz=90.0,
            lowpass_hz=6500.0,
        ),
        Layer(
            "piano",
            Role.COMP,
            Instrument(1, pan=70, velocity=90),
            60,
            79,
            -13.0,
            frozenset({Kind.VERSE, Kind.BRIDGE}),
            rhythm=("x... x... x... x...",),
            gate=0.9,
            highpass_hz=150.0,
        ),
        Layer(
            "organ",
            Role.PAD,
            Instrument(18, velocity=70),
            55,
            76,
            -18.0,
            frozenset({Kind.CHORUS}),
            reverb=0.3,
            highpass_hz=200.0,
        ),
        Layer(
            "lead",
            Role.LEAD,
            Instrument(30, velocity=100),
            62,
            81,
            -7.0,
            frozenset({Kind.INTRO, Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS}),
            reverb=0.25,
            highpass_hz=150.0,
            lowpass_hz=7000.0,
        ),
    ),
    melody_rhythms={
        Kind.INTRO: ("x--- x--- x-x- x---", "x--- x--- x--- ----"),
        Kind.VERSE: ("x-x- x-x- x--- ....", "x-x- x-x- x--- ----"),
        Kind.PRE_CHORUS: ("x--- x--- x--- x---", "x------- --------"),
        Kind.CHORUS: ("x--- x--- x-x- x---", "x--- x--- x------."),
    },
    reverb_s=1.2,
)

KIT = kit(
    POWER,
    {  # Power kick and snare, the Room kit's toms (their attack is sharper)
        "tom_high": (Voice(ROOM, 50),),
        "tom_mid": (Voice(ROOM, 47),),
        "tom_floor": (Voice(ROOM, 43),),
    },
    gains_db={"hihat": 0.0, "hihat_open": -1.0, "ride": -2.0, "snare": -1.0},
    sends=DEFAULT_SENDS,
    room_s=1.0,
    length_scale={"kick": 0.6, "snare": 0.6, "tom_high": 0.5, "tom_mid": 0.5, "tom_floor": 0.45},
)
