"""A song's audio while playing: the backing stream, the drum stems, miss-mute and the position.

Design:
- the backing (every non-drum stem, mixed offline when there are several) streams through
  `pygame.mixer.music`, the only source with a position (`get_pos()`); drum stems are decoded
  `Sound`s on the reserved drum-stem channels so each can be muted on its own; a song with drums but
  no backing streams its first drum stem through music instead, so there is still a position;
- `start()` issues every `play()` inside one SDL audio-device lock, so all stems begin in the same
  mixer block (sample-aligned). Drum Sounds starting mid-song are sliced; WAV backing is cut
  (SDL_mixer cannot seek WAV music);
- `position_s()` = start offset + `get_pos()`: pygame ignores `play(start=...)` in `get_pos()` and
  miscounts after `unpause()`, so pause stops everything and resume restarts from the paused
  position; feed the song clock a fresh start (`SongClock.start/resume`) after either;
- miss-mute moves each drum stem's gain one step per mixer block (`ramp.VolumeRamp`) from `tick()`;
- `pygame.mixer.music` is global: stop a `SongPreview` before starting a SongAudio.

Without an audio device (`info` None) every method is a no-op and `position_s()` is None.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pygame

from game.audio.backing import mix_stems, stream_source
from game.audio.channels import DRUM_STEM_CHANNELS
from game.audio.device import MixerInfo
from game.audio.pcm import load_sound, slice_sound
from game.audio.ramp import VolumeRamp
from game.audio.sdl_lock import audio_lock
from game.audio.stem_plan import StemPlan, plan_stems
from game.chart.model import Song
from game.chart.piece import KitPiece

logger = logging.getLogger(__name__)


class _State(Enum):
    IDLE = "idle"
    PLAYING = "playing"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(slots=True)
class _DrumStem:
    name: str
    ramp: VolumeRamp
    sound: pygame.mixer.Sound | None = None  # None: this stem is the music stream
    channel: pygame.mixer.Channel | None = None
    playing: pygame.mixer.Sound | None = None  # the (sliced) Sound on the channel, kept alive


class SongAudio:
    def __init__(self, stems: Mapping[str, Path], info: MixerInfo | None):
        self._info = info
        self._plan: StemPlan = plan_stems(stems)
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._backing: Path | None = None
        self._drums: dict[str, _DrumStem] = {}
        self._state = _State.IDLE
        self._offset_s = 0.0
        self._paused_at: float | None = None
        self._streaming = False
        self._tail: Path | None = None
        self._music_volume = self._drum_volume = 1.0
        if info is not None:
            self._load(info)

    @classmethod
    def for_song(cls, song: Song, info: MixerInfo | None) -> SongAudio:
        return cls(song.stems, info)

    def _load(self, info: MixerInfo) -> None:
        self._temp = tempfile.TemporaryDirectory(prefix="drum-audio-")
        if len(self._plan.backing) == 1:
            self._backing = self._plan.backing[0]
        elif self._plan.backing:
            mixed = Path(self._temp.name) / "backing.wav"
            self._backing = mixed if mix_stems(self._plan.backing, mixed) else None
        for index, (name, path) in enumerate(self._plan.drums.items()):
            stem = _DrumStem(name, VolumeRamp(info.block_s))
            if self._backing is None and index == 0:
                self._backing = path  # no backing: this drum stem drives the position
            else:
                stem.sound = load_sound(path)
                if stem.sound is None:
                    continue
                stem.channel = pygame.mixer.Channel(DRUM_STEM_CHANNELS[index])
            self._drums[name] = stem

    # -- what plays -------------------------------------------------------------------------

    @property
    def backing_path(self) -> Path | None:
        """The file streamed through `pygame.mixer.music` (a temporary mix for several stems)."""
        return self._backing

    @property
    def drum_stems(self) -> tuple[str, ...]:
        return tuple(self._drums)

    def drum_stem_for(self, piece: KitPiece) -> str | None:
        """The drum stem muted when `piece` is missed (None: no drum stem carries it)."""
        name = self._plan.piece_stem.get(piece)
        return name if name in self._drums else None

    # -- transport --------------------------------------------------------------------------

    def start(self, at_s: float = 0.0) -> None:
        """Start every stem at `at_s` seconds into the song, all in the same mixer block."""
        if at_s < 0:
            raise ValueError(f"start position must not be negative, got {at_s}")
        if self._info is None:
            return
        self._halt()
        seek = self._load_stream(at_s)
        first = round(at_s * self._info.frequency)
        voices = []
        for stem in self._drums.values():
            if stem.sound is not None and stem.channel is not None:
                stem.playing = slice_sound(stem.sound, first)
                if stem.playing is not None:
                    voices.append((stem.channel, stem.playing))
        self._apply_volumes()
        with audio_lock():
            if seek is not None:
                pygame.mixer.music.play(start=seek)
            for channel, sound in voices:
                channel.play(sound)
        self._streaming = seek is not None
        self._offset_s, self._paused_at, self._state = at_s, None, _State.PLAYING

    def _load_stream(self, at_s: float) -> float | None:
        """Load the backing into `pygame.mixer.music`; the seek for `play`, None when unplayable."""
        if self._backing is None or self._temp is None:
            return None
        source, seek = stream_source(self._backing, at_s, Path(self._temp.name))
        try:
            pygame.mixer.music.load(str(source))
        except pygame.error as error:
            logger.error("cannot stream %s: %s", source, error)
            return None
        if self._tail is not None and self._tail != source:
            self._tail.unlink(missing_ok=True)  # the previous cut; music no longer holds it
        self._tail = source if source != self._backing else None
        return seek

    def position_s(self) -> float | None:
        """Seconds into the song's audio, as mixed (for `SongClock.sample`); None when not playing."""
        if self._state is not _State.PLAYING or not self._streaming or not pygame.mixer.music.get_busy():
            return None
        position_ms = pygame.mixer.music.get_pos()
        return None if position_ms < 0 else self._offset_s + position_ms / 1000

    def pause(self) -> None:
        if self._state is _State.PLAYING:
            self._paused_at = self.position_s()
            self._halt()
            self._state = _State.PAUSED

    def resume(self) -> None:
        """Restart from the paused position (not `unpause()`, whose `get_pos()` is wrong)."""
        if self._state is not _State.PAUSED:
            return
        if self._paused_at is None:
            self._state = _State.STOPPED  # paused after the audio had ended
        else:
            self.start(self._paused_at)

    def stop(self) -> None:
        if self._state in (_State.PLAYING, _State.PAUSED):
            self._halt()
            self._state = _State.STOPPED

    @property
    def is_playing(self) -> bool:
        if self._state is not _State.PLAYING:
            return False
        channels = (s.channel for s in self._drums.values() if s.channel is not None)
        return pygame.mixer.music.get_busy() or any(channel.get_busy() for channel in channels)

    @property
    def paused(self) -> bool:
        return self._state is _State.PAUSED

    def close(self) -> None:
        """Stop and release the decoded stems and temporary files."""
        self.stop()
        if self._info is not None and self._streaming and pygame.mixer.get_init() is not None:
            pygame.mixer.music.unload()
        self._drums.clear()
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def _halt(self) -> None:
        if self._info is None or pygame.mixer.get_init() is None:
            return
        with audio_lock():
            if self._streaming:
                pygame.mixer.music.stop()
            for stem in self._drums.values():
                if stem.channel is not None:
                    stem.channel.stop()
        for stem in self._drums.values():
            stem.playing = None

    # -- volumes and miss-mute --------------------------------------------------------------

    def set_volumes(self, music: float = 1.0, drums: float = 1.0) -> None:
        """Settings volumes (0..1): `music` scales everything, `drums` the drum stems on top."""
        self._music_volume, self._drum_volume = _unit(music), _unit(drums)
        self._apply_volumes()

    def drums_missed(self, piece: KitPiece) -> None:
        """Start muting the drum stem that carries `piece` (ramped by `tick`)."""
        stem = self._drums.get(self._plan.piece_stem.get(piece, ""))
        if stem is not None:
            stem.ramp.mute()

    def drums_hit(self, piece: KitPiece) -> None:
        """Start unmuting the drum stem that carries `piece`."""
        stem = self._drums.get(self._plan.piece_stem.get(piece, ""))
        if stem is not None:
            stem.ramp.unmute()

    def unmute_all(self) -> None:
        """Every drum stem back to full volume at once (a restart, not a hit)."""
        for stem in self._drums.values():
            stem.ramp.reset()
        self._apply_volumes()

    def tick(self, wall_time: float) -> None:
        """Advance the mute ramps; call every loop pass (about 1 ms) with perf_counter seconds."""
        if self._info is None:
            return
        for stem in self._drums.values():
            if stem.ramp.tick(wall_time):
                self._apply_stem_volume(stem)

    def _apply_volumes(self) -> None:
        if self._info is None or pygame.mixer.get_init() is None:
            return
        pygame.mixer.music.set_volume(self._music_volume)
        for stem in self._drums.values():
            self._apply_stem_volume(stem)

    def _apply_stem_volume(self, stem: _DrumStem) -> None:
        volume = self._music_volume * self._drum_volume * stem.ramp.gain
        if stem.channel is not None:
            stem.channel.set_volume(volume)
        elif stem.sound is None:
            pygame.mixer.music.set_volume(volume)  # this drum stem is the stream


def _unit(value: float) -> float:
    return min(max(float(value), 0.0), 1.0)
