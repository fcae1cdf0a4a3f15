"""The game window: resizable, optionally fullscreen, vsync off by default (a flip that waits for
the display would stall the 1 kHz input loop)."""

from __future__ import annotations

import logging

import pygame

log = logging.getLogger(__name__)

TITLE = "Drumstick Diplomacy"


class WindowError(RuntimeError):
    """No window could be opened (no display, or a driver SDL cannot use)."""


class Window:
    def __init__(self, size: tuple[int, int], fullscreen: bool = False, vsync: bool = False):
        pygame.display.set_caption(TITLE)
        self._vsync = vsync
        self.surface = self._open(size, fullscreen)

    def _open(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        flags = pygame.RESIZABLE | (pygame.FULLSCREEN if fullscreen else 0)
        try:
            return pygame.display.set_mode(size, flags, vsync=int(self._vsync))
        except pygame.error as error:  # vsync is refused by some drivers: fall back without it
            log.info("could not open the window with vsync=%s (%s); trying without", self._vsync, error)
        try:
            return pygame.display.set_mode(size, flags)
        except pygame.error as error:
            raise WindowError(f"cannot open a window ({error}); headless machines can use `play --headless`") from None

    def toggle_fullscreen(self) -> None:
        pygame.display.toggle_fullscreen()
        self.surface = pygame.display.get_surface()

    def on_event(self, event: pygame.event.Event) -> None:
        self.surface = pygame.display.get_surface()
