"""Joining a two-player game: every device combination the couch mode promises, seat by seat.

Presses are raw hits as the devices stamp them; the times are made up (joining ignores them).
"""

from __future__ import annotations

import pytest

from game.chart.piece import KitPiece as P
from game.input.join import JoinPress, JoinState, Seat, side_of
from game.input.raw import MenuAction, RawHit
from game.input.router import SHARED_DEVICE

TD17 = "TD-17 MIDI 1"
NITRO = "Nitro MIDI 1"
HALF_1, HALF_2 = "keyboard.p1", "keyboard.p2"


def hit(device: str, piece: P = P.SNARE) -> RawHit:
    return RawHit(piece, 1.0, 100, device)


def test_one_keyboard_shared_by_halves():
    join = JoinState()
    assert join.press(hit(HALF_2, P.TOM_HIGH)) == JoinPress(1, joined=True)  # player 2 may join first
    assert not join.full
    assert join.press(hit(HALF_1, P.KICK)) == JoinPress(0, joined=True)  # any key of the half seats
    assert join.full
    assert join.seats == [Seat(HALF_1), Seat(HALF_2)]
    assert join.device_players() == {HALF_1: 0, HALF_2: 1}


def test_a_seated_players_press_carries_its_menu_verb():
    join = JoinState()
    join.press(hit(HALF_1))
    join.press(hit(TD17, P.RIDE))
    assert join.press(hit(HALF_1, P.SNARE)) == JoinPress(0, action=MenuAction.SELECT)
    assert join.press(hit(HALF_1, P.TOM_FLOOR)) == JoinPress(0, action=MenuAction.BACK)
    assert join.press(hit(TD17, P.HIHAT)) == JoinPress(1, action=MenuAction.LEFT)
    assert join.press(hit(TD17, P.KICK)) == JoinPress(1)  # the kick is no menu verb


def test_keyboard_and_midi_kit():
    join = JoinState()
    assert join.press(hit(TD17, P.SNARE)) == JoinPress(0, joined=True)  # left-side pad: player 1
    # the left half's seat is taken by the kit: the left half stays nobody's, the right half joins
    assert join.press(hit(HALF_1)) == JoinPress(None)
    assert join.press(hit(HALF_2)) == JoinPress(1, joined=True)
    assert join.device_players() == {TD17: 0, HALF_2: 1}


@pytest.mark.parametrize(
    ("first", "seat"), [(P.HIHAT, 0), (P.HIHAT_PEDAL, 0), (P.CRASH_LEFT, 0), (P.TOM_FLOOR, 1), (P.CRASH, 1)]
)
def test_a_kit_seats_the_player_on_its_pads_side(first, seat):
    join = JoinState()
    assert join.press(hit(NITRO, first)) == JoinPress(seat, joined=True)
    assert join.device_players() == {NITRO: seat}


def test_two_midi_kits():
    join = JoinState()
    assert join.press(hit(TD17, P.RIDE)) == JoinPress(1, joined=True)
    # the second kit hits a right-side pad too, but that seat is taken: it takes the free one
    assert join.press(hit(NITRO, P.TOM_HIGH)) == JoinPress(0, joined=True)
    assert join.device_players() == {NITRO: 0, TD17: 1}
    assert join.press(hit(NITRO, P.TOM_HIGH)) == JoinPress(0, action=MenuAction.UP)


def test_the_kick_takes_the_first_free_seat():
    join = JoinState()
    assert join.press(hit(TD17, P.KICK)) == JoinPress(0, joined=True)
    assert join.press(hit(NITRO, P.KICK)) == JoinPress(1, joined=True)


def test_one_midi_kit_shared_by_both():
    join = JoinState()
    assert join.press(hit(TD17, P.HIHAT)) == JoinPress(0, joined=True)
    assert join.press(hit(TD17, P.SNARE)) == JoinPress(0, action=MenuAction.SELECT)  # same side: same player
    assert join.press(hit(TD17, P.TOM_MID)) == JoinPress(1, joined=True)  # the other side: shared
    assert join.full
    assert join.seats == [Seat(TD17, shared=True), Seat(TD17, shared=True)]
    assert join.device_players() == {TD17: SHARED_DEVICE}
    # each press now belongs to the side of its pad
    assert join.press(hit(TD17, P.SNARE)) == JoinPress(0, action=MenuAction.SELECT)
    assert join.press(hit(TD17, P.RIDE)) == JoinPress(1, action=MenuAction.RIGHT)
    assert join.press(hit(TD17, P.KICK)) == JoinPress(None)  # the middle of the kit: nobody's


def test_a_seated_kits_kick_does_not_share_it():
    join = JoinState()
    join.press(hit(TD17, P.CRASH))
    assert join.press(hit(TD17, P.KICK)) == JoinPress(1)
    assert join.device_players() == {TD17: 1}


def test_a_kit_is_not_shared_when_the_other_seat_is_taken():
    join = JoinState()
    join.press(hit(TD17, P.SNARE))
    join.press(hit(HALF_2))
    assert join.press(hit(TD17, P.TOM_HIGH)) == JoinPress(0, action=MenuAction.UP)
    assert join.device_players() == {TD17: 0, HALF_2: 1}


def test_a_third_device_is_refused():
    join = JoinState()
    join.press(hit(TD17, P.SNARE))
    join.press(hit(NITRO, P.SNARE))
    before = list(join.seats)
    assert join.press(hit("Alesis Strike MIDI 1", P.SNARE)) == JoinPress(None)
    assert join.press(hit(HALF_1)) == JoinPress(None)
    assert join.press(hit(HALF_2)) == JoinPress(None)
    assert join.seats == before


def test_leave_and_rejoin():
    join = JoinState()
    join.press(hit(HALF_1))
    join.press(hit(TD17, P.TOM_HIGH))
    join.leave(1)
    assert join.seats == [Seat(HALF_1), None] and not join.full
    assert join.device_players() == {HALF_1: 0}
    assert join.press(hit(NITRO, P.SNARE)) == JoinPress(1, joined=True)  # the free seat, whatever the side
    join.leave(0)
    assert join.press(hit(HALF_1)) == JoinPress(0, joined=True)
    assert join.device_players() == {HALF_1: 0, NITRO: 1}


def test_leaving_a_shared_kit_leaves_it_to_the_partner():
    join = JoinState()
    join.press(hit(TD17, P.SNARE))
    join.press(hit(TD17, P.TOM_FLOOR))
    join.leave(0)
    assert join.seats == [None, Seat(TD17)]
    assert join.device_players() == {TD17: 1}
    assert join.press(hit(TD17, P.SNARE)) == JoinPress(0, joined=True)  # and can be shared again
    assert join.device_players() == {TD17: SHARED_DEVICE}


def test_sides_cover_every_piece_but_the_kick():
    assert {piece for piece in P if side_of(piece) is None} == {P.KICK}
    left = {P.HIHAT, P.HIHAT_OPEN, P.HIHAT_PEDAL, P.SNARE, P.CRASH_LEFT}
    assert {piece for piece in P if side_of(piece) == 0} == left
