"""Settings -> Drum kit, headless: port choice, preset, learn mode with its review, trigger
thresholds and the live kit panel, driven through MenuActions, pads and the raw MIDI stream.

The kit is the real `MidiInput` over scripted ports (its injectable lister and opener, as in
test_midi_input.py): messages go into the real port callback, and the real main loop drains them
into the scene. Learn-mode timing uses made-up event stamps; no test sleeps.
"""

from __future__ import annotations

import time
import types
from pathlib import Path

import pygame
import pytest

from game.app.dispatch import dispatch_pad
from game.app.loop import MainLoop
from game.app.pacing import FramePacer
from game.chart.piece import KitPiece as P
from game.input.keyboard import KeyBindings
from game.input.midi_event import MidiEvent, MidiKind
from game.input.midi_input import MidiInput
from game.input.midi_port import PortListener
from game.input.raw import MenuAction as A
from game.input.raw import RawHit
from game.persistence.settings import Settings, load_settings
from game.render.theme import Theme
from game.scenes.base import SceneStack
from game.scenes.drum_kit import DrumKitScene, Mode
from game.scenes.drum_kit_learn import LEARN_ORDER, ReviewStep, merged_note_map
from game.scenes.services import Services
from game.scenes.settings_menu import SettingsScene

T0 = 100.0
KIT = "TD-17:TD-17 MIDI 1"
THROUGH = "Midi Through:Midi Through Port-0"
NOTE_ON, CC = 0x99, 0xB9


class ScriptedPorts:
    """Input ports for the real MidiInput: a fixed list and the real listeners, no MIDI system."""

    def __init__(self, *ports: str) -> None:
        self.ports = list(ports)
        self.listeners: dict[str, PortListener] = {}

    def lister(self, client: object, api: str) -> list[str]:
        return list(self.ports)

    def opener(self, api: str, port: str, config, sink, deltas: bool) -> PortListener:
        self.listeners[port] = PortListener(config, sink, port, deltas)
        return self.listeners[port]

    def delete(self) -> None:  # as the rtmidi client
        pass

    def send(self, port: str, *message: int) -> None:
        self.listeners[port]._on_message((list(message), 0.0))


@pytest.fixture(scope="module")
def theme() -> Theme:
    pygame.init()
    return Theme()


@pytest.fixture
def ports() -> ScriptedPorts:
    return ScriptedPorts(THROUGH, KIT, "Nitro")


@pytest.fixture
def midi(ports: ScriptedPorts):
    made = MidiInput(ports, "fake", Settings().midi, opener=ports.opener, lister=ports.lister)
    made.scan()
    yield made
    made.close()


def make_services(theme: Theme, tmp_path: Path, midi: MidiInput | None, settings: Settings | None = None) -> Services:
    return Services(
        theme=theme,
        scenes=SceneStack(),
        settings=settings or Settings(),
        settings_path=tmp_path / "settings.json",
        scores=None,
        mixer=None,
        kit=None,
        library_roots=(),
        now_iso=lambda: "2024-05-01T12:00:00",
        midi=midi,
    )


@pytest.fixture
def services(theme: Theme, tmp_path: Path, midi: MidiInput) -> Services:
    return make_services(theme, tmp_path, midi)


def open_scene(services: Services) -> DrumKitScene:
    scene = DrumKitScene(services)
    services.scenes.push(scene, T0)
    return scene


def saved(services: Services) -> Settings:
    assert services.settings_path is not None
    loaded, notice = load_settings(services.settings_path)
    assert notice is None
    return loaded


def press(scene: DrumKitScene, *actions: A) -> None:
    for action in actions:
        scene.on_action(action, T0)


def go_to(scene: DrumKitScene, label: str) -> None:
    for _ in scene.rows:
        if scene.rows[scene.selected].row.label == label:
            return
        press(scene, A.DOWN)
    raise AssertionError(f"no row {label!r}")


def shown(scene: DrumKitScene, label: str) -> str:
    return next(row.value for row in scene.view(T0).rows.rows if row.label == label)


def note(number: int, velocity: int, at: float, piece: P | None = None) -> MidiEvent:
    return MidiEvent(at, KIT, MidiKind.NOTE, number, velocity, piece)


