"""Asks for the kiosk PIN before kiosk mode may be left.

A large on-screen keypad (touch, gloves) and the keyboard both work; the entry is
masked. The dialog only collects and shows: ``KioskPin`` decides (hash, lockout).
Focus stays in the PIN field (the keypad buttons take none), so Enter confirms and
Esc cancels whichever way the digits came in.

    if PinDialog.ask(window, KioskPin(default_kiosk_pin_path()), clock.now):
        leave_kiosk_mode()
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services.kiosk_pin import MAX_DIGITS, KioskPin
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating

KEYPAD_ROWS = (("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9"), ("clear", "0", "back"))


def pin_field(edit: QLineEdit) -> QLineEdit:
    """`edit` as a PIN field: masked, digits only, at most MAX_DIGITS, no prediction."""
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(MAX_DIGITS)
    edit.setValidator(
        QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{MAX_DIGITS}}}"), edit)
    )
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class Keypad(QObject):
    """The on-screen digit keypad (the kiosk PIN, sign-in, the accounts page): it types
    into whichever of its PIN fields last had the focus (the first until one has). Its
    keys never take the focus, so typed digits and a scanner still go to the field."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.fields: list[QLineEdit] = []
        self.target: QLineEdit | None = None
        self.keys: dict[str, QPushButton] = {}
        self.grid = QGridLayout()
        self.grid.setSpacing(theme.SPACE_S)
        for r, row in enumerate(KEYPAD_ROWS):
            for c, key in enumerate(row):
                button = QPushButton(key if key.isdigit() else "", parent)
                button.setObjectName(f"pinKey_{key}")
                button.setProperty("role", "pin-key")
                button.setProperty("key", key)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setAutoDefault(False)
                button.clicked.connect(lambda _checked=False, k=key: self.press(k))
                self.keys[key] = button
                self.grid.addWidget(button, r, c)

    def add_field(self, edit: QLineEdit) -> QLineEdit:
        """A PIN field the keypad types into once it has had the focus."""
        self.fields.append(edit)
        if self.target is None:
            self.target = edit
        edit.installEventFilter(self)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and watched in self.fields:
            self.target = watched  # type: ignore[assignment]
        return super().eventFilter(watched, event)

    def press(self, key: str) -> None:
        target = self.target
        if target is None:
            return
        if key == "clear":
            target.clear()
        elif key == "back":
            target.backspace()
        elif len(target.text()) < MAX_DIGITS:
            target.insert(key)
        target.setFocus()

    def setEnabled(self, enabled: bool) -> None:
        for button in self.keys.values():
            button.setEnabled(enabled)

    def retranslate(self) -> None:
        self.keys["clear"].setText(QCoreApplication.translate("PinDialog", "Clear"))
        self.keys["back"].setText(QCoreApplication.translate("PinDialog", "⌫ Delete"))


def dialog_actions(
    parent: QWidget, on_ok: Callable[[], None], on_cancel: Callable[[], None]
) -> tuple[QPushButton, QPushButton, QHBoxLayout]:
    """OK and Cancel, large and side by side; neither steals the focus from the field."""
    ok_button = QPushButton(parent)
    ok_button.setObjectName("pinOk")
    cancel_button = QPushButton(parent)
    cancel_button.setObjectName("pinCancel")
    for button in (ok_button, cancel_button):
        button.setProperty("role", "pin-action")
        button.setMinimumHeight(theme.TOUCH_MIN + theme.SPACE_S)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
    ok_button.clicked.connect(on_ok)
    cancel_button.clicked.connect(on_cancel)
    actions = QHBoxLayout()
    actions.setSpacing(theme.SPACE_M)
    # no stretch: each at least as wide as its text (a stretch would share the row out
    # evenly and cut a long "Create and sign in" short in a narrow dialog)
    actions.addWidget(cancel_button)
    actions.addWidget(ok_button)
    return ok_button, cancel_button, actions


