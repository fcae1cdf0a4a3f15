"""What every play screen does the same way, for one player or two: the session (engine, audio,
clock, router), autoplay devices, the count-in, the pause menu (resume, restart, quit), notices,
pausing when the window loses focus, and finishing when the session says the song is over.

Subclasses say what a routed hit flashes, how to draw the song, how to start again and what to
hand over at the end. Nothing here judges a hit.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pygame

from game.audio.stems import SongAudio
from game.chart.model import Song
from game.chart.piece import KitPiece
from game.engine.hit import HitInput
from game.input.autoplay_device import DEVICE as AUTOPLAY_DEVICE
from game.input.autoplay_device import AutoplayDevice
from game.input.raw import MenuAction, RawHit
from game.input.router import Router
from game.render.hud import PlayLayout
from game.render.overlay import draw_notice, draw_paused
from game.render.popup import draw_count_in
from game.scenes.base import Scene
from game.scenes.navigate import NoticeLine
from game.scenes.play_session import E, Latencies, PlaySession
from game.scenes.services import Services

PAUSE_ITEMS = ("Resume", "Restart", "Quit to song list")


def latencies_from(services: Services) -> Latencies:
    settings = services.settings
    inputs = {name: ms / 1000 for name, ms in settings.players.device_offsets_ms.items()}
    inputs["keyboard"] = settings.input.keyboard_offset_ms / 1000
    inputs[AUTOPLAY_DEVICE] = 0.0
    return Latencies(settings.audio.audio_offset_ms / 1000, settings.video.video_offset_ms / 1000, inputs)


def open_session(
    services: Services,
    song: Song,
    engine: E,
    window_s: float,
    device_players: Mapping[str, int] | None = None,
    shared_owner: Callable[[KitPiece, float], int] | None = None,
    strict: bool = False,
) -> PlaySession[E]:
    """A session for `engine` with the song's audio (when there is a mixer) and the player's
    offsets; hits are routed by `device_players` (see `Router`, and its `strict`)."""
    mixer = services.mixer
    audio = SongAudio.for_song(song, mixer) if mixer is not None else None
    if audio is not None:
        volume = services.settings.audio
        audio.set_volumes(volume.music_volume, volume.drum_stem_volume)
    latencies = latencies_from(services)
    router = Router(device_players, latencies.input_s, shared_owner, strict)
    return PlaySession(song, engine, router, latencies, audio, services.kit, window_s)


class PlayingScene(Scene, ABC):
    drums_first = True

    screen: Any  # draw(surface, now, wall_time, effects, poll) and count_in(now) -> (label, phase)
    effects: Any  # what the screen shows of past judgements (fed by the subclass)

    def __init__(
        self,
        services: Services,
        song: Song,
        session: PlaySession[Any],
        autoplay: Sequence[AutoplayDevice],
        on_finished: Callable[[Any], None] | None = None,
    ):
        self.services = services
        self._on_finished = on_finished
        self.song = song
        self.session = session
        self._autoplay = tuple(autoplay)
        self._wall = 0.0  # the newest loop pass, for stamping effects of judgements
        self._paused_index: int | None = None
        self._notice = NoticeLine(len(services.notices))
        self.visual_time = -math.inf
        self._ended = False

    @property
    def autoplay(self) -> bool:
        return bool(self._autoplay)

    @property
    def paused(self) -> bool:
        return self._paused_index is not None

    @abstractmethod
    def _on_routed(self, hit: RawHit, item: HitInput) -> None:
        """`hit` reached the engine as `item` (routed to its player): flash what it struck."""

    @abstractmethod
    def _restarted(self) -> Scene:
        """A fresh scene for the same song and setup."""

    @abstractmethod
    def _hand_over(self, wall_time: float) -> None:
        """The engine is finished: hand the outcome on (results, or the caller's callback)."""

    @abstractmethod
    def _count_in_layout(self) -> PlayLayout:
        """The layout whose highway the count-in centres on."""

    def _deliver(self, outcome: Any, results: Callable[[], Scene], wall_time: float) -> None:
        """The outcome goes to `on_finished` if one was given, else the results scene replaces this."""
        if self._on_finished is not None:
            self._on_finished(outcome)
        else:
            self.services.scenes.replace(results(), wall_time)

    def _draw_extras(self, surface: pygame.Surface, now: float) -> None:
        """Anything a subclass shows between the count-in and the notice line."""

    def enter(self, wall_time: float) -> None:
        if self.services.mixer is None:
            self.services.notice("No audio device: playing silently")
        self._wall = wall_time
        self.session.start(wall_time)

    def leave(self) -> None:
        self.session.close()

    def on_hit(self, hit: RawHit) -> None:
        if self._paused_index is not None or self._ended:
            return
        item = self.session.hit(hit)
        if item is not None:
            self._on_routed(hit, item)

    def on_focus_lost(self, wall_time: float) -> None:
        if self._paused_index is None and not self._ended:
            self._pause(wall_time)

    def _pause(self, wall_time: float) -> None:
        self._paused_index = 0
        self.session.pause(wall_time)

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action is MenuAction.FULLSCREEN:
            from game.scenes.navigate import toggle_fullscreen

            toggle_fullscreen(self.services)
            return
        if self._paused_index is None:
            if action in (MenuAction.PAUSE, MenuAction.BACK) and not self._ended:
                self._pause(wall_time)
            return
        if action in (MenuAction.UP, MenuAction.DOWN):
            step = -1 if action is MenuAction.UP else 1
            self._paused_index = (self._paused_index + step) % len(PAUSE_ITEMS)
        elif action in (MenuAction.BACK, MenuAction.PAUSE):
            self._resume(wall_time)
        elif action is MenuAction.SELECT:
            self._choose(PAUSE_ITEMS[self._paused_index], wall_time)

    def _resume(self, wall_time: float) -> None:
        self._paused_index = None
        self.session.resume(wall_time)

    def _choose(self, item: str, wall_time: float) -> None:
        if item == "Resume":
            self._resume(wall_time)
        elif item == "Restart":
            self.services.scenes.replace(self._restarted(), wall_time)
        else:
            from game.scenes.navigate import go_song_select

            go_song_select(self.services, wall_time)

    def update(self, wall_time: float) -> None:
        self._wall = wall_time
        if self._paused_index is not None or self._ended:
            return
        if self._autoplay:
            now = self.session.now(wall_time)
            for device in self._autoplay:
                for hit in device.due(now, wall_time):
                    self.on_hit(hit)
        self.session.update(wall_time)
        if self.session.finished(wall_time):
            self._ended = True
            self.session.finish()
            self._hand_over(wall_time)

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        now = self.session.clock.visual_time(wall_time)
        self.visual_time = now
        self.screen.draw(surface, now, wall_time, self.effects, self.services.poll_input)
        theme = self.services.theme
        label, phase = self.screen.count_in(now)
        if label:
            draw_count_in(surface, theme, self._count_in_layout(), label, phase)
        self._draw_extras(surface, now)
        notice = self._notice.text(self.services.notices, self._wall)
        if notice:
            draw_notice(surface, theme, notice)
        if self._paused_index is not None:
            draw_paused(surface, theme, PAUSE_ITEMS, self._paused_index, "Esc: resume")
