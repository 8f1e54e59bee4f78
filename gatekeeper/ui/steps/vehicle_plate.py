"""The goods-vehicle channel: the plate first, then after each person "add passenger" or
"done" (the vehicle's outcome follows its people)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.screening import DRIVER
from gatekeeper.domain.vocab import Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import KioskPage, touch_button
from gatekeeper.ui.steps.fields import field_row, line_edit
from gatekeeper.ui.translations import current_lang

MAX_PEOPLE = 9


class VehiclePlatePage(KioskPage):
    submitted = Signal(str)
    page_id = "vehicle_plate"
    allows_back = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator.hide()
        self.plate_edit = line_edit(self, "plateNumber", big=True)
        self.plate_caption, box = field_row(self, "plate", self.plate_edit)
        self.prompt_label = PlainLabel(self)
        self.prompt_label.setObjectName("pagePrompt")
        self.prompt_label.setWordWrap(True)
        self.body.addWidget(self.prompt_label)
        self.body.addLayout(box)
        self.body.addStretch(1)
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self.plate_edit.clear()

    def focus_input(self) -> None:
        self.plate_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def title(self, lang: str) -> str:
        return messages.text("channel.vehicle", lang)

    def retranslate(self) -> None:
        super().retranslate()
        self.plate_caption.setText(messages.text("field.plate", current_lang()))
        self.plate_edit.setPlaceholderText(
            QCoreApplication.translate("VehiclePlatePage", "e.g. 豫A12345"))
        self.prompt_label.setText(QCoreApplication.translate(
            "VehiclePlatePage",
            "Type the plate. Then the driver is screened, then each passenger."))

    def confirm_text(self) -> str:
        return QCoreApplication.translate("VehiclePlatePage", "Screen the driver")

    def _confirm(self) -> None:
        self.submitted.emit(self.plate_edit.text())


class VehicleNextPage(KioskPage):
    """Who in the vehicle has been screened, and how it ended; then the next passenger."""

    add_passenger = Signal()
    done = Signal()
    page_id = "vehicle_next"
    allows_abandon = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator.hide()
        self.people_labels: list[QLabel] = []
        box = QVBoxLayout()
        box.setSpacing(theme.SPACE_S)
        for _ in range(MAX_PEOPLE):
            label = PlainLabel(self)
            label.setProperty("role", "person-line")
            label.setWordWrap(True)
            label.hide()
            box.addWidget(label)
            self.people_labels.append(label)
        self.add_button = touch_button(self, "addPassenger", "choice")
        self.add_button.clicked.connect(self.add_passenger)
        self.body.addLayout(box)
        self.body.addStretch(1)
        self.buttons.insertWidget(3, self.add_button)
        self.retranslate()

    def focus_input(self) -> None:
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_state(self, state: dict[str, Any]) -> None:
        super().set_state(state)

    def title(self, lang: str) -> str:
        plate = self._state.get("plate") or ""
        return QCoreApplication.translate("VehicleNextPage", "Goods vehicle {plate}").format(
            plate=plate)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        people = self._state.get("people", [])
        for i, label in enumerate(self.people_labels):
            if i >= len(people):
                label.hide()
                continue
            person = people[i]
            who = (QCoreApplication.translate("KioskPage", "Driver") if person["role"] == DRIVER
                   else QCoreApplication.translate("KioskPage", "Passenger {n}").format(
                       n=person["number"]))
            outcome = person["outcome"]
            if outcome:
                text = messages.text(outcome, lang)
            elif person.get("step") == Step.LANE:
                text = QCoreApplication.translate("VehicleNextPage", "all checks passed")
            else:
                text = messages.text(person["step"], lang) if person.get("step") else ""
            label.setText(f"{who}: {text}" if lang == "en" else f"{who}：{text}")
            label.setProperty("outcome", outcome.value if outcome else "")
            label.style().unpolish(label)
            label.style().polish(label)
            label.show()
        self.add_button.setText(QCoreApplication.translate("VehicleNextPage", "Add passenger"))

    def confirm_text(self) -> str:
        return QCoreApplication.translate("VehicleNextPage", "Done: decide the vehicle")

    def _confirm(self) -> None:
        self.done.emit()
