"""Step 4: who the person is and where they come from; a known ID number pre-fills it.

Each field is checked by the domain as staff leave it (`field_edited`), so a mistake
shows next to its field before Confirm. `QuarantineRegistrationPage` is the same form
on the amber outcome of someone quarantined before registering: the closed loop needs
to know who went to the isolation room.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import IdType, Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import button_text
from gatekeeper.ui.steps.base import KioskPage, touch_button
from gatekeeper.ui.steps.fields import field_row, line_edit
from gatekeeper.ui.translations import current_lang

TEXT_FIELDS = ("name", "id_number", "phone", "employer", "role", "coming_from", "recent_stays")
# (field, grid row, grid column): two columns fit a 1280x800 screen without scrolling.
LAYOUT = (
    ("id_type", 0, 0), ("id_number", 0, 1),
    ("name", 1, 0), ("phone", 1, 1),
    ("employer", 2, 0), ("role", 2, 1),
    ("coming_from", 3, 0), ("recent_stays", 3, 1),
)


class RegistrationPage(KioskPage):
    submitted = Signal(object)  # dict field -> raw text
    field_edited = Signal(str, str, str)  # field, raw text, id type value
    id_number_entered = Signal(str, str)  # id type value, raw ID number: look the person up
    page_id = "registration"
    step = Step.REGISTRATION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.id_type_combo = QComboBox(self)
        self.id_type_combo.setObjectName("field_id_type")
        self.id_type_combo.setMinimumHeight(theme.TOUCH_MIN)
        for id_type in IdType:
            self.id_type_combo.addItem("", id_type.value)
        self.edits: dict[str, QLineEdit] = {
            name: line_edit(self, f"field_{name}") for name in TEXT_FIELDS
        }
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE_L)
        grid.setVerticalSpacing(theme.SPACE_XS)
        for name, row, col in LAYOUT:
            widget = self.id_type_combo if name == "id_type" else self.edits[name]
            caption, box = field_row(self, name, widget)
            self.captions[name] = caption
            grid.addLayout(box, row, col)
        self.body.addLayout(grid)
        # A known ID number with another name: staff choose which name is right.
        self.conflict: dict[str, str] | None = None
        self.use_known_button = touch_button(self, "useKnownName")
        self.keep_typed_button = touch_button(self, "keepTypedName")
        self.use_known_button.clicked.connect(self._use_known)
        self.keep_typed_button.clicked.connect(self._keep_typed)
        choice = QHBoxLayout()
        choice.addWidget(self.use_known_button)
        choice.addWidget(self.keep_typed_button)
        choice.addStretch(1)
        self.body.addLayout(choice)
        self._show_conflict(None)
        self.body.addStretch(1)
        for name, edit in self.edits.items():
            edit.editingFinished.connect(lambda n=name: self._edited(n))
        self.setTabOrder(self.id_type_combo, self.edits["id_number"])
        order = ["id_number", "name", "phone", "employer", "role", "coming_from", "recent_stays"]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(self.edits[first], self.edits[second])
        # Enter goes on to the next empty field (recent stays may stay empty).
        self.enter_chain = [self.edits[name] for name in order[:-1]]
        self.retranslate()

    def values(self) -> dict[str, str]:
        data = {name: edit.text() for name, edit in self.edits.items()}
        data["id_type"] = str(self.id_type_combo.currentData())
        return data

    def _edited(self, name: str) -> None:
        text = self.edits[name].text()
        if not text.strip():
            return  # an empty field is only an error on Confirm
        id_type = str(self.id_type_combo.currentData())
        self.field_edited.emit(name, text, id_type)
        if name == "id_number":
            self.id_number_entered.emit(id_type, text)

    def reset(self) -> None:
        super().reset()
        for edit in self.edits.values():
            edit.clear()
        self.id_type_combo.setCurrentIndex(0)
        self._show_conflict(None)

    def _show_conflict(self, conflict: dict[str, str] | None) -> None:
        self.conflict = conflict
        self.use_known_button.setVisible(conflict is not None)
        self.keep_typed_button.setVisible(conflict is not None)
        self.retranslate_conflict()

    def retranslate_conflict(self) -> None:
        if self.conflict is None:
            return
        # the names as typed: an "&" in one is shown, not taken for a shortcut mark
        self.use_known_button.setText(button_text(QCoreApplication.translate(
            "RegistrationPage", "Use the registered name: {name}").format(
                name=self.conflict["known"])))
        self.keep_typed_button.setText(button_text(QCoreApplication.translate(
            "RegistrationPage", "The typed name is right: {name}").format(
                name=self.conflict["typed"])))

    def _use_known(self) -> None:
        if self.conflict is not None:
            self.edits["name"].setText(self.conflict["known"])
            self._show_conflict(None)
            self.submitted.emit(self.values())

    def _keep_typed(self) -> None:
        if self.conflict is not None:
            typed = self.conflict["typed"]
            self._show_conflict(None)
            self.submitted.emit({**self.values(), "confirm_name": typed})

    def set_state(self, state: dict[str, Any]) -> None:
        super().set_state(state)
        if "name_conflict" in state:
            self._show_conflict(state["name_conflict"])
        prefill = state.get("prefill")
        if prefill:
            for name, value in prefill.items():
                if name in self.edits and value:
                    self.edits[name].setText(str(value))
            self.clear_errors()

    def focus_input(self) -> None:
        self.edits["id_number"].setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        for i in range(self.id_type_combo.count()):
            self.id_type_combo.setItemText(
                i, messages.text(IdType(self.id_type_combo.itemData(i)), lang))
        for name, caption in self.captions.items():
            caption.setText(messages.text(f"field.{name}", lang))
        hints = {
            "id_number": QCoreApplication.translate(
                "RegistrationPage", "Scan or type: a registered person is filled in"),
            "phone": QCoreApplication.translate("RegistrationPage", "e.g. 138 0013 8000"),
            "coming_from": QCoreApplication.translate(
                "RegistrationPage", "Province, city (e.g. 河南省周口市)"),
            "recent_stays": QCoreApplication.translate(
                "RegistrationPage", "Place and last day, e.g. 郑州 2020-02-20; separate with ;"),
        }
        for name, edit in self.edits.items():
            edit.setPlaceholderText(hints.get(name, ""))
        if hasattr(self, "use_known_button"):
            self.retranslate_conflict()

    def confirm_text(self) -> str:
        return QCoreApplication.translate("RegistrationPage", "Register")

    def _confirm(self) -> None:
        self.submitted.emit(self.values())


class QuarantineRegistrationPage(RegistrationPage):
    """The amber outcome with the registration form: who is going to the isolation room."""

    page_id = "quarantine_registration"
    step = None
    allows_abandon = False  # the person is quarantined: nothing to abandon

    def set_state(self, state: dict[str, Any]) -> None:
        view = state.get("outcome")
        if view is not None:
            state = {**state, "info": view.message}
        super().set_state(state)
        self.indicator.hide()
        self.info_label.setProperty("outcome", "quarantined")
        self.info_label.style().unpolish(self.info_label)
        self.info_label.style().polish(self.info_label)

    def title(self, lang: str) -> str:
        return QCoreApplication.translate(
            "QuarantineRegistrationPage", "Quarantine: register the person before they go")

    def confirm_text(self) -> str:
        return QCoreApplication.translate("QuarantineRegistrationPage", "Register and finish")
