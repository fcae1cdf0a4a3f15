"""How one style's drummer plays: grooves per section kind, fills, and where the crashes go.

Pure data; `game.tools.compose.drumpart` turns it into the Expert part. A groove is a tuple of
one-bar variants: they cycle through a section (A, A', A, B...) or, for the names in
`progressive`, spread over it in order (a build-up that gets busier bar by bar).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from game.tools.compose.pattern import Lanes
from game.tools.compose.spec import Kind

CHORUS_LIKE = frozenset({Kind.CHORUS, Kind.DROP, Kind.DANCE_BREAK, Kind.POST_CHORUS})


@dataclass(frozen=True, slots=True)
class DrumStyle:
    grooves: Mapping[str, tuple[Lanes, ...]]
    kind_grooves: Mapping[Kind, str]  # the groove each section kind uses
    fills: Mapping[int, tuple[Lanes, ...]]  # by the number of beats a fill covers
    light_grooves: Mapping[Kind, str] = field(default_factory=dict)  # when a section's energy < 0.5
    progressive: frozenset[str] = frozenset()
    crash_kinds: frozenset[Kind] = CHORUS_LIKE | {Kind.BRIDGE, Kind.OUTRO}
    crash_every: int = 4  # bars, inside chorus-like sections
    players: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # duet: who leads each variant

    def groove_for(self, kind: Kind, energy: float) -> str:
        if energy < 0.5 and kind in self.light_grooves:
            return self.light_grooves[kind]
        return self.kind_grooves[kind]
