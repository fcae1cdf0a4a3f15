"""The drum kit screen's rows: ports, note-map preset, learn mode, trigger filters, the kit test.

Like the settings screen's rows (`settings_rows`), every change goes through
`Settings.replace_in("midi", ...)`, so each value passes the checks a loaded file does. Rows that
start something on the screen (learn mode, the kit test) carry a `KitAction` the scene runs.

Ports: "All ports" stores `("*",)`; switching one port off while all are on turns the choice into
the explicit list of the other ports found, and switching the last one off leaves `()`, MIDI off.
The port rows list every port the MIDI input found plus chosen ports that are not plugged in,
so a kit that is switched off can still be deselected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from game.chart.piece import KitPiece
from game.input.midi_input import chosen_ports
from game.input.midi_learn import PROMPT_NAMES
from game.input.midi_map import PRESET_TITLES
from game.persistence.settings import ALL_MIDI_PORTS, MAX_MIDI_PORTS, Settings
from game.scenes.settings_rows import Row, choice_row, flag_row, number_row, on_off

DEBOUNCE_RANGE_MS = (0.0, 60.0)
ANY_VELOCITY = 1  # the lowest minimum: every hit counts (the piece is left out of the setting)


class KitAction(Enum):
    TEST = "test"  # pads light the kit panel instead of driving the menu
    LEARN = "learn"  # "hit your snare now" for each piece
    FORGET = "forget"  # drop the learned notes: back to the preset alone


@dataclass(frozen=True, slots=True)
class KitRow:
    row: Row
    action: KitAction | None = None


def toggle_all(settings: Settings) -> Settings:
    ports = () if ALL_MIDI_PORTS in settings.midi.ports else (ALL_MIDI_PORTS,)
    return settings.replace_in("midi", ports=ports)


def toggle_port(settings: Settings, port: str, available: Sequence[str]) -> Settings:
    choice = settings.midi.ports
    if ALL_MIDI_PORTS in choice:
        ports = tuple(name for name in chosen_ports(choice, list(available)) if name != port)
    elif port in choice:
        ports = tuple(name for name in choice if name != port)
    else:
        ports = (*choice, port)[-MAX_MIDI_PORTS:]
    return settings.replace_in("midi", ports=ports)


def port_listening(settings: Settings, port: str, available: Sequence[str]) -> bool:
    return port in chosen_ports(settings.midi.ports, list(available)) or port in settings.midi.ports


def port_rows(settings: Settings, available: Sequence[str]) -> list[KitRow]:
    """ "All ports" and one on/off row per port found or chosen."""
    listed = [*available, *(p for p in settings.midi.ports if p != ALL_MIDI_PORTS and p not in available)]
    rows = [
        KitRow(
            Row(
                "All ports",
                lambda s: on_off(ALL_MIDI_PORTS in s.midi.ports),
                lambda s, steps: toggle_all(s),
                hint="Listen to every MIDI input (new ones too); off with no port chosen = MIDI off",
                section="Ports",
                toggles=True,
            )
        )
    ]
    for port in listed:
        missing = "" if port in available else " (not connected)"
        rows.append(
            KitRow(
                Row(
                    f"{port}{missing}",
                    lambda s, port=port: on_off(port_listening(s, port, available)),
                    lambda s, steps, port=port: toggle_port(s, port, available),
                    hint="Enter: listen to this port or not",
                    toggles=True,
                )
            )
        )
    return rows


def min_velocity_row(piece: KitPiece, label: str, section: str = "") -> Row:
    def show(settings: Settings) -> str:
        velocity = settings.midi.min_velocity.get(piece, ANY_VELOCITY)
        return "Any" if velocity <= ANY_VELOCITY else f"{velocity}"

    def change(settings: Settings, steps: int) -> Settings:
        current = settings.midi.min_velocity.get(piece, ANY_VELOCITY)
        velocity = min(max(current + steps, ANY_VELOCITY), 127)
        levels = {p: v for p, v in settings.midi.min_velocity.items() if p is not piece}
        if velocity > ANY_VELOCITY:
            levels[piece] = velocity
        return settings.replace_in("midi", min_velocity=levels)

    hint = "Softer hits on this pad are ignored (ghost triggers)   \u2190/\u2192: 1   Enter: 10 steps"
    return Row(f"Min velocity: {label}", show, change, hint=hint, section=section, coarse=10, piece=piece)


def learned_text(settings: Settings) -> str:
    count = len(settings.midi.note_map)
    return "None" if not count else f"{count} note{'s' if count != 1 else ''}"


# The filters every hit passes on its port's callback (game.input.midi_filter, midi_decode).
TRIGGER_ROWS: tuple[KitRow, ...] = (
    KitRow(
        number_row(
            "midi",
            "debounce_ms",
            "Debounce",
            DEBOUNCE_RANGE_MS,
            1.0,
            lambda v: f"{v:.0f} ms",
            section="Triggers",
            coarse=5,
            hint="A pad re-triggering this soon is one stroke   \u2190/\u2192: 1 ms   Enter: 5 ms steps",
        )
    ),
    KitRow(flag_row("midi", "crosstalk_filter", "Cross-talk filter", hint="Drop soft hits a loud one set off")),
    KitRow(flag_row("midi", "hihat_cc4", "Hi-hat pedal (CC 4)", hint="The pedal decides open or closed hi-hat")),
    KitRow(
        number_row(
            "midi",
            "hihat_closed_at",
            "Hi-hat closed at",
            (0, 127),
            1,
            lambda v: f"{v:.0f} / 127",
            coarse=8,
            hint="Pedal position from which the hi-hat counts as closed   Enter: 8 steps",
        )
    ),
)


OFFSET_RANGE_MS = (-500.0, 500.0)


def offset_row(port: str, first: bool) -> KitRow:
    """The kit's input latency (hit -> message received), which the song clock subtracts from
    every hit of this port; calibrate the audio offset first, then tap the kit in Calibrate and
    set this to the difference."""

    def change(settings: Settings, steps: int) -> Settings:
        offsets = dict(settings.players.device_offsets_ms)
        value = min(max(offsets.get(port, 0.0) + steps, OFFSET_RANGE_MS[0]), OFFSET_RANGE_MS[1])
        offsets[port] = round(value, 1)
        return settings.replace_in("players", device_offsets_ms=offsets)

    def shown(settings: Settings) -> str:
        return f"{settings.players.device_offsets_ms.get(port, 0.0):+.0f} ms"

    hint = "Input latency of this kit: hits count this much earlier (←/→: 1 ms)"
    label = f"Latency: {port}"
    return KitRow(Row(label, shown, change, hint=hint, section="Latency" if first else "", coarse=10))


def kit_rows(settings: Settings, available: Sequence[str], labels: dict[KitPiece, str]) -> list[KitRow]:
    """Every row of the screen, in order (the port rows depend on the ports found)."""
    test_hint = "Pads light the kit panel instead of moving the menu"
    learn_hint = f"Hit each piece when asked (head and rim); {len(PROMPT_NAMES)} pieces, skip what you lack"
    preset_hint = "Which notes your module sends"
    return [
        KitRow(Row("Test your kit", lambda s: "Enter", hint=test_hint, section="Kit"), KitAction.TEST),
        *port_rows(settings, available),
        *(offset_row(port, i == 0) for i, port in enumerate(available)),
        KitRow(choice_row("midi", "preset", "Preset", PRESET_TITLES, section="Note map", hint=preset_hint)),
        KitRow(Row("Learn my kit", lambda s: "Enter", hint=learn_hint), KitAction.LEARN),
        KitRow(
            Row("Learned notes", learned_text, hint="Enter: forget them and use the preset alone"), KitAction.FORGET
        ),
        *TRIGGER_ROWS,
        *(KitRow(min_velocity_row(p, labels[p], "" if i else "Velocity")) for i, p in enumerate(labels)),
    ]
