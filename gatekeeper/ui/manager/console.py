"""The manager console: a bar of pages (dashboard, rounds and disinfection, quarantine,
review), the export dialog, who is signed in, and the way back to the kiosk (a button,
or Esc). What the signed-in account's role may do decides which pages and buttons it
gets (`accounts.can`): an inspector's console is read-only.

Every page is a `ManagerPage` over the one `ConsoleService`, which holds the ledger and
the signed-in account's `Actor` (`set_account` hands it over, and takes it back on
signing out): no widget here holds or reaches the ledger."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.services.accounts import Account, Action
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui import theme
from gatekeeper.ui.dialogs import place_over
from gatekeeper.ui.manager.accounts import AccountsPage
from gatekeeper.ui.manager.common import choice_buttons
from gatekeeper.ui.manager.dashboard import DashboardPage
from gatekeeper.ui.manager.export_dialog import DAILY, INSPECTION, ExportDialog
from gatekeeper.ui.manager.jobs import wait_all
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.manager.passes import PassesPage
from gatekeeper.ui.manager.policy import PolicyPage
from gatekeeper.ui.manager.quarantine import QuarantinePage
from gatekeeper.ui.manager.review import ReviewPage
from gatekeeper.ui.manager.rounds import RoundsPage
from gatekeeper.ui.manager.signin import role_name
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowGrid, in_rows
from gatekeeper.ui.steps.base import touch_button
from gatekeeper.ui.translations import Retranslating

PAGES = ("dashboard", "rounds", "quarantine", "review", "accounts", "passes", "policy")
# what it takes to see a page; rounds and quarantine are seen by whoever sees the
# dashboard (an inspector read-only), and recording there asks ROUNDS/QUARANTINE_RELEASE
PAGE_ACTIONS = {
    "dashboard": Action.DASHBOARD,
    "rounds": Action.DASHBOARD,
    "quarantine": Action.DASHBOARD,
    "review": Action.REVIEW,
    "passes": Action.PASSES,
    "policy": Action.POLICY_VIEW,
    "accounts": Action.ACCOUNTS,
}


class ManagerConsole(Retranslating, QWidget):
    back_requested = Signal()

    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("managerConsole")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("role", "page")
        self.service = service
        self.authorise = authorise
        self.account: Account | None = None
        self.export_dialog: ExportDialog | None = None

        self.bar = QFrame(self)
        self.bar.setObjectName("managerBar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title_label = PlainLabel(self.bar)
        self.title_label.setObjectName("managerTitle")
        # Landscape: who is signed in, the pages, export, sign out, in one row (who sits
        # under the role, so the row fits 1280 px in both languages). Portrait: who and
        # sign out, then the pages and export in rows of four.
        bar = ReflowGrid(self.bar)
        bar.setContentsMargins(theme.SPACE_L, theme.SPACE_XS, theme.SPACE_L, theme.SPACE_XS)
        bar.setHorizontalSpacing(theme.SPACE_M)
        bar.setVerticalSpacing(theme.SPACE_XS)
        self.who_label = PlainLabel(self.bar)
        self.who_label.setObjectName("managerWho")
        heading = QWidget(self.bar)
        heading_column = QVBoxLayout(heading)
        heading_column.setContentsMargins(0, 0, 0, 0)
        heading_column.setSpacing(0)
        heading_column.addWidget(self.title_label)
        heading_column.addWidget(self.who_label)
        bar.place(heading, (0, 0), (0, 0))
        nav = QWidget(self.bar)
        nav_grid = ReflowGrid(nav)
        nav_grid.setContentsMargins(0, 0, 0, 0)
        nav_grid.setSpacing(theme.SPACE_S)
        self.nav_group, self.nav = choice_buttons(
            nav, [(name, f"nav_{name}") for name in PAGES], self.show_page, None)
        self.export_button = touch_button(nav, "nav_export", "choice")
        self.export_button.clicked.connect(lambda: self.open_export())
        in_rows(nav_grid, [*self.nav.values(), self.export_button], len(PAGES) + 1, 4)
        bar.place(nav, (0, 1), (1, 0, 1, 3))
        self.back_button = touch_button(self.bar, "managerBack")
        self.back_button.clicked.connect(self.back_requested)
        bar.place(self.back_button, (0, 3), (0, 2))
        bar.column_stretches({2: 1}, {1: 1})

        self.stack = QStackedWidget(self)
        self.dashboard = DashboardPage(service, authorise, self.stack)
        self.rounds = RoundsPage(service, authorise, self.stack)
        self.quarantine = QuarantinePage(service, authorise, self.stack)
        self.review = ReviewPage(service, authorise, self.stack)
        self.passes = PassesPage(service, authorise, self.stack)
        self.policy = PolicyPage(service, authorise, self.stack)
        self.accounts = AccountsPage(service, authorise, self.stack)
        self.review.report_requested.connect(
            lambda start, end: self.open_export(INSPECTION, start, end))
        self.pages: dict[str, ManagerPage] = {
            "dashboard": self.dashboard, "rounds": self.rounds, "quarantine": self.quarantine,
            "review": self.review, "accounts": self.accounts,
            "passes": self.passes, "policy": self.policy}  # fmt: skip
        for page in self.pages.values():
            self.stack.addWidget(page)
        # what one page records, the others show
        self.rounds.changed.connect(self._changed)
        self.quarantine.changed.connect(self._changed)
        # Esc anywhere in the console goes back (a field does not swallow it)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.activated.connect(self.back_requested)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.bar)
        column.addWidget(self.stack, 1)
        self.retranslate()

    def current(self) -> str:
        widget = self.stack.currentWidget()
        return next(name for name, page in self.pages.items() if page is widget)

    def show_page(self, name: str) -> bool:
        """Show a page (fresh from the ledger); False if the action is not allowed."""
        if not self.authorise(PAGE_ACTIONS[name]):
            self.nav[self.current()].setChecked(True)
            return False
        page = self.pages[name]
        self.nav[name].setChecked(True)
        if page is self.rounds and self.stack.currentWidget() is not self.rounds:
            self.rounds.to_current_slot()
        page.refresh()
        self.stack.setCurrentWidget(page)
        page.focus_input()
        return True

    def refresh(self) -> None:
        self.pages[self.current()].refresh()

    def set_account(self, account: Account | None) -> None:
        """Who is signed in (None: nobody, on leaving): the bar offers only what the
        account's role may do. The service records as the account's `Actor` (the
        services check its role themselves; the pages only hide what it cannot use)."""
        self.account = account
        self.service.act_as(account.actor if account is not None else None)
        self.rounds.put_down()  # nobody the last account picked is measured by this one
        for name, button in self.nav.items():
            button.setVisible(account is not None and account.can(PAGE_ACTIONS[name]))
        self.export_button.setVisible(account is not None and (
            account.can(Action.EXPORT) or account.can(Action.INSPECTION_REPORT)))  # fmt: skip
        if account is None:
            self.close_export()
        self.retranslate()

    def open_export(
        self, kind: str = DAILY, date_from: date | None = None, date_to: date | None = None
    ) -> ExportDialog | None:
        """The export dialog (window-modal, opened with open()); None if not allowed."""
        account = self.account
        wanted = Action.INSPECTION_REPORT if kind == INSPECTION else Action.EXPORT
        if account is None or not (self.authorise(wanted) or self.authorise(
                Action.INSPECTION_REPORT)):  # fmt: skip
            return None
        self.close_export()
        dialog = ExportDialog(
            self.service, self, kind=kind, date_from=date_from, date_to=date_to)
        self.export_dialog = dialog

        def closed(_result: int) -> None:
            if self.export_dialog is dialog:
                self.export_dialog = None
            self.dashboard.refresh() if self.stack.currentWidget() is self.dashboard else None
            dialog.deleteLater()

        dialog.finished.connect(closed)
        dialog.open()
        place_over(dialog, self.window())
        return dialog

    def close_export(self) -> None:
        if self.export_dialog is not None:
            self.export_dialog.reject()  # waits for a running export to complete

    def shutdown(self) -> None:
        """Before the window goes: no background job left running (each is stopped, and
        one still running past its wait is waited for: an export is completed whole)."""
        self.close_export()
        for page in self.pages.values():
            page.shutdown()
        wait_all()

    def scanned(self, text: str) -> bool:
        """A scan while the console is up: the rounds page takes it; others do not."""
        if self.stack.currentWidget() is self.rounds:
            return self.rounds.scanned(text)
        return False

    def device_reading(self, text: str, at: float) -> bool:
        """A serial thermometer's reading while the console is up: the rounds page takes
        it for the person picked there; no other page, nor one under a dialog, does."""
        if self.stack.currentWidget() is self.rounds and self.export_dialog is None:
            return self.rounds.device_reading(text, at)
        return False

    def _changed(self) -> None:
        """Something was recorded: the dashboard follows at once (the other pages
        refresh whenever they are shown)."""
        self.dashboard.refresh()

    def retranslate(self) -> None:
        account = self.account
        self.title_label.setText(
            role_name(account).capitalize() if account is not None
            else QCoreApplication.translate("ManagerConsole", "Site manager"))  # fmt: skip
        self.who_label.setText(QCoreApplication.translate(
            "ManagerConsole", "{name} ({username})").format(
            name=account.display_name, username=account.username) if account else "")  # fmt: skip
        names = {
            "dashboard": QCoreApplication.translate("ManagerConsole", "Dashboard"),
            "rounds": QCoreApplication.translate("ManagerConsole", "Rounds"),
            "quarantine": QCoreApplication.translate("ManagerConsole", "Quarantine"),
            "review": QCoreApplication.translate("ManagerConsole", "Review"),
            "passes": QCoreApplication.translate("ManagerConsole", "Passes"),
            "policy": QCoreApplication.translate("ManagerConsole", "Policy"),
            "accounts": QCoreApplication.translate("ManagerConsole", "Accounts"),
        }
        self.export_button.setText(QCoreApplication.translate("ManagerConsole", "Export…"))
        for name, button in self.nav.items():
            button.setText(names[name])
        self.back_button.setText(QCoreApplication.translate("ManagerConsole", "Sign out"))

