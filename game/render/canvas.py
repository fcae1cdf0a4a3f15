"""The play frame's opaque base, kept composited off screen and copied to the screen in one blit.

Most of a play frame repeats the frame before: the backdrop with the HUD's still parts, the
highways' stages, and the HUD cards (score, accuracy, tally, badges, song progress), which change
only on a hit, a second of clock, a pixel of progress or a fever toggle. Drawing them afresh cost
a dozen blits, opaque and alpha, every frame. A `Canvas` keeps them composited on one full-screen
surface and redraws a part only when what it shows has changed (each part is named and keyed by
a state: `Canvas.stale`); a frame then starts with a single opaque full-screen copy, about as
cheap as clearing the screen (and made so that it leaves the screen in the CPU cache: see
`cached_copy_source`). The caller draws what moves every frame over that copy: the highways'
traffic, the combo, popups.

`PlayCanvas` is the single-player screen's (one highway; see `PlayScreen`); the two-player screens
keep theirs in `couch_frame.CouchCanvas`.

The canvas is an off-screen surface of its own: nothing relies on the display keeping its pixels
between flips, and overlays drawn on the screen never leak into later frames.
"""

from __future__ import annotations

from collections.abc import Hashable

import pygame

from game.render.geometry import HighwayGeometry
from game.render.hud import HudView, PlayLayout, card_state, draw_hud_cards, draw_play_backdrop
from game.render.skin import HighwaySkin
from game.render.theme import Theme


class Canvas:
    """A full-screen opaque base whose named parts are redrawn only when their state changes."""

    def __init__(self) -> None:
        self._base: pygame.Surface | None = None
        self._keys: tuple[object, ...] = ()
        self._states: dict[Hashable, object] = {}  # part -> the state drawn on the base

    def open(self, size: tuple[int, int], keys: tuple[object, ...]) -> tuple[pygame.Surface, bool]:
        """The base for `keys`, and whether it is new (blank: every part must be drawn).

        Keys are compared by identity, not equality: callers keep one layout (and geometry,
        backdrop) per window size, and comparing them field by field every frame would cost more
        than the check saves. A new key or size starts a blank base."""
        base, old = self._base, self._keys
        if base is None or len(keys) != len(old) or any(k is not o for k, o in zip(keys, old, strict=True)):
            base = None
        if base is None or base.get_size() != size:
            self._base, self._keys, self._states = cached_copy_source(size), keys, {}
            return self._base, True
        return base, False

    def stale(self, part: Hashable, state: object) -> bool:
        """Whether `part` must be drawn to show `state`; it then counts as drawn."""
        if part in self._states and self._states[part] == state:
            return False
        self._states[part] = state
        return True

    def show(self, surface: pygame.Surface) -> None:
        """Copy the base onto `surface` (call after `open` and drawing what was stale)."""
        assert self._base is not None, "open the canvas first"
        surface.blit(self._base, (0, 0))


class PlayCanvas:
    """The base of one play screen: a layout with one highway drawn by `skin`."""

    def __init__(self, theme: Theme, skin: HighwaySkin):
        self.theme = theme
        self.skin = skin
        self._canvas = Canvas()

    def draw(
        self, surface: pygame.Surface, layout: PlayLayout, geometry: HighwayGeometry, view: HudView, fever: bool
    ) -> None:
        """Copy the base onto `surface` (of `layout.size`), first redrawing the parts that changed."""
        canvas = self._canvas
        base, _ = canvas.open(layout.size, (layout, geometry))
        if canvas.stale("stage", fever):
            base.blit(self.skin.prepare(geometry, layout.size).stage(fever), (geometry.left, geometry.top))
        if canvas.stale("cards", card_state(layout, view)):
            draw_play_backdrop(base, self.theme, layout, view)  # the side columns, cards erased
            draw_hud_cards(base, self.theme, layout, view)
        canvas.show(surface)


def cached_copy_source(size: tuple[int, int]) -> pygame.Surface:
    """A blank opaque surface of `size` whose copies leave their destination in the CPU cache.

    SDL copies a surface whose rows start on 16-byte boundaries with streaming (non-temporal)
    stores: fast, but the written screen is then out of the cache, and every blit after it (notes,
    flashes, text) misses on each row it touches, which tripled their cost in the frame benchmark.
    Rows one or two pixels longer than the view (a subsurface of a wider surface) are copied with
    ordinary stores, as fast, and what is drawn next finds the screen cached."""
    width, height = size
    pad = 1 if (width + 1) % 4 else 2  # the row pitch, 4 * (width + pad) bytes, must not divide by 16
    wide = pygame.Surface((width + pad, height))
    if pygame.display.get_surface() is not None:
        wide = wide.convert()
    return wide.subsurface((0, 0, width, height))
