"""Signing in to the manager console: username and PIN on the kiosk's keypad.

`SignInDialog` asks for a username and a PIN (the keypad types into the PIN field) and
hands them to `SignInService.sign_in` (`accounts.sign_in`), which decides and records
every attempt (right or wrong) in the ledger; a wrong PIN says how many tries are left,
a locked account says until when. An account whose role may not open the console (gate
staff) is told so.

`ManualCheckDialog` is the QR step's: the same sign-in, accepted only for a site manager,
whose Actor then decides a code the kiosk could not read.

`FirstManagerDialog` is the first start's: while the ledger has no site manager it
creates one (username, name, PIN twice) with `SignInService.create_first_manager`, which
also signs them in. Both dialogs are opened with `open()` (never `exec()`): the window goes
on running, and tests fill them in like anyone else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services import accounts
from gatekeeper.services.accounts import Account, Action
from gatekeeper.services.console import SignInService
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.translations import Retranslating, current_lang
from gatekeeper.ui.widgets.pin_dialog import (
    Keypad,
    dialog_actions,
    pin_field,
)


def _pin_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = pin_field(QLineEdit(parent))
    edit.setObjectName(name)
    edit.setProperty("role", "sign-in-field")
    return edit


def _text_edit(parent: QWidget, name: str, max_length: int) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setProperty("role", "sign-in-field")
    edit.setMaxLength(max_length)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
    return edit


class _AccountDialog(Retranslating, QDialog):
    """What both dialogs share: labelled fields, the keypad (typing into whichever PIN
    field last had focus), a message line, Cancel and OK."""

    admits = Action.DASHBOARD  # what the account signed in must be allowed to do

    def __init__(self, signin: SignInService, parent: QWidget | None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setModal(True)
        self.signin = signin
        self.account: Account | None = None
        self._message: Callable[[], str] | None = None
        self.title_label = PlainLabel(self)
        self.title_label.setObjectName("pinTitle")
        self.title_label.setWordWrap(True)
        self.message_label = PlainLabel(self)
        self.message_label.setObjectName("pinMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.form = QGridLayout()
        self.form.setHorizontalSpacing(theme.SPACE_M)
        self.form.setVerticalSpacing(theme.SPACE_S)
        self.labels: dict[str, QLabel] = {}
        self.keypad = Keypad(self)
        self.keys = self.keypad.keys
        self.ok_button, self.cancel_button, actions = dialog_actions(
            self, self.submit, self.reject
        )

        # the fields beside the keypad in a landscape window, above it in a portrait one
        fields = QVBoxLayout()
        fields.setSpacing(theme.SPACE_M)
        fields.addLayout(self.form)
        fields.addWidget(self.message_label)
        fields.addStretch(1)
        body = ReflowBox()
        body.setSpacing(theme.SPACE_L)
        body.addLayout(fields, 1)
        body.addLayout(self.keypad.grid, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(self.title_label)
        layout.addLayout(body, 1)
        layout.addLayout(actions)

    def _add_row(self, key: str, edit: QLineEdit) -> QLineEdit:
        label = PlainLabel(self)
        label.setProperty("role", "sign-in-label")
        label.setBuddy(edit)
        self.labels[key] = label
        row = self.form.rowCount()
        self.form.addWidget(label, row, 0)
        self.form.addWidget(edit, row, 1)
        if edit.echoMode() == QLineEdit.EchoMode.Password:
            self.keypad.add_field(edit)
        return edit

    def submit(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError

    def message(self) -> str:
        return self.message_label.text()

    def _set_message(self, message: Callable[[], str] | None) -> None:
        self._message = message
        self.message_label.setText(message() if message else "")

    def _show_error(self, error: LocalizedError) -> None:
        self._set_message(lambda: error.message(current_lang()))

    def _admit(self, account: Account) -> bool:
        """Accept with `account` if its role may do what the dialog is for (open the
        console; decide a code by hand); say so if not."""
        try:
            accounts.require(account.role, self.admits)
        except LocalizedError as exc:
            self._show_error(exc)
            return False
        self.account = account
        self._set_message(None)
        self.accept()
        return True

    def retranslate(self) -> None:
        self.keypad.retranslate()
        self.ok_button.setText(QCoreApplication.translate("SignInDialog", "Sign in"))
        self.cancel_button.setText(QCoreApplication.translate("PinDialog", "Cancel"))
        if self._message is not None:
            self.message_label.setText(self._message())



class SignInDialog(_AccountDialog):
    """Username and PIN; accepted with `account` set once `accounts.sign_in` agrees and
    the role may open the console."""

    def __init__(self, signin: SignInService, parent: QWidget | None = None) -> None:
        super().__init__(signin, parent)
        self.username_edit = self._add_row("username", _text_edit(self, "signInUser", 32))
        self.pin_edit = self._add_row("pin", _pin_edit(self, "signInPin"))
        self.username_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.submit)
        self.username_edit.setFocus()
        self.retranslate()

    def submit(self) -> None:
        username = self.username_edit.text().strip().lower()
        pin = self.pin_edit.text()
        if not username:
            self._set_message(lambda: QCoreApplication.translate(
                "SignInDialog", "Enter your username first."))  # fmt: skip
            self.username_edit.setFocus()
            return
        if not pin:
            self._set_message(lambda: QCoreApplication.translate(
                "SignInDialog", "Enter your PIN."))  # fmt: skip
            self.pin_edit.setFocus()
            return
        self.pin_edit.clear()
        try:
            account = self.signin.sign_in(username, pin)
        except LocalizedError as exc:
            self._show_error(exc)
            self.pin_edit.setFocus()
            return
        if not self._admit(account):
            self.pin_edit.setFocus()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(QCoreApplication.translate("SignInDialog", "Sign in"))
        self.title_label.setText(QCoreApplication.translate(
            "SignInDialog", "Site managers and inspectors: sign in with your username and PIN"))
        self.labels["username"].setText(QCoreApplication.translate("SignInDialog", "Username"))
        self.labels["pin"].setText(QCoreApplication.translate("SignInDialog", "PIN"))


class ManualCheckDialog(SignInDialog):
    """The QR step's manual check: a site manager signs in (username and PIN, recorded
    as every sign-in) to decide a code the kiosk could not read. Accepted only for an
    account that may (`Action.MANUAL_CHECK`); the kiosk session checks the Actor again."""

    admits = Action.MANUAL_CHECK

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(QCoreApplication.translate("SignInDialog", "Manager's check"))
        self.title_label.setText(QCoreApplication.translate(
            "SignInDialog", "A site manager decides this code: sign in with your username "
            "and PIN"))
        self.ok_button.setText(QCoreApplication.translate("SignInDialog", "Sign in and decide"))


class FirstManagerDialog(_AccountDialog):
    """The first start: create the site manager's account, then sign them in."""

    def __init__(self, signin: SignInService, parent: QWidget | None = None) -> None:
        super().__init__(signin, parent)
        self.username_edit = self._add_row("username", _text_edit(self, "firstUser", 32))
        self.name_edit = self._add_row("name", _text_edit(self, "firstName", accounts.MAX_NAME))
        self.pin_edit = self._add_row("pin", _pin_edit(self, "firstPin"))
        self.again_edit = self._add_row("again", _pin_edit(self, "firstPinAgain"))
        self.username_edit.returnPressed.connect(self.name_edit.setFocus)
        self.name_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.again_edit.setFocus)
        self.again_edit.returnPressed.connect(self.submit)
        self.username_edit.setFocus()
        self.retranslate()

    def submit(self) -> None:
        pin, again = self.pin_edit.text(), self.again_edit.text()
        if pin != again:
            self.pin_edit.clear()
            self.again_edit.clear()
            self._set_message(lambda: QCoreApplication.translate(
                "SignInDialog", "The two PINs differ: enter the same PIN twice."))  # fmt: skip
            self.pin_edit.setFocus()
            return
        username = self.username_edit.text().strip().lower()
        try:
            account = self.signin.create_first_manager(
                username=username, display_name=self.name_edit.text(), pin=pin)
        except LocalizedError as exc:
            self._show_error(exc)
            return
        self._admit(account)

    def retranslate(self) -> None:
        super().retranslate()
        self.ok_button.setText(
            QCoreApplication.translate("SignInDialog", "Create and sign in"))
        self.setWindowTitle(QCoreApplication.translate("SignInDialog", "First start"))
        self.title_label.setText(QCoreApplication.translate(
            "SignInDialog", "No site manager account yet: create the first one. The site "
            "manager then creates the accounts of gate staff and inspectors."))
        self.labels["username"].setText(QCoreApplication.translate("SignInDialog", "Username"))
        self.labels["name"].setText(QCoreApplication.translate("SignInDialog", "Full name"))
        self.labels["pin"].setText(QCoreApplication.translate("SignInDialog", "PIN"))
        self.labels["again"].setText(QCoreApplication.translate("SignInDialog", "PIN again"))


def role_name(account: Account) -> str:
    return accounts.ROLE_NAMES[account.role].format(current_lang())
