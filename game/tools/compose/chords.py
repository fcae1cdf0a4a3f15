"""The chord under every tick of a session, and voicings that move smoothly from chord to chord."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations

from game.tools.compose.band import BandStyle
from game.tools.compose.harmony import Chord, Key, parse_chord, parse_key, parse_progression
from game.tools.compose.spec import SessionSpec
from game.tools.compose.timeline import Timeline


@dataclass(frozen=True, slots=True)
class ChordSpan:
    start: int
    end: int
    chord: Chord
    key: Key


class ChordMap:
    """Chord spans for the whole song, bar by bar from each section's progression."""

    def __init__(self, spec: SessionSpec, timeline: Timeline, band: BandStyle):
        home = parse_key(spec.key)
        spans: list[ChordSpan] = []
        last = timeline.bars[-1]
        for bar in timeline.bars:
            plan = spec.sections[bar.section]
            key = home.transposed(bar.transpose)
            if bar is last:  # the song ends on a held tonic chord
                tonic = parse_chord("i" if key.minor else "Iadd9", key)
                spans.append(ChordSpan(bar.start, bar.end, tonic, key))
                continue
            progression = parse_progression(band.progression(plan.kind), key)
            chords = progression[bar.bar_in_section % len(progression)]
            share = bar.ticks // len(chords)
            for index, chord in enumerate(chords):
                end = bar.end if index == len(chords) - 1 else bar.start + (index + 1) * share
                spans.append(ChordSpan(bar.start + index * share, end, chord, key))
        self.spans = tuple(spans)
        self._starts = [span.start for span in spans]

    def at(self, tick: int) -> tuple[Chord, Key]:
        span = self.spans[max(bisect_right(self._starts, tick) - 1, 0)]
        return span.chord, span.key

    def within(self, start: int, end: int) -> list[ChordSpan]:
        """The spans overlapping [start, end), clipped to it."""
        found = []
        for span in self.spans:
            if span.end > start and span.start < end:
                found.append(ChordSpan(max(span.start, start), min(span.end, end), span.chord, span.key))
        return found


def voice(chord: Chord, low: int, high: int, previous: list[int] | None, size: int = 4) -> list[int]:
    """A close voicing of up to `size` chord tones in [low, high], nearest to `previous`."""
    tones = chord.tones[:size]
    candidates: list[list[int]] = []
    pool = chord.voicing(low, high)
    for combo in combinations(pool, min(len(tones), len(pool))):
        if {p % 12 for p in combo} == set(tones) and combo[-1] - combo[0] <= 14:
            candidates.append(list(combo))
    if not candidates:
        return pool[:size]
    reference = previous or [(low + high) // 2]
    centre = sum(reference) / len(reference)
    return min(candidates, key=lambda c: (abs(sum(c) / len(c) - centre), c))
