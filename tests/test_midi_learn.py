"""Learn mode: prompt each piece, collect its notes, settle, then review conflicts."""

import pytest

from game.chart.piece import KitPiece as P
from game.input.midi_learn import SETTLE_S, Conflict, LearnSession
from game.input.midi_map import NoteMap

GM = NoteMap.build()


def session(*pieces):
    return LearnSession(pieces, GM)


def test_each_piece_is_prompted_and_settles_after_a_quiet_second():
    learn = session(P.SNARE, P.KICK)
    assert learn.prompt() == "Hit your snare now"
    learn.update(100.0)  # nothing heard yet: waits as long as it takes
    assert learn.current is P.SNARE
    learn.on_note(38, 100, 100.0)
    learn.on_note(40, 90, 100.5)  # the rim, within the settle time
    assert learn.prompt() == "Hit your snare now (heard note 38, 40)"
    learn.update(100.5 + SETTLE_S - 0.01)
    assert learn.current is P.SNARE
    learn.update(100.5 + SETTLE_S)
    assert learn.current is P.KICK
    learn.on_note(36, 110, 102.0)
    learn.next()
    assert learn.reviewing and learn.conflicts() == []
    assert learn.prompt() == "Done: save the new map"
    assert learn.overrides() == {38: P.SNARE, 40: P.SNARE, 36: P.KICK}


def test_soft_crosstalk_notes_and_pad_noise_are_not_learned():
    learn = session(P.SNARE)
    learn.on_note(38, 120, 0.0)
    learn.on_note(48, 20, 0.001)  # the tom picked up the snare stroke
    learn.on_note(40, 60, 0.3)  # the rim, played on purpose
    learn.on_note(45, 5, 0.4)  # noise
    assert learn.learned(P.SNARE) == (38, 40)


def test_skip_keeps_the_preset_and_back_relearns():
    learn = session(P.SNARE, P.TOM_HIGH, P.RIDE)
    learn.on_note(38, 100, 0.0)
    learn.next()
    learn.on_note(99, 100, 2.0)
    learn.back()  # the snare went wrong: learn it again
    assert learn.current is P.SNARE and learn.learned(P.SNARE) == ()
    learn.on_note(60, 100, 3.0)
    learn.next()
    learn.skip()
    learn.on_note(51, 100, 4.0)
    learn.next()
    assert learn.overrides() == {60: P.SNARE, 51: P.RIDE}


def test_a_note_learned_for_two_pieces_must_be_resolved():
    learn = session(P.TOM_MID, P.TOM_FLOOR)
    learn.on_note(45, 100, 0.0)
    learn.next()
    learn.on_note(45, 100, 2.0)
    learn.on_note(43, 100, 2.1)
    learn.next()
    assert learn.conflicts() == [Conflict(45, (P.TOM_MID, P.TOM_FLOOR))]
    assert learn.prompt() == "Review"
    with pytest.raises(ValueError, match="unresolved note conflicts: note 45: tom_mid, tom_floor"):
        learn.overrides()
    with pytest.raises(ValueError, match="not learned for snare"):
        learn.resolve(45, P.SNARE)
    learn.resolve(45, P.TOM_FLOOR)
    learn.resolve(45, P.TOM_MID)  # changing one's mind is fine
    assert learn.overrides() == {45: P.TOM_MID, 43: P.TOM_FLOOR}


def test_one_hihat_note_for_open_and_closed_is_no_conflict():
    learn = session(P.HIHAT, P.HIHAT_OPEN, P.HIHAT_PEDAL)
    learn.on_note(8, 100, 0.0)
    learn.next()
    learn.on_note(8, 100, 2.0)  # the same note: this kit tells them apart by CC 4
    learn.next()
    learn.on_note(44, 40, 4.0)
    learn.next()
    assert learn.conflicts() == []
    assert learn.overrides() == {8: P.HIHAT, 44: P.HIHAT_PEDAL}


def test_changes_list_what_learning_moved():
    learn = session(P.CRASH, P.RIDE)
    learn.on_note(57, 100, 0.0)  # GM: crash_left
    learn.next()
    learn.on_note(51, 100, 2.0)  # GM: ride already
    learn.on_note(20, 90, 2.1)  # GM: nothing
    learn.next()
    assert learn.changes() == [(20, None, P.RIDE), (57, P.CRASH_LEFT, P.CRASH)]


def test_notes_after_the_last_piece_are_ignored():
    learn = session(P.KICK)
    learn.next()
    learn.on_note(36, 100, 0.0)
    learn.update(10.0)
    assert learn.overrides() == {}
