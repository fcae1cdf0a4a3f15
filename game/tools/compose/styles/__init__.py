"""The styles the composer knows: each names its drummer (and, for audio, its band)."""

from __future__ import annotations

from game.tools.compose.band import BandStyle
from game.tools.compose.drumkit import DrumKit
from game.tools.compose.drumstyle import DrumStyle
from game.tools.compose.styles import ballad, city_pop, dance_pop, duet, edm_pop, hip_hop, pop_rock, trap_pop

DRUM_STYLES: dict[str, DrumStyle] = {
    "dance_pop": dance_pop.DRUMS,
    "trap_pop": trap_pop.DRUMS,
    "city_pop": city_pop.DRUMS,
    "ballad": ballad.DRUMS,
    "edm_pop": edm_pop.DRUMS,
    "hip_hop": hip_hop.DRUMS,
    "pop_rock": pop_rock.DRUMS,
    "duet": duet.DRUMS,
}

BAND_STYLES: dict[str, BandStyle] = {
    "dance_pop": dance_pop.BAND,
    "trap_pop": trap_pop.BAND,
    "city_pop": city_pop.BAND,
    "ballad": ballad.BAND,
    "edm_pop": edm_pop.BAND,
    "hip_hop": hip_hop.BAND,
    "pop_rock": pop_rock.BAND,
    "duet": duet.BAND,
}

KITS: dict[str, DrumKit] = {
    "dance_pop": dance_pop.KIT,
    "trap_pop": trap_pop.KIT,
    "city_pop": city_pop.KIT,
    "ballad": ballad.KIT,
    "edm_pop": edm_pop.KIT,
    "hip_hop": hip_hop.KIT,
    "pop_rock": pop_rock.KIT,
    "duet": duet.KIT,
}
