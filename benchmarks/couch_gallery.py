"""Render the two-player screens to PNGs, for looking at: `python benchmarks/couch_gallery.py OUTDIR`.

The chooser's "2 players" button and the mode card; the join screen (nobody seated, one player,
both ready in versus, a shared kit); and the results (a duet and a versus); at 720p, 1080p and
540p. The scenes are the real ones, fed made-up presses; the results come from the real engines,
fed autoplay hits with made-up timing errors (`made_up_outcome`, which the tests use too).
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame

from game.chart.folder import load_song
from game.chart.model import Difficulty, Song
from game.chart.piece import KitPiece
from game.engine.autoplay import autoplay_inputs
from game.engine.couch import CouchMode, couch_engine, couch_report
from game.engine.duet import DuetEngine
from game.engine.hit import HitInput
from game.engine.split import SplitStrategy
from game.input.raw import MenuAction, RawHit
from game.persistence.settings import Settings
from game.render.theme import Theme
from game.scenes.base import SceneStack
from game.scenes.chooser import ChooserScene
from game.scenes.couch_join import CouchJoinScene
from game.scenes.couch_mode import CouchModeScene
from game.scenes.couch_results import CouchResultsScene
from game.scenes.couch_setup import CouchOutcome, CouchSetup
from game.scenes.services import Services
from game.scenes.song_id import song_id

SONG = Path(__file__).resolve().parents[1] / "charts" / "two-hearts-one-kit"
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "540p": (960, 540)}
KIT = "Roland TD-17 MIDI 1"
T0 = 50.0
# Per player: (mean timing error ms, spread ms, share of notes missed).
PLAYING = ((-6.0, 14.0, 0.02), (9.0, 19.0, 0.05))


def made_up_outcome(song: Song, setup: CouchSetup, seed: int = 7) -> CouchOutcome:
    """A finished play of `setup` by two imperfect players (see `PLAYING`), judged by the engine."""
    chart = song.chart
    engine = couch_engine(chart, setup.mode, setup.params, setup.split)
    rng = random.Random(seed)
    hits: list[HitInput] = []
    for player, (mean, spread, missed) in enumerate(PLAYING):
        if isinstance(engine, DuetEngine):
            notes = [n for n, owner in zip(engine.notes, engine.owners, strict=True) if owner == player]
        else:
            notes = list(engine.players[player].notes)
        for hit in autoplay_inputs(notes, player):
            if rng.random() >= missed:
                hits.append(replace(hit, song_time=hit.song_time + rng.gauss(mean, spread) / 1000.0))
    for hit in sorted(hits, key=lambda item: item.song_time):
        engine.queue(hit)
    engine.finish()
    results = engine.results()
    return CouchOutcome(song, setup, (results[0], results[1]), couch_report(engine, chart), song_id(song))


def make_services(theme: Theme) -> Services:
    return Services(theme, SceneStack(), Settings(), None, None, None, None, (), lambda: "2024-05-01T12:00:00")


def join_scene(services: Services, song: Song, mode: CouchMode, split: SplitStrategy) -> CouchJoinScene:
    scene = CouchJoinScene(services, song, mode, split, Difficulty.EXPERT, "")
    services.scenes.push(scene, T0)
    return scene


def press(scene: CouchJoinScene, device: str, *pieces: KitPiece) -> None:
    for piece in pieces:
        scene.on_hit(RawHit(piece, T0, 100, device))


def mode_screens(theme: Theme, song: Song, size: tuple[int, int], out_dir: Path, tag: str) -> None:
    """The chooser with its "2 players" button focused, then both steps of the mode card."""
    surface = pygame.Surface(size)
    services = make_services(theme)
    chooser = ChooserScene(services, song)
    for action in (MenuAction.RIGHT, MenuAction.RIGHT):
        chooser.on_action(action, T0)
    chooser.draw(surface, T0)
    pygame.image.save(surface, out_dir / f"chooser_two_players_{tag}.png")
    mode = CouchModeScene(services, song, Difficulty.EXPERT, "")
    mode.draw(surface, T0)
    pygame.image.save(surface, out_dir / f"couch_mode_{tag}.png")
    mode.on_action(MenuAction.SELECT, T0)
    mode.draw(surface, T0)
    pygame.image.save(surface, out_dir / f"couch_split_{tag}.png")


def join_screens(theme: Theme, song: Song, size: tuple[int, int], out_dir: Path, tag: str) -> None:
    surface = pygame.Surface(size)
    later = T0 + 2.0
    services = make_services(theme)
    empty = join_scene(services, song, CouchMode.DUET, SplitStrategy.PIECES)
    empty.draw(surface, later)
    pygame.image.save(surface, out_dir / f"join_empty_{tag}.png")
    press(empty, "keyboard.p1", KitPiece.SNARE, KitPiece.TOM_MID, KitPiece.RIDE)
    empty.draw(surface, later)
    pygame.image.save(surface, out_dir / f"join_one_{tag}.png")
    ready = join_scene(services, song, CouchMode.VERSUS, SplitStrategy.PIECES)
    press(ready, "keyboard.p1", KitPiece.SNARE, KitPiece.TOM_MID, KitPiece.HIHAT, KitPiece.SNARE)
    press(ready, KIT, KitPiece.RIDE, KitPiece.TOM_MID, KitPiece.TOM_MID, KitPiece.HIHAT, KitPiece.SNARE)
    ready.draw(surface, later)
    pygame.image.save(surface, out_dir / f"join_ready_{tag}.png")
    shared = join_scene(services, song, CouchMode.DUET, SplitStrategy.PIECES)
    press(shared, KIT, KitPiece.SNARE, KitPiece.TOM_HIGH, KitPiece.RIDE, KitPiece.SNARE)
    shared.draw(surface, later)
    pygame.image.save(surface, out_dir / f"join_shared_{tag}.png")
    services.notice("Second Kit MIDI 1: two players are already seated")
    shared.draw(surface, later + 0.1)
    pygame.image.save(surface, out_dir / f"join_notice_{tag}.png")


def results_screens(theme: Theme, song: Song, size: tuple[int, int], out_dir: Path, tag: str) -> None:
    surface = pygame.Surface(size)
    services = make_services(theme)
    params = Settings().gameplay.engine_params
    duet = CouchSetup(CouchMode.DUET, (params(Difficulty.EXPERT, "kit"),) * 2, SplitStrategy.PIECES)
    versus = CouchSetup(
        CouchMode.VERSUS, (params(Difficulty.EXPERT, "four_lane_pro"), params(Difficulty.MEDIUM, "four_lane"))
    )
    for name, setup in (("duet", duet), ("versus", versus)):
        scene = CouchResultsScene(services, made_up_outcome(song, setup))
        scene.enter(T0)
        scene.draw(surface, T0 + 5.0)
        pygame.image.save(surface, out_dir / f"couch_results_{name}_{tag}.png")


def main(out_dir: Path) -> None:
    pygame.init()
    pygame.display.set_mode((16, 16))
    out_dir.mkdir(parents=True, exist_ok=True)
    theme = Theme()
    song = load_song(SONG)
    for tag, size in SIZES.items():
        mode_screens(theme, song, size, out_dir, tag)
        join_screens(theme, song, size, out_dir, tag)
        results_screens(theme, song, size, out_dir, tag)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python benchmarks/couch_gallery.py OUTDIR")
    main(Path(sys.argv[1]))
