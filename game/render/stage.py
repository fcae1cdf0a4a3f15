"""The highway's still parts, rendered once per geometry: body, lanes, rails, hit line, receptors.

The result is opaque (composited over the backdrop crop it sits on), so the frame pays a plain
copy for it instead of an alpha blend. Drawn at `SCALE` times the size and smooth-scaled down,
which antialiases the converging lane lines.
"""

from __future__ import annotations

import pygame

from game.chart.layout import LaneKind
from game.render.backdrop import gradient, soft_blur, with_alpha
from game.render.geometry import HighwayGeometry
from game.render.theme import CYAN, GOLD, HOT_PINK, VIOLET, WHITE, Color, lane_colour, mix

SCALE = 2
Point = tuple[float, float]


def column_colours(geometry: HighwayGeometry) -> list[Color]:
    """Each column's colour: its pad lane's if it has one (pro drums share a column)."""
    colours: list[Color] = [WHITE] * geometry.columns
    for lane in sorted(geometry.layout.lanes, key=lambda lane: lane.kind is LaneKind.PAD):
        if 0 <= lane.column < geometry.columns:
            colours[lane.column] = lane_colour(lane)
    return colours


def cymbal_columns(geometry: HighwayGeometry) -> set[int]:
    """Columns that hold only cymbals (their receptor is a hexagon)."""
    kinds: dict[int, set[LaneKind]] = {}
    for lane in geometry.layout.lanes:
        kinds.setdefault(lane.column, set()).add(lane.kind)
    return {column for column, found in kinds.items() if found == {LaneKind.CYMBAL}}


def _local(geometry: HighwayGeometry, x: float, y: float) -> Point:
    return ((x - geometry.left) * SCALE, (y - geometry.top) * SCALE)


def _band(geometry: HighwayGeometry, x0: float, x1: float, y_top: float, y_bottom: float) -> list[Point]:
    """Polygon between fractional positions x0..x1 across the highway (0 = left edge, 1 = right)."""
    points = []
    for y, frac in ((y_top, x0), (y_top, x1), (y_bottom, x1), (y_bottom, x0)):
        left, right = geometry.edge_x(y)
        points.append(_local(geometry, left + (right - left) * frac, y))
    return points


def render_stage(geometry: HighwayGeometry, backdrop: pygame.Surface, fever: bool) -> pygame.Surface:
    """The highway body over `backdrop` (the backdrop crop under the geometry's rect)."""
    w, h = geometry.width * SCALE, geometry.height * SCALE
    layer = pygame.Surface((w, h), pygame.SRCALPHA)
    top, bottom = geometry.far_y, geometry.bottom
    body_top, body_bottom = ((60, 20, 90), (40, 16, 80)) if fever else ((14, 10, 40), (26, 16, 64))
    body = with_alpha(gradient((w, h), body_top, body_bottom))
    shape = pygame.Surface((w, h), pygame.SRCALPHA)
    pygame.draw.polygon(shape, (255, 255, 255, 225), _band(geometry, 0, 1, top, bottom))
    body.blit(shape, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    layer.blit(body, (0, 0))
    _draw_lanes(layer, geometry, fever)
    _draw_rails(layer, geometry, fever)
    _draw_hit_line(layer, geometry, fever)
    out = backdrop.copy()
    out.blit(pygame.transform.smoothscale(layer, (geometry.width, geometry.height)), (0, 0))
    return out


def _draw_lanes(layer: pygame.Surface, geometry: HighwayGeometry, fever: bool) -> None:
    columns = geometry.columns
    top, hit = geometry.far_y, geometry.hit_y
    for column, colour in enumerate(column_colours(geometry)):
        tint = pygame.Surface(layer.get_size(), pygame.SRCALPHA)
        band = _band(geometry, column / columns, (column + 1) / columns, top, geometry.bottom)
        pygame.draw.polygon(tint, (*colour, 34 if fever else 22), band)
        layer.blit(tint, (0, 0))
    divider = (*mix(VIOLET, WHITE, 0.35), 90)
    for column in range(1, columns):
        frac = column / columns
        a = _band(geometry, frac, frac, top, geometry.bottom)
        pygame.draw.line(layer, divider, a[0], a[3], SCALE)
    # Faint depth markers: short ticks every quarter of the far distance help read the speed.
    for rise in (0.25, 0.5, 0.75):
        y = hit - rise * (hit - top)
        left, right = geometry.edge_x(y)
        pygame.draw.line(layer, (255, 255, 255, 16), _local(geometry, left, y), _local(geometry, right, y), SCALE)


def _draw_rails(layer: pygame.Surface, geometry: HighwayGeometry, fever: bool) -> None:
    top, bottom = geometry.far_y, geometry.bottom
    sides = ((0.0, GOLD if fever else HOT_PINK), (1.0, HOT_PINK if fever else CYAN))
    glow = pygame.Surface(layer.get_size(), pygame.SRCALPHA)
    for frac, colour in sides:
        a, _, _, d = _band(geometry, frac, frac, top, bottom)
        pygame.draw.line(glow, (*colour, 150 if fever else 90), a, d, SCALE * (10 if fever else 6))
    layer.blit(soft_blur(glow, SCALE * (6 if fever else 4)), (0, 0))
    for frac, colour in sides:
        a, _, _, d = _band(geometry, frac, frac, top, bottom)
        pygame.draw.line(layer, (*mix(colour, WHITE, 0.3), 255), a, d, SCALE * 2)


def _draw_hit_line(layer: pygame.Surface, geometry: HighwayGeometry, fever: bool) -> None:
    y = geometry.hit_y
    left, right = geometry.edge_x(y)
    lane_w = geometry.width_at(y) / geometry.columns
    thick = max(2, round(lane_w * 0.05))
    glow = pygame.Surface(layer.get_size(), pygame.SRCALPHA)
    line_colour = GOLD if fever else mix(HOT_PINK, WHITE, 0.3)
    pygame.draw.line(
        glow, (*line_colour, 200), _local(geometry, left, y), _local(geometry, right, y), thick * SCALE * 3
    )
    layer.blit(soft_blur(glow, thick * SCALE * 2), (0, 0))
    pygame.draw.line(layer, (255, 255, 255, 255), _local(geometry, left, y), _local(geometry, right, y), thick * SCALE)
    cymbals = cymbal_columns(geometry)
    for column, colour in enumerate(column_colours(geometry)):
        cx, cy = _local(geometry, geometry.column_x(column, y), y)
        rw, rh = lane_w * 0.8 * SCALE, lane_w * 0.34 * SCALE
        box = pygame.Rect(0, 0, rw, rh)
        box.center = (round(cx), round(cy))
        if column in cymbals:
            hexagon = [(box.left, cy), (box.left + rw * 0.2, box.top), (box.right - rw * 0.2, box.top), (box.right, cy)]
            hexagon += [(box.right - rw * 0.2, box.bottom), (box.left + rw * 0.2, box.bottom)]
            pygame.draw.polygon(layer, (12, 8, 30, 230), hexagon)
            pygame.draw.polygon(layer, (*colour, 255), hexagon, thick * SCALE)
        else:
            pygame.draw.ellipse(layer, (12, 8, 30, 230), box)
            pygame.draw.ellipse(layer, (*colour, 255), box, thick * SCALE)
        inner = box.inflate(-rw * 0.45, -rh * 0.45)
        pygame.draw.ellipse(layer, (*mix(colour, WHITE, 0.5), 70), inner)
