"""Render every screen with fake data to PNGs, for looking at: `python benchmarks/render_gallery.py OUTDIR`.

Also the home of the dense Expert section that `frame_time.py` plays.
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

from game.chart.layout import FOUR_LANE_PRO, KIT, LaneLayout
from game.chart.model import PIECE_ORDER, Note
from game.chart.piece import Dynamic, KitPiece, NoteFlag
from game.chart.tempo import TempoChange, TempoMap
from game.engine.result import Result
from game.engine.score import grade_for
from game.engine.window import HitWindows, Judgement
from game.render.calibration import CalibrationView, draw_calibration
from game.render.geometry import HighwayGeometry
from game.render.highway import HighwayView, draw_highway
from game.render.hud import HudView, draw_hud, draw_play_backdrop, play_layout, tally_box
from game.render.menu import ChoiceOption, ChooserView, TitleView, draw_chooser, draw_title
from game.render.overlay import draw_key_hints, draw_notice, draw_paused
from game.render.popup import JudgementPopup, draw_count_in, draw_judgements
from game.render.results import ResultsView, draw_results
from game.render.settings import SettingRow, SettingsView, draw_settings
from game.render.skin import HighwaySkin
from game.render.songlist import SongListView, SongRow, draw_song_list
from game.render.theme import Theme

P = KitPiece
BPM = 128.0
RESOLUTION = 192


def dense_section(bars: int = 16) -> tuple[list[Note], TempoMap]:
    """An Expert groove at 128 BPM: 16th hats, syncopated kicks with doubles, ghosted snare,
    crash accents on bar starts and a tom fill closing every second bar."""
    tempo = TempoMap(RESOLUTION, [TempoChange(0, BPM)])
    sixteenth = RESOLUTION // 4
    notes: list[Note] = []
    rng = random.Random(3)

    def add(step: int, piece: KitPiece, dynamic: Dynamic = Dynamic.NORMAL, flags: NoteFlag = NoteFlag.NONE) -> None:
        tick = step * sixteenth
        notes.append(Note(tempo.seconds(tick), piece, tick, dynamic, flags))

    for bar in range(bars):
        base = bar * 16
        fill = bar % 2 == 1
        for s in range(16):
            step = base + s
            if fill and s >= 12:
                add(
                    step,
                    (P.TOM_HIGH, P.TOM_HIGH, P.TOM_MID, P.TOM_FLOOR)[s - 12],
                    Dynamic.ACCENT if s == 15 else Dynamic.NORMAL,
                )
                if s % 2 == 0:
                    add(step, P.KICK)
                continue
            if s == 0:
                add(step, P.CRASH, Dynamic.ACCENT)
                add(step, P.KICK)
            elif s % 2 == 0:
                add(step, P.RIDE if bar % 4 == 2 else P.HIHAT)
            else:
                add(step, P.HIHAT_OPEN if s == 7 else P.HIHAT, Dynamic.GHOST if rng.random() < 0.5 else Dynamic.NORMAL)
            if s in (4, 12):
                add(step, P.SNARE, Dynamic.ACCENT if s == 12 and bar % 4 == 3 else Dynamic.NORMAL)
            elif s in (7, 10, 15):
                add(step, P.SNARE, Dynamic.GHOST)
            if s in (3, 6, 8, 11):
                add(step, P.KICK, flags=NoteFlag.DOUBLE_KICK if s in (3, 11) else NoteFlag.NONE)
    notes.sort(key=lambda n: (n.time_s, PIECE_ORDER[n.piece]))
    return notes, tempo


def shared_kit_owners(notes: tuple[Note, ...]) -> tuple[int, ...]:
    """A shared-kit duet's split (as in "Two Hearts, One Kit"): player 1 plays the cymbals and the
    snare, player 2 the kick and the toms."""
    return tuple(0 if note.piece.is_cymbal or note.piece is P.SNARE else 1 for note in notes)


class PlayScene:
    """The play screen's drawing, as a scene would do it: backdrop, highway, HUD, popups."""

    def __init__(
        self, theme: Theme, size: tuple[int, int], layout: LaneLayout = FOUR_LANE_PRO, shared_kit: bool = False
    ):
        self.theme = theme
        notes, self.tempo = dense_section()
        self.notes = tuple(notes)  # the same immutable sequence every frame, as the highway expects
        self.owners = shared_kit_owners(self.notes) if shared_kit else None
        self.grid = self.tempo.grid(self.notes[-1].tick + RESOLUTION * 4)
        self.layout = play_layout(size, layout.columns)
        self.geometry = HighwayGeometry.fit(self.layout.rect(self.layout.highway), layout)
        self.skin = HighwaySkin(theme)
        self.skin.warm(self.geometry, size, {n.piece for n in self.notes}, set(self.owners or ()))

    def highway_view(self, now_s: float, fever: bool) -> HighwayView:
        hidden = {i for i, n in enumerate(self.notes) if n.time_s < now_s - 0.01 and i % 9}
        missed = {i for i, n in enumerate(self.notes) if n.time_s < now_s - 0.01 and not i % 9}
        phase = (now_s * BPM / 60) % 0.5
        flashes = {0: max(0.0, 1 - phase * 4), 1: max(0.0, 0.7 - phase * 3), 3: 0.35}
        kick = max(0.0, 0.9 - phase * 4)
        return HighwayView(now_s, 1.25, self.notes, hidden, missed, self.grid, fever, flashes, kick, self.owners)

    def hud_view(self, now_s: float, fever: bool) -> HudView:
        combo = 187 + int(now_s * 4)
        return HudView(
            score=1_284_350 + int(now_s * 1000),
            combo=combo,
            multiplier=8 if fever else 4,
            accuracy=97.84,
            fever_meter=0.62 if fever else 0.5,
            fever_active=fever,
            progress=0.58,
            combo_age_s=0.03,
            multiplier_progress=(combo % 10) / 10,
            section="Chorus 2",
            title="Neon Heartbeat (Drum Diplomacy Mix)",
            artist="STELLAR//SEOUL",
            difficulty="Expert",
            elapsed_s=131,
            length_s=226,
            counts=((Judgement.PERFECT, combo * 4), (Judgement.GREAT, 61), (Judgement.GOOD, 9), (Judgement.MISS, 2)),
        )

    def draw(self, surface: pygame.Surface, now_s: float, fever: bool) -> None:
        hud = self.hud_view(now_s, fever)
        draw_play_backdrop(surface, self.theme, self.layout, hud)
        draw_highway(surface, self.geometry, self.highway_view(now_s, fever), self.skin)
        draw_hud(surface, self.theme, self.layout, hud)
        draw_judgements(surface, self.theme, self.layout, [JudgementPopup(Judgement.GREAT, 0.05, early=False)])


