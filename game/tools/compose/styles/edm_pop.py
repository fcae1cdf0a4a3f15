"""EDM-pop: a sparse verse, a snare build-up that doubles its speed every two bars, a drop with
four-on-the-floor kicks, claps and open offbeat hats, and a kick-less breakdown."""

from __future__ import annotations

from game.tools.compose.band import BandStyle, BassPart, Instrument, Layer, Role
from game.tools.compose.drumkit import DEFAULT_SENDS, ELECTRONIC, POWER, STANDARD, TR808, Voice, kit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.pattern import Lanes
from game.tools.compose.spec import Kind
from game.tools.compose.styles.fills import ONE_BEAT, TWO_BEATS

FLOOR = "x... x... x... x..."
ROLLS: tuple[Lanes, ...] = (
    {"S": ("XxxxXxxxXxxxXxxx",), "K": FLOOR},
    {"S": ("XxxxxxXxxxxxXxxxxxXxxxxx",), "K": "x... x... x... ...."},  # sixteenth triplets
)

DRUMS = DrumStyle(
    grooves={
        "intro": ({"K": FLOOR, "H": "..x. ..x. ..x. ..x."},),
        "verse": (
            {"K": "x... .... x... ....", "S": ".... X... .... X...", "H": "..x. ..x. ..x. ..x."},
            {"K": "x... .... x.x. ....", "S": ".... X... .... X...", "H": "..x. ..x. ..x. ..xx"},
        ),
        "build": (
            {"K": FLOOR, "S": "X... X... X... X..."},
            {"K": FLOOR, "S": "X.x. X.x. X.x. X.x."},
            {"K": FLOOR, "S": "XxxxXxxxXxxxXxxx"},
        ),
        "drop": (
            {"K": FLOOR, "S": ".... X... .... X...", "H": "..O. ..O. ..O. ..O."},
            {"K": FLOOR, "S": ".... X... .... X..x", "H": "..O. ..O. ..O. ..O."},
            {"K": FLOOR, "S": ".... X... .... X...", "H": "..O. ..O. ..O. ..O."},
            {"K": "x... x... x... x.x.", "S": ".... X... .... X.x.", "H": "..O. ..O. ..O. ...."},
        ),
        "breakdown": ({"S": ".... .... X... ....", "R": "x... x... x... x..."},),
        "outro": ({"K": FLOOR, "H": "..x. ..x. ..x. ..x."},),
    },
    kind_grooves={
        Kind.INTRO: "intro",
        Kind.VERSE: "verse",
        Kind.PRE_CHORUS: "verse",
        Kind.BUILD: "build",
        Kind.DROP: "drop",
        Kind.CHORUS: "drop",
        Kind.BRIDGE: "breakdown",
        Kind.OUTRO: "outro",
    },
    progressive=frozenset({"build"}),
    fills={1: ONE_BEAT, 2: TWO_BEATS, 4: ROLLS},
)

BAND = BandStyle(
    progressions={
        Kind.INTRO: "i | VI | III | VII",
        Kind.VERSE: "i | i | VI | VII",
        Kind.BUILD: "iv | VI | VII | VII",
        Kind.DROP: "i | VI | III | VII",
        Kind.BRIDGE: "VI | III | VII | i",
        Kind.OUTRO: "i | VI | III | VII",
    },
    bass=BassPart(
        Instrument(38, velocity=100),
        {
            Kind.INTRO: (".",),
            Kind.VERSE: ("R--- ---- R--- ..R.",),
            Kind.BUILD: ("R.R. R.R. R.R. R.R.",),
            Kind.DROP: ("..R. ..R. ..R. ..R.", "..R. ..R. ..R. ..OR"),
            Kind.BRIDGE: ("R--- ---- ---- ----",),
        },
        low=28,
    ),
    layers=(
        Layer(
            "saws",
            Role.COMP,
            Instrument(81, chorus=110, velocity=90),
            57,
            76,
            -9.0,
            frozenset({Kind.DROP}),
            rhythm=("x.x. .x.. x.x. .x..", "x.x. .x.. x.x. x.x."),
            gate=0.7,
            reverb=0.3,
            highpass_hz=200.0,
            lowpass_hz=9000.0,
        ),
        Layer(
            "pad",
            Role.PAD,
            Instrument(94, chorus=90, velocity=80),
            55,
            76,
            -14.0,
            frozenset({Kind.INTRO, Kind.VERSE, Kind.BUILD, Kind.BRIDGE, Kind.OUTRO}),
            reverb=0.45,
            highpass_hz=200.0,
        ),
        Layer(
            "pluck",
            Role.ARP,
            Instrument(80, pan=88, velocity=70),
            69,
            88,
            -15.0,
            frozenset({Kind.BUILD, Kind.DROP, Kind.INTRO}),
            rhythm=("x.xx x.xx x.xx x.xx",),
            gate=0.35,
            reverb=0.35,
            highpass_hz=350.0,
            lowpass_hz=8000.0,
        ),
        Layer(
            "vox",
            Role.LEAD,
            Instrument(85, chorus=50, velocity=100),
            62,
            79,
            -8.0,
            frozenset({Kind.VERSE, Kind.BUILD, Kind.BRIDGE}),
            reverb=0.4,
            highpass_hz=220.0,
            ducked=False,
        ),
        Layer(
            "drop_lead",
            Role.RIFF,
            Instrument(81, chorus=60, velocity=105),
            64,
            84,
            -7.0,
            frozenset({Kind.DROP}),
            reverb=0.25,
            highpass_hz=200.0,
            lowpass_hz=8000.0,
            ducked=False,
        ),
        Layer(
            "choir",
            Role.PAD,
            Instrument(54, velocity=75),
            60,
            79,
            -17.0,
            frozenset({Kind.DROP}),
            reverb=0.5,
            highpass_hz=300.0,
        ),
    ),
    melody_rhythms={
        Kind.VERSE: ("x.x.x.x. x--.....", "..x.x.x. x.x.x---"),
        Kind.BUILD: ("x--- x--- x--- x---", "x-x- x-x- x-x- x-x-"),
        Kind.BRIDGE: ("x------- x---x---", "x------- ........"),
    },
    riff_rhythms=("x.x. .x.x ..x. x.x.", "x.x. .x.x ..x. xx.."),
    sidechain_db=9.0,
    risers=True,
    reverb_s=1.8,
)

KIT = kit(
    STANDARD,
    {
        "kick": (Voice(ELECTRONIC, 36), Voice(TR808, 36, -5.0)),
        "snare": (Voice(POWER, 38, -3.0), Voice(TR808, 39, -1.0)),
    },
    gains_db={"hihat": -3.0, "hihat_open": -5.0},
    sends=DEFAULT_SENDS,
    room_s=1.1,
)