def main_loop(services: Services, midi: MidiInput) -> MainLoop:
    """The app's loop as it runs, with the real clock (only to stamp passes; nothing waits)."""
    pacer = FramePacer(0, sleep=lambda seconds: None)
    return MainLoop(services.scenes, pacer, lambda scene: KeyBindings({}), midi=midi, notice=services.notice)


# --- the settings screen opens it -------------------------------------------------------------


def test_settings_screen_has_a_drum_kit_row_that_opens_the_screen(services: Services):
    settings = SettingsScene(services)
    services.scenes.push(settings, T0)
    for _ in settings.rows:
        if settings.row.label == "Drum kit":
            break
        settings.on_action(A.DOWN, T0)
    assert settings.row.show(services.settings) == "General MIDI"
    settings.on_action(A.SELECT, T0)
    assert isinstance(services.scenes.top, DrumKitScene)
    services.scenes.top.on_action(A.BACK, T0)
    assert services.scenes.top is settings


# --- ports and preset -------------------------------------------------------------------------


def test_every_port_is_listed_and_the_choice_is_saved(services: Services, midi: MidiInput):
    scene = open_scene(services)
    assert [shown(scene, name) for name in ("All ports", THROUGH, KIT, "Nitro")] == ["On", "Off", "On", "On"]
    go_to(scene, "Nitro")
    press(scene, A.SELECT)  # one port off while all were on: the others, by name
    assert saved(services).midi.ports == (KIT,)
    midi.scan()
    assert midi.connected == (KIT,)
    press(scene, A.RIGHT)
    assert saved(services).midi.ports == (KIT, "Nitro")
    go_to(scene, THROUGH)
    press(scene, A.SELECT)
    assert services.settings.midi.ports == (KIT, "Nitro", THROUGH)
    go_to(scene, "All ports")
    press(scene, A.SELECT)
    assert saved(services).midi.ports == ("*",)
    press(scene, A.SELECT)
    assert saved(services).midi.ports == ()
    assert scene.status() == ("MIDI is off: turn a port on", False)


def test_a_chosen_port_that_is_not_plugged_in_is_listed_and_a_new_one_appears(
    theme: Theme, tmp_path: Path, ports: ScriptedPorts, midi: MidiInput
):
    services = make_services(theme, tmp_path, midi, Settings().replace_in("midi", ports=("Old kit",)))
    scene = open_scene(services)
    assert shown(scene, "Old kit (not connected)") == "On"
    ports.ports.append("UM-ONE")
    midi.scan()
    scene.update(T0)
    assert shown(scene, "UM-ONE") == "Off"


def test_preset_change_is_saved_and_reconfigures_the_kit(services: Services, ports: ScriptedPorts, midi: MidiInput):
    scene = open_scene(services)
    go_to(scene, "Preset")
    press(scene, A.RIGHT)
    assert saved(services).midi.preset == "roland_td"
    assert shown(scene, "Preset") == "Roland TD series"
    ports.send(KIT, NOTE_ON, 22, 90)  # Roland's closed hi-hat edge: unknown to General MIDI
    assert [hit.piece for hit in midi.drain()] == [P.HIHAT]
    press(scene, A.RIGHT, A.RIGHT, A.RIGHT)  # stops at the last one
    assert saved(services).midi.preset == "yamaha_dtx"


# --- thresholds -------------------------------------------------------------------------------


def test_thresholds_are_saved_and_reach_the_kit(services: Services, midi: MidiInput):
    scene = open_scene(services)
    go_to(scene, "Debounce")
    press(scene, A.RIGHT, A.RIGHT, A.RIGHT)
    assert saved(services).midi.debounce_ms == 8.0
    press(scene, A.SELECT, A.RIGHT)  # coarse: 5 ms steps
    assert shown(scene, "Debounce").startswith("13 ms")
    press(scene, *[A.RIGHT] * 20)
    assert services.settings.midi.debounce_ms == 60.0
    assert midi.config().debounce_s == pytest.approx(0.060)
    go_to(scene, "Cross-talk filter")
    press(scene, A.SELECT)
    assert saved(services).midi.crosstalk_filter and midi.config().crosstalk_window_s > 0
    go_to(scene, "Hi-hat closed at")
    press(scene, A.RIGHT)
    assert saved(services).midi.hihat_closed_at == 65
    go_to(scene, "Hi-hat pedal (CC 4)")
    press(scene, A.SELECT)
    assert not saved(services).midi.hihat_cc4 and midi.config().hihat_closed_at is None


