"""The minimal SMF reader: hand-built bytes for the corner cases, mido as an independent oracle."""

from __future__ import annotations

import io
import random

import mido
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.chart.error import ChartError
from game.chart.smf import decode_track, read_header, read_midi
from tests.midi_bytes import chunk, vlq


def smf(*tracks: bytes, fmt: int = 1, tpq: int = 480, declared: int | None = None) -> bytes:
    count = len(tracks) if declared is None else declared
    header = chunk(b"MThd", fmt.to_bytes(2, "big") + count.to_bytes(2, "big") + tpq.to_bytes(2, "big"))
    return header + b"".join(chunk(b"MTrk", t) for t in tracks)


def name(text: str) -> bytes:
    return b"\x00\xff\x03" + vlq(len(text)) + text.encode()


END = b"\x00\xff\x2f\x00"


def only(data: bytes, index: int):
    return read_midi(data, lambda i, _n: i == index).tracks[0]


# --- header and chunks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "no MThd header"),
        (b"[Song]\r\n{\r\n  Resolution = 192\r\n}\r\n", "looks like a .chart"),
        (b"MThd\x00\x00\x00\x06\x00\x01", "truncated midi header"),
        (b"MThd\x00\x00\x00\x02\x00\x01\x00\x01\x01\xe0", "bad midi header length 2"),
        (b"MThd\xff\xff\xff\xff\x00\x01\x00\x01\x01\xe0", "bad midi header length"),
        (smf(END, fmt=2), "unsupported midi format 2"),
        (smf(END, tpq=0xE728), "smpte"),
        (smf(END, tpq=0), "ticks per quarter note is 0"),
    ],
)
def test_bad_headers_are_chart_errors_located_at_the_header(data: bytes, message: str) -> None:
    with pytest.raises(ChartError, match=message) as caught:
        read_midi(data, lambda _i, _n: True)
    assert caught.value.location == "header"


def test_header_accepts_format_0_and_longer_header_chunks() -> None:
    data = b"MThd\x00\x00\x00\x08\x00\x00\x00\x01\x03\xc0\xaa\xbb" + chunk(b"MTrk", END)
    header, offset = read_header(data)
    assert (header.format, header.track_count, header.ticks_per_quarter) == (0, 1, 960)
    assert offset == 16


def test_chunk_length_past_the_end_names_the_track_and_byte() -> None:
    data = smf(name("a") + END, name("b") + END)
    second_chunk = 14 + 8 + len(name("a") + END)
    broken = data[:second_chunk] + b"MTrk\x7f\xff\xff\xff" + data[second_chunk + 8 :]
    with pytest.raises(ChartError, match="runs past the end") as caught:
        read_midi(broken, lambda _i, _n: True)
    assert caught.value.location == f"track 1, byte {second_chunk}"


def test_foreign_chunks_are_skipped_and_names_read_for_every_track() -> None:
    tracks = [name("tempo") + END, name("PART GUITAR") + END, name("PART DRUMS") + b"\x00\x90\x60\x64" + END]
    header = chunk(b"MThd", b"\x00\x01\x00\x03\x01\xe0")
    data = header + chunk(b"MTrk", tracks[0]) + chunk(b"XFIH", b"\x80" * 37)
    data += chunk(b"MTrk", tracks[1]) + chunk(b"MTrk", tracks[2])
    result = read_midi(data, lambda _i, n: n == "PART DRUMS")
    assert result.names == ("tempo", "PART GUITAR", "PART DRUMS")
    assert [t.index for t in result.tracks] == [2]
    assert result.tracks[0].notes == ((0, 0x60, 0x64),)


def test_junk_after_the_declared_tracks_is_ignored_and_missing_tracks_warned() -> None:
    data = smf(name("x") + END) + b"\x12\x34junk that is not a chunk at all \xff\xff\xff\xff"
    assert read_midi(data, lambda _i, _n: True).names == ("x",)
    short = smf(name("x") + END, declared=3)
    result = read_midi(short, lambda _i, _n: True)
    assert result.names == ("x",)
    assert result.warnings == ("header declares 3 tracks but the file holds 1",)


# --- events --------------------------------------------------------------------------------------


