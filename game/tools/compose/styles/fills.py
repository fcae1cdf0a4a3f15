"""Fill shapes shared by several styles, in 4/4 (sixteenths: four steps per beat)."""

from __future__ import annotations

from game.tools.compose.pattern import Lanes

ONE_BEAT: tuple[Lanes, ...] = (
    {"S": "xxxx"},
    {"S": "X.xx"},
    {"T": "xx..", "M": "..xx"},
    {"S": "x...", "T": "..x.", "F": "...x", "K": "x..."},
)
TWO_BEATS: tuple[Lanes, ...] = (
    {"S": "xxxx ....", "T": ".... xx..", "F": ".... ..xx"},
    {"S": "X.xx X.xx", "K": "x... x..."},
    {"S": "xx.. ....", "T": "..xx ....", "M": ".... xx..", "F": ".... ..xx"},
    {"S": "gxgx XxXx"},
)
FOUR_BEATS: tuple[Lanes, ...] = (
    {
        "S": "xxxx .... .... ....",
        "T": ".... xxxx .... ....",
        "M": ".... .... xxxx ....",
        "F": ".... .... .... xxxx",
        "K": "x... x... x... x...",
    },
    {"S": "x.xx x.xx X.xx X.xx", "K": "x... x... x... x..."},
    {
        "S": "X..x ..x. .... ....",
        "T": ".... .... xx.. ....",
        "M": ".... .... ..xx ....",
        "F": ".... .... .... xxxx",
        "K": "x... .... x... x...",
    },
)
FOURS: dict[int, tuple[Lanes, ...]] = {1: ONE_BEAT, 2: TWO_BEATS, 4: FOUR_BEATS}
