"""The text layer of `.chart`: decoding, finding sections, splitting bodies into lines and tokens.

Owns the syntax (`[Name]` headers, `{ }` bodies, `tick = CODE values` lines); knows nothing of
what the events mean, which is the business of `game.chart.dotchart` and `game.chart.chart_drums`.

Invariants:
- lines end with LF, CRLF or a lone CR, exactly as if every CRLF and CR had been turned into LF
  first, which is how line numbers are counted;
- the scanner works on offsets, so skipped sections are never split into lines. A section ends at
  the first `}` that stands alone on its line; a `[` at the start of a line inside a body means the
  previous section was never closed, which is reported rather than swallowing the next section;
- a problem is a `BadLine` with its line index; `located` turns a body index into a file line;
- ticks are integers in [0, MAX_TICK], as in the editors that write the format.

Why line endings are not normalised up front: Windows editors write CRLF, and rewriting a whole
full-band chart costs more than reading it. The scanner treats CR as a line break where it matters
and only the sections that are read get normalised (or, for drum notes, never copied at all).

Why drum note lines are read with numpy: a full chart has tens of thousands of `tick = N type
length` lines, and even a compiled regex spends several times longer per line than splitting the
whole file does. `note_lines` finds each line's `=` in the section's bytes and checks the bytes
around it as 8-byte integers (digits, blanks and line breaks tested in all eight bytes at once),
taking only the lines it can fully vouch for; every other line, malformed or not, goes back to the
line-by-line reader with its true index, so errors and their line numbers are unchanged.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

MAX_TICK = 2**32 - 1  # Moonscraper stores ticks as uint32

_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_SPACE = re.compile(r"\s*")
_LINE_BREAKS = "\r\n"
_TICK_DIGITS = 7  # longer ticks (hours into a song) are left to the line-by-line reader
_KIND_DIGITS = 3  # note types are 0-127; longer numbers are left to the line-by-line reader
_TAB, _LF, _CR, _BLANK, _EQUALS, _N = (ord(c) for c in "\t\n\r =N")
_BULK_MIN_CHARS = 2048  # smaller bodies (about 150 lines) are quicker to read line by line
_NO_NUMBERS = np.zeros(0, np.int64)
_PAD = np.full(16, _LF, np.uint8)
_SEPARATORS = np.zeros(256, bool)
_SEPARATORS[[_TAB, _LF, _CR, _BLANK]] = True
_BYTES = 0x0101010101010101  # times a byte value: that byte in all eight places
_HIGH_BITS, _LOW_SEVEN = np.uint64(0x80 * _BYTES), np.uint64(0x7F * _BYTES)
_ZEROS, _TEN_TO_HIGH = np.uint64(ord("0") * _BYTES), np.uint64((0x80 - 10) * _BYTES)
_BLANKS, _TABS = np.uint64(_BLANK * _BYTES), np.uint64(_TAB * _BYTES)
_FIVE_BYTES, _EQUALS_N = np.uint64(2**40 - 1), np.uint64(int.from_bytes(b" = N ", "little"))
_BYTE_STARTS = np.array([2 ** (8 * k) for k in range(8)], np.uint64)  # the lowest value in byte k
_BYTE_FLAGS = _BYTE_STARTS << np.uint64(7)  # bit 7 of byte k
# Indexed by a count of bytes (0-8): shifts that move that many bottom bytes to the top, or the
# byte at that index (-1 included, as the last entry) to the bottom; masks of that many top bytes.
_SHIFT_TO_TOP = np.array([0, *(8 * (8 - count) for count in range(1, 8)), 0], np.uint64)
_SHIFT_TO_BOTTOM = np.array([8 * index for index in range(8)] + [0], np.uint64)
_KEEP_TOP = np.array([0, *(2**64 - 2 ** (8 * (8 - count)) for count in range(1, 9))], np.uint64)
_ZEROS_TOP = _KEEP_TOP & _ZEROS


class BadLine(Exception):
    """A problem on line `index`: of a section body while reading it, of the file once re-raised by
    `located` or `scan_sections`. The parser turns it into a ChartError."""

    def __init__(self, index: int, message: str):
        super().__init__(message)
        self.index = index
        self.message = message


@dataclass(frozen=True, slots=True)
class RawSection:
    name: str
    start: int  # offset of the first body character (just after `{`)
    end: int  # offset of the closing `}`


@dataclass(frozen=True, slots=True)
class NoteLines:
    """A body split for the drum reader: its plain `tick = N type` lines as arrays (in body order),
    and every other line, blank ones included, as (index in the body, text) for the line-by-line
    reader."""

    ticks: np.ndarray  # int64, 0..9_999_999
    kinds: np.ndarray  # int64, 0..999
    others: list[tuple[int, str]]


def decode(data: bytes) -> str:
    """UTF-8 (BOM optional) or BOM-marked UTF-16; stray non-UTF-8 bytes are read as latin-1."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        escaped = data.decode("utf-8-sig", errors="surrogateescape")
        return _STRAY_BYTE.sub(lambda m: chr(ord(m[0]) - 0xDC00), escaped)


