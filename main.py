"""Drumstick Diplomacy: `python main.py` opens the game; `python main.py --help` lists the commands."""

import sys

from game.app.cli import main

if __name__ == "__main__":
    sys.exit(main())
