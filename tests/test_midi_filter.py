"""Decoding one kit's messages: mapping, hi-hat pedal (CC 4), and the trigger filters.

Diagrams: one column per millisecond; x = a hit arriving, o = what the game gets.
"""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from game.chart.piece import KitPiece as P
from game.input.midi_config import MidiConfig
from game.input.midi_decode import KitDecoder
from game.input.midi_event import MidiKind
from game.input.midi_filter import DROP_CROSSTALK, DROP_DEBOUNCE, DROP_VELOCITY, HitFilter
from game.persistence.settings import MidiSettings

MS = 0.001
CONFIG = MidiConfig()


def note(number, velocity=100, channel=9):
    return [0x90 | channel, number, velocity]


def cc(number, value, channel=9):
    return [0xB0 | channel, number, value]


def play(config, timeline):
    """[(ms, message)] through one decoder -> [(piece or None, dropped)] for the notes."""
    decoder = KitDecoder("kit")
    out = []
    for at_ms, message in timeline:
        event = decoder.decode(config, message, at_ms * MS, at_ms * MS)
        if event is not None and event.kind is MidiKind.NOTE:
            out.append((event.piece, event.dropped))
    return out


def test_notes_map_to_pieces_with_their_velocity_on_any_channel():
    decoder = KitDecoder("TD-17")
    event = decoder.decode(CONFIG, note(38, 77, channel=0), 1.5, 1.6)
    assert (event.piece, event.value, event.number, event.port) == (P.SNARE, 77, 38, "TD-17")
    assert (event.wall_time, event.received) == (1.5, 1.6)
    hit = event.hit()
    assert (hit.piece, hit.wall_time, hit.velocity, hit.device) == (P.SNARE, 1.5, 77, "TD-17")


def test_note_offs_system_messages_and_program_changes_are_not_events():
    decoder = KitDecoder("kit")
    for message in ([0x99, 38, 0], [0x89, 38, 64], [0xFE], [0xF8], [0xC9, 5], [0xF0, 0x41, 0xF7], [0xA9, 49, 127]):
        assert decoder.decode(CONFIG, message, 0.0, 0.0) is None


def test_unmapped_notes_are_reported_but_are_not_hits():
    event = KitDecoder("kit").decode(CONFIG, note(56), 0.0, 0.0)  # cowbell
    assert event.piece is None and event.hit() is None


def test_control_changes_are_reported():
    event = KitDecoder("kit").decode(CONFIG, cc(7, 99), 0.25, 0.25)
    assert (event.kind, event.number, event.value, event.hit()) == (MidiKind.CONTROL, 7, 99, None)


def test_the_pedal_decides_open_or_closed_once_it_has_reported():
    # pedal   .  127   10    64   63
    # note 46 x   x    .     .    .     -> as mapped (no pedal yet), then closed
    # note 42 .   .    x     x    x     -> open, closed (64 >= 64), open
    timeline = [
        (0, note(46)),
        (10, cc(4, 127)),
        (11, note(46)),
        (20, cc(4, 10)),
        (21, note(42)),
        (30, cc(4, 64)),
        (31, note(42)),
        (40, cc(4, 63)),
        (41, note(42)),
    ]
    assert play(CONFIG, timeline) == [
        (P.HIHAT_OPEN, None),
        (P.HIHAT, None),
        (P.HIHAT_OPEN, None),
        (P.HIHAT, None),
        (P.HIHAT_OPEN, None),
    ]


def test_with_cc4_off_the_module_notes_decide():
    config = replace(CONFIG, hihat_closed_at=None)
    assert play(config, [(0, cc(4, 0)), (1, note(42)), (20, cc(4, 127)), (21, note(46))]) == [
        (P.HIHAT, None),
        (P.HIHAT_OPEN, None),
    ]


def test_the_pedal_chick_is_never_redecided():
    assert play(CONFIG, [(0, cc(4, 0)), (1, note(44))]) == [(P.HIHAT_PEDAL, None)]


def test_the_threshold_comes_from_the_settings():
    config = MidiConfig.from_settings(MidiSettings(hihat_closed_at=100))
    assert play(config, [(0, cc(4, 99)), (1, note(42)), (10, cc(4, 100)), (11, note(42))]) == [
        (P.HIHAT_OPEN, None),
        (P.HIHAT, None),
    ]


