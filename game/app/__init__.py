"""The composition root: command line, services, the game window and its main loop."""
