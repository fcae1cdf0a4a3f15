"""Turns the two-player play state into the render layer's views each frame.

`DuetScreen`: one highway (notes in their owner's colour), each player's side panel, and the team
banner (team score, sync, shared fever). `VersusScreen`: two highways side by side, each with its
own `HighwaySkin` and geometry, each player's card, and the lead between them, compared on each
player's share of a perfect run so far (so a handicapped player is fairly compared).

Per-size work (layout, geometries, skins) is done once per window size, per-chart work (grid,
sections, owners) once per play; `warm` renders ahead every picture the song will need.

A frame is worked out first (`CouchScreen.frame`: every view the screen shows), then drawn: the
`CouchCanvas` keeps the backdrop, the stages and the HUD's regions composited and copies them in
one blit, redrawing only regions whose state changed; over that go each highway's traffic and the
live parts (combos, popups).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import pygame

from game.chart.layout import LaneLayout
from game.chart.model import Note, Song
from game.engine.duet import DuetEngine
from game.engine.fever import Fever
from game.engine.player import Tally
from game.engine.versus import VersusEngine
from game.render.couch_frame import CouchCanvas, Region, Stage
from game.render.couch_hud import COMBO_POP_S, PlayerView
from game.render.couch_layout import CouchLayout
from game.render.couch_team import SongView
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway, draw_highway_traffic
from game.render.hud import PlayLayout
from game.render.popup import JudgementPopup
from game.render.skin import HighwaySkin
from game.render.theme import Theme
from game.scenes.couch_effects import CouchEffects
from game.scenes.play_effects import PlayEffects
from game.scenes.play_screen import TALLY, count_in, live_accuracy

Poll = Callable[[], None]


class Highway:
    """One highway on the screen: its notes, lane layout, skin and (per size) geometry."""

    def __init__(self, theme: Theme, notes: tuple[Note, ...], layout: LaneLayout, owners: tuple[int, ...] | None):
        self.notes, self.layout, self.owners = notes, layout, owners
        self.skin = HighwaySkin(theme)
        self.geometry: HighwayGeometry | None = None

    def fit(self, box: tuple[int, int, int, int], size: tuple[int, int], mirrored: bool = False) -> None:
        self.geometry = HighwayGeometry.fit(pygame.Rect(box), self.layout, mirrored=mirrored)
        players = set(self.owners) if self.owners is not None else ()
        self.skin.warm(self.geometry, size, {note.piece for note in self.notes}, players)

    def view(self, screen: CouchScreen, now: float, wall_time: float, effects: PlayEffects, fever: bool) -> HighwayView:
        return HighwayView(
            now,
            screen.look_ahead_s,
            self.notes,
            effects.hit,
            effects.missed,
            screen.grid,
            fever,
            effects.lane_flash(wall_time),
            effects.kick_flash(wall_time),
            self.owners,
        )

    def draw(self, surface: pygame.Surface, view: HighwayView) -> None:
        """The whole highway, stage and traffic."""
        assert self.geometry is not None
        draw_highway(surface, self.geometry, view, self.skin)

    def stage(self, size: tuple[int, int], fever: bool) -> Stage:
        assert self.geometry is not None
        return self.skin.prepare(self.geometry, size).stage(fever), (self.geometry.left, self.geometry.top)

    def draw_traffic(self, surface: pygame.Surface, view: HighwayView) -> None:
        """What moves over the stage (see `CouchCanvas`)."""
        assert self.geometry is not None
        draw_highway_traffic(surface, self.geometry, view, self.skin)


@dataclass(frozen=True, slots=True)
class CouchFrame:
    """What every frame of a couch screen shows (each mode adds its own views). `players` and
    `popups` are by player, `highways` as on screen."""

    song: SongView
    players: tuple[PlayerView, PlayerView]
    highways: tuple[HighwayView, ...]
    popups: tuple[Sequence[JudgementPopup], Sequence[JudgementPopup]]


Frame = TypeVar("Frame", bound=CouchFrame)


class CouchScreen(Generic[Frame]):
    """What both modes share: the song's grid, sections, length, count-in, the layout cache and
    how a frame is drawn. Each mode says what a frame shows (`frame`), which HUD parts are kept on
    the canvas (`still`, `regions`) and which are drawn over it (`draw_over`)."""

    still_key: Hashable

    def __init__(self, theme: Theme, song: Song, notes: tuple[Note, ...], look_ahead_s: float):
        self.theme = theme
        self.song = song
        self.look_ahead_s = look_ahead_s
        chart = song.chart
        end_tick = max(chart.last_tick, 1) + chart.tempo_map.resolution * 8
        self.grid = tuple(chart.tempo_map.grid(end_tick))
        self._section_times = [section.time_s for section in chart.sections]
        self.length_s = max(song.info.song_length_s or 0.0, notes[-1].time_s + 2.0 if notes else 1.0)
        self._beat_s = 60.0 / chart.tempo_map.bpm_at(0)
        self._size: tuple[int, int] | None = None
        self.layout = self._layout((1280, 720))
        self.highways: tuple[Highway, ...] = ()
        self.mirrored = False  # the lefty flip: every highway's columns mirrored (set before drawing)
        self.canvas = CouchCanvas()

    def _layout(self, size: tuple[int, int]) -> CouchLayout:
        raise NotImplementedError

    def fit(self, size: tuple[int, int]) -> CouchLayout:
        if size != self._size:
            self._size = size
            self.layout = self._layout(size)
            for highway, box in zip(self.highways, self.layout.highways, strict=True):
                highway.fit(box, size, self.mirrored)
        return self.layout

    def count_in(self, now: float) -> tuple[str, float]:
        return count_in(now, self._beat_s)

    def count_in_layout(self) -> PlayLayout:
        return self.layout.whole

    def section_at(self, now: float) -> str:
        index = bisect_right(self._section_times, now) - 1
        return self.song.chart.sections[index].name.title() if index >= 0 else ""

    def song_view(self, now: float) -> SongView:
        info = self.song.info
        progress = round(min(max(now / self.length_s, 0.0), 1.0), 3)  # a pixel of the bar, at most
        return SongView(
            info.title, info.artist, self.section_at(now), progress, float(int(max(now, 0.0))), self.length_s
        )

    def frame(self, now: float, wall_time: float, effects: CouchEffects) -> Frame:
        raise NotImplementedError

    def still(self, surface: pygame.Surface) -> None:
        """Draw the HUD's still parts (baked into the canvas's backdrop, once per `still_key`: it
        must name everything they show)."""
        raise NotImplementedError

    def regions(self, frame: Frame) -> list[Region]:
        """The HUD's changing parts, as canvas regions."""
        raise NotImplementedError

    def draw_over(self, surface: pygame.Surface, frame: Frame) -> None:
        """The live parts over the highways' traffic: combos and judgement popups."""
        raise NotImplementedError

    def draw(self, surface: pygame.Surface, now: float, wall_time: float, effects: CouchEffects, poll: Poll) -> None:
        self.fit(surface.get_size())
        self.draw_frame(surface, self.frame(now, wall_time, effects), poll)

    def draw_frame(self, surface: pygame.Surface, frame: Frame, poll: Poll) -> None:
        """Draws in phases, calling `poll` between them so input is stamped mid-frame too."""
        size = surface.get_size()
        layout = self.fit(size)
        stages = [highway.stage(size, view.fever) for highway, view in zip(self.highways, frame.highways, strict=True)]
        self.canvas.draw(surface, self.theme, layout, self.still_key, self.still, stages, self.regions(frame))
        for highway, view in zip(self.highways, frame.highways, strict=True):
            poll()
            highway.draw_traffic(surface, view)
        poll()
        self.draw_over(surface, frame)

    def draw_panels(self, surface: pygame.Surface, frame: Frame) -> None:
        """Every region drawn straight onto `surface` (warming their pictures)."""
        for _, _, paint in self.regions(frame):
            paint(surface)


