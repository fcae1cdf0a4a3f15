"""Without an audio device the game runs silent: open_mixer returns None and every audio class
accepts None and does nothing."""

from __future__ import annotations

import json
from pathlib import Path

from audio_helpers import run_child, tone, write_wav

from charts import chart_of
from game.audio.kit import DrumKit
from game.audio.preview import SongPreview
from game.audio.stems import SongAudio
from game.chart.model import Song, SongInfo
from game.chart.piece import KitPiece

CHILD = """
import json, logging, sys
from pathlib import Path
records = []
logging.basicConfig(level=logging.INFO)
logging.getLogger().addHandler(type("H", (logging.Handler,), {"emit": lambda self, r: records.append(r)})())
from game.audio import DrumKit, SongAudio, open_mixer
from game.chart.piece import KitPiece
info = open_mixer()
audio = SongAudio({"song": Path(sys.argv[1])}, info)
audio.start()
kit = DrumKit.load(Path(sys.argv[1]).parent, info)
kit.play(KitPiece.SNARE, 100)
warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
print(json.dumps({"info": info, "position": audio.position_s(), "warnings": warnings}))
"""


def test_unknown_audio_driver_means_no_device_and_one_log_line(tmp_path: Path):
    song = write_wav(tmp_path / "song.wav", tone(0.5, 440.0, 3000))
    out = run_child(CHILD.replace("sys.argv[1]", repr(str(song))), {"SDL_AUDIODRIVER": "no_such_driver"})
    result = json.loads(out.strip().splitlines()[-1])
    assert result["info"] is None and result["position"] is None
    assert len(result["warnings"]) == 1 and "no audio device" in result["warnings"][0]


def test_audio_classes_accept_no_device(tmp_path: Path):
    song_file = write_wav(tmp_path / "song.wav", tone(0.5, 440.0, 3000))
    audio = SongAudio({"song": song_file, "drums": song_file}, None)
    audio.start(1.0)
    audio.drums_missed(KitPiece.KICK)
    audio.tick(0.0)
    audio.set_volumes(0.5, 0.5)
    audio.pause()
    audio.resume()
    assert audio.position_s() is None and not audio.is_playing
    audio.close()
    kit = DrumKit.load(tmp_path, None)
    kit.play(KitPiece.SNARE, 127)
    assert kit.pieces == frozenset()
    preview = SongPreview(None)
    preview.play_preview(Song(tmp_path, tmp_path / "notes.chart", SongInfo(), chart_of([]), {"song": song_file}))
    preview.tick(100.0)
    preview.stop_preview()
    assert not preview.playing
