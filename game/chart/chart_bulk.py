"""The bulk reader of `.chart` drum bodies: their plain `tick = N type` lines, read with numpy.

Why: a full chart has tens of thousands of `tick = N type length` lines, and even a compiled regex
spends several times longer per line than splitting the whole file does. `note_lines` takes only
the lines it can fully vouch for; every other line, malformed or not, goes back to the
line-by-line reader (`game.chart.chart_drums`) with its true index, so errors and their line
numbers are unchanged.

How: lines are found by their breaks, and each is judged by three 8-byte words, read at its start,
at its first byte that is not a space or tab (the tick), and just after the tick (` = N ` and the
type), with digits and blanks tested in all eight bytes of a word at once. So the work does not
depend on line length, and all drum bodies are read in one pass over the bytes that hold them:
numpy's cost per call, not per byte, is what dominates a body of a few hundred lines.

Why no temporary array grows with the file: on virtual machines a fresh page of memory can cost
microseconds, so big temporaries, which the allocator hands back to the system when freed and
then takes again, cost more in page faults than in work. The bytes are the file's own when its
text is ASCII (nothing is copied), line breaks are searched for `_PIECE` bytes at a time, and lines
are judged `_BLOCK` at a time with operations in place; what is kept is a few numbers per line.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.chart.chart_text import RawSection, section_lines

_BULK_MIN_CHARS = 2048  # smaller drum parts (about 150 lines in all) are quicker to read line by line
_PIECE = 1 << 16  # bytes searched for line breaks at a time
_BLOCK = 4096  # lines judged at a time
# A line is judged by bytes at most 24 past its start (up to 8 blanks, 8 tick bytes, the word after
# them); a line starting closer than this to the end of the file is left to the line-by-line reader.
_TAIL = 32
_TICK_DIGITS = 7  # longer ticks (hours into a song) are left to the line-by-line reader
_NO_NUMBERS = np.zeros(0, np.int64)
_TAB, _LF, _CR, _BLANK = (ord(c) for c in "\t\n\r ")
_SEPARATORS = np.zeros(256, bool)
_SEPARATORS[[_TAB, _LF, _CR, _BLANK]] = True
_BYTES = 0x0101010101010101  # times a byte value: that byte in all eight places
_HIGH_BITS, _LOW_SEVEN = np.uint64(0x80 * _BYTES), np.uint64(0x7F * _BYTES)
_ZEROS, _TEN_TO_HIGH = np.uint64(ord("0") * _BYTES), np.uint64((0x80 - 10) * _BYTES)
_BLANKS, _TABS = np.uint64(_BLANK * _BYTES), np.uint64(_TAB * _BYTES)
_FIVE_BYTES, _EQUALS_N = np.uint64(2**40 - 1), np.uint64(int.from_bytes(b" = N ", "little"))
_AFTER_EQUALS_N, _TWO_BYTES = np.uint64(40), np.uint64(0xFFFF)  # the type's first two bytes, at the bottom
_ONE, _EVERY_BYTE, _COUNT_SHIFT, _COUNT_BYTE = np.uint64(1), np.uint64(_BYTES), np.uint64(7), np.uint64(56)
# Indexed by a count of bytes (0-8): shifts that move that many bottom bytes to the top; masks of
# that many top bytes.
_SHIFT_TO_TOP = np.array([0, *(8 * (8 - count) for count in range(1, 8)), 0], np.uint64)
_KEEP_TOP = np.array([0, *(2**64 - 2 ** (8 * (8 - count)) for count in range(1, 9))], np.uint64)
_ZEROS_TOP = _KEEP_TOP & _ZEROS
# Joining neighbouring digits: single digits into pairs, pairs into fours, fours into eights, as
# (scale of the earlier digits, shift bringing the later ones down, mask of the joined values).
_DIGIT_PAIRS = [
    (np.uint64(10), np.uint64(8), np.uint64(0x00FF00FF00FF00FF)),
    (np.uint64(100), np.uint64(16), np.uint64(0x0000FFFF0000FFFF)),
    (np.uint64(10000), np.uint64(32), np.uint64(0xFFFFFFFF)),
]


def _type_table() -> np.ndarray:
    """For each pair of bytes, a note type of one or two ASCII digits read from their start, as
    type * 4 + its number of digits; 0 if the first byte is not a digit. Types of three digits
    (100 and up: none a drum chart uses) are left to the line-by-line reader."""
    pairs = np.arange(1 << 16)
    first, second = pairs % 256 - ord("0"), pairs // 256 - ord("0")
    one, two = (first >= 0) & (first <= 9), (second >= 0) & (second <= 9)
    table = np.zeros(1 << 16, np.int16)
    table[one] = first[one] * 4 + 1
    table[one & two] = (first * 10 + second)[one & two] * 4 + 2
    return table


_TYPES = _type_table()


@dataclass(frozen=True, slots=True)
class NoteLines:
    """A body split for the drum reader: its plain `tick = N type` lines as arrays (in body order),
    and every other line, blank ones included, as (index in the body, text) for the line-by-line
    reader."""

    ticks: np.ndarray  # int64, 0..9_999_999
    kinds: np.ndarray  # int16, 0..99
    others: list[tuple[int, str]]


def note_lines(text: str, sections: Sequence[RawSection], data: bytes | None = None) -> list[NoteLines]:
    """Split bodies of `text` into the `tick = N type ...` lines read here and the lines left to the
    caller: one `NoteLines` per section, in the order given. `data`, the bytes `text` was decoded
    from, spares encoding it again when the text is ASCII.

    A line is read here only when it is `<spaces or tabs><tick> = N <type>` followed by a space,
    tab or line break, with a tick of 1-7 ASCII digits and a type of 1-2: exactly lines on which
    `str.split()` gives the line-by-line reader those same first four tokens, which is all it
    looks at, and which it reads without error.
    """
    if sum(section.end - section.start for section in sections) < _BULK_MIN_CHARS:  # not worth numpy's calls
        return [NoteLines(_NO_NUMBERS, _NO_NUMBERS, list(enumerate(section_lines(text, s)))) for s in sections]
    # From the first `{` on: a body's first line is the rest of its `{` line, never read here.
    first, last = min(section.start for section in sections) - 1, max(section.end for section in sections)
    raw, (low, high, *bounds) = _encoded(text, data, [first, last, *(o for s in sections for o in (s.start, s.end))])
    buffer = np.frombuffer(raw, np.uint8)
    ends = _line_ends(buffer, low, high)
    starts = np.empty_like(ends)  # each line starts just after the break before it
    starts[0] = low
    np.add(ends[:-1], 1, out=starts[1:])
    read, ticks, kinds = _plain_note_lines(buffer, starts)
    taken, left = np.flatnonzero(read), np.flatnonzero(~read)
    ticks, kinds = ticks[taken], kinds[taken]
    lines = np.searchsorted(ends, bounds)  # each body's first and last line, as [first, last + 1)
    lines[1::2] += 1
    in_taken, in_left = np.searchsorted(taken, lines).tolist(), np.searchsorted(left, lines).tolist()
    others = _Left(raw, left.tolist(), starts[left].tolist(), ends[left].tolist())
    return [
        NoteLines(
            ticks[in_taken[k] : in_taken[k + 1]],
            kinds[in_taken[k] : in_taken[k + 1]],
            others.body(in_left[k], in_left[k + 1], bounds[k], bounds[k + 1]),
        )
        for k in range(0, len(bounds), 2)
    ]


def _encoded(text: str, data: bytes | None, offsets: list[int]) -> tuple[bytes, list[int]]:
    """Bytes holding `text` from the least of `offsets` to the greatest, and each offset as an
    offset into them: `data` itself when `text` is its ASCII decoding (nothing is copied), else
    that stretch of text encoded, with what follows it up to `_TAIL` characters."""
    first, last = min(offsets), max(offsets)
    if data is not None and text.isascii():
        shift = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        if len(data) - shift == len(text):  # byte for byte (a UTF-16 file never is)
            return data, [offset + shift for offset in offsets]
    span = text[first : last + _TAIL]
    raw = span.encode("utf-8", "surrogatepass")
    if len(raw) == len(span):
        return raw, [offset - first for offset in offsets]
    return raw, [len(span[: offset - first].encode("utf-8", "surrogatepass")) for offset in offsets]


def _line_ends(buffer: np.ndarray, low: int, high: int) -> np.ndarray:
    """The offset of each line break in [low, high) (LF, or a CR not followed by LF), then `high`.

    The CR of a CRLF stays inside its line, where it counts as a separator like a space."""
    pieces = [(at, buffer[at : min(at + _PIECE, high)]) for at in range(low, high, _PIECE)]
    breaks = np.concatenate([np.flatnonzero(piece == _LF) + at for at, piece in pieces])
    returns = sum(int(np.count_nonzero(piece == _CR)) for _, piece in pieces)
    if returns == np.count_nonzero(buffer[breaks - 1] == _CR):  # every CR is half of a CRLF
        return np.append(breaks, high)  # (no break is at `low`, which holds a `{`)
    return np.append(np.union1d(breaks, _lone_returns(buffer, low, high)), high)


def _lone_returns(buffer: np.ndarray, low: int, high: int) -> np.ndarray:
    """The offset of each CR in [low, high) that is not followed by LF (one just before `high` is
    alone: the text read stops there)."""
    returns = np.concatenate(
        [np.flatnonzero(buffer[at : min(at + _PIECE, high)] == _CR) + at for at in range(low, high, _PIECE)]
    )
    following = returns + 1
    return returns[(following >= high) | (buffer[np.minimum(following, high - 1)] != _LF)]


def _plain_note_lines(buffer: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For the lines starting at `starts`: whether `note_lines` reads each, and its tick and type
    (meaningless where it is not read). Judged `_BLOCK` lines at a time, so that the temporary
    arrays stay small enough to be reused rather than given back to the system and faulted in
    again (see the module docstring); lines too near the end (see `_TAIL`) are not judged."""
    words = np.ndarray((len(buffer) - 7,), dtype="<u8", buffer=buffer, strides=(1,))  # see `_not_digits`
    judged = int(np.searchsorted(starts, len(buffer) - _TAIL, side="right"))
    blocks = [_judge(words, buffer, starts[at : min(at + _BLOCK, judged)]) for at in range(0, judged, _BLOCK)]
    rest = len(starts) - judged
    blocks.append((np.zeros(rest, bool), np.zeros(rest, np.int64), np.zeros(rest, _TYPES.dtype)))
    read, ticks, kinds = (np.concatenate(column) for column in zip(*blocks, strict=True))
    return read, ticks, kinds


