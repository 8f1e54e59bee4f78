"""Keyboard-output bursts: a scan where a code is expected (a code field, a page without
a text field in focus), typed text with its Enter in a field that takes text; people
typing still type."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from gatekeeper.ui.scan_burst import ScanBurstFilter, mark_code_field, takes_typing


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
    mark_code_field(name)  # where a code is expected (like the QR step's field)
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


def test_scanner_speed_burst_in_a_code_field_is_a_scan_not_typed(qtbot, setup) -> None:
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


def test_a_burst_into_a_text_field_is_typed_there_with_its_enter(qtbot, setup) -> None:
    clock, _, name, phone, scans, _ = setup
    entered: list[str] = []
    phone.returnPressed.connect(lambda: entered.append(phone.text()))
    phone.setFocus()
    type_text(qtbot, phone, clock, "HC-2020-0042", gap=0.005)
    assert scans == [] and name.text() == ""
    assert phone.text() == "HC-2020-0042"  # in the field, in order, nothing lost
    assert entered == ["HC-2020-0042"]  # and its Enter is the field's, as a person's


def test_a_burst_where_no_field_takes_text_is_a_scan(qtbot, setup) -> None:
    clock, _, name, _phone, scans, submitted = setup
    button = QPushButton("Confirm", name.parentWidget())
    clicked: list[bool] = []
    button.clicked.connect(clicked.append)
    button.show()
    button.setFocus()
    type_text(qtbot, button, clock, "GKP1.site-a.abc", gap=0.005)
    assert scans == ["GKP1.site-a.abc"] and clicked == [] and submitted == []


def test_which_fields_take_typing(qtbot, setup) -> None:
    _clock, _, name, phone, _scans, _ = setup
    assert takes_typing(phone) and not takes_typing(name)  # name is a code field here
    phone.setReadOnly(True)
    assert not takes_typing(phone)
    phone.setReadOnly(False)
    phone.setEnabled(False)
    assert not takes_typing(phone)
    assert not takes_typing(None) and not takes_typing(QPushButton())


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
