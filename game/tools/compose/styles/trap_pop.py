"""Girl-crush trap-pop: half-time backbeat on 3, syncopated 808 kicks, rolling hi-hats
(sixteenth-triplet bursts), and a four-on-the-floor dance break at a faster tempo."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, ELECTRONIC, STANDARD, TR808, Voice, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.spec import Kind
from game.tools.compose.styles.fills import FOURS

HALF = ".... .... X... ...."
ROLL_END = "..................... xxx"  # 24 steps: a triplet burst in the last eighth
ROLL_MID = "......... xxx ............"

DRUMS = DrumStyle(
    grooves={
        "intro": (
            {"H": ("x.x. x.x. x.x. x...", ROLL_END)},
            {"K": "x... .... .... ....", "H": ("x.x. x.x. x.x. x.x.",)},
        ),
        "verse": (
            {"K": "x... ..x. ..x. ....", "S": HALF, "H": ("x.x. x.x. x.x. x...", ROLL_END)},
            {"K": "x... ..x. .... .x..", "S": HALF, "H": ("x.x. x... x.x. x.x.", ROLL_MID)},
            {"K": "x... ..x. ..x. ....", "S": ".... .... X... ..g.", "H": ("x.x. x.x. x.x. x...", ROLL_END)},
            {"K": "x..x ..x. .... x...", "S": HALF, "H": ("xxx. x.x. xxx. x.x.",)},
        ),
        "pre": (
            {"K": "x... ..x. x... ....", "S": HALF, "H": ("x.x. x.x. x.x. x.x.",)},
            {"K": "x... ..x. x... ....", "S": ".... .... X... X...", "H": ("x.x. x.x. x.x. x.x.",)},
            {"K": "x... x... x... x...", "S": ".... X... .... X...", "H": ("xxxx xxxx xxxx xxxx",)},
            {"K": "x... x... x... x...", "S": "X.x. X.x. X.x. X.x."},
        ),
        "chorus": (
            {"K": "x..x ..x. ..x. ....", "S": HALF, "H": ("xxxx xxxx xxxx x...", ROLL_END)},
            {"K": "x... ..x. .x.. ..x.", "S": ".... .... X... ..gX", "H": ("xxxx x.x. xxxx xxxx",)},
        ),
        "dance": (
            {"K": "x... x... x... x...", "S": ".... X... .... X...", "H": "..o. ..o. ..o. ..o."},
            {
                "K": "x... x... x... x...",
                "S": ".... X..x .... X...",
                "H": "..o. ..o. ..o. ..o.",
                "T": ".... .... ..x. ....",
                "M": ".... .... ...x ....",
            },
        ),
        "bridge": ({"K": "x... .... .... ....", "S": HALF, "R": "x... x... x... x..."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "pre",
        Kind.CHORUS: "chorus",
        Kind.DANCE_BREAK: "dance",
        Kind.BRIDGE: "bridge",
        Kind.OUTRO: "chorus",
    },
    progressive=frozenset({"pre"}),
    fills={
        **FOURS,
        2: (
            {"T": "xxx ... ... ...", "M": "... xxx ... ...", "F": "... ... xxx xxx"},  # sixteenth triplets
            {"S": "X..X ..X.", "F": ".xx. xx.x"},
        ),
    },
)

_DARK = frozenset({Kind.INTRO, Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS, Kind.BRIDGE, Kind.OUTRO})

BAND = BandStyle(
    progressions={
        Kind.INTRO: "i | VI | iv | V",
        Kind.VERSE: "i | VI | iv | V",
        Kind.PRE_CHORUS: "iv | v | VI | VII",
        Kind.CHORUS: "VI | VII | i | i",
        Kind.DANCE_BREAK: "i | VII | VI | VII",
        Kind.BRIDGE: "VI | VI | iv | V",
        Kind.OUTRO: "VI | VII | i | i",
    },
    bass=BassPart(
        Instrument(80, bank=8, velocity=110),
        {
            Kind.INTRO: (".",),
            Kind.VERSE: ("k",),
            Kind.BRIDGE: ("R--- ---- ---- ----",),
        },
        low=30,
        level_db=-2.0,
        drive=0.55,
    ),
    layers=(
        Layer(
            "strings",
            Role.PAD,
            Instrument(49, pan=56, velocity=85),
            48,
            72,
            -15.0,
            _DARK,
            reverb=0.4,
            highpass_hz=180.0,
            ducked=False,
        ),
        Layer(
            "celesta",
            Role.ARP,
            Instrument(8, pan=84, velocity=80),
            72,
            91,
            -17.0,
            frozenset({Kind.INTRO, Kind.VERSE, Kind.BRIDGE}),
            rhythm=("x..x ..x. x..x ..x.",),
            reverb=0.45,
            highpass_hz=400.0,
        ),
        Layer(
            "brass",
            Role.COMP,
            Instrument(62, velocity=100),
            55,
            74,
            -10.0,
            frozenset({Kind.CHORUS, Kind.OUTRO}),
            rhythm=("X..X ..X. ..X. .X..", "X..X ..X. .... X..."),
            gate=0.5,
            highpass_hz=150.0,
            ducked=False,
        ),
        Layer(
            "choir",
            Role.PAD,
            Instrument(52, chorus=60, velocity=80),
            57,
            76,
            -17.0,
            frozenset({Kind.CHORUS, Kind.PRE_CHORUS}),
            reverb=0.45,
            highpass_hz=250.0,
        ),
        Layer(
            "lead",
            Role.LEAD,
            Instrument(80, chorus=30, velocity=100),
            61,
            79,
            -7.0,
            frozenset({Kind.VERSE, Kind.PRE_CHORUS, Kind.CHORUS}),
            reverb=0.22,
            highpass_hz=200.0,
            lowpass_hz=7000.0,
            octave_doubling=True,
        ),
        Layer(
            "riff",
            Role.RIFF,
            Instrument(81, chorus=50, velocity=100),
            61,
            80,
            -8.0,
            frozenset({Kind.DANCE_BREAK}),
            reverb=0.2,
            highpass_hz=180.0,
            lowpass_hz=8000.0,
        ),
    ),
    melody_rhythms={
        Kind.VERSE: ("x.x.x.x. ..x.x.x.", "x.x.x.-- ........"),
        Kind.PRE_CHORUS: ("x--- x--- x.x. x---", "x------- ........"),
        Kind.CHORUS: ("x--.x--. x.x.x---", "x--.x--. x---...."),
    },
    riff_rhythms=("x.x. .x.x ..x. x...", "x.x. .x.x ..x. x.x."),
    risers=True,
    reverb_s=1.8,
)

KIT = kit(
    TR808,
    {
        "kick": (Voice(TR808, 36), Voice(ELECTRONIC, 36, -8.0)),
        "snare": (Voice(STANDARD, 40, -3.0), Voice(TR808, 39, -2.0)),  # electric snare and clap
        "crash": (Voice(STANDARD, 49),),
        "ride": (Voice(STANDARD, 51),),
        "crash_left": (Voice(STANDARD, 57),),
    },
    gains_db={"hihat": -3.0, "hihat_open": -6.0},
    sends=DEFAULT_SENDS,
    room_s=1.0,
    length_scale={"kick": 2.0},
)
