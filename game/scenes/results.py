"""The results screen, and storing a finished play (best score, history, replay file)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import pygame

from game.input.raw import MenuAction
from game.persistence.replay_file import save_replay
from game.persistence.scores import PlayRecord, ScoreStoreError
from game.render.overlay import draw_notice
from game.render.results import ResultsView, draw_results
from game.scenes.base import Scene
from game.scenes.navigate import NoticeLine
from game.scenes.play import PlayOutcome, PlayScene
from game.scenes.services import Services
from game.timing.calibration import offset_from_hit_errors

log = logging.getLogger(__name__)


def record_outcome(services: Services, outcome: PlayOutcome) -> PlayOutcome:
    """Store the play; returns the outcome marked `new_best` when it is one. Never raises."""
    played_at = services.now_iso()
    new_best = False
    if services.scores is not None:
        record = PlayRecord.from_result(
            outcome.result,
            song_id=outcome.song_id,
            title=outcome.song.info.title,
            artist=outcome.song.info.artist,
            difficulty=outcome.params.difficulty,
            layout=outcome.params.lane_layout(outcome.song.chart).name,
            played_at=played_at,
        )
        try:
            new_best = services.scores.record(record)
        except ScoreStoreError as error:
            services.notice(f"score not saved: {error}")
    if services.replays_dir is not None:
        name = f"{outcome.song_id}-{re.sub(r'[^0-9A-Za-z]+', '', played_at)}.replay.json"
        try:
            save_replay(services.replays_dir / name, outcome.replay)
        except OSError as error:
            services.notice(f"replay not saved: {error.strerror or error}")
    return replace(outcome, new_best=new_best)


class ResultsScene(Scene):
    def __init__(self, services: Services, outcome: PlayOutcome):
        self.services = services
        self.outcome = outcome
        self.suggested_ms = offset_from_hit_errors(outcome.result.hit_errors_ms)
        self._opened = 0.0
        self._applied = False
        self._notice = NoticeLine(len(services.notices))

    def enter(self, wall_time: float) -> None:
        self._opened = wall_time

    def hints(self) -> list[tuple[str, str]]:
        hints = [("Enter", "continue"), ("R", "retry")]
        if self.suggested_ms is not None and not self._applied:
            hints.append(("O", f"use suggested offset ({self.suggested_ms:+.0f} ms)"))
        return hints

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action in (MenuAction.SELECT, MenuAction.BACK):
            from game.scenes.navigate import go_song_select

            go_song_select(self.services, wall_time)
        elif action is MenuAction.RETRY:
            scene = PlayScene(self.services, self.outcome.song, self.outcome.params)
            self.services.scenes.replace(scene, wall_time)
        elif action is MenuAction.OFFSET and self.suggested_ms is not None and not self._applied:
            self.apply_suggested_offset()

    def apply_suggested_offset(self) -> None:
        """Hits were late by the median error on average: the audio reaches the ear that much later
        than assumed, so the audio latency grows by it (and the reverse for early hits)."""
        assert self.suggested_ms is not None
        audio = self.services.settings.audio
        new_ms = min(max(audio.audio_offset_ms + self.suggested_ms, -500.0), 500.0)
        self.services.update_settings(self.services.settings.replace_in("audio", audio_offset_ms=round(new_ms, 1)))
        self._applied = True
        self.services.notice(f"audio offset set to {new_ms:.0f} ms")

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        outcome = self.outcome
        view = ResultsView(
            outcome.result,
            outcome.song.info.title,
            outcome.song.info.artist,
            outcome.params.difficulty.value.title(),
            outcome.params.scaled_windows,
            outcome.new_best,
            self.hints(),
            wall_time - self._opened,
        )
        draw_results(surface, self.services.theme, view)
        notice = self._notice.text(self.services.notices, wall_time)
        if notice:
            draw_notice(surface, self.services.theme, notice)