def play_screens(theme: Theme, size: tuple[int, int], out_dir: Path, tag: str) -> None:
    scene = PlayScene(theme, size)
    surface = pygame.Surface(size)
    scene.draw(surface, 4.02, fever=True)
    draw_notice(surface, theme, "No audio device: playing silently")
    pygame.image.save(surface, out_dir / f"play_fever_{tag}.png")
    scene.draw(surface, 7.9, fever=False)
    right = scene.layout.rect(scene.layout.right)
    hints = [("Space", P.KICK), ("F", P.SNARE), ("D", P.HIHAT), ("J", P.TOM_HIGH), ("K", P.TOM_MID)]
    hints += [("L", P.TOM_FLOOR), ("U", P.RIDE), ("I", P.CRASH)]
    top = tally_box(scene.layout).bottom + right.h * 0.03
    draw_key_hints(surface, theme, pygame.Rect(right.x, top, right.w, right.bottom - top), hints)
    pygame.image.save(surface, out_dir / f"play_{tag}.png")
    layout = scene.layout
    count_in = replace(
        scene.hud_view(0.0, False),
        score=0,
        combo=0,
        multiplier=1,
        accuracy=100.0,
        fever_meter=0.0,
        progress=0.0,
        elapsed_s=0,
        counts=(),
    )
    draw_play_backdrop(surface, theme, layout, count_in)
    draw_highway(
        surface, scene.geometry, replace(scene.highway_view(-1.0, False), lane_flash={}, kick_flash=0.0), scene.skin
    )
    draw_hud(surface, theme, layout, count_in)
    draw_count_in(surface, theme, layout, "2", 0.15)
    pygame.image.save(surface, out_dir / f"countin_{tag}.png")
    draw_paused(surface, theme, ["Resume", "Restart", "Calibrate", "Quit to song list"], 0, "Esc: resume")
    pygame.image.save(surface, out_dir / f"paused_{tag}.png")
    kit = PlayScene(theme, size, KIT)
    kit.draw(surface, 6.1, fever=False)
    pygame.image.save(surface, out_dir / f"play_kit_{tag}.png")
    PlayScene(theme, size, shared_kit=True).draw(surface, 6.1, fever=False)
    pygame.image.save(surface, out_dir / f"play_shared_kit_{tag}.png")


