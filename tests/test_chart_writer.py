"""The .chart writer: what it writes, and that the game's own parser reads it back unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.chart.chart_writer import write_chart
from game.chart.dotchart import parse_chart
from game.chart.model import (
    Chart,
    ChartFormat,
    Difficulty,
    DrumType,
    Note,
    Phrase,
    PhraseKind,
    Section,
    Track,
    sorted_notes,
)
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoChange, TempoMap, TimeSignature

RES = 192
TEMPO_MAP = TempoMap(
    RES,
    [TempoChange(0, 124.0), TempoChange(16 * RES, 150.5), TempoChange(24 * RES, 70.25)],
    [
        TimeSignature(0, 4, 4),
        TimeSignature(8 * RES, 6, 8),
        TimeSignature(14 * RES, 2, 4),
        TimeSignature(16 * RES, 4, 4),
    ],
)
# pieces a pro .chart can hold (open hi-hat and left crash merge into hi-hat and crash)
CHARTABLE = [
    KitPiece.KICK,
    KitPiece.SNARE,
    KitPiece.HIHAT,
    KitPiece.TOM_HIGH,
    KitPiece.RIDE,
    KitPiece.TOM_MID,
    KitPiece.CRASH,
    KitPiece.TOM_FLOOR,
]
COLOUR = {
    KitPiece.HIHAT: 2,
    KitPiece.TOM_HIGH: 2,
    KitPiece.RIDE: 3,
    KitPiece.TOM_MID: 3,
    KitPiece.CRASH: 4,
    KitPiece.TOM_FLOOR: 4,
}


def make_phrase(kind: PhraseKind, start: int, end: int, tempo_map: TempoMap) -> Phrase:
    return Phrase(kind, start, end, tempo_map.seconds(start), tempo_map.seconds(end))


def note(tick: int, piece: KitPiece, dynamic: Dynamic = Dynamic.NORMAL, flags: NoteFlag = NoteFlag.NONE) -> Note:
    return Note(TEMPO_MAP.seconds(tick), piece, tick, dynamic, flags)


def expert_only(notes: tuple[Note, ...], drum_type: DrumType) -> Chart:
    return Chart(ChartFormat.CHART, drum_type, TEMPO_MAP, {Difficulty.EXPERT: Track(Difficulty.EXPERT, notes)})


def sample_chart() -> Chart:
    notes = [
        note(0, KitPiece.KICK),
        note(0, KitPiece.CRASH, Dynamic.ACCENT),
        note(96, KitPiece.HIHAT, Dynamic.GHOST),
        note(192, KitPiece.SNARE, Dynamic.ACCENT),
        note(240, KitPiece.SNARE, Dynamic.GHOST),
        note(288, KitPiece.RIDE, Dynamic.ACCENT),
        note(336, KitPiece.KICK, flags=NoteFlag.DOUBLE_KICK),
        note(384, KitPiece.TOM_HIGH, Dynamic.GHOST),
        note(432, KitPiece.TOM_MID, Dynamic.ACCENT),
        note(480, KitPiece.TOM_FLOOR),
        note(8 * RES, KitPiece.CRASH),
        note(8 * RES, KitPiece.KICK),
        note(17 * RES + 5, KitPiece.SNARE),  # off any grid
    ]
    phrases = (
        make_phrase(PhraseKind.STAR_POWER, 0, 4 * RES, TEMPO_MAP),
        make_phrase(PhraseKind.FILL, 6 * RES, 8 * RES + 1, TEMPO_MAP),  # lands on, and includes, bar 3's crash
        make_phrase(PhraseKind.ROLL, 9 * RES, 10 * RES, TEMPO_MAP),
        make_phrase(PhraseKind.SOLO, 12 * RES, 18 * RES, TEMPO_MAP),
    )
    expert = Track(Difficulty.EXPERT, sorted_notes(notes), phrases)
    easy = Track(Difficulty.EASY, sorted_notes(n for n in notes if n.piece is KitPiece.KICK and not n.flags))
    sections = (Section(0, 0.0, "Intro"), Section(8 * RES, TEMPO_MAP.seconds(8 * RES), "Pre-Chorus 1"))
    return Chart(
        ChartFormat.CHART,
        DrumType.FOUR_LANE_PRO,
        TEMPO_MAP,
        {Difficulty.EXPERT: expert, Difficulty.EASY: easy},
        sections,
    )


def test_round_trip_keeps_notes_phrases_sections_and_tempo_map():
    chart = sample_chart()
    back = parse_chart(write_chart(chart, {"Name": "Round Trip", "Artist": "Us"}).encode("utf-8"))
    assert back.drum_type is DrumType.FOUR_LANE_PRO
    assert back.tempo_map.tempos == chart.tempo_map.tempos
    assert back.tempo_map.time_signatures == chart.tempo_map.time_signatures
    assert back.tempo_map.resolution == RES
    assert back.sections == chart.sections
    assert set(back.tracks) == set(chart.tracks)
    for difficulty, track in chart.tracks.items():
        assert back.tracks[difficulty].notes == track.notes
        assert back.tracks[difficulty].phrases == track.phrases
    assert back.metadata["name"] == "Round Trip" and back.offset_s == 0.0
    assert not back.warnings


def test_text_follows_the_format():
    text = write_chart(sample_chart(), {"name": 'Quoted "Title"', "Player2": "bass", "musicstream": "song.ogg"})
    assert text.startswith("[Song]\n{\n")
    assert '  Name = "Quoted "Title""\n' in text  # no escapes in .chart: only the outer quotes count
    assert "  Player2 = bass\n" in text and '  MusicStream = "song.ogg"\n' in text
    assert "  Offset = 0\n  Resolution = 192\n" in text
    assert "  0 = TS 4\n  0 = B 124000\n" in text and f"  {8 * RES} = TS 6 3\n" in text
    assert f"  {16 * RES} = B 150500\n" in text
    assert '  0 = E "section Intro"\n' in text
    # the fill [6 * RES, 8 * RES + 1) is written with the inclusive length of .chart: ends on the crash
    assert f"  {6 * RES} = S 64 {2 * RES}\n" in text
    assert f"  0 = S 2 {4 * RES}\n" in text
    assert "  336 = N 32 0\n" in text  # double kick
    assert "  288 = N 3 0\n  288 = N 36 0\n  288 = N 67 0\n" in text  # accented ride: blue, accent, cymbal
    assert "  384 = N 2 0\n  384 = N 41 0\n" in text and "384 = N 66" not in text  # ghost high tom
    assert "[ExpertDrums]" in text and "[EasyDrums]" in text and "[HardDrums]" not in text
    assert "\r" not in text


def test_open_hihat_and_left_crash_are_written_as_their_chart_pieces():
    notes = (note(0, KitPiece.HIHAT_OPEN), note(96, KitPiece.CRASH_LEFT), note(192, KitPiece.HIHAT_PEDAL))
    chart = expert_only(notes, DrumType.FOUR_LANE_PRO)
    back = parse_chart(write_chart(chart, {}).encode()).track(Difficulty.EXPERT).notes
    assert [n.piece for n in back] == [KitPiece.HIHAT, KitPiece.CRASH]


def test_plain_four_lane_charts_get_no_cymbal_markers():
    notes = (note(0, KitPiece.HIHAT), note(96, KitPiece.TOM_MID))
    chart = expert_only(notes, DrumType.FOUR_LANE)
    text = write_chart(chart, {})
    assert "N 66" not in text
    assert parse_chart(text.encode()).drum_type is DrumType.FOUR_LANE


def test_what_dotchart_cannot_hold_is_refused():
    clash = (note(0, KitPiece.HIHAT), note(0, KitPiece.TOM_HIGH))
    chart = expert_only(clash, DrumType.FOUR_LANE_PRO)
    with pytest.raises(ValueError, match="share tick 0"):
        write_chart(chart, {})
    odd = TempoMap(RES, [TempoChange(0, 120.0)], [TimeSignature(0, 5, 6)])
    with pytest.raises(ValueError, match="power of two"):
        write_chart(Chart(ChartFormat.CHART, DrumType.FOUR_LANE_PRO, odd, {}), {})


def test_output_is_deterministic():
    assert write_chart(sample_chart(), {"Name": "x"}) == write_chart(sample_chart(), {"Name": "x"})


@st.composite
def random_charts(draw):
    by_key: dict[tuple[int, int], Note] = {}
    for tick, piece, dynamic in draw(
        st.lists(
            st.tuples(st.integers(0, 20 * RES), st.sampled_from(CHARTABLE), st.sampled_from(list(Dynamic))),
            max_size=120,
        )
    ):
        colour = COLOUR.get(piece, -1 if piece is KitPiece.KICK else 1)
        if piece is KitPiece.KICK:
            dynamic = Dynamic.NORMAL  # .chart has no dynamics on the kick lane
        by_key.setdefault((tick, colour), note(tick, piece, dynamic))
    spans = draw(
        st.lists(
            st.tuples(
                st.sampled_from([PhraseKind.STAR_POWER, PhraseKind.FILL, PhraseKind.ROLL]),
                st.integers(0, 20 * RES),
                st.integers(1, 4 * RES),
            ),
            max_size=6,
        )
    )
    phrases = sorted(
        {make_phrase(kind, start, start + length, TEMPO_MAP) for kind, start, length in spans},
        key=lambda p: (p.start_tick, p.end_tick, p.kind.value),
    )
    track = Track(Difficulty.EXPERT, sorted_notes(by_key.values()), tuple(phrases))
    return Chart(ChartFormat.CHART, DrumType.FOUR_LANE_PRO, TEMPO_MAP, {Difficulty.EXPERT: track})


@settings(max_examples=120, deadline=None)
@given(random_charts())
def test_any_chartable_track_round_trips(chart):
    back = parse_chart(write_chart(chart, {"Name": "random"}).encode()).track(Difficulty.EXPERT)
    assert back.notes == chart.track(Difficulty.EXPERT).notes
    assert back.phrases == chart.track(Difficulty.EXPERT).phrases