def test_running_status_survives_meta_and_sysex_events() -> None:
    body = (
        name("PART DRUMS")
        + b"\x00\x90\x60\x64"  # note on, sets running status
        + b"\x10\xff\x01\x05hello"  # text meta at tick 16
        + b"\x00\x61\x7f"  # running status across the meta event
        + b"\x08\xf0\x05\x50\x53\xff\x80\xf7"  # sysex with bytes > 0x7f at tick 24
        + b"\x08\x62\x01"  # running status across the sysex event, tick 32
        + b"\x08\x80\x60\x40"  # explicit note off
        + b"\x00\x61\x00"  # running status note off (0x80 status)
        + END
    )
    track = only(smf(END, body), 1)
    assert track.notes == ((0, 0x60, 0x64), (16, 0x61, 0x7F), (32, 0x62, 1), (40, 0x60, 0), (40, 0x61, 0))
    assert track.texts == ((16, "hello"),)
    assert track.end_tick == 40


def test_other_channel_messages_are_skipped_with_their_own_lengths() -> None:
    body = (
        b"\x00\xc9\x05"  # program change: 1 data byte
        + b"\x00\xd9\x40"  # channel pressure: 1
        + b"\x00\xe9\x00\x40"  # pitch bend: 2
        + b"\x00\xb9\x07\x64"  # control change: 2
        + b"\x00\xa9\x60\x10"  # poly aftertouch: 2
        + b"\x00\x11\x12"  # running status of the aftertouch
        + b"\x05\x99\x24\x50"  # note on, channel 10
        + b"\x00\xf6"  # tune request: no data
        + b"\x00\x25\x51"  # running status still 0x99
        + END
        + b"\x00\x90\x60\x64"  # after End of Track: ignored
    )
    track = only(smf(body), 0)
    assert track.notes == ((5, 0x24, 0x50), (5, 0x25, 0x51))


def test_meta_events_are_decoded() -> None:
    body = (
        name("tempo map")
        + b"\x00\xff\x51\x03\x07\xa1\x20"  # 500000 us
        + b"\x00\xff\x58\x04\x07\x03\x18\x08"  # 7/8
        + vlq(1920)
        + b"\xff\x51\x03\x06\x1a\x80"  # 400000 us
        + b"\x00\xff\x03\x05other"  # a second track name is neither the name nor a text
        + b"\x00\xff\x06\x07[coda]\xe9"  # marker text, latin-1 fallback
        + b"\x00\xff\x7f\x03\x05\x0f\x09"  # sequencer specific: skipped
        + END
    )
    track = only(smf(body), 0)
    assert track.name == "tempo map"
    assert track.tempos == ((0, 500_000), (1920, 400_000))
    assert track.time_signatures == ((0, 7, 3),)
    assert track.texts == ((1920, "[coda]\u00e9"),)


@pytest.mark.parametrize("delta", [0, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000, 0x0FFFFFFF])
def test_variable_length_deltas_up_to_four_bytes(delta: int) -> None:
    track = only(smf(vlq(delta) + b"\x90\x60\x64" + vlq(delta) + b"\x60\x00" + END), 0)
    assert track.notes == ((delta, 0x60, 0x64), (2 * delta, 0x60, 0))


@pytest.mark.parametrize(
    ("body", "message", "event_byte"),
    [
        (b"\x00\x90\x60\x64\x80\x80\x80\x80\x00\x60\x00", "longer than 4 bytes", 4),
        (b"\x00\x90\x60\x64\x00\xff\x01\x85\x80\x80\x80\x00abc", "longer than 4 bytes", 4),
        (b"\x00\x90\x60", "truncated event", 0),
        (b"\x00\x90\x60\x64\x00\x80\x60", "truncated event", 4),
        (b"\x00\x90\x60\x64\x00\xff\x01\x7fshort", "truncated event", 4),
        (b"\x00\x90\x60\x64\x00\xf0\x8f\xff\xff\x7f\x01", "truncated event", 4),
        (b"\x00\x90\x60\x64\x00\xff", "truncated event", 4),
        (b"\x00\x90\x60\x64\x81", "truncated event", 4),
        (b"\x00\x60\x64", "no running status", 0),
    ],
)
def test_broken_events_are_located(body: bytes, message: str, event_byte: int) -> None:
    data = smf(name("x") + END, name("PART DRUMS") + body)
    drums_body_start = 14 + 8 + len(name("x") + END) + 8
    with pytest.raises(ChartError, match=message) as caught:
        read_midi(data, lambda _i, _n: True)
    assert caught.value.location == f"track 1, byte {drums_body_start + len(name('PART DRUMS')) + event_byte}"