def test_minimum_velocity_per_piece(services: Services, ports: ScriptedPorts, midi: MidiInput):
    scene = open_scene(services)
    go_to(scene, "Min velocity: Snare")
    assert shown(scene, "Min velocity: Snare") == "Any"
    press(scene, A.SELECT, A.RIGHT, A.RIGHT)  # coarse: 1 -> 11 -> 21
    assert saved(services).midi.min_velocity == {P.SNARE: 21}
    ports.send(KIT, NOTE_ON, 38, 15)
    assert midi.drain() == []
    press(scene, A.LEFT, A.LEFT, A.LEFT)  # back down to "Any": the piece leaves the setting
    assert saved(services).midi.min_velocity == {}
    assert shown(scene, "Min velocity: Snare") == "Any (\u00b110)"


# --- the live panel ---------------------------------------------------------------------------


def test_the_panel_lights_the_piece_hit_with_its_velocity(services: Services, ports: ScriptedPorts, midi: MidiInput):
    scene = open_scene(services)
    loop = main_loop(services, midi)
    ports.send(KIT, NOTE_ON, 38, 127)  # in the list, the snare pad selects: "Test your kit"
    loop.run_pass()
    assert scene.mode is Mode.TEST and scene.drums_first
    ports.send(KIT, CC, 4, 20)
    ports.send(KIT, NOTE_ON, 48, 64)  # high tom: "up" in menus, a drum while testing
    ports.send(KIT, NOTE_ON, 56, 100)  # cowbell: mapped to nothing
    loop.run_pass()
    assert scene.selected == 0 and scene.mode is Mode.TEST
    tom = scene.monitor.strokes[P.TOM_HIGH]
    panel = scene.monitor.view(tom.wall_time, {P.TOM_HIGH: "High tom", P.SNARE: "Snare", P.KICK: "Kick"}, 64)
    lights = {pad.piece: pad for pad in panel.pads}
    assert lights[P.TOM_HIGH].velocity == 64 and lights[P.TOM_HIGH].glow == pytest.approx(0.25 + 0.75 * 64 / 127)
    assert lights[P.KICK].glow == 0.0 and lights[P.KICK].velocity is None
    assert lights[P.SNARE].velocity == 127
    assert panel.pedal == 20
    assert panel.readout == "Note 56  \u00b7  velocity 100  \u2192  not mapped"
    assert scene.monitor.view(tom.wall_time + 1.0, {P.TOM_HIGH: "High tom"}, 64).pads[0].glow == 0.0  # faded
    press(scene, A.BACK)
    assert scene.mode is Mode.LIST and not scene.drums_first


def test_keyboard_hits_light_the_panel_and_midi_hits_are_not_counted_twice(services: Services):
    scene = open_scene(services)
    scene.on_midi_event(note(38, 90, T0, P.SNARE))
    scene.on_hit(RawHit(P.SNARE, T0, 90, KIT))  # the same stroke, as the loop hands it on
    scene.on_hit(RawHit(P.KICK, T0 + 0.1, 100, "keyboard"))
    assert scene.monitor.strokes[P.SNARE].note == 38
    assert scene.monitor.strokes[P.KICK].velocity == 100
    assert scene.monitor.readout({P.KICK: "Kick"})[0] == "Key  \u00b7  velocity 100  \u2192  Kick"


def test_a_filtered_hit_shows_why_it_did_not_count(services: Services):
    scene = open_scene(services)
    scene.on_midi_event(MidiEvent(T0, KIT, MidiKind.NOTE, 38, 3, P.SNARE, "velocity"))
    panel = scene.view(T0).panel
    snare = next(pad for pad in panel.pads if pad.piece is P.SNARE)
    assert snare.dropped and panel.detail_warns and "minimum velocity" in panel.detail


# --- learn mode -------------------------------------------------------------------------------


def skip_to(scene: DrumKitScene, piece: P) -> None:
    assert scene.learn is not None
    while scene.learn.session.current is not piece:
        press(scene, A.RIGHT)


