"""Drumstick Diplomacy: `python main.py` opens the game; `python main.py --help` lists the commands."""

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep stdout for our own output

from game.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
