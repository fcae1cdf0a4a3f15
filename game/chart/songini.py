"""`song.ini` reader: Clone Hero / Phase Shift song metadata and drum-type flags.

Invariants: reading never fails on content. A value that cannot be understood (`delay = abc`) is
dropped with a warning and the field keeps its default, because one bad key must not hide a whole
song; only an unreadable file raises `ChartError`. Keys are lower-case; string values have Unity
rich-text tags (`<color=#00FF00>`) removed; numbers of -1 mean "unset".
"""

from __future__ import annotations

import codecs
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from game.chart.error import ChartError
from game.chart.model import SongInfo

logger = logging.getLogger(__name__)

_RICH_TEXT = re.compile(
    r"</?(?:b|i|u|s|color|size|material|quad|sup|sub|mark|alpha|align|font|br|cspace|indent|line-height"
    r"|lowercase|uppercase|smallcaps|noparse|nobr|voffset|width|pos|space|strikethrough|underline|link"
    r"|gradient|sprite|style|margin|mspace|rotate)(?:=[^<>]*)?>",
    re.IGNORECASE,
)
_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})
_TEXT_FIELDS = ("name", "artist", "album", "genre", "year", "charter")
_CONSUMED = frozenset(
    {*_TEXT_FIELDS, "delay", "preview_start_time", "song_length", "pro_drums", "five_lane_drums", "diff_drums"}
)


@dataclass(frozen=True, slots=True)
class IniReport:
    """A parsed song.ini and the problems found in it (already logged)."""

    info: SongInfo
    warnings: tuple[str, ...] = ()


def read_song_ini(path: Path) -> SongInfo:
    """Read `path`; an unreadable file is a ChartError, bad values are logged warnings."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ChartError(f"cannot read song.ini: {error.strerror or error}", path) from error
    return parse_song_ini(data, path)


def parse_song_ini(text: str | bytes, path: Path | None = None) -> SongInfo:
    return parse_song_ini_report(text, path).info


def parse_song_ini_report(text: str | bytes, path: Path | None = None) -> IniReport:
    """`parse_song_ini`, also returning the warnings (for callers that show them to the player)."""
    if isinstance(text, bytes):
        text = _decode(text)
    warnings: list[str] = []
    info = _song_info(_key_values(text), warnings)
    where = f"{path}: " if path is not None else ""
    for warning in warnings:
        logger.warning("%s%s", where, warning)
    return IniReport(info, tuple(warnings))


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def _key_values(text: str) -> dict[str, str]:
    """`key = value` pairs of the [song] section; of the whole file when it has no [song] header."""
    sections: dict[str, dict[str, str]] = {}
    current = sections.setdefault("", {})
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in ";#":
            continue
        if line[0] == "[" and line[-1] == "]":
            current = sections.setdefault(line[1:-1].strip().lower(), {})
            continue
        key, equals, value = line.partition("=")
        key = key.strip().lower()
        if equals and key:
            current[key] = _RICH_TEXT.sub("", value).strip()
    if "song" in sections:
        return sections[""] | sections["song"]
    merged: dict[str, str] = {}
    for values in sections.values():
        merged.update(values)
    return merged


def _song_info(values: dict[str, str], warnings: list[str]) -> SongInfo:
    text = {key: values.get(key, "") for key in _TEXT_FIELDS}
    consumed = set(_CONSUMED)
    if not text["charter"] and values.get("frets"):
        text["charter"] = values["frets"]  # the old name, used only when charter is absent
        consumed.add("frets")
    delay_ms = _number(values, "delay", warnings)
    preview_ms = _number(values, "preview_start_time", warnings)
    length_ms = _number(values, "song_length", warnings)
    diff = _number(values, "diff_drums", warnings)
    return SongInfo(
        title=text["name"],
        artist=text["artist"],
        album=text["album"],
        genre=text["genre"],
        year=text["year"],
        charter=text["charter"],
        delay_s=delay_ms / 1000 if delay_ms is not None else 0.0,
        preview_start_s=preview_ms / 1000 if preview_ms is not None and preview_ms >= 0 else None,
        song_length_s=length_ms / 1000 if length_ms is not None and length_ms > 0 else None,
        pro_drums=_boolean(values, "pro_drums", warnings),
        five_lane_drums=_boolean(values, "five_lane_drums", warnings),
        diff_drums=int(diff) if diff is not None and diff >= 0 else None,
        extra={key: value for key, value in values.items() if key not in consumed},
    )


def _number(values: dict[str, str], key: str, warnings: list[str]) -> float | None:
    """A finite number, or None when absent, -1 or not a number (the last with a warning)."""
    raw = values.get(key, "")
    if not raw:
        return None
    try:
        number = float(raw)
    except ValueError:
        number = math.nan
    if not math.isfinite(number) or abs(number) > 1e12:
        warnings.append(f"song.ini {key} = {raw[:40]!r} is not a number; ignored")
        return None
    return None if number == -1 else number


def _boolean(values: dict[str, str], key: str, warnings: list[str]) -> bool | None:
    raw = values.get(key, "").lower()
    if not raw or raw == "-1":
        return None
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    warnings.append(f"song.ini {key} = {raw[:40]!r} is not true or false; ignored")
    return None
