"""The two-player results: both players' numbers side by side, and the team's or the winner's.

The words are built here from the outcome's report (`couch_report`): a Shared Kit's sync figure
gets a word, and the median offset between the two players' shared notes says who played behind
whom; versus names the winner by normalised score. Couch plays are not stored in the
single-player best-score table: a duet part or a handicapped versus chart is not a solo run.

SELECT or BACK returns to song select; RETRY plays the same song with the same setup again.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.engine.couch import CouchMode
from game.input.raw import MenuAction
from game.render.couch_results import Banner, CouchResultsView, PlayerCard, draw_couch_results
from game.render.fonts import TIMES
from game.render.overlay import draw_notice
from game.render.theme import GOLD, PLAYER_COLOURS
from game.scenes.base import Scene
from game.scenes.couch_panel import SPLIT_LABELS
from game.scenes.couch_setup import CouchOutcome
from game.scenes.navigate import LAYOUT_LABELS, NoticeLine, go_song_select, start_couch, toggle_fullscreen
from game.scenes.services import Services

HINTS = (("Enter", "continue"), ("R", "retry"))
# Sync figure (percent) -> word, the first threshold reached.
SYNC_WORDS = ((95.0, "One heartbeat!"), (85.0, "In sync"), (70.0, "Close"), (50.0, "Loose"), (0.0, "Out of step"))


def sync_word(figure: float) -> str:
    return next(word for threshold, word in SYNC_WORDS if figure >= threshold)


def offset_text(team: dict[str, Any]) -> str:
    """Who played behind whom on the notes both played together (positive median = P2 later)."""
    median = (team.get("offset_ms") or {}).get("median")
    if median is None:
        return "no shared notes to compare"
    later = team.get("later_player")
    if later is None:
        return "P1 and P2 hit together"
    earlier = 3 - later
    return f"P{later} played {abs(median):.0f} ms behind P{earlier}"


def winner_text(team: dict[str, Any]) -> str:
    winner = team.get("winner")
    return "DRAW!" if winner is None else f"P{winner} WINS!"


class CouchResultsScene(Scene):
    def __init__(self, services: Services, outcome: CouchOutcome) -> None:
        self.services = services
        self.outcome = outcome
        self.team: dict[str, Any] = outcome.report.get("team", {})
        self.versus = outcome.setup.mode is CouchMode.VERSUS
        self._opened = 0.0
        self._notice = NoticeLine(len(services.notices))

    def enter(self, wall_time: float) -> None:
        self._opened = wall_time

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action in (MenuAction.SELECT, MenuAction.BACK):
            go_song_select(self.services, wall_time)
        elif action is MenuAction.RETRY:
            start_couch(self.services, self.outcome.song, self.outcome.setup, wall_time)
        elif action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)

    def banner(self) -> Banner:
        team = self.team
        if self.versus:
            winner = team.get("winner")
            colour = GOLD if winner is None else PLAYER_COLOURS[winner - 1]
            scores = team.get("normalised") or [0, 0]
            figures = [(f"P{p + 1} NORMALISED", f"{scores[p]:,}", "of 1,000,000") for p in range(2)]
            margin = (
                "MARGIN",
                f"{abs(scores[0] - scores[1]):,}",
                "level: within 0.5 %" if winner is None else "points",
            )
            return Banner(winner_text(team), "VERSUS", colour, [*figures, margin])
        sync = float(team.get("sync") or 0.0)
        fever = int((team.get("fever") or {}).get("activations", 0))
        pairs = int((team.get("offset_ms") or {}).get("count", 0))
        figures = [
            ("SYNC", f"{sync:.0f}%", sync_word(sync)),
            ("TOGETHER", offset_text(team), f"median over {pairs:,} shared notes"),
            ("TEAM ACCURACY", f"{float(team.get('accuracy') or 0.0):.2f}%", "both players' notes"),
            ("FEVER", f"{TIMES}{fever}", "shared fever activated" if fever else "not activated"),
        ]
        return Banner(f"{int(team.get('score', 0)):,}", "TEAM SCORE", GOLD, figures)

    def cards(self) -> list[PlayerCard]:
        outcome = self.outcome
        cards = []
        for player, result in enumerate(outcome.results):
            entry = outcome.report["players"][player]
            params = outcome.setup.params[player]
            layout = LAYOUT_LABELS.get(entry.get("layout", ""), (entry.get("layout", ""), ""))[0]
            subtitle = f"{params.difficulty.value.title()} \u00b7 {layout}"
            stats = [("FEVER", f"{result.fever_activations} {TIMES} activated")]
            if self.versus:
                stats = [("NORMALISED", f"{int(entry.get('normalised_score', 0)):,}"), *stats]
            else:
                stats = [("YOUR NOTES", f"{result.notes:,} of {sum(r.notes for r in outcome.results):,}")]
            cards.append(PlayerCard(player, result, subtitle, params.scaled_windows, stats))
        if self.versus and not outcome.setup.player_1_left:
            cards.reverse()
        return cards

    def view(self, wall_time: float) -> CouchResultsView:
        info = self.outcome.song.info
        split = SPLIT_LABELS[self.outcome.setup.split].capitalize()
        subtitle = "Versus" if self.versus else f"Shared Kit \u00b7 {split}"
        title = f"{info.title} \u00b7 {info.artist}" if info.artist else info.title
        return CouchResultsView(title, subtitle, self.cards(), self.banner(), HINTS, wall_time - self._opened)

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        draw_couch_results(surface, self.services.theme, self.view(wall_time))
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))