def fake_result(seed: int = 11) -> Result:
    """A strong Expert run: errors ~ N(+6 ms, 17 ms), a few misses and overhits."""
    rng = random.Random(seed)
    windows = HitWindows()
    notes, _ = dense_section(40)
    errors: list[float] = []
    counts = {j.value: 0 for j in Judgement}
    per_piece: dict[str, dict[str, float | int]] = {}
    for note in notes:
        stats = per_piece.setdefault(note.piece.value, {"notes": 0, "hit": 0, "weight": 0.0})
        stats["notes"] += 1
        error = rng.gauss(6.0, 17.0) + (8.0 if note.piece is P.KICK else 0.0)
        judgement = windows.judge(error / 1000) if rng.random() > 0.012 else None
        if judgement is None:
            counts["miss"] += 1
            continue
        counts[judgement.value] += 1
        errors.append(error)
        stats["hit"] += 1
        stats["weight"] += {"perfect": 1.0, "great": 0.75, "good": 0.5}[judgement.value]
    counts["overhit"] = 7
    for stats in per_piece.values():
        stats["accuracy"] = round(100 * stats.pop("weight") / stats["notes"], 2)
    weight = counts["perfect"] + 0.75 * counts["great"] + 0.5 * counts["good"]
    accuracy = 100 * weight / len(notes)
    return Result(
        score=2_481_925,
        accuracy=accuracy,
        grade=grade_for(accuracy),
        notes=len(notes),
        max_combo=612,
        full_combo=False,
        judgements=counts,
        hit_errors_ms=tuple(errors),
        early=sum(e < 0 for e in errors),
        late=sum(e > 0 for e in errors),
        per_piece=per_piece,
        dynamics={},
        fever_activations=2,
        fever_phrases_completed=5,
        late_inputs=0,
    )


def results_screens(theme: Theme, size: tuple[int, int], out_dir: Path, tag: str) -> None:
    surface = pygame.Surface(size)
    result = fake_result()
    hints = (("Enter", "continue"), ("R", "retry"), ("O", "use suggested offset (+12 ms)"))
    view = ResultsView(
        result, "Neon Heartbeat (Drum Diplomacy Mix)", "STELLAR//SEOUL", "Expert", new_best=True, hints=hints
    )
    draw_results(surface, theme, view)
    pygame.image.save(surface, out_dir / f"results_{tag}.png")
    perfect = replace(result, grade="SS", accuracy=100.0, full_combo=True, judgements={**result.judgements, "miss": 0})
    draw_results(surface, theme, replace(view, result=perfect, new_best=False, age_s=0.1))
    pygame.image.save(surface, out_dir / f"results_fc_{tag}.png")


SONGS = (
    SongRow("Neon Heartbeat (Drum Diplomacy Mix)", "STELLAR//SEOUL", 128, 226, 5, 2_481_925, "A"),
    SongRow("Sugar Rush Summit", "BLOOMWAVE", 140, 198, 4, 1_904_220, "S"),
    SongRow("Velvet Treaty", "Hana & The Envoys", 96, 241, 2, None, None),
    SongRow("Midnight Embassy", "NOVA-9", 174, 213, 6, 3_120_560, "SS"),
    SongRow("Paper Planes Over Busan", "Lumi", 110, 187, 3, 845_300, "B"),
    SongRow("Dynamite Diplomacy", "ORBIT GIRLS", 118, 204, 4, 1_220_000, "C"),
    SongRow("Gangnam Groove Accord", "K/DRUM", 132, 256, 5, None, None),
    SongRow(
        "Starlight Summit (Extended Encore Version with a Very Long Title)", "Cosmic Cabinet", 150, 362, 6, 412_500, "D"
    ),
)