def line_at(text: str, offset: int) -> int:
    """The line number of `offset`, which must not point into the middle of a CRLF."""
    crlf = text.count("\r\n", 0, offset)
    return text.count("\n", 0, offset) + text.count("\r", 0, offset) - crlf + 1


def normalised(text: str) -> str:
    """`text` with every CRLF and lone CR turned into LF."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def section_lines(text: str, section: RawSection) -> list[str]:
    return normalised(text[section.start : section.end]).split("\n")


@contextmanager
def located(text: str, section: RawSection) -> Iterator[None]:
    """Re-raise a BadLine of a body line as one numbered from the start of the file."""
    try:
        yield
    except BadLine as error:
        raise BadLine(line_at(text, section.start) + error.index, error.message) from None


# --- sections ------------------------------------------------------------------------------------


def scan_sections(text: str) -> list[RawSection]:
    """Find `[Name] { ... }` blocks by offset; line numbers are counted only for an error."""
    sections: list[RawSection] = []
    size = len(text)
    pos = _SPACE.match(text).end()  # type: ignore[union-attr]
    if pos >= size:
        raise BadLine(1, "empty file")
    while pos < size:
        line_end = _line_end(text, pos)
        header = text[pos:line_end].strip()
        if len(header) < 2 or header[0] != "[" or header[-1] != "]":
            raise BadLine(line_at(text, pos), "not a .chart file: expected a [section] header")
        name = header[1:-1].strip()
        brace = _SPACE.match(text, line_end).end()  # type: ignore[union-attr]
        if brace >= size or text[brace] != "{":
            raise BadLine(line_at(text, brace), f"expected '{{' after [{name}]")
        close = _find_close(text, brace + 1)
        if close < 0:
            raise BadLine(line_at(text, pos), f"section [{name}] is never closed with '}}'")
        stray = _line_start_bracket(text, brace + 1, close)
        if stray >= 0:
            raise BadLine(line_at(text, stray), f"section [{name}] is not closed before this line")
        sections.append(RawSection(name, brace + 1, close))
        pos = _SPACE.match(text, close + 1).end()  # type: ignore[union-attr]
    return sections


def _line_end(text: str, pos: int) -> int:
    """The offset of the line break (LF or CR) ending the line at `pos`, or the text's length."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    carriage = text.find("\r", pos, end)
    return end if carriage < 0 else carriage


def _find_close(text: str, start: int) -> int:
    """The offset of the first `}` after `start` that stands alone on its line, or -1."""
    close = text.find("}", start)
    while close >= 0:
        before = close - 1
        while before >= start and text[before] in " \t":
            before -= 1
        after = close + 1
        while after < len(text) and text[after] in " \t":
            after += 1
        if (before < start or text[before] in _LINE_BREAKS) and (after >= len(text) or text[after] in _LINE_BREAKS):
            return close
        close = text.find("}", close + 1)
    return -1


