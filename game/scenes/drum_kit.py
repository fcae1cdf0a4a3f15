"""Settings -> Drum kit: which MIDI ports to listen to, the note-map preset, learn mode, the trigger
filters, and a live panel that lights each piece as it is hit.

Modes:
- LIST: UP/DOWN choose a row, LEFT/RIGHT change it, SELECT acts (as on the settings screen). Pads
  drive the menu the usual way (snare selects, floor tom goes back...), so the kit is enough.
- TEST ("Test your kit"): pads only light the panel (`drums_first`); the keyboard still moves and
  changes rows, so a threshold can be tuned while playing. BACK stops testing.
- LEARN: "hit your snare now" for each piece; every pad is being learned, so SELECT (next), LEFT
  (back), RIGHT (skip) and BACK (stop) come from the keyboard; a piece also moves on by itself
  once the player stops hitting it.
- REVIEW: conflicts to pick, the learned notes, and save / learn again / discard. Pads drive it.

The panel and learn mode read the raw MIDI stream through `Scene.on_midi_event` (every decoded
note, unmapped and filtered ones too, and the hi-hat pedal), which the app hands over before the
note's hit. Every change goes through `Settings.replace_in` and `Services.update_settings`, which
also reconfigures the MIDI input; without a MIDI system the screen says so and still edits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from enum import Enum

import pygame

from game.input.midi_event import MidiEvent, MidiKind
from game.input.midi_learn import PROMPT_NAMES
from game.input.midi_map import NoteMap
from game.input.raw import MenuAction, RawHit
from game.persistence.settings import Settings
from game.render.kit_panel import DrumKitView, LearnCard, draw_drum_kit
from game.render.overlay import draw_notice
from game.render.settings import SettingRow, SettingsView
from game.render.theme import PIECE_LABELS
from game.scenes.base import Scene
from game.scenes.drum_kit_learn import NOTES_HINT, SETTLE_HINT, LearnFlow, ReviewStep, merged_note_map
from game.scenes.drum_kit_monitor import KitMonitor
from game.scenes.drum_kit_rows import KitAction, KitRow, kit_rows
from game.scenes.navigate import NoticeLine, move, toggle_fullscreen
from game.scenes.services import Services

log = logging.getLogger(__name__)

TITLE = "DRUM KIT"
FOOTERS = {
    "list": "\u2191/\u2193: choose   \u2190/\u2192: change   Enter: select   Esc: back",
    "test": "Hit any pad   \u2191/\u2193 \u2190/\u2192: tune while you play   Esc: stop testing",
    "learn": "Enter: next piece   \u2190: back   \u2192: skip   Esc: stop learning",
    "review": "\u2191/\u2193: choose   \u2190/\u2192: pick the piece   Enter: select   Esc: learn the last piece again",
}


class Mode(Enum):
    LIST = "list"
    TEST = "test"
    LEARN = "learn"
    REVIEW = "review"


class DrumKitScene(Scene):
    def __init__(self, services: Services) -> None:
        self.services = services
        self.mode = Mode.LIST
        self.selected = 0
        self.coarse = False  # number rows step by their coarse size while set
        self.monitor = KitMonitor()
        self.learn: LearnFlow | None = None
        self.review_selected = 0
        self._available = self._ports_found()
        self.rows: list[KitRow] = kit_rows(services.settings, self._available, PIECE_LABELS)
        self._notice = NoticeLine(len(services.notices))

    @property
    def drums_first(self) -> bool:  # type: ignore[override]
        return self.mode in (Mode.TEST, Mode.LEARN)

    def _ports_found(self) -> tuple[str, ...]:
        return self.services.midi.available if self.services.midi is not None else ()

    def _rebuild_rows(self) -> None:
        self.rows = kit_rows(self.services.settings, self._available, PIECE_LABELS)
        self.selected = min(self.selected, len(self.rows) - 1)

    # -- input ------------------------------------------------------------------------------

    def on_midi_event(self, event: MidiEvent) -> None:
        self.monitor.on_event(event)
        if self.mode is Mode.LEARN and self.learn is not None and event.kind is MidiKind.NOTE:
            self.learn.on_note(event.number, event.value, event.wall_time)
            self._after_learn_step()

    def on_hit(self, hit: RawHit) -> None:
        self.monitor.on_hit(hit)

    def on_action(self, action: MenuAction, wall_time: float) -> None:
        if action is MenuAction.FULLSCREEN:
            toggle_fullscreen(self.services)
        elif self.mode is Mode.LEARN:
            self._learn_action(action)
        elif self.mode is Mode.REVIEW:
            self._review_action(action, wall_time)
        elif action in (MenuAction.UP, MenuAction.DOWN):
            self.selected = move(self.selected, -1 if action is MenuAction.UP else 1, len(self.rows))
            self.coarse = False
        elif action in (MenuAction.LEFT, MenuAction.RIGHT):
            self._step(-1 if action is MenuAction.LEFT else 1)
        elif action is MenuAction.SELECT:
            self._select()
        elif action is MenuAction.BACK:
            if self.mode is Mode.TEST:
                self.mode = Mode.LIST
            else:
                self.services.scenes.pop(wall_time)

    def update(self, wall_time: float) -> None:
        found = self._ports_found()
        if found != self._available:  # a kit plugged in or pulled out: list its port
            self._available = found
            self._rebuild_rows()
        if self.mode is Mode.LEARN and self.learn is not None:
            self.learn.update(wall_time)
            self._after_learn_step()

    # -- the rows ---------------------------------------------------------------------------

    def _step(self, direction: int) -> None:
        row = self.rows[self.selected].row
        change = row.change
        if change is not None:
            steps = direction * (row.coarse if self.coarse else 1)
            self._apply(lambda settings: change(settings, steps), row.label)

    def _select(self) -> None:
        kit_row = self.rows[self.selected]
        if kit_row.action is KitAction.TEST:
            self.mode = Mode.LIST if self.mode is Mode.TEST else Mode.TEST
        elif kit_row.action is KitAction.LEARN:
            if self.services.midi is None:
                self.services.notice("no MIDI kit to learn from: connect one and restart the game")
            else:
                self.start_learning()
        elif kit_row.action is KitAction.FORGET:
            self._apply(lambda settings: settings.replace_in("midi", note_map={}), "learned notes")
        elif kit_row.row.toggles:
            self._step(1)
        elif kit_row.row.coarse > 1:
            self.coarse = not self.coarse

    def _apply(self, change: Callable[[Settings], Settings], what: str) -> None:
        """Run `change(settings)` and adopt the result; a refused value becomes a notice."""
        settings = self.services.settings
        try:
            changed = change(settings)
        except (ValueError, TypeError) as error:
            self.services.notice(f"cannot change {what.lower()}: {error}")
            return
        if changed != settings:
            self.services.update_settings(changed)
            if changed.midi.ports != settings.midi.ports:
                self._rebuild_rows()

    # -- learn mode -------------------------------------------------------------------------

    def start_learning(self) -> None:
        midi = self.services.settings.midi
        self.learn = LearnFlow(NoteMap.build(midi.preset, midi.note_map))
        self.mode = Mode.LEARN

    def _learn_action(self, action: MenuAction) -> None:
        assert self.learn is not None
        if action is MenuAction.SELECT:
            self.learn.next()
        elif action is MenuAction.LEFT:
            self.learn.back()
        elif action is MenuAction.RIGHT:
            self.learn.skip()
        elif action is MenuAction.BACK:
            self.mode, self.learn = Mode.LIST, None
            return
        self._after_learn_step()

    def _after_learn_step(self) -> None:
        if self.mode is Mode.LEARN and self.learn is not None and self.learn.reviewing:
            self.mode, self.review_selected = Mode.REVIEW, 0

    def _review_action(self, action: MenuAction, wall_time: float) -> None:
        assert self.learn is not None
        items = self.learn.review(PIECE_LABELS)
        item = items[min(self.review_selected, len(items) - 1)]
        if action in (MenuAction.UP, MenuAction.DOWN):
            self.review_selected = move(self.review_selected, -1 if action is MenuAction.UP else 1, len(items))
        elif action in (MenuAction.LEFT, MenuAction.RIGHT) and item.step is ReviewStep.CONFLICT:
            assert item.note is not None
            self.learn.pick(item.note, -1 if action is MenuAction.LEFT else 1)
        elif action is MenuAction.SELECT:
            self._review_select(item.step, item.note)
        elif action is MenuAction.BACK:
            self.learn.back()
            self.mode = Mode.LEARN

    def _review_select(self, step: ReviewStep, note: int | None) -> None:
        assert self.learn is not None
        if step is ReviewStep.CONFLICT and note is not None:
            self.learn.pick(note, 1)
        elif step is ReviewStep.SAVE:
            self.save_learned()
        elif step is ReviewStep.AGAIN:
            self.start_learning()
        elif step is ReviewStep.DISCARD:
            self.mode, self.learn = Mode.LIST, None

    def save_learned(self) -> None:
        assert self.learn is not None
        try:
            learned = self.learn.overrides()
        except ValueError as error:
            self.services.notice(str(error))
            return
        if learned:
            note_map = merged_note_map(self.services.settings.midi.note_map, learned)
            self._apply(lambda settings: settings.replace_in("midi", note_map=note_map), "learned notes")
            self.services.notice(f"learned {len(learned)} note{'s' if len(learned) != 1 else ''}: saved")
        else:
            self.services.notice("nothing was learned: the note map is unchanged")
        self.mode, self.learn = Mode.LIST, None

    # -- drawing ----------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, wall_time: float) -> None:
        draw_drum_kit(surface, self.services.theme, self.view(wall_time))
        draw_notice(surface, self.services.theme, self._notice.text(self.services.notices, wall_time))

    def view(self, wall_time: float) -> DrumKitView:
        midi = self.services.settings.midi
        asked = self.learn.session.current if self.mode is Mode.LEARN and self.learn is not None else None
        closed_at = midi.hihat_closed_at if midi.hihat_cc4 else None
        panel = self.monitor.view(wall_time, PIECE_LABELS, closed_at, self.mode is Mode.TEST, asked)
        status, ok = self.status()
        return DrumKitView(self._rows_view(), panel, status, ok, self._learn_card())

    def _rows_view(self) -> SettingsView:
        footer = FOOTERS[self.mode.value]
        if self.mode is Mode.REVIEW and self.learn is not None:
            rows = [item.row for item in self.learn.review(PIECE_LABELS)]
            return SettingsView(rows, min(self.review_selected, len(rows) - 1), title=TITLE, footer=footer)
        settings = self.services.settings
        rows = [SettingRow(k.row.label, k.row.show(settings), k.row.hint, k.row.section) for k in self.rows]
        if self.mode is Mode.TEST:
            rows[0] = replace(rows[0], value="On", hint="Pads light the kit panel   Enter or Esc: stop")
        if self.coarse:
            current = rows[self.selected]
            rows[self.selected] = replace(
                current, value=f"{current.value} (\u00b1{self.rows[self.selected].row.coarse})"
            )
        return SettingsView(rows, self.selected, self.coarse, title=TITLE, footer=footer)

    def _learn_card(self) -> LearnCard | None:
        piece = self.learn.session.current if self.mode is Mode.LEARN and self.learn is not None else None
        if self.learn is None or piece is None:
            return None
        session = self.learn.session
        lines = (NOTES_HINT, SETTLE_HINT, "No such piece on your kit? \u2192 skips it.")
        pieces = self.learn.learned_pieces()
        return LearnCard(session.pieces.index(piece), pieces, PROMPT_NAMES[piece], piece, session.learned(piece), lines)

    def status(self) -> tuple[str, bool]:
        """One line on what can be heard, and whether a kit is listening."""
        midi = self.services.midi
        if not self.services.settings.midi.ports:
            return "MIDI is off: turn a port on" + (", then restart the game" if midi is None else ""), False
        if midi is None:
            return "No MIDI system running: preset and thresholds are saved for when there is one", False
        if not midi.connected:
            return "No kit connected: plug one in any time", False
        return f"Listening to {', '.join(midi.connected)}", True
