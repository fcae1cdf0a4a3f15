"""Shared test set-up: headless SDL before anything imports pygame, and small chart builders."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
