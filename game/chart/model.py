"""The chart model: immutable values every parser produces and everything above consumes.

Invariants:
- note times are float seconds on the chart timeline from tick 0, before any chart delay or offset
  (`Song.note_delay_s` shifts them onto the audio timeline);
- a track's notes are sorted by (time, piece order); a chord is simply notes sharing a time;
- phrases are half-open tick ranges [start_tick, end_tick) with end_tick > start_tick: parsers turn
  inclusive or zero-length ranges of their format into this form;
- the model carries no hit state: judging keeps its own.

Why `Note` is a NamedTuple when every other value here is a frozen dataclass: a parser builds
thousands of notes per chart, and building them is the largest single cost of loading a song. A
frozen dataclass pays for `object.__setattr__` on every field (about 1.8 us a note); a NamedTuple
is one tuple allocation, and the parsers make them in bulk with `map` over columns (about 0.3 us).
It stays immutable and hashable, with the same fields, defaults and keyword construction; change a
note with `note._replace(...)`, not `dataclasses.replace`. Being a tuple, it also compares equal to
a plain tuple of the same values, which nothing relies on.

Why a chart's tracks may be a `LazyTracks` rather than a dict: even as tuples, the notes are what
loading a song spends most on, and not every load needs them (reading a folder's header and tempo
map does not). A parser that has read, checked and warned about every line may leave the rest of
the tracks' work, which cannot fail, to the first access to any track. The tracks are then built
together, as an eager parser builds them (notes shared between difficulties): every consumer of
the game today wants them all (song lists summarise every difficulty), and building them one by
one costs a fifth more in all. To a reader it is an ordinary read-only mapping: every access to a
difficulty returns the same `Track`, equal to the one an eager parser would have built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoMap

PIECE_ORDER = {piece: index for index, piece in enumerate(KitPiece)}


class Difficulty(StrEnum):
    """Persisted: do not rename."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"
    EXPERT = "expert"


class DrumType(StrEnum):
    """How the chart was authored. Persisted: do not rename."""

    FOUR_LANE = "four_lane"
    FOUR_LANE_PRO = "four_lane_pro"
    FIVE_LANE = "five_lane"


class ChartFormat(StrEnum):
    CHART = "chart"
    MID = "mid"


class PhraseKind(StrEnum):
    """Persisted: do not rename."""

    STAR_POWER = "star_power"  # "fever" in the game's words
    FILL = "fill"  # activation fill; its last note activates fever on pro drums
    SOLO = "solo"
    ROLL = "roll"  # single-lane roll or cymbal swell
    DOUBLE_ROLL = "double_roll"  # two-lane roll
    PLAYER_1 = "player_1"  # Rock Band versus phrases
    PLAYER_2 = "player_2"


class Note(NamedTuple):
    """One gem to hit: a kit piece at a time, with how to play it."""

    time_s: float
    piece: KitPiece
    tick: int = 0
    dynamic: Dynamic = Dynamic.NORMAL
    flags: NoteFlag = NoteFlag.NONE

    @property
    def is_double_kick(self) -> bool:
        return bool(self.flags & NoteFlag.DOUBLE_KICK)


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: PhraseKind
    start_tick: int
    end_tick: int  # exclusive
    start_s: float
    end_s: float

    def covers_tick(self, tick: int) -> bool:
        return self.start_tick <= tick < self.end_tick


@dataclass(frozen=True, slots=True)
class Section:
    tick: int
    time_s: float
    name: str


@dataclass(frozen=True, slots=True)
class Track:
    """One difficulty of the drum part."""

    difficulty: Difficulty
    notes: tuple[Note, ...]
    phrases: tuple[Phrase, ...] = ()
    dynamics_charted: bool = True  # .mid: only with [ENABLE_CHART_DYNAMICS]; .chart: always

    def playable_notes(self, expert_plus: bool = False) -> tuple[Note, ...]:
        """The notes a player hits: double kicks only with the Expert+ option."""
        if expert_plus:
            return self.notes
        return tuple(note for note in self.notes if not note.is_double_kick)

    def phrases_of(self, kind: PhraseKind) -> tuple[Phrase, ...]:
        return tuple(phrase for phrase in self.phrases if phrase.kind is kind)


