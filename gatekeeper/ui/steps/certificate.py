"""Step 1: the health certificate or entry pass — which one, its number, its expiry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import CertificateKind, Step
from gatekeeper.ui import theme
from gatekeeper.ui.steps.base import KioskPage, touch_button
from gatekeeper.ui.steps.fields import field_row, line_edit
from gatekeeper.ui.translations import current_lang

NO_DOCUMENT = ""


class CertificatePage(KioskPage):
    """Kind buttons (health certificate / entry pass / none), number, expiry date."""

    submitted = Signal(str, str, str)  # kind value ("" = no document), number, expiry text
    page_id = "certificate"
    step = Step.CERTIFICATE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, Any] = {}
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_M)
        for kind in (*CertificateKind, NO_DOCUMENT):
            value = kind.value if kind else NO_DOCUMENT
            button = touch_button(self, f"kind_{value or 'none'}", "choice")
            button.setCheckable(True)
            self.kind_group.addButton(button)
            self.kind_buttons[value] = button
            row.addWidget(button, 1)
        self.kind_group.setExclusive(True)
        self.kind_buttons[CertificateKind.HEALTH_CERTIFICATE.value].setChecked(True)
        self.kind_group.buttonClicked.connect(self._kind_changed)
        self.body.addLayout(row)
        self.body.addWidget(self.error_label_for("certificate_kind"))

        self.number_edit = line_edit(self, "certificateNumber", big=True)
        self.expires_edit = line_edit(self, "certificateExpires", big=True)
        self.number_caption, number_box = field_row(self, "certificate_number", self.number_edit)
        self.expires_caption, expires_box = field_row(
            self, "certificate_expires", self.expires_edit
        )
        fields = QHBoxLayout()
        fields.setSpacing(theme.SPACE_L)
        fields.addLayout(number_box, 3)
        fields.addLayout(expires_box, 2)
        self.body.addLayout(fields)
        self.enter_chain = [self.number_edit, self.expires_edit]
        self.body.addStretch(1)
        self.retranslate()

    def kind(self) -> str:
        for value, button in self.kind_buttons.items():
            if button.isChecked():
                return value
        return NO_DOCUMENT

    def choose_kind(self, value: str) -> None:
        self.kind_buttons[value].setChecked(True)
        self._kind_changed()

    def _kind_changed(self, *_: Any) -> None:
        has_document = self.kind() != NO_DOCUMENT
        self.number_edit.setEnabled(has_document)
        self.expires_edit.setEnabled(has_document)
        self.retranslate()
        self.focus_input()

    def reset(self) -> None:
        super().reset()
        self.number_edit.clear()
        self.expires_edit.clear()
        self.choose_kind(CertificateKind.HEALTH_CERTIFICATE.value)

    def focus_input(self) -> None:
        if self.number_edit.isEnabled():
            self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        for value, button in self.kind_buttons.items():
            if value:
                button.setText(messages.text(CertificateKind(value), lang))
            else:
                button.setText(QCoreApplication.translate("CertificatePage", "No document"))
        self.number_caption.setText(messages.text("field.certificate_number", lang))
        self.expires_caption.setText(
            QCoreApplication.translate("CertificatePage", "Valid until (leave empty if none)")
        )
        self.expires_edit.setPlaceholderText(
            QCoreApplication.translate("CertificatePage", "e.g. 2020-12-31")
        )

    def confirm_text(self) -> str:
        if self.kind() == NO_DOCUMENT:
            return QCoreApplication.translate("CertificatePage", "No document: turn away")
        return QCoreApplication.translate("CertificatePage", "Certificate checked")

    def _confirm(self) -> None:
        self.submitted.emit(self.kind(), self.number_edit.text(), self.expires_edit.text())
