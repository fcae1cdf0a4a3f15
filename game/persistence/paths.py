"""Where the game keeps its files, and how a damaged file is set aside without losing a byte.

`GamePaths` only names locations; it creates nothing and reads no environment variable (the app
decides between `default()` and a portable/test root via `under()`).

Setting a file aside never overwrites an earlier backup: the backup name is claimed with a hard
link, which fails if the name exists, and the original's bytes stay untouched under that name even
after the original path is replaced. Where hard links are unsupported (some network or FAT
filesystems) the bytes are copied into a file created exclusively.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DrumstickDiplomacy"
SETTINGS_FILE = "settings.json"
SCORES_FILE = "scores.sqlite3"
REPLAYS_DIR = "replays"
MAX_BACKUPS = 1000  # a directory holding this many backups of one file needs a human, not another copy


@dataclass(frozen=True, slots=True)
class GamePaths:
    config_dir: Path  # settings: small, hand-editable
    data_dir: Path  # scores and replays: grows with play

    @classmethod
    def default(cls) -> GamePaths:
        """The platform's per-user locations (XDG on Linux, AppData on Windows, Library on macOS)."""
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def under(cls, root: Path) -> GamePaths:
        """Everything below one directory: portable installs and tests."""
        root = Path(root)
        return cls(root / "config", root / "data")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    @property
    def scores_file(self) -> Path:
        return self.data_dir / SCORES_FILE

    @property
    def replays_dir(self) -> Path:
        return self.data_dir / REPLAYS_DIR


def preserve_as(source: Path, target: Path) -> None:
    """Makes `target` hold `source`'s current bytes; raises FileExistsError if `target` exists."""
    try:
        Path(target).hardlink_to(source)
        return
    except FileExistsError:
        raise
    except OSError as error:
        # Filesystems without hard links say so in several ways; anything else is a real failure.
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, None):
            raise
    with open(source, "rb") as src, open(target, "xb") as dst:
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())


def keep_aside(path: Path, tag: str) -> Path:
    """Preserves `path` as the first free `<name>.<tag>-<n>` beside it and returns that path.

    The original stays where it is; the caller replaces or removes it once this returns.
    """
    path = Path(path)
    for n in range(1, MAX_BACKUPS + 1):
        candidate = path.with_name(f"{path.name}.{tag}-{n}")
        try:
            preserve_as(path, candidate)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, f"no free backup name for {path.name} after {MAX_BACKUPS} tries")
