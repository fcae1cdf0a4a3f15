"""The song clock: chart time at any wall time, slaved to the audio.

The audio mixer's position (what has been mixed, in seconds of the song's audio) is sampled every
loop pass with the wall time of the sample (perf_counter seconds). A rolling one-second linear fit
turns those coarse, jittery, sometimes backward-stepping samples into a smooth line that can be
evaluated at any recent wall time, including the past instant an input was stamped. Its slope
follows the audio device's own crystal, so the clock does not drift away from the music.

Before audio starts (count-in), while paused, with no audio device, and after the song's audio
ends, the clock runs from an anchor at slope 1 on wall time alone; when samples arrive the fit takes
over from where the anchor was, without a jump.

Offsets live here and nowhere else. All are positive latencies in seconds:
- audio latency: mixed -> heard; subtracted from song time;
- video latency: frame shown -> seen; added to the time the picture is drawn for;
- input latency, per device: hit -> event received; subtracted from each hit's time.
The chart's own delay (song.ini `delay` / .chart Offset) is also subtracted here, once, so that
everything downstream (engine, highway) works in chart time.
"""

from __future__ import annotations

from game.timing.fit import RollingFit

MIN_FIT_SAMPLES = 8
SLOPE_LIMITS = (0.95, 1.05)


class SongClock:
    def __init__(
        self,
        audio_latency_s: float = 0.0,
        video_latency_s: float = 0.0,
        chart_delay_s: float = 0.0,
        window_s: float = 1.0,
    ):
        self.audio_latency_s = audio_latency_s
        self.video_latency_s = video_latency_s
        self.chart_delay_s = chart_delay_s
        self._fit = RollingFit(window_s)
        self._anchor_wall = 0.0
        self._anchor_audio = 0.0  # audio-timeline seconds (mixed position) at the anchor
        self._last_visual = float("-inf")
        self._paused_at: float | None = None

    def start(self, wall_time: float, audio_time_s: float) -> None:
        """Run from wall time alone, with the audio timeline at `audio_time_s` at `wall_time`
        (negative during a count-in). Clears the fit: call after every play, seek or unpause."""
        self._anchor_wall, self._anchor_audio = wall_time, audio_time_s
        self._fit.clear()
        self._paused_at = None

    def sample(self, wall_time: float, audio_position_s: float) -> None:
        """One reading of the mixer position (song audio seconds, start offset included)."""
        if self._paused_at is None:
            self._fit.add(wall_time, audio_position_s)

    def pause(self, wall_time: float) -> None:
        if self._paused_at is None:
            frozen = self._mixed_at(wall_time)
            self._paused_at = wall_time
            self._anchor_wall, self._anchor_audio = wall_time, frozen
            self._fit.clear()

    def resume(self, wall_time: float) -> None:
        if self._paused_at is not None:
            self.start(wall_time, self._anchor_audio)

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def _mixed_at(self, wall_time: float) -> float:
        if self._paused_at is not None:
            return self._anchor_audio
        line = self._fit.line() if len(self._fit) >= MIN_FIT_SAMPLES else None
        if line is None:
            # Too few samples for a slope: run at slope 1 from the newest sample, or the anchor.
            anchor_wall, anchor_audio = self._fit.latest or (self._anchor_wall, self._anchor_audio)
            return anchor_audio + (wall_time - anchor_wall)
        slope, mean_wall, mean_audio = line
        slope = min(max(slope, SLOPE_LIMITS[0]), SLOPE_LIMITS[1])
        return mean_audio + slope * (wall_time - mean_wall)

    def song_time_at(self, wall_time: float) -> float:
        """Chart time the player was hearing at `wall_time`."""
        return self._mixed_at(wall_time) - self.audio_latency_s - self.chart_delay_s

    def input_time(self, wall_time: float, input_latency_s: float = 0.0) -> float:
        """Chart time of a hit stamped at `wall_time` by a device with this input latency."""
        return self.song_time_at(wall_time) - input_latency_s

    def visual_time(self, wall_time: float) -> float:
        """Chart time to draw a frame for; never runs backwards."""
        self._last_visual = max(self._last_visual, self.song_time_at(wall_time) + self.video_latency_s)
        return self._last_visual

    def audio_time_at(self, wall_time: float) -> float:
        """Seconds into the song's audio (mixed position) at `wall_time`."""
        return self._mixed_at(wall_time)
