"""The manager console: a bar of pages (dashboard, rounds and disinfection, quarantine)
and the way back to the kiosk (a button, or Esc)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.services.accounts import Action
from gatekeeper.services.gate import GateService
from gatekeeper.ui import theme
from gatekeeper.ui.manager.dashboard import DashboardPage
from gatekeeper.ui.manager.quarantine import QuarantinePage
from gatekeeper.ui.manager.rounds import RoundsPage
from gatekeeper.ui.steps.base import touch_button

# Who the ledger names for what is recorded here, until sign-in by role lands.
MANAGER_ACTOR = "site-manager"

PAGES = ("dashboard", "rounds", "quarantine")


class ManagerConsole(QWidget):
    back_requested = Signal()

    def __init__(
        self,
        service: GateService,
        authorise: Callable[[Action], bool],
        actor: Callable[[], str] = lambda: MANAGER_ACTOR,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("managerConsole")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("role", "page")
        self.service = service
        self.authorise = authorise

        self.bar = QFrame(self)
        self.bar.setObjectName("managerBar")
        self.bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.title_label = QLabel(self.bar)
        self.title_label.setObjectName("managerTitle")
        self.nav: dict[str, QPushButton] = {}
        self.nav_group = QButtonGroup(self)
        bar = QHBoxLayout(self.bar)
        bar.setContentsMargins(theme.SPACE_L, theme.SPACE_XS, theme.SPACE_L, theme.SPACE_XS)
        bar.setSpacing(theme.SPACE_S)
        bar.addWidget(self.title_label)
        bar.addSpacing(theme.SPACE_L)
        for name in PAGES:
            button = touch_button(self.bar, f"nav_{name}", "choice")
            button.setCheckable(True)
            button.clicked.connect(lambda _c=False, n=name: self.show_page(n))
            self.nav_group.addButton(button)
            self.nav[name] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.back_button = touch_button(self.bar, "managerBack")
        self.back_button.clicked.connect(self.back_requested)
        bar.addWidget(self.back_button)

        self.stack = QStackedWidget(self)
        self.dashboard = DashboardPage(service, self.stack)
        self.rounds = RoundsPage(service, actor, authorise, self.stack)
        self.quarantine = QuarantinePage(service, actor, authorise, self.stack)
        self.pages: dict[str, QWidget] = {
            "dashboard": self.dashboard, "rounds": self.rounds, "quarantine": self.quarantine}
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
        action = {"dashboard": Action.DASHBOARD, "rounds": Action.ROUNDS,
                  "quarantine": Action.QUARANTINE_RELEASE}[name]  # fmt: skip
        if not self.authorise(action):
            self.nav[self.current()].setChecked(True)
            return False
        page = self.pages[name]
        self.nav[name].setChecked(True)
        if page is self.rounds and self.stack.currentWidget() is not self.rounds:
            self.rounds.to_current_slot()
        page.refresh()  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(page)
        page.focus_input() if hasattr(page, "focus_input") else page.setFocus()
        return True

    def refresh(self) -> None:
        self.pages[self.current()].refresh()  # type: ignore[attr-defined]

    def scanned(self, text: str) -> bool:
        """A scan while the console is up: the rounds page takes it; others do not."""
        if self.stack.currentWidget() is self.rounds:
            return self.rounds.scanned(text)
        return False

    def _changed(self) -> None:
        """Something was recorded: the dashboard follows at once (the other pages
        refresh whenever they are shown)."""
        self.dashboard.refresh()

    def retranslate(self) -> None:
        self.title_label.setText(QCoreApplication.translate("ManagerConsole", "Site manager"))
        names = {
            "dashboard": QCoreApplication.translate("ManagerConsole", "Dashboard"),
            "rounds": QCoreApplication.translate("ManagerConsole", "Rounds and disinfection"),
            "quarantine": QCoreApplication.translate("ManagerConsole", "Quarantine follow-up"),
        }
        for name, button in self.nav.items():
            button.setText(names[name])
        self.back_button.setText(QCoreApplication.translate("ManagerConsole", "Back to the gate"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