def menu_screens(theme: Theme, size: tuple[int, int], out_dir: Path, tag: str) -> None:
    surface = pygame.Surface(size)
    draw_title(
        surface,
        theme,
        TitleView(1.3, ("Play", "Two players", "Calibrate", "Settings", "Quit"), 0, "Enter: select   Esc: quit   v0.1"),
    )
    pygame.image.save(surface, out_dir / f"title_{tag}.png")
    footer = "Enter: play   Tab: sort   /: search   Esc: back"
    draw_song_list(surface, theme, SongListView(SONGS, 3, "", False, "Title", footer))
    pygame.image.save(surface, out_dir / f"songs_{tag}.png")
    draw_song_list(surface, theme, SongListView(SONGS[:5], 1, "summ", True, "Best score", footer))
    options = (
        ChoiceOption("Easy", "312 notes"),
        ChoiceOption("Medium", "540 notes"),
        ChoiceOption("Hard", "866 notes"),
        ChoiceOption("Expert", "1,284 notes"),
    )
    layouts = (
        ChoiceOption("4-lane", "Clone Hero classic"),
        ChoiceOption("4-lane pro", "toms and cymbals apart"),
        ChoiceOption("5-lane"),
        ChoiceOption("Full kit", "9 columns, one per piece"),
    )
    draw_chooser(
        surface,
        theme,
        ChooserView("Sugar Rush Summit", options, 3, layouts, 1, 1, "←/→: column   ↑/↓: choose   Enter: start"),
    )
    pygame.image.save(surface, out_dir / f"chooser_{tag}.png")
    rows = (
        SettingRow("Audio offset", "+18 ms", "How late the sound reaches your ears", "Timing"),
        SettingRow("Video offset", "-6 ms", "How late the picture reaches your eyes", "Timing"),
        SettingRow("Note speed", "1.25 s", "Seconds of notes visible above the hit line"),
        SettingRow("Lane layout", "4-lane pro"),
        SettingRow("Input device", "Roland TD-17 (MIDI)", "Pick the kit or keyboard to play with", "Input"),
        SettingRow("Strict hi-hat", "Off"),
        SettingRow("Master volume", "80 %", "", "Audio"),
        SettingRow("Hit sounds", "On"),
        SettingRow("Fullscreen", "Off", "", "Display"),
        SettingRow("Show key hints", "On"),
    )
    draw_settings(
        surface, theme, SettingsView(rows, 2, True, footer="↑/↓: choose   Enter: edit   ←/→: change   Esc: back")
    )
    pygame.image.save(surface, out_dir / f"settings_{tag}.png")
    view = CalibrationView(
        0.05,
        11,
        16,
        14.0,
        9.0,
        (22.0, 8.0, 15.0, -4.0, 18.0, 12.0, 30.0, 9.0),
        ("Tap any pad on the flash.", "Keep a steady pulse: 16 taps are enough.", "Esc: cancel   Enter: save"),
    )
    draw_calibration(surface, theme, view)
    pygame.image.save(surface, out_dir / f"calibration_{tag}.png")


SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "540p": (960, 540)}


def render_all(out_dir: Path, sizes: dict[str, tuple[int, int]] = SIZES) -> None:
    theme = Theme()
    for tag, size in sizes.items():
        play_screens(theme, size, out_dir, tag)
        results_screens(theme, size, out_dir, tag)
        menu_screens(theme, size, out_dir, tag)


def main(out_dir: Path) -> None:
    pygame.init()
    pygame.display.set_mode((16, 16))
    out_dir.mkdir(parents=True, exist_ok=True)
    render_all(out_dir)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python benchmarks/render_gallery.py OUTDIR")
    main(Path(sys.argv[1]))
