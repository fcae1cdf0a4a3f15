"""The notes.mid drum parser, on files written by mido (an independent writer).

Expected times come from `expected_seconds`, plain arithmetic over the tempo map every file here
uses, never from the parser's own tempo map.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import mido
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.chart.error import ChartError
from game.chart.midi import parse_mid, read_mid
from game.chart.model import Chart, ChartFormat, Difficulty, DrumType, PhraseKind
from game.chart.piece import Dynamic, KitPiece, NoteFlag

K, S, HH, TH, TM, TF, CR, RD = (
    KitPiece.KICK,
    KitPiece.SNARE,
    KitPiece.HIHAT,
    KitPiece.TOM_HIGH,
    KitPiece.TOM_MID,
    KitPiece.TOM_FLOOR,
    KitPiece.CRASH,
    KitPiece.RIDE,
)
N, G, A = Dynamic.NORMAL, Dynamic.GHOST, Dynamic.ACCENT
NONE, DK, FLAM = NoteFlag.NONE, NoteFlag.DOUBLE_KICK, NoteFlag.FLAM
E, H = Difficulty.EXPERT, Difficulty.HARD

Event = tuple[int, mido.Message | mido.MetaMessage]
SYSEX_PLACEHOLDER = bytes([0x11, 0x22, 0x33, 0x44, 0x55, 0x66])
SYSEX_HIGH_BYTES = bytes([0x50, 0x53, 0xFF, 0x80, 0xC3, 0x9A])  # Phase Shift style, mido refuses these


def expected_seconds(tick: int, tpq: int) -> float:
    """TEMPO_MAP by hand: 120 BPM from beat 0, 150 BPM from beat 4, 80 BPM from beat 8."""
    beats = tick / tpq
    if beats < 4:
        return beats * 0.5
    if beats < 8:
        return 2.0 + (beats - 4) * 0.4
    return 2.0 + 4 * 0.4 + (beats - 8) * 0.75


# --- building files ------------------------------------------------------------------------------


def meta(kind: str, **fields: object) -> mido.MetaMessage:
    return mido.MetaMessage(kind, **fields)


def text(tick: int, body: str) -> Event:
    return (tick, meta("text", text=body))


def gem(tick: int, note: int, velocity: int = 100) -> list[Event]:
    # Note offs both ways: a real Note Off with a release velocity, and Note On velocity 0.
    off = (
        mido.Message("note_off", note=note, velocity=64) if note % 2 else mido.Message("note_on", note=note, velocity=0)
    )
    return [(tick, mido.Message("note_on", note=note, velocity=velocity)), (tick + 10, off)]


def marker(start: int, end: int | None, note: int, velocity: int = 100) -> list[Event]:
    events: list[Event] = [(start, mido.Message("note_on", note=note, velocity=velocity))]
    if end is not None:
        events.append((end, mido.Message("note_off", note=note)))
    return events


def tempo_track(tpq: int, with_tempo: bool = True) -> list[Event]:
    events: list[Event] = [(0, meta("track_name", name="Some Song Title"))]
    if with_tempo:
        events += [
            (0, meta("set_tempo", tempo=500_000)),
            (4 * tpq, meta("set_tempo", tempo=400_000)),
            (8 * tpq, meta("set_tempo", tempo=750_000)),
        ]
    events += [
        (0, meta("time_signature", numerator=4, denominator=4)),
        (4 * tpq, meta("time_signature", numerator=7, denominator=8)),
        (8 * tpq, meta("time_signature", numerator=3, denominator=4)),
    ]
    return events


def named(name: str, events: list[Event]) -> list[Event]:
    return [(0, meta("track_name", name=name)), *events]


def save(tracks: list[list[Event]], tpq: int = 480, file_type: int = 1) -> bytes:
    mid = mido.MidiFile(type=file_type, ticks_per_beat=tpq)
    for events in tracks:
        track = mido.MidiTrack()
        last = 0
        for tick, msg in sorted(events, key=lambda event: event[0]):  # stable: list order per tick
            track.append(msg.copy(time=tick - last))
            last = tick
        mid.tracks.append(track)
    out = io.BytesIO()
    mid.save(file=out)
    data = out.getvalue()
    # Give every placeholder SysEx bytes above 0x7F, which mido will not write; lengths are unchanged.
    return data.replace(SYSEX_PLACEHOLDER, SYSEX_HIGH_BYTES)


def sysex(tick: int) -> Event:
    return (tick, mido.Message("sysex", data=list(SYSEX_PLACEHOLDER)))


def drum_file(drum_events: list[Event], tpq: int = 480, name: str = "PART DRUMS", **extra: object) -> bytes:
    return save([tempo_track(tpq, **extra), named(name, drum_events)], tpq)  # type: ignore[arg-type]


def notes_of(chart: Chart, difficulty: Difficulty = E) -> list[tuple[int, KitPiece, Dynamic, NoteFlag]]:
    return [(n.tick, n.piece, n.dynamic, n.flags) for n in chart.track(difficulty).notes]


def phrases_of(chart: Chart, difficulty: Difficulty = E) -> list[tuple[PhraseKind, int, int]]:
    return [(p.kind, p.start_tick, p.end_tick) for p in chart.track(difficulty).phrases]


# --- the full-featured song ----------------------------------------------------------------------


def full_song(tpq: int) -> bytes:
    """Every feature at once; ticks are beats * tpq so the same song exists at any resolution."""

    def b(beats: float) -> int:
        return int(beats * tpq)

    drums: list[Event] = [text(0, "[ENABLE_CHART_DYNAMICS]"), text(0, "[mix 3 drums0]"), sysex(0)]
    drums += [(b(1), meta("set_tempo", tempo=250_000)), (b(2), meta("time_signature", numerator=5))]
    for beats, note, velocity in [
        (0, 96, 100), (0, 97, 127), (1, 98, 100), (2, 98, 100), (2.5, 98, 100), (3, 99, 100),
        (3, 100, 100), (4, 100, 100), (4, 97, 1), (5, 95, 100), (5.5, 95, 100), (5.5, 96, 100),
        (6, 97, 100), (6, 96, 100), (7, 99, 127), (8, 97, 100), (8.5, 98, 100), (9, 98, 100),
        (10, 97, 100), (10, 98, 100),
        (0, 84, 100), (8.5, 85, 100), (9, 86, 127), (0, 72, 100), (1, 73, 100), (0, 60, 100),
        (0, 24, 100), (1, 51, 100), (2, 30, 127),  # animation notes: ignored
    ]:  # fmt: skip
        drums += gem(b(beats), note, velocity)
    for start, end, note, velocity in [
        (2, 2.5, 110, 100), (3, 3.25, 111, 100), (4, 5, 112, 100), (9, 9.5, 110, 100), (6, 6.25, 109, 100),
        (0, 4, 116, 100), (4, 8, 103, 100), (0, 2, 105, 100), (2, 4, 106, 100), (7, 8, 126, 100),
        (8, 9, 127, 45),
    ]:  # fmt: skip
        drums += marker(b(start), b(end), note, velocity)
    for note in range(120, 125):
        drums += marker(b(6), b(7), note)
    drums += [text(b(8), "[mix 3 drums0d]"), text(b(8), "[mix 2 drums0d]"), text(b(10), "[mix 3 drums0]")]
    events = [text(0, "[music_start]"), text(0, "[section Intro]"), text(b(4), "[prc_verse_1]")]
    events += [text(b(8), "section Chorus"), text(b(12), "[end]")]
    guitar = [sysex(0), *gem(0, 96), *gem(0, 97), *gem(b(11), 100)]
    fake_drums = [*gem(b(11), 96), *gem(b(11), 97)]
    return save(
        [
            tempo_track(tpq),
            named("PART GUITAR", guitar),
            named("EVENTS", events),
            named("PART DRUMS", drums),
            named("PART DRUMS_2X", fake_drums),
            named("PART REAL_DRUMS_PS", fake_drums),
            named("PART ELITE_DRUMS", fake_drums),
        ],
        tpq,
    )


FULL_EXPERT = [  # (beats, piece, dynamic, flags)
    (0, K, N, NONE), (0, S, A, NONE), (1, HH, N, NONE), (2, TH, N, NONE), (2.5, HH, N, NONE),
    (3, TM, N, NONE), (3, CR, N, NONE), (4, S, G, NONE), (4, TF, N, NONE), (5, K, N, DK),
    (5.5, K, N, NONE), (6, K, N, NONE), (6, S, N, FLAM), (7, RD, A, NONE),
    (8, HH, N, NONE), (8.5, S, N, NONE), (9, S, N, NONE),  # disco flip on Expert
    (10, S, N, NONE), (10, HH, N, NONE),
]  # fmt: skip


@pytest.mark.parametrize("tpq", [480, 960])
def test_full_song_expert_notes(tpq: int) -> None:
    chart = parse_mid(full_song(tpq))
    assert chart.format is ChartFormat.MID
    assert chart.drum_type is DrumType.FOUR_LANE_PRO
    assert chart.offset_s == 0.0
    assert chart.warnings == ()
    assert notes_of(chart) == [(int(beats * tpq), piece, dyn, flags) for beats, piece, dyn, flags in FULL_EXPERT]
    for note in chart.track(E).notes:
        assert note.time_s == pytest.approx(expected_seconds(note.tick, tpq), abs=1e-9)
    assert chart.track(E).dynamics_charted


@pytest.mark.parametrize("tpq", [480, 960])
def test_full_song_other_difficulties(tpq: int) -> None:
    chart = parse_mid(full_song(tpq))
    # Hard has its own disco flip from beat 8: the red at 8.5 is the hi-hat; yellow at 9 the snare.
    assert notes_of(chart, H) == [(0, K, N, NONE), (int(8.5 * tpq), HH, N, NONE), (9 * tpq, S, A, NONE)]
    assert notes_of(chart, Difficulty.MEDIUM) == [(0, K, N, NONE), (tpq, S, N, NONE)]
    assert notes_of(chart, Difficulty.EASY) == [(0, K, N, NONE)]
    assert set(chart.tracks) == set(Difficulty)


@pytest.mark.parametrize("tpq", [480, 960])
def test_full_song_phrases(tpq: int) -> None:
    chart = parse_mid(full_song(tpq))
    shared = [
        (PhraseKind.PLAYER_1, 0, 2 * tpq),
        (PhraseKind.STAR_POWER, 0, 4 * tpq),
        (PhraseKind.PLAYER_2, 2 * tpq, 4 * tpq),
        (PhraseKind.SOLO, 4 * tpq, 8 * tpq),
        (PhraseKind.FILL, 6 * tpq, 7 * tpq),  # five fill lanes, one phrase
    ]
    roll = (PhraseKind.ROLL, 7 * tpq, 8 * tpq)
    double_roll = (PhraseKind.DOUBLE_ROLL, 8 * tpq, 9 * tpq)  # velocity 45: Hard too
    assert phrases_of(chart, E) == [*shared, roll, double_roll]
    assert phrases_of(chart, H) == [*shared, double_roll]
    assert phrases_of(chart, Difficulty.EASY) == shared
    for phrase in chart.track(E).phrases:
        assert phrase.start_s == pytest.approx(expected_seconds(phrase.start_tick, tpq), abs=1e-9)
        assert phrase.end_s == pytest.approx(expected_seconds(phrase.end_tick, tpq), abs=1e-9)


@pytest.mark.parametrize("tpq", [480, 960])
def test_full_song_tempo_map_and_sections_come_from_track_0_and_events(tpq: int) -> None:
    chart = parse_mid(full_song(tpq))
    tempo_map = chart.tempo_map
    assert tempo_map.resolution == tpq
    assert [(t.tick, t.bpm) for t in tempo_map.tempos] == [(0, 120.0), (4 * tpq, 150.0), (8 * tpq, 80.0)]
    signatures = [(s.tick, s.numerator, s.denominator) for s in tempo_map.time_signatures]
    assert signatures == [(0, 4, 4), (4 * tpq, 7, 8), (8 * tpq, 3, 4)]
    assert [(s.tick, s.name) for s in chart.sections] == [(0, "Intro"), (4 * tpq, "verse_1"), (8 * tpq, "Chorus")]
    assert [s.time_s for s in chart.sections] == pytest.approx([0.0, 2.0, 3.6])


def test_resolutions_give_identical_times() -> None:
    low, high = parse_mid(full_song(480)), parse_mid(full_song(960))
    assert [n.time_s for n in low.track(E).notes] == pytest.approx([n.time_s for n in high.track(E).notes])


# --- focused rules -------------------------------------------------------------------------------


def test_mid_colours_are_cymbals_by_default_on_plain_four_lane() -> None:
    chart = parse_mid(drum_file([*gem(0, 97), *gem(0, 98), *gem(0, 99), *gem(0, 100), *gem(480, 96)]))
    assert chart.drum_type is DrumType.FOUR_LANE
    assert notes_of(chart) == [(0, S, N, NONE), (0, HH, N, NONE), (0, CR, N, NONE), (0, RD, N, NONE), (480, K, N, NONE)]


def test_tom_markers_make_toms_only_inside_their_half_open_range() -> None:
    events = [*marker(480, 960, 111), *marker(480, 960, 112)]
    for tick in (0, 480, 720, 960):
        events += gem(tick, 99) + gem(tick, 100) + gem(tick, 98)
    chart = parse_mid(drum_file(events))
    assert chart.drum_type is DrumType.FOUR_LANE_PRO
    pieces = {tick: {p for t, p, _, _ in notes_of(chart) if t == tick} for tick in (0, 480, 720, 960)}
    assert pieces[0] == pieces[960] == {HH, RD, CR}
    assert pieces[480] == pieces[720] == {HH, TM, TF}


def test_song_ini_flags_override_detection() -> None:
    data = drum_file([*gem(0, 98), *gem(0, 101)])
    assert parse_mid(data).drum_type is DrumType.FIVE_LANE
    assert notes_of(parse_mid(data)) == [(0, HH, N, NONE), (0, TF, N, NONE)]
    pro = parse_mid(data, ini_pro=True)
    assert pro.drum_type is DrumType.FOUR_LANE_PRO
    assert notes_of(pro) == [(0, HH, N, NONE), (0, TF, N, NONE)]
    five = parse_mid(drum_file([*gem(0, 97), *gem(0, 98), *gem(0, 99), *gem(0, 100)]), ini_five_lane=True)
    assert five.drum_type is DrumType.FIVE_LANE
    assert notes_of(five) == [(0, S, N, NONE), (0, HH, N, NONE), (0, TH, N, NONE), (0, CR, N, NONE)]


def velocity_song(enable: str | None) -> bytes:
    events = [text(0, enable)] if enable else []
    for tick, velocity in ((0, 1), (480, 127), (960, 100)):
        events += gem(tick, 97, velocity) + gem(tick, 96, velocity) + gem(tick, 98, velocity)
    return drum_file(events)


def test_velocities_mean_nothing_without_enable_chart_dynamics() -> None:
    chart = parse_mid(velocity_song(None))
    assert {n.dynamic for n in chart.track(E).notes} == {Dynamic.NORMAL}
    assert not chart.track(E).dynamics_charted


@pytest.mark.parametrize("event", ["[ENABLE_CHART_DYNAMICS]", "ENABLE_CHART_DYNAMICS", " [ENABLE_CHART_DYNAMICS] "])
def test_enable_chart_dynamics_turns_1_and_127_into_ghosts_and_accents_on_pads(event: str) -> None:
    chart = parse_mid(velocity_song(event))
    assert chart.track(E).dynamics_charted
    assert notes_of(chart) == [
        (0, K, N, NONE), (0, S, G, NONE), (0, HH, G, NONE),
        (480, K, N, NONE), (480, S, A, NONE), (480, HH, A, NONE),
        (960, K, N, NONE), (960, S, N, NONE), (960, HH, N, NONE),
    ]  # fmt: skip


def test_double_kick_is_expert_only_and_optional() -> None:
    chart = parse_mid(drum_file([*gem(0, 96), *gem(240, 95), *gem(480, 95), *gem(480, 96), *gem(0, 84)]))
    assert notes_of(chart) == [(0, K, N, NONE), (240, K, N, DK), (480, K, N, NONE)]
    assert [n.tick for n in chart.track(E).playable_notes()] == [0, 480]
    assert [n.tick for n in chart.track(E).playable_notes(expert_plus=True)] == [0, 240, 480]
    assert notes_of(chart, H) == [(0, K, N, NONE)]


def test_flam_marks_pads_inside_its_range_on_every_difficulty() -> None:
    events = [*marker(480, 600, 109), *gem(480, 97), *gem(480, 96), *gem(480, 85), *gem(600, 97), *gem(0, 97)]
    chart = parse_mid(drum_file(events))
    assert notes_of(chart) == [(0, S, N, NONE), (480, K, N, NONE), (480, S, N, FLAM), (600, S, N, NONE)]
    assert notes_of(chart, H) == [(480, S, N, FLAM)]


def disco_song(flag_event: str, pro: bool = True) -> bytes:
    events = [text(0, flag_event), text(960, "[mix 3 drums0]")]
    events += gem(0, 97) + gem(240, 98) + gem(480, 98) + gem(960, 97) + gem(960, 98)
    if pro:
        events += marker(480, 481, 110)
    return drum_file(events)


@pytest.mark.parametrize("event", ["[mix 3 drums0d]", "mix 3 drums2d", "[mix_3_drums5d]", "[MIX 3 DRUMS0D]"])
def test_disco_flip_swaps_red_and_yellow_on_pro_drums(event: str) -> None:
    chart = parse_mid(disco_song(event))
    assert notes_of(chart) == [
        (0, HH, N, NONE),
        (240, S, N, NONE),
        (480, S, N, NONE),
        (960, S, N, NONE),
        (960, HH, N, NONE),
    ]


@pytest.mark.parametrize(
    "event",
    ["[mix 3 drums0dnoflip]", "[mix 3 drums0easy]", "[mix 3 drums0easynokick]", "[mix 3 drums0]", "[mix 2 drums0d]"],
)
def test_other_mix_flags_and_other_difficulties_do_not_flip(event: str) -> None:
    chart = parse_mid(disco_song(event))
    assert notes_of(chart) == [
        (0, S, N, NONE),
        (240, HH, N, NONE),
        (480, TH, N, NONE),
        (960, S, N, NONE),
        (960, HH, N, NONE),
    ]


def test_disco_flip_leaves_non_pro_charts_alone() -> None:
    chart = parse_mid(disco_song("[mix 3 drums0d]", pro=False))
    assert chart.drum_type is DrumType.FOUR_LANE
    assert notes_of(chart)[:3] == [(0, S, N, NONE), (240, HH, N, NONE), (480, HH, N, NONE)]


def test_fill_with_only_lane_120_and_overlapping_lanes_merge() -> None:
    events = [*gem(0, 96), *marker(480, 960, 120), *marker(1920, 2400, 120), *marker(1920, 2400, 124)]
    events += marker(2160, 2880, 122)  # overlapping, different length: still the same fill
    chart = parse_mid(drum_file(events))
    assert phrases_of(chart) == [(PhraseKind.FILL, 480, 960), (PhraseKind.FILL, 1920, 2880)]


def test_fills_after_coda_are_a_big_rock_ending_not_activation_fills() -> None:
    drums = [*gem(0, 96), *marker(480, 960, 120), *marker(3840, 4800, 120), *gem(4800, 96)]
    data = save([tempo_track(480), named("EVENTS", [text(3840, "[coda]")]), named("PART DRUMS", drums)])
    chart = parse_mid(data)
    assert phrases_of(chart) == [(PhraseKind.FILL, 480, 960)]
    assert chart.metadata == {"coda_tick": "3840"}


def test_unterminated_marker_runs_to_the_end_of_the_track() -> None:
    events = [*gem(0, 96), *marker(480, None, 116), *gem(1440, 96), (2000, meta("text", text="[idle]"))]
    chart = parse_mid(drum_file(events))
    assert phrases_of(chart) == [(PhraseKind.STAR_POWER, 480, 2000)]


def test_markers_of_one_pitch_switched_off_and_on_at_one_tick_are_two_phrases() -> None:
    on_first = [(960, mido.Message("note_on", note=116, velocity=100)), (960, mido.Message("note_off", note=116))]
    events = [*gem(0, 96), (0, mido.Message("note_on", note=116, velocity=100)), *on_first]
    events += [(1440, mido.Message("note_off", note=116))]
    assert phrases_of(parse_mid(drum_file(events))) == [
        (PhraseKind.STAR_POWER, 0, 960),
        (PhraseKind.STAR_POWER, 960, 1440),
    ]


def test_nested_note_on_of_an_active_marker_is_ignored() -> None:
    events = [*gem(0, 96), *marker(0, 960, 103), *marker(480, 1440, 103), *marker(1920, 1920, 103)]
    # on 0, on 480, off 960, off 1440 (stray); a zero-length marker covers its own tick.
    assert phrases_of(parse_mid(drum_file(events))) == [(PhraseKind.SOLO, 0, 960), (PhraseKind.SOLO, 1920, 1921)]


def test_roll_markers_apply_to_hard_only_with_velocity_41_to_50() -> None:
    events = [*gem(0, 96), *gem(0, 84), *marker(0, 480, 126, 41), *marker(480, 960, 126, 51)]
    events += marker(960, 1440, 127, 50) + marker(1440, 1920, 127, 40)
    chart = parse_mid(drum_file(events))
    assert phrases_of(chart) == [
        (PhraseKind.ROLL, 0, 480), (PhraseKind.ROLL, 480, 960),
        (PhraseKind.DOUBLE_ROLL, 960, 1440), (PhraseKind.DOUBLE_ROLL, 1440, 1920),
    ]  # fmt: skip
    assert phrases_of(chart, H) == [(PhraseKind.ROLL, 0, 480), (PhraseKind.DOUBLE_ROLL, 960, 1440)]


def test_part_drum_alias_and_ignored_drum_tracks() -> None:
    assert notes_of(parse_mid(drum_file(gem(0, 97), name="PART DRUM"))) == [(0, S, N, NONE)]
    for other in ("PART DRUMS_2X", "PART REAL_DRUMS_PS", "PART ELITE_DRUMS", "PART GUITAR"):
        with pytest.raises(ChartError, match="not a Clone Hero drum chart: no PART DRUMS track"):
            parse_mid(drum_file(gem(0, 97), name=other))


def test_format_0_has_no_part_drums() -> None:
    data = save([[*tempo_track(480), *gem(0, 97)]], file_type=0)
    with pytest.raises(ChartError, match="no PART DRUMS track"):
        parse_mid(data)


def test_missing_tempo_is_a_warning_and_means_120_bpm() -> None:
    chart = parse_mid(drum_file(gem(960, 97), with_tempo=False))
    assert "no tempo events; assuming 120 BPM" in chart.warnings
    assert chart.track(E).notes[0].time_s == pytest.approx(1.0)


def test_unusable_tempo_map_events_are_skipped_with_warnings() -> None:
    tempo = [(0, meta("set_tempo", tempo=0)), (960, meta("set_tempo", tempo=250_000))]
    tempo += [(0, meta("time_signature", numerator=0, denominator=4)), (0, meta("time_signature", denominator=256))]
    chart = parse_mid(save([tempo, named("PART DRUMS", gem(1440, 97))]))
    assert chart.warnings == (
        "ignored a tempo of 0 microseconds per beat at tick 0",
        "first tempo event at tick 960; assuming 120 BPM before it",
        "ignored a bad time signature 0/2^2 at tick 0",
        "ignored a bad time signature 4/2^8 at tick 0",
    )
    assert chart.track(E).notes[0].time_s == pytest.approx(1.0 + 480 / 480 * 0.25)
    assert [(s.numerator, s.denominator) for s in chart.tempo_map.time_signatures] == [(4, 4)]


def test_empty_drum_track_is_a_warning() -> None:
    chart = parse_mid(drum_file([text(0, "[idle]")]))
    assert chart.tracks == {}
    assert chart.warnings == ("the drum track has no notes",)


def test_read_mid_reads_a_file_and_reports_unreadable_ones(tmp_path: Path) -> None:
    path = tmp_path / "notes.mid"
    path.write_bytes(full_song(480))
    assert notes_of(read_mid(path)) == notes_of(parse_mid(full_song(480)))
    with pytest.raises(ChartError, match="cannot read file") as caught:
        read_mid(tmp_path / "missing.mid")
    assert caught.value.path == tmp_path / "missing.mid"


def test_errors_carry_path_and_location(tmp_path: Path) -> None:
    path = tmp_path / "notes.mid"
    data = full_song(480)
    path.write_bytes(data[: len(data) - 20])
    with pytest.raises(ChartError) as caught:
        read_mid(path)
    assert caught.value.path == path
    assert caught.value.location is not None and caught.value.location.startswith("track 6, byte ")
    assert str(caught.value).startswith(f"{path} (track 6, byte ")
    with pytest.raises(ChartError, match=r"looks like a \.chart") as chart_file:
        parse_mid(b"\xef\xbb\xbf[Song]\r\n{\r\n}\r\n", Path("x/notes.mid"))
    assert chart_file.value.path == Path("x/notes.mid")


def test_hostile_lengths_fail_fast() -> None:
    huge_meta = b"MThd\x00\x00\x00\x06\x00\x01\x00\x01\x01\xe0MTrk\x00\x00\x00\x09\x00\xff\x01\xff\xff\xff\x7fab"
    with pytest.raises(ChartError, match="truncated event"):
        parse_mid(huge_meta)
    huge_chunk = b"MThd\x00\x00\x00\x06\x00\x01\x00\x01\x01\xe0MTrk\xff\xff\xff\xff\x00"
    with pytest.raises(ChartError, match="runs past the end"):
        parse_mid(huge_chunk)


# --- independent counts and robustness -----------------------------------------------------------

RANGES = {Difficulty.EASY: range(60, 65), Difficulty.MEDIUM: range(72, 77), H: range(84, 89), E: range(95, 101)}


def mido_counts(data: bytes) -> dict[Difficulty, int]:
    """Gems per difficulty, counted straight from mido's tracks: distinct (tick, note) Note Ons,
    a 2x kick not counted where a normal Expert kick shares its tick."""
    track = next(t for t in mido.MidiFile(file=io.BytesIO(data), clip=True).tracks if t.name == "PART DRUMS")
    tick, seen = 0, set()
    for msg in track:
        tick += msg.time
        if msg.type == "note_on" and msg.velocity > 0:
            seen.add((tick, msg.note))
    seen -= {(t, 95) for t, n in seen if n == 96}
    return {d: sum(1 for _, n in seen if n in notes) for d, notes in RANGES.items()}


drum_notes = st.lists(
    st.tuples(
        st.integers(0, 20_000),
        st.sampled_from([*range(95, 101), *range(84, 89), *range(72, 77), *range(60, 65), 24, 40, 103, 116, 120]),
        st.integers(1, 127),
    ),
    max_size=120,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=drum_notes, tpq=st.sampled_from([480, 960]))
def test_note_counts_match_an_independent_count_from_mido(notes: list[tuple[int, int, int]], tpq: int) -> None:
    events: list[Event] = []
    for tick, note, velocity in notes:
        events += gem(tick, note, velocity)
    data = drum_file(events, tpq=tpq)
    chart = parse_mid(data)
    assert {d: len(chart.track(d).notes) for d in Difficulty} == mido_counts(data)


VALID = full_song(480)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400))
def test_random_bytes_give_a_chart_or_a_chart_error(data: bytes) -> None:
    for candidate in (data, VALID[:14] + data, VALID[:22] + data):
        with contextlib.suppress(ChartError):
            assert isinstance(parse_mid(candidate), Chart)


mutation = st.tuples(
    st.sampled_from(["flip", "cut", "insert", "delete"]), st.integers(0, len(VALID) - 1), st.integers(0, 255)
)


@settings(max_examples=300, deadline=None)
@given(mutations=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_files_give_a_chart_or_a_chart_error(mutations: list[tuple[str, int, int]]) -> None:
    data = bytearray(VALID)
    for kind, position, value in mutations:
        position %= len(data) + 1
        if kind == "insert":
            data[position:position] = bytes([value])
        elif position == len(data):
            continue
        elif kind == "flip":
            data[position] = value
        elif kind == "cut":
            del data[position:]
        else:
            del data[position]
    try:
        chart = parse_mid(bytes(data))
    except ChartError as error:
        assert error.message
    else:
        assert chart.format is ChartFormat.MID
