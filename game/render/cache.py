"""A bounded, least-recently-used store of rendered surfaces.

Caches here hold pictures that are slow to make (text, glows, panels). When one fills up, the
quarter used longest ago is dropped; pictures drawn every frame (the play backdrop, the combo
digits) are touched every frame and so are never the ones to go mid-song.
"""

from __future__ import annotations

from collections.abc import Hashable

import pygame


class SurfaceCache:
    def __init__(self, limit: int):
        self.limit = max(limit, 4)
        self._items: dict[Hashable, pygame.Surface] = {}  # insertion order = recency

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> pygame.Surface | None:
        found = self._items.pop(key, None)
        if found is not None:
            self._items[key] = found
        return found

    def put(self, key: Hashable, surface: pygame.Surface) -> pygame.Surface:
        if len(self._items) >= self.limit:
            for old in list(self._items)[: self.limit // 4]:
                del self._items[old]
        self._items[key] = surface
        return surface
