"""Hit samples for the in-game virtual kit: every kit piece at three dynamics, as short Ogg files.

They come from the same rendered one-shots as the sessions' drum stems (the SoundFont's Standard
kit, attack on the first frame, smooth decays, pieces balanced by loudness), so a player's hits
sound like the bundled songs' drummer. Files: `<piece>_<soft|medium|hard>.ogg`, plus a README
saying how they were made and under which licence.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from game.chart.piece import Dynamic, KitPiece
from game.tools.compose.drumkit import DEFAULT_SENDS, STANDARD, VELOCITY, kit, render_bank
from game.tools.compose.drumstem import balance
from game.tools.compose.encode import write_ogg
from game.tools.compose.fluid import DEFAULT_SOUNDFONT

LAYERS = {Dynamic.GHOST: "soft", Dynamic.NORMAL: "medium", Dynamic.ACCENT: "hard"}
PEAK = 10 ** (-3 / 20)  # the loudest sample peaks at -3 dBFS
KIT = kit(STANDARD, gains_db={"hihat": -2.0, "hihat_open": -4.0, "ride": -2.0}, sends=DEFAULT_SENDS)

README = """# Virtual kit hit samples

`<piece>_<soft|medium|hard>.ogg`, 48 kHz stereo Ogg Vorbis, one stroke each with its attack on the
first sample, for the pieces {pieces}. Soft, medium and hard are MIDI velocities {velocities}.

Made by the game's composer (`python -m game.tools.compose --kit`): each stroke is rendered with
FluidSynth from the Standard drum kit of the FluidR3_GM SoundFont (Debian package
`fluid-soundfont-gm`, by Frank Wen and contributors, released under the MIT licence; see
/usr/share/doc/fluid-soundfont-gm/copyright), trimmed to its attack, given a smooth decay, and
balanced against the kick by measured loudness. The same one-shots play the bundled sessions'
drum stems. These files are redistributable under the MIT licence of the SoundFont they come from.
"""


def export_kit(folder: Path, soundfont: Path = DEFAULT_SOUNDFONT) -> list[Path]:
    bank = balance(render_bank(KIT, soundfont), KIT)
    scale = PEAK / max(float(np.abs(clip).max()) for clip in bank.values())
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, piece in enumerate(KitPiece):
        for offset, (dynamic, layer) in enumerate(LAYERS.items()):
            path = folder / f"{piece.value}_{layer}.ogg"
            write_ogg(
                bank[(piece.value, dynamic)] * np.float32(scale),
                path,
                4.0,
                9000 + index * 3 + offset,
                f"{piece.value} {layer}",
            )
            written.append(path)
    (folder / "README.md").write_text(
        README.format(
            pieces=", ".join(p.value for p in KitPiece), velocities=" / ".join(str(VELOCITY[d]) for d in LAYERS)
        ),
        encoding="utf-8",
    )
    return written
