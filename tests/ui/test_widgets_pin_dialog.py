"""The PIN dialog: keyboard and keypad entry, accept on the right PIN, lockout shown."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from gatekeeper.services.kiosk_pin import LOCKOUT, MAX_FAILURES, KioskPin
from gatekeeper.ui import theme
from gatekeeper.ui.widgets.pin_dialog import PinDialog

PIN = "482913"
T0 = datetime(2020, 3, 2, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def kiosk_pin(tmp_path: Path) -> KioskPin:
    pin = KioskPin(tmp_path / "kiosk-pin.json")
    pin.set(PIN)
    return pin


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_dialog(qtbot, clock: FakeClock):
    def make(kiosk_pin: KioskPin) -> PinDialog:
        dialog = PinDialog(kiosk_pin, clock)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def test_layout_is_touch_sized_and_masked(kiosk_pin: KioskPin, make_dialog) -> None:
    dialog = make_dialog(kiosk_pin)
    assert dialog.pin_edit.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.focusWidget() is dialog.pin_edit
    buttons = [*dialog.keys.values(), dialog.ok_button, dialog.cancel_button]
    for button in buttons:
        assert button.height() >= theme.TOUCH_MIN, button.objectName()
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert sorted(k for k in dialog.keys if k.isdigit()) == list("0123456789")
    assert dialog.message() == ""


def test_typed_pin_and_enter_accepts(kiosk_pin: KioskPin, make_dialog, qtbot) -> None:
    dialog = make_dialog(kiosk_pin)
    qtbot.keyClicks(dialog.pin_edit, "48a29 13")  # letters and spaces are not taken
    assert dialog.pin_edit.text() == PIN
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_keypad_entry_accepts(kiosk_pin: KioskPin, make_dialog, qtbot) -> None:
    dialog = make_dialog(kiosk_pin)
    for key in "4829":
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.keys["7"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.keys["back"], Qt.MouseButton.LeftButton)
    for key in "13":
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    assert dialog.pin_edit.text() == PIN
    assert dialog.focusWidget() is dialog.pin_edit
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_clear_key(kiosk_pin: KioskPin, make_dialog, qtbot) -> None:
    dialog = make_dialog(kiosk_pin)
    qtbot.keyClicks(dialog.pin_edit, "1234")
    qtbot.mouseClick(dialog.keys["clear"], Qt.MouseButton.LeftButton)
    assert dialog.pin_edit.text() == ""


def test_escape_rejects(kiosk_pin: KioskPin, make_dialog, qtbot) -> None:
    dialog = make_dialog(kiosk_pin)
    qtbot.keyClicks(dialog.pin_edit, "12")
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_cancel_rejects(kiosk_pin: KioskPin, make_dialog, qtbot) -> None:
    dialog = make_dialog(kiosk_pin)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)


def _enter(qtbot, dialog: PinDialog, pin: str) -> None:
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)


def test_wrong_pin_counts_down_then_locks(
    kiosk_pin: KioskPin, make_dialog, qtbot, clock: FakeClock
) -> None:
    dialog = make_dialog(kiosk_pin)
    _enter(qtbot, dialog, "0000")
    assert dialog.isVisible()
    assert dialog.message() == f"Wrong PIN. Tries left: {MAX_FAILURES - 1}."
    assert dialog.pin_edit.text() == ""
    for _ in range(MAX_FAILURES - 1):
        _enter(qtbot, dialog, "0000")
    assert dialog.message() == "Too many wrong PINs. Locked until 08:05."
    # Locked: the right PIN does not open it.
    _enter(qtbot, dialog, PIN)
    assert dialog.isVisible()
    assert "Locked until 08:05" in dialog.message()
    # After the lockout it does.
    clock.now = T0 + LOCKOUT
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        _enter(qtbot, dialog, PIN)


def test_opening_while_locked_says_so(kiosk_pin: KioskPin, make_dialog) -> None:
    for _ in range(MAX_FAILURES):
        kiosk_pin.check("0000", T0 - timedelta(minutes=1))
    dialog = make_dialog(kiosk_pin)
    assert dialog.message() == "Too many wrong PINs. Locked until 08:04."


def test_no_pin_set(tmp_path: Path, make_dialog) -> None:
    dialog = make_dialog(KioskPin(tmp_path / "none.json"))
    assert "gatekeeper kiosk set-pin" in dialog.message()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.keys["1"].isEnabled()
    assert dialog.cancel_button.isEnabled()


def test_damaged_file(tmp_path: Path, make_dialog) -> None:
    path = tmp_path / "bad.json"
    path.write_text("[]")
    dialog = make_dialog(KioskPin(path))
    assert "damaged" in dialog.message()
    assert not dialog.ok_button.isEnabled()


def _answer_modal(qtbot, pin: str | None) -> None:
    """When the modal dialog is up: type `pin` and Enter, or Esc when None."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PinDialog)
        if pin is None:
            qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Escape)
        else:
            qtbot.keyClicks(dialog.pin_edit, pin)
            qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_ask_true_on_the_right_pin(kiosk_pin: KioskPin, qtbot, clock: FakeClock) -> None:
    _answer_modal(qtbot, PIN)
    assert PinDialog.ask(None, kiosk_pin, clock) is True


def test_ask_false_on_escape(kiosk_pin: KioskPin, qtbot, clock: FakeClock) -> None:
    _answer_modal(qtbot, None)
    assert PinDialog.ask(None, kiosk_pin, clock) is False


def test_chinese(kiosk_pin: KioskPin, make_dialog, qtbot, languages) -> None:
    dialog = make_dialog(kiosk_pin)
    _enter(qtbot, dialog, "0000")
    assert languages.set_language("zh_CN")
    assert dialog.title_label.text() == "输入 PIN 以退出自助机模式"
    assert dialog.message() == f"PIN 错误，还可尝试 {MAX_FAILURES - 1} 次。"
    assert dialog.ok_button.text() == "确定"
    languages.set_language("en")
    assert dialog.message() == f"Wrong PIN. Tries left: {MAX_FAILURES - 1}."
