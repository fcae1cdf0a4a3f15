"""Song folders: chart choice, song.ini merge, Offset versus delay, stems, folder discovery, errors."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from game.chart.error import ChartError
from game.chart.folder import find_song_folders, load_song
from game.chart.model import ChartFormat, Difficulty, DrumType
from tests.chart_text import FIXTURES, chart_text

CHART = chart_text(
    {
        "Song": ['Name = "Chart Title"', 'Artist = "Chart Artist"', 'Year = ", 1999"', "Resolution = 192"],
        "ExpertDrums": ["0 = N 1 0", "192 = N 2 0"],
    },
    resolution=None,
)


def make_folder(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


# --- metadata ---------------------------------------------------------------------------------


def test_song_ini_wins_and_chart_header_fills_gaps(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART, "song.ini": "[song]\nname = Ini Title\n"})
    song = load_song(folder)
    assert song.info.title == "Ini Title"
    assert song.info.artist == "Chart Artist"
    assert song.info.year == "1999"
    assert song.folder == folder and song.chart_path == folder / "notes.chart"


def test_without_song_ini_the_chart_header_is_used(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": (FIXTURES / "pro.chart").read_text()})
    song = load_song(folder)
    assert (song.info.title, song.info.charter, song.info.preview_start_s) == ("Pro Groove", "hand", 1.5)


def test_ini_drum_type_flags_reach_the_parser(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART})
    assert load_song(folder).chart.drum_type is DrumType.FOUR_LANE
    (folder / "song.ini").write_text("[Song]\npro_drums = True\n")
    assert load_song(folder).chart.drum_type is DrumType.FOUR_LANE_PRO


def test_bad_ini_value_is_a_song_warning(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART, "song.ini": "[song]\ndelay = soon\n", "song.ogg": b""})
    song = load_song(folder)
    assert song.info.delay_s == 0.0
    assert any("delay" in warning for warning in song.warnings)


# --- Offset versus delay -------------------------------------------------------------------------


def test_delay_and_offset_are_not_added(tmp_path: Path) -> None:
    chart = CHART.replace("Resolution = 192", "Resolution = 192\n  Offset = 0.3")
    folder = make_folder(tmp_path / "s", {"notes.chart": chart, "song.ini": "[song]\ndelay = 300\n", "song.ogg": b""})
    song = load_song(folder)
    assert song.chart.offset_s == 0.3 and song.info.delay_s == 0.3
    assert song.note_delay_s == pytest.approx(0.3)
    assert "song.ini delay and .chart Offset both set: using delay" in song.warnings


def test_offset_alone_is_the_delay(tmp_path: Path) -> None:
    chart = CHART.replace("Resolution = 192", "Resolution = 192\n  Offset = -0.15")
    song = load_song(make_folder(tmp_path / "s", {"notes.chart": chart, "song.ogg": b""}))
    assert song.note_delay_s == pytest.approx(-0.15)
    assert song.warnings == ()


# --- chart choice --------------------------------------------------------------------------------


def test_forced_variant_is_preferred_over_other_named_charts(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"Song [N].chart": CHART, "Song (y).chart": CHART, "a.chart": CHART})
    assert load_song(folder).chart_path.name == "Song (y).chart"


def test_notes_chart_is_preferred_over_named_charts(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"Song [Y].chart": CHART, "NOTES.CHART": CHART})
    assert load_song(folder).chart_path.name == "NOTES.CHART"


def test_a_chart_file_path_loads_its_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART, "other.chart": CHART.replace("192 = N 2 0", "")})
    song = load_song(folder / "other.chart")
    assert song.folder == folder and song.chart_path == folder / "other.chart"
    assert len(song.chart.track(Difficulty.EXPERT).notes) == 1


def _notes_mid() -> bytes:
    mido = pytest.importorskip("mido")
    import io

    tempo = mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=500_000, time=0)])
    drums = mido.MidiTrack(
        [
            mido.MetaMessage("track_name", name="PART DRUMS", time=0),
            mido.Message("note_on", note=97, velocity=100, time=480),
            mido.Message("note_off", note=97, velocity=0, time=60),
        ]
    )
    buffer = io.BytesIO()
    mido.MidiFile(type=1, ticks_per_beat=480, tracks=[tempo, drums]).save(file=buffer)
    return buffer.getvalue()


def test_notes_mid_is_preferred_over_notes_chart(tmp_path: Path) -> None:
    pytest.importorskip("game.chart.midi")
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART, "notes.mid": _notes_mid(), "song.ogg": b""})
    song = load_song(folder)
    assert song.chart.format is ChartFormat.MID
    assert song.chart_path.name == "notes.mid"
    assert "both notes.mid and notes.chart: using notes.mid" in song.warnings
    assert [note.time_s for note in song.chart.track(Difficulty.EXPERT).notes] == [0.5]


# --- stems ---------------------------------------------------------------------------------------


def test_reserved_stems_case_insensitive_and_numbered_drums_win(tmp_path: Path) -> None:
    audio = ["Song.OGG", "drums.ogg", "Drums_1.ogg", "drums_2.opus", "guitar.mp3", "guitar.opus", "preview.wav"]
    files: dict[str, str | bytes] = {name: b"" for name in audio}
    files |= {"notes.chart": CHART, "song.flac": b"", "readme.txt": "hi", "keys.ogg.bak": b""}
    song = load_song(make_folder(tmp_path / "s", files))
    assert {stem: path.name for stem, path in song.stems.items()} == {
        "song": "Song.OGG",
        "drums_1": "Drums_1.ogg",
        "drums_2": "drums_2.opus",
        "guitar": "guitar.opus",  # .opus is preferred over .mp3
        "preview": "preview.wav",
    }
    assert song.warnings == ()


def test_lone_drums_stem_is_kept(tmp_path: Path) -> None:
    song = load_song(make_folder(tmp_path / "s", {"notes.chart": CHART, "drums.ogg": b"", "song.ogg": b""}))
    assert sorted(song.stems) == ["drums", "song"]


def test_no_audio_is_a_warning(tmp_path: Path) -> None:
    song = load_song(make_folder(tmp_path / "s", {"notes.chart": CHART}))
    assert song.stems == {}
    assert "no audio stems found" in song.warnings


def test_stream_keys_are_the_fallback(tmp_path: Path) -> None:
    streams = 'MusicStream = "Backing.ogg"\n  DrumStream = "C:\\\\x\\\\Kick.ogg"\n  Drum2Stream = "snare.ogg"'
    chart = CHART.replace("Resolution = 192", "Resolution = 192\n  " + streams + '\n  GuitarStream = "gone.ogg"')
    folder = make_folder(tmp_path / "s", {"notes.chart": chart, "backing.ogg": b"", "kick.ogg": b"", "snare.ogg": b""})
    song = load_song(folder)
    assert {stem: path.name for stem, path in song.stems.items()} == {
        "song": "backing.ogg",
        "drums_1": "kick.ogg",
        "drums_2": "snare.ogg",
    }
    assert any("gone.ogg" in warning for warning in song.warnings)


def test_single_drum_stream_is_the_whole_kit(tmp_path: Path) -> None:
    chart = CHART.replace("Resolution = 192", 'Resolution = 192\n  DrumStream = "kit.ogg"')
    song = load_song(make_folder(tmp_path / "s", {"notes.chart": chart, "kit.ogg": b""}))
    assert {stem: path.name for stem, path in song.stems.items()} == {"drums": "kit.ogg"}


# --- errors ----------------------------------------------------------------------------------------


def test_missing_path_is_a_chart_error(tmp_path: Path) -> None:
    with pytest.raises(ChartError) as caught:
        load_song(tmp_path / "nowhere")
    assert caught.value.path == tmp_path / "nowhere"


def test_folder_without_chart_names_the_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"song.ogg": b"", "notes.txt": "x"})
    with pytest.raises(ChartError) as caught:
        load_song(folder)
    assert caught.value.path == folder
    assert "no notes.mid or .chart" in caught.value.message


def test_broken_chart_error_names_the_chart_and_line(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART.replace("192 = N 2 0", "oops = N 2 0")})
    with pytest.raises(ChartError) as caught:
        load_song(folder)
    assert caught.value.path == folder / "notes.chart"
    assert caught.value.location == "line 15"  # [Song] 1-7, [SyncTrack] 8-11, [ExpertDrums] 12-


def test_unreadable_files_are_chart_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(tmp_path / "s", {"notes.chart": CHART, "song.ini": "[song]\n"})
    real = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "song.ini":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ChartError) as caught:
        load_song(folder)
    assert caught.value.path == folder / "song.ini"
    assert "permission denied" in caught.value.message.lower()


# --- finding song folders ------------------------------------------------------------------------


def test_find_song_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    make_folder(tmp_path / "b" / "Song Two", {"notes.mid": b"MThd"})
    make_folder(tmp_path / "a" / "Song One", {"NOTES.CHART": CHART})
    make_folder(tmp_path / "a" / "Named", {"Named [Y].chart": CHART})
    make_folder(tmp_path / "a" / "Audio Only", {"song.ogg": b""})
    make_folder(tmp_path / "locked" / "Hidden", {"notes.chart": CHART})
    (tmp_path / "a" / "Song One" / "loop").symlink_to(tmp_path / "a")  # a link back up the tree
    (tmp_path / "b" / "dangling").symlink_to(tmp_path / "missing")
    real_scandir = os.scandir

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with caplog.at_level(logging.WARNING, logger="game.chart.folder"):
        found = find_song_folders(tmp_path)
    assert found == [tmp_path / "a" / "Named", tmp_path / "a" / "Song One", tmp_path / "b" / "Song Two"]
    assert "locked" in caplog.text


def test_find_song_folders_of_missing_root_is_empty(tmp_path: Path) -> None:
    assert find_song_folders(tmp_path / "missing") == []