def _line_start_bracket(text: str, start: int, end: int) -> int:
    """The offset of a `[` that begins a line (after indentation) in [start, end), or -1.

    Such a line inside a body is the next section's header: this section lacks its `}`."""
    found = text.find("[", start, end)
    while found >= 0:
        before = found - 1
        while before >= start and text[before] in " \t":
            before -= 1
        if before < start or text[before] in _LINE_BREAKS:
            return found
        found = text.find("[", found + 1, end)
    return -1


# --- tokens --------------------------------------------------------------------------------------


def event_parts(line: str, index: int) -> list[str]:
    """`tick = CODE values...` as tokens, for lines whose `=` is not space-separated."""
    tick, equals, rest = line.partition("=")
    values = rest.split()
    if not equals or not tick.strip() or not values:
        raise BadLine(index, f"expected 'tick = code values', got {line.strip()[:40]!r}")
    return [tick.strip(), "=", *values]


def parse_tick(token: str, index: int) -> int:
    try:
        tick = int(token)
    except ValueError:
        raise BadLine(index, f"invalid tick {token[:40]!r}") from None
    if not 0 <= tick <= MAX_TICK:
        raise BadLine(index, f"tick {token[:40]} is out of range (0 to {MAX_TICK})")
    return tick


def parse_number(parts: list[str], at: int, index: int, default: int | None = None) -> int:
    if len(parts) <= at:
        if default is not None:
            return default
        raise BadLine(index, f"missing value after {parts[2]!r}")
    try:
        return int(parts[at])
    except ValueError:
        raise BadLine(index, f"invalid number {parts[at][:40]!r}") from None


# --- drum note lines, vectorised --------------------------------------------------------------------


def note_lines(text: str, section: RawSection) -> NoteLines:
    """Split a body into the `tick = N type ...` lines read here and the lines left to the caller.

    A line is read here only when it is `<spaces or tabs><tick> = N <type>` followed by a space,
    tab or line break, with a tick of 1-7 ASCII digits and a type of 1-3: exactly lines on which
    `str.split()` gives the line-by-line reader those same first four tokens, which is all it
    looks at, and which it reads without error. Each candidate is found by its `=` and judged by
    the 8-byte words around it (see `_words`), so the work does not depend on line length.
    """
    if section.end - section.start < _BULK_MIN_CHARS:  # numpy's cost per call outweighs the work
        return NoteLines(_NO_NUMBERS, _NO_NUMBERS, list(enumerate(section_lines(text, section))))
    raw = text[section.start : section.end].encode("utf-8", "surrogatepass")
    data = np.frombuffer(raw, np.uint8)
    padded = np.concatenate((_PAD, data, _PAD))  # line breaks around: no bounds checks below
    words = _words(padded)
    at = np.flatnonzero(data == _EQUALS) + len(_PAD)
    at = at[(words[at - 1] & _FIVE_BYTES) == _EQUALS_N]
    before, after = words[at - 9], words[at + 4]  # the 8 bytes before ` = N `, and from the type on
    tick_digits, kind_digits = _top_run(_not_digits(before)), _bottom_run(_not_digits(after))
    tick, kind = _number(before, tick_digits), _number(after << _SHIFT_TO_TOP[kind_digits], kind_digits)
    read = (tick_digits >= 1) & (tick_digits <= _TICK_DIGITS) & (kind_digits >= 1) & (kind_digits <= _KIND_DIGITS)
    read &= _SEPARATORS[padded[at + 4 + np.minimum(kind_digits, 7)]]
    read &= _starts_line(words[at - 9 - tick_digits])
    ends = _line_ends(data)
    others = np.ones(len(ends), bool)
    others[np.searchsorted(ends, at[read] - len(_PAD))] = False
    starts = np.concatenate(([0], ends[:-1] + 1))
    return NoteLines(tick[read], kind[read], _texts(raw, np.flatnonzero(others), starts, ends))


