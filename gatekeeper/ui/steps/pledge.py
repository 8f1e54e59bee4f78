"""Step 6: the pledges (from the policy, in the screen's language) and one signature."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gatekeeper.domain.vocab import Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import KioskPage, touch_button
from gatekeeper.ui.translations import current_lang
from gatekeeper.ui.widgets.signature_pad import SignaturePad

MAX_PLEDGES = 6


class PledgePage(KioskPage):
    signed = Signal(bytes)  # the signature as PNG (empty when nothing was drawn)
    page_id = "pledge"
    step = Step.PLEDGE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pledge_labels: list[QLabel] = []
        texts = QVBoxLayout()
        texts.setSpacing(theme.SPACE_XS)
        for _ in range(MAX_PLEDGES):
            label = PlainLabel(self)
            label.setProperty("role", "pledge-text")
            label.setWordWrap(True)
            label.hide()
            texts.addWidget(label)
            self.pledge_labels.append(label)
        self.pad = SignaturePad(self)
        self.pad.changed.connect(self._pad_changed)
        self.undo_button = touch_button(self, "undoStroke")
        self.clear_button = touch_button(self, "clearSignature")
        self.undo_button.clicked.connect(self.pad.undo_stroke)
        self.clear_button.clicked.connect(self.pad.clear)
        pad_buttons = QVBoxLayout()
        pad_buttons.setSpacing(theme.SPACE_S)
        pad_buttons.addWidget(self.undo_button)
        pad_buttons.addWidget(self.clear_button)
        pad_buttons.addStretch(1)
        pad_row = QHBoxLayout()
        pad_row.setSpacing(theme.SPACE_M)
        pad_row.addWidget(self.pad, 1)
        pad_row.addLayout(pad_buttons)
        self.body.addLayout(texts)
        self.body.addLayout(pad_row, 1)
        self.body.addWidget(self.error_label_for("signature"))
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.pad.clear()

    def _pad_changed(self) -> None:
        if not self.pad.is_empty():
            self.show_error("signature", None)

    def focus_input(self) -> None:
        # The pad takes no keyboard focus (it would steal a scanner's input): Confirm has it.
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_state(self, state: dict[str, Any]) -> None:
        super().set_state(state)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        pledges = self._state.get("pledges", [])
        for i, label in enumerate(self.pledge_labels):
            label.setVisible(i < len(pledges))
            if i < len(pledges):
                label.setText(f"{i + 1}. {pledges[i](lang)}")
        self.undo_button.setText(QCoreApplication.translate("PledgePage", "Undo stroke"))
        self.clear_button.setText(QCoreApplication.translate("PledgePage", "Clear"))

    def confirm_text(self) -> str:
        return QCoreApplication.translate("PledgePage", "Signed")

    def _confirm(self) -> None:
        self.signed.emit(b"" if self.pad.is_empty() else self.pad.to_png())
