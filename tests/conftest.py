"""Shared test set-up: headless SDL before anything imports pygame, and one JACK dummy server for
every test that needs real MIDI (started on first use, skipped with a hint when jackd is missing)."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest
from jack_helpers import JackMissingError, jack_server


@pytest.fixture(scope="session")
def jack():
    try:
        server = jack_server()
        name = server.__enter__()
    except JackMissingError as error:
        pytest.skip(str(error))
    yield name
    server.__exit__(None, None, None)
