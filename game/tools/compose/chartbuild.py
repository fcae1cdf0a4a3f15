"""From a drum part to the chart: Expert notes, fever and fill phrases, sections, the other three
difficulties (by the reducer), and the `.chart` text.

Phrase placement (the rules a charter would follow):
- a fill phrase (fever activation) covers each fill that leads into a chorus-like section and
  ends on, and includes, the crash it lands on;
- fever (star power) phrases cover two bars early in verses, pre-choruses, choruses, dance breaks
  and drops (bars 2-3 of the section), never overlapping a fill phrase;
- duet sessions mark who leads each call-and-response bar with versus phrases (player 1 / 2).
"""

from __future__ import annotations

from game.chart.chart_writer import write_chart
from game.chart.model import Chart, ChartFormat, Difficulty, DrumType, Note, Phrase, PhraseKind, Section, Track
from game.chart.reducer import reduce_all
from game.chart.tempo import TempoMap
from game.tools.compose.drumpart import DrumPart
from game.tools.compose.drumstyle import CHORUS_LIKE
from game.tools.compose.spec import Kind, SessionSpec
from game.tools.compose.timeline import Timeline

_FEVER_KINDS = CHORUS_LIKE | {Kind.VERSE, Kind.PRE_CHORUS, Kind.INTERLOCK}
_PLAYER_KINDS = {1: PhraseKind.PLAYER_1, 2: PhraseKind.PLAYER_2}


def expert_track(part: DrumPart, spec: SessionSpec, timeline: Timeline) -> Track:
    tempo_map = timeline.tempo_map
    times = tempo_map.seconds_many([hit.tick for hit in part.hits])
    notes = tuple(
        Note(float(t), hit.piece, hit.tick, hit.dynamic, hit.flags) for hit, t in zip(part.hits, times, strict=True)
    )
    return Track(Difficulty.EXPERT, notes, tuple(sorted(_phrases(part, spec, timeline), key=_phrase_order)))


def build_chart(part: DrumPart, spec: SessionSpec, timeline: Timeline) -> Chart:
    tempo_map = timeline.tempo_map
    sections = tuple(
        Section(timeline.section_start(index), tempo_map.seconds(timeline.section_start(index)), plan.name)
        for index, plan in enumerate(spec.sections)
    )
    tracks = reduce_all(expert_track(part, spec, timeline), tempo_map)
    return Chart(ChartFormat.CHART, DrumType.FOUR_LANE_PRO, tempo_map, tracks, sections)


def chart_text(chart: Chart, spec: SessionSpec) -> str:
    metadata = {
        "Name": spec.title,
        "Artist": spec.artist,
        "Charter": spec.artist,
        "Album": "Drumstick Diplomacy Sessions",
        "Genre": "K-pop",
        "MusicStream": "song.ogg",
        "DrumStream": "drums.ogg",
    }
    return write_chart(chart, metadata)


def _phrases(part: DrumPart, spec: SessionSpec, timeline: Timeline) -> list[Phrase]:
    tempo_map = timeline.tempo_map
    phrases: list[Phrase] = []
    fill_spans: list[tuple[int, int]] = []
    for start, landing in part.fills:
        landing_bar = next(bar for bar in timeline.bars if bar.start == landing)
        if spec.sections[landing_bar.section].kind in CHORUS_LIKE:
            phrases.append(_phrase(PhraseKind.FILL, start, landing + 1, tempo_map))
            fill_spans.append((start, landing + 1))
    note_ticks = {hit.tick for hit in part.hits}
    for index, plan in enumerate(spec.sections):
        bars = timeline.bars_of(index)
        if plan.kind not in _FEVER_KINDS or not plan.drums or len(bars) < 4:
            continue
        start, end = bars[1].start, bars[2].end
        clear = all(end <= a or start >= b for a, b in fill_spans)
        if clear and any(start <= tick < end for tick in note_ticks):
            phrases.append(_phrase(PhraseKind.STAR_POWER, start, end, tempo_map))
    for start, end, player in part.leads:
        phrases.append(_phrase(_PLAYER_KINDS[player], start, end, tempo_map))
    return phrases


def _phrase_order(phrase: Phrase) -> tuple[int, int, str]:
    return (phrase.start_tick, phrase.end_tick, phrase.kind.value)


def _phrase(kind: PhraseKind, start_tick: int, end_tick: int, tempo_map: TempoMap) -> Phrase:
    return Phrase(kind, start_tick, end_tick, tempo_map.seconds(start_tick), tempo_map.seconds(end_tick))
