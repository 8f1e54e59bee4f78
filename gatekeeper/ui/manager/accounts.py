"""Accounts (site manager): the list of accounts — username, role, name, locked until —
a new account (username, role, name, PIN twice) and a PIN reset for the account picked
in the list, which also ends a lockout.

Everything goes through `ConsoleService` (`create_account`, `reset_pin`,
`list_accounts`, i.e. `services.accounts`), which checks the role and records it in the
ledger; its errors (a bad username, a short PIN, a taken name) are shown inline in the
user's language. The PIN fields take the kiosk's keypad (`pin_dialog.Keypad`) and its
OK/Cancel row (`pin_dialog.dialog_actions`): the keypad types into whichever PIN field
last had focus.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services import accounts
from gatekeeper.services.accounts import Account, Action, Role
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui import theme
from gatekeeper.ui.manager.common import (
    InlineMessage,
    cell,
    choice_buttons,
    error_say,
    section_label,
    touch_table,
)
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.steps.fields import line_edit
from gatekeeper.ui.translations import current_lang
from gatekeeper.ui.widgets.pin_dialog import Keypad, dialog_actions, pin_field

NEW, RESET = "new", "reset"


class AccountsPage(ManagerPage):
    changed = Signal()

    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__("managerAccounts", service, authorise, parent)
        self.rows: list[Account] = []
        self.picked: str | None = None  # the username whose PIN a reset sets
        self.mode = NEW
        self.role: Role = Role.GATE_STAFF

        # --- the list (left) ---
        self.list_label = section_label(self)
        self.table = touch_table(self, "accountTable", 4)
        self.table.cellClicked.connect(self._row_clicked)
        left = QVBoxLayout()
        left.setSpacing(theme.SPACE_S)
        left.addWidget(self.list_label)
        left.addWidget(self.table, 1)

        # --- the form (middle) ---
        mode_row = QHBoxLayout()
        self.mode_group, self.mode_buttons = choice_buttons(
            self, [(mode, f"accountMode_{mode}") for mode in (NEW, RESET)], self.set_mode,
            mode_row, stretch=1)  # fmt: skip
        self.target_label = PlainLabel(self)
        self.target_label.setObjectName("accountTarget")
        self.target_label.setWordWrap(True)
        self.username_edit = line_edit(self, "accountUsername")
        self.username_edit.setMaxLength(32)
        self.username_edit.setInputMethodHints(Qt.InputMethodHint.ImhNoAutoUppercase)
        self.name_edit = line_edit(self, "accountName")
        self.name_edit.setMaxLength(accounts.MAX_NAME)
        role_row = QHBoxLayout()
        self.role_group, self.role_buttons = choice_buttons(
            self, [(role, f"accountRole_{role.value}") for role in Role], self.set_role,
            role_row, stretch=1)  # fmt: skip
        self.pin_edit = pin_field(line_edit(self, "accountPin"))
        self.again_edit = pin_field(line_edit(self, "accountPinAgain"))
        self.pin_fields = (self.pin_edit, self.again_edit)
        self.keypad = Keypad(self)
        self.keys = self.keypad.keys
        for edit in self.pin_fields:
            self.keypad.add_field(edit)
        self.username_edit.returnPressed.connect(self.name_edit.setFocus)
        self.name_edit.returnPressed.connect(self.pin_edit.setFocus)
        self.pin_edit.returnPressed.connect(self.again_edit.setFocus)
        self.again_edit.returnPressed.connect(self.submit)
        self.labels: dict[str, QLabel] = {}
        form = QGridLayout()
        form.setHorizontalSpacing(theme.SPACE_M)
        form.setVerticalSpacing(theme.SPACE_S)
        for key, widget in (("username", self.username_edit), ("name", self.name_edit),
                            ("pin", self.pin_edit), ("again", self.again_edit)):  # fmt: skip
            label = PlainLabel(self)
            label.setProperty("role", "field-caption")
            label.setBuddy(widget)
            self.labels[key] = label
            row = form.rowCount()
            form.addWidget(label, row, 0)
            form.addWidget(widget, row, 1)
        self.error = InlineMessage(self)
        self.error.setObjectName("accountError")
        self.result = InlineMessage(self, "field-note")
        self.result.setObjectName("accountResult")
        self.ok_button, self.cancel_button, actions = dialog_actions(
            self, self.submit, self.clear_form)

        middle = QVBoxLayout()
        middle.setSpacing(theme.SPACE_S)
        middle.addLayout(mode_row)
        middle.addWidget(self.target_label)
        middle.addLayout(role_row)
        middle.addLayout(form)
        middle.addWidget(self.error)
        middle.addWidget(self.result)
        middle.addStretch(1)
        middle.addLayout(actions)

        # --- the keypad (right) ---
        right = QVBoxLayout()
        right.addStretch(1)
        right.addLayout(self.keypad.grid)

        row = ReflowBox(self)  # the list, the form, the keypad: stacked in portrait
        row.setContentsMargins(theme.SPACE_L, theme.SPACE_S, theme.SPACE_L, theme.SPACE_S)
        row.setSpacing(theme.SPACE_L)
        row.addLayout(left, 5)
        row.addLayout(middle, 4)
        row.addLayout(right, 3)
        self.mode_buttons[NEW].setChecked(True)
        self.role_buttons[self.role].setChecked(True)
        self.retranslate()

    # --- what the console calls ----------------------------------------------------------

    def refresh(self) -> None:
        self.rows = self.service.list_accounts()
        if self.picked not in {a.username for a in self.rows}:
            self.picked = None
        self._draw()

    def focus_input(self) -> None:
        target = self.username_edit if self.mode == NEW else self.pin_edit
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- input ------------------------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.error.clear()
        self._draw()
        self.focus_input()

    def set_role(self, role: Role) -> None:
        self.role = Role(role)
        self.role_buttons[self.role].setChecked(True)

    def pick(self, username: str) -> None:
        """An account picked in the list: its PIN is the one a reset sets."""
        self.picked = username
        self.error.clear()
        self.result.clear()
        self.set_mode(RESET)

    def _row_clicked(self, row: int, _col: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.pick(str(item.data(Qt.ItemDataRole.UserRole)))

    def clear_form(self) -> None:
        for edit in (self.username_edit, self.name_edit, *self.pin_fields):
            edit.clear()
        self.error.clear()
        self.focus_input()

    def submit(self) -> None:
        """Create the account, or reset the picked account's PIN; errors inline."""
        self.error.clear()
        self.result.clear()
        if self.service.actor is None or not self.authorise(Action.ACCOUNTS):
            return
        pin, again = self.pin_edit.text(), self.again_edit.text()
        if self.mode == RESET and self.picked is None:
            self.error.show_say(lambda _l: QCoreApplication.translate(
                "AccountsPage", "Pick the account in the list first."))
            return
        if pin != again:
            for edit in self.pin_fields:
                edit.clear()
            self.error.show_say(lambda _l: QCoreApplication.translate(
                "AccountsPage", "The two PINs differ: enter the same PIN twice."))
            self.pin_edit.setFocus()
            return
        username = self.username_edit.text().strip().lower()
        try:
            if self.mode == NEW:
                made = self.service.create_account(
                    username=username, role=self.role, display_name=self.name_edit.text(),
                    pin=pin)  # fmt: skip
                done, name = NEW, made.username
            else:
                assert self.picked is not None
                self.service.reset_pin(self.picked, pin)
                done, name = RESET, self.picked
        except LocalizedError as error:
            self.error.show_say(error_say(error))
            return
        for edit in (self.username_edit, self.name_edit, *self.pin_fields):
            edit.clear()
        if done == NEW:
            self.result.show_say(lambda _l: QCoreApplication.translate(
                "AccountsPage", "Account {username} created. Recorded in the ledger.").format(
                    username=name))
        else:
            self.result.show_say(lambda _l: QCoreApplication.translate(
                "AccountsPage", "New PIN set for {username}; any lockout is over. Recorded in "
                "the ledger.").format(username=name))
        self.refresh()
        self.changed.emit()
        self.focus_input()

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self) -> None:
        lang = current_lang()
        now = self.service.now()
        self.table.setRowCount(0)
        for account in self.rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            until = account.locked_until
            locked = until is not None and until > now
            shown = until.astimezone(now.tzinfo).strftime("%m-%d %H:%M") if locked else ""
            role = accounts.ROLE_NAMES[account.role].format(lang).capitalize()
            for col, text in enumerate((account.username, role, account.display_name, shown)):
                self.table.setItem(r, col, cell(text, data=account.username, warn=locked))
            if account.username == self.picked:
                self.table.selectRow(r)
        new = self.mode == NEW
        for widget in (self.username_edit, self.name_edit, self.labels["username"],
                       self.labels["name"], *self.role_buttons.values()):  # fmt: skip
            widget.setVisible(new)
        self.target_label.setVisible(not new)
        picked = next((a for a in self.rows if a.username == self.picked), None)
        if picked is None:
            self.target_label.setText(QCoreApplication.translate(
                "AccountsPage", "Touch the account in the list whose PIN you reset."))
        else:
            self.target_label.setText(QCoreApplication.translate(
                "AccountsPage", "New PIN for {name} ({username})").format(
                    name=picked.display_name, username=picked.username))
        self.ok_button.setText(
            QCoreApplication.translate("AccountsPage", "Create account") if new
            else QCoreApplication.translate("AccountsPage", "Reset PIN"))  # fmt: skip

    # --- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.list_label.setText(QCoreApplication.translate("AccountsPage", "Accounts"))
        self.table.setHorizontalHeaderLabels([
            QCoreApplication.translate("AccountsPage", "Username"),
            QCoreApplication.translate("AccountsPage", "Role"),
            QCoreApplication.translate("AccountsPage", "Name"),
            QCoreApplication.translate("AccountsPage", "Locked until"),
        ])  # fmt: skip
        self.mode_buttons[NEW].setText(QCoreApplication.translate("AccountsPage", "New account"))
        self.mode_buttons[RESET].setText(QCoreApplication.translate("AccountsPage", "Reset a PIN"))
        for role, button in self.role_buttons.items():
            button.setText(accounts.ROLE_NAMES[role].format(current_lang()).capitalize())
        self.labels["username"].setText(QCoreApplication.translate("AccountsPage", "Username"))
        self.labels["name"].setText(QCoreApplication.translate("AccountsPage", "Full name"))
        self.labels["pin"].setText(QCoreApplication.translate("AccountsPage", "PIN"))
        self.labels["again"].setText(QCoreApplication.translate("AccountsPage", "PIN again"))
        self.username_edit.setPlaceholderText(QCoreApplication.translate(
            "AccountsPage", "e.g. zhang.wei"))
        self.keypad.retranslate()
        self.cancel_button.setText(QCoreApplication.translate("AccountsPage", "Clear form"))
        self._draw()
