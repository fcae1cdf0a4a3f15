"""The computer keyboard as a drum kit and as a menu controller.

Bindings map pygame key names (as in settings: "space", "f", "j") to kit pieces; several keys may
share a piece so fast rolls can alternate hands. Each key also names the device its hits come
from: "keyboard" for one player; on a shared keyboard (`KeyBindings.couch`) "keyboard.p1" for
player 1's half and "keyboard.p2" for player 2's, and a key bound in both halves stays player 1's.
Menu keys are fixed and separate; while playing, drum keys win over menu keys except Escape
(pause). pygame-ce drops OS key-repeat KEYDOWNs, so every KEYDOWN is a real press.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pygame

from game.chart.piece import KitPiece
from game.input.raw import MenuAction, RawHit

log = logging.getLogger(__name__)

KEYBOARD_VELOCITY = 100
KEYBOARD = "keyboard"
COUCH_KEYBOARDS = ("keyboard.p1", "keyboard.p2")  # the halves of a keyboard two players share
MENU_KEYS = {
    pygame.K_UP: MenuAction.UP,
    pygame.K_DOWN: MenuAction.DOWN,
    pygame.K_LEFT: MenuAction.LEFT,
    pygame.K_RIGHT: MenuAction.RIGHT,
    pygame.K_RETURN: MenuAction.SELECT,
    pygame.K_KP_ENTER: MenuAction.SELECT,
    pygame.K_ESCAPE: MenuAction.BACK,
    pygame.K_BACKSPACE: MenuAction.ERASE,
    pygame.K_TAB: MenuAction.SORT,
    pygame.K_F11: MenuAction.FULLSCREEN,
    pygame.K_PAUSE: MenuAction.PAUSE,
}
# Letter shortcuts for screens that take no drum input (results: retry, apply offset). They
# collide with drum keys, so they only count where drums do not come first.
LETTER_KEYS = {pygame.K_r: MenuAction.RETRY, pygame.K_o: MenuAction.OFFSET}


@dataclass(frozen=True, slots=True)
class KeyBindings:
    pieces: Mapping[int, KitPiece]  # pygame key code -> piece
    devices: Mapping[int, str] = field(default_factory=dict)  # key code -> device; absent: "keyboard"

    @classmethod
    def from_names(cls, names: Mapping[str, str], device: str = KEYBOARD) -> KeyBindings:
        """Builds bindings from settings; unknown key names or pieces are skipped with a log line."""
        pieces: dict[int, KitPiece] = {}
        for key_name, piece_name in names.items():
            try:
                pieces[pygame.key.key_code(key_name)] = KitPiece(piece_name)
            except (ValueError, pygame.error):
                log.warning("ignoring key binding %r -> %r", key_name, piece_name)
        return cls(pieces, {} if device == KEYBOARD else dict.fromkeys(pieces, device))

    @classmethod
    def couch(cls, halves: Sequence[Mapping[str, str]]) -> KeyBindings:
        """Both players' key sets on one keyboard (player 1's first); their hits come from
        "keyboard.p1" / "keyboard.p2". A key in both sets is player 1's, never both players'."""
        pieces: dict[int, KitPiece] = {}
        devices: dict[int, str] = {}
        for names, device in zip(halves, COUCH_KEYBOARDS, strict=True):
            half = cls.from_names(names, device)
            for code, piece in half.pieces.items():
                if code in pieces:
                    log.warning("key %r is bound for both players; it plays for player 1", pygame.key.name(code))
                    continue
                pieces[code], devices[code] = piece, device
        return cls(pieces, devices)

    def device_of(self, key: int) -> str:
        return self.devices.get(key, KEYBOARD)

    def labels(self, device: str | None = None) -> list[tuple[str, KitPiece]]:
        """(key label, piece) pairs for the on-screen hint, ordered by piece; only the keys of
        `device` ("keyboard.p2": player 2's half) when given."""
        order = {piece: i for i, piece in enumerate(KitPiece)}
        pairs = [
            (pygame.key.name(code).upper(), piece)
            for code, piece in self.pieces.items()
            if device is None or self.device_of(code) == device
        ]
        return sorted(pairs, key=lambda pair: (order[pair[1]], pair[0]))


def hit_from_key(event: pygame.event.Event, bindings: KeyBindings, wall_time: float) -> RawHit | None:
    piece = bindings.pieces.get(event.key)
    if piece is None:
        return None
    return RawHit(piece, wall_time, KEYBOARD_VELOCITY, bindings.device_of(event.key))


def action_from_key(event: pygame.event.Event, letters: bool = False) -> MenuAction | None:
    action = MENU_KEYS.get(event.key)
    if action is None and letters:
        action = LETTER_KEYS.get(event.key)
    return action
