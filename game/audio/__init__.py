"""The audio layer: mixer set-up, song stems, drum-kit hit sounds, clicks and previews.

It reacts to judgements (mute a stem on a miss, unmute on a hit) and to input (play a hit sound at
once); it never decides them. Every entry point accepts a missing audio device (`MixerInfo` None)
and then does nothing, so the game runs silent on machines without sound.

Game-loop contract, in order:
- at start-up, `open_mixer()` (before or instead of relying on `pygame.init()` for the mixer);
- on input, `DrumKit.play(piece, velocity)` before judging;
- every loop pass, `SongAudio.position_s()` into the song clock, then `SongAudio.tick(wall_time)`;
- on judgements, `SongAudio.drums_missed(piece)` / `SongAudio.drums_hit(piece)`.
"""

from game.audio.device import MixerInfo, close_mixer, open_mixer
from game.audio.kit import DrumKit
from game.audio.preview import SongPreview
from game.audio.stems import SongAudio

__all__ = ["DrumKit", "MixerInfo", "SongAudio", "SongPreview", "close_mixer", "open_mixer"]
