"""A serial thermometer on the real kiosk window: a pseudo-terminal pair stands in for
the device and the real pyserial reads it on the device's own thread. Its reading lands
in the temperature step as a typed one; a vanished device is said plainly and typing
goes on; it is used again when it comes back."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_support import START, Kiosk
from plain_support import label_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devices"))
from pty_support import PtyDevice

from gatekeeper.devices.thermometer import DeviceState, ThermometerWorker
from gatekeeper.domain.policy import DEFAULT_THERMOMETER_PATTERN
from gatekeeper.domain.vocab import Channel
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui.devices import SerialThermometer
from gatekeeper.ui.flow import Page


@pytest.fixture
def gate(qtbot, languages, tmp_path: Path) -> Iterator[tuple[Kiosk, PtyDevice, SerialThermometer]]:
    device = PtyDevice(tmp_path)
    worker = ThermometerWorker(str(device.path), 9600, DEFAULT_THERMOMETER_PATTERN,
                               backoff=(0.05,), poll=0.05)
    thermometer = SerialThermometer(worker)
    kiosk = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START),
                  thermometer=thermometer)
    thermometer.start()
    qtbot.waitUntil(lambda: thermometer.state is DeviceState.CONNECTED, timeout=5000)
    yield kiosk, device, thermometer
    assert thermometer.stop()
    kiosk.close()
    device.close()


def test_a_reading_from_the_device_is_the_temperature_steps(gate) -> None:
    k, device, _ = gate
    device.send(b"T=36.6\r\n")  # nobody at the temperature step: nobody's reading
    k.qtbot.wait(100)
    device.send(b"T=36.7\r\n")  # read, and still queued when the step comes up
    time.sleep(0.2)
    k.channel(Channel.WORKER)
    page = k.page(Page.TEMPERATURE)
    k.certificate()
    assert k.at() is Page.TEMPERATURE
    assert page.device_label.isVisible() and "connected" in page.device_label.text()
    device.send(b"TEMP:38.1C\r\n")  # a fever, judged as a typed one
    k.qtbot.waitUntil(lambda: len(k.flow.screening.temperatures) == 1, timeout=5000)
    assert k.flow.screening.temperatures[0]["reading_c"] == 38.1
    assert k.at() is Page.TEMPERATURE and page.verdict_label.isVisible()
    device.send(b"36.5\r\n")  # during the rest: not the re-measure
    k.qtbot.wait(200)
    assert len(k.flow.screening.temperatures) == 1 and page.error_text("temperature") == ""
    k.clock.advance(minutes=6)
    device.send(b"T=36.5\r\n")
    k.qtbot.waitUntil(lambda: k.at() is Page.DISINFECTION, timeout=5000)
    assert [t["reading_c"] for t in k.flow.screening.temperatures] == [38.1, 36.5]
    device.send(b"T=36.9\r\n")  # the next page takes no reading
    k.qtbot.wait(200)
    assert k.at() is Page.DISINFECTION and len(k.flow.screening.temperatures) == 2


def test_a_vanished_thermometer_is_said_and_typing_goes_on(gate) -> None:
    k, device, thermometer = gate
    k.channel(Channel.WORKER)
    k.certificate()
    page = k.page(Page.TEMPERATURE)
    device.unplug()
    k.qtbot.waitUntil(lambda: thermometer.state is DeviceState.MISSING, timeout=5000)
    notice = k.window.notice
    assert notice.isVisible() and "is not connected: type the reading" in \
        notice.text_label.text()
    assert "not connected" in page.device_label.text()
    assert str(device.path) in page.device_label.text()
    k.temperature("36.4")  # typed, as always
    assert k.at() is Page.DISINFECTION
    device.plug()
    k.qtbot.waitUntil(lambda: thermometer.state is DeviceState.CONNECTED, timeout=5000)
    assert "connected again" in notice.text_label.text()
    assert "not connected" not in page.device_label.text()


def test_the_status_follows_the_language(gate, languages) -> None:
    k, device, thermometer = gate
    device.unplug()
    k.qtbot.waitUntil(lambda: thermometer.state is DeviceState.MISSING, timeout=5000)
    languages.set_language("zh_CN")
    assert "测温设备" in k.window.notice.text_label.text()
    languages.set_language("en")


def test_a_port_name_is_shown_as_written(qtbot, languages, tmp_path: Path) -> None:
    """The port comes from the policy file or the command line: the header's notice and
    the temperature page say it as written (the labels took "<b>…" for markup)."""
    port = str(tmp_path / "<b>ttyUSB0 &lt;")
    thermometer = SerialThermometer(ThermometerWorker(
        port, 9600, DEFAULT_THERMOMETER_PATTERN, backoff=(0.05,), poll=0.05))
    k = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START),
              thermometer=thermometer)
    try:
        thermometer.start()
        qtbot.waitUntil(lambda: thermometer.state is DeviceState.MISSING, timeout=5000)
        assert f"The thermometer on {port} is not connected" in label_text(
            k.window.notice.text_label)
        k.channel(Channel.WORKER)
        k.certificate()
        assert port in label_text(k.page(Page.TEMPERATURE).device_label)
    finally:
        assert thermometer.stop()
        k.close()