def test_learn_mode_with_a_conflict_resolved_in_review(services: Services, midi: MidiInput, theme: Theme):
    scene = open_scene(services)
    go_to(scene, "Learn my kit")
    press(scene, A.SELECT)
    assert scene.mode is Mode.LEARN and scene.drums_first
    assert scene.view(T0).learn.asked == "kick pedal"
    scene.on_midi_event(note(36, 100, 1.0))
    scene.update(1.5)
    assert scene.learn.session.current is P.KICK  # still listening for a second zone
    scene.update(2.1)  # a second of quiet: the next piece
    assert scene.learn.session.current is P.SNARE
    scene.on_midi_event(note(38, 110, 3.0))  # head
    scene.on_midi_event(note(40, 90, 3.3))  # rim
    scene.on_midi_event(note(36, 10, 3.31))  # the kick pad rattling along: cross-talk, not learned
    assert scene.view(3.4).learn.heard == (38, 40)
    press(scene, A.SELECT)
    assert scene.learn.session.learned(P.SNARE) == (38, 40)
    skip_to(scene, P.TOM_HIGH)  # no hi-hat on this kit: three pieces skipped
    scene.on_midi_event(note(71, 100, 5.0))
    press(scene, A.SELECT)
    scene.on_midi_event(note(60, 100, 6.0))  # a wrong pad for the mid tom...
    press(scene, A.SELECT, A.LEFT)  # ...so back to it
    assert scene.learn.session.current is P.TOM_MID and scene.view(6.5).learn.heard == ()
    scene.on_midi_event(note(71, 100, 7.0))  # the same note as the high tom: a conflict
    press(scene, A.SELECT)
    skip_to(scene, None)
    assert scene.mode is Mode.REVIEW and not scene.drums_first
    items = scene.learn.review({piece: piece.value for piece in P})
    assert items[0].step is ReviewStep.CONFLICT and items[0].row.label == "Note 71"
    assert [item.row.label for item in items if item.step is ReviewStep.LEARNED] == ["kick", "snare"]
    surface = pygame.Surface((1280, 720))
    scene.draw(surface, 8.0)
    save = next(i for i, item in enumerate(items) if item.step is ReviewStep.SAVE)
    scene.review_selected = save
    press(scene, A.SELECT)  # refused: note 71 has no piece yet
    assert scene.mode is Mode.REVIEW and "note 71" in services.notices[-1]
    scene.review_selected = 0
    press(scene, A.RIGHT, A.RIGHT)  # high tom, then mid tom
    assert scene.view(8.0).rows.rows[0].value == "Mid tom"
    scene.review_selected = save
    press(scene, A.SELECT)
    assert scene.mode is Mode.LIST
    expected = {36: P.KICK, 38: P.SNARE, 40: P.SNARE, 71: P.TOM_MID}
    assert saved(services).midi.note_map == expected
    assert midi.config().note_map.piece_for(71) is P.TOM_MID
    assert shown(scene, "Learned notes") == "4 notes"


def test_review_is_driven_by_pads(services: Services):
    scene = open_scene(services)
    scene.start_learning()
    scene.on_midi_event(note(36, 100, 1.0))
    press(scene, A.SELECT)  # next (RIGHT would skip the kick and forget it)
    skip_to(scene, None)
    assert scene.learn.review({p: p.value for p in P})[0].step is ReviewStep.LEARNED
    dispatch_pad(RawHit(P.TOM_MID, T0, 100, KIT), scene)  # mid tom: down to "Save"
    dispatch_pad(RawHit(P.SNARE, T0, 100, KIT), scene)  # snare: select
    assert scene.mode is Mode.LIST and services.settings.midi.note_map == {36: P.KICK}


def test_stopping_learn_mode_and_discarding_keep_the_map(services: Services):
    scene = open_scene(services)
    scene.start_learning()
    scene.on_midi_event(note(36, 100, 1.0))
    press(scene, A.BACK)
    assert scene.mode is Mode.LIST and scene.learn is None
    scene.start_learning()
    skip_to(scene, None)
    press(scene, A.BACK)  # from the review: learn the last piece again
    assert scene.mode is Mode.LEARN and scene.learn.session.current is LEARN_ORDER[-1]
    press(scene, A.RIGHT)
    scene.review_selected = len(scene.learn.review({p: p.value for p in P})) - 1  # "Discard"
    press(scene, A.SELECT)
    assert scene.mode is Mode.LIST and services.settings.midi.note_map == {}


