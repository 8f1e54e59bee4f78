"""USB scanner bursts are scans wherever the focus is; people typing still type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from gatekeeper.ui.scan_burst import ScanBurstFilter


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def setup(qtbot, qapp):
    clock = FakeClock()
    burst = ScanBurstFilter(clock=clock)
    qapp.installEventFilter(burst)
    form = QWidget()
    layout = QVBoxLayout(form)
    name, phone = QLineEdit(), QLineEdit()
    layout.addWidget(name)
    layout.addWidget(phone)
    submitted: list[str] = []
    name.returnPressed.connect(lambda: submitted.append(name.text()))
    qtbot.addWidget(form)
    form.show()
    name.setFocus()
    scans: list[str] = []
    burst.scanned.connect(scans.append)
    yield clock, burst, name, phone, scans, submitted
    qapp.removeEventFilter(burst)


def type_text(qtbot, widget, clock: FakeClock, text: str, gap: float, enter: bool = True) -> None:
    for ch in text:
        clock.now += gap
        qtbot.keyClick(widget, ch)
    if enter:
        clock.now += gap
        qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_scanner_speed_burst_is_a_scan_not_typed(qtbot, setup) -> None:
    clock, _burst, name, _, scans, submitted = setup
    type_text(qtbot, name, clock, "GKP1.site-a.abc", gap=0.008)
    assert scans == ["GKP1.site-a.abc"]
    assert name.text() == ""  # nothing typed into the focused field
    assert submitted == []  # and the scanner's Enter did not submit the form


def test_human_typing_stays_typing(qtbot, setup) -> None:
    clock, _burst, name, _, scans, submitted = setup
    type_text(qtbot, name, clock, "Zhang San", gap=0.15)
    assert scans == []
    assert name.text() == "Zhang San"
    assert submitted == ["Zhang San"]  # a person's Enter still submits


def test_held_key_is_given_back_when_nothing_follows(qtbot, setup) -> None:
    clock, burst, name, _, _scans, _ = setup
    type_text(qtbot, name, clock, "Z", gap=0.2, enter=False)
    assert name.text() == "" and burst.pending == "Z"  # held for a few ms
    clock.now += 0.2
    qtbot.waitUntil(lambda: name.text() == "Z", timeout=1000)  # the timer gives it back


def test_scan_wherever_the_focus_is(qtbot, setup) -> None:
    clock, _, name, phone, scans, _ = setup
    phone.setFocus()
    type_text(qtbot, phone, clock, "status=green", gap=0.005)
    assert scans == ["status=green"] and phone.text() == "" and name.text() == ""


def test_fast_typist_short_burst_is_not_a_scan(qtbot, setup) -> None:
    clock, _, name, _, scans, submitted = setup
    type_text(qtbot, name, clock, "ok", gap=0.01)  # 2 keys: below the minimum length
    assert scans == [] and name.text() == "ok" and submitted == ["ok"]


def test_typing_then_scan(qtbot, setup) -> None:
    clock, burst, name, _, scans, _ = setup
    type_text(qtbot, name, clock, "Li", gap=0.2, enter=False)
    clock.now += 0.5
    burst.flush()
    type_text(qtbot, name, clock, "PASS-12345", gap=0.004)
    assert scans == ["PASS-12345"] and name.text() == "Li"
