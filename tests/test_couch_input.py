"""Two players on one keyboard: the default key sets of the two halves, their settings (rebinding,
salvage, one player per key), the app's key resolver, and key presses stamped with the half's
device on their way to a scene."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.app.dispatch import dispatch
from game.app.run import bindings_resolver
from game.chart.layout import LAYOUTS
from game.chart.piece import KitPiece as P
from game.input.keyboard import KeyBindings, hit_from_key
from game.input.raw import MenuAction, RawHit
from game.persistence.couch_keys import default_couch_bindings
from game.persistence.paths import GamePaths
from game.persistence.scores import ScoreStore
from game.persistence.settings import Settings, load_settings
from game.render.theme import Theme
from game.scenes.base import Scene, SceneStack
from game.scenes.services import Services
from game.scenes.settings_menu import SettingsScene

MENU_KEY_NAMES = {"up", "down", "left", "right", "return", "enter", "escape", "backspace", "tab", "f11", "pause"}
# What each player reaches sitting side by side: the keys left and right of the T|Y, G|H, B|N split
LEFT_HALF = {*"12345qwertasdfgzxcvb", "`", "left ctrl", "left shift", "caps lock"}
RIGHT_HALF = {*"67890yuiophjklnm", "-", "=", "[", "]", ";", "'", ",", ".", "/", "\\", "right ctrl", "right shift"}
T0 = 50.0


def key_down(name: str) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=pygame.key.key_code(name), unicode="", mod=0)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_half_plays_every_piece_of_every_layout(layout):
    playable = {piece for piece in P if LAYOUTS[layout].plays(piece)}
    player_1, player_2 = default_couch_bindings(0, layout), default_couch_bindings(1, layout)
    for keys, half in ((player_1, LEFT_HALF), (player_2, RIGHT_HALF)):
        assert set(keys.values()) == playable
        assert set(keys) <= half and not MENU_KEY_NAMES & set(keys)
        assert sum(piece is P.KICK for piece in keys.values()) == 2  # a thumb key and a pinky key
        assert [piece for piece in keys.values()].count(P.SNARE) == 2
    assert not set(player_1) & set(player_2)
    settings = Settings().input
    assert (settings.couch_bindings_for(0, layout), settings.couch_bindings_for(1, layout)) == (player_1, player_2)


def test_default_couch_key_names_are_pygame_key_names():
    pygame.init()
    for side in (0, 1):
        for name in default_couch_bindings(side, "kit"):
            assert pygame.key.name(pygame.key.key_code(name)) == name


def test_hits_are_stamped_with_the_keys_device():
    pygame.init()
    single = KeyBindings.from_names({"f": "snare"})
    assert hit_from_key(key_down("f"), single, 1.5) == RawHit(P.SNARE, 1.5, 100, "keyboard")
    couch = KeyBindings.couch([{"f": "snare", "left ctrl": "kick"}, {"j": "snare", "n": "kick"}])
    assert hit_from_key(key_down("left ctrl"), couch, 2.0) == RawHit(P.KICK, 2.0, 100, "keyboard.p1")
    assert hit_from_key(key_down("j"), couch, 2.5) == RawHit(P.SNARE, 2.5, 100, "keyboard.p2")
    assert hit_from_key(key_down("x"), couch, 3.0) is None
    assert [label for label, _ in couch.labels("keyboard.p2")] == ["N", "J"]


def test_a_key_in_both_halves_plays_for_player_1_only():
    pygame.init()
    couch = KeyBindings.couch([{"j": "snare"}, {"j": "tom_high", "k": "snare"}])
    assert hit_from_key(key_down("j"), couch, 1.0) == RawHit(P.SNARE, 1.0, 100, "keyboard.p1")
    assert couch.device_of(pygame.K_k) == "keyboard.p2"


class CouchProbe(Scene):
    """A scene that takes the keyboard as two players' drums and keeps what reaches it."""

    drums_first = True

    def __init__(self, layouts: tuple[str, str] | None) -> None:
        self.couch_key_layouts = layouts
        self.hits: list[RawHit] = []

    def on_hit(self, hit: RawHit) -> None:
        self.hits.append(hit)


@pytest.fixture
def services(tmp_path: Path) -> Services:
    pygame.init()
    return Services(
        theme=Theme(),
        scenes=SceneStack(),
        settings=Settings(),
        settings_path=None,
        scores=ScoreStore(tmp_path / "scores.sqlite3"),
        mixer=None,
        kit=None,
        library_roots=(),
        now_iso=lambda: "2026-11-28T12:00:00+00:00",
    )


def test_the_resolver_gives_a_couch_scene_both_halves(services: Services):
    resolve = bindings_resolver(services)
    scene = CouchProbe(("four_lane_pro", "kit"))
    for name in ("s", "a", "j", "h", "escape"):
        dispatch(key_down(name), T0, scene, resolve(scene))
    # the left half's pedal key is not played in four_lane_pro; the right half's (kit) is
    assert [(hit.piece, hit.device) for hit in scene.hits] == [
        (P.SNARE, "keyboard.p1"),
        (P.SNARE, "keyboard.p2"),
        (P.HIHAT_PEDAL, "keyboard.p2"),
    ]
    single = CouchProbe(None)
    dispatch(key_down("f"), T0, single, resolve(single))
    assert single.hits == [RawHit(P.SNARE, T0, 100, "keyboard")]


