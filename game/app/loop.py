"""The main loop: drain input about every millisecond, draw only when a frame is due.

Each pass takes one `perf_counter()` stamp right after draining the SDL queue: that stamp is every
drained key's arrival time (SDL events carry no usable timestamp). The top scene updates every
pass; drawing happens at the frame cap, paced by deadlines (`FramePacer`), never by
`Clock.tick_busy_loop` (which holds the GIL). The switch interval is lowered so other Python threads
(MIDI callbacks) get the GIL within half a millisecond.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pygame

from game.app.dispatch import dispatch, dispatch_pad
from game.app.pacing import FramePacer
from game.input.keyboard import KeyBindings
from game.input.midi_event import PortChange
from game.input.midi_input import MidiInput
from game.scenes.base import Scene, SceneStack

SWITCH_INTERVAL_S = 0.0005
STATS_WINDOW = 600_000  # ten minutes of passes at 1 kHz: any song fits


@dataclass(slots=True)
class LoopStats:
    """Recent pass gaps and frame costs, bounded so a game left open for hours does not grow."""

    pass_gaps_s: deque[float] = field(default_factory=lambda: deque(maxlen=STATS_WINDOW))
    frame_costs_s: deque[float] = field(default_factory=lambda: deque(maxlen=STATS_WINDOW))  # draw + flip

    def summary(self) -> dict[str, float | int | None]:
        return {
            "passes": len(self.pass_gaps_s) + 1,
            "frames": len(self.frame_costs_s),
            "pass_gap_ms_median": _ms(_quantile(self.pass_gaps_s, 0.5)),
            "pass_gap_ms_p99": _ms(_quantile(self.pass_gaps_s, 0.99)),
            "frame_cost_ms_median": _ms(_quantile(self.frame_costs_s, 0.5)),
            "frame_cost_ms_p99": _ms(_quantile(self.frame_costs_s, 0.99)),
        }


class MainLoop:
    def __init__(
        self,
        scenes: SceneStack,
        pacer: FramePacer,
        bindings_for: Callable[[Scene], KeyBindings],
        on_window_event: Callable[[pygame.event.Event], None] | None = None,
        after_frame: Callable[[pygame.Surface, float], None] | None = None,
        now: Callable[[], float] = time.perf_counter,
        midi: MidiInput | None = None,
        notice: Callable[[str], None] = lambda text: None,
    ):
        self.scenes = scenes
        self.pacer = pacer
        self._bindings_for = bindings_for
        self._on_window_event = on_window_event
        self._after_frame = after_frame
        self._now = now
        self._midi = midi
        self._notice = notice
        self.stats = LoopStats()
        self._drained: list[tuple[float, list[pygame.event.Event]]] = []  # mid-frame polls

    def run(self) -> LoopStats:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        last = None
        while not self.scenes.quit_requested:
            wall_time = self.run_pass()
            if last is not None:
                self.stats.pass_gaps_s.append(wall_time - last)
            last = wall_time
        return self.stats

    def run_pass(self) -> float:
        events = pygame.event.get()
        wall_time = self._now()
        for event in events:
            self._handle(event, wall_time)
        if self._midi is not None:
            self._handle_midi(wall_time)
        scene = self.scenes.top
        if scene is not None:
            scene.update(wall_time)
        scene = self.scenes.top
        if scene is not None and self.pacer.frame_due(wall_time):
            self._draw(scene, wall_time)
            self._handle_drained()
        self.pacer.wait(wall_time)
        return wall_time

    def poll_input(self) -> None:
        """Drain and stamp input now; it is handled once the frame is done."""
        events = pygame.event.get()
        if events:
            self._drained.append((self._now(), events))

    def _handle_midi(self, wall_time: float) -> None:
        """Every decoded event goes to the scene raw, then its hit (if any) as a pad; hits keep the
        stamps their callback gave them. Port changes become notices, and an unplugged kit pauses
        play (input resumes by itself when it is plugged back in)."""
        assert self._midi is not None
        for event in self._midi.drain_events():
            scene = self.scenes.top
            if scene is None:
                continue
            scene.on_midi_event(event)  # the raw stream first: learn mode and the kit test see every note
            hit = event.hit()
            if hit is not None:
                dispatch_pad(hit, scene)
        for change in self._midi.poll_ports(wall_time):
            if change.change is PortChange.DISCONNECTED:
                self._notice(f"MIDI kit {change.port} disconnected: plug it back in, then resume")
                if self.scenes.top is not None:
                    self.scenes.top.on_focus_lost(wall_time)
            elif change.change is PortChange.CONNECTED:
                self._notice(f"MIDI kit {change.port} connected")
            else:
                self._notice(f"MIDI kit {change.port} could not be opened: {change.detail}")

    def _handle_drained(self) -> None:
        batches, self._drained = self._drained, []
        for wall_time, events in batches:
            for event in events:
                self._handle(event, wall_time)

    def _handle(self, event: pygame.event.Event, wall_time: float) -> None:
        if event.type == pygame.QUIT:
            self.scenes.quit()
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED) and self._on_window_event:
            self._on_window_event(event)
        scene = self.scenes.top
        if scene is not None:
            dispatch(event, wall_time, scene, self._bindings_for(scene))

    def _draw(self, scene: Scene, wall_time: float) -> None:
        surface = pygame.display.get_surface()
        if surface is None:
            return
        started = self._now()
        scene.draw(surface, wall_time)
        self.poll_input()
        pygame.display.flip()
        if self._after_frame is not None:
            self._after_frame(surface, wall_time)
        self.stats.frame_costs_s.append(self._now() - started)
        self.pacer.frame_drawn(wall_time)


def _quantile(values: deque[float], q: float) -> float | None:
    return float(np.quantile(values, q)) if values else None


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 3)
