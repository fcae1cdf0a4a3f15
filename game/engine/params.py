"""Engine parameters: everything besides the inputs that decides a result. A replay stores them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from game.chart.layout import LaneLayout, default_layout, layout_named
from game.chart.model import Chart, Difficulty
from game.engine.window import HitWindows


@dataclass(frozen=True, slots=True)
class EngineParams:
    difficulty: Difficulty = Difficulty.EXPERT
    layout: str = ""  # a lane layout name; "" = the layout the chart was authored for
    windows: HitWindows = field(default_factory=HitWindows)
    timing_scale: float = 1.0
    strict_hihat: bool = False
    expert_plus: bool = False  # play Expert+ double kicks
    overhit_penalty: bool | None = None  # None: on, except on Easy

    def __post_init__(self) -> None:
        self.windows.scaled(self.timing_scale)  # raises ValueError for an out-of-range scale

    def lane_layout(self, chart: Chart) -> LaneLayout:
        return layout_named(self.layout) if self.layout else default_layout(chart.drum_type)

    @property
    def scaled_windows(self) -> HitWindows:
        return self.windows.scaled(self.timing_scale)

    @property
    def overhits_break_combo(self) -> bool:
        if self.overhit_penalty is None:
            return self.difficulty is not Difficulty.EASY
        return self.overhit_penalty

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["difficulty"] = self.difficulty.value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EngineParams:
        """Raises ValueError/TypeError/KeyError on malformed data; callers wrap them."""
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        if "difficulty" in known:
            known["difficulty"] = Difficulty(known["difficulty"])
        if "windows" in known:
            known["windows"] = HitWindows(**{k: float(v) for k, v in dict(known["windows"]).items()})
        if "timing_scale" in known:
            known["timing_scale"] = float(known["timing_scale"])
        return cls(**known)
