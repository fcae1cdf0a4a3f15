"""Routing: every raw hit belongs to exactly one player before it reaches an engine, and becomes
an engine input on the chart timeline through the song clock (with its device's input latency)."""

from __future__ import annotations

from collections.abc import Mapping

from game.engine.hit import HitInput
from game.input.raw import RawHit
from game.timing.clock import SongClock


class Router:
    def __init__(
        self, device_players: Mapping[str, int] | None = None, input_latency_s: Mapping[str, float] | None = None
    ):
        self._players = dict(device_players or {})
        self._latency = dict(input_latency_s or {})

    def player_of(self, hit: RawHit) -> int:
        return self._players.get(hit.device, 0)

    def to_input(self, hit: RawHit, clock: SongClock) -> HitInput:
        song_time = clock.input_time(hit.wall_time, self._latency.get(hit.device, 0.0))
        return HitInput(song_time, hit.piece, hit.velocity, self.player_of(hit))