def test_the_resolver_rebuilds_only_on_new_settings_or_layouts(services: Services):
    resolve = bindings_resolver(services)
    scene = CouchProbe(("kit", "kit"))
    first = resolve(scene)
    assert resolve(scene) is first
    scene.couch_key_layouts = ("kit", "five_lane")
    assert resolve(scene) is not first and pygame.K_h not in resolve(scene).pieces  # five_lane: no pedal
    services.update_settings(services.settings.with_couch_bindings(1, "five_lane", {"m": "kick"}))
    assert resolve(scene).pieces[pygame.K_m] is P.KICK and pygame.K_n not in resolve(scene).pieces


def test_rebinding_moves_a_key_from_the_other_player():
    settings = Settings().with_couch_bindings(1, "kit", {**default_couch_bindings(1, "kit"), "g": "tom_mid"})
    assert settings.input.couch_bindings_for(1, "kit")["g"] is P.TOM_MID
    for layout in LAYOUTS:  # gone from every one of player 1's sets
        assert "g" not in settings.input.couch_bindings_for(0, layout)
    assert settings.input.couch_bindings_for(0, "kit")["f"] is P.TOM_HIGH  # the rest stays
    with pytest.raises(ValueError, match="unknown lane layout"):
        Settings().with_couch_bindings(0, "six_lane", {})


def test_an_emptied_set_falls_back_to_the_defaults():
    settings = Settings().with_couch_bindings(0, "four_lane", {})
    assert settings.input.couch_bindings["p1"]["four_lane"] == {}
    assert settings.input.couch_bindings_for(0, "four_lane") == default_couch_bindings(0, "four_lane")


def test_couch_bindings_survive_a_round_trip_and_are_salvaged_per_layout(tmp_path: Path):
    path = GamePaths.under(tmp_path).settings_file
    custom = Settings().with_couch_bindings(1, "kit", {"m": "kick", "j": "snare"})
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.loads(custom.to_json())
    assert load_settings_text(path, data) == (custom, None)
    data["input"]["couch_bindings"]["p1"]["five_lane"] = {"x": "cowbell"}
    data["input"]["couch_bindings"]["p2"]["kit"]["q"] = "ride"  # player 1's left crash key too
    loaded, notice = load_settings_text(path, data)
    assert loaded.input.couch_bindings_for(0, "five_lane") == default_couch_bindings(0, "five_lane")
    assert loaded.input.couch_bindings_for(1, "kit") == {"m": P.KICK, "j": P.SNARE}  # "q" stays player 1's
    assert loaded.input.couch_bindings_for(0, "kit")["q"] is P.CRASH_LEFT
    assert notice is not None and "input.couch_bindings.p1.five_lane" in notice and "p2.kit.q" in notice


def test_a_key_for_both_players_is_refused_when_set_whole():
    both = {"p1": {"kit": {"j": "snare"}}, "p2": {"kit": {"j": "snare"}}}
    with pytest.raises(ValueError, match=r"p2\.kit\.j"):
        Settings().replace_in("input", couch_bindings=both)


def load_settings_text(path: Path, data: dict) -> tuple[Settings, str | None]:
    path.write_text(json.dumps(data))
    return load_settings(path)


def choose(scene: SettingsScene, label: str, *actions: MenuAction) -> None:
    for _ in scene.rows:
        if scene.row.label == label:
            break
        scene.on_action(MenuAction.DOWN, T0)
    assert scene.row.label == label
    for action in actions:
        scene.on_action(action, T0)


def test_the_settings_screen_rebinds_each_players_half(services: Services):
    single = services.settings.input.bindings
    scene = SettingsScene(services)
    choose(scene, "Keys of", MenuAction.RIGHT)
    assert scene.keys_side == 0 and scene.row.show(services.settings) == "2 players: player 1 (left half)"
    choose(scene, "Snare", MenuAction.SELECT)
    assert scene.row.show(services.settings) == "S, D"
    scene.on_key("x", T0)
    assert services.settings.input.couch_bindings_for(0, "four_lane_pro")["x"] is P.SNARE
    assert scene.row.show(services.settings) == "D, X"
    choose(scene, "Keys of", MenuAction.RIGHT)  # player 2 takes X for their snare
    choose(scene, "Snare", MenuAction.SELECT)
    scene.on_key("x", T0)
    assert "X now plays for player 2 only" in services.notices[-1]
    assert services.settings.input.couch_bindings_for(1, "four_lane_pro")["x"] is P.SNARE
    assert "x" not in services.settings.input.couch_bindings_for(0, "four_lane_pro")
    choose(scene, "Reset keys", MenuAction.SELECT)
    assert services.settings.input.couch_bindings_for(1, "four_lane_pro") == default_couch_bindings(1, "four_lane_pro")
    assert services.settings.input.bindings == single  # the one-player keys were never touched
    choose(scene, "Keys of", MenuAction.RIGHT)
    assert scene.keys_side is None and scene.row.show(services.settings) == "One player"
