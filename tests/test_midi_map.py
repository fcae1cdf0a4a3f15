"""Note maps: the GM default, the kit presets, per-note overrides, and pads as menu keys."""

import pytest

from game.chart.piece import KitPiece as P
from game.input.midi_map import GM, PRESET_TITLES, PRESETS, NoteMap
from game.input.midi_menu import menu_action_for
from game.input.raw import MenuAction
from game.persistence.settings import MIDI_PRESETS

# chart-formats.md section 9, "suggested mapping onto kit pieces"
GM_TABLE = {
    P.KICK: (35, 36),
    P.SNARE: (37, 38, 40),
    P.HIHAT: (42,),
    P.HIHAT_OPEN: (46,),
    P.HIHAT_PEDAL: (44,),
    P.TOM_HIGH: (48, 50),
    P.TOM_MID: (45, 47),
    P.TOM_FLOOR: (41, 43),
    P.CRASH: (49, 52, 55),
    P.CRASH_LEFT: (57,),
    P.RIDE: (51, 53, 59),
}


@pytest.mark.parametrize("piece", list(GM_TABLE))
def test_the_default_map_is_general_midi(piece):
    assert NoteMap.build().notes_for(piece) == GM_TABLE[piece]


def test_notes_outside_the_map_are_ignored():
    default = NoteMap.build()
    for note in (0, 34, 39, 54, 56, 60, 127):  # clap, tambourine, cowbell, bongo...
        assert default.piece_for(note) is None


def test_the_presets_are_the_persisted_names_and_have_titles():
    assert tuple(PRESETS) == MIDI_PRESETS
    assert set(PRESET_TITLES) == set(PRESETS)


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_every_preset_plays_every_piece_and_keeps_the_gm_pads(name):
    kit = NoteMap.build(name)
    assert kit.missing(P) == ()
    for note in (36, 38, 42, 44, 46, 48, 45, 43, 49, 51):
        assert kit.piece_for(note) is GM[note]


def test_roland_edges_and_rims_have_their_own_notes():
    roland = NoteMap.build("roland_td")
    assert roland.notes_for(P.HIHAT) == (22, 42)  # closed: edge, bow
    assert roland.notes_for(P.HIHAT_OPEN) == (26, 46)
    assert roland.notes_for(P.TOM_FLOOR) == (39, 41, 43, 58)  # toms 3 and 4, heads and rims


def test_overrides_add_move_and_silence_notes():
    custom = NoteMap.build("gm", {60: P.SNARE, 49: P.CRASH_LEFT, 37: None})
    assert custom.piece_for(60) is P.SNARE
    assert custom.piece_for(49) is P.CRASH_LEFT
    assert custom.piece_for(37) is None
    assert custom.notes_for(P.SNARE) == (38, 40, 60)
    assert NoteMap.build("gm").piece_for(37) is P.SNARE  # the preset itself is untouched


def test_an_unknown_preset_is_refused():
    with pytest.raises(ValueError, match="unknown midi preset 'td50'"):
        NoteMap.build("td50")


def test_missing_names_pieces_without_a_note():
    assert NoteMap.build("gm", {57: None}).missing([P.CRASH_LEFT, P.SNARE]) == (P.CRASH_LEFT,)


@pytest.mark.parametrize(
    ("piece", "action"),
    [
        (P.SNARE, MenuAction.SELECT),
        (P.TOM_FLOOR, MenuAction.BACK),
        (P.TOM_HIGH, MenuAction.UP),
        (P.TOM_MID, MenuAction.DOWN),
        (P.HIHAT, MenuAction.LEFT),
        (P.HIHAT_OPEN, MenuAction.LEFT),
        (P.RIDE, MenuAction.RIGHT),
        (P.KICK, None),
        (P.HIHAT_PEDAL, None),
        (P.CRASH, None),
        (P.CRASH_LEFT, None),
    ],
)
def test_pads_drive_menus(piece, action):
    assert menu_action_for(piece) is action
