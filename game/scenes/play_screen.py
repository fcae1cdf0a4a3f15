"""Turns the play state into the render layer's views each frame (highway, HUD, count-in).

Per-size work (layout, highway geometry, note sprites) is done once per window size; per-chart
work (grid lines, section times) once per play. Per frame only the views are filled in; the
`PlayCanvas` keeps what did not change since the last frame composited, so a frame is one copy of
it plus what moves.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable

import pygame

from game.chart.model import Song
from game.engine.params import EngineParams
from game.engine.player import PlayerEngine, Tally
from game.engine.window import Judgement
from game.render.canvas import PlayCanvas
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway, draw_highway_traffic
from game.render.hud import HudView, PlayLayout, draw_hud, draw_hud_live, play_layout, tally_box
from game.render.popup import POP_IN_S, JudgementPopup, draw_count_in, draw_judgements
from game.render.skin import FLASH_LEVELS, HighwaySkin
from game.render.theme import Theme
from game.scenes.play_effects import PlayEffects

COUNT_IN_BEATS = 3
GO_SHOWN_S = 0.45
TALLY = (Judgement.PERFECT, Judgement.GREAT, Judgement.GOOD, Judgement.MISS)


def count_in(now_s: float, beat_s: float) -> tuple[str, float]:
    """The count-in label ("3", "2", "1", "GO!" or "") and how far (0..1) into its beat we are."""
    if now_s >= 0:
        return ("GO!", now_s / GO_SHOWN_S) if now_s < GO_SHOWN_S else ("", 0.0)
    beats = -now_s / beat_s
    left = math.ceil(beats)
    return (str(left), left - beats) if left <= COUNT_IN_BEATS else ("", 0.0)


def live_accuracy(tally: Tally) -> float:
    """Percent over the notes judged so far (the final figure counts every note)."""
    judged = sum(tally.stats.counts.get(j, 0) for j in TALLY)
    return 100.0 * tally.scorer.weight_sum / judged if judged else 100.0


class PlayScreen:
    def __init__(
        self,
        theme: Theme,
        song: Song,
        engine: PlayerEngine,
        params: EngineParams,
        look_ahead_s: float = 1.2,
        mirrored: bool = False,
    ):
        self.theme = theme
        self.song = song
        self.engine = engine
        self.look_ahead_s = look_ahead_s
        self.mirrored = mirrored
        self.difficulty = params.difficulty.value.title()
        chart = song.chart
        self.notes = engine.notes  # one tuple for the whole play: the highway caches per sequence
        end_tick = max(chart.last_tick, 1) + chart.tempo_map.resolution * 8
        self.grid = tuple(chart.tempo_map.grid(end_tick))
        self._section_times = [section.time_s for section in chart.sections]
        self.length_s = max(song.info.song_length_s or 0.0, self.notes[-1].time_s + 2.0 if self.notes else 1.0)
        self._beat_s = 60.0 / chart.tempo_map.bpm_at(0)
        self._size: tuple[int, int] | None = None
        self.layout: PlayLayout = play_layout((1280, 720), engine.layout.columns)
        self._geometry: HighwayGeometry | None = None
        self._skin = HighwaySkin(theme)
        self._canvas = PlayCanvas(theme, self._skin)

    def geometry_for(self, size: tuple[int, int]) -> HighwayGeometry:
        if size != self._size or self._geometry is None:
            self._size = size
            self.layout = play_layout(size, self.engine.layout.columns)
            highway = self.layout.rect(self.layout.highway)
            self._geometry = HighwayGeometry.fit(highway, self.engine.layout, mirrored=self.mirrored)
            self._skin.warm(self._geometry, size, {note.piece for note in self.notes})
        return self._geometry

    def warm(self, size: tuple[int, int], effects: PlayEffects) -> None:
        """Render once, off screen, every picture the song will need (count-in numbers, judgement
        words at each animation size, HUD digits), so the first sight of each costs a frame
        nothing: glow text takes milliseconds to make and would stall input polling mid-song."""
        surface = pygame.Surface(size)
        self.draw(surface, -1.0, 0.0, effects, lambda: None)
        geometry = self.geometry_for(size)
        for level in range(1, FLASH_LEVELS + 1):
            strength = level / FLASH_LEVELS
            flashes = dict.fromkeys(range(geometry.columns), strength)
            for fever in (False, True):
                view = HighwayView(-1.0, self.look_ahead_s, self.notes, (), (), self.grid, fever, flashes, strength)
                draw_highway(surface, geometry, view, self._skin)
        for label in ("3", "2", "1", "GO!"):
            for phase in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
                draw_count_in(surface, self.theme, self.layout, label, phase)
        for judgement in Judgement:
            for early in (None, True, False):
                for age in (0.0, POP_IN_S / 3, 2 * POP_IN_S / 3, POP_IN_S):
                    draw_judgements(surface, self.theme, self.layout, [JudgementPopup(judgement, age, early)])
        digits = HudView(1234567890, 9876543210 % 1000, 8, 99.5, 0.5, combo_age_s=0.0, section=self.section_at(0))
        draw_hud(surface, self.theme, self.layout, digits)

    def draw(
        self, surface: pygame.Surface, now: float, wall_time: float, effects: PlayEffects, poll: Callable[[], None]
    ) -> None:
        """Draws in phases, calling `poll` between them so input is stamped mid-frame too."""
        geometry = self.geometry_for(surface.get_size())
        hud = self._hud(now, wall_time, effects)
        highway = self._highway(now, wall_time, effects, hud.fever_active)
        self._canvas.draw(surface, self.layout, geometry, hud, highway.fever)
        poll()
        draw_highway_traffic(surface, geometry, highway, self._skin)
        poll()
        draw_hud_live(surface, self.theme, self.layout, hud)
        draw_judgements(surface, self.theme, self.layout, effects.popups(wall_time))

    def _highway(self, now: float, wall_time: float, effects: PlayEffects, fever: bool) -> HighwayView:
        return HighwayView(
            now,
            self.look_ahead_s,
            self.notes,
            effects.hit,
            effects.missed,
            self.grid,
            fever,
            effects.lane_flash(wall_time),
            effects.kick_flash(wall_time),
        )

    def _hud(self, now: float, wall_time: float, effects: PlayEffects) -> HudView:
        scorer, fever = self.engine.scorer, self.engine.fever
        active = fever.is_active(now)
        counts = self.engine.stats.counts
        return HudView(
            score=scorer.score,
            combo=scorer.combo,
            multiplier=scorer.multiplier(active),
            accuracy=live_accuracy(self.engine.tally),
            fever_meter=fever.meter(now),
            fever_active=active,
            progress=min(max(now / self.length_s, 0.0), 1.0),
            combo_age_s=effects.combo_age(wall_time),
            multiplier_progress=(scorer.combo % scorer.rules.combo_per_step) / scorer.rules.combo_per_step,
            section=self.section_at(now),
            title=self.song.info.title,
            artist=self.song.info.artist,
            difficulty=self.difficulty,
            elapsed_s=max(now, 0.0),
            length_s=self.length_s,
            counts=tuple((j, counts.get(j, 0)) for j in TALLY),
        )

    def section_at(self, now: float) -> str:
        index = bisect_right(self._section_times, now) - 1
        return self.song.chart.sections[index].name.title() if index >= 0 else ""

    def count_in(self, now: float) -> tuple[str, float]:
        return count_in(now, self._beat_s)

    def key_hint_box(self) -> pygame.Rect:
        right = self.layout.rect(self.layout.right)
        top = tally_box(self.layout).bottom + right.h * 0.03
        return pygame.Rect(right.x, top, right.w, right.bottom - top)