class PinDialog(Retranslating, QDialog):
    """Enter the PIN; accepted only when ``kiosk_pin.check`` says it is right."""

    def __init__(
        self,
        kiosk_pin: KioskPin,
        now_fn: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setModal(True)
        if parent is None:  # no window to take the look from
            self.setStyleSheet(theme.stylesheet())
        self._pin = kiosk_pin
        self._now = now_fn
        self._message: Callable[[], str] | None = None  # re-read on a language change

        self.title_label = PlainLabel(self)
        self.title_label.setObjectName("pinTitle")
        self.title_label.setWordWrap(True)
        self.pin_edit = pin_field(QLineEdit(self))
        self.pin_edit.setObjectName("pinEdit")
        self.pin_edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pin_edit.returnPressed.connect(self.submit)
        self.message_label = PlainLabel(self)
        self.message_label.setObjectName("pinMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.keypad = Keypad(self)  # its keys' size: theme.KEY_HEIGHTS
        self.keypad.add_field(self.pin_edit)
        self.keys = self.keypad.keys
        self.ok_button, self.cancel_button, actions = dialog_actions(
            self, self.submit, self.reject
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(self.title_label)
        layout.addWidget(self.pin_edit)
        layout.addWidget(self.message_label)
        layout.addLayout(self.keypad.grid, 1)
        layout.addLayout(actions)

        self.pin_edit.setFocus()
        self.retranslate()
        self._show_state()

    # --- the flow ------------------------------------------------------------------------------

    @staticmethod
    def ask(parent: QWidget | None, kiosk_pin: KioskPin, now_fn: Callable[[], datetime]) -> bool:
        """Show the dialog modally; True when the right PIN was entered (not locked out)."""
        dialog = PinDialog(kiosk_pin, now_fn, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def submit(self) -> None:
        """Check the entered PIN: accept, or say why not and clear the field."""
        pin = self.pin_edit.text()
        if not pin or not self.ok_button.isEnabled():
            return
        now = self._now()
        try:
            ok = self._pin.check(pin, now)
        except LocalizedError as exc:
            self.pin_edit.clear()
            self._show_problem(exc.code)
            return
        self.pin_edit.clear()
        if ok:
            self._set_message(None)
            self.accept()
            return
        if self._pin.is_locked(now):
            self._show_locked(now)
        else:
            left = self._pin.tries_left(now)
            self._set_message(
                lambda: QCoreApplication.translate(
                    "PinDialog", "Wrong PIN. Tries left: {count}."
                ).format(count=left)
            )
        self.pin_edit.setFocus()

    # --- messages ------------------------------------------------------------------------------

    def _show_state(self) -> None:
        """On opening: say so if there is no PIN to enter, or the kiosk is locked out."""
        try:
            is_set = self._pin.is_set()
        except LocalizedError as exc:
            self._show_problem(exc.code)
            return
        if not is_set:
            self._show_problem("kiosk_pin_not_set")
            return
        now = self._now()
        if self._pin.is_locked(now):
            self._show_locked(now)

    def _show_locked(self, now: datetime) -> None:
        until = self._pin.locked_until
        assert until is not None
        hhmm = until.astimezone(now.tzinfo).strftime("%H:%M")
        self._set_message(
            lambda: QCoreApplication.translate(
                "PinDialog", "Too many wrong PINs. Locked until {time}."
            ).format(time=hhmm)
        )

    def _show_problem(self, code: str) -> None:
        """No PIN, or a damaged PIN file: nothing typed here can help; say what will."""
        if code == "kiosk_pin_not_set":
            self._set_message(
                lambda: QCoreApplication.translate(
                    "PinDialog",
                    "No PIN has been set. Set one on this computer with "
                    "“gatekeeper kiosk set-pin”.",
                )
            )
        else:
            self._set_message(
                lambda: QCoreApplication.translate(
                    "PinDialog",
                    "The PIN file is damaged. Set the PIN again on this computer with "
                    "“gatekeeper kiosk set-pin”.",
                )
            )
        self.ok_button.setEnabled(False)
        self.keypad.setEnabled(False)
        self.pin_edit.setEnabled(False)
        self.cancel_button.setFocus()

    def message(self) -> str:
        return self.message_label.text()

    def _set_message(self, message: Callable[[], str] | None) -> None:
        self._message = message
        self.message_label.setText(message() if message else "")

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("PinDialog", "Leave kiosk mode"))
        self.title_label.setText(
            QCoreApplication.translate("PinDialog", "Enter the PIN to leave kiosk mode")
        )
        self.pin_edit.setAccessibleName(QCoreApplication.translate("PinDialog", "PIN"))
        self.keypad.retranslate()
        self.ok_button.setText(QCoreApplication.translate("PinDialog", "OK"))
        self.cancel_button.setText(QCoreApplication.translate("PinDialog", "Cancel"))
        if self._message is not None:
            self.message_label.setText(self._message())

