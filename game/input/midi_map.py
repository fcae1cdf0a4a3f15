"""MIDI note -> kit piece: the General MIDI default, presets for common e-kit modules, and the
player's per-note overrides on top.

Invariants:
- A note maps to at most one piece; a piece may have many notes (head and rim, bow and edge, bell).
- Presets only add vendor zones to the GM layout of the same pads, so a kit on the wrong preset
  still plays its main zones. Modules let players renumber pads: learn mode writes overrides.
- Overrides win over the preset; an override of None silences a note (a pad that double-triggers,
  a module's click track).
- Preset names are persisted (settings `midi.preset`, listed in `MIDI_PRESETS` there): do not rename.

The second crash (GM 57, "Crash 2" on modules) is `crash_left`: the kit layout draws it on the
left, and the Clone Hero layouts merge both crashes into one lane anyway. A kit with one crash
sends 49, which is `crash`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from game.chart.piece import KitPiece as P

NoteTable = Mapping[int, P]

# chart-formats.md section 9: the GM percussion notes a drum kit sends.
GM: NoteTable = MappingProxyType(
    {
        35: P.KICK, 36: P.KICK,
        37: P.SNARE, 38: P.SNARE, 40: P.SNARE,  # side stick, acoustic and electric snare
        42: P.HIHAT, 46: P.HIHAT_OPEN, 44: P.HIHAT_PEDAL,
        48: P.TOM_HIGH, 50: P.TOM_HIGH,
        45: P.TOM_MID, 47: P.TOM_MID,
        41: P.TOM_FLOOR, 43: P.TOM_FLOOR,
        49: P.CRASH, 52: P.CRASH, 55: P.CRASH,  # crash 1, china, splash
        57: P.CRASH_LEFT,
        51: P.RIDE, 53: P.RIDE, 59: P.RIDE,  # ride bow, bell, ride 2
    }
)  # fmt: skip

# Roland TD-07/17/27/50 factory note numbers: rims and edges on their own notes.
ROLAND_TD: NoteTable = MappingProxyType(
    {
        **GM,
        22: P.HIHAT,  # hi-hat closed edge
        26: P.HIHAT_OPEN,  # hi-hat open edge
        58: P.TOM_FLOOR,  # tom 3 rim
        39: P.TOM_FLOOR,  # tom 4 rim
    }
)

# Alesis Nitro / Nitro Mesh / Surge / Strike: Nitro sends the GM notes, Strike adds Roland-style zones.
ALESIS: NoteTable = MappingProxyType({**ROLAND_TD})

# Yamaha DTX modules: GM pads, closed rim 37, open rim 40; some modules send the kick on 33.
YAMAHA_DTX: NoteTable = MappingProxyType({**GM, 33: P.KICK, 58: P.TOM_FLOOR})

PRESETS: Mapping[str, NoteTable] = MappingProxyType(
    {"gm": GM, "roland_td": ROLAND_TD, "alesis": ALESIS, "yamaha_dtx": YAMAHA_DTX}
)
PRESET_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "gm": "General MIDI",
        "roland_td": "Roland TD series",
        "alesis": "Alesis Nitro / Strike",
        "yamaha_dtx": "Yamaha DTX",
    }
)


@dataclass(frozen=True, slots=True)
class NoteMap:
    pieces: Mapping[int, P]  # note -> piece; notes not listed are ignored

    @classmethod
    def build(cls, preset: str = "gm", overrides: Mapping[int, P | None] | None = None) -> NoteMap:
        """The preset with overrides applied; ValueError for an unknown preset."""
        if preset not in PRESETS:
            raise ValueError(f"unknown midi preset {preset!r}; choose one of {', '.join(PRESETS)}")
        pieces = dict(PRESETS[preset])
        for note, piece in (overrides or {}).items():
            if piece is None:
                pieces.pop(note, None)
            else:
                pieces[note] = piece
        return cls(MappingProxyType(pieces))

    def piece_for(self, note: int) -> P | None:
        return self.pieces.get(note)

    def notes_for(self, piece: P) -> tuple[int, ...]:
        return tuple(sorted(note for note, mapped in self.pieces.items() if mapped is piece))

    def missing(self, pieces: Iterable[P]) -> tuple[P, ...]:
        """Pieces with no note at all (a layout needs them; the settings screen warns)."""
        mapped = set(self.pieces.values())
        return tuple(piece for piece in pieces if piece not in mapped)
