"""Opening the lane's turnstile or door when a person is admitted (never otherwise: the
kiosk's session decides that; this module only opens).

Two kinds, chosen in the policy's [turnstile] section:

* `SerialRelay`: a USB-serial relay board driven by command bytes. The common LCUS-type
  boards close channel 1 on ``A0 01 01 A2`` and open it on ``A0 01 00 A1``; the templates
  (``A0 CH 01 SUM``), the channel of each lane, the speed and the pulse length come from
  the policy. The "off" bytes are sent even when the pulse was cut short or "on" failed
  half way, so a lane is never left open by an error.
* `CommandRelease`: a program the site configures (an argv list, run without a shell;
  ``{lane}`` and ``{channel}`` are replaced), for door controllers with their own tool.
  A non-zero exit, a missing program or a timeout is a failure.

`open(lane)` blocks for the pulse or the program: run it off the UI thread. It returns
what opened the lane (`target(lane)`, kept in the ledger) or raises `ReleaseFailed`, whose
message says plainly what went wrong in the staff's language; the ledger keeps that too
(what was driven, the message's key and values), so a lane that did not open is on record.
"""

from __future__ import annotations

import contextlib
import logging
import subprocess
import threading
from typing import Any, Protocol

import serial

from gatekeeper.domain import messages
from gatekeeper.domain.policy import Policy, Release, relay_bytes
from gatekeeper.domain.vocab import Lane

log = logging.getLogger(__name__)


class ReleaseFailed(Exception):
    """The lane did not open; `message(lang)` says why and what to do."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str) -> str:
        return messages.text(self.key, lang, **self.params)


class GateRelease(Protocol):
    kind: str

    def open(self, lane: Lane) -> str: ...

    def target(self, lane: Lane) -> str: ...


class SerialRelay:
    """A relay board on a serial port (module doc)."""

    kind = "relay"

    def __init__(self, port: str, baud: int, on: str, off: str, pulse_s: float,
                 channels: dict[Lane, int], *, opener: Any = serial.Serial) -> None:  # fmt: skip
        self.port = port
        self.baud = baud
        self.on = on
        self.off = off
        self.pulse_s = pulse_s
        self.channels = dict(channels)
        self.opener = opener
        self._lock = threading.Lock()  # one pulse at a time on the one port
        self._stop = threading.Event()

    def request_stop(self) -> None:
        """Cut a pulse under way short (its "off" bytes are still sent)."""
        self._stop.set()

    def target(self, lane: Lane) -> str:
        """What drives `lane` (the port and channel): recorded whether it opened or not."""
        return f"{self.port} channel {self.channels.get(Lane(lane), '?')}"

    def open(self, lane: Lane) -> str:
        channel = self.channels[Lane(lane)]
        on, off = relay_bytes(self.on, channel), relay_bytes(self.off, channel)
        with self._lock:
            try:
                device = self.opener(self.port, self.baud, timeout=1, write_timeout=1)
            except (serial.SerialException, OSError, ValueError) as error:
                log.warning("relay %s cannot be opened: %s", self.port, error)
                raise ReleaseFailed("devices.relay_missing", port=self.port) from None
            try:
                device.write(on)
                device.flush()
                self._stop.wait(self.pulse_s)
            except (serial.SerialException, OSError) as error:
                log.warning("relay %s: %s", self.port, error)
                raise ReleaseFailed("devices.relay_failed", port=self.port) from None
            finally:
                with contextlib.suppress(serial.SerialException, OSError):
                    device.write(off)  # never leave the lane open
                    device.flush()
                with contextlib.suppress(serial.SerialException, OSError):
                    device.close()
        return self.target(lane)


class CommandRelease:
    """A program the site configures (module doc)."""

    kind = "command"

    def __init__(self, argv: tuple[str, ...], timeout_s: float,
                 channels: dict[Lane, int]) -> None:  # fmt: skip
        self.argv = tuple(argv)
        self.timeout_s = timeout_s
        self.channels = dict(channels)

    def target(self, lane: Lane) -> str:
        """The program (recorded whether it opened the lane or not)."""
        return self.argv[0] if self.argv else ""

    def open(self, lane: Lane) -> str:
        lane = Lane(lane)
        channel = str(self.channels[lane])
        argv = [a.replace("{lane}", lane.value).replace("{channel}", channel)
                for a in self.argv]  # fmt: skip
        program = argv[0]
        try:
            done = subprocess.run(argv, capture_output=True, timeout=self.timeout_s,
                                  check=False, shell=False)  # fmt: skip
        except subprocess.TimeoutExpired:
            raise ReleaseFailed("devices.command_timeout", program=program,
                                seconds=self.timeout_s) from None  # fmt: skip
        except OSError as error:  # not there, not executable
            log.warning("release command %s: %s", program, error)
            raise ReleaseFailed("devices.command_missing", program=program) from None
        if done.returncode != 0:
            log.warning("release command %s exited %s: %s", program, done.returncode,
                        done.stderr[-500:].decode("utf-8", errors="replace"))  # fmt: skip
            raise ReleaseFailed("devices.command_failed", program=program,
                                status=done.returncode)  # fmt: skip
        return program


def release_from_policy(policy: Policy) -> GateRelease | None:
    """The policy's lane release, or None when the lanes are opened by hand."""
    if policy.release is Release.RELAY:
        return SerialRelay(policy.relay_port, policy.relay_baud, policy.relay_on,
                           policy.relay_off, policy.relay_pulse_ms / 1000,
                           policy.relay_channels)  # fmt: skip
    if policy.release is Release.COMMAND:
        return CommandRelease(policy.release_command, policy.release_timeout_seconds,
                              policy.relay_channels)  # fmt: skip
    return None