def test_minimum_velocity_is_per_piece():
    config = replace(CONFIG, min_velocity={P.TOM_HIGH: 30})
    assert play(config, [(0, note(48, 29)), (10, note(48, 30)), (20, note(38, 1))]) == [
        (P.TOM_HIGH, DROP_VELOCITY),
        (P.TOM_HIGH, None),
        (P.SNARE, None),
    ]


def test_debounce_compares_with_the_last_accepted_hit():
    # snare  x--x--x--x----------x     (0, 3, 6, 9, 20 ms), window 5 ms
    # game   o-----o-------------o
    timeline = [(t, note(38)) for t in (0, 3, 6, 9, 20)]
    assert [dropped for _, dropped in play(CONFIG, timeline)] == [None, DROP_DEBOUNCE, None, DROP_DEBOUNCE, None]


def test_head_and_rim_of_one_stroke_are_one_hit_but_other_pads_are_not_debounced():
    # snare head x, rim x 1 ms later (one stroke); kick at the same time is its own hit
    assert play(CONFIG, [(0, note(38)), (0, note(36)), (1, note(40))]) == [
        (P.SNARE, None),
        (P.KICK, None),
        (P.SNARE, DROP_DEBOUNCE),
    ]


def test_open_and_closed_hihat_are_one_pad():
    assert play(CONFIG, [(0, note(42)), (2, note(46))]) == [(P.HIHAT, None), (P.HIHAT_OPEN, DROP_DEBOUNCE)]


def test_debounce_zero_lets_everything_through():
    config = replace(CONFIG, debounce_s=0.0)
    assert play(config, [(0, note(38)), (0, note(38))]) == [(P.SNARE, None), (P.SNARE, None)]


def test_crosstalk_drops_a_much_softer_hit_on_another_pad_soon_after():
    # snare 120 at 0 ms; tom 20 at 2 ms (6x softer: cross-talk); tom 50 at 3 ms (2.4x: a real hit);
    # floor tom 20 at 12 ms (outside the 8 ms window)
    config = replace(CONFIG, crosstalk_window_s=0.008, crosstalk_ratio=3.0)
    timeline = [(0, note(38, 120)), (2, note(48, 20)), (3, note(45, 50)), (12, note(41, 20))]
    assert play(config, timeline) == [
        (P.SNARE, None),
        (P.TOM_HIGH, DROP_CROSSTALK),
        (P.TOM_MID, None),
        (P.TOM_FLOOR, None),
    ]


def test_crosstalk_filter_off_keeps_soft_hits():
    timeline = [(0, note(38, 120)), (2, note(48, 20))]
    assert play(CONFIG, timeline) == [(P.SNARE, None), (P.TOM_HIGH, None)]


def test_the_crosstalk_settings_switch_the_filter():
    on = MidiConfig.from_settings(MidiSettings(crosstalk_filter=True, crosstalk_window_ms=10, crosstalk_ratio=4))
    assert (on.crosstalk_window_s, on.crosstalk_ratio) == (0.010, 4.0)
    assert MidiConfig.from_settings(MidiSettings(crosstalk_window_ms=10)).crosstalk_window_s == 0.0


def test_a_stamp_stepping_back_counts_as_within_the_window():
    hit_filter = HitFilter()
    assert hit_filter.admit(CONFIG, P.SNARE, 100, 1.000) is None
    assert hit_filter.admit(CONFIG, P.SNARE, 100, 0.999) == DROP_DEBOUNCE


@given(
    st.lists(st.tuples(st.sampled_from([P.SNARE, P.HIHAT, P.HIHAT_OPEN, P.KICK]), st.floats(0, 0.1)), max_size=40),
    st.floats(0, 0.065),
)
def test_accepted_hits_on_one_pad_are_never_closer_than_the_window(hits, window_s):
    config = replace(CONFIG, debounce_s=window_s)
    hit_filter, accepted = HitFilter(), {}
    for piece, time in sorted(hits, key=lambda hit: hit[1]):
        if hit_filter.admit(config, piece, 100, time) is None:
            pad = P.HIHAT if piece is P.HIHAT_OPEN else piece
            assert time - accepted.get(pad, -1.0) >= window_s
            accepted[pad] = time
