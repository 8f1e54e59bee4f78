"""The export dialog: a day's ledger (CSV, XLSX or PDF) or an inspection report (PDF).

What the signed-in account may do decides what is offered: a site manager exports the
daily ledger (masked) and inspection reports; an inspector also gets the full values
(ID numbers and phones unmasked). The services decide: the dialog's `ConsoleService`
exports as the signed-in account's `Actor`, and an export its role may not make is
refused there. The file is chosen with Qt's own file dialog; the export runs off the UI
thread on its own ledger connection (`ServiceJob`, `ConsoleService.for_thread`), through
the same services as `gatekeeper export` and `gatekeeper report`, which record it in the
ledger ("export" record) — a file that exists was recorded.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services.accounts import Action
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui import theme
from gatekeeper.ui.manager.jobs import ServiceJob, Work, start_job
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating, current_lang

DAILY, INSPECTION = "daily", "inspection"
FORMATS = ("csv", "xlsx", "pdf")
LANGS = ("zh_CN", "en")


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(parent: QWidget, name: str, value: date) -> QDateEdit:
    edit = QDateEdit(qdate(value), parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumHeight(theme.TOUCH_MIN)
    return edit


class ExportDialog(Retranslating, QDialog):
    """Choose what, which day(s), format, language and file; Export runs it."""

    def __init__(
        self,
        service: ConsoleService,
        parent: QWidget | None = None,
        *,
        kind: str = DAILY,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setModal(True)
        self.setMinimumWidth(640)
        self.service = service
        self.job: ServiceJob | None = None
        self.result: Any = None  # the last ExportResult / (data, digest, record)
        self._chosen_path = False  # the user picked a file: keep it when options change
        self._say: Callable[[], str] | None = None
        today = service.today()

        self.title_label = PlainLabel(self)
        self.title_label.setProperty("role", "section")
        self.labels: dict[str, QLabel] = {}
        form = QGridLayout()
        form.setHorizontalSpacing(theme.SPACE_M)
        form.setVerticalSpacing(theme.SPACE_S)

        def row(key: str, widget: QWidget | QHBoxLayout) -> None:
            label = PlainLabel(self)
            self.labels[key] = label
            r = form.rowCount()
            form.addWidget(label, r, 0)
            if isinstance(widget, QHBoxLayout):
                form.addLayout(widget, r, 1)
            else:
                label.setBuddy(widget)
                form.addWidget(widget, r, 1)

        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("exportKind")
        if service.can(Action.EXPORT):
            self.kind_combo.addItem("", DAILY)
        if service.can(Action.INSPECTION_REPORT):
            self.kind_combo.addItem("", INSPECTION)
        row("kind", self.kind_combo)
        self.from_edit = date_edit(self, "exportDate", date_from or today)
        self.to_edit = date_edit(self, "exportTo", date_to or date_from or today)
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit, 1)
        self.to_label = PlainLabel(self, text="–")
        dates.addWidget(self.to_label)
        dates.addWidget(self.to_edit, 1)
        row("date", dates)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormat")
        for fmt in FORMATS:
            self.format_combo.addItem(fmt.upper(), fmt)
        row("format", self.format_combo)
        self.lang_combo = QComboBox(self)
        self.lang_combo.setObjectName("exportLang")
        self.lang_combo.addItem("中文", "zh_CN")
        self.lang_combo.addItem("English", "en")
        lang = current_lang()
        self.lang_combo.setCurrentIndex(LANGS.index(lang) if lang in LANGS else 0)
        row("lang", self.lang_combo)
        self.full_check = QCheckBox(self)
        self.full_check.setObjectName("exportFull")
        self.full_check.setVisible(service.can(Action.EXPORT_FULL))
        row("full", self.full_check)
        self.labels["full"].setVisible(service.can(Action.EXPORT_FULL))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        self.path_edit.setMinimumHeight(theme.TOUCH_MIN)
        self.path_edit.textEdited.connect(self._path_typed)
        self.browse_button = QPushButton(self)
        self.browse_button.setObjectName("exportBrowse")
        self.browse_button.setMinimumHeight(theme.TOUCH_MIN)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        row("file", file_row)
        self.file_dialog: QFileDialog | None = None

        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 0)  # busy: the services give no steps
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.result_label = PlainLabel(self)
        self.result_label.setObjectName("exportResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportRun")
        self.export_button.setProperty("role", "primary")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("exportClose")
        for button in (self.export_button, self.close_button):
            button.setMinimumHeight(theme.TOUCH_MIN)
            button.setAutoDefault(False)
        self.export_button.clicked.connect(self.run_export)
        self.close_button.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addLayout(actions)

        self.kind_combo.currentIndexChanged.connect(self._options_changed)
        self.format_combo.currentIndexChanged.connect(self._options_changed)
        self.from_edit.dateChanged.connect(self._options_changed)
        self.to_edit.dateChanged.connect(self._options_changed)
        if kind == INSPECTION and self.kind_combo.findData(INSPECTION) >= 0:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(INSPECTION))
        self.retranslate()
        self._options_changed()

    # --- options ------------------------------------------------------------------------

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def fmt(self) -> str:
        return "pdf" if self.kind() == INSPECTION else str(self.format_combo.currentData())

    def set_format(self, fmt: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))
        self._chosen_path = True

    def _path_typed(self, _text: str) -> None:
        self._chosen_path = True

    def default_path(self) -> Path:
        folder = self.service.ledger_path.parent / "exports"
        start = pydate(self.from_edit.date()).isoformat()
        if self.kind() == INSPECTION:
            end = pydate(self.to_edit.date()).isoformat()
            return folder / f"inspection-{start}-{end}.pdf"
        return folder / f"ledger-{start}.{self.fmt()}"

    def _options_changed(self, *_args: Any) -> None:
        inspection = self.kind() == INSPECTION
        self.to_edit.setVisible(inspection)
        self.to_label.setVisible(inspection)
        self.format_combo.setEnabled(not inspection)
        if inspection:
            self.format_combo.setCurrentIndex(self.format_combo.findData("pdf"))
        full_allowed = self.service.can(Action.EXPORT_FULL) and not inspection
        self.full_check.setEnabled(full_allowed)
        if self._chosen_path:
            path = Path(self.path_edit.text())
            if path.suffix.lstrip(".") in FORMATS and path.suffix != f".{self.fmt()}":
                self.path_edit.setText(str(path.with_suffix(f".{self.fmt()}")))
        else:
            self.path_edit.setText(str(self.default_path()))

    def browse(self) -> None:
        """Qt's own file dialog (the same on every kiosk, in the kiosk's language)."""
        dialog = QFileDialog(self, QCoreApplication.translate("ExportDialog", "Save the export as"))
        dialog.setObjectName("exportFileDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(self.fmt())
        dialog.setNameFilter(f"{self.fmt().upper()} (*.{self.fmt()})")
        current = Path(self.path_edit.text() or self.default_path())
        dialog.setDirectory(str(current.parent if current.parent.exists() else Path.home()))
        dialog.selectFile(current.name)
        self.file_dialog = dialog

        def chosen(result: int) -> None:
            files = dialog.selectedFiles()
            if result == QDialog.DialogCode.Accepted and files:
                self.set_path(files[0])
            self.file_dialog = None
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        dialog.open()

    # --- running -------------------------------------------------------------------------

    def busy(self) -> bool:
        return self.job is not None and self.job.isRunning()

    def run_export(self) -> None:
        """Start the export off the UI thread; the result or the error is shown here."""
        if self.busy():
            return
        text = self.path_edit.text().strip()
        if not text:
            self._show(lambda: QCoreApplication.translate(
                "ExportDialog", "Choose a file to write first."), error=True)  # fmt: skip
            return
        output = Path(text)
        if not output.is_absolute():
            output = self.service.ledger_path.parent / output
        with contextlib.suppress(OSError):  # if so, the service says it cannot write there
            output.parent.mkdir(parents=True, exist_ok=True)
        kind, fmt, lang = self.kind(), self.fmt(), str(self.lang_combo.currentData())
        start, end = pydate(self.from_edit.date()), pydate(self.to_edit.date())
        # Unmasked or not is the service's call (EXPORT_FULL): the box is only hidden from
        # a role that cannot use it, and what is asked is passed on as asked.
        full = self.full_check.isChecked() and kind != INSPECTION
        if self.service.actor is None:  # nobody signed in: nobody to export as
            return
        site = self.service.kiosk_id
        work: Work
        if kind == INSPECTION:

            def work(service: ConsoleService) -> Any:
                from gatekeeper.reports.inspection import write_inspection_pdf

                return service.export_inspection_report(
                    start, end, output,
                    lambda d, tmp: write_inspection_pdf(d, tmp, lang=lang, site=site),
                )  # fmt: skip
        else:

            def work(service: ConsoleService) -> Any:
                from gatekeeper.reports.daily import write_daily_pdf

                return service.export_day(
                    start, fmt, output, lang=lang, full=full,
                    pdf_writer=write_daily_pdf if fmt == "pdf" else None,
                )  # fmt: skip

        self._set_busy(True)
        self._show(lambda: QCoreApplication.translate("ExportDialog", "Exporting…"))
        self.job = start_job(
            self, self.service, work, lambda result: self._done(result, output), self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        for widget in (self.export_button, self.browse_button, self.kind_combo, self.from_edit,
                       self.to_edit, self.lang_combo, self.path_edit):  # fmt: skip
            widget.setEnabled(not busy)
        self.format_combo.setEnabled(not busy and self.kind() != INSPECTION)
        self.close_button.setEnabled(not busy)

    def _done(self, result: Any, output: Path) -> None:
        self._set_busy(False)
        self.result = result
        if isinstance(result, tuple):  # an inspection report: (data, digest, record)
            data, digest, _record = result
            intact = data.verify.ok

            def say() -> str:
                verdict = (
                    QCoreApplication.translate("ExportDialog", "intact")
                    if intact
                    else QCoreApplication.translate("ExportDialog", "ALTERED")
                )
                return QCoreApplication.translate(
                    "ExportDialog", "Inspection report written: {path}\nLedger {verdict}, head "
                    "{head}\nSHA-256 {digest}. The export is recorded in the ledger.",
                ).format(path=output, head=data.head.hash[:16] + "…",
                         digest=digest[:16] + "…", verdict=verdict)  # fmt: skip

            self._show(say, error=not intact)
            return
        rows, digest = result.rows, result.sha256
        self._show(
            lambda: QCoreApplication.translate(
                "ExportDialog",
                "Exported {rows} screenings to {path}\nSHA-256 {digest}. The export "
                "is recorded in the ledger.",
            ).format(rows=rows, path=output, digest=digest[:16] + "…")
        )

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, LocalizedError):
            self._show(lambda: error.message(current_lang()), error=True)
        else:
            self._show(lambda: QCoreApplication.translate(
                "ExportDialog", "The export failed: {problem}. Nothing was written.").format(
                problem=error), error=True)  # fmt: skip

    def _show(self, say: Callable[[], str], *, error: bool = False) -> None:
        self._say = say
        self.result_label.setProperty("role", "field-error" if error else "")
        self.result_label.style().unpolish(self.result_label)
        self.result_label.style().polish(self.result_label)
        self.result_label.setText(say())

    def message(self) -> str:
        return self.result_label.text()

    def done(self, result: int) -> None:  # type: ignore[override]
        if self.job is not None:  # closing waits for the file to be complete (and recorded)
            self.job.stop()
        super().done(result)

    # --- language ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("ExportDialog", "Export"))
        self.title_label.setText(QCoreApplication.translate("ExportDialog", "Export the ledger"))
        names = {
            DAILY: QCoreApplication.translate(
                "ExportDialog", "Daily ledger (one row per screening)"
            ),
            INSPECTION: QCoreApplication.translate(
                "ExportDialog", "Inspection report (PDF, a date range)"
            ),
        }
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, names[self.kind_combo.itemData(i)])
        self.labels["kind"].setText(QCoreApplication.translate("ExportDialog", "What"))
        self.labels["date"].setText(QCoreApplication.translate("ExportDialog", "Date"))
        self.labels["format"].setText(QCoreApplication.translate("ExportDialog", "Format"))
        self.labels["lang"].setText(QCoreApplication.translate("ExportDialog", "Language"))
        self.labels["full"].setText(QCoreApplication.translate("ExportDialog", "Full values"))
        self.full_check.setText(
            QCoreApplication.translate(
                "ExportDialog", "Unmasked ID numbers and phones (inspectors)"
            )
        )
        self.labels["file"].setText(QCoreApplication.translate("ExportDialog", "File"))
        self.browse_button.setText(QCoreApplication.translate("ExportDialog", "Choose…"))
        self.export_button.setText(QCoreApplication.translate("ExportDialog", "Export"))
        self.close_button.setText(QCoreApplication.translate("ExportDialog", "Close"))
        if self._say is not None:
            self.result_label.setText(self._say())

