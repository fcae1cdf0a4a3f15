"""The session composer: deterministic charts, its small parts, and audio that matches charts/.

Rendering audio needs FluidSynth, the FluidR3 GM SoundFont and oggenc (Debian: fluidsynth,
fluid-soundfont-gm, vorbis-tools). Without them the audio comparison skips; the chart tests never
need them.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from game.chart.model import Difficulty
from game.tools.compose.__main__ import main
from game.tools.compose.build import compose_charts
from game.tools.compose.harmony import parse_chord, parse_key, parse_progression
from game.tools.compose.pattern import hits_from
from game.tools.compose.sessions import SESSIONS
from game.tools.compose.spec import Kind, SectionPlan, SessionSpec
from game.tools.compose.timeline import build_timeline

ROOT = Path(__file__).resolve().parent.parent
CHARTS = ROOT / "charts"
RATE = 48_000


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_charts_only_is_deterministic_and_matches_the_committed_charts(tmp_path, capsys):
    assert main(["--charts-only", "--out", str(tmp_path / "a")]) == 0
    assert main(["--charts-only", "--out", str(tmp_path / "b")]) == 0
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first == second
    assert {name.split("/")[0] for name in first} == {spec.folder for spec in SESSIONS}
    assert all(name.endswith(("notes.chart", "song.ini")) for name in first)
    for name, data in first.items():
        committed = CHARTS / name
        if committed.is_file():
            assert committed.read_bytes() == data, f"{name} differs: run python -m game.tools.compose --charts-only"
    assert "sugar-rush-signal" in capsys.readouterr().out


def test_cli_rejects_an_unknown_session(tmp_path, capsys):
    assert main(["--charts-only", "--out", str(tmp_path), "--only", "no-such-song"]) == 2
    assert "unknown session" in capsys.readouterr().err
    assert main(["--charts-only", "--out", str(tmp_path), "--only", "paper-moon-letter"]) == 0
    assert sorted(p.name for p in (tmp_path / "paper-moon-letter").iterdir()) == ["notes.chart", "song.ini"]


def test_harmony_reads_progressions_like_a_musician():
    e_major = parse_key("E major")
    assert parse_chord("vi7", e_major).tones == (1, 4, 8, 11)  # C#m7
    assert parse_chord("IVmaj7", e_major).tones == (9, 1, 4, 8)  # Amaj7
    assert parse_chord("bVII", e_major).tones == (2, 6, 9)  # D, borrowed
    assert parse_chord("V", parse_key("C# minor")).tones == (8, 0, 3)  # G#: the harmonic-minor dominant
    bars = parse_progression("ii7 | Vsus4 V", parse_key("F major"))
    assert [len(bar) for bar in bars] == [1, 2]
    with pytest.raises(ValueError):
        parse_chord("VIII", e_major)


def test_patterns_divide_their_span():
    hits = hits_from({"K": "x... ....", "H": "..o. X..g"}, 0, 768)
    assert [(h.tick, h.piece.value, h.dynamic.value, h.open_hat) for h in hits] == [
        (0, "kick", "normal", False),
        (192, "hihat", "normal", True),
        (384, "hihat", "accent", False),
        (672, "hihat", "ghost", False),
    ]
    with pytest.raises(ValueError, match="do not divide"):
        hits_from({"K": "x.x.x"}, 0, 768)
    with pytest.raises(ValueError, match="open"):
        hits_from({"S": "o..."}, 0, 768)


def test_timeline_changes_tempo_and_meter_on_bar_lines():
    spec = SessionSpec(
        "t",
        "T",
        "dance_pop",
        "",
        100.0,
        "C major",
        1,
        (
            SectionPlan("A", Kind.VERSE, 2, tail_meter=(2, 4)),
            SectionPlan("B", Kind.CHORUS, 2, bpm=120.0, meter=(6, 8)),
            SectionPlan("C", Kind.OUTRO, 3, bar_bpms=(110.0, 90.0)),
        ),
    )
    timeline = build_timeline(spec)
    assert [bar.ticks for bar in timeline.bars] == [768, 384, 576, 576, 576, 576, 576]
    assert [(s.tick, s.numerator, s.denominator) for s in timeline.tempo_map.time_signatures] == [
        (0, 4, 4),
        (768, 2, 4),
        (1152, 6, 8),
    ]
    assert [(t.tick, t.bpm) for t in timeline.tempo_map.tempos] == [
        (0, 100.0),
        (1152, 120.0),
        (2880, 110.0),
        (3456, 90.0),
    ]


def test_every_session_composes_within_its_promises():
    for spec in SESSIONS:
        composed = compose_charts(spec)
        assert 90 <= composed.timeline.length_s <= 210, spec.folder
        expert = composed.chart.track(Difficulty.EXPERT)
        hits = {(hit.tick, hit.piece) for hit in composed.part.hits}
        assert hits == {(note.tick, note.piece) for note in expert.notes}, spec.folder
        if spec.duet:
            leads = {phrase.kind.value for phrase in expert.phrases}
            assert {"player_1", "player_2"} <= leads


# --- audio ---------------------------------------------------------------------------------------


def _render_tools() -> bool:
    from game.tools.compose.encode import oggenc_available
    from game.tools.compose.fluid import fluidsynth_available

    return fluidsynth_available() and oggenc_available()


needs_renderer = pytest.mark.skipif(
    not _render_tools(),
    reason="audio comparison needs fluidsynth, fluid-soundfont-gm and vorbis-tools "
    "(apt-get install fluidsynth fluid-soundfont-gm vorbis-tools)",
)


def _decode(path: Path) -> np.ndarray:
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    previous = pygame.mixer.get_init()
    if previous != (RATE, -16, 2):
        pygame.mixer.quit()
        pygame.mixer.init(RATE, -16, 2)
    try:
        return pygame.sndarray.array(pygame.mixer.Sound(str(path))).astype(np.float64) / 32768
    finally:
        if previous and previous != (RATE, -16, 2):
            pygame.mixer.quit()
            pygame.mixer.init(*previous)


def _envelope_db(signal: np.ndarray, window: int = 960) -> np.ndarray:
    frames = len(signal) // window
    power = (signal[: frames * window].mean(axis=1) ** 2).reshape(frames, window).mean(axis=1)
    return 10 * np.log10(power + 1e-12)


@needs_renderer
def test_rendered_drum_stem_matches_the_committed_one():
    """Re-render the shortest session's drum stem and compare it with drums.ogg: the committed file
    is the same signal after mastering (one gain, a peak limiter) and lossy encoding."""
    from game.tools.compose.build import drum_stem

    spec = min(SESSIONS, key=lambda s: build_timeline(s).length_s)
    committed_path = CHARTS / spec.folder / "drums.ogg"
    if not committed_path.is_file():
        pytest.skip(f"{committed_path} is not rendered yet")
    rendered = drum_stem(compose_charts(spec)).astype(np.float64)
    committed = _decode(committed_path)
    frames = min(len(rendered), len(committed))
    rendered, committed = rendered[:frames], committed[:frames]
    correlation = float(np.sum(rendered * committed) / np.sqrt(np.sum(rendered**2) * np.sum(committed**2)))
    assert correlation > 0.95, correlation  # same waveform, same place, up to codec noise
    # 20 ms loudness envelopes agree once the mastering gain is taken off (the limiter and the
    # codec account for the rest)
    loud = _envelope_db(committed) > _envelope_db(committed).max() - 40
    difference = (_envelope_db(rendered) - _envelope_db(committed))[loud]
    difference -= np.median(difference)
    assert np.percentile(np.abs(difference), 50) < 0.3
    assert np.percentile(np.abs(difference), 90) < 1.0


@needs_renderer
@pytest.mark.skipif(
    not os.environ.get("COMPOSE_FULL_RENDER"),
    reason="renders a whole session (about a minute): set COMPOSE_FULL_RENDER=1 to run",
)
def test_full_render_matches_the_committed_audio(tmp_path):
    spec = min(SESSIONS, key=lambda s: build_timeline(s).length_s)
    assert main(["--out", str(tmp_path), "--only", spec.folder]) == 0
    for stem in ("song.ogg", "drums.ogg"):
        fresh, committed = _decode(tmp_path / spec.folder / stem), _decode(CHARTS / spec.folder / stem)
        assert len(fresh) == len(committed)
        correlation = float(np.sum(fresh * committed) / np.sqrt(np.sum(fresh**2) * np.sum(committed**2)))
        assert correlation > 0.99, (stem, correlation)
