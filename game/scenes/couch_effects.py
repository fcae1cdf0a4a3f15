"""What the two-player screen remembers between frames, per player: a `PlayEffects` each.

In a duet both players play one highway: their effects share the sets of hit and missed notes
(indices into the one chart, each owned by one player) and every pad flashes the one kit (player
1's effects hold the flashes), while popups and combo pops stay each player's own. In versus each
player's effects belong to their own highway. Judgements are handed to the effects of the player
they name; nothing here judges.
"""

from __future__ import annotations

from collections.abc import Sequence

from game.chart.layout import LaneLayout
from game.chart.piece import KitPiece
from game.engine.judge import Judged
from game.scenes.play_effects import PlayEffects


class CouchEffects:
    def __init__(self, layouts: tuple[LaneLayout, LaneLayout], one_highway: bool):
        self.one_highway = one_highway
        if one_highway:
            hit: set[int] = set()
            missed: set[int] = set()
            self.players = (PlayEffects(layouts[0], hit, missed), PlayEffects(layouts[1], hit, missed))
        else:
            self.players = (PlayEffects(layouts[0]), PlayEffects(layouts[1]))

    def highway(self, player: int) -> PlayEffects:
        """The effects that hold `player`'s highway (hidden notes, lane flashes)."""
        return self.players[0 if self.one_highway else player]

    def on_pad(self, player: int, piece: KitPiece, wall_time: float) -> None:
        self.highway(player).on_pad(piece, wall_time)

    def on_judged(self, judged: Sequence[Judged], wall_time: float) -> None:
        for player, effects in enumerate(self.players):
            mine = [event for event in judged if event.player == player]
            if mine:
                effects.on_judged(mine, wall_time)
