"""The join screen's words: each player's panel as drawn, built from their seat and their choices.

Everything a player needs to read on their own panel: which device they are on, their (or the
team's) choices, which part of a Shared Kit they play, and which of their own pads or keys move
the panel. Kept apart from the scene so the scene only handles input and the hand-over to play.
"""

from __future__ import annotations

from collections.abc import Mapping

from game.chart.model import PIECE_ORDER, Song
from game.chart.piece import KitPiece
from game.engine.couch import CouchMode
from game.engine.split import SplitStrategy, owner_by_piece
from game.input.join import KEYBOARD_HALVES, Seat
from game.input.midi_menu import MENU_PADS
from game.input.raw import MenuAction
from game.persistence.settings import Settings
from game.render.couch_join import ChoiceRow, JoinPanel
from game.render.theme import PIECE_LABELS
from game.scenes.chooser import difficulty_option, layout_option
from game.scenes.couch_choice import CouchChoices, Row

HALF_LABELS = {"keyboard.p1": "Keyboard (left half)", "keyboard.p2": "Keyboard (right half)", "keyboard": "Keyboard"}
SHARED_LABEL = "shared kit: split by pads"
KEY_LABELS = {"left ctrl": "L-CTRL", "right ctrl": "R-CTRL"}
MODE_LABELS = {CouchMode.DUET: "SHARED KIT", CouchMode.VERSUS: "VERSUS"}
SPLIT_LABELS = {
    SplitStrategy.PIECES: "BY PIECES",
    SplitStrategy.PHRASES: "CALL AND RESPONSE",
    SplitStrategy.BALANCED: "BALANCED",
}
# The part each player plays in a Shared Kit whose split is not fixed by pieces.
PARTS = {
    SplitStrategy.PHRASES: (
        "you play the call, P2 answers; choruses together",
        "P1 calls, you answer; choruses together",
    ),
    SplitStrategy.BALANCED: ("the pieces change hands every two bars: play your colour",) * 2,
}
# At a shared kit each player has only the pads on their side (game.input.join.side_of), so each
# side gets its own verbs; lists wrap (`CouchChoices`), so one direction is enough to reach all.
SHARED_KIT_VERBS: tuple[Mapping[KitPiece, MenuAction], Mapping[KitPiece, MenuAction]] = (
    {
        KitPiece.SNARE: MenuAction.SELECT,
        KitPiece.HIHAT: MenuAction.LEFT,
        KitPiece.HIHAT_OPEN: MenuAction.RIGHT,
        KitPiece.HIHAT_PEDAL: MenuAction.DOWN,
        KitPiece.CRASH_LEFT: MenuAction.BACK,
    },
    {
        KitPiece.CRASH: MenuAction.SELECT,
        KitPiece.RIDE: MenuAction.RIGHT,
        KitPiece.TOM_HIGH: MenuAction.UP,
        KitPiece.TOM_MID: MenuAction.DOWN,
        KitPiece.TOM_FLOOR: MenuAction.BACK,
    },
)
VERBS = (
    (MenuAction.SELECT, "ready"),
    (MenuAction.LEFT, "\u25c0"),
    (MenuAction.RIGHT, "\u25b6"),
    (MenuAction.UP, "\u25b2"),
    (MenuAction.DOWN, "\u25bc"),
    (MenuAction.BACK, "leave"),
)


def device_label(seat: Seat) -> str:
    if seat.shared:
        return f"{seat.device} \u00b7 {SHARED_LABEL}"
    return HALF_LABELS.get(seat.device, seat.device)


def pieces_of(player: int) -> tuple[KitPiece, ...]:
    """The pieces a split by pieces gives `player`, in kit order."""
    return tuple(piece for piece in PIECE_ORDER if owner_by_piece(piece) == player)


def pad_verbs(seat: Seat, player: int) -> Mapping[KitPiece, MenuAction]:
    """Which pad (or key) does what on this player's panel."""
    return SHARED_KIT_VERBS[player] if seat.shared else MENU_PADS


def player_keys(seat: Seat, player: int, settings: Settings, layout: str) -> dict[KitPiece, list[str]]:
    """A player on a half of the keyboard: their keys per piece (upper case, sorted); else empty."""
    keys: dict[KitPiece, list[str]] = {}
    if seat.device in KEYBOARD_HALVES:
        for key, piece in sorted(settings.input.couch_bindings_for(player, layout).items()):
            keys.setdefault(piece, []).append(KEY_LABELS.get(key, key.upper()))
    return keys


def verb_hints(seat: Seat, player: int, keys: Mapping[KitPiece, list[str]]) -> tuple[tuple[str, str], ...]:
    """(key or pad, what it does) for the menu verbs on this player's own device: their keys on a
    half of the keyboard, the pads' names on a kit."""
    verbs = pad_verbs(seat, player)
    hints = []
    for action, verb in VERBS:
        pieces = [piece for piece, verb_of in verbs.items() if verb_of is action]
        if not keys and pieces:
            hints.append((PIECE_LABELS[pieces[0]], verb))
        elif named := [key for piece in pieces for key in keys.get(piece, [])]:
            hints.append((min(named), verb))
    return tuple(hints)


class PanelBuilder:
    """Builds both panels for one song and mode (option lists made once)."""

    def __init__(self, song: Song, choices: CouchChoices, split: SplitStrategy, settings: Settings) -> None:
        self.choices = choices
        self.split = split
        self.settings = settings
        expert_plus = settings.gameplay.expert_plus
        self._difficulties = {d: difficulty_option(song, d, expert_plus) for d in choices.difficulties}
        self._layouts = {name: layout_option(name, choices.layouts[0]) for name in choices.layouts}

    def panel(self, player: int, seat: Seat | None, joined_age_s: float) -> JoinPanel:
        if seat is None:
            return JoinPanel(player)
        state = self.choices.panels[player]
        rows = tuple(self._row(player, row) for row in self.choices.rows)
        pieces: tuple[KitPiece, ...] = ()
        part = ""
        if self.choices.mode is CouchMode.DUET:
            if self.split is SplitStrategy.PIECES:
                pieces = pieces_of(player)
            else:
                part = PARTS[self.split][player]
        keys = player_keys(seat, player, self.settings, state.layout)
        key_chips = tuple((" ".join(names), piece) for piece, names in sorted(keys.items(), key=_kit_order))
        hints = verb_hints(seat, player, keys)
        return JoinPanel(
            player, True, device_label(seat), rows, state.ready, pieces, part, hints, key_chips, joined_age_s
        )

    def _row(self, player: int, row: Row) -> ChoiceRow:
        choices = self.choices
        state = choices.panels[player]
        focused = choices.row(player) is row and not state.ready
        if row is Row.SIDE:
            left = choices.on_left(player)
            return ChoiceRow("SIDE", "Left" if left else "Right", "your highway's side of the screen", focused)
        if row is Row.DIFFICULTY:
            option, label = self._difficulties[state.difficulty], "DIFFICULTY"
        else:
            option, label = self._layouts[state.layout], "LAYOUT"
        return ChoiceRow(label, option.label, option.detail, focused, choices.team)


def _kit_order(item: tuple[KitPiece, list[str]]) -> int:
    return PIECE_ORDER[item[0]]
