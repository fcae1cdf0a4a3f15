"""Driving menus from the kit: a few pads act as menu keys outside of play.

Snare = select, floor tom = back, high tom = up, mid tom = down, hi-hat = left, ride = right.
Kick, pedal hi-hat and crashes do nothing: a foot resting on a pedal or a cymbal still swinging
must not move a menu. Scenes that take drum hits (play) never ask.
"""

from __future__ import annotations

from types import MappingProxyType

from game.chart.piece import KitPiece
from game.input.raw import MenuAction

MENU_PADS = MappingProxyType(
    {
        KitPiece.SNARE: MenuAction.SELECT,
        KitPiece.TOM_FLOOR: MenuAction.BACK,
        KitPiece.TOM_HIGH: MenuAction.UP,
        KitPiece.TOM_MID: MenuAction.DOWN,
        KitPiece.HIHAT: MenuAction.LEFT,
        KitPiece.HIHAT_OPEN: MenuAction.LEFT,
        KitPiece.RIDE: MenuAction.RIGHT,
    }
)


def menu_action_for(piece: KitPiece) -> MenuAction | None:
    return MENU_PADS.get(piece)