def player_view(
    player: int, tally: Tally, fever: Fever, now: float, wall_time: float, effects: PlayEffects, difficulty: str = ""
) -> PlayerView:
    scorer, active = tally.scorer, fever.is_active(now)
    step = scorer.rules.combo_per_step
    return PlayerView(
        player=player,
        score=scorer.score,
        combo=scorer.combo,
        multiplier=scorer.multiplier(active),
        accuracy=live_accuracy(tally),
        combo_age_s=_pop_step(effects.combo_age(wall_time)),
        multiplier_progress=(scorer.combo % step) / step,
        fever_meter=round(fever.meter(now), 2),
        fever_active=active,
        difficulty=difficulty,
        counts=tuple((j, tally.stats.counts.get(j, 0)) for j in TALLY),
    )


def _pop_step(age_s: float) -> float:
    """The combo's age in the quarter steps its pop animates in (so views compare equal between
    frames that look the same)."""
    step = COMBO_POP_S / 4
    return min(round(age_s / step) * step, COMBO_POP_S)


def engine_layouts(engine: DuetEngine | VersusEngine) -> tuple[LaneLayout, LaneLayout]:
    if isinstance(engine, DuetEngine):
        return engine.layout, engine.layout
    return engine.players[0].layout, engine.players[1].layout
