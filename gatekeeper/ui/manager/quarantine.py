"""Quarantine follow-up: everyone in quarantine, and per person the isolation place,
the twice-daily checks (temperature and a note) and the manager's release decision —
released from quarantine (解除隔离), referred to hospital (转送医院) or sent home
(劝返回家) — with the reason, which the domain requires.

The case is rebuilt by `ConsoleService.quarantine_case`; checks and the decision go
through `ConsoleService.quarantine_check` / `release_quarantine`, whose errors (an
implausible reading, an empty reason, a case already closed) are shown inline.

A role without `Action.QUARANTINE_RELEASE` (an inspector) sees the cases and their
checks read-only: the check entry and the release decision are hidden. The page asks
`authorise` and has no rule of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.quarantine import QuarantineCase
from gatekeeper.domain.vocab import QuarantineDecision
from gatekeeper.services import site
from gatekeeper.services.accounts import Action
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui import theme
from gatekeeper.ui.manager.common import (
    InlineMessage,
    cell,
    choice_buttons,
    error_say,
    reason_name,
    section_label,
    touch_table,
)
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.steps.base import touch_button
from gatekeeper.ui.steps.fields import line_edit
from gatekeeper.ui.translations import current_lang


def decision_name(decision: QuarantineDecision) -> str:
    names = {
        QuarantineDecision.RELEASED: QCoreApplication.translate(
            "QuarantinePage", "Released from quarantine"),
        QuarantineDecision.REFERRED_TO_HOSPITAL: QCoreApplication.translate(
            "QuarantinePage", "Referred to hospital"),
        QuarantineDecision.SENT_HOME: QCoreApplication.translate("QuarantinePage", "Sent home"),
    }  # fmt: skip
    return names[decision]


class QuarantinePage(ManagerPage):
    changed = Signal()

    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__("managerQuarantine", service, authorise, parent)
        self.cases: list[site.CaseRow] = []
        self.case: QuarantineCase | None = None
        self.row: site.CaseRow | None = None
        self.decision: QuarantineDecision | None = None
        self.editable = False  # may the signed-in role record? asked on every refresh

        # --- the list (left) ---
        self.list_label = section_label(self)
        self.case_table = touch_table(self, "caseTable", 3)
        self.case_table.cellClicked.connect(self._row_clicked)
        self.empty_label = PlainLabel(self)
        self.empty_label.setProperty("role", "field-caption")
        left = QVBoxLayout()
        left.addWidget(self.list_label)
        left.addWidget(self.case_table, 1)
        left.addWidget(self.empty_label)

        # --- the case (right) ---
        self.person_label = PlainLabel(self)
        self.person_label.setObjectName("casePerson")
        self.person_label.setWordWrap(True)
        self.facts_label = PlainLabel(self)
        self.facts_label.setObjectName("caseFacts")
        self.facts_label.setWordWrap(True)
        self.checks_label = section_label(self)
        self.checks_table = touch_table(self, "checksTable", 3)
        self.checks_table.setSelectionMode(self.checks_table.SelectionMode.NoSelection)
        self.temperature_edit = line_edit(self, "checkTemperature")
        self.note_edit = line_edit(self, "checkNote")
        self.check_button = touch_button(self, "addCheck")
        self.check_button.clicked.connect(self.add_check)
        self.temperature_edit.returnPressed.connect(self.add_check)
        self.note_edit.returnPressed.connect(self.add_check)
        check_row = QHBoxLayout()
        check_row.addWidget(self.temperature_edit, 1)
        check_row.addWidget(self.note_edit, 2)
        check_row.addWidget(self.check_button)
        self.check_error = InlineMessage(self)

        self.release_label = section_label(self)
        decision_row = QHBoxLayout()
        self.decision_group, self.decision_buttons = choice_buttons(
            self, [(d, f"decision_{d.value}") for d in QuarantineDecision], self.choose,
            decision_row, stretch=1)  # fmt: skip
        self.reason_edit = line_edit(self, "releaseReason")
        self.reason_edit.returnPressed.connect(self.release)
        self.release_button = touch_button(self, "recordDecision", "primary")
        self.release_button.clicked.connect(self.release)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_edit, 1)
        reason_row.addWidget(self.release_button)
        self.release_error = InlineMessage(self)
        self.result = InlineMessage(self, "field-note")
        # what only a role that may record sees
        self.recording: list[QWidget] = [
            self.temperature_edit, self.note_edit, self.check_button, self.release_label,
            *self.decision_buttons.values(), self.reason_edit, self.release_button]  # fmt: skip

        self.detail = QWidget(self)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.setSpacing(theme.SPACE_S)
        detail.addWidget(self.person_label)
        detail.addWidget(self.facts_label)
        detail.addWidget(self.checks_label)
        detail.addWidget(self.checks_table, 1)
        detail.addLayout(check_row)
        detail.addWidget(self.check_error)
        detail.addWidget(self.release_label)
        detail.addLayout(decision_row)
        detail.addLayout(reason_row)
        detail.addWidget(self.release_error)
        self.pick_label = PlainLabel(self)
        self.pick_label.setProperty("role", "field-caption")
        self.pick_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QVBoxLayout()
        right.addWidget(self.result)
        right.addWidget(self.pick_label)
        right.addWidget(self.detail, 1)

        row = ReflowBox(self)  # the case under the list in portrait
        row.setContentsMargins(theme.SPACE_L, theme.SPACE_S, theme.SPACE_L, theme.SPACE_S)
        row.setSpacing(theme.SPACE_L)
        row.addLayout(left, 2)
        row.addLayout(right, 3)
        self.retranslate()

    # --- what the console calls ----------------------------------------------------------

    def refresh(self) -> None:
        self.editable = self.authorise(Action.QUARANTINE_RELEASE)
        for widget in self.recording:
            widget.setVisible(self.editable)
        if not self.editable:
            self.check_error.clear()
            self.release_error.clear()
        self.cases = self.service.open_quarantine_cases()
        chosen = self.row.case_id if self.row is not None else None
        self.row = next((c for c in self.cases if c.case_id == chosen), None)
        self._load_case()
        self._draw()

    def focus_input(self) -> None:
        if self.case is not None and self.editable:
            self.temperature_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.case_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, case_id: str) -> None:
        self.row = next((c for c in self.cases if c.case_id == case_id), None)
        self.decision = None
        self.decision_group.setExclusive(False)  # an exclusive group cannot be emptied
        for button in self.decision_buttons.values():
            button.setChecked(False)
        self.decision_group.setExclusive(True)
        self.reason_edit.clear()
        self.temperature_edit.clear()
        self.note_edit.clear()
        self.check_error.clear()
        self.release_error.clear()
        self.result.clear()
        self._load_case()
        self._draw()
        self.focus_input()

    def _row_clicked(self, row: int, _col: int) -> None:
        item = self.case_table.item(row, 0)
        if item is not None:
            self.select(str(item.data(Qt.ItemDataRole.UserRole)))

    def _load_case(self) -> None:
        self.case = self.service.quarantine_case(self.row.case_id) if self.row else None

    # --- input ------------------------------------------------------------------------------

    def add_check(self) -> None:
        self.check_error.clear()
        if self.case is None or not self.authorise(Action.QUARANTINE_RELEASE):
            return
        try:
            self.service.quarantine_check(
                self.case.id, self.temperature_edit.text(), self.note_edit.text())
        except LocalizedError as error:
            self.check_error.show_say(error_say(error))
            return
        self.temperature_edit.clear()
        self.note_edit.clear()
        self._load_case()
        self._draw()
        self.changed.emit()

    def choose(self, decision: QuarantineDecision) -> None:
        self.decision = QuarantineDecision(decision)
        self.decision_buttons[self.decision].setChecked(True)
        self.release_error.clear()
        self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def release(self) -> None:
        self.release_error.clear()
        if self.case is None or not self.authorise(Action.QUARANTINE_RELEASE):
            return
        if self.decision is None:
            self.release_error.show_say(lambda _l: QCoreApplication.translate(
                "QuarantinePage", "Choose the decision: released, referred to hospital or "
                "sent home."))
            return
        decision, name = self.decision, self.row.name_masked if self.row else ""
        try:
            self.service.release_quarantine(self.case.id, decision, self.reason_edit.text())
        except LocalizedError as error:
            self.release_error.show_say(error_say(error))
            return
        self.row = None
        self.case = None
        self.decision = None
        self.refresh()
        self.result.show_say(lambda _l: QCoreApplication.translate(
            "QuarantinePage", "{name}: {decision}. Recorded in the ledger.").format(
                name=name, decision=decision_name(decision)))
        self.changed.emit()

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self) -> None:
        self.case_table.setRowCount(0)
        for case in self.cases:
            row = self.case_table.rowCount()
            self.case_table.insertRow(row)
            due = case.due_date.isoformat()
            if case.overdue:
                due = QCoreApplication.translate("QuarantinePage", "{date} overdue").format(
                    date=due)
            day = QCoreApplication.translate("QuarantinePage", "Day {n}").format(n=case.day_count)
            for col, text in enumerate((case.name_masked, day, due)):
                self.case_table.setItem(row, col, cell(text, data=case.case_id, warn=case.overdue))
            if self.row is not None and case.case_id == self.row.case_id:
                self.case_table.selectRow(row)
        self.empty_label.setVisible(not self.cases)
        self.pick_label.setText(QCoreApplication.translate(
            "QuarantinePage", "Touch a person on the left to see their checks and decide.")
            if self.editable else QCoreApplication.translate(
            "QuarantinePage", "Touch a person on the left to see their checks (read-only)."))
        self.detail.setVisible(self.case is not None)
        self.pick_label.setVisible(self.case is None and bool(self.cases))
        case, row = self.case, self.row
        if case is None or row is None:
            return
        lang = current_lang()
        self.person_label.setText(f"{row.name_masked} · {reason_name(row.reason)}")
        facts = QCoreApplication.translate(
            "QuarantinePage", "Place: {place} · started {start} · day {n} · due {due}"
        ).format(place=case.place.pick(lang), start=row.started.isoformat(), n=row.day_count,
                 due=row.due_date.isoformat())  # fmt: skip
        if row.overdue:
            facts += " · " + QCoreApplication.translate("QuarantinePage", "overdue")
        self.facts_label.setText(facts)
        self.facts_label.setProperty("warn", row.overdue)
        self.facts_label.style().unpolish(self.facts_label)
        self.facts_label.style().polish(self.facts_label)
        self.checks_table.setRowCount(0)
        for check in reversed(case.checks):
            r = self.checks_table.rowCount()
            self.checks_table.insertRow(r)
            local = check.at.astimezone(self.service.policy.tz)
            values = (local.strftime("%m-%d %H:%M"), f"{check.temperature_c:.1f} °C", check.note)
            for col, text in enumerate(values):
                self.checks_table.setItem(r, col, cell(text, warn=check.fever))
        self.checks_label.setText(QCoreApplication.translate(
            "QuarantinePage", "Checks, twice a day ({n} so far)").format(n=len(case.checks)))

    # --- language -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.list_label.setText(QCoreApplication.translate("QuarantinePage", "In quarantine"))
        self.case_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("QuarantinePage", "Name"),
            QCoreApplication.translate("QuarantinePage", "Day"),
            QCoreApplication.translate("QuarantinePage", "Due"),
        ])  # fmt: skip
        self.checks_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("QuarantinePage", "Time"),
            QCoreApplication.translate("QuarantinePage", "Temperature"),
            QCoreApplication.translate("QuarantinePage", "Note"),
        ])  # fmt: skip
        self.empty_label.setText(QCoreApplication.translate(
            "QuarantinePage", "Nobody is in quarantine."))
        self.temperature_edit.setPlaceholderText(QCoreApplication.translate(
            "QuarantinePage", "°C"))
        self.note_edit.setPlaceholderText(QCoreApplication.translate(
            "QuarantinePage", "Note (symptoms, test result)"))
        self.check_button.setText(QCoreApplication.translate("QuarantinePage", "Add check"))
        self.release_label.setText(QCoreApplication.translate(
            "QuarantinePage", "Release decision (site manager)"))
        for decision, button in self.decision_buttons.items():
            button.setText(decision_name(decision))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate(
            "QuarantinePage", "Reason (required)"))
        self.release_button.setText(QCoreApplication.translate("QuarantinePage", "Record decision"))
        self._draw()
