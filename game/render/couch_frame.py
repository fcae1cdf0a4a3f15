"""The two-player screen's base (`CouchCanvas`): the night sky with every still HUD part baked in,
each highway's stage, and the HUD's regions, kept composited on one `Canvas` and copied to the
screen in one blit.

The HUD comes in regions (a box, a hashable state and a drawing). A region is drawn again only
when its state changes (states must be coarse: whole seconds, quantised levels, no animation
ages), over the backdrop restored under its box; a stage is blitted again when the fever look
changes, or when a region it overlaps was redrawn (stages lie on top of the HUD, as they covered
it when each frame drew them afresh). Regions must not overlap one another. So most frames pay one
opaque full-screen copy for everything but the traffic on the highways and the live parts (combos,
popups), which the screen draws over it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence

import pygame

from game.render.canvas import Canvas
from game.render.couch_layout import Box, CouchLayout
from game.render.theme import Theme

Region = tuple[Box, Hashable, Callable[[pygame.Surface], None]]  # where, what it shows, how to draw it
Stage = tuple[pygame.Surface, tuple[int, int]]  # a highway's opaque stage and its top-left corner


class CouchCanvas:
    def __init__(self) -> None:
        self._canvas = Canvas()
        self._backdrop: tuple[CouchLayout | None, Hashable, pygame.Surface | None] = (None, None, None)

    def draw(
        self,
        surface: pygame.Surface,
        theme: Theme,
        layout: CouchLayout,
        key: Hashable,
        still: Callable[[pygame.Surface], None],
        stages: Sequence[Stage],
        regions: Sequence[Region],
    ) -> None:
        """Copy the base onto `surface`, first redrawing what changed. `key` must name everything
        `still` draws; `stages` are in the same order every frame."""
        backdrop = self.backdrop(theme, layout, key, still)
        canvas = self._canvas
        base, fresh = canvas.open(layout.size, (layout, backdrop))
        if fresh:
            base.blit(backdrop, (0, 0))
        redrawn = []
        for box, state, paint in regions:
            if canvas.stale(box, state):
                base.blit(backdrop, box[:2], box)
                paint(base)
                redrawn.append(box)
        for index, (stage, at) in enumerate(stages):
            covered = redrawn and pygame.Rect(at, stage.get_size()).collidelist(redrawn) >= 0
            if canvas.stale(index, stage) or covered:
                base.blit(stage, at)
        canvas.show(surface)

    def backdrop(
        self, theme: Theme, layout: CouchLayout, key: Hashable, still: Callable[[pygame.Surface], None]
    ) -> pygame.Surface:
        """The sky with `still` drawn on it, once per layout and `key`."""
        old_layout, old_key, found = self._backdrop
        if found is None or layout is not old_layout or key != old_key:
            found = theme.background(layout.size, "play").copy()
            still(found)
            if pygame.display.get_surface() is not None:
                found = found.convert()
            self._backdrop = (layout, key, found)
        return found
