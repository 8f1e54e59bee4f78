"""Before the returning path: the worker's site pass (camera, hand scanner or typed), or
their ID number typed by staff who look someone up.

The flow verifies a pass (signature, validity, revocation, this ledger). A kiosk without
the site key cannot verify passes: the page says so (state ``no_key``) and ID-number
lookup still works.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.scan_burst import mark_code_field
from gatekeeper.ui.steps.base import KioskPage, Say
from gatekeeper.ui.steps.camera_slot import CameraSlot
from gatekeeper.ui.steps.fields import field_row, line_edit
from gatekeeper.ui.translations import current_lang


class PassScanPage(KioskPage):
    submitted = Signal(str)
    page_id = "pass_scan"
    allows_back = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator.hide()
        self.camera_slot = CameraSlot(self)
        self.camera_slot.hide()  # shown once the kiosk has a camera to put in it
        self.prompt_label = PlainLabel(self)
        self.prompt_label.setObjectName("pagePrompt")
        self.prompt_label.setWordWrap(True)
        self.key_label = PlainLabel(self)  # no site key: passes cannot be verified here
        self.key_label.setObjectName("passKeyMissing")
        self.key_label.setWordWrap(True)
        self.key_label.hide()
        self.pass_edit = line_edit(self, "passText", big=True)
        mark_code_field(self.pass_edit)  # a scanned pass is checked at once, never typed
        self.pass_caption, box = field_row(self, "person_id", self.pass_edit)
        right = QVBoxLayout()
        right.setSpacing(theme.SPACE_S)
        right.addWidget(self.prompt_label)
        right.addWidget(self.key_label)
        right.addLayout(box)
        right.addStretch(1)
        columns = ReflowBox()  # the camera above the field in portrait
        columns.setSpacing(theme.SPACE_L)
        columns.addWidget(self.camera_slot, 2)
        columns.addLayout(right, 3)
        self.body.addLayout(columns, 1)
        self.retranslate()

    def set_camera_widget(self, widget: QWidget) -> None:
        self.camera_slot.place(widget)
        self.camera_slot.show()

    def reset(self) -> None:
        super().reset()
        self.pass_edit.clear()

    def set_state(self, state: dict[str, Any]) -> None:
        super().set_state(state)
        self.key_label.setVisible(self._state.get("no_key") is not None)

    def focus_input(self) -> None:
        self.pass_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def title(self, lang: str) -> str:
        return messages.text(Step.PASS_SCAN, lang)

    def retranslate(self) -> None:
        super().retranslate()
        self.prompt_label.setText(QCoreApplication.translate(
            "PassScanPage", "Scan the worker's site pass, or type their ID number."))
        self.pass_caption.setText(
            QCoreApplication.translate("PassScanPage", "Site pass or ID number"))
        no_key: Say | None = self._state.get("no_key")
        if no_key is not None:
            self.key_label.setText(no_key(current_lang()))

    def confirm_text(self) -> str:
        return QCoreApplication.translate("PassScanPage", "Check pass")

    def _confirm(self) -> None:
        self.submitted.emit(self.pass_edit.text())
