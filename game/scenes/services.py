"""What scenes get injected: the theme, settings, scores, audio devices, the song library roots and
a way to change screens. The app builds one `Services`; scenes never build their own, never read
environment variables and never touch the file system except through these objects."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from game.audio.device import MixerInfo
from game.audio.kit import DrumKit
from game.input.midi_input import MidiInput
from game.persistence.scores import ScoreStore
from game.persistence.settings import Settings, save_settings
from game.render.theme import Theme
from game.scenes.base import SceneStack

log = logging.getLogger(__name__)


class WindowControl(Protocol):
    def toggle_fullscreen(self) -> None: ...


@dataclass(slots=True)
class Services:
    theme: Theme
    scenes: SceneStack
    settings: Settings
    settings_path: Path | None  # None: do not save (headless runs and tests)
    scores: ScoreStore | None
    mixer: MixerInfo | None
    kit: DrumKit | None
    library_roots: tuple[Path, ...]
    now_iso: Callable[[], str]  # the local date-time for score history, from the app's clock
    window: WindowControl | None = None
    midi: MidiInput | None = None  # None: no MIDI system, or MIDI switched off
    replays_dir: Path | None = None
    notices: list[str] = field(default_factory=list)  # one-line messages the menus show
    # Drains and stamps pending input; long draws call it between their phases so a key pressed
    # mid-frame is stamped when it arrived, not when the frame is done (the app sets it).
    poll_input: Callable[[], None] = lambda: None

    def update_settings(self, settings: Settings) -> None:
        """Adopt and save new settings (atomically); a failed save is a notice, not a crash."""
        self.settings = settings
        if self.kit is not None:
            self.kit.enabled = settings.audio.hit_sounds
            self.kit.volume = settings.audio.hit_sound_volume
        if self.midi is not None:
            self.midi.reconfigure(settings.midi)
        if self.settings_path is not None:
            try:
                save_settings(self.settings_path, settings)
            except OSError as error:
                self.notice(f"could not save settings: {error.strerror or error}")

    def notice(self, text: str) -> None:
        log.warning("%s", text)
        self.notices.append(text)
