"""Arrangement parts as Standard MIDI Files for FluidSynth, one file per part.

Invariants: PPQ equals the chart resolution, so MIDI ticks are chart ticks and the tempo track
copies the chart's tempo map; a note-off sorts before a note-on on the same tick (repeated notes
retrigger instead of being cut); a final controller event `tail_ticks` after the last note keeps
the renderer running while the last notes ring out.
"""

from __future__ import annotations

from collections.abc import Sequence

import mido

from game.chart.tempo import TempoMap
from game.tools.compose.band import Instrument
from game.tools.compose.notes import MNote

CHANNEL = 0
DRUM_CHANNEL = 9


def part_midi(
    instrument: Instrument, notes: Sequence[MNote], tempo_map: TempoMap, tail_ticks: int, channel: int = CHANNEL
) -> mido.MidiFile:
    midi = mido.MidiFile(type=1, ticks_per_beat=tempo_map.resolution)
    midi.tracks.append(_tempo_track(tempo_map))
    events: list[tuple[int, int, mido.Message]] = [
        (0, 0, mido.Message("control_change", channel=channel, control=0, value=instrument.bank)),
        (0, 0, mido.Message("program_change", channel=channel, program=instrument.program)),
        (0, 0, mido.Message("control_change", channel=channel, control=7, value=100)),
        (0, 0, mido.Message("control_change", channel=channel, control=10, value=instrument.pan)),
        (0, 0, mido.Message("control_change", channel=channel, control=91, value=0)),
        (0, 0, mido.Message("control_change", channel=channel, control=93, value=instrument.chorus)),
    ]
    end = 0
    for note in notes:
        pitch = max(0, min(127, note.pitch))
        velocity = max(1, min(127, note.velocity))
        events.append((note.tick, 2, mido.Message("note_on", channel=channel, note=pitch, velocity=velocity)))
        off = note.tick + max(note.length, 1)
        events.append((off, 1, mido.Message("note_off", channel=channel, note=pitch, velocity=0)))
        end = max(end, off)
    events.append((end + tail_ticks, 3, mido.Message("control_change", channel=channel, control=123, value=0)))
    midi.tracks.append(_track(events))
    return midi


def _tempo_track(tempo_map: TempoMap) -> mido.MidiTrack:
    events = [
        (change.tick, 0, mido.MetaMessage("set_tempo", tempo=round(60_000_000 / change.bpm)))
        for change in tempo_map.tempos
    ]
    return _track(events)


def _track(events: list[tuple[int, int, mido.Message | mido.MetaMessage]]) -> mido.MidiTrack:
    track = mido.MidiTrack()
    now = 0
    for tick, _, message in sorted(events, key=lambda e: (e[0], e[1])):
        track.append(message.copy(time=tick - now))
        now = tick
    return track
