"""One session from description to song folder: chart and song.ini always, stems on request.

The drum stem is rendered from the Expert track as read back from the written notes.chart by the
game's own parser, so the audio follows exactly what the game will judge.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from game.chart.model import Chart, Difficulty
from game.tools.compose.arrange import arrange
from game.tools.compose.chartbuild import build_chart, chart_text
from game.tools.compose.drumkit import render_bank
from game.tools.compose.drumpart import DrumPart, compose_drums
from game.tools.compose.drumstem import balance, render_stem
from game.tools.compose.drumstyle import CHORUS_LIKE
from game.tools.compose.encode import decode_ogg, write_ogg
from game.tools.compose.fluid import DEFAULT_SOUNDFONT, SAMPLE_RATE, RenderError
from game.tools.compose.loudness import integrated_lufs
from game.tools.compose.master import Mastered, master, tame_overshoot
from game.tools.compose.mixdown import mix_backing
from game.tools.compose.spec import SessionSpec
from game.tools.compose.styles import BAND_STYLES, DRUM_STYLES, KITS
from game.tools.compose.timeline import Timeline, build_timeline

logger = logging.getLogger(__name__)

TAIL_S = 3.0  # after the last bar: the final chord rings out
SONG_QUALITY = 3.0  # oggenc -q
DRUM_QUALITY = 3.0


@dataclass(frozen=True, slots=True)
class Composed:
    spec: SessionSpec
    timeline: Timeline
    part: DrumPart
    chart: Chart
    chart_text: str
    ini_text: str

    @property
    def frames(self) -> int:
        return math.ceil((self.timeline.length_s + TAIL_S) * SAMPLE_RATE)


def compose_charts(spec: SessionSpec) -> Composed:
    timeline = build_timeline(spec)
    part = compose_drums(spec, timeline, DRUM_STYLES[spec.style])
    chart = build_chart(part, spec, timeline)
    return Composed(spec, timeline, part, chart, chart_text(chart, spec), _ini(spec, timeline, chart))


def write_charts(composed: Composed, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes.chart").write_text(composed.chart_text, encoding="utf-8", newline="\n")
    (folder / "song.ini").write_text(composed.ini_text, encoding="utf-8", newline="\n")


def render_audio(composed: Composed, soundfont: Path = DEFAULT_SOUNDFONT) -> Mastered:
    from game.chart.dotchart import parse_chart  # the game's own reader: imported only to render

    spec = composed.spec
    expert = parse_chart(composed.chart_text.encode("utf-8")).track(Difficulty.EXPERT).notes
    if expert != composed.chart.track(Difficulty.EXPERT).notes:
        raise RuntimeError(f"{spec.folder}: the written chart does not read back as composed")
    drums = drum_stem(composed, soundfont)
    drums_lufs = integrated_lufs(drums, SAMPLE_RATE)
    arrangement = arrange(spec, composed.timeline, BAND_STYLES[spec.style], composed.part.hits)
    song = mix_backing(
        arrangement,
        BAND_STYLES[spec.style],
        composed.timeline.tempo_map,
        expert,
        drums_lufs,
        composed.frames,
        soundfont,
        spec.seed,
    )
    return master(song, drums)


def drum_stem(composed: Composed, soundfont: Path = DEFAULT_SOUNDFONT) -> np.ndarray:
    """The unmastered drum stem of the Expert chart."""
    drum_kit = KITS[composed.spec.style]
    bank = balance(render_bank(drum_kit, soundfont), drum_kit)
    open_hats = frozenset(hit.tick for hit in composed.part.hits if hit.open_hat)
    notes = composed.chart.track(Difficulty.EXPERT).notes
    return render_stem(notes, open_hats, bank, drum_kit, composed.frames, composed.spec.seed)


def write_audio(mastered: Mastered, composed: Composed, folder: Path) -> None:
    """Encode both stems; if decoding shows a peak above -1 dBFS, lower it there and encode again."""
    spec = composed.spec
    folder.mkdir(parents=True, exist_ok=True)
    song, drums = mastered.song, mastered.drums
    for _ in range(6):
        write_ogg(song, folder / "song.ogg", SONG_QUALITY, spec.seed, spec.title)
        write_ogg(drums, folder / "drums.ogg", DRUM_QUALITY, spec.seed + 1, f"{spec.title} (drums)")
        fixed = tame_overshoot(song, drums, decode_ogg(folder / "song.ogg"), decode_ogg(folder / "drums.ogg"))
        if fixed is None:
            return
        song, drums = fixed
        logger.info("%s: lowered encoder overshoot, encoding again", spec.folder)
    raise RenderError(f"{spec.folder}: peaks stay above -1 dBFS after encoding")


def _ini(spec: SessionSpec, timeline: Timeline, chart: Chart) -> str:
    expert = chart.track(Difficulty.EXPERT).notes
    per_second = len(expert) / timeline.length_s
    tier = max(0, min(6, round((per_second - 2.0) / 1.6)))
    chorus = next((i for i, plan in enumerate(spec.sections) if plan.kind in CHORUS_LIKE), 0)
    preview_ms = round(timeline.tempo_map.seconds(timeline.section_start(chorus)) * 1000)
    length_ms = math.ceil((timeline.length_s + TAIL_S) * 1000)
    lines = [
        "[song]",
        f"name = {spec.title}",
        f"artist = {spec.artist}",
        "album = Drumstick Diplomacy Sessions",
        "genre = K-pop",
        f"charter = {spec.artist}",
        "pro_drums = True",
        f"diff_drums = {tier}",
        f"diff_drums_real = {tier}",
        f"preview_start_time = {preview_ms}",
        f"song_length = {length_ms}",
        "delay = 0",
        f"loading_phrase = {spec.style_label[0].upper()}{spec.style_label[1:]}. Original music by the game's composer.",
    ]
    return "\n".join(lines) + "\n"