def _judge(words: np.ndarray, buffer: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, ...]:
    """`_plain_note_lines` for one block. Operations work in place where they can: fewer arrays."""
    indent = _bottom_run(_not_blank(words[starts]))
    at = starts + indent
    tick_word = words[at]
    tick_digits = _bottom_run(_not_digits(tick_word))
    at += tick_digits
    rest = words[at]  # ` = N ` and the type's first bytes
    kinds = _TYPES[(rest >> _AFTER_EQUALS_N) & _TWO_BYTES]
    kind_digits = kinds & 3
    kinds >>= 2
    rest &= _FIVE_BYTES
    read = rest == _EQUALS_N
    read &= indent < 8
    read &= (tick_digits >= 1) & (tick_digits <= _TICK_DIGITS) & (kind_digits > 0)
    at += kind_digits
    at += 5
    read &= _SEPARATORS[buffer[at]]
    tick_word <<= _SHIFT_TO_TOP[tick_digits]
    return read, _number(tick_word, tick_digits), kinds


@dataclass(frozen=True, slots=True)
class _Left:
    """The lines `note_lines` leaves to the line-by-line reader: their indexes in a stretch of
    `raw`, where each starts, and where it ends (at its break, or where the stretch ends)."""

    raw: bytes
    indexes: list[int]
    starts: list[int]
    ends: list[int]

    def body(self, first: int, stop: int, start: int, end: int) -> list[tuple[int, str]]:
        """Those from `first` to `stop` (exclusive), the lines left in the body at bytes [start, end),
        as (index in the body, text). The body's first and last lines, always left (one holds `{`,
        the other `}`), are cut at its ends."""
        starts = [start, *self.starts[first + 1 : stop]]
        ends = [*self.ends[first : stop - 1], end]
        texts = [self.raw[a:b].decode("utf-8", "surrogatepass") for a, b in zip(starts, ends, strict=True)]
        base = self.indexes[first]
        return [  # the CR of a CRLF stays in its line (see `_line_ends`)
            (index - base, text[:-1] if text.endswith("\r") else text)
            for index, text in zip(self.indexes[first:stop], texts, strict=True)
        ]


