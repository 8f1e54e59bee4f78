"""The review page (督导检查): read-only search, a person's closed loop, the integrity
check and the inspection report.

Search by person (name or ID number), date range, outcome and channel
(`ConsoleService.search_passages`, masked values); choosing a row shows that person's
timeline (`ConsoleService.timeline`: every passage, step, lane opened or not, round,
quarantine event and release, in order; a lane that did not open is shown as a warning).
"Check the ledger" runs `ConsoleService.verify` off the UI thread, on its own connection,
and says plainly whether the chain is intact. Nothing on this page writes, except the
inspection report, which is recorded as an export by the service.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Channel, Outcome
from gatekeeper.services import review
from gatekeeper.services.accounts import Action
from gatekeeper.services.console import ConsoleService, VerifyReport
from gatekeeper.services.exports import ExportRow
from gatekeeper.ui import reflow, theme
from gatekeeper.ui.manager.common import InlineMessage, cell, section_label, touch_table
from gatekeeper.ui.manager.export_dialog import date_edit, pydate
from gatekeeper.ui.manager.jobs import ServiceJob
from gatekeeper.ui.manager.page import Authorise, ManagerPage
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowGrid
from gatekeeper.ui.steps.base import touch_button
from gatekeeper.ui.translations import current_lang

ROW_COLUMNS = 6  # time, channel, name, ID number, outcome, reason


ZERO_WIDTH_SPACE = "\u200b"


def _breakable(digest: str, every: int = 16) -> str:
    """A 64-digit hash the label may wrap (a word that long would widen the window);
    copying it still gives the digits alone."""
    return ZERO_WIDTH_SPACE.join(digest[i : i + every] for i in range(0, len(digest), every))


class ReviewPage(ManagerPage):
    report_requested = Signal(object, object)  # date_from, date_to

    def __init__(
        self, service: ConsoleService, authorise: Authorise, parent: QWidget | None = None
    ) -> None:
        super().__init__("reviewPage", service, authorise, parent)
        self.rows: list[ExportRow] = []
        self.events: list[review.TimelineEvent] = []
        self.person_id: str | None = None
        self.verify_job: ServiceJob | None = None
        self.report: VerifyReport | None = None
        today = service.today()

        # the filters
        self.search_title = section_label(self)
        self.person_edit = QLineEdit(self)
        self.person_edit.setObjectName("reviewPerson")
        self.person_edit.setMinimumHeight(theme.TOUCH_MIN)
        self.person_edit.returnPressed.connect(self.search)
        self.from_edit = date_edit(self, "reviewFrom", today - timedelta(days=6))
        self.to_edit = date_edit(self, "reviewTo", today)
        self.outcome_combo = QComboBox(self)
        self.outcome_combo.setObjectName("reviewOutcome")
        self.outcome_combo.addItem("", None)
        for outcome in Outcome:
            self.outcome_combo.addItem("", outcome.value)
        self.channel_combo = QComboBox(self)
        self.channel_combo.setObjectName("reviewChannel")
        self.channel_combo.addItem("", None)
        for channel in Channel:
            self.channel_combo.addItem("", channel.value)
        for combo in (self.outcome_combo, self.channel_combo):
            combo.setMinimumHeight(theme.TOUCH_MIN)
        self.search_button = touch_button(self, "reviewSearch", "primary")
        self.search_button.clicked.connect(self.search)
        self.search_error = InlineMessage(self)
        self.filter_labels = [PlainLabel(self) for _ in range(5)]
        # landscape: the five filters and Search in one row; portrait: three to a row
        filters = ReflowGrid()
        filters.setHorizontalSpacing(theme.SPACE_S)
        for i, (label, widget) in enumerate(zip(
            self.filter_labels,
            (self.person_edit, self.from_edit, self.to_edit, self.outcome_combo,
             self.channel_combo), strict=True,
        )):  # fmt: skip
            label.setBuddy(widget)
            label.setWordWrap(True)
            row, column = (i // 3) * 2, i % 3
            filters.place(label, (0, i), (row, column))
            filters.place(widget, (1, i), (row + 1, column))
        filters.place(self.search_button, (1, 5), (3, 2))
        filters.column_stretches({0: 2, 1: 1, 2: 1, 3: 1, 4: 1}, {0: 1, 1: 1, 2: 1})

        # the results and the chosen person's timeline
        self.results_label = section_label(self)
        self.results_table = touch_table(self, "reviewResults", ROW_COLUMNS)
        self.results_table.cellClicked.connect(self._row_clicked)
        self.timeline_label = section_label(self)
        self.timeline_table = touch_table(self, "reviewTimeline", 2)
        self.timeline_table.horizontalHeader().setStretchLastSection(True)
        results = QWidget(self)
        column = QVBoxLayout(results)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.results_label)
        column.addWidget(self.results_table, 1)
        timeline = QWidget(self)
        column = QVBoxLayout(timeline)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.timeline_label)
        column.addWidget(self.timeline_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        reflow.reflowing(splitter)  # the timeline under the results in portrait
        splitter.addWidget(results)
        splitter.addWidget(timeline)
        splitter.setSizes([620, 520])

        # the integrity check and the inspection report
        self.verify_button = touch_button(self, "reviewVerify", "choice")
        self.verify_button.clicked.connect(self.check_ledger)
        self.verdict_label = PlainLabel(self)
        self.verdict_label.setObjectName("reviewVerdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_button = touch_button(self, "reviewReport", "choice")
        self.report_button.clicked.connect(
            lambda: self.report_requested.emit(pydate(self.from_edit.date()),
                                               pydate(self.to_edit.date())))  # fmt: skip
        bottom = QHBoxLayout()
        bottom.setSpacing(theme.SPACE_M)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verdict_label, 1)
        bottom.addWidget(self.report_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_M, theme.SPACE_L, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.search_title)
        layout.addLayout(filters)
        layout.addWidget(self.search_error)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.retranslate()

    # --- the page's life ----------------------------------------------------------------

    def refresh(self) -> None:
        self.report_button.setVisible(self.authorise(Action.INSPECTION_REPORT))
        self.verify_button.setVisible(self.authorise(Action.VERIFY))

    def focus_input(self) -> None:
        self.person_edit.setFocus()

    # --- search and timeline --------------------------------------------------------------

    def search(self) -> None:
        if not self.authorise(Action.REVIEW):
            return
        self.search_error.clear()
        try:
            self.rows = self.service.search_passages(
                person=self.person_edit.text().strip() or None,
                date_from=pydate(self.from_edit.date()),
                date_to=pydate(self.to_edit.date()),
                outcome=self.outcome_combo.currentData(),
                channel=self.channel_combo.currentData(),
            )  # fmt: skip
        except LocalizedError as exc:
            self.rows = []
            self.search_error.show_say(exc.message)
        self._fill_results()
        person_ids = {r.person_id for r in self.rows if r.person_id}
        if len(person_ids) == 1:
            self.show_timeline(person_ids.pop())
        else:
            self.show_timeline(None)

    def _fill_results(self) -> None:
        lang = current_lang()
        table = self.results_table
        table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            values = row.values(lang)
            texts = [row.at.strftime("%Y-%m-%d %H:%M"), values[1], values[2], values[3],
                     values[5], values[6]]  # fmt: skip
            warn = row.outcome in (Outcome.QUARANTINED, Outcome.TURNED_AWAY)
            for c, text in enumerate(texts):
                table.setItem(i, c, cell(str(text), data=row.person_id or "", warn=warn and c == 4))
        self.results_label.setText(QCoreApplication.translate(
            "ReviewPage", "Screenings found: {count}").format(count=len(self.rows)))  # fmt: skip

    def _row_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.rows):
            self.show_timeline(self.rows[row].person_id)

    def show_timeline(self, person_id: str | None) -> None:
        """A person's closed loop, oldest first (None: nobody chosen)."""
        self.person_id = person_id
        self.events = self.service.timeline(person_id) if person_id else []
        self._fill_timeline()

    def _fill_timeline(self) -> None:
        lang = current_lang()
        table = self.timeline_table
        table.setRowCount(len(self.events))
        tz = self.service.policy.tz
        for i, event in enumerate(self.events):
            at = event.at.astimezone(tz).strftime("%m-%d %H:%M")
            table.setItem(i, 0, cell(at, data=event.uuid))
            # the line is filled already (by review.describe): drawn as it stands, since a
            # value typed at the gate ("建设{一}") is text, never a template to fill again
            table.setItem(i, 1, cell(event.summary.pick(lang), warn=event.warn))
        if self.person_id is None:
            self.timeline_label.setText(
                QCoreApplication.translate(
                    "ReviewPage", "Closed-loop timeline: choose a screening to see its person"
                )
            )
        else:
            self.timeline_label.setText(QCoreApplication.translate(
                "ReviewPage", "Closed-loop timeline: {count} events").format(
                count=len(self.events)))  # fmt: skip

    def timeline_lines(self) -> list[str]:
        return [self.timeline_table.item(i, 1).text()
                for i in range(self.timeline_table.rowCount())]  # fmt: skip

    # --- the integrity check ------------------------------------------------------------------

    def check_ledger(self) -> None:
        """The integrity check on its own connection, off the UI thread."""
        if not self.authorise(Action.VERIFY) or self.checking():
            return
        self.report = None
        self.verify_button.setEnabled(False)
        self.verdict_label.setProperty("verdict", "")
        self.verdict_label.setText(QCoreApplication.translate(
            "ReviewPage", "Checking every record of the ledger…"))  # fmt: skip
        self.verify_job = self.run_job(
            lambda service: service.verify(), self._verified, self._verify_failed, readonly=True)

    def checking(self) -> bool:
        return self.verify_job is not None and self.verify_job.isRunning()

    def _verified(self, report: VerifyReport) -> None:
        self.verify_button.setEnabled(True)
        self.report = report
        self._show_verdict()

    def _verify_failed(self, error: Exception) -> None:
        self.verify_button.setEnabled(True)
        message = error.message(current_lang()) if isinstance(error, LocalizedError) else str(error)
        self.verdict_label.setText(
            QCoreApplication.translate("ReviewPage", "The check could not run: {problem}").format(
                problem=message
            )
        )

    def _show_verdict(self) -> None:
        report = self.report
        if report is None:
            return
        if report.ok:
            self.verdict_label.setText(QCoreApplication.translate(
                "ReviewPage", "Intact: {count} records, head {head}").format(
                count=report.records, head=_breakable(report.head.hash)))  # fmt: skip
            return
        problem = report.problem
        what = problem.message(current_lang()) if problem is not None else ""
        seq = problem.seq if problem is not None and problem.seq is not None else "?"
        self.verdict_label.setText(
            QCoreApplication.translate("ReviewPage", "Altered: record {seq}: {what}").format(
                seq=seq, what=what
            )
        )

    def verdict(self) -> str:
        return self.verdict_label.text().replace(ZERO_WIDTH_SPACE, "")

    # --- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = current_lang()
        self.search_title.setText(
            QCoreApplication.translate("ReviewPage", "Search the screenings (read-only)")
        )
        texts = (
            QCoreApplication.translate("ReviewPage", "Person (name or ID number)"),
            QCoreApplication.translate("ReviewPage", "From"),
            QCoreApplication.translate("ReviewPage", "To"),
            QCoreApplication.translate("ReviewPage", "Outcome"),
            QCoreApplication.translate("ReviewPage", "Channel"),
        )
        for label, text in zip(self.filter_labels, texts, strict=True):
            label.setText(text)
        self.person_edit.setPlaceholderText(
            QCoreApplication.translate("ReviewPage", "e.g. 张 or 410102…")
        )
        self.outcome_combo.setItemText(0, QCoreApplication.translate("ReviewPage", "Any outcome"))
        for i in range(1, self.outcome_combo.count()):
            self.outcome_combo.setItemText(
                i, messages.text(Outcome(self.outcome_combo.itemData(i)), lang)
            )
        self.channel_combo.setItemText(0, QCoreApplication.translate("ReviewPage", "Any channel"))
        for i in range(1, self.channel_combo.count()):
            self.channel_combo.setItemText(
                i, messages.text(Channel(self.channel_combo.itemData(i)), lang)
            )
        self.search_button.setText(QCoreApplication.translate("ReviewPage", "Search"))
        self.results_table.setHorizontalHeaderLabels([
            QCoreApplication.translate("ReviewPage", "Time"),
            QCoreApplication.translate("ReviewPage", "Channel"),
            QCoreApplication.translate("ReviewPage", "Name"),
            QCoreApplication.translate("ReviewPage", "ID number"),
            QCoreApplication.translate("ReviewPage", "Outcome"),
            QCoreApplication.translate("ReviewPage", "Reason"),
        ])  # fmt: skip
        self.timeline_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ReviewPage", "When"),
                QCoreApplication.translate("ReviewPage", "What happened"),
            ]
        )
        self.verify_button.setText(QCoreApplication.translate("ReviewPage", "Check the ledger"))
        self.report_button.setText(QCoreApplication.translate("ReviewPage", "Inspection report…"))
        if self.rows:
            self._fill_results()
        else:
            self.results_label.setText(
                QCoreApplication.translate("ReviewPage", "Screenings found: {count}").format(
                    count=0
                )
            )
        self._fill_timeline()
        self._show_verdict()