def _line_ends(data: np.ndarray) -> np.ndarray:
    """The offset of each line's break (LF, or a CR not followed by LF), then the data's length.

    The CR of a CRLF stays inside its line, where it counts as a separator like a space."""
    breaks = data == _LF
    carriage = data == _CR
    if carriage.any():
        carriage[:-1] &= ~breaks[1:]
        breaks |= carriage
    return np.append(np.flatnonzero(breaks), len(data))


# --- 8-byte words ----------------------------------------------------------------------------------
# `_words(padded)[i]` is the 8 bytes from offset i as a little-endian integer: byte k of a word is
# its (k+1)-th character. Tests on all eight bytes at once ("SWAR") use bit 7 of each byte as that
# byte's answer, with arithmetic that never carries from one byte into the next, so they are exact.


def _words(padded: np.ndarray) -> np.ndarray:
    return np.ndarray((len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))


def _nonzero_bytes(words: np.ndarray) -> np.ndarray:
    """Bit 7 set in each byte of `words` that is not zero."""
    return (((words & _LOW_SEVEN) + _LOW_SEVEN) | words) & _HIGH_BITS


def _not_digits(words: np.ndarray) -> np.ndarray:
    """Bit 7 set in each byte of `words` that is not an ASCII digit."""
    shifted = words ^ _ZEROS  # digits become 0-9, every other byte 10-255
    return (((shifted & _LOW_SEVEN) + _TEN_TO_HIGH) | shifted) & _HIGH_BITS


def _top_run(flags: np.ndarray) -> np.ndarray:
    """How many bytes at the top (end) of each word come after its last flagged byte: 8 if none is."""
    return 8 - np.searchsorted(_BYTE_STARTS, flags, side="right")  # flagged byte k is >= 2**(8k)


def _bottom_run(flags: np.ndarray) -> np.ndarray:
    """How many bytes at the bottom (start) of each word come before its first flagged byte."""
    lowest = flags & (~flags + np.uint64(1))  # only the first flag (0 if none: minus one wraps to all)
    return np.searchsorted(_BYTE_FLAGS, lowest - np.uint64(1), side="right")


def _number(words: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """The value of the last `digits` bytes of each word, which must be ASCII digits (1-7 of them;
    other counts give garbage, for the caller to reject)."""
    value = (words & _KEEP_TOP[digits]) - _ZEROS_TOP[digits]  # other bytes become 0, which reads as 0
    value = (value * np.uint64(10) + (value >> np.uint64(8))) & np.uint64(0x00FF00FF00FF00FF)
    value = (value * np.uint64(100) + (value >> np.uint64(16))) & np.uint64(0x0000FFFF0000FFFF)
    value = (value * np.uint64(10000) + (value >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
    return value.astype(np.int64)


def _starts_line(words: np.ndarray) -> np.ndarray:
    """Whether the top bytes of each word are spaces or tabs back to a line break (LF or CR) at
    most 7 bytes down: true for the 8 bytes just before the first word of a line. A CR directly
    before spaces or a digit is never half of a CRLF, so it is a line break."""
    not_blank = _nonzero_bytes(words ^ _BLANKS) & _nonzero_bytes(words ^ _TABS)
    top = 7 - _top_run(not_blank)  # the last byte that is not blank; -1 if all are
    byte = (words >> _SHIFT_TO_BOTTOM[top]) & np.uint64(0xFF)
    return (top >= 0) & ((byte == _LF) | (byte == _CR))


def _texts(raw: bytes, indexes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> list[tuple[int, str]]:
    lines = []
    for index, start, end in zip(indexes.tolist(), starts[indexes].tolist(), ends[indexes].tolist(), strict=True):
        line = raw[start:end].decode("utf-8", "surrogatepass")
        lines.append((index, line[:-1] if line.endswith("\r") else line))  # the CR of a CRLF
    return lines
