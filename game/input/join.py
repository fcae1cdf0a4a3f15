"""Joining a two-player game: who sits where, decided by the first press on each device.

Pure logic (no pygame, no clock): the join screen feeds it every raw hit and draws `seats`.

Seating rules:
- The shared keyboard's halves are fixed: "keyboard.p1" only ever seats player 1, "keyboard.p2"
  player 2 (the halves are two devices, so both players can join from one keyboard).
- Any other device (a MIDI kit, or the plain "keyboard") seats the player on the side of the kit
  its pad is on (`side_of`: hi-hats, pedal, snare, left crash = player 1; toms, ride, crash =
  player 2; the kick has no side and takes the first free seat), or the other seat if that one
  is taken. With both seats taken, a new device is refused (`JoinPress(None)`).
- A device seated once is never seated again, except that hitting a pad on the free seat's side
  of an already seated kit makes that kit shared: both seats hold `Seat(device, shared=True)`
  and its presses belong to the side of their pad (a shared kit's kick belongs to nobody).
- A seated player's press carries the pad's or key's menu verb (game.input.midi_menu) so both
  players can drive their own panel; the press that seats a player carries none.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.chart.piece import KitPiece
from game.input.midi_menu import menu_action_for
from game.input.raw import MenuAction, RawHit
from game.input.router import SHARED_DEVICE

SEATS = 2
KEYBOARD_HALVES = {"keyboard.p1": 0, "keyboard.p2": 1}
LEFT_SIDE = frozenset({KitPiece.HIHAT, KitPiece.HIHAT_OPEN, KitPiece.HIHAT_PEDAL, KitPiece.SNARE, KitPiece.CRASH_LEFT})
RIGHT_SIDE = frozenset({KitPiece.TOM_HIGH, KitPiece.TOM_MID, KitPiece.TOM_FLOOR, KitPiece.RIDE, KitPiece.CRASH})


def side_of(piece: KitPiece) -> int | None:
    """0 for the left (player 1's) side of a kit, 1 for the right, None for the kick."""
    if piece in LEFT_SIDE:
        return 0
    return 1 if piece in RIGHT_SIDE else None


@dataclass(frozen=True, slots=True)
class Seat:
    device: str  # the device this player plays ("keyboard.p1", a MIDI port name, ...)
    shared: bool = False  # True when both players sit at this one device (split by pads)


@dataclass(frozen=True, slots=True)
class JoinPress:
    seat: int | None  # 0 or 1: whose press this was (None: nobody's)
    joined: bool = False  # this press seated a new player
    action: MenuAction | None = None  # a seated player's press: the pad's or key's menu verb


class JoinState:
    def __init__(self) -> None:
        self.seats: list[Seat | None] = [None] * SEATS

    @property
    def full(self) -> bool:
        return all(seat is not None for seat in self.seats)

    def press(self, hit: RawHit) -> JoinPress:
        if hit.device in KEYBOARD_HALVES:
            return self._press_half(hit, KEYBOARD_HALVES[hit.device])
        mine = [i for i, seat in enumerate(self.seats) if seat is not None and seat.device == hit.device]
        if not mine:
            return self._seat_new(hit)
        side = side_of(hit.piece)
        if len(mine) == SEATS:  # shared: the pad's side decides
            return JoinPress(side, action=menu_action_for(hit.piece)) if side is not None else JoinPress(None)
        if side is not None and side != mine[0] and self.seats[side] is None:
            self.seats = [Seat(hit.device, shared=True)] * SEATS
            return JoinPress(side, joined=True)
        return JoinPress(mine[0], action=menu_action_for(hit.piece))

    def leave(self, seat: int) -> None:
        """Player `seat` leaves; a partner at a shared device keeps it alone."""
        left = self.seats[seat]
        self.seats[seat] = None
        other = self.seats[1 - seat]
        if left is not None and left.shared and other is not None:
            self.seats[1 - seat] = Seat(other.device)

    def device_players(self) -> dict[str, int]:
        """Device -> seated player (0/1), or `SHARED_DEVICE` for a device both players sit at."""
        return {
            seat.device: SHARED_DEVICE if seat.shared else index
            for index, seat in enumerate(self.seats)
            if seat is not None
        }

    def _press_half(self, hit: RawHit, seat: int) -> JoinPress:
        current = self.seats[seat]
        if current is None:
            self.seats[seat] = Seat(hit.device)
            return JoinPress(seat, joined=True)
        if current.device == hit.device:
            return JoinPress(seat, action=menu_action_for(hit.piece))
        return JoinPress(None)  # this half's seat went to another device

    def _seat_new(self, hit: RawHit) -> JoinPress:
        free = [i for i, seat in enumerate(self.seats) if seat is None]
        if not free:
            return JoinPress(None)
        side = side_of(hit.piece)
        seat = side if side in free else free[0]
        self.seats[seat] = Seat(hit.device)
        return JoinPress(seat, joined=True)
