"""The scene protocol and the stack the app runs.

Every method gets the wall time (perf_counter seconds) of the loop pass from the app; scenes never
read a clock themselves, so tests can drive them with made-up times. `update` runs every pass of
the ~1 kHz loop and must stay cheap; `draw` runs only when a frame is due.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pygame

    from game.input.midi_event import MidiEvent
    from game.input.raw import MenuAction, RawHit


class Scene:
    wants_text = False  # song select's search box takes typed characters
    drums_first = False  # while playing, bound drum keys win over menu keys (except Escape)
    captures_keys = False  # key rebinding: every key press goes to `on_key` instead
    key_layout: str | None = None  # the lane layout whose drum keys apply (None: the settings' choice)
    # two players on one keyboard: (player 1's, player 2's) lane layout; each half of the keyboard
    # plays that player's couch key set, as devices "keyboard.p1"/"keyboard.p2" (None: one player)
    couch_key_layouts: tuple[str, str] | None = None

    def on_key(self, key_name: str, wall_time: float) -> None:
        """A raw key press by pygame key name (only when `captures_keys`)."""

    def enter(self, wall_time: float) -> None:
        """Called when the scene becomes the top of the stack."""

    def leave(self) -> None:
        """Called when the scene is removed from the stack."""

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        """A menu verb from the keyboard (or, later, a mapped pad)."""

    def on_hit(self, hit: RawHit) -> None:
        """A drum hit from any device, stamped on arrival."""

    def on_midi_event(self, event: MidiEvent) -> None:
        """Every decoded MIDI message (dropped and unmapped notes, pedal moves too), before the hit
        it may carry reaches `on_hit`/`on_action`. For screens that show or learn the raw kit."""

    def on_text(self, text: str, wall_time: float) -> None:
        """Typed characters (only when `wants_text`)."""

    def on_focus_lost(self, wall_time: float) -> None:
        """The window lost focus (the player alt-tabbed away), or an input device was unplugged."""

    def update(self, wall_time: float) -> None:
        """Every loop pass."""

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        """When a frame is due."""


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []
        self.quit_requested = False

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def push(self, scene: Scene, wall_time: float) -> None:
        self._scenes.append(scene)
        scene.enter(wall_time)

    def pop(self, wall_time: float) -> None:
        if self._scenes:
            self._scenes.pop().leave()
        if self._scenes:
            self._scenes[-1].enter(wall_time)
        else:
            self.quit_requested = True

    def unwind_to(self, kinds: tuple[type[Scene], ...], wall_time: float) -> Scene | None:
        """Remove scenes until one of `kinds` is on top and enter it; the scenes passed on the way
        are left without being entered again. None (and an empty stack, not a quit) when no scene
        of `kinds` was on it."""
        while self._scenes and not isinstance(self._scenes[-1], kinds):
            self._scenes.pop().leave()
        if self._scenes:
            self._scenes[-1].enter(wall_time)
            return self._scenes[-1]
        return None

    def replace(self, scene: Scene, wall_time: float) -> None:
        if self._scenes:
            self._scenes.pop().leave()
        self.push(scene, wall_time)

    def quit(self) -> None:
        while self._scenes:
            self._scenes.pop().leave()
        self.quit_requested = True
