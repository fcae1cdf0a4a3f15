"""What the play screen remembers between frames: which notes are gone, lane flashes, the last
judgement popup and when the combo last changed. It listens to the engine's judgements and never
judges anything itself. Ages are wall-clock seconds so effects animate even while paused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from game.chart.layout import LaneLayout
from game.chart.piece import KitPiece
from game.engine.judge import Judged
from game.engine.window import Judgement
from game.render.popup import JudgementPopup

FLASH_S = 0.12  # a lane flash fades over this long


@dataclass(slots=True)
class PlayEffects:
    layout: LaneLayout
    hit: set[int] = field(default_factory=set)  # note indices hit (hidden on the highway)
    missed: set[int] = field(default_factory=set)
    _flashes: dict[int, float] = field(default_factory=dict)  # column -> wall time of the last hit
    _last_judgement: tuple[Judgement, float, bool | None] | None = None
    _combo_changed_at: float = -1e9
    _now: float = 0.0

    def on_pad(self, piece: KitPiece, wall_time: float) -> None:
        """A pad was struck (judged or not): flash its lane at once."""
        lane = self.layout.lane_of(piece)
        if lane is not None:
            self._flashes[lane.column] = wall_time

    def on_judged(self, judged: Sequence[Judged], wall_time: float) -> None:
        for event in judged:
            if event.note_index is not None and event.judgement is Judgement.MISS:
                self.missed.add(event.note_index)
            elif event.note_index is not None:
                self.hit.add(event.note_index)
            if event.judgement is Judgement.OVERHIT and not event.penalised:
                continue
            early = None
            if event.error_s is not None and event.judgement is not Judgement.PERFECT:
                early = event.error_s < 0
            self._last_judgement = (event.judgement, wall_time, early)
            self._combo_changed_at = wall_time

    def lane_flash(self, wall_time: float) -> dict[int, float]:
        return {
            column: 1.0 - (wall_time - at) / FLASH_S
            for column, at in self._flashes.items()
            if column >= 0 and wall_time - at < FLASH_S
        }

    def kick_flash(self, wall_time: float) -> float:
        at = self._flashes.get(-1)
        return max(0.0, 1.0 - (wall_time - at) / FLASH_S) if at is not None else 0.0

    def popups(self, wall_time: float) -> list[JudgementPopup]:
        if self._last_judgement is None:
            return []
        judgement, at, early = self._last_judgement
        return [JudgementPopup(judgement, wall_time - at, early)]

    def combo_age(self, wall_time: float) -> float:
        return wall_time - self._combo_changed_at
