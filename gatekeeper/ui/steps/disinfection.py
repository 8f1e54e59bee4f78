"""Step 3: one confirmation that the person (and a driver's vehicle) was disinfected."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from gatekeeper.domain.vocab import Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import KioskPage


class DisinfectionPage(KioskPage):
    submitted = Signal(bool)  # the vehicle was disinfected too
    page_id = "disinfection"
    step = Step.DISINFECTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt_label = PlainLabel(self)
        self.prompt_label.setObjectName("pagePrompt")
        self.prompt_label.setWordWrap(True)
        self.vehicle_check = QCheckBox(self)
        self.vehicle_check.setObjectName("vehicleDisinfected")
        self.vehicle_check.setMinimumHeight(theme.TOUCH_MIN)
        self.body.addWidget(self.prompt_label)
        self.body.addWidget(self.vehicle_check)
        self.body.addWidget(self.error_label_for("vehicle_too"))
        self.body.addStretch(1)
        self.vehicle_check.hide()
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.vehicle_check.setChecked(False)

    def set_state(self, state: dict[str, Any]) -> None:
        super().set_state(state)
        self.vehicle_check.setVisible(bool(self._state.get("vehicle_too")))

    def focus_input(self) -> None:
        target = self.vehicle_check if self.vehicle_check.isVisible() else self.confirm_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        super().retranslate()
        self.prompt_label.setText(QCoreApplication.translate(
            "DisinfectionPage", "Disinfect hands, clothes and luggage, then confirm."))
        self.vehicle_check.setText(QCoreApplication.translate(
            "DisinfectionPage", "The vehicle was disinfected too"))

    def confirm_text(self) -> str:
        return QCoreApplication.translate("DisinfectionPage", "Disinfection done")

    def _confirm(self) -> None:
        self.submitted.emit(self.vehicle_check.isChecked())