def test_unwanted_tracks_are_not_decoded_past_their_name() -> None:
    garbage_after_name = name("PART GUITAR") + b"\x00\x60\x60\x81"
    data = smf(END, garbage_after_name, name("PART DRUMS") + b"\x00\x90\x60\x64" + END)
    result = read_midi(data, lambda i, n: i == 0 or n == "PART DRUMS")
    assert result.names == (None, "PART GUITAR", "PART DRUMS")
    assert result.tracks[1].notes == ((0, 0x60, 0x64),)


def test_decode_track_with_name_only_stops_at_the_name() -> None:
    data = smf(b"\x00\x90\x60\x64" + name("late name") + b"\x00\x90\x61\x64" + END)
    probe = decode_track(data, 0, 22, len(data), name_only=True)
    assert probe.name == "late name"
    assert probe.notes == ((0, 0x60, 0x64),)


# --- against mido --------------------------------------------------------------------------------


def random_drum_file(seed: int, tpq: int) -> bytes:
    """A type-1 file whose PART DRUMS track mixes every kind of event mido writes."""
    rnd = random.Random(seed)
    mid = mido.MidiFile(type=1, ticks_per_beat=tpq)
    mid.tracks.append(mido.MidiTrack([mido.MetaMessage("set_tempo", tempo=rnd.randint(200_000, 900_000))]))
    for track_name in ("PART GUITAR", "PART DRUMS", "PART VOCALS"):
        track = mido.MidiTrack([mido.MetaMessage("track_name", name=track_name)])
        for _ in range(rnd.randint(0, 300)):
            track.append(random_message(rnd))
        mid.tracks.append(track)
    out = io.BytesIO()
    mid.save(file=out)
    return out.getvalue()


def random_message(rnd: random.Random) -> mido.Message | mido.MetaMessage:
    time = rnd.choice([0, 0, 1, 60, 127, 128, 480, 16_383, 16_384, rnd.randint(0, 5_000_000)])
    kind = rnd.randrange(8)
    if kind <= 2:
        return mido.Message("note_on", note=rnd.randint(0, 127), velocity=rnd.randint(0, 127), time=time)
    if kind == 3:
        return mido.Message("note_off", note=rnd.randint(0, 127), velocity=rnd.randint(0, 127), time=time)
    if kind == 4:
        return mido.Message("control_change", control=rnd.randint(0, 127), value=64, time=time)
    if kind == 5:
        return mido.Message("pitchwheel", pitch=rnd.randint(-8192, 8191), time=time, channel=rnd.randrange(16))
    if kind == 6:
        return mido.Message("sysex", data=[rnd.randint(0, 127) for _ in range(rnd.randint(0, 300))], time=time)
    return mido.MetaMessage("text", text="[mix 3 drums0]" * rnd.randint(0, 20), time=time)


def mido_notes(data: bytes, track_name: str) -> list[tuple[int, int, int]]:
    for track in mido.MidiFile(file=io.BytesIO(data), clip=True).tracks:
        if track.name == track_name:
            tick, notes = 0, []
            for msg in track:
                tick += msg.time
                if msg.type in ("note_on", "note_off"):
                    notes.append((tick, msg.note, msg.velocity if msg.type == "note_on" else 0))
            return notes
    raise AssertionError(f"no track {track_name}")


@pytest.mark.parametrize(("seed", "tpq"), [(1, 480), (2, 960), (3, 192), (4, 480), (5, 960)])
def test_decoded_drum_notes_equal_midos(seed: int, tpq: int) -> None:
    data = random_drum_file(seed, tpq)
    result = read_midi(data, lambda _i, n: n == "PART DRUMS")
    assert list(result.tracks[0].notes) == mido_notes(data, "PART DRUMS")
    assert result.header.ticks_per_quarter == tpq


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32), tpq=st.sampled_from([192, 480, 960]))
def test_decoded_notes_equal_midos_for_any_generated_file(seed: int, tpq: int) -> None:
    data = random_drum_file(seed, tpq)
    result = read_midi(data, lambda _i, _n: True)
    assert list(result.tracks[2].notes) == mido_notes(data, "PART DRUMS")
    assert list(result.tracks[1].notes) == mido_notes(data, "PART GUITAR")
