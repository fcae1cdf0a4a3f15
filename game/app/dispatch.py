"""Routing one SDL event to the top scene, with the time the loop stamped its batch.

Priority: key capture (rebinding) > drum keys while playing (Escape always pauses) > typed text >
menu keys > drum keys in menus (so a pad can still be heard or, later, drive menus).
"""

from __future__ import annotations

import pygame

from game.input.keyboard import KeyBindings, action_from_key, hit_from_key
from game.input.midi_menu import menu_action_for
from game.input.raw import RawHit
from game.scenes.base import Scene


def dispatch(event: pygame.event.Event, wall_time: float, scene: Scene, bindings: KeyBindings) -> None:
    if event.type == pygame.KEYDOWN:
        _key(event, wall_time, scene, bindings)
    elif event.type == pygame.TEXTINPUT and scene.wants_text:
        scene.on_text(event.text, wall_time)
    elif event.type == pygame.WINDOWFOCUSLOST:
        scene.on_focus_lost(wall_time)


def dispatch_pad(hit: RawHit, scene: Scene) -> None:
    """A hit from a MIDI kit: a drum while playing; in menus, a pad mapped to a menu verb drives
    the menu (snare selects, floor tom goes back...) and the others are heard as drums."""
    if not scene.drums_first:
        action = menu_action_for(hit.piece)
        if action is not None:
            scene.on_action(action, hit.wall_time)
            return
    scene.on_hit(hit)


def _key(event: pygame.event.Event, wall_time: float, scene: Scene, bindings: KeyBindings) -> None:
    if scene.captures_keys:
        scene.on_key(pygame.key.name(event.key), wall_time)
        return
    if scene.drums_first and event.key != pygame.K_ESCAPE:
        hit = hit_from_key(event, bindings, wall_time)
        if hit is not None:
            scene.on_hit(hit)
            return
    if scene.wants_text and event.unicode and event.unicode.isprintable() and event.key not in _TEXT_SAFE_MENU_KEYS:
        return  # the TEXTINPUT event carries it
    action = action_from_key(event, letters=not scene.drums_first and not scene.wants_text)
    if action is not None:
        scene.on_action(action, wall_time)
        return
    hit = hit_from_key(event, bindings, wall_time)
    if hit is not None:
        scene.on_hit(hit)


_TEXT_SAFE_MENU_KEYS = frozenset(
    {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_BACKSPACE, pygame.K_TAB}
)
