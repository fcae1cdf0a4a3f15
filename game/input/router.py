"""Routing: every raw hit belongs to exactly one player before it reaches an engine, and becomes
an engine input on the chart timeline through the song clock (with its device's input latency).

A device belongs to one player, or is shared (`SHARED_DEVICE`): one kit or one keyboard two
people play together, split by pads. A shared device's hit goes to whoever owns its pad at the
hit's song time (`shared_owner`, the duet engine's ownership). A device nobody joined with goes
to player 1 in single player; with `strict` (two players) it plays for nobody: `to_input` gives
None, so a third kit or an unseated half of the keyboard never scores for anyone.

Input latency is looked up by device name; a couch half of the keyboard ("keyboard.p2") and a
per-player autoplay ("autoplay.p1") take the latency of their family ("keyboard", "autoplay").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from game.chart.piece import KitPiece
from game.engine.hit import HitInput
from game.input.raw import RawHit
from game.timing.clock import SongClock

SHARED_DEVICE = -1
FAMILY_SEPARATOR = "."
DEVICE_FAMILIES = ("keyboard", "autoplay")


def device_family(device: str) -> str:
    """'keyboard.p2' -> 'keyboard'; any other name (a MIDI port) is its own family."""
    family, dot, _ = device.partition(FAMILY_SEPARATOR)
    return family if dot and family in DEVICE_FAMILIES else device


class Router:
    def __init__(
        self,
        device_players: Mapping[str, int] | None = None,
        input_latency_s: Mapping[str, float] | None = None,
        shared_owner: Callable[[KitPiece, float], int] | None = None,
        strict: bool = False,
    ):
        self._players = dict(device_players or {})
        self._strict = strict
        self._latency = dict(input_latency_s or {})
        self._shared_owner = shared_owner

    def latency_s(self, device: str) -> float:
        if device in self._latency:
            return self._latency[device]
        return self._latency.get(device_family(device), 0.0)

    def player_of(self, hit: RawHit, song_time: float) -> int | None:
        player = self._players.get(hit.device, None if self._strict else 0)
        if player == SHARED_DEVICE:
            return self._shared_owner(hit.piece, song_time) if self._shared_owner is not None else 0
        return player

    def to_input(self, hit: RawHit, clock: SongClock) -> HitInput | None:
        song_time = clock.input_time(hit.wall_time, self.latency_s(hit.device))
        player = self.player_of(hit, song_time)
        return None if player is None else HitInput(song_time, hit.piece, hit.velocity, player)
