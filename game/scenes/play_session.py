"""One song being played: the engine, the song's audio, the drum kit and the song clock, wired
together in the order timing-and-audio.md prescribes. It holds no game rules: the engine judges,
the clock maps times, the router says whose hit it is, the audio reacts to judgements.

The engine is anything with `notes` (sorted by time; they set the count-in and the end) and the
two verbs `queue`/`update` (plus `finish`): one player's `PlayerEngine`, or a couch engine
(`DuetEngine`, `VersusEngine`) whose router sends each hit to its player.

Per loop pass (`update`): sample the mixer position into the clock, start the audio when the
count-in reaches zero, update the engine to "now" minus the largest input latency (so a hit that
arrives stamped slightly in the past is still judged before its note's window closes), react to
the judgements (drum-stem mute/unmute, highway effects), and step the mute ramps.
Per hit (`hit`): the kit sounds at once, then the hit goes to the engine at its own timestamp.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from game.audio.kit import DrumKit
from game.audio.stems import SongAudio
from game.chart.model import Note, Song
from game.engine.hit import EngineInput, FeverInput, HitInput
from game.engine.judge import Judged
from game.engine.window import Judgement
from game.input.raw import RawHit
from game.input.router import Router
from game.timing.clock import SongClock

log = logging.getLogger(__name__)

MIN_COUNT_IN_S = 2.0
END_GRACE_S = 1.5  # after the last note's window and the audio, before results
# The engine runs this far behind "now" (plus the largest input latency): a hit is stamped when
# it arrives but handed over later, a loop pass for keys, up to a JACK period (~5 ms) for MIDI.
HORIZON_SLACK_S = 0.010


@dataclass(frozen=True, slots=True)
class Latencies:
    """Player offsets in seconds, all positive latencies (see game.timing.clock)."""

    audio_s: float = 0.0
    video_s: float = 0.0
    input_s: dict[str, float] = field(default_factory=dict)  # per device name


class SessionEngine(Protocol):
    """What a session drives: one player's engine or a couch engine."""

    @property
    def notes(self) -> Sequence[Note]: ...

    def queue(self, item: EngineInput) -> None: ...

    def update(self, song_time: float) -> list[Judged]: ...

    def finish(self) -> list[Judged]: ...


E = TypeVar("E", bound=SessionEngine)


class PlaySession(Generic[E]):
    def __init__(
        self,
        song: Song,
        engine: E,
        router: Router,
        latencies: Latencies,
        audio: SongAudio | None,
        kit: DrumKit | None,
        window_s: float,
    ):
        """`window_s`: how long after its time the last note can still be hit (the widest good
        window of the players' parameters); `router` must use `latencies.input_s`."""
        self.song = song
        self.engine = engine
        self.clock = SongClock(latencies.audio_s, latencies.video_s, song.note_delay_s)
        self.router = router
        self.audio = audio
        self.kit = kit
        self.inputs: list[EngineInput] = []
        self.raw_hits: list[RawHit] = []
        self.listeners: list[Callable[[Sequence[Judged]], None]] = []
        self._horizon_lag_s = max(latencies.input_s.values(), default=0.0) + HORIZON_SLACK_S
        self._audio_started = False
        first = self.engine.notes[0].time_s + song.note_delay_s if self.engine.notes else 0.0
        self.count_in_s = max(MIN_COUNT_IN_S, MIN_COUNT_IN_S - first)
        last_note = self.engine.notes[-1].time_s if self.engine.notes else 0.0
        self.end_s = last_note + window_s + END_GRACE_S

    def start(self, wall_time: float) -> None:
        self.clock.start(wall_time, -self.count_in_s)

    def now(self, wall_time: float) -> float:
        """Chart time at `wall_time`."""
        return self.clock.song_time_at(wall_time)

    def update(self, wall_time: float) -> list[Judged]:
        if not self._audio_started and not self.clock.paused and self.clock.audio_time_at(wall_time) >= 0.0:
            self._start_audio(wall_time)
        if self.audio is not None and not self.clock.paused:
            position = self.audio.position_s()
            if position is not None:
                self.clock.sample(wall_time, position)
        judged = self.engine.update(self.clock.song_time_at(wall_time) - self._horizon_lag_s)
        if judged:
            self._react(judged)
        if self.audio is not None:
            self.audio.tick(wall_time)
        return judged

    def _start_audio(self, wall_time: float) -> None:
        """The count-in reached zero: the audio starts now, so audio time 0 is now (up to one loop
        pass after the count-in's zero). Without audio the count-in clock simply runs on."""
        self._audio_started = True
        if self.audio is not None:
            self.audio.start(0.0)
            self.clock.start(wall_time, 0.0)

    def hit(self, raw: RawHit) -> HitInput | None:
        """Route the hit to its player, sound the kit and queue it; returns the routed input, or
        None for a device that plays for nobody (then nothing happens)."""
        item = self.router.to_input(raw, self.clock)
        if item is None:
            return None
        if self.kit is not None:
            self.kit.play(raw.piece, raw.velocity)
        self.raw_hits.append(raw)
        self.inputs.append(item)
        self.engine.queue(item)
        return item

    def activate_fever(self, wall_time: float, player: int = 0) -> None:
        item = FeverInput(self.clock.song_time_at(wall_time), player)
        self.inputs.append(item)
        self.engine.queue(item)

    def _react(self, judged: Sequence[Judged]) -> None:
        for event in judged:
            if self.audio is None or event.note is None:
                continue
            if event.judgement is Judgement.MISS:
                self.audio.drums_missed(event.note.piece)
            else:
                self.audio.drums_hit(event.note.piece)
        for listener in self.listeners:
            listener(judged)

    def pause(self, wall_time: float) -> None:
        self.clock.pause(wall_time)
        if self.audio is not None and self._audio_started:
            self.audio.pause()

    def resume(self, wall_time: float) -> None:
        if self.audio is not None and self._audio_started:
            self.audio.resume()
        self.clock.resume(wall_time)

    def finished(self, wall_time: float) -> bool:
        if self.clock.paused or self.clock.song_time_at(wall_time) < self.end_s:
            return False
        return self.audio is None or not self.audio.is_playing

    def finish(self) -> None:
        self.engine.finish()
        self.close()

    def close(self) -> None:
        if self.audio is not None:
            self.audio.stop()
            self.audio.close()
            self.audio = None
