"""song.ini: header and key case, rich text, -1, booleans, bad values, encodings."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.chart.error import ChartError
from game.chart.model import SongInfo
from game.chart.songini import parse_song_ini, parse_song_ini_report, read_song_ini

FULL = """\
; a comment
# another comment
[Song]
Name = <color=#00FF00>Green</color> Song
ARTIST=The Band
album = <b>Bold</b> Album
genre = rock
year = 2019
charter = Someone
frets = Old Name
delay = 250
preview_start_time = 41500
song_length = 183000
pro_drums = True
five_lane_drums = false
diff_drums = 4
icon = rb3
loading_phrase = Hit it <i>hard</i>
"""


def test_full_file() -> None:
    info = parse_song_ini(FULL)
    assert info.title == "Green Song"
    assert info.artist == "The Band"
    assert info.album == "Bold Album"
    assert (info.genre, info.year, info.charter) == ("rock", "2019", "Someone")
    assert info.delay_s == 0.25
    assert info.preview_start_s == 41.5
    assert info.song_length_s == 183.0
    assert (info.pro_drums, info.five_lane_drums, info.diff_drums) == (True, False, 4)
    assert info.extra == {"frets": "Old Name", "icon": "rb3", "loading_phrase": "Hit it hard"}


@pytest.mark.parametrize("header", ["[song]", "[Song]", "[SONG]", "[ song ]"])
def test_header_case(header: str) -> None:
    assert parse_song_ini(f"{header}\nname=Foo\n").title == "Foo"


def test_keys_outside_song_section_are_ignored_when_it_exists() -> None:
    info = parse_song_ini("[other]\nname = Wrong\n[song]\nartist = Right\n")
    assert (info.title, info.artist) == ("", "Right")


def test_no_header_at_all_still_reads_keys() -> None:
    info = parse_song_ini("name = Headless\ndelay=-120\n")
    assert info.title == "Headless"
    assert info.delay_s == -0.12


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("True", True), ("true", True), ("1", True), ("False", False), ("false", False), ("0", False), ("-1", None)],
)
def test_booleans(raw: str, expected: bool | None) -> None:
    assert parse_song_ini(f"[song]\npro_drums = {raw}\n").pro_drums is expected


def test_minus_one_means_unset() -> None:
    info = parse_song_ini("[song]\npreview_start_time = -1\nsong_length = -1\ndiff_drums = -1\ndelay = -1\n")
    assert info == SongInfo()


def test_frets_is_charter_only_when_charter_is_absent() -> None:
    info = parse_song_ini("[song]\nfrets = Old\n")
    assert info.charter == "Old"
    assert "frets" not in info.extra


def test_bad_values_are_warnings_not_failures(caplog: pytest.LogCaptureFixture) -> None:
    text = "[song]\nname = Still Here\ndelay = abc\npro_drums = maybe\ndiff_drums = x\nsong_length = inf\n"
    with caplog.at_level(logging.WARNING, logger="game.chart.songini"):
        report = parse_song_ini_report(text, Path("x/song.ini"))
    assert report.info.title == "Still Here"
    assert report.info.delay_s == 0.0
    assert report.info.pro_drums is None and report.info.diff_drums is None and report.info.song_length_s is None
    assert len(report.warnings) == 4
    assert any("delay" in warning for warning in report.warnings)
    assert str(Path("x/song.ini")) in caplog.text


def test_bytes_with_bom_and_bad_utf8() -> None:
    data = b"\xef\xbb\xbf[song]\r\nname = Caf\xe9\r\nartist = \xc3\x89cole\r\n"
    info = parse_song_ini(data)
    assert info.title == "Caf\ufffd"
    assert info.artist == "\u00c9cole"


def test_utf16_with_bom() -> None:
    assert parse_song_ini("[song]\nname = Wide\n".encode("utf-16")).title == "Wide"


def test_non_tag_angle_brackets_are_kept() -> None:
    assert parse_song_ini("[song]\nname = I <3 drums > guitars\n").title == "I <3 drums > guitars"


def test_read_song_ini_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ChartError) as caught:
        read_song_ini(tmp_path / "song.ini")
    assert caught.value.path == tmp_path / "song.ini"
    (tmp_path / "song.ini").write_text("[song]\nname = Disk\n")
    assert read_song_ini(tmp_path / "song.ini").title == "Disk"


@settings(deadline=None, max_examples=150)
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data: bytes) -> None:
    assert isinstance(parse_song_ini(data), SongInfo)
