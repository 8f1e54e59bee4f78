"""Before the returning path: the worker's pass, scanned or typed (person id or ID number)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import Step
from gatekeeper.ui.steps.base import KioskPage
from gatekeeper.ui.steps.fields import field_row, line_edit


class PassScanPage(KioskPage):
    submitted = Signal(str)
    page_id = "pass_scan"
    allows_back = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator.hide()
        self.prompt_label = QLabel(self)
        self.prompt_label.setObjectName("pagePrompt")
        self.prompt_label.setWordWrap(True)
        self.pass_edit = line_edit(self, "passText", big=True)
        self.pass_caption, box = field_row(self, "person_id", self.pass_edit)
        self.body.addWidget(self.prompt_label)
        self.body.addLayout(box)
        self.body.addStretch(1)
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.pass_edit.clear()

    def focus_input(self) -> None:
        self.pass_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def title(self, lang: str) -> str:
        return messages.text(Step.PASS_SCAN, lang)

    def retranslate(self) -> None:
        super().retranslate()
        self.prompt_label.setText(QCoreApplication.translate(
            "PassScanPage", "Scan the worker's site pass, or type their ID number."))
        self.pass_caption.setText(QCoreApplication.translate("PassScanPage", "Site pass"))

    def confirm_text(self) -> str:
        return QCoreApplication.translate("PassScanPage", "Check pass")

    def _confirm(self) -> None:
        self.submitted.emit(self.pass_edit.text())
