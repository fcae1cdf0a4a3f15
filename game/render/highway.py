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
from game.render.placement import NO_LOOK, Placed
from game.render.skin import HighwaySkin, StageKit, level_of
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
    # Who plays each note (same length and order as notes; 0 = player 1, 1 = player 2), for a
    # shared-kit duet: notes then wear PLAYER_COLOURS instead of their piece's colour. None = solo.
    owners: Sequence[int] | None = None


def draw_highway(surface: pygame.Surface, geometry: HighwayGeometry, view: HighwayView, skin: HighwaySkin) -> None:
    """The whole highway: its opaque stage (which covers the geometry's rect), then what moves."""
    surface.blit(skin.prepare(geometry, surface.get_size()).stage(view.fever), (geometry.left, geometry.top))
    draw_highway_traffic(surface, geometry, view, skin)


def draw_highway_traffic(
    surface: pygame.Surface, geometry: HighwayGeometry, view: HighwayView, skin: HighwaySkin
) -> None:
    """Everything over the stage: grid lines, flashes, notes, and the fog that fades them in.

    For callers that keep the stage drawn already (see `PlayCanvas`)."""
    kit = skin.prepare(geometry, surface.get_size())
    oldest, newest = geometry.visible_dt(view.look_ahead_s)
    _draw_grid(surface, geometry, view, oldest, newest)
    _draw_flashes(surface, view, kit)
    _draw_notes(surface, view, kit, oldest, newest)
    surface.blit(*kit.fog)


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
        colour, thick = (
            (bar_colour, max(2, round(4 * scale))) if line.is_bar else (beat_colour, max(1, round(2 * scale)))
        )
        # The very pixels pygame.draw.line gives a horizontal line, filled at a fifth of its cost.
        x0, x1 = int(left + 2), int(right - 2)
        surface.fill(colour, (x0, int(y) - (thick - 1) // 2, x1 - x0 + 1, thick))


def _draw_flashes(surface: pygame.Surface, view: HighwayView, kit: StageKit) -> None:
    add = pygame.BLEND_RGB_ADD
    level = level_of(view.kick_flash)
    if level:
        surface.blit(*kit.kick_flash(level), None, add)
    columns = kit.geometry.columns
    for column, strength in view.lane_flash.items():
        level = level_of(strength)
        if level and 0 <= column < columns:
            surface.blit(*kit.column_flash(column, level), None, add)
            surface.blit(*kit.ring_flash(column, level))


def _draw_notes(surface: pygame.Surface, view: HighwayView, kit: StageKit, oldest: float, newest: float) -> None:
    geometry, placer = kit.geometry, kit.placer
    times, looks = placer.plan(view.notes, view.owners)
    placed, place, is_kick = placer.placed, placer.place, placer.is_kick
    now, ahead, hidden, missed = view.now_s, view.look_ahead_s, view.hidden, view.missed
    kicks: list[Placed] = []
    gems: list[Placed] = []
    first, last = bisect_left(times, now + oldest - 0.05), bisect_right(times, now + newest)
    for index in range(last - 1, first - 1, -1):  # far first, so nearer notes overlap them
        look = looks[index]
        if look == NO_LOOK or index in hidden:  # unplayed piece, or already hit
            continue
        dt = times[index] - now
        key = (look, round(geometry.y_of(dt, ahead)), _fade(dt) if index in missed else 0)
        (kicks if is_kick[look] else gems).append(placed.get(key) or place(*key))
    # One blits() call per layer: the per-call overhead matters with dozens of sprites a frame.
    surface.blits(kicks, doreturn=False)
    surface.blits(gems, doreturn=False)


def _fade(dt: float) -> int:
    """1 just after the note's time, up to FADE_LEVELS as it slides away."""
    passed = max(0.0, -dt) / MISS_FADE_S
    return min(FADE_LEVELS, 1 + int(passed * FADE_LEVELS))
