"""Drumstick Diplomacy: a drum rhythm game."""
