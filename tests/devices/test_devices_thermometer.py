"""Serial thermometers through a pseudo-terminal pair and the real pyserial: readings in
the common styles arrive, garbage lines are skipped, a device that vanishes is reported
missing and is used again when it comes back; stop() always ends the loop promptly."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pty_support import PtyDevice

from gatekeeper.devices.thermometer import (
    DeviceState,
    ReadingWait,
    ThermometerWorker,
    reading_in,
)
from gatekeeper.domain.policy import DEFAULT_THERMOMETER_PATTERN, Policy

DEFAULT = re.compile(DEFAULT_THERMOMETER_PATTERN)


@pytest.mark.parametrize(("line", "reading"), [
    ("T=36.5\r\n", "36.5"),
    ("36.5\n", "36.5"),
    ("TEMP:36.5C\r\n", "36.5"),
    ("BT: 37.3 °C", "37.3"),
    ("temp = 36,8", "36,8"),
    ("T=42.0℃", "42.0"),
])
def test_the_default_pattern_reads_the_common_styles(line: str, reading: str) -> None:
    assert reading_in(line, DEFAULT) == reading


@pytest.mark.parametrize("line", ["", "READY", "ERR 03", "T=", "T=36.5 36.6", "\x00\xff",
                                  "AMB=22.1 OBJ=36.5"])
def test_lines_without_a_reading_are_none(line: str) -> None:
    assert reading_in(line, DEFAULT) is None


def test_a_reading_is_taken_only_if_read_while_a_screen_waits() -> None:
    """The one rule of whose a reading is, for the kiosk's temperature step and the
    console's rounds page alike."""
    wait = ReadingWait()
    assert not wait.takes(10.0)  # nothing waits yet
    wait.wait_from(10.0)
    assert wait.takes(10.0) and wait.takes(12.5)
    assert not wait.takes(9.9)  # read before the wait began: someone else's, on its way
    wait.stop()
    assert not wait.takes(12.5)


def test_a_site_pattern_picks_its_own_group() -> None:
    pattern = re.compile(r"OBJ=(?P<reading>\d+\.\d)")
    assert reading_in("AMB=22.1 OBJ=36.5", pattern) == "36.5"


def test_no_port_no_thermometer() -> None:
    assert ThermometerWorker.from_policy(Policy()) is None
    worker = ThermometerWorker.from_policy(Policy(thermometer_port="/dev/ttyUSB7",
                                                  thermometer_baud=19200))
    assert worker is not None and (worker.port, worker.baud) == ("/dev/ttyUSB7", 19200)


class Running:
    """A worker on its own thread, recording what it reports."""

    def __init__(self, port: Path) -> None:
        self.readings: list[str] = []
        self.states: list[DeviceState] = []
        self.worker = ThermometerWorker(
            str(port), 9600, DEFAULT_THERMOMETER_PATTERN, on_reading=self.readings.append,
            on_state=self.states.append, backoff=(0.05,), poll=0.05)
        self.thread = threading.Thread(target=self.worker.run, daemon=True)
        self.thread.start()

    def wait(self, condition: Callable[[], bool], timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, (self.states, self.readings)
            time.sleep(0.01)

    def stop(self) -> float:
        began = time.monotonic()
        self.worker.request_stop()
        self.thread.join(2.0)
        assert not self.thread.is_alive()
        return time.monotonic() - began


@pytest.fixture
def device(tmp_path: Path) -> Iterator[PtyDevice]:
    dev = PtyDevice(tmp_path)
    yield dev
    dev.close()


def test_readings_arrive_and_garbage_is_skipped(device: PtyDevice) -> None:
    run = Running(device.path)
    run.wait(lambda: run.worker.state is DeviceState.CONNECTED)
    device.send(b"T=36.5\r\n")
    device.send(b"READY\r\n\xff\xfe\x00garbage\r\n")
    device.send(b"TEMP:37")  # a line in two pieces
    time.sleep(0.15)
    device.send(b".4C\r\n36.6\n")
    run.wait(lambda: len(run.readings) == 3)
    assert run.readings == ["36.5", "37.4", "36.6"]
    assert run.worker.skipped == 2
    assert run.stop() < 1.0
    assert run.states[-1] is DeviceState.STOPPED


def test_a_vanished_device_is_missing_then_used_again(device: PtyDevice) -> None:
    run = Running(device.path)
    run.wait(lambda: run.worker.state is DeviceState.CONNECTED)
    device.send(b"T=36.5\r\n")
    run.wait(lambda: run.readings == ["36.5"])
    device.unplug()  # pulled out
    run.wait(lambda: run.worker.state is DeviceState.MISSING)
    time.sleep(0.2)  # it keeps trying, and stays missing while nothing is there
    assert run.worker.state is DeviceState.MISSING
    device.plug()  # back, on the same port name
    run.wait(lambda: run.worker.state is DeviceState.CONNECTED)
    device.send(b"T=36.7\r\n")
    run.wait(lambda: run.readings == ["36.5", "36.7"])
    assert run.states[:4] == [DeviceState.OPENING, DeviceState.CONNECTED,
                              DeviceState.MISSING, DeviceState.OPENING]
    assert run.stop() < 1.0


def test_a_port_that_never_opens_is_missing_and_stops_at_once(tmp_path: Path) -> None:
    run = Running(tmp_path / "ttyNOTHING")
    run.wait(lambda: run.worker.state is DeviceState.MISSING)
    assert run.readings == []
    assert run.stop() < 1.0
