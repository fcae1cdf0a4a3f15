"""Screens: title, song select, play, results, settings, calibration. They orchestrate services
injected by the app and hold no game rules."""
