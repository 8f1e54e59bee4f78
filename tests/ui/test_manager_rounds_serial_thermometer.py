"""A serial thermometer on the console's rounds page, on the real window: a
pseudo-terminal pair stands in for the device and the real pyserial reads it on its own
thread. A reading read after a person was picked goes into the reading field and is
recorded as a typed one (a fever opens a quarantine case, a measuring error is said);
with nobody picked, read before the pick, or on another page, it is dropped."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from console_support import admit, sign_in
from kiosk_support import START, Kiosk, resident_id

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devices"))
from pty_support import PtyDevice

from gatekeeper.devices.thermometer import DeviceState, ThermometerWorker
from gatekeeper.domain.policy import DEFAULT_THERMOMETER_PATTERN
from gatekeeper.domain.vocab import Reason
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui.devices import SerialThermometer


@pytest.fixture
def site(qtbot, languages, tmp_path: Path) -> Iterator[tuple[Kiosk, PtyDevice, list[Any]]]:
    """Two workers on site at 09:30 (the morning round), the thermometer connected, and
    the rounds page in view for a site manager. The list gets, for every reading the
    device sent, whether a person was picked when it reached the window."""
    device = PtyDevice(tmp_path)
    worker = ThermometerWorker(str(device.path), 9600, DEFAULT_THERMOMETER_PATTERN,
                               backoff=(0.05,), poll=0.05)
    thermometer = SerialThermometer(worker)
    k = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START),
              thermometer=thermometer)
    service = k.session.service
    k.zhang = admit(service, "201", "张三明")  # type: ignore[attr-defined]
    k.li = admit(service, "202", "李四")  # type: ignore[attr-defined]
    k.clock.advance(minutes=90)
    thermometer.start()
    qtbot.waitUntil(lambda: thermometer.state is DeviceState.CONNECTED, timeout=5000)
    console = sign_in(k)
    assert console.show_page("rounds")
    delivered: list[Any] = []
    thermometer.reading.connect(  # after the window's own slot, on the same delivery
        lambda text, _at: delivered.append((text, console.rounds.current is not None)))
    yield k, device, delivered
    assert thermometer.stop()
    k.close()
    device.close()


def pick(k: Kiosk, seq: str) -> None:
    rounds = k.window.manager.rounds
    k.type(rounds.search_edit, resident_id(seq=seq))
    k.enter(rounds.search_edit)
    assert rounds.current is not None


def test_a_serial_reading_is_the_picked_persons(site) -> None:
    k, device, delivered = site
    rounds = k.window.manager.rounds
    device.send(b"T=36.6\r\n")  # nobody picked: nobody's reading
    k.qtbot.waitUntil(lambda: len(delivered) == 1, timeout=5000)
    assert rounds.reading_edit.text() == "" and rounds.reading_error.text() == ""
    assert k.records(kind="round_temperature") == []

    device.send(b"T=36.7\r\n")  # read, and still on its way when the person is picked
    time.sleep(0.3)
    pick(k, "201")
    k.qtbot.waitUntil(lambda: len(delivered) == 2, timeout=5000)
    assert delivered[1] == ("36.7", True)  # it arrived with 张三明 picked, and was dropped
    assert k.records(kind="round_temperature") == []
    assert rounds.reading_edit.text() == ""

    device.send(b"TEMP:36.5C\r\n")
    k.qtbot.waitUntil(lambda: len(k.records(kind="round_temperature")) == 1, timeout=5000)
    [reading] = k.records(kind="round_temperature")
    assert (reading.person_id, reading.body["reading_c"], reading.body["slot"]) == (
        k.zhang, 36.5, "morning")
    assert reading.body["by"] == "manager"
    assert "Recorded" in rounds.result.text() and "36.5" in rounds.result.text()
    assert rounds.current is None and rounds.reading_edit.text() == ""

    device.send(b"T=36.8\r\n")  # recorded: nobody is picked any more
    k.qtbot.waitUntil(lambda: len(delivered) == 4, timeout=5000)
    assert len(k.records(kind="round_temperature")) == 1
    assert rounds.reading_edit.text() == "" and rounds.reading_error.text() == ""


def test_a_serial_reading_is_judged_as_a_typed_one(site) -> None:
    k, device, _delivered = site
    rounds = k.window.manager.rounds
    pick(k, "202")
    device.send(b"T=51.0\r\n")  # outside 34-43 °C: a measuring error, measure again
    k.qtbot.waitUntil(lambda: rounds.reading_error.text() != "", timeout=5000)
    assert "measure again" in rounds.reading_error.text().lower()
    assert k.records(kind="round_temperature") == []
    assert rounds.current is not None and rounds.current.person_id == k.li
    device.send(b"T=38.4\r\n")  # a fever: quarantine, as when typed
    k.qtbot.waitUntil(lambda: len(k.records(kind="quarantine_start")) == 1, timeout=5000)
    [fever] = k.records(kind="round_temperature")
    assert (fever.person_id, fever.body["verdict"]) == (k.li, "quarantine")
    [case] = k.records(kind="quarantine_start")
    assert (case.person_id, case.reason) == (k.li, Reason.FEVER_ON_ROUND)
    assert "sent to quarantine" in rounds.result.text()


def test_only_the_rounds_page_in_view_takes_a_reading(site) -> None:
    k, device, delivered = site
    console = k.window.manager
    pick(k, "201")
    assert console.show_page("dashboard")
    device.send(b"T=36.6\r\n")  # the person is still picked, but the page is not in view
    k.qtbot.waitUntil(lambda: len(delivered) == 1, timeout=5000)
    assert console.show_page("rounds")
    k.qtbot.wait(100)
    assert k.records(kind="round_temperature") == []
    device.send(b"T=36.4\r\n")  # back on the rounds page, the person still picked
    k.qtbot.waitUntil(lambda: len(k.records(kind="round_temperature")) == 1, timeout=5000)
    assert k.records(kind="round_temperature")[0].body["reading_c"] == 36.4


def test_signing_out_forgets_whom_the_rounds_page_was_measuring(site) -> None:
    """The next manager to sign in has picked nobody: a reading is not recorded for the
    last manager's person under the new one's name."""
    k, device, delivered = site
    pick(k, "201")
    k.window.close_manager()
    console = sign_in(k, "boss")
    assert console.show_page("rounds")
    rounds = console.rounds
    assert rounds.current is None and "Nobody picked" in rounds.current_label.text()
    device.send(b"T=36.6\r\n")
    k.qtbot.waitUntil(lambda: len(delivered) == 1, timeout=5000)
    assert k.records(kind="round_temperature") == []
    assert rounds.reading_edit.text() == "" and rounds.reading_error.text() == ""
