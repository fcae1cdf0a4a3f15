"""Where things are on the highway: a pure function of (note time - now) and lane.

The highway is a trapezoid seen in true perspective: far notes are smaller and closer together.
For a note `dt_s` seconds ahead, z = dt_s / look_ahead_s (0 at the hit line, 1 at the far end),
and its height up the highway is the projective map f(z) = z * D / (1 + z * (D - 1)), where D is
how many times wider the near end is than the far end. With D = 1 (no perspective) f(z) = z, the
classic flat scroll. Widths are linear in screen y, as a receding straight road's edges are. The
same formulas, extrapolated to negative z, place notes that have passed the hit line.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.chart.layout import LaneLayout

HIT_LINE_AT = 0.85  # fraction of the rect's height
TOP_MARGIN = 0.02


@dataclass(frozen=True, slots=True)
class HighwayGeometry:
    left: int
    top: int
    width: int
    height: int
    layout: LaneLayout
    centre_x: float
    far_y: float  # y of the far end (z = 1)
    hit_y: float  # y of the hit line (z = 0)
    near_width: float  # highway width at the hit line
    depth: float  # D: near width / far width (1 = flat)
    mirrored: bool = False  # lefty flip: columns right to left; pieces keep their colours and meaning

    @classmethod
    def fit(
        cls, rect: pygame.Rect, layout: LaneLayout, perspective: float = 1.0, mirrored: bool = False
    ) -> HighwayGeometry:
        """A highway filling `rect`; `perspective` from 0 (flat) to 1 (far end 45 % narrower)."""
        far_ratio = 1.0 - 0.45 * min(max(perspective, 0.0), 1.0)
        # The near end spreads wider below the hit line, so keep a margin for it inside the rect.
        return cls(
            left=rect.x,
            top=rect.y,
            width=rect.w,
            height=rect.h,
            layout=layout,
            centre_x=rect.centerx,
            far_y=rect.y + rect.h * TOP_MARGIN,
            hit_y=rect.y + rect.h * HIT_LINE_AT,
            near_width=rect.w * (0.9 if perspective > 0 else 1.0),
            depth=1.0 / far_ratio,
            mirrored=mirrored,
        )

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect(self.left, self.top, self.width, self.height)

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def columns(self) -> int:
        return self.layout.columns

    def rise(self, dt_s: float, look_ahead_s: float) -> float:
        """f(z): 0 at the hit line, 1 at the far end; negative once a note has passed."""
        z = dt_s / look_ahead_s
        d = self.depth
        return z * d / (1.0 + z * (d - 1.0))

    def y_of(self, dt_s: float, look_ahead_s: float) -> float:
        return self.hit_y - self.rise(dt_s, look_ahead_s) * (self.hit_y - self.far_y)

    def width_at(self, y: float) -> float:
        rise = (self.hit_y - y) / (self.hit_y - self.far_y)
        return self.near_width * (1.0 - (1.0 - 1.0 / self.depth) * rise)

    def column_x(self, column: int, y: float) -> float:
        """Centre x of `column` at height y."""
        if self.mirrored:
            column = self.columns - 1 - column
        return self.centre_x + (column + 0.5 - self.columns / 2) * self.width_at(y) / self.columns

    def edge_x(self, y: float) -> tuple[float, float]:
        half = self.width_at(y) / 2
        return self.centre_x - half, self.centre_x + half

    def visible_dt(self, look_ahead_s: float) -> tuple[float, float]:
        """The (oldest, newest) dt_s that can appear: from the rect's bottom to the far end."""
        rise = -(self.bottom - self.hit_y) / (self.hit_y - self.far_y)
        d = self.depth
        z = rise / (d - rise * (d - 1.0))  # the inverse of `rise`
        return z * look_ahead_s, look_ahead_s
