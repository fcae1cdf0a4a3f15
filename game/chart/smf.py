"""A minimal Standard MIDI File reader: split a file into track chunks, decode only the tracks asked for.

Owns the SMF byte layout (header, chunks, events); knows nothing about drums.

Why not mido: a Clone Hero `notes.mid` holds a dozen instrument tracks (guitar, vocals, venue...)
and the drum parser needs three of them. mido builds a Message object for every event of every
track; here each MTrk chunk is found by its length, only its name is read, and only the tracks the
caller wants are decoded, into plain tuples. That keeps loading a song well under mido's own time.

Invariants:
- every length read from the file is checked against the bytes actually present before it is
  used, so a hostile length can neither allocate memory nor read past its chunk;
- malformed input raises `ChartError` with location "header" or "track N, byte B" (N counts MTrk
  chunks from 0, B is an offset into the whole file), never IndexError or anything else;
- ticks are absolute integers per track; a Note Off is stored as velocity 0, like a Note On with
  velocity 0, so `velocity == 0` means "off" everywhere above this module.

Leniency, on purpose: running status survives meta and SysEx events (real charts rely on it, though
the SMF spec says SysEx cancels it); events after End of Track are ignored; chunks that are not
MTrk are skipped; a file declaring more tracks than it holds only earns a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.chart.error import ChartError

_MAX_VLQ_BYTES = 4
# Data bytes after system common/real-time status bytes (not legal in files, but skippable).
_SYSTEM_LENGTHS = {0xF1: 1, 0xF2: 2, 0xF3: 1, 0xF4: 0, 0xF5: 0, 0xF6: 0}
_SYSTEM_LENGTHS.update({status: 0 for status in range(0xF8, 0xFF)})

Note = tuple[int, int, int]  # (tick, note number, velocity; 0 = off)


@dataclass(frozen=True, slots=True)
class Header:
    format: int
    track_count: int  # as declared in MThd
    ticks_per_quarter: int


@dataclass(frozen=True, slots=True)
class TrackEvents:
    """The events of one MTrk chunk that a chart parser cares about."""

    index: int
    name: str | None  # the first track-name meta event
    notes: tuple[Note, ...]  # every channel, in file order
    texts: tuple[tuple[int, str], ...]  # (tick, text) of meta types 0x01-0x0F except track names
    tempos: tuple[tuple[int, int], ...]  # (tick, microseconds per quarter note)
    time_signatures: tuple[tuple[int, int, int], ...]  # (tick, numerator, denominator exponent)
    end_tick: int  # tick of End of Track (or of the last event)


@dataclass(frozen=True, slots=True)
class MidiData:
    header: Header
    names: tuple[str | None, ...]  # the name of every MTrk chunk, in file order
    tracks: tuple[TrackEvents, ...]  # only the tracks the caller asked for
    warnings: tuple[str, ...] = ()


def read_midi(data: bytes, wanted: Callable[[int, str | None], bool]) -> MidiData:
    """Read the header and track names, and decode the tracks for which `wanted(index, name)`."""
    header, offset = read_header(data)
    chunks = track_chunks(data, offset, header.track_count)
    warnings: list[str] = []
    if len(chunks) < header.track_count:
        warnings.append(f"header declares {header.track_count} tracks but the file holds {len(chunks)}")
    names: list[str | None] = []
    tracks: list[TrackEvents] = []
    for index, (start, end) in enumerate(chunks):
        probe = decode_track(data, index, start, end, name_only=True)
        names.append(probe.name)
        if wanted(index, probe.name):
            # Without a name the probe walked the whole chunk, so it is already complete.
            tracks.append(probe if probe.name is None else decode_track(data, index, start, end))
    return MidiData(header, tuple(names), tuple(tracks), tuple(warnings))


def read_header(data: bytes) -> tuple[Header, int]:
    """The MThd header and the offset of the first chunk after it."""
    if data[:4] != b"MThd":
        hint = ": it looks like a .chart text file" if b"[Song]" in data[:256] else ""
        raise ChartError(f"not a midi file (no MThd header){hint}", location="header")
    if len(data) < 14:
        raise ChartError("truncated midi header", location="header")
    length = int.from_bytes(data[4:8], "big")
    if length < 6 or 8 + length > len(data):
        raise ChartError(f"bad midi header length {length}", location="header")
    file_format = int.from_bytes(data[8:10], "big")
    track_count = int.from_bytes(data[10:12], "big")
    division = int.from_bytes(data[12:14], "big")
    if file_format not in (0, 1):
        raise ChartError(f"unsupported midi format {file_format}", location="header")
    if division & 0x8000:
        raise ChartError("smpte time division is not supported", location="header")
    if division == 0:
        raise ChartError("ticks per quarter note is 0", location="header")
    return Header(file_format, track_count, division), 8 + length


def track_chunks(data: bytes, offset: int, limit: int) -> list[tuple[int, int]]:
    """(start, end) byte offsets of the bodies of the first `limit` MTrk chunks.

    Stops at `limit` so that padding or junk after the declared tracks does no harm.
    """
    chunks: list[tuple[int, int]] = []
    size = len(data)
    while len(chunks) < limit and offset + 8 <= size:
        length = int.from_bytes(data[offset + 4 : offset + 8], "big")
        start = offset + 8
        if start + length > size:
            where = f"track {len(chunks)}, byte {offset}"
            raise ChartError(f"chunk length {length} runs past the end of the file", location=where)
        if data[offset : offset + 4] == b"MTrk":
            chunks.append((start, start + length))
        offset = start + length
    return chunks


def decode_track(data: bytes, index: int, start: int, end: int, name_only: bool = False) -> TrackEvents:
    """Decode the MTrk body `data[start:end]`; with `name_only`, stop at the first track name."""
    # A copy of just this chunk: indexing past its end then raises IndexError instead of silently
    # reading the next chunk, which is what makes the loop below both fast and safe.
    buf = data[start:end]
    out = _Sink()
    try:
        pos = _walk(buf, out, name_only)
    except IndexError:
        raise ChartError("truncated event", location=f"track {index}, byte {start + out.event}") from None
    except _BadEvent as bad:
        raise ChartError(str(bad), location=f"track {index}, byte {start + out.event}") from None
    if pos > len(buf):
        raise ChartError("truncated event", location=f"track {index}, byte {start + out.event}")
    return TrackEvents(
        index,
        out.name,
        tuple(out.notes),
        tuple(out.texts),
        tuple(out.tempos),
        tuple(out.signatures),
        out.tick,
    )


class _BadEvent(Exception):
    """Malformed event; turned into a ChartError with its location by `decode_track`."""


class _Sink:
    """What `_walk` collects; `event` and `tick` say where it stopped (for errors and end_tick)."""

    __slots__ = ("event", "name", "notes", "signatures", "tempos", "texts", "tick")

    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.texts: list[tuple[int, str]] = []
        self.tempos: list[tuple[int, int]] = []
        self.signatures: list[tuple[int, int, int]] = []
        self.name: str | None = None
        self.event = 0
        self.tick = 0


def _walk(buf: bytes, out: _Sink, name_only: bool) -> int:
    """The hot loop: decode events until End of Track or the end of `buf`; return the position."""
    add_note = out.notes.append
    size = len(buf)
    pos = tick = status = 0
    while pos < size:
        out.event = pos
        delta = buf[pos]
        pos += 1
        if delta & 0x80:
            delta, pos = _vlq_tail(buf, pos, delta)
        tick += delta
        byte = buf[pos]
        if byte & 0x80:
            if byte >= 0xF0:
                out.tick = tick
                pos = _system_event(buf, pos, out)
                if pos < 0:  # End of Track, or the name was all that was asked for
                    return size
                if name_only and out.name is not None:
                    return size
                continue
            status = byte
            pos += 1
        elif not status:
            raise _BadEvent("data byte with no running status")
        kind = status & 0xF0
        if kind == 0x90:
            add_note((tick, buf[pos], buf[pos + 1]))
            pos += 2
        elif kind == 0x80:
            add_note((tick, buf[pos], 0))  # a short read is caught by the position check
            pos += 2
        elif kind == 0xC0 or kind == 0xD0:
            pos += 1
        else:
            pos += 2
    out.tick = tick
    return pos


def _vlq_tail(buf: bytes, pos: int, first: int) -> tuple[int, int]:
    """Finish a variable-length quantity whose first byte (with its continuation bit) was `first`."""
    value = first & 0x7F
    for _ in range(_MAX_VLQ_BYTES - 1):
        byte = buf[pos]
        pos += 1
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, pos
    raise _BadEvent("variable-length number longer than 4 bytes")


def _vlq(buf: bytes, pos: int) -> tuple[int, int]:
    first = buf[pos]
    if first & 0x80:
        return _vlq_tail(buf, pos + 1, first)
    return first, pos + 1


def _system_event(buf: bytes, pos: int, out: _Sink) -> int:
    """Skip or record a meta, SysEx or system event at `pos`; -1 at End of Track."""
    status = buf[pos]
    if status == 0xFF:
        kind = buf[pos + 1]
        length, pos = _vlq(buf, pos + 2)
        if pos + length > len(buf):
            raise IndexError  # truncated: reported by decode_track
        if kind == 0x2F:
            return -1
        _record_meta(kind, buf[pos : pos + length], out)
        return pos + length
    if status == 0xF0 or status == 0xF7:
        length, pos = _vlq(buf, pos + 1)
        return pos + length  # the caller checks the position against the chunk size
    return pos + 1 + _SYSTEM_LENGTHS[status]


def _record_meta(kind: int, body: bytes, out: _Sink) -> None:
    tick = out.tick
    if kind == 0x03:
        if out.name is None:
            out.name = _text(body)
    elif 0x01 <= kind <= 0x0F:
        out.texts.append((tick, _text(body)))
    elif kind == 0x51 and len(body) >= 3:
        out.tempos.append((tick, int.from_bytes(body[:3], "big")))
    elif kind == 0x58 and len(body) >= 2:
        out.signatures.append((tick, body[0], body[1]))


def _text(body: bytes) -> str:
    # Charts are ASCII in practice; older editors wrote Latin-1 names, which UTF-8 rejects.
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("latin-1")
