"""Serial thermometers: fixed IR modules and wall units that send each reading as a text
line over USB-serial or RS-485 (``T=36.5``, ``36.5``, ``TEMP:36.5C``).

`reading_in(line, pattern)` finds the reading in one line; the kiosk then submits it
exactly as a typed one (the domain parses and judges it, nothing here does). A device
reads whoever stands in front of it, so a screen takes a reading only while it waits for
one and only if it was read after the wait began (`ReadingWait`): the kiosk's temperature
step from when its page came up, the console's rounds page from when a person was picked. The
`ThermometerWorker` loop opens the port, reads lines until it is stopped, says when the
device is connected or missing, and reopens it with backoff when it vanishes (unplugged,
powered off), so the gate goes on with typed readings meanwhile. Its stop flag wakes
every wait, and reads time out every `poll` seconds, so `stop()` returns promptly.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Protocol

import serial

from gatekeeper.domain.policy import Policy

log = logging.getLogger(__name__)

BACKOFF_SECONDS = (0.5, 1.0, 2.0, 4.0, 8.0)
MAX_LINE = 256  # a line longer than this is noise, not a reading


class DeviceState(StrEnum):
    STOPPED = "stopped"
    OPENING = "opening"
    CONNECTED = "connected"
    MISSING = "missing"  # never opened, or vanished: readings are typed meanwhile


class Port(Protocol):
    def readline(self, size: int = -1) -> bytes: ...
    def close(self) -> None: ...


def open_serial(port: str, baud: int, timeout: float) -> Port:
    """The real pyserial port (8N1, no flow control)."""
    return serial.Serial(port, baud, timeout=timeout)


def reading_in(line: str, pattern: re.Pattern[str]) -> str | None:
    """The reading a line holds (its `reading` group, as sent), or None for a line that is
    not one (a status line, noise): those are skipped, never an error on screen."""
    match = pattern.search(line.strip())
    if match is None:
        return None
    reading = match.group("reading")
    return reading.strip() if reading else None


class ReadingWait:
    """Whose a serial reading is: the person a screen has been waiting on since
    `wait_from(at)` (`at` from `time.monotonic()`, as the reading's own time is). A reading
    read before then, or while nothing waits (`stop()`), was someone else's — it may still
    have been on its way — and `takes` says False, so it is dropped."""

    def __init__(self) -> None:
        self.since: float | None = None

    def wait_from(self, at: float) -> None:
        self.since = at

    def stop(self) -> None:
        self.since = None

    def takes(self, read_at: float) -> bool:
        return self.since is not None and read_at >= self.since


class ThermometerWorker:
    """Open, read lines, report readings; reopen with backoff when the device vanishes.

    Callbacks run on the worker's thread (hand over to the UI thread): `on_reading(text)`
    for every line that holds a reading, `on_state(DeviceState)` on every change.
    """

    def __init__(
        self,
        port: str,
        baud: int,
        pattern: str,
        *,
        on_reading: Callable[[str], None] | None = None,
        on_state: Callable[[DeviceState], None] | None = None,
        backoff: Sequence[float] = BACKOFF_SECONDS,
        poll: float = 0.2,
        opener: Callable[[str, int, float], Port] = open_serial,
    ) -> None:
        self.port = port
        self.baud = baud
        self.pattern = re.compile(pattern)
        self.on_reading = on_reading
        self.on_state = on_state
        self.backoff = tuple(backoff) or (1.0,)
        self.poll = poll
        self.opener = opener
        self.state = DeviceState.STOPPED
        self.skipped = 0  # lines that held no reading
        self._stop = threading.Event()

    @classmethod
    def from_policy(cls, policy: Policy, **kwargs: object) -> ThermometerWorker | None:
        """The policy's thermometer, or None when it names no port."""
        if not policy.thermometer_port:
            return None
        return cls(policy.thermometer_port, policy.thermometer_baud,
                   policy.thermometer_pattern, **kwargs)  # type: ignore[arg-type]

    def request_stop(self) -> None:
        """Ask the loop to end; any wait or read in it ends within `poll` seconds."""
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def run(self) -> None:
        """The loop (module doc); returns once stopped."""
        attempt = 0
        try:
            while not self._stop.is_set():
                self._set_state(DeviceState.OPENING)
                try:
                    device = self.opener(self.port, self.baud, self.poll)
                except (serial.SerialException, OSError, ValueError) as error:
                    log.info("thermometer %s not available: %s", self.port, error)
                    self._set_state(DeviceState.MISSING)
                else:
                    attempt = 0
                    self._set_state(DeviceState.CONNECTED)
                    self._read_until_gone(device)
                    if self._stop.is_set():
                        break
                    self._set_state(DeviceState.MISSING)
                delay = self.backoff[min(attempt, len(self.backoff) - 1)]
                attempt += 1
                self._stop.wait(delay)
        finally:
            self._set_state(DeviceState.STOPPED)

    def _read_until_gone(self, device: Port) -> None:
        try:
            pending = b""
            while not self._stop.is_set():
                chunk = device.readline(MAX_LINE)
                if not chunk:
                    continue  # the read timed out: look at the stop flag again
                pending += chunk
                if not pending.endswith((b"\n", b"\r")) and len(pending) < MAX_LINE:
                    continue  # the rest of the line is still coming
                line, pending = pending, b""
                self._line(line.decode("ascii", errors="replace"))
        except (serial.SerialException, OSError) as error:
            log.warning("thermometer %s lost: %s", self.port, error)
        finally:
            with contextlib.suppress(serial.SerialException, OSError):
                device.close()

    def _line(self, line: str) -> None:
        reading = reading_in(line, self.pattern)
        if reading is None:
            if line.strip():
                self.skipped += 1
                log.info("thermometer %s: skipped a line that is not a reading", self.port)
            return
        if self.on_reading is not None:
            self.on_reading(reading)

    def _set_state(self, state: DeviceState) -> None:
        if state is not self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)