# --- 8-byte words ----------------------------------------------------------------------------------
# `words[i]` is the 8 bytes from offset i as a little-endian integer: byte k of a word is its
# (k+1)-th character. Tests on all eight bytes at once ("SWAR") use bit 7 of each byte as that
# byte's answer, with arithmetic that never carries from one byte into the next, so they are exact.


def _not_blank(words: np.ndarray) -> np.ndarray:
    """Bit 7 set in each byte of `words` that is neither a space nor a tab (`words` is overwritten)."""
    flags = _nonzero_bytes(words ^ _BLANKS)
    words ^= _TABS
    flags &= _nonzero_bytes(words)
    return flags


def _nonzero_bytes(words: np.ndarray) -> np.ndarray:
    """Bit 7 set in each byte of `words` that is not zero (in place: `words` is overwritten)."""
    low = words & _LOW_SEVEN
    low += _LOW_SEVEN
    words |= low
    words &= _HIGH_BITS
    return words


def _not_digits(words: np.ndarray) -> np.ndarray:
    """Bit 7 set in each byte of `words` that is not an ASCII digit."""
    flags = words ^ _ZEROS  # digits become 0-9, every other byte 10-255
    low = flags & _LOW_SEVEN
    low += _TEN_TO_HIGH
    flags |= low
    flags &= _HIGH_BITS
    return flags


def _bottom_run(flags: np.ndarray) -> np.ndarray:
    """How many bytes at the bottom (start) of each word come before its first flagged byte."""
    below = ~flags
    below += _ONE
    below &= flags  # only the first flag (0 if none)
    below -= _ONE  # every bit below it (all if none)
    below &= _HIGH_BITS
    below >>= _COUNT_SHIFT  # a 1 in each byte before the first flagged one
    below *= _EVERY_BYTE  # their sum, in the top byte
    below >>= _COUNT_BYTE
    return below.view(np.int64)


def _number(words: np.ndarray, digits: np.ndarray) -> np.ndarray:
    """The value of the last `digits` bytes of each word, which must be ASCII digits (1-7 of them;
    other counts give garbage, for the caller to reject). `words` is overwritten."""
    words &= _KEEP_TOP[digits]
    words -= _ZEROS_TOP[digits]  # other bytes become 0, which reads as 0
    for scale, shift, mask in _DIGIT_PAIRS:
        high = words >> shift
        words *= scale
        words += high
        words &= mask
    return words.view(np.int64)
