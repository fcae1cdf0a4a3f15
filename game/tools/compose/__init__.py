"""The session composer: original K-pop-style songs for the game, written as Clone Hero folders.

`python -m game.tools.compose` turns each description in `sessions.py` into `charts/<folder>/`:
notes.chart (Expert drum part plus reduced Hard/Medium/Easy), song.ini, song.ogg (the backing)
and drums.ogg (the drum part, rendered from exactly the Expert chart).

Pipeline: spec -> timeline (bars, tempo map) -> drum part (style grooves and fills) -> chart
(phrases, reducer, chart_writer) -> arrangement (harmony, bass, layers, topline) -> MIDI per part
-> FluidSynth -> mixdown (levels by measured loudness, side-chain, reverb) -> master (one
loudness, peak ceiling) -> Ogg Vorbis. Everything is seeded from the spec, so the same spec gives
the same charts, byte for byte, and the same audio.

Audio needs the system packages fluidsynth, fluid-soundfont-gm and vorbis-tools; charts need
nothing beyond the game's own dependencies.
"""
