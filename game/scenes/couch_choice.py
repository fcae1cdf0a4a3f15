"""What each seated player picks on the join screen, and the rules that tie the two panels together.

Each player has their own cursor and ready flag and moves them with their own pads or keys, at the
same time as the other. The values:
- Versus: each player's own difficulty and lane layout, and a side of the screen. There is one
  side per player, so picking a side moves the other player to the other one (one flag,
  `player_1_left`, holds both sides and can never collide).
Difficulty, layout and row lists wrap around: a player at a shared kit has only the pads on their
side of it, which may not include both directions. The side goes where the player points.
- Shared Kit: one chart, one highway, so difficulty and layout are the team's: either player may
  change them, and a change takes back the partner's "ready" (they agreed to something else).
A ready player's cursor is locked; BACK first takes the ready back, and only then leaves the seat.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from game.chart.model import Difficulty
from game.engine.couch import CouchMode
from game.input.raw import MenuAction
from game.scenes.navigate import cycle, move

PLAYERS = 2


class Row(StrEnum):
    DIFFICULTY = "difficulty"
    LAYOUT = "layout"
    SIDE = "side"


@dataclass(slots=True)
class Panel:
    difficulty: Difficulty
    layout: str
    row: int = 0
    ready: bool = False


class CouchChoices:
    def __init__(
        self,
        mode: CouchMode,
        difficulties: tuple[Difficulty, ...],
        layouts: tuple[str, ...],
        difficulty: Difficulty,
        layout: str,
    ) -> None:
        """`difficulty` and `layout` (one of `difficulties` and `layouts`) are where both start."""
        self.mode = mode
        self.difficulties = difficulties
        self.layouts = layouts
        self._start = (difficulty, layout)
        self.rows = (Row.DIFFICULTY, Row.LAYOUT) + ((Row.SIDE,) if mode is CouchMode.VERSUS else ())
        self.panels = [Panel(difficulty, layout) for _ in range(PLAYERS)]
        self.player_1_left = True

    @property
    def team(self) -> bool:
        """Shared Kit: difficulty and layout are one choice for both."""
        return self.mode is CouchMode.DUET

    def row(self, seat: int) -> Row:
        return self.rows[self.panels[seat].row]

    def on_left(self, seat: int) -> bool:
        """Whether the player sits on the left side of the screen (versus)."""
        return self.player_1_left == (seat == 0)

    def reset(self, seat: int) -> None:
        """The player left: their panel starts over (a Shared Kit's team choice stays)."""
        panel = self.panels[seat]
        if not self.team:
            panel.difficulty, panel.layout = self._start
        panel.row, panel.ready = 0, False

    def act(self, seat: int, action: MenuAction) -> bool:
        """Apply the player's menu verb; True when they asked to leave their seat."""
        panel = self.panels[seat]
        if action is MenuAction.BACK:
            if not panel.ready:
                return True
            panel.ready = False
        elif action is MenuAction.SELECT:
            panel.ready = True
        elif panel.ready:
            return False
        elif action in (MenuAction.UP, MenuAction.DOWN):
            panel.row = move(panel.row, -1 if action is MenuAction.UP else 1, len(self.rows))
        elif action in (MenuAction.LEFT, MenuAction.RIGHT):
            self._change(seat, -1 if action is MenuAction.LEFT else 1)
        return False

    def _change(self, seat: int, delta: int) -> None:
        row = self.row(seat)
        if row is Row.SIDE:
            self.player_1_left = (delta < 0) == (seat == 0)
            return
        mine = self.panels[seat]
        difficulty, layout = mine.difficulty, mine.layout
        if row is Row.DIFFICULTY:
            difficulty = Difficulty(cycle(self.difficulties, difficulty, delta, wrap=True))
        else:
            layout = str(cycle(self.layouts, layout, delta, wrap=True))
        changed = (difficulty, layout) != (mine.difficulty, mine.layout)
        for panel in self.panels if self.team else [mine]:
            panel.difficulty, panel.layout = difficulty, layout
            if changed and panel is not mine:
                panel.ready = False
