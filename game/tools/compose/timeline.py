"""The session's bar grid: every bar's start tick, length, meter and section, and the tempo map.

Invariants: bars are contiguous from tick 0; tempo and time-signature changes happen only on bar
starts; a meter's bar length is `RESOLUTION * 4 * numerator / denominator` ticks, an integer for
every meter the composer uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.chart.tempo import TempoChange, TempoMap, TimeSignature
from game.tools.compose.spec import SectionPlan, SessionSpec

RESOLUTION = 192


@dataclass(frozen=True, slots=True)
class Bar:
    index: int  # in the song
    start: int  # tick
    ticks: int  # length
    meter: tuple[int, int]
    section: int  # index into spec.sections
    bar_in_section: int
    bars_in_section: int
    transpose: int  # semitones in force (key changes)

    @property
    def end(self) -> int:
        return self.start + self.ticks

    @property
    def is_last_of_section(self) -> bool:
        return self.bar_in_section == self.bars_in_section - 1

    @property
    def beat_ticks(self) -> int:
        """The felt beat: a quarter in x/4, a dotted quarter in 6/8 and 12/8."""
        num, den = self.meter
        eighth_based = den == 8 and num % 3 == 0
        return RESOLUTION * 4 // den * (3 if eighth_based else 1)

    @property
    def beats(self) -> int:
        return self.ticks // self.beat_ticks


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: tuple[Bar, ...]
    tempo_map: TempoMap

    @property
    def end_tick(self) -> int:
        return self.bars[-1].end

    @property
    def length_s(self) -> float:
        return self.tempo_map.seconds(self.end_tick)

    def section_start(self, section: int) -> int:
        return next(bar.start for bar in self.bars if bar.section == section)

    def bars_of(self, section: int) -> tuple[Bar, ...]:
        return tuple(bar for bar in self.bars if bar.section == section)


def bar_ticks(meter: tuple[int, int]) -> int:
    num, den = meter
    ticks = RESOLUTION * 4 * num / den
    if ticks != int(ticks):
        raise ValueError(f"meter {num}/{den} has no whole number of ticks per bar")
    return int(ticks)


def build_timeline(spec: SessionSpec) -> Timeline:
    bars: list[Bar] = []
    tempos = [TempoChange(0, spec.bpm)]
    signatures = [TimeSignature(0, *spec.meter)]
    meter, tick, transpose = spec.meter, 0, 0
    for index, plan in enumerate(spec.sections):
        meter = plan.meter or meter
        transpose += plan.transpose
        for bar_index in range(plan.bars):
            bar_meter = plan.tail_meter if plan.tail_meter and bar_index == plan.bars - 1 else meter
            if bar_meter != (signatures[-1].numerator, signatures[-1].denominator):
                signatures.append(TimeSignature(tick, *bar_meter))
            bpm = _bar_bpm(plan, bar_index)
            if bpm is not None and bpm != tempos[-1].bpm:
                tempos.append(TempoChange(tick, bpm))
            bars.append(Bar(len(bars), tick, bar_ticks(bar_meter), bar_meter, index, bar_index, plan.bars, transpose))
            tick += bar_ticks(bar_meter)
    return Timeline(tuple(bars), TempoMap(RESOLUTION, tempos, signatures))


def _bar_bpm(plan: SectionPlan, bar_index: int) -> float | None:
    ritardando_from = plan.bars - len(plan.bar_bpms)
    if plan.bar_bpms and bar_index >= ritardando_from:
        return plan.bar_bpms[bar_index - ritardando_from]
    return plan.bpm if bar_index == 0 else None
