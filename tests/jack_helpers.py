"""Real MIDI without hardware, for tests and benchmarks: a private JACK dummy server, and a "kit"
in a child process (its own GIL, like a real module) that sends through a JACK MIDI output port.

- `jack_server()` starts `jackd --no-realtime -n <name> -d dummy -r 48000 -p 256` under a name of
  its own (apart from any JACK server already running), points this process and its children at
  it (JACK_DEFAULT_SERVER), and stops that jackd, by its Popen handle, on exit.
- `Kit` runs `python tests/jack_helpers.py kit NAME`: it opens the port `NAME:out`, then for each
  JSON line on stdin ({"messages": [[status, data1, data2], ...], "at_s": [...]}) sends each message
  at its offset from the start of the batch, reading perf_counter() just before each send, and
  answers with those stamps as one JSON line. perf_counter is CLOCK_MONOTONIC on Linux, shared
  between processes, so the parent compares them with its own stamps.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

RATE = 48000
PERIOD_FRAMES = 256
PERIOD_S = PERIOD_FRAMES / RATE
JACK_MISSING = "JACK is not installed: apt-get install jackd2 (the tests start jackd themselves)"
START_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 15.0
SERVER_NAMES = tuple(f"drumstick-test-{i}" for i in range(3))
BATCH_LEAD_S = 0.05  # the kit starts sending this long after it reads a batch


class JackMissingError(RuntimeError):
    pass


@contextmanager
def jack_server() -> Iterator[str]:
    """A running private JACK dummy server's name; JackMissingError if jackd is not installed."""
    jackd = shutil.which("jackd")
    if jackd is None:
        raise JackMissingError(JACK_MISSING)
    saved = {key: os.environ.get(key) for key in ("JACK_DEFAULT_SERVER", "JACK_NO_START_SERVER")}
    try:
        server, name = _start_server(jackd)
        try:
            yield name
        finally:
            _stop_server(server)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _start_server(jackd: str) -> tuple[subprocess.Popen, str]:
    # JACK keeps a registry of at most 8 server names and frees a dead server's entry only when a
    # server of the same name starts: a few fixed names never fill it, a name per run would.
    problems = []
    for name in SERVER_NAMES:
        os.environ.update(JACK_DEFAULT_SERVER=name, JACK_NO_START_SERVER="1")
        command = [jackd, "--no-realtime", "-n", name, "-d", "dummy", "-r", str(RATE), "-p", str(PERIOD_FRAMES)]
        with tempfile.TemporaryFile("w+") as log:
            server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            if _answering(server):
                return server, name
            _stop_server(server)
            log.seek(0)
            problems.append(f"{name}: {log.read()[-300:]}")  # most likely a server of that name is running
    raise RuntimeError("jackd did not start: " + " | ".join(problems))


def _answering(server: subprocess.Popen) -> bool:
    probe = [sys.executable, "-c", "import rtmidi; rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK)"]
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and server.poll() is None:
        if subprocess.run(probe, capture_output=True).returncode == 0:
            return True
        time.sleep(0.1)
    return False


def _stop_server(server: subprocess.Popen) -> None:
    # SIGTERM lets jackd free its registry entry and sockets; it can take ~6 s when a client was
    # just killed, so it gets plenty of time before SIGKILL.
    server.terminate()
    try:
        server.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


class Kit:
    """A MIDI "drum module" in a child process, sending on the JACK port `<name>:out`."""

    def __init__(self, name: str = "testkit"):
        self.name = name
        self.port = f"{name}:out"
        self._child: subprocess.Popen | None = None

    def start(self) -> Kit:
        self._child = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "kit", self.name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        if json.loads(self._child.stdout.readline() or "{}").get("ready") is not True:
            raise RuntimeError("the kit process did not start")
        return self

    def send(self, messages: Sequence[Sequence[int]], at_s: Sequence[float]) -> list[float]:
        """Sends each message at its offset (s) from the batch start; the send-time stamps."""
        assert self._child is not None and self._child.stdin is not None
        self._child.stdin.write(json.dumps({"messages": [list(m) for m in messages], "at_s": list(at_s)}) + "\n")
        self._child.stdin.flush()
        return json.loads(self._child.stdout.readline())

    def kill(self) -> None:
        """Pulls the plug: the process dies at once, its port vanishes."""
        if self._child is not None:
            self._child.kill()
            self._child.wait()
            self._child = None

    def stop(self) -> None:
        """Switches the kit off properly: the child closes its port and exits."""
        if self._child is not None:
            self._child.stdin.close()
            try:
                self._child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._child.kill()
                self._child.wait()
            self._child = None

    def __enter__(self) -> Kit:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _kit_main(name: str) -> None:
    import rtmidi

    out = rtmidi.MidiOut(rtapi=rtmidi.API_UNIX_JACK, name=name)
    out.open_virtual_port("out")
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        batch = json.loads(line)
        start = time.perf_counter() + BATCH_LEAD_S
        stamps = []
        for message, at in zip(batch["messages"], batch["at_s"], strict=True):
            _sleep_until(start + at)
            stamps.append(time.perf_counter())
            out.send_message(message)
        print(json.dumps(stamps), flush=True)


def _sleep_until(deadline: float) -> None:
    # No spinning: the send is stamped whenever it happens, and a spinning kit would take a core
    # from the server and the receiver on a small machine.
    remaining = deadline - time.perf_counter()
    if remaining > 0:
        time.sleep(remaining)


if __name__ == "__main__" and sys.argv[1:2] == ["kit"]:
    _kit_main(sys.argv[2])
