"""The difficulty reducer: fewer notes at each level, playable chords, the groove's skeleton kept.

Grooves are drawn like drum notation, one line per piece, sixteenth steps:

    hihat  x.x.x.x.x.x.x.x.     Expert: everything
    snare  ....X..g.g..X...     Hard: ghosts off the eighth grid go
    kick   x..x..x...x.....     Medium: eighth grid, no ghosts; Easy: beats, kicks on 1 and 3
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.chart.meter import Meter
from game.chart.model import Difficulty, Note, Phrase, PhraseKind, Track, sorted_notes
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.reducer import reduce_all, reduce_track
from game.chart.tempo import TempoChange, TempoMap, TimeSignature
from game.tools.compose.pattern import LANE_PIECES

RES = 192
LOWER = (Difficulty.HARD, Difficulty.MEDIUM, Difficulty.EASY)
ORDER = (Difficulty.EXPERT, *LOWER)
SYMBOLS = {
    "x": (Dynamic.NORMAL, NoteFlag.NONE),
    "X": (Dynamic.ACCENT, NoteFlag.NONE),
    "g": (Dynamic.GHOST, NoteFlag.NONE),
    "d": (Dynamic.NORMAL, NoteFlag.DOUBLE_KICK),
}


def groove(tempo_map: TempoMap, bars: list[dict[str, str]], bar_ticks: int = 4 * RES) -> Track:
    """A track from one pattern dict per bar (any step count per line)."""
    notes = []
    for index, bar in enumerate(bars):
        for lane, text in bar.items():
            cells = text.replace(" ", "")
            step = bar_ticks // len(cells)
            for position, cell in enumerate(cells):
                if cell != ".":
                    tick = index * bar_ticks + position * step
                    dynamic, flags = SYMBOLS[cell]
                    notes.append(Note(tempo_map.seconds(tick), LANE_PIECES[lane], tick, dynamic, flags))
    return Track(Difficulty.EXPERT, sorted_notes(notes))


FUNK = {"H": "xxxx xxxx xxxx xxxx", "S": ".... X..g .g.. X..g", "K": "x..x ..x. ..x. .x.d"}
ROCK_FILL = {
    "S": "xxxx .... .... ....",
    "T": ".... xxxx .... ....",
    "M": ".... .... xxxx ....",
    "F": ".... .... .... xxxx",
    "K": "x... x... x... x...",
}
DOWNBEAT = {
    "C": "X... .... .... ....",
    "K": "x... ..x. x... ....",
    "S": ".... X... .... X...",
    "H": "..x. x.x. x.x. x.x.",
}
TRAP = {
    "K": "x... ..x. ..x. ....",
    "S": ".... .... X... ....",
    "H": ("x..x..x..x..x..x..x..xxx"),
}  # 24 steps: sixteenth-triplet roll at the end
FOUR_ON_FLOOR = {"K": "x... x... x... x...", "S": ".... X... .... X...", "H": "..x. ..x. ..x. ..x."}


def song_of(*bars: dict[str, str]) -> list[dict[str, str]]:
    return [bars[i % len(bars)] for i in range(16)]


@pytest.mark.parametrize("bpm", [72.0, 96.0, 124.0, 150.0, 176.0])
@pytest.mark.parametrize(
    "bars",
    [
        song_of(FUNK, FUNK, FUNK, ROCK_FILL),
        song_of(DOWNBEAT, FUNK),
        song_of(TRAP),
        song_of(FOUR_ON_FLOOR, FOUR_ON_FLOOR, DOWNBEAT, ROCK_FILL),
    ],
    ids=["funk", "downbeat", "trap", "four-on-the-floor"],
)
def test_each_lower_difficulty_has_strictly_fewer_notes(bpm: float, bars: list[dict[str, str]]):
    tempo_map = TempoMap(RES, [TempoChange(0, bpm)])
    tracks = reduce_all(groove(tempo_map, bars), tempo_map)
    counts = [len(tracks[d].notes) for d in ORDER]
    assert counts == sorted(counts, reverse=True) and len(set(counts)) == 4, counts


def test_a_simple_part_still_gets_fewer_notes():
    """Eighth-note rock at 90 BPM: nothing to thin by the rules, yet Hard must be easier."""
    tempo_map = TempoMap(RES, [TempoChange(0, 90.0)])
    simple = {"H": "x.x. x.x. x.x. x.x.", "S": ".... x... .... x...", "K": "x... .... x... ...."}
    tracks = reduce_all(groove(tempo_map, [simple] * 8), tempo_map)
    counts = [len(tracks[d].notes) for d in ORDER]
    assert counts[0] > counts[1] > counts[2] > counts[3]


def test_funk_bar_reads_as_a_drummer_would_simplify_it():
    tempo_map = TempoMap(RES, [TempoChange(0, 112.0)])
    tracks = reduce_all(groove(tempo_map, [FUNK] * 4), tempo_map)
    bar = 4 * RES

    def line(difficulty: Difficulty, piece: KitPiece) -> str:
        cells = ["."] * 16
        for note in tracks[difficulty].notes:
            if note.piece is piece and note.tick < bar:
                cells[note.tick // 48] = {"normal": "x", "accent": "X", "ghost": "g"}[note.dynamic.value]
        return "".join(cells)

    # Hard: sixteenth hats thin to eighths at this tempo, ghosts off the eighth grid go, the
    # double kick goes; the kick pattern stays.
    assert line(Difficulty.HARD, KitPiece.HIHAT) == "x.x.x.x.x.x.x.x."
    assert line(Difficulty.HARD, KitPiece.SNARE) == "....X.......X..."
    assert line(Difficulty.HARD, KitPiece.KICK) == "x..x..x...x..x.."
    # Medium: eighth-grid kicks; Easy: quarter notes, kicks on 1 (and 3 when there is one).
    assert line(Difficulty.MEDIUM, KitPiece.KICK) == "x.....x...x....."
    assert line(Difficulty.EASY, KitPiece.KICK) == "x..............."
    assert line(Difficulty.EASY, KitPiece.SNARE) == "....X.......X..."
    assert line(Difficulty.EASY, KitPiece.HIHAT) == "x.......x......."


def test_compound_meter_easy_keeps_dotted_quarter_beats():
    tempo_map = TempoMap(RES, [TempoChange(0, 72.0)], [TimeSignature(0, 6, 8)])
    six_eight = {"H": "x.x.x. x.x.x.", "S": "...... X...g.", "K": "x...x. ..x.xx"}
    tracks = reduce_all(groove(tempo_map, [six_eight] * 8, bar_ticks=3 * RES), tempo_map)
    meter = Meter(tempo_map)
    assert all(meter.position(n.tick).on_beat for n in tracks[Difficulty.EASY].notes)
    assert all(meter.position(n.tick).eighth_grid for n in tracks[Difficulty.MEDIUM].notes)
    snares = [n for n in tracks[Difficulty.EASY].notes if n.piece is KitPiece.SNARE]
    assert len(snares) == 8  # the backbeat on the fourth eighth of every bar


def test_expert_is_returned_unchanged():
    tempo_map = TempoMap(RES, [TempoChange(0, 120.0)])
    expert = groove(tempo_map, [FUNK])
    assert reduce_track(expert, Difficulty.EXPERT, tempo_map) is expert
    for difficulty in LOWER:
        assert reduce_track(expert, difficulty, tempo_map) == reduce_all(expert, tempo_map)[difficulty]


def test_phrases_are_kept_and_each_still_holds_a_note():
    tempo_map = TempoMap(RES, [TempoChange(0, 140.0)])
    expert = groove(tempo_map, song_of(TRAP, TRAP, TRAP, ROCK_FILL))
    bar = 4 * RES
    # a fill over bar 4 landing on bar 5's downbeat (inclusive of it), and a phrase of hi-hat rolls only
    phrases = (
        Phrase(PhraseKind.STAR_POWER, bar, 3 * bar, tempo_map.seconds(bar), tempo_map.seconds(3 * bar)),
        Phrase(PhraseKind.FILL, 3 * bar, 4 * bar + 1, tempo_map.seconds(3 * bar), tempo_map.seconds(4 * bar + 1)),
        Phrase(PhraseKind.STAR_POWER, 704, 768, tempo_map.seconds(704), tempo_map.seconds(768)),
    )
    expert = Track(Difficulty.EXPERT, expert.notes, phrases)
    for difficulty, track in reduce_all(expert, tempo_map).items():
        assert track.phrases == phrases
        for phrase in phrases:
            assert any(phrase.covers_tick(n.tick) for n in track.notes), (difficulty, phrase)


def check_playable(track: Track, max_hands: int) -> None:
    per_tick = Counter()
    kicks = Counter()
    for note in track.notes:
        if note.piece is KitPiece.KICK:
            kicks[note.tick] += 1
        else:
            per_tick[note.tick] += 1
    assert max(per_tick.values(), default=0) <= max_hands
    assert max(kicks.values(), default=0) <= 1


def test_no_chord_needs_more_than_two_hands_and_a_foot():
    tempo_map = TempoMap(RES, [TempoChange(0, 124.0)])
    crowded = {
        "C": "X... .... X... ....",
        "H": "x.x. x.x. x.x. x.x.",
        "S": "x... X... x... X...",
        "T": "x... .... .... ....",
        "K": "x... x... x... x...",
    }
    tracks = reduce_all(groove(tempo_map, [crowded] * 4), tempo_map)
    for difficulty in LOWER:
        check_playable(tracks[difficulty], 1 if difficulty is Difficulty.EASY else 2)
    crashes = [n for n in tracks[Difficulty.EASY].notes if n.piece is KitPiece.CRASH]
    assert len(crashes) == 8  # the crash wins the chord


def test_backbeats_downbeat_crashes_and_accents_survive():
    tempo_map = TempoMap(RES, [TempoChange(0, 132.0)])
    expert = groove(tempo_map, song_of(DOWNBEAT, FUNK, FUNK, ROCK_FILL))
    meter = Meter(tempo_map)
    backbeats = {
        n
        for n in expert.notes
        if n.piece is KitPiece.SNARE and meter.position(n.tick).on_beat and n.dynamic is Dynamic.ACCENT
    }
    crashes = {n for n in expert.notes if n.piece is KitPiece.CRASH and meter.position(n.tick).is_downbeat}
    assert backbeats and crashes
    for difficulty, track in reduce_all(expert, tempo_map).items():
        kept = set(track.notes)
        assert crashes <= kept, difficulty
        if difficulty is not Difficulty.EASY:
            assert backbeats <= kept, difficulty


def test_easy_has_no_ghosts_and_only_expert_has_double_kicks():
    tempo_map = TempoMap(RES, [TempoChange(0, 100.0)])
    tracks = reduce_all(groove(tempo_map, [FUNK] * 8), tempo_map)
    assert any(n.is_double_kick for n in tracks[Difficulty.EXPERT].notes)
    for difficulty in LOWER:
        assert not any(n.is_double_kick for n in tracks[difficulty].notes)
    for difficulty in (Difficulty.MEDIUM, Difficulty.EASY):
        assert not any(n.dynamic is Dynamic.GHOST for n in tracks[difficulty].notes)


# --- property-based: any track at all ----------------------------------------------------------

_PIECES = [p for p in KitPiece if p is not KitPiece.HIHAT_PEDAL]


@st.composite
def random_tracks(draw):
    bpm = draw(st.floats(40, 260))
    signature = draw(st.sampled_from([(4, 4), (3, 4), (6, 8), (7, 8), (2, 4), (12, 8), (5, 4)]))
    tempo_map = TempoMap(RES, [TempoChange(0, bpm)], [TimeSignature(0, *signature)])
    grid = draw(st.sampled_from([12, 16, 24, 32, 48, 64, 96, 7]))
    raw = draw(
        st.lists(
            st.tuples(st.integers(0, 400), st.sampled_from(_PIECES), st.sampled_from(list(Dynamic)), st.booleans()),
            max_size=250,
        )
    )
    by_key = {}
    for step, piece, dynamic, double in raw:
        tick = step * grid
        flags = NoteFlag.DOUBLE_KICK if double and piece is KitPiece.KICK else NoteFlag.NONE
        by_key[(tick, piece)] = Note(tempo_map.seconds(tick), piece, tick, dynamic, flags)
    return Track(Difficulty.EXPERT, sorted_notes(by_key.values())), tempo_map


@settings(max_examples=150, deadline=None)
@given(random_tracks())
def test_any_track_reduces_to_playable_subsets(case):
    expert, tempo_map = case
    tracks = reduce_all(expert, tempo_map)
    assert tracks == reduce_all(expert, tempo_map)  # deterministic
    previous = expert
    for difficulty in LOWER:
        track = tracks[difficulty]
        assert track.difficulty is difficulty
        assert set(track.notes) <= set(previous.notes)  # same times, pieces, dynamics, flags
        assert list(track.notes) == sorted(track.notes, key=lambda n: (n.tick, n.time_s, list(KitPiece).index(n.piece)))
        hands = Counter(n.tick for n in track.notes if n.piece is not KitPiece.KICK)
        assert max(hands.values(), default=0) <= 2
        if len(previous.notes) >= 2:
            assert len(track.notes) < len(previous.notes)
        previous = track
