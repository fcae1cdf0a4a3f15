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
and only the sections that are read get normalised (or, for drum notes, never copied at all: their
plain lines are read in bulk by `game.chart.chart_bulk`).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

MAX_TICK = 2**32 - 1  # Moonscraper stores ticks as uint32

_STRAY_BYTE = re.compile("[\udc80-\udcff]")
_SPACE = re.compile(r"\s*")
_LINE_BREAKS = "\r\n"


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
        end = line_end(text, pos)
        header = text[pos:end].strip()
        if len(header) < 2 or header[0] != "[" or header[-1] != "]":
            raise BadLine(line_at(text, pos), "not a .chart file: expected a [section] header")
        name = header[1:-1].strip()
        brace = _SPACE.match(text, end).end()  # type: ignore[union-attr]
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


def line_end(text: str, pos: int) -> int:
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
