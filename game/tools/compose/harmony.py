"""Keys, scales and chords, written the way musicians write progressions: "vi7 IVmaj7 I V".

A chord token is an optional flat or sharp, a Roman numeral (upper case major, lower case minor)
and an optional suffix: 7, maj7, m7 (minor with a lower-case numeral is implied), 9, maj9, add9,
sus2, sus4, 6, dim. `b` and `#` move the root by a semitone from the key's scale degree, so
"bVII" in a major key is the borrowed flat seventh.

Invariants: pitches are MIDI note numbers; `Chord.tones` are pitch classes relative to C (0..11),
root first; a progression string separates bars with `|` and splits a bar evenly between the
chords written in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOTE_NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
MAJOR = (0, 2, 4, 5, 7, 9, 11)
MINOR = (0, 2, 3, 5, 7, 8, 10)
_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7}
_TOKEN = re.compile(r"^(b|#)?(iv|vi{0,2}|i{1,3}|IV|VI{0,2}|I{1,3})(.*)$")
_SUFFIX_INTERVALS = {
    "": None,
    "7": "seventh",
    "maj7": (0, 4, 7, 11),
    "m7": (0, 3, 7, 10),
    "9": "ninth",
    "maj9": (0, 4, 7, 11, 14),
    "m9": (0, 3, 7, 10, 14),
    "add9": "add9",
    "sus2": (0, 2, 7),
    "sus4": (0, 5, 7),
    "6": (0, 4, 7, 9),
    "dim": (0, 3, 6),
}


@dataclass(frozen=True, slots=True)
class Key:
    tonic: int  # pitch class
    minor: bool

    @property
    def scale(self) -> tuple[int, ...]:
        return MINOR if self.minor else MAJOR

    def transposed(self, semitones: int) -> Key:
        return Key((self.tonic + semitones) % 12, self.minor)

    def scale_pitches(self, low: int, high: int) -> list[int]:
        """Every scale pitch in [low, high]."""
        classes = {(self.tonic + step) % 12 for step in self.scale}
        return [p for p in range(low, high + 1) if p % 12 in classes]


@dataclass(frozen=True, slots=True)
class Chord:
    root: int  # pitch class
    intervals: tuple[int, ...]  # from the root, root first

    @property
    def tones(self) -> tuple[int, ...]:
        return tuple((self.root + i) % 12 for i in self.intervals)

    def voicing(self, low: int, high: int) -> list[int]:
        """All chord pitches in [low, high]."""
        classes = set(self.tones)
        return [p for p in range(low, high + 1) if p % 12 in classes]


def parse_key(text: str) -> Key:
    name, _, mode = text.strip().partition(" ")
    pitch = NOTE_NAMES[name[0].upper()] + name[1:].count("#") - name[1:].count("b")
    return Key(pitch % 12, mode.strip().lower() == "minor")


def parse_chord(token: str, key: Key) -> Chord:
    match = _TOKEN.match(token)
    if match is None:
        raise ValueError(f"not a chord: {token!r}")
    accidental, numeral, suffix = match.groups()
    if suffix not in _SUFFIX_INTERVALS:
        raise ValueError(f"unknown chord suffix {suffix!r} in {token!r}")
    degree = _NUMERALS[numeral.lower()]
    minor = numeral.islower()
    root = key.tonic + key.scale[degree - 1] + {"b": -1, "#": 1, None: 0}[accidental]
    triad = (0, 3, 7) if minor else (0, 4, 7)
    shape = _SUFFIX_INTERVALS[suffix]
    if shape is None:
        intervals = triad
    elif shape == "seventh":
        intervals = (*triad, 10)
    elif shape == "ninth":
        intervals = (*triad, 10, 14)
    elif shape == "add9":
        intervals = (*triad, 14)
    else:
        intervals = shape  # type: ignore[assignment]
    return Chord(root % 12, tuple(intervals))


def parse_progression(text: str, key: Key) -> list[list[Chord]]:
    """`"vi IV | I V"` -> one list of chords per bar."""
    return [[parse_chord(token, key) for token in bar.split()] for bar in text.split("|") if bar.strip()]
