"""Routing with the real Router and a real SongClock (made-up wall times): each device's hit
becomes its own player's input, a shared device's follows the pad's owner at the hit's song time,
and each device's input latency is taken off once (a couch half takes the keyboard's)."""

from __future__ import annotations

import pytest

from game.chart.layout import FOUR_LANE_PRO
from game.chart.piece import KitPiece as P
from game.engine.duet import DuetEngine
from game.engine.hit import HitInput
from game.engine.ownership import Ownership
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.engine.window import Judgement as J
from game.input.raw import RawHit
from game.input.router import SHARED_DEVICE, Router, device_family
from game.timing.clock import SongClock
from tests.charts import chart_of, note

TD17, NITRO = "TD-17 MIDI 1", "Nitro MIDI 1"
START_WALL = 500.0  # wall time (perf_counter s) at which the song timeline is at 0


def clock() -> SongClock:
    running = SongClock()
    running.start(START_WALL, 0.0)  # no audio samples: song time = wall time - 500 s
    return running


def hit(device: str, song_s: float, piece: P = P.SNARE) -> RawHit:
    return RawHit(piece, START_WALL + song_s, 90, device)


@pytest.mark.parametrize(
    "devices",
    [
        {"keyboard.p1": 0, "keyboard.p2": 1},
        {"keyboard.p1": 0, TD17: 1},
        {TD17: 0, NITRO: 1},
        {NITRO: 0, "keyboard.p2": 1},
    ],
    ids=["halves", "keyboard+kit", "two-kits", "kit+keyboard"],
)
def test_each_devices_hit_goes_to_its_player_only(devices):
    router = Router(devices)
    running = clock()
    for device, player in devices.items():
        for piece in P:
            routed = router.to_input(hit(device, 1.0, piece), running)
            assert routed == HitInput(pytest.approx(1.0), piece, 90, player)


def test_a_player_1_hit_never_judges_a_player_2_note():
    # chart  --S--T--   snare at 1.000 s (player 1's), high tom at 1.000 s (player 2's): split by pieces
    # input  --x--x--   player 1's kit hits both on time
    #                   -> the snare is player 1's PERFECT, the tom player 1's overhit and player 2's miss
    chart = chart_of([note(1.0, P.SNARE), note(1.0, P.TOM_HIGH)])
    engine = DuetEngine(chart, EngineParams(), SplitStrategy.PIECES)
    router, running = Router({TD17: 0, NITRO: 1}), clock()
    for piece in (P.SNARE, P.TOM_HIGH):
        engine.queue(router.to_input(hit(TD17, 1.0, piece), running))
    judged = engine.update(3.0) + engine.finish()
    outcomes = {(j.player, j.note.piece if j.note else None, j.judgement) for j in judged}
    assert outcomes == {(0, P.SNARE, J.PERFECT), (0, None, J.OVERHIT), (1, P.TOM_HIGH, J.MISS)}


def test_a_shared_kits_hit_follows_the_pad_owner():
    # chart  --S-----S--   snare at 1.000 s (player 1's) and 2.000 s (player 2's)
    # input  ---x---x---   the shared kit at 1.100 s -> player 1; at 1.900 s -> player 2
    ownership = Ownership([note(1.0), note(2.0)], [0, 1], FOUR_LANE_PRO)
    router, running = Router({TD17: SHARED_DEVICE, "keyboard.p2": 1}, shared_owner=ownership.owner_at), clock()
    assert router.to_input(hit(TD17, 1.1), running).player == 0
    assert router.to_input(hit(TD17, 1.9), running).player == 1
    assert router.to_input(hit("keyboard.p2", 1.1), running).player == 1  # not shared: always its player


def test_a_shared_hit_is_owned_at_its_corrected_song_time():
    # the kit's 100 ms latency moves a hit stamped at 1.55 s to 1.45 s: nearer player 1's snare
    ownership = Ownership([note(1.0), note(2.0)], [0, 1], FOUR_LANE_PRO)
    router = Router({TD17: SHARED_DEVICE}, {TD17: 0.1}, ownership.owner_at)
    routed = router.to_input(hit(TD17, 1.55), clock())
    assert routed.song_time == pytest.approx(1.45) and routed.player == 0
    assert Router({TD17: SHARED_DEVICE}, {}, ownership.owner_at).to_input(hit(TD17, 1.55), clock()).player == 1


def test_a_shared_duet_kit_splits_by_pieces():
    chart = chart_of([note(1.0, P.SNARE), note(1.0, P.TOM_FLOOR), note(2.0, P.KICK)])
    engine = DuetEngine(chart, EngineParams(), SplitStrategy.PIECES)
    router, running = Router({TD17: SHARED_DEVICE}, shared_owner=engine.owner_at), clock()
    players = {piece: router.to_input(hit(TD17, 1.0, piece), running).player for piece in (P.SNARE, P.TOM_FLOOR)}
    assert players == {P.SNARE: 0, P.TOM_FLOOR: 1}


def test_latency_falls_back_to_the_device_family():
    latency = {"keyboard": 0.030, "autoplay": 0.0, TD17: 0.008}
    router, running = Router({"keyboard.p1": 0, "keyboard.p2": 1, TD17: 1}, latency), clock()
    assert router.to_input(hit("keyboard.p2", 2.0), running).song_time == pytest.approx(1.970)
    assert router.to_input(hit("keyboard.p1", 2.0), running).song_time == pytest.approx(1.970)
    assert router.to_input(hit(TD17, 2.0), running).song_time == pytest.approx(1.992)
    assert router.to_input(hit(NITRO, 2.0), running).song_time == pytest.approx(2.0)  # no offset of its own
    # a name of its own wins over its family's
    assert Router({}, {**latency, "keyboard.p2": 0.050}).latency_s("keyboard.p2") == 0.050


@pytest.mark.parametrize(
    ("device", "family"),
    [("keyboard.p2", "keyboard"), ("autoplay.p1", "autoplay"), (TD17, TD17), ("USB.MIDI 1", "USB.MIDI 1")],
)
def test_device_families(device, family):
    assert device_family(device) == family


def test_with_two_players_a_device_nobody_joined_with_plays_for_nobody():
    router = Router({TD17: 0, "keyboard.p2": 1}, strict=True)
    running = clock()
    assert router.to_input(hit(NITRO, 1.0), running) is None  # a third kit
    assert router.to_input(hit("keyboard.p1", 1.0), running) is None  # the unseated half
    assert router.to_input(hit(TD17, 1.0), running).player == 0
    # single player: any device is player 1's
    assert Router().to_input(hit(NITRO, 1.0), running).player == 0