class LazyTracks(Mapping[Difficulty, Track]):
    """Tracks built together on first access to any of them, then kept (see the module docstring)."""

    __slots__ = ("_build", "_built", "_difficulties")

    def __init__(self, difficulties: Iterable[Difficulty], build: Callable[[], Mapping[Difficulty, Track]]):
        self._difficulties = tuple(difficulties)
        self._build = build
        self._built: dict[None, Mapping[Difficulty, Track]] = {}  # the built tracks, once there are

    def __getitem__(self, difficulty: Difficulty) -> Track:
        if difficulty not in self._difficulties:
            raise KeyError(difficulty)
        tracks = self._built.get(None)
        if tracks is None:
            # setdefault, not assignment: should two threads build at once, both keep the first.
            tracks = self._built.setdefault(None, self._build())
        return tracks[difficulty]

    def __iter__(self) -> Iterator[Difficulty]:
        return iter(self._difficulties)

    def __len__(self) -> int:
        return len(self._difficulties)

    def __contains__(self, difficulty: object) -> bool:
        return difficulty in self._difficulties

    def __repr__(self) -> str:
        return f"{type(self).__name__}({dict(self)!r})"


def sorted_notes(notes: Iterable[Note]) -> tuple[Note, ...]:
    return tuple(sorted(notes, key=lambda n: (n.tick, n.time_s, PIECE_ORDER[n.piece])))


@dataclass(frozen=True, slots=True)
class Chart:
    """A parsed chart file: every difficulty of the drum part, plus the shared timeline."""

    format: ChartFormat
    drum_type: DrumType
    tempo_map: TempoMap
    tracks: Mapping[Difficulty, Track]  # a dict or a `LazyTracks`
    sections: tuple[Section, ...] = ()
    offset_s: float = 0.0  # the .chart [Song] Offset; always 0 for .mid
    metadata: Mapping[str, str] = field(default_factory=dict)  # .chart [Song] keys, lower-case
    warnings: tuple[str, ...] = ()

    def track(self, difficulty: Difficulty) -> Track:
        return self.tracks.get(difficulty) or Track(difficulty, ())

    @property
    def last_tick(self) -> int:
        ticks = [n.tick for t in self.tracks.values() for n in t.notes[-1:]]
        return max(ticks, default=0)


@dataclass(frozen=True, slots=True)
class SongInfo:
    """Metadata from song.ini (preferred) and the chart's own header."""

    title: str = ""
    artist: str = ""
    album: str = ""
    genre: str = ""
    year: str = ""
    charter: str = ""
    delay_s: float = 0.0  # song.ini `delay`; 0 when unset
    preview_start_s: float | None = None
    song_length_s: float | None = None
    pro_drums: bool | None = None
    five_lane_drums: bool | None = None
    diff_drums: int | None = None  # 4-lane tier, None when unset or -1
    extra: Mapping[str, str] = field(default_factory=dict)  # every other key, lower-case


@dataclass(frozen=True, slots=True)
class Song:
    """A song folder: metadata, the parsed chart and the audio stems found beside it."""

    folder: Path
    chart_path: Path
    info: SongInfo
    chart: Chart
    stems: Mapping[str, Path] = field(default_factory=dict)  # stem name ("song", "drums_1"...) -> file
    warnings: tuple[str, ...] = ()

    @property
    def note_delay_s(self) -> float:
        """How much later notes are than the audio: song.ini `delay` wins when non-zero, else the
        .chart Offset. The two are never added (folders often set both to the same shift)."""
        return self.info.delay_s if self.info.delay_s != 0 else self.chart.offset_s
