"""A serial device at the far end of a pseudo-terminal pair (`os.openpty`): the kiosk opens
`path` (a symlink to the pair's slave end) with the real pyserial, and the test speaks
for the device on the master end. `unplug()` closes the master, so the slave end fails as
an unplugged USB-serial adapter does; `plug()` makes a new pair behind the same path."""

from __future__ import annotations

import os
import select
import time
from pathlib import Path


class PtyDevice:
    def __init__(self, folder: Path, name: str = "ttyGATE0") -> None:
        self.path = folder / name
        self.master: int | None = None
        self.plug()

    def plug(self) -> None:
        master, slave = os.openpty()
        slave_name = os.ttyname(slave)
        os.close(slave)  # the kiosk opens its own end through `path`
        link = self.path.with_suffix(".new")
        link.unlink(missing_ok=True)
        link.symlink_to(slave_name)
        os.replace(link, self.path)
        self.master = master

    def unplug(self) -> None:
        if self.master is not None:
            os.close(self.master)
            self.master = None

    def send(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)

    def received(self, count: int, timeout: float = 5.0) -> bytes:
        """Exactly `count` bytes the kiosk wrote to the device (or what came in time)."""
        assert self.master is not None
        out = b""
        deadline = time.monotonic() + timeout
        while len(out) < count and time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                out += os.read(self.master, count - len(out))
        return out

    def quiet_for(self, seconds: float) -> bytes:
        """Whatever the kiosk writes within `seconds` (b"" when it writes nothing)."""
        assert self.master is not None
        out = b""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if ready:
                try:
                    out += os.read(self.master, 64)
                except OSError:  # EIO: nobody has the device open (so nothing written)
                    time.sleep(0.02)
        return out

    def close(self) -> None:
        self.unplug()
        self.path.unlink(missing_ok=True)
