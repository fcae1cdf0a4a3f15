"""The one exception every chart, song-folder and song.ini reader raises."""

from __future__ import annotations

from pathlib import Path


class ChartError(ValueError):
    """A chart or song file that cannot be read.

    Carries the file and, where known, the location (a line number for text formats, a track or
    byte offset for MIDI) so the player sees one line saying which file and what is wrong.
    """

    def __init__(self, message: str, path: Path | str | None = None, location: str | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.location = location
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}"
            if self.location:
                where += f" ({self.location})"
            where += ": "
        return f"{where}{self.message}"

    def at(self, path: Path | str) -> ChartError:
        """This error, naming `path` if it does not name a file yet."""
        if self.path is not None:
            return self
        return ChartError(self.message, path, self.location)