def test_learned_notes_merge_with_earlier_overrides():
    old = {60: P.SNARE, 99: None, 50: P.CRASH, 71: P.RIDE}
    learned = {38: P.SNARE, 71: P.TOM_MID}
    assert merged_note_map(old, learned) == {99: None, 50: P.CRASH, 38: P.SNARE, 71: P.TOM_MID}


def test_forgetting_learned_notes(theme: Theme, tmp_path: Path, midi: MidiInput):
    services = make_services(theme, tmp_path, midi, Settings().replace_in("midi", note_map={71: "tom_mid"}))
    scene = open_scene(services)
    go_to(scene, "Learned notes")
    assert shown(scene, "Learned notes") == "1 note"
    press(scene, A.SELECT)
    assert saved(services).midi.note_map == {}


# --- without a kit ----------------------------------------------------------------------------


def test_without_a_midi_system_the_screen_says_so_and_still_edits(theme: Theme, tmp_path: Path):
    services = make_services(theme, tmp_path, None)
    scene = open_scene(services)
    assert scene.status() == ("No MIDI system running: preset and thresholds are saved for when there is one", False)
    assert [row.row.label for row in scene.rows if row.row.section == "Ports"] == ["All ports"]
    go_to(scene, "Preset")
    press(scene, A.RIGHT)
    go_to(scene, "Debounce")
    press(scene, A.LEFT)
    assert (saved(services).midi.preset, saved(services).midi.debounce_ms) == ("roland_td", 4.0)
    go_to(scene, "Learn my kit")
    press(scene, A.SELECT)  # nothing to learn from
    assert scene.mode is Mode.LIST and "no MIDI kit" in services.notices[-1]
    scene.on_hit(RawHit(P.SNARE, T0, 100, "keyboard"))  # the keyboard's drum keys still light the panel
    assert next(pad for pad in scene.view(T0).panel.pads if pad.piece is P.SNARE).glow > 0


def test_status_names_the_ports_listened_to(services: Services, ports: ScriptedPorts, midi: MidiInput):
    scene = open_scene(services)
    assert scene.status() == (f"Listening to {KIT}, Nitro", True)
    ports.ports.clear()
    midi.scan()
    assert scene.status() == ("No kit connected: plug one in any time", False)


# --- drawing ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1280, 720), (960, 540)])
@pytest.mark.parametrize("with_kit", [True, False])
def test_every_mode_draws(theme: Theme, tmp_path: Path, midi: MidiInput, size, with_kit: bool):
    services = make_services(theme, tmp_path, midi if with_kit else None)
    scene = open_scene(services)
    surface = pygame.Surface(size)
    now = time.perf_counter()
    scene.draw(surface, now)
    press(scene, A.SELECT)  # test your kit
    for number, velocity, piece in ((38, 120, P.SNARE), (49, 40, P.CRASH), (36, 127, P.KICK), (56, 90, None)):
        scene.on_midi_event(note(number, velocity, now, piece))
    scene.on_midi_event(MidiEvent(now, KIT, MidiKind.CONTROL, 4, 100))
    scene.draw(surface, now + 0.05)
    press(scene, A.BACK)
    go_to(scene, "Debounce")
    press(scene, A.SELECT)  # coarse editing
    scene.draw(surface, now)
    scene.start_learning()
    skip_to(scene, P.HIHAT)  # the longest prompt
    scene.on_midi_event(note(42, 80, now))
    scene.draw(surface, now)
    skip_to(scene, P.TOM_HIGH)
    scene.on_midi_event(note(48, 100, now))
    press(scene, A.SELECT)
    scene.on_midi_event(note(48, 100, now))
    skip_to(scene, None)
    scene.draw(surface, now)  # the review, with a conflict
    assert scene.mode is Mode.REVIEW


def test_each_connected_kit_has_an_input_latency_row_the_clock_uses():
    from game.scenes.drum_kit_rows import offset_row
    from game.scenes.play import latencies_from

    row = offset_row("TD-17 MIDI 1", first=True).row
    settings = row.change(row.change(Settings(), 3), 4)
    assert settings.players.device_offsets_ms == {"TD-17 MIDI 1": 7.0}
    assert row.show(settings) == "+7 ms"
    services = types.SimpleNamespace(settings=settings)
    assert latencies_from(services).input_s["TD-17 MIDI 1"] == pytest.approx(0.007)
