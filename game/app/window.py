"""The game window: resizable, optionally fullscreen, vsync off by default (a flip that waits for
the display would stall the 1 kHz input loop)."""

from __future__ import annotations

import logging

import pygame

log = logging.getLogger(__name__)

TITLE = "Drumstick Diplomacy"


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
            log.warning("could not open the window with vsync (%s); opening without", error)
            return pygame.display.set_mode(size, flags)

    def toggle_fullscreen(self) -> None:
        pygame.display.toggle_fullscreen()
        self.surface = pygame.display.get_surface()

    def on_event(self, event: pygame.event.Event) -> None:
        self.surface = pygame.display.get_surface()
