"""Calibration: measure the audio and video latencies by tapping along, and save them as offsets.

Audio test: a 90 BPM click track streams through `SongAudio`, so it has a mixer position; a
`SongClock` (no offsets) sampled from that position every update puts each tap on the audio
timeline, where the clicks are `ClickTrack.beat_times_s`. The player hears a click `latency`
seconds after it is mixed and taps on what they hear, so the taps land late by that latency:
    audio_offset_ms = +median(tap - click)      (taps late by 30 ms -> audio offset +30 ms)
which is the positive latency the song clock subtracts (game.timing.clock). The light stays dark
apart from a flash on each tap: a beat light would let the player follow the picture instead.

Video test: no sound; the light flashes every beat on a wall-time clock, drawn with no video
offset. Taps land late by the video latency: video_offset_ms = +median(tap - flash).

Each tap is corrected by its device's known input latency before either test (the keyboard's is
input.keyboard_offset_ms, 0 unless set), so what remains is the audio or video latency alone.
Without an audio device only the video test is offered; the audio test then runs on wall time,
which is what the tests drive.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

import pygame

from game.audio.click import build_click_track, write_click_wav
from game.audio.stems import SongAudio
from game.input.raw import MenuAction, RawHit
from game.render.calibration import CalibrationView, draw_calibration
from game.render.fonts import CHEVRON_RIGHT
from game.render.overlay import draw_notice
from game.scenes.base import Scene
from game.scenes.navigate import NoticeLine, move, toggle_fullscreen
from game.scenes.services import Services
from game.timing.calibration import TapResult, tap_offset, video_offset_from_flash
from game.timing.clock import SongClock

log = logging.getLogger(__name__)

BPM = 90.0
PERIOD_S = 60.0 / BPM
BEATS = 32  # ~21 s: room for the target taps after a slow start
LEAD_IN_S = 1.0
TARGET_TAPS = 16  # the test ends early once this many steady taps agree
RECENT_TAPS = 8


class Measure(Enum):
    """What a tap test measures."""

    AUDIO = "audio"
    VIDEO = "video"


class Phase(Enum):
    CHOOSE = "choose"
    RUNNING = "running"
    RESULT = "result"


@dataclass(slots=True)
class TapRun:
    """One test: beat times and taps (seconds, on the test clock's timeline, input latency removed)."""

    measure: Measure
    beats: tuple[float, ...]
    taps: list[float] = field(default_factory=list)

    def result(self) -> TapResult:
        if self.measure is Measure.VIDEO:
            return video_offset_from_flash(self.taps, self.beats, PERIOD_S)  # taps already corrected
        return tap_offset(self.taps, self.beats, PERIOD_S)

    def recent_errors_ms(self) -> list[float]:
        return [1000.0 * (tap - min(self.beats, key=lambda b: abs(tap - b))) for tap in self.taps[-RECENT_TAPS:]]

    def over(self, time_s: float) -> bool:
        return time_s > self.beats[-1] + PERIOD_S

    def phase_at(self, time_s: float) -> float:
        """0 on each beat, rising to 1 just before the next; 1 (dark) before the first."""
        return ((time_s - self.beats[0]) / PERIOD_S) % 1.0 if time_s >= self.beats[0] else 1.0


class CalibrationScene(Scene):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.phase = Phase.CHOOSE
        self.choice = 0
        self.run: TapRun | None = None
        self.result: TapResult | None = None
        self.live: TapResult | None = None
        self._clock = SongClock()
        self._audio: SongAudio | None = None
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._last_tap_wall: float | None = None
        self._notice = NoticeLine(len(services.notices))

    # -- menus ------------------------------------------------------------------------------

    def options(self, phase: Phase | None = None) -> list[tuple[str, str]]:
        """(key, label) for the menu of `phase` (default: the current one)."""
        phase = phase or self.phase
        if phase is Phase.CHOOSE:
            audio = [("audio", "Audio: tap along to the click")] if self.services.mixer is not None else []
            return [*audio, ("video", "Video: tap along to the flash"), ("back", "Back")]
        if phase is Phase.RESULT and self.run is not None:
            save = []
            if self.result is not None and self.result.offset_ms is not None:
                save = [("save", f"Save {self.result.offset_ms:+.0f} ms as the {self.run.measure.value} offset")]
            return [*save, ("again", "Try again"), ("menu", "Back to the tests")]
        return []

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)
        elif self.phase is Phase.RUNNING:
            if action is MenuAction.SELECT:
                self._tap(wall_time, "keyboard")
            elif action is MenuAction.BACK:
                self._stop_audio()
                self.phase = Phase.CHOOSE
        elif action in (MenuAction.UP, MenuAction.DOWN):
            self.choice = move(self.choice, -1 if action is MenuAction.UP else 1, len(self.options()))
        elif action is MenuAction.SELECT:
            self._pick(self.options()[self.choice][0], wall_time)
        elif action is MenuAction.BACK:
            if self.phase is Phase.CHOOSE:
                self.services.scenes.pop(wall_time)
            else:
                self.phase, self.choice = Phase.CHOOSE, 0

    def _pick(self, key: str, wall_time: float) -> None:
        if key in ("audio", "video"):
            self.start_test(Measure(key), wall_time)
        elif key == "again" and self.run is not None:
            self.start_test(self.run.measure, wall_time)
        elif key == "save":
            self._save()
        elif key == "menu":
            self.phase, self.choice = Phase.CHOOSE, 0
        else:
            self.services.scenes.pop(wall_time)

    def _save(self) -> None:
        if self.run is None or self.result is None or self.result.offset_ms is None:
            return
        group, name = (
            ("audio", "audio_offset_ms") if self.run.measure is Measure.AUDIO else ("video", "video_offset_ms")
        )
        value = round(self.result.offset_ms, 1)
        try:
            self.services.update_settings(self.services.settings.replace_in(group, **{name: value}))
        except ValueError as error:
            self.services.notice(f"offset not saved: {error}")
            return
        self.services.notice(f"{self.run.measure.value} offset set to {value:+.0f} ms")
        choices = [key for key, _ in self.options(Phase.CHOOSE)]
        self.phase = Phase.CHOOSE
        self.choice = choices.index("video") if self.run.measure is Measure.AUDIO else choices.index("back")

    # -- a test -----------------------------------------------------------------------------

    def start_test(self, measure: Measure, wall_time: float) -> None:
        self._stop_audio()
        beats = tuple(LEAD_IN_S + index * PERIOD_S for index in range(BEATS))
        mixer = self.services.mixer
        if measure is Measure.AUDIO and mixer is not None:
            track = build_click_track(BPM, BEATS, mixer.frequency, lead_in_s=LEAD_IN_S)
            self._temp = tempfile.TemporaryDirectory(prefix="drum-calibration-")
            path = Path(self._temp.name) / "click.wav"
            write_click_wav(track, path, mixer.channels)
            self._audio = SongAudio({"song": path}, mixer)
            self._audio.set_volumes(self.services.settings.audio.music_volume)
            self._audio.start()
            beats = track.beat_times_s
        self._clock = SongClock()
        self._clock.start(wall_time, 0.0)
        self.run, self.result, self.live = TapRun(measure, beats), None, None
        self.phase, self._last_tap_wall = Phase.RUNNING, None

    def on_hit(self, hit: RawHit) -> None:
        if self.phase is Phase.RUNNING:
            self._tap(hit.wall_time, hit.device)

    def _tap(self, wall_time: float, device: str) -> None:
        if self.run is None:
            return
        self.run.taps.append(self._clock.song_time_at(wall_time) - self._input_latency_s(device))
        self._last_tap_wall = wall_time
        self.live = self.run.result() if len(self.run.taps) >= 2 else None

    def _input_latency_s(self, device: str) -> float:
        settings = self.services.settings
        if device == "keyboard":
            return settings.input.keyboard_offset_ms / 1000.0
        return settings.players.device_offsets_ms.get(device, 0.0) / 1000.0

    def update(self, wall_time: float) -> None:
        if self.phase is not Phase.RUNNING or self.run is None:
            return
        position = self._audio.position_s() if self._audio is not None else None
        if position is not None:
            self._clock.sample(wall_time, position)
        enough = self.live is not None and self.live.ok and self.live.used >= TARGET_TAPS
        if enough or self.run.over(self._clock.song_time_at(wall_time)):
            self._finish()

    def _finish(self) -> None:
        self._stop_audio()
        if self.run is not None:
            self.result = self.run.result()
            log.info("%s calibration: %s", self.run.measure.value, self.result)
        self.phase, self.choice = Phase.RESULT, 0

    def _stop_audio(self) -> None:
        if self._audio is not None:
            self._audio.close()
            self._audio = None
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def leave(self) -> None:
        self._stop_audio()

    # -- drawing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        draw_calibration(surface, self.services.theme, self.view(wall_time))
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))

    def view(self, wall_time: float) -> CalibrationView:
        run = self.run if self.phase is not Phase.CHOOSE else None
        shown = self.result if self.phase is Phase.RESULT else self.live
        ok = shown is not None and shown.ok
        return CalibrationView(
            beat_phase=self._beat_phase(wall_time),
            taps=len(run.taps) if run else 0,
            target_taps=TARGET_TAPS,
            estimate_ms=shown.offset_ms if ok and shown else None,
            spread_ms=shown.spread_s * 1000.0 if ok and shown and shown.spread_s is not None else None,
            recent_errors_ms=run.recent_errors_ms() if run else (),
            instructions=self._instructions(),
            title=f"{run.measure.value.upper()} CALIBRATION" if run else "CALIBRATION",
        )

    def _beat_phase(self, wall_time: float) -> float:
        if self.phase is not Phase.RUNNING or self.run is None:
            return 1.0
        if self.run.measure is Measure.VIDEO:
            return self.run.phase_at(self._clock.song_time_at(wall_time))
        if self._last_tap_wall is None:
            return 1.0
        return min(1.0, (wall_time - self._last_tap_wall) / PERIOD_S)

    def _instructions(self) -> list[str]:
        if self.phase is Phase.RUNNING and self.run is not None:
            what = "click you hear" if self.run.measure is Measure.AUDIO else "flash"
            return [f"Tap any pad or press Enter on each {what}.", "Keep a steady pulse.", "Esc: stop"]
        lines = []
        if self.phase is Phase.CHOOSE and self.services.mixer is None:
            lines.append("No audio device: only the video test is available.")
        if self.phase is Phase.RESULT and self.result is not None and not self.result.ok:
            lines.append(f"Not enough to go on: {self.result.reason}.")
        for index, (_, label) in enumerate(self.options()):
            lines.append(f"{CHEVRON_RIGHT} {label}" if index == self.choice else f"   {label}")
        return lines
