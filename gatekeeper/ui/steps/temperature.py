"""Step 2: type the reading (or a thermometer types or sends it); the verdict shows at
once; a fever starts the rest countdown. With a serial thermometer a line under the
field says whether it is connected (typing always works)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import Step
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import KioskPage, Say
from gatekeeper.ui.steps.fields import field_row, line_edit
from gatekeeper.ui.translations import current_lang


class TemperaturePage(KioskPage):
    submitted = Signal(str)  # the reading as typed (or as the thermometer typed it)
    page_id = "temperature"
    step = Step.TEMPERATURE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading_edit = line_edit(self, "temperatureReading", big=True)
        self.reading_caption, box = field_row(self, "temperature", self.reading_edit)
        self.body.addLayout(box)
        self.verdict_label = PlainLabel(self)
        self.verdict_label.setObjectName("temperatureVerdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.hide()
        self.countdown_label = PlainLabel(self)
        self.countdown_label.setObjectName("restCountdown")
        self.countdown_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown_label.hide()
        self.device_label = PlainLabel(self)  # a serial thermometer: connected or not
        self.device_label.setObjectName("thermometerStatus")
        self.device_label.setWordWrap(True)
        self.device_label.hide()
        self._device: Say | None = None
        self.body.addWidget(self.device_label)
        self.body.addWidget(self.verdict_label)
        self.body.addWidget(self.countdown_label)
        self.body.addStretch(1)
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.reading_edit.clear()
        self.reading_edit.setEnabled(True)

    def set_state(self, state: dict[str, Any]) -> None:
        resting_before = bool(self._state.get("resting"))
        super().set_state(state)
        resting = bool(self._state.get("resting"))
        if "verdict" in state and state["verdict"] is not None:
            self.reading_edit.clear()  # a new reading goes in next
        self.reading_edit.setEnabled(not resting)
        if resting_before and not resting:
            self.focus_input()  # rest over: the thermometer types into the field again

    def set_device_status(self, status: Say | None, connected: bool = False) -> None:
        """What the serial thermometer's line says (None: the kiosk has none)."""
        self._device = status
        self.device_label.setProperty("connected", connected)
        self.device_label.style().unpolish(self.device_label)
        self.device_label.style().polish(self.device_label)
        self.retranslate()

    def focus_input(self) -> None:
        if self.reading_edit.isEnabled():
            self.reading_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        self.reading_caption.setText(
            QCoreApplication.translate("TemperaturePage", "{field} (°C)").format(
                field=messages.text("field.temperature", lang))
        )
        self.reading_edit.setPlaceholderText(
            QCoreApplication.translate("TemperaturePage", "e.g. 36.5")
        )
        device = getattr(self, "_device", None)
        self.device_label.setVisible(device is not None)
        if device is not None:
            self.device_label.setText(device(lang))
        verdict = self._state.get("verdict")
        self.verdict_label.setVisible(verdict is not None)
        if verdict is not None:
            self.verdict_label.setText(verdict(lang))
            self.verdict_label.setProperty("verdict", self._state.get("verdict_kind", ""))
            self.verdict_label.style().unpolish(self.verdict_label)
            self.verdict_label.style().polish(self.verdict_label)
        remaining = int(self._state.get("remaining") or 0)
        if self._state.get("resting"):
            minutes, seconds = divmod(remaining, 60)
            self.countdown_label.setText(
                QCoreApplication.translate("TemperaturePage", "Rest: {time} left").format(
                    time=f"{minutes}:{seconds:02d}")
            )
            self.countdown_label.show()
        elif verdict is not None and self._state.get("verdict_kind") == "fever_remeasure":
            self.countdown_label.setText(
                QCoreApplication.translate("TemperaturePage", "Rest is over: measure again.")
            )
            self.countdown_label.show()
        else:
            self.countdown_label.hide()

    def confirm_text(self) -> str:
        return QCoreApplication.translate("TemperaturePage", "Record reading")

    def _confirm(self) -> None:
        if self.reading_edit.isEnabled():
            self.submitted.emit(self.reading_edit.text())
