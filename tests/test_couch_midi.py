"""Two players on real MIDI: kits in child processes send through a JACK dummy server, the game's
MIDI input stamps the hits, the router gives each to its player, the duet engine judges them.

Covers the device combinations that need a kit: two kits (one per player) and one kit shared by
both (each pad goes to the player who owns its notes at that moment). Keyboards are covered by
the scene tests. Without jackd these tests skip (apt-get install jackd2).
"""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from jack_helpers import Kit

from game.chart.piece import KitPiece as P
from game.engine.duet import DuetEngine
from game.engine.params import EngineParams
from game.engine.split import SplitStrategy
from game.engine.window import Judgement as J
from game.input.midi_input import MidiInput
from game.input.router import SHARED_DEVICE, Router
from game.persistence.settings import MidiSettings
from game.timing.clock import SongClock
from tests.charts import chart_of, note

GM_NOTE = {P.KICK: 36, P.SNARE: 38, P.HIHAT: 42, P.TOM_HIGH: 48, P.CRASH: 49}
BEAT_S = 0.25
# Player 1 (pieces split): hi-hat, snare, crash. Player 2: kick, high tom.
CHART = chart_of(
    [note(0.25 + BEAT_S * i, piece) for i in range(8) for piece in ((P.HIHAT, P.KICK) if i % 2 == 0 else (P.SNARE,))]
    + [note(2.5, P.TOM_HIGH), note(2.75, P.CRASH)]
)


@pytest.fixture(scope="module")
def kits(jack):
    with Kit("couchkit-a") as first, Kit("couchkit-b") as second:
        yield first, second


def open_midi(*ports):
    midi, notice = MidiInput.open(MidiSettings(ports=ports), api="jack", watch=False)
    assert midi is not None and set(midi.connected) == set(ports), notice
    return midi


def play(engine, router, sends):
    """`sends`: (kit, piece, song time) triples; sends them, routes what arrives, judges it all."""
    midi = open_midi(*{kit.port for kit, _, _ in sends})
    try:
        by_kit: dict = {}
        for kit, piece, at in sends:
            by_kit.setdefault(kit, []).append(([0x99, GM_NOTE[piece], 100], at))
        with ThreadPoolExecutor(len(by_kit)) as pool:  # the kits play at the same time
            sent = {
                kit: pool.submit(kit.send, [m for m, _ in items], [at for _, at in items])
                for kit, items in by_kit.items()
            }
            starts = [sent[kit].result()[0] - items[0][1] for kit, items in by_kit.items()]
        assert max(starts) - min(starts) < 0.020  # the kits began together (within a GREAT)
        clock = SongClock()
        clock.start(min(starts), 0.0)  # song time 0 = the batches' start
        hits, deadline = [], time.monotonic() + 3.0
        while len(hits) < len(sends) and time.monotonic() < deadline:
            hits += [e.hit() for e in midi.drain_events() if e.hit() is not None]
            time.sleep(0.002)
    finally:
        midi.close()
    assert len(hits) == len(sends)
    for hit in hits:
        engine.queue(router.to_input(hit, clock))
    return engine.finish()


def test_two_kits_each_play_for_their_own_player(kits):
    first, second = kits
    engine = DuetEngine(CHART, EngineParams(), SplitStrategy.PIECES)
    router = Router({first.port: 0, second.port: 1})
    sends = [(first if o == 0 else second, n.piece, n.time_s) for n, o in zip(engine.notes, engine.owners, strict=True)]
    sends.append((first, P.KICK, 0.25))  # player 1 strikes player 2's kick: never player 2's note
    events = play(engine, router, sends)
    one, two = engine.results()
    assert (one.notes, two.notes) == (9, 5)  # hats, snares, crash; kicks, tom
    assert one.judgements["miss"] == two.judgements["miss"] == 0
    assert one.judgements["overhit"] == 1 and two.judgements["overhit"] == 0
    assert all(e.judgement in (J.PERFECT, J.GREAT) for e in events if e.note is not None)
    assert {e.player for e in events if e.judgement is J.OVERHIT} == {0}


def test_one_kit_shared_by_both_splits_by_who_owns_each_pad(kits):
    shared, _ = kits
    engine = DuetEngine(CHART, EngineParams(), SplitStrategy.BALANCED)
    router = Router({shared.port: SHARED_DEVICE}, shared_owner=engine.owner_at, strict=True)
    events = play(engine, router, [(shared, n.piece, n.time_s) for n in engine.notes])
    assert {e.player for e in events} == {0, 1}
    for result in engine.results():
        assert result.judgements["miss"] == result.judgements["overhit"] == 0 and result.notes > 0
