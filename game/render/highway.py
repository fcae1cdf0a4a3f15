"""Drawing the note highway for one frame.

The cost is O(visible notes): the view's notes are sorted by time, so two bisections find the
visible slice; everything drawn is a cached sprite (see `HighwaySkin`). Position is a pure
function of (note.time_s - now_s) and the note's lane (see `HighwayGeometry`). The render never
decides judgements: the scene says which note indices are hidden (hit) or missed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field

import pygame

from game.chart.model import Note
from game.chart.tempo import GridLine
from game.render.geometry import HighwayGeometry
from game.render.skin import DOUBLE_KICK_COLOUR, HighwaySkin, StageKit, level_of
from game.render.sprites import FADE_LEVELS
from game.render.theme import GOLD, mix

_NOTHING: frozenset[int] = frozenset()
MISS_FADE_S = 0.35  # a missed note fades out over this long after its time


@dataclass(frozen=True, slots=True)
class HighwayView:
    """What the highway shows at one instant. `notes` must be sorted by time_s (as charts are)."""

    now_s: float  # chart seconds
    look_ahead_s: float  # seconds of notes visible above the hit line (the note speed)
    notes: Sequence[Note]
    hidden: Container[int] = _NOTHING  # indices into notes already hit: not drawn
    missed: Container[int] = _NOTHING  # indices into notes judged missed: drawn grey, fading
    grid: Sequence[GridLine] = ()  # sorted by time
    fever: bool = False
    lane_flash: Mapping[int, float] = field(default_factory=dict)  # column -> 0..1, 1 = just hit
    kick_flash: float = 0.0  # 0..1


def draw_highway(surface: pygame.Surface, geometry: HighwayGeometry, view: HighwayView, skin: HighwaySkin) -> None:
    kit = skin.prepare(geometry, surface.get_size())
    surface.blit(kit.stage(view.fever), (geometry.left, geometry.top))
    oldest, newest = geometry.visible_dt(view.look_ahead_s)
    _draw_grid(surface, geometry, view, oldest, newest)
    _draw_flashes(surface, view, kit)
    _draw_notes(surface, view, kit, oldest, newest)
    surface.blit(kit.fog, (geometry.left, geometry.top))


def visible_range(notes: Sequence[Note], start_s: float, end_s: float) -> range:
    """Indices of notes with start_s <= time_s <= end_s, by bisection (notes sorted by time)."""
    return range(bisect_left(notes, start_s, key=_note_time), bisect_right(notes, end_s, key=_note_time))


def _note_time(note: Note | GridLine) -> float:
    return note.time_s


def _draw_grid(
    surface: pygame.Surface, geometry: HighwayGeometry, view: HighwayView, oldest: float, newest: float
) -> None:
    grid = view.grid
    lo = bisect_left(grid, view.now_s + oldest, key=_note_time)
    hi = bisect_right(grid, view.now_s + newest, key=_note_time)
    bar_colour = GOLD if view.fever else (176, 150, 255)
    beat_colour = mix(GOLD, (40, 30, 80), 0.6) if view.fever else (70, 60, 130)
    for line in grid[lo:hi]:
        y = geometry.y_of(line.time_s - view.now_s, view.look_ahead_s)
        left, right = geometry.edge_x(y)
        scale = geometry.width_at(y) / geometry.near_width
        if line.is_bar:
            pygame.draw.line(surface, bar_colour, (left + 2, y), (right - 2, y), max(2, round(4 * scale)))
        else:
            pygame.draw.line(surface, beat_colour, (left + 2, y), (right - 2, y), max(1, round(2 * scale)))


def _draw_flashes(surface: pygame.Surface, view: HighwayView, kit: StageKit) -> None:
    geometry = kit.geometry
    y = geometry.hit_y
    level = level_of(view.kick_flash)
    if level:
        band = kit.kick_flash(level)
        surface.blit(
            band, (geometry.centre_x - band.get_width() / 2, y - band.get_height() / 2), None, pygame.BLEND_RGB_ADD
        )
    anchor = kit.flash_anchor()
    for column, strength in view.lane_flash.items():
        level = level_of(strength)
        if not level or not 0 <= column < geometry.columns:
            continue
        x = geometry.column_x(column, y)
        shaft = kit.column_flash(column, level)
        surface.blit(shaft, (x - shaft.get_width() / 2, y + anchor - shaft.get_height()), None, pygame.BLEND_RGB_ADD)
        burst = kit.ring_flash(column, level)
        surface.blit(burst, (x - burst.get_width() / 2, y - burst.get_height() / 2))


def _draw_notes(surface: pygame.Surface, view: HighwayView, kit: StageKit, oldest: float, newest: float) -> None:
    geometry, sprites = kit.geometry, kit.sprites
    times, looks = kit.plan(view.notes)
    now, ahead, hidden, missed = view.now_s, view.look_ahead_s, view.hidden, view.missed
    columns = geometry.columns
    kicks: list[tuple[float, pygame.Surface]] = []
    gems: list[tuple[float, float, pygame.Surface]] = []
    first, last = bisect_left(times, now + oldest - 0.05), bisect_right(times, now + newest)
    for index in range(last - 1, first - 1, -1):  # far first, so nearer notes overlap them
        look = looks[index]
        if look is None or index in hidden:  # unplayed piece, or already hit
            continue
        column, shape, colour, dynamic, double = look
        dt = times[index] - now
        fade = _fade(dt) if index in missed else 0
        y = geometry.y_of(dt, ahead)
        width = geometry.width_at(y)
        if column < 0:
            kicks.append((y, sprites.kick(DOUBLE_KICK_COLOUR if double else colour, double, width, fade)))
        else:
            gems.append((geometry.column_x(column, y), y, sprites.gem(colour, shape, dynamic, width / columns, fade)))
    centre = geometry.centre_x
    # One blits() call per layer: the per-call overhead matters with dozens of sprites a frame.
    surface.blits([(s, (centre - s.get_width() / 2, y - s.get_height() / 2)) for y, s in kicks], doreturn=False)
    surface.blits([(s, (x - s.get_width() / 2, y - s.get_height() / 2)) for x, y, s in gems], doreturn=False)


def _fade(dt: float) -> int:
    """1 just after the note's time, up to FADE_LEVELS as it slides away."""
    passed = max(0.0, -dt) / MISS_FADE_S
    return min(FADE_LEVELS, 1 + int(passed * FADE_LEVELS))
