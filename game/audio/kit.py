"""The drum kit's hit sounds: velocity layers on reserved round-robin channels, and hi-hat choke.

Invariants:
- `play()` is called at once on input, before judging (feedback first), and never raises: a piece
  whose sound fails is logged once and then silent;
- each piece owns KIT_VOICES reserved channels used round-robin (a free one first), so a fast roll
  does not cut its own tail and one piece never steals another's voice;
- velocity 1..127 is split evenly over the piece's N layers (soft to hard); inside a layer the
  channel volume rises with velocity, from `1 - 0.85 / N` to 1, so the layers join up smoothly
  (a single-layer piece spans 0.15..1);
- a closed hi-hat or pedal hit fades out (CHOKE_MS) any ringing open hi-hat, as a real hat closes;
- `play()` and volume changes land on the next mixer block (0-5.3 ms at 256 frames): SDL_mixer
  cannot start a sample mid-block. For high-latency set-ups the game offers `enabled = False`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

import pygame

from game.audio.channels import kit_channels
from game.audio.device import MixerInfo
from game.audio.kit_files import PieceSounds, find_layer_files, load_layers, with_fallbacks
from game.audio.pcm import load_sound, make_sound
from game.audio.synth import synth_kit
from game.chart.piece import KitPiece

logger = logging.getLogger(__name__)

CHOKE_MS = 30
_CHOKERS = frozenset({KitPiece.HIHAT, KitPiece.HIHAT_PEDAL})
MAX_VELOCITY = 127


def velocity_layer(velocity: int, layers: int) -> tuple[int, float]:
    """(layer index, channel volume) for a MIDI velocity with `layers` layers, soft to hard."""
    position = (min(max(int(velocity), 1), MAX_VELOCITY) - 1) / (MAX_VELOCITY - 1) * layers
    index = min(int(position), layers - 1)
    floor = 1.0 - 0.85 / layers
    return index, floor + (1.0 - floor) * (position - index)


class DrumKit:
    def __init__(self, pieces: Mapping[KitPiece, PieceSounds], info: MixerInfo | None):
        self.enabled = True  # "hit sounds" setting
        self.volume = 1.0  # settings volume, 0..1
        self._info = info
        self._pieces = dict(pieces) if info is not None else {}
        self._channels = {piece: tuple(map(pygame.mixer.Channel, kit_channels(piece))) for piece in self._pieces}
        self._next = dict.fromkeys(self._pieces, 0)
        self._broken: set[KitPiece] = set()

    @classmethod
    def load(cls, directory: Path | None, info: MixerInfo | None) -> DrumKit:
        """Samples from `directory` (see kit_files), or the synthesized kit when it has none."""
        if info is None:
            return cls({}, None)
        files = find_layer_files(directory) if directory is not None else {}
        found = load_layers(files, load_sound) if files else {}
        if not found:
            logger.info("no kit samples in %s: using the synthesized kit", directory)
            return cls.synthesized(info)
        logger.info("kit from %s: %s", directory, ", ".join(sorted(piece.value for piece in found)))
        return cls(with_fallbacks(found), info)

    @classmethod
    def synthesized(cls, info: MixerInfo | None) -> DrumKit:
        if info is None:
            return cls({}, None)
        layers = synth_kit(info.frequency)
        pieces = {
            piece: PieceSounds(tuple(make_sound(s, info.channels) for s in sounds)) for piece, sounds in layers.items()
        }
        return cls(pieces, info)

    @property
    def pieces(self) -> frozenset[KitPiece]:
        """The pieces that make a sound."""
        return frozenset(self._pieces) - self._broken

    def play(self, piece: KitPiece, velocity: int = 100) -> None:
        """Sound one hit now (velocity 1..127). Never raises."""
        if not self.enabled or piece not in self._pieces or piece in self._broken:
            return
        try:
            self._play(piece, self._pieces[piece], velocity)
        except (pygame.error, ValueError, TypeError) as error:
            self._broken.add(piece)
            logger.warning("hit sound for %s failed (%s): it stays silent", piece.value, error)

    def _play(self, piece: KitPiece, sounds: PieceSounds, velocity: int) -> None:
        if piece in _CHOKERS:
            for channel in self._channels.get(KitPiece.HIHAT_OPEN, ()):
                if channel.get_busy():
                    channel.fadeout(CHOKE_MS)
        layer, gain = velocity_layer(velocity, len(sounds.sounds))
        channel = self._voice(piece)
        channel.set_volume(min(1.0, gain * sounds.gain * self.volume))
        channel.play(sounds.sounds[layer])

    def _voice(self, piece: KitPiece) -> pygame.mixer.Channel:
        """A free channel of this piece, else the one used longest ago (its tail is cut)."""
        channels = self._channels[piece]
        start = self._next[piece]
        order = [channels[(start + k) % len(channels)] for k in range(len(channels))]
        chosen = next((channel for channel in order if not channel.get_busy()), order[0])
        self._next[piece] = (channels.index(chosen) + 1) % len(channels)
        return chosen

    def stop_all(self) -> None:
        for channels in self._channels.values():
            for channel in channels:
                channel.stop()
