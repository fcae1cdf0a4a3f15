"""Building the game's services: paths, settings, scores, audio, kit, theme, window.

This is the only place that reads environment variables and decides where files live:
`DRUMSTICK_HOME` puts settings, scores and replays under one folder (portable installs, tests);
otherwise the platform's per-user folders are used. Every problem found here (corrupt settings,
unreadable scores, no audio device) becomes a one-line notice, never a crash.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime
from pathlib import Path

import pygame

from game.audio.device import open_mixer
from game.audio.kit import DrumKit
from game.input.midi_input import MidiInput
from game.persistence.paths import GamePaths
from game.persistence.scores import ScoreStore, ScoreStoreError
from game.persistence.settings import load_settings
from game.render.theme import Theme
from game.scenes.base import SceneStack
from game.scenes.services import Services

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
BUNDLED_CHARTS = ROOT / "charts"
KIT_SAMPLES = ROOT / "assets" / "kit"


def game_paths() -> GamePaths:
    home = os.environ.get("DRUMSTICK_HOME")
    return GamePaths.under(Path(home)) if home else GamePaths.default()


def use_headless_drivers(audio: str = "dummy") -> None:
    """Headless runs: SDL's dummy video driver and a dummy (or disk) audio driver, unless the
    caller already chose one; must run before pygame.init()."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", audio)


def now_iso() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


def build_services(paths: GamePaths, save: bool = True) -> Services:
    notices: list[str] = []
    settings, notice = load_settings(paths.settings_file)
    if notice:
        notices.append(notice)
    audio = settings.audio
    mixer = open_mixer(audio.sample_rate, audio.buffer_frames)
    pygame.init()
    if mixer is None:
        notices.append("No audio device: playing silently")
    kit = DrumKit.load(KIT_SAMPLES, mixer)
    kit.enabled, kit.volume = audio.hit_sounds, audio.hit_sound_volume
    scores = _open_scores(paths, notices) if save else None
    midi, midi_notice = MidiInput.open(settings.midi)
    if midi_notice:
        notices.append(midi_notice)
    return Services(
        theme=Theme(),
        scenes=SceneStack(),
        settings=settings,
        settings_path=paths.settings_file if save else None,
        scores=scores,
        mixer=mixer,
        kit=kit,
        library_roots=(BUNDLED_CHARTS, paths.data_dir / "songs"),
        now_iso=now_iso,
        replays_dir=paths.replays_dir if save else None,
        notices=notices,
        midi=midi,
    )


def close_services(services: Services) -> None:
    if services.midi is not None:
        services.midi.close()
    if services.scores is not None:
        services.scores.close()
    pygame.quit()


def _open_scores(paths: GamePaths, notices: list[str]) -> ScoreStore | None:
    try:
        store = ScoreStore(paths.scores_file)
    except (ScoreStoreError, OSError) as error:
        notices.append(f"scores unavailable: {error}")
        return None
    if store.notice:
        notices.append(store.notice)
    return store
