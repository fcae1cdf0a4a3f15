"""The .chart parser: golden fixtures, a hand-checked chart, encodings, bad input and fuzzing.

Golden files are JSON summaries (tests/chart_text.py) of hand-written fixtures. They were generated
once and reviewed note by note; regenerate with DRUMSTICK_UPDATE_GOLDEN=1 after an intended change.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.chart.chart_bulk import NoteLines, note_lines
from game.chart.chart_text import decode, scan_sections
from game.chart.dotchart import MAX_TICK, parse_chart, read_chart
from game.chart.error import ChartError
from game.chart.model import Chart, ChartFormat, Difficulty, DrumType, LazyTracks, PhraseKind, Track
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from tests.chart_text import FIXTURES, anchors, chart_text, note_row, summarise

GOLDEN = ["pro", "plain4", "five", "disco"]
ETUDE = FIXTURES.parent / "oracle_checked" / "etude_pro_chart" / "notes.chart"
E, H = Difficulty.EXPERT, Difficulty.HARD


def parse_text(text: str, **flags: bool | None) -> Chart:
    return parse_chart(text.encode("utf-8"), Path("test.chart"), **flags)


def rows(chart: Chart, difficulty: Difficulty = E) -> list[list[object]]:
    return [note_row(note) for note in chart.track(difficulty).notes]


# --- golden files --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", GOLDEN)
def test_fixture_matches_golden_summary(name: str) -> None:
    summary = summarise(read_chart(FIXTURES / f"{name}.chart"))
    golden = FIXTURES / f"{name}.json"
    if os.environ.get("DRUMSTICK_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(summary, indent=1) + "\n")
    assert summary == json.loads(golden.read_text())


def test_small_chart_matches_hand_computed_notes() -> None:
    # 120 BPM then 60 BPM from tick 768, 192 ticks per beat: tick 192 = 0.5 s, 768 = 2.0 s, and
    # after the change one beat is 1 s, so tick 960 = 3.0 s and 1056 = 3.5 s.
    text = chart_text(
        {
            "SyncTrack": ["0 = B 120000", "768 = B 60000"],
            "ExpertDrums": [
                "0 = N 0 0",  # kick
                "192 = N 1 0",
                "192 = N 34 0",  # red accent
                "384 = N 2 0",
                "384 = N 66 0",  # yellow cymbal = hi-hat
                "576 = N 2 0",  # yellow, unflagged = high tom
                "768 = N 3 0",
                "768 = N 42 0",  # blue ghost, unflagged = mid tom
                "960 = N 4 0",
                "960 = N 68 0",  # green cymbal = crash
                "960 = N 32 0",  # 2x kick
                "1056 = N 3 0",
                "1056 = N 67 0",  # blue cymbal = ride
            ],
        }
    )
    chart = parse_text(text)
    assert chart.drum_type is DrumType.FOUR_LANE_PRO
    assert rows(chart) == [
        [0.0, "kick", "normal", []],
        [0.5, "snare", "accent", []],
        [1.0, "hihat", "normal", []],
        [1.5, "tom_high", "normal", []],
        [2.0, "tom_mid", "ghost", []],
        [3.0, "kick", "normal", ["double_kick"]],
        [3.0, "crash", "normal", []],
        [3.5, "ride", "normal", []],
    ]
    assert [note.tick for note in chart.track(E).notes] == [0, 192, 384, 576, 768, 960, 960, 1056]
    assert chart.format is ChartFormat.CHART
    assert chart.warnings == ()


def test_tracks_are_built_together_once_on_first_access() -> None:
    builds: list[int] = []

    def build() -> dict[Difficulty, Track]:
        builds.append(1)
        return {H: Track(H, ()), E: Track(E, ())}

    tracks = LazyTracks([H, E], build)
    assert list(tracks) == [H, E] and len(tracks) == 2 and E in tracks and Difficulty.EASY not in tracks
    assert tracks.get(Difficulty.EASY) is None and builds == []
    assert tracks[E] is tracks.get(E) is tracks[E] and builds == [1]
    assert tracks == {H: Track(H, ()), E: Track(E, ())} and builds == [1]


def test_parsed_tracks_are_the_same_object_on_every_access() -> None:
    chart = read_chart(FIXTURES / "pro.chart")
    assert chart.track(E) is chart.tracks[E] is chart.track(E)
    assert chart.track(E).notes is chart.track(E).notes


# --- encodings and layout --------------------------------------------------------------------------


def _variants(text: str) -> dict[str, bytes]:
    tabbed = "\r\n".join(line.replace("  ", "\t", 1) for line in text.split("\n"))
    return {
        "bom_tabs_crlf": codecs.BOM_UTF8 + tabbed.encode("utf-8"),
        "cr_only": text.replace("\n", "\r").encode("utf-8"),
        "utf16_bom": text.encode("utf-16"),
        "no_indent": "\n".join(line.strip() for line in text.split("\n")).encode("utf-8"),
        "tight_equals": text.replace(" = N ", "=N ").replace(" = S ", " =S ").encode("utf-8"),
        "trailing_spaces": text.replace("\n", "   \n").encode("utf-8"),
    }


@pytest.mark.parametrize("variant", list(_variants("")))
def test_layout_variants_parse_identically(variant: str) -> None:
    text = (FIXTURES / "pro.chart").read_text(encoding="utf-8")
    expected = summarise(parse_text(text))
    assert summarise(parse_chart(_variants(text)[variant])) == expected


# The plain `tick = N type` lines are read in bulk (game.chart.chart_bulk.note_lines); any line it
# does not take goes to the line-by-line reader. Double spaces keep every line away from the bulk
# reader without changing what `str.split()` sees, so both spellings must parse identically.
NOTE_LINES = st.lists(
    st.tuples(
        st.integers(0, 10**8),
        st.sampled_from([0, 1, 2, 3, 4, 5, 32, 34, 36, 38, 40, 42, 44, 66, 67, 68, 7, 33, 109, 127, 300]),
        st.sampled_from(["", " 0", " 96", " 0 and more"]),
    ),
    max_size=40,
)


@settings(deadline=None, max_examples=60)
@given(NOTE_LINES, st.sampled_from(["  ", "\t", ""]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_bulk_and_line_by_line_readers_agree(lines: list[tuple[int, int, str]], indent: str, newline: str) -> None:
    filler = [(tick, 1, " 0") for tick in range(0, 200 * 96, 96)]  # enough lines for the bulk reader

    def parse(spelling: str) -> dict[str, object]:
        body = [spelling.format(tick=tick, kind=kind) + rest for tick, kind, rest in lines + filler]
        return summarise(parse_chart(chart_text({"ExpertDrums": body}, newline=newline, indent=indent).encode()))

    assert parse("{tick} = N {kind}") == parse("{tick}  =  N  {kind}")


def test_note_lines_reads_plain_lines_and_leaves_the_rest() -> None:
    block = ["0 = N 1 0", "0 = S 2 96", "  12 = N 66", "7 =N 2 0", "5 = N 1234 0", "\t99 = N 4 0 x", ""]
    text = "[ExpertDrums]\n{\n" + "\n".join(block * 100) + "\n}\n"
    (lines,) = note_lines(text, scan_sections(text))
    # The very last plain line starts too near the end of the file to be read in bulk.
    assert lines.ticks.tolist() == [0, 12, 99] * 99 + [0, 12] and lines.kinds.tolist() == [1, 66, 4] * 99 + [1, 66]
    others = [(0, "")] + [(1 + 7 * k + i, block[i]) for k in range(100) for i in (1, 3, 4, 6)] + [(701, "")]
    assert lines.others == sorted([*others, (699, block[5])])
    small = "[ExpertDrums]\n{\n0 = N 1 0\n}\n"  # a short body is left to the line-by-line reader
    assert note_lines(small, scan_sections(small))[0].others == [(0, ""), (1, "0 = N 1 0"), (2, "")]


def test_note_lines_reads_several_bodies_in_one_pass_apart() -> None:
    # Bodies are read together from the text that holds them all: lines between them (here a
    # section that is not asked for, with note lines of its own) belong to none, a body's first and
    # last lines are cut at its braces, a lone CR just before `}` still ends a line, and text that
    # is not ASCII moves no body.
    notes = "\n".join(f"  {tick} = N 1 0" for tick in range(200))
    text = (
        "[ExpertDrums]\n{ 7 = N 2 0\n" + notes + "\n  0 = S 2 96\r}\n"
        "[ExpertSingle]\n{\n  0 = E \u00e9t\u00e9\n" + notes + "\n}\n"
        "[HardDrums]\r\n{\r\n  5 = N 3 0\r\n  caf\u00e9 = E x\r\n}\n"
        "[Events]\n{\n" + '  0 = E "lyric x"\n' * 3 + "}\n"
    )
    expert, _, hard, _ = scan_sections(text)
    hard_lines, expert_lines = note_lines(text, [hard, expert])
    assert expert_lines.ticks.tolist() == list(range(200)) and set(expert_lines.kinds.tolist()) == {1}
    assert expert_lines.others == [(0, " 7 = N 2 0"), (201, "  0 = S 2 96"), (202, "")]
    assert (hard_lines.ticks.tolist(), hard_lines.kinds.tolist()) == ([5], [3])
    assert hard_lines.others == [(0, ""), (2, "  caf\u00e9 = E x"), (3, "")]
    assert [_plain(n) for n in note_lines(text, [hard, expert], text.encode())] == [
        _plain(hard_lines),
        _plain(expert_lines),
    ]


def test_note_lines_reads_an_ascii_file_in_place() -> None:
    data = ETUDE.read_bytes()  # ASCII after a UTF-8 BOM, with CRLF line breaks
    text = decode(data)
    sections = [section for section in scan_sections(text) if section.name.endswith("Drums")]
    assert text.isascii() and data.startswith(codecs.BOM_UTF8) and "\r\n" in text and len(sections) == 4
    in_place = note_lines(text, sections, data)
    assert [_plain(lines) for lines in in_place] == [_plain(lines) for lines in note_lines(text, sections)]
    assert sum(len(lines.ticks) for lines in in_place) > 9000


def _plain(lines: NoteLines) -> tuple[list[int], list[int], list[tuple[int, str]]]:
    return lines.ticks.tolist(), lines.kinds.tolist(), lines.others


def test_stray_latin1_bytes_do_not_fail() -> None:
    data = chart_text({"Song": ['Name = "Caf\u00e9 X"', "Resolution = 192"]}).encode("utf-8")
    data = data.replace("\u00e9".encode(), b"\xe9")  # a latin-1 byte in otherwise UTF-8 text
    assert parse_chart(data).metadata["name"] == "Caf\u00e9 X"


def test_song_header_values() -> None:
    chart = read_chart(FIXTURES / "pro.chart")
    assert chart.offset_s == 0.25
    assert chart.metadata["year"] == "2019"
    assert chart.metadata["name"] == "Pro Groove"
    assert chart.metadata["musicstream"] == "song.ogg"


def test_quoted_value_drops_only_outer_quotes() -> None:
    chart = parse_text(chart_text({"Song": ['Name = ""Quoted" Title"', "Resolution = 192"]}))
    assert chart.metadata["name"] == '"Quoted" Title'


# --- timing -------------------------------------------------------------------------------------


def test_tempo_anchors_agree_with_tempo_map() -> None:
    text = (FIXTURES / "anchors.chart").read_text(encoding="utf-8")
    chart = parse_text(text)
    found = anchors(text)
    assert len(found) >= 100 and len(chart.tempo_map.tempos) >= 100
    for tick, micros in found:
        assert abs(chart.tempo_map.seconds(tick) - micros / 1e6) < 1e-4, tick


def test_duplicate_tempo_on_one_tick_keeps_the_last() -> None:
    chart = parse_text(chart_text({"SyncTrack": ["0 = B 120000", "192 = B 60000", "192 = B 240000"]}))
    assert [t.bpm for t in chart.tempo_map.tempos] == [120.0, 240.0]


def test_time_signature_exponent_defaults_to_quarter_notes() -> None:
    chart = parse_text(chart_text({"SyncTrack": ["0 = TS 5", "0 = B 120000", "960 = TS 7 3", "1920 = TS 3 0"]}))
    assert [(s.numerator, s.denominator) for s in chart.tempo_map.time_signatures] == [(5, 4), (7, 8), (3, 1)]


@pytest.mark.parametrize("signature", ["TS 0", "TS 4 4000", "TS 4 -1", "TS 99999"])
def test_impossible_time_signature_is_skipped_with_warning(signature: str) -> None:
    chart = parse_text(chart_text({"SyncTrack": ["0 = B 120000", "0 = TS 3", f"96 = {signature}"]}))
    assert [(s.tick, s.numerator) for s in chart.tempo_map.time_signatures] == [(0, 3)]
    assert chart.warnings == (f"time signature {signature[3:]!r} at tick 96 ignored",)


def test_missing_tempo_defaults_to_120_bpm() -> None:
    chart = parse_text(chart_text({"SyncTrack": [], "ExpertDrums": ["384 = N 1 0"]}))
    assert rows(chart) == [[1.0, "snare", "normal", []]]


# --- drum semantics -----------------------------------------------------------------------------


def test_fill_includes_its_end_tick() -> None:
    chart = parse_text(chart_text({"ExpertDrums": ["0 = S 64 384", "384 = N 4 0", "385 = N 1 0"]}))
    (fill,) = chart.track(E).phrases_of(PhraseKind.FILL)
    assert (fill.start_tick, fill.end_tick) == (0, 385)
    assert fill.covers_tick(384) and not fill.covers_tick(385)


def test_fills_after_coda_are_dropped() -> None:
    chart = parse_text(
        chart_text(
            {
                "Events": ['768 = E "coda"'],
                "ExpertDrums": ["0 = S 64 192", "768 = S 64 192", "0 = N 1 0"],
            }
        )
    )
    assert [p.start_tick for p in chart.track(E).phrases_of(PhraseKind.FILL)] == [0]
    assert chart.metadata["coda_tick"] == "768"


def test_zero_length_phrase_covers_its_tick_and_face_off_phrases_are_player_phrases() -> None:
    chart = parse_text(chart_text({"ExpertDrums": ["96 = S 2 0", "0 = S 0 96", "96 = S 1 96", "96 = N 1 0"]}))
    assert [(p.kind, p.start_tick, p.end_tick) for p in chart.track(E).phrases] == [
        (PhraseKind.PLAYER_1, 0, 96),
        (PhraseKind.STAR_POWER, 96, 97),
        (PhraseKind.PLAYER_2, 96, 192),
    ]


@pytest.mark.parametrize(("start", "end"), [("solo", "soloend"), ("solo_on", "solo_off")])
def test_solo_includes_notes_on_its_end_tick(start: str, end: str) -> None:
    chart = parse_text(chart_text({"ExpertDrums": [f"96 = E {start}", f"192 = E {end}", "192 = N 1 0"]}))
    (solo,) = chart.track(E).phrases_of(PhraseKind.SOLO)
    assert (solo.start_tick, solo.end_tick) == (96, 193)


def test_unterminated_solo_closes_after_last_note_with_warning() -> None:
    chart = parse_text(chart_text({"ExpertDrums": ["96 = E solo", "192 = N 1 0", "480 = N 0 0"]}))
    (solo,) = chart.track(E).phrases_of(PhraseKind.SOLO)
    assert (solo.start_tick, solo.end_tick) == (96, 481)
    assert any("soloend" in warning for warning in chart.warnings)


def test_modifier_applies_only_to_its_own_lane_and_tick() -> None:
    chart = parse_text(
        chart_text({"ExpertDrums": ["0 = N 1 0", "0 = N 3 0", "0 = N 35 0", "0 = N 66 0", "96 = N 2 0"]})
    )
    # accent 35 and cymbal 66 are yellow's; there is no yellow on tick 0, and the yellow at 96 is bare
    assert rows(chart) == [
        [0.0, "snare", "normal", []],
        [0.0, "tom_mid", "normal", []],
        [0.25, "tom_high", "normal", []],
    ]


def test_accent_wins_over_ghost() -> None:
    chart = parse_text(chart_text({"ExpertDrums": ["0 = N 40 0", "0 = N 1 0", "0 = N 34 0"]}))
    assert [n.dynamic for n in chart.track(E).notes] == [Dynamic.ACCENT]


def test_double_kick_is_flagged_and_dropped_under_a_plain_kick() -> None:
    chart = parse_text(chart_text({"ExpertDrums": ["0 = N 32 0", "96 = N 32 0", "96 = N 0 0"]}))
    notes = chart.track(E).notes
    assert [(n.tick, n.flags) for n in notes] == [(0, NoteFlag.DOUBLE_KICK), (96, NoteFlag.NONE)]
    assert [n.tick for n in chart.track(E).playable_notes()] == [96]


def test_ini_flags_override_detection() -> None:
    plain = (FIXTURES / "plain4.chart").read_bytes()
    assert parse_chart(plain).drum_type is DrumType.FOUR_LANE
    assert parse_chart(plain, ini_pro=True).drum_type is DrumType.FOUR_LANE_PRO
    five = parse_chart((FIXTURES / "pro.chart").read_bytes(), ini_five_lane=True)
    assert five.drum_type is DrumType.FIVE_LANE
    assert five.track(E).notes[1].piece is KitPiece.HIHAT  # yellow is the 5-lane hi-hat


def test_disco_flip_only_on_pro_drums() -> None:
    data = (FIXTURES / "disco.chart").read_bytes()
    pro = parse_chart(data)
    assert [(n.tick, n.piece) for n in pro.track(E).notes if n.tick == 192] == [(192, KitPiece.HIHAT)]
    plain = parse_chart(data.replace(b" = N 66 0", b" = N 2 0"))  # no cymbal markers: plain 4-lane
    assert plain.drum_type is DrumType.FOUR_LANE
    assert [(n.tick, n.piece) for n in plain.track(E).notes if n.tick == 192] == [(192, KitPiece.SNARE)]


def test_unknown_note_types_warn_once_and_unknown_sections_are_ignored() -> None:
    text = chart_text(
        {
            "ExpertDrums": ["0 = N 7 0", "96 = N 7 0", "192 = N 1 0", "200 = X 1 2", "210 = H 3 4"],
            "HardDrums": ["0 = N 7 0", "0 = N 109 0"],
            "MysteryTrack": ["this is not even an event"],
        }
    )
    chart = parse_text(text)
    assert chart.warnings == ("unknown note type N 7 ignored",)
    assert len(chart.track(E).notes) == 1 and chart.track(H).notes == ()


def test_events_section_names() -> None:
    text = chart_text(
        {"Events": ['0 = E "section Intro"', '96 = E "[section Big Riff]"', '192 = E "prc_verse"', '5 = E "lyric x"']}
    )
    assert [(s.tick, s.name) for s in parse_text(text).sections] == [(0, "Intro"), (96, "Big Riff"), (192, "verse")]


@pytest.mark.parametrize("lyric", ["la", "l\u00e0"])  # ASCII bodies are searched by word, others whole
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_events_section_names_with_any_line_breaks(lyric: str, newline: str) -> None:
    lines = ['0 = E "section Intro"', f'5 = E "lyric {lyric}"', '96 = E "SECTION Verse"', '192 = E "coda"']
    chart = parse_text(chart_text({"Events": lines}, newline=newline))
    assert [(s.tick, s.name) for s in chart.sections] == [(0, "Intro"), (96, "Verse")]
    assert chart.metadata["coda_tick"] == "192"


# --- resolution -----------------------------------------------------------------------------------


def test_missing_resolution_assumes_192_with_warning() -> None:
    chart = parse_text(chart_text({"Song": ['Name = "x"'], "ExpertDrums": ["192 = N 1 0"]}, resolution=None))
    assert chart.tempo_map.resolution == 192
    assert "no Resolution in [Song]; assuming 192" in chart.warnings
    no_song = parse_text(chart_text({"ExpertDrums": ["192 = N 1 0"]}, resolution=None))
    assert rows(no_song) == [[0.5, "snare", "normal", []]]


def test_huge_resolution_is_accepted() -> None:
    chart = parse_text(chart_text({"ExpertDrums": ["2000000000 = N 1 0"]}, resolution=10**12))
    assert rows(chart) == [[0.001, "snare", "normal", []]]  # 0.002 beats at 120 BPM


# --- bad input ------------------------------------------------------------------------------------

SYNC = "[SyncTrack]\n{\n  0 = B 120000\n}\n"
BAD_CHARTS = [
    ("", "empty file", "line 1"),
    ("  \n\t\n", "empty file", "line 1"),
    ("[song]\nname = Foo\ndelay = 0\n", "expected '{' after [song]", "line 2"),
    ("hello, I am not a chart\n", "not a .chart file", "line 1"),
    ("[Foo]\n{\n}\n", "not a .chart file", "line 1"),
    (SYNC + "[ExpertDrums]\n{\n  0 = N 1 0\n", "never closed", "line 5"),
    (SYNC + "[ExpertDrums]\n{\n  0 = N 1 0\n[HardDrums]\n{\n}\n", "not closed before", "line 8"),
    (SYNC + "[ExpertDrums]\n{\n  abc = N 1 0\n}\n", "invalid tick", "line 7"),
    (SYNC + "[ExpertDrums]\n{\n  -5 = N 1 0\n}\n", "out of range", "line 7"),
    (SYNC + "[ExpertDrums]\n{\n  " + "9" * 30 + " = N 1 0\n}\n", "out of range", "line 7"),
    (SYNC + "[ExpertDrums]\n{\n  " + "9" * 5000 + " = N 1 0\n}\n", "invalid tick", "line 7"),
    (SYNC + "[ExpertDrums]\n{\n  0 = N x 0\n}\n", "invalid number", "line 7"),
    (SYNC + "[ExpertDrums]\n{\n  0 = N\n}\n", "missing value", "line 7"),
    (SYNC + "[ExpertDrums]\n{\n  0 N 1 0\n}\n", "expected 'tick = code values'", "line 7"),
    ("[Song]\n{\n  Resolution = 0\n}\n", "resolution 0 is out of range", "line 3"),
    ("[Song]\n{\n  Name = x\n  Resolution = abc\n}\n", "invalid resolution", "line 4"),
    ("[Song]\n{\n  Resolution = " + "9" * 40 + "\n}\n", "out of range", "line 3"),
    ("[SyncTrack]\n{\n  0 = B 0\n}\n", "tempo 0 is out of range", "line 3"),
    ("[SyncTrack]\n{\n  0 = TS 4 x\n}\n", "invalid number", "line 3"),
    ("\x00\x01\x02garbage\xff", "not a .chart file", "line 1"),
    ("[SyncTrack]\n{\n}\n}\n", "not a .chart file", "line 4"),
]


@pytest.mark.parametrize(("text", "message", "location"), BAD_CHARTS)
def test_bad_input_is_a_chart_error_with_location(text: str, message: str, location: str) -> None:
    with pytest.raises(ChartError) as caught:
        parse_chart(text.encode("utf-8", errors="surrogateescape"), Path("songs/bad.chart"))
    error = caught.value
    assert message.lower() in error.message.lower()
    assert error.location == location
    assert error.path == Path("songs/bad.chart")
    assert str(error).startswith(f"{Path('songs/bad.chart')} ({location}): ")
    assert error.message[0].islower() or not error.message[0].isalpha()


def test_read_chart_of_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ChartError) as caught:
        read_chart(tmp_path / "nope.chart")
    assert caught.value.path == tmp_path / "nope.chart"


def test_largest_tick_is_accepted_and_phrases_are_clamped() -> None:
    chart = parse_text(chart_text({"ExpertDrums": [f"{MAX_TICK} = N 1 0", f"{MAX_TICK} = S 2 {10**9}"]}))
    (star,) = chart.track(E).phrases
    assert star.end_tick == MAX_TICK + 1


def test_pathological_lines_finish() -> None:
    # Each of these would take hours if the scanner were quadratic in line length.
    braces = "x}" * 200_000
    text = SYNC + "[ExpertDrums]\n{\n  0 = E " + braces + "\n  0 = N 1 0\n}\n"
    assert len(parse_text(text).track(E).notes) == 1
    with pytest.raises(ChartError):
        parse_text(SYNC + "[Junk]\n{\n" + " }" * 200_000)


# --- fuzzing --------------------------------------------------------------------------------------

PRO = (FIXTURES / "pro.chart").read_bytes()
HOSTILE = [b"1" + b"0" * 30, b"-1", b"99999999999999999999", b"1e5", b"\xff\xfe", b"0" * 5000, b"", b"}", b"["]


def _parses_or_chart_error(data: bytes) -> None:
    try:
        chart = parse_chart(data, Path("fuzz.chart"))
    except ChartError as error:
        assert error.path == Path("fuzz.chart") and error.message
    else:  # tracks are built on first access: build them all, which must not fail either
        assert isinstance(chart, Chart) and all(isinstance(track, Track) for track in chart.tracks.values())


@settings(deadline=None, max_examples=150)
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data: bytes) -> None:
    _parses_or_chart_error(data)


@settings(deadline=None, max_examples=150)
@given(st.text(alphabet='[]{}="\n\r\t 0123456789NSEBTAHsongExpertDrums', max_size=300))
def test_chart_shaped_text_never_crashes(text: str) -> None:
    _parses_or_chart_error(text.encode("utf-8"))


MUTATION = st.tuples(
    st.sampled_from(["delete", "duplicate", "truncate", "flip", "hostile", "swap"]),
    st.integers(0, 10**6),
    st.integers(0, 255),
)


def _mutate(data: bytes, operations: list[tuple[str, int, int]]) -> bytes:
    lines = data.split(b"\n")
    for operation, where, value in operations:
        index = where % len(lines)
        if operation == "delete" and len(lines) > 1:
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "truncate":
            joined = b"\n".join(lines)
            lines = joined[: where % (len(joined) + 1)].split(b"\n")
        elif operation == "flip":
            joined = bytearray(b"\n".join(lines))
            if joined:
                joined[where % len(joined)] ^= value or 1
            lines = bytes(joined).split(b"\n")
        elif operation == "hostile":
            parts = lines[index].split()
            if parts:
                parts[value % len(parts)] = HOSTILE[value % len(HOSTILE)]
                lines[index] = b"  " + b" ".join(parts)
        elif operation == "swap":
            other = value % len(lines)
            lines[index], lines[other] = lines[other], lines[index]
    return b"\n".join(lines)


@settings(deadline=None, max_examples=250, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=6))
def test_mutated_chart_parses_or_raises_chart_error(operations: list[tuple[str, int, int]]) -> None:
    _parses_or_chart_error(_mutate(PRO, operations))


def test_mutation_helper_really_mutates() -> None:
    # Guard against a fuzz test that only ever sees the valid chart.
    assert _mutate(PRO, [("delete", 3, 0)]) != PRO
    assert _mutate(PRO, [("hostile", 40, 1)]) != PRO
