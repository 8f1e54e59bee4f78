"""What every kiosk page shares: title, step indicator, info line, inline errors, buttons.

A page only shows and collects. It emits its own signals with the raw input, and the
window hands it state (`set_state`) and errors (`show_error`) from the flow. Domain texts
arrive as `Say` (language → text) and are kept, so `retranslate` re-renders them in
the new language; typed input is never touched by a language switch.

Keys: Enter confirms (`_confirm`), Esc is Back before step 1 and "abandon?" after it.
On a page with several fields to fill in turn (`enter_chain`), Enter in one of them goes
on to the next one still empty, and confirms only when none is left: a hand scanner
that ends the certificate number with Enter does not send the page on without its date.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain import messages
from gatekeeper.domain.screening import DRIVER
from gatekeeper.domain.vocab import Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating, current_lang

Say = Callable[[str], str]
MAX_STEPS = 8


def touch_button(parent: QWidget, name: str, role: str = "secondary") -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(name)
    button.setProperty("role", role)
    button.setMinimumHeight(theme.TOUCH_MIN + theme.SPACE_S)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class StepIndicator(QFrame):
    """1–8 (or the 4 of the returning path): done, current, remaining."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepIndicator")
        self._items: list[tuple[Step, str]] = []
        row = QHBoxLayout(self)
        self.row = row
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(theme.SPACE_XS)
        self.chips: list[QLabel] = []
        for _ in range(MAX_STEPS):  # made once, shown as needed: no widget churn
            chip = PlainLabel(self)
            chip.setProperty("role", "step-chip")
            chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Eight names side by side: on a narrow screen a chip clips rather than
            # widening the window (its tooltip has the whole name).
            chip.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            chip.setMinimumWidth(theme.TOUCH_MIN)
            row.addWidget(chip, 1)
            self.chips.append(chip)

    def set_steps(self, items: list[tuple[Step, str]]) -> None:
        self._items = list(items)
        self.retranslate()

    def states(self) -> list[str]:
        return [state for _, state in self._items]

    def retranslate(self) -> None:
        lang = current_lang()
        for i, chip in enumerate(self.chips):
            if i >= len(self._items):
                chip.hide()
                continue
            step, state = self._items[i]
            mark = "✓" if state == "done" else str(i + 1)
            chip.setText(f"{mark} {messages.text(step, lang)}")
            # Widths follow the names, so the long ones are not the ones clipped.
            self.row.setStretch(i, chip.fontMetrics().horizontalAdvance(chip.text()) + 16)
            chip.setToolTip(messages.text(step, lang))
            if chip.property("state") != state:
                chip.setProperty("state", state)
                chip.style().unpolish(chip)
                chip.style().polish(chip)
            chip.show()


class KioskPage(Retranslating, QWidget):
    """The base of every page (see module doc)."""

    back_requested = Signal()
    abandon_requested = Signal()

    page_id: ClassVar[str] = "page"
    step: ClassVar[Step | None] = None  # None: a page before step 1 or after the last
    allows_back: ClassVar[bool] = False  # before step 1: Back/Esc returns to start
    allows_abandon: ClassVar[bool] = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{self.page_id}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setProperty("role", "page")
        self._errors: dict[str, QLabel] = {}
        self._error_says: dict[str, Say] = {}
        self._info: Say | None = None
        self._state: dict[str, Any] = {}
        self.enter_chain: list[QLineEdit] = []  # fields Enter walks through (module doc)

        self.title_label = PlainLabel(self)
        self.title_label.setObjectName("pageTitle")
        self.title_label.setWordWrap(True)
        self.subtitle_label = PlainLabel(self)
        self.subtitle_label.setObjectName("pageSubtitle")
        self.subtitle_label.hide()
        self.indicator = StepIndicator(self)
        self.info_label = PlainLabel(self)
        self.info_label.setObjectName("pageInfo")
        self.info_label.setWordWrap(True)
        self.info_label.hide()
        self.page_error = self._error_label()  # errors that belong to no one field
        self._errors[""] = self.page_error

        self.body = QVBoxLayout()
        self.body.setSpacing(theme.SPACE_S)

        self.back_button = touch_button(self, "backButton")
        self.back_button.clicked.connect(self.back_requested)
        self.abandon_button = touch_button(self, "abandonButton", "danger")
        self.abandon_button.clicked.connect(self.abandon_requested)
        self.confirm_button = touch_button(self, "confirmButton", "primary")
        self.confirm_button.clicked.connect(self._confirm)
        self.back_button.setVisible(self.allows_back)
        self.abandon_button.setVisible(self.allows_abandon and not self.allows_back)

        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(theme.SPACE_M)
        self.buttons.addWidget(self.back_button)
        self.buttons.addWidget(self.abandon_button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.confirm_button)

        column = QVBoxLayout(self)
        column.setContentsMargins(theme.SPACE_XL, theme.SPACE_M, theme.SPACE_XL, theme.SPACE_M)
        column.setSpacing(theme.SPACE_S)
        column.addWidget(self.indicator)
        column.addWidget(self.title_label)
        column.addWidget(self.subtitle_label)
        column.addWidget(self.info_label)
        column.addLayout(self.body, 1)
        column.addWidget(self.page_error)
        column.addLayout(self.buttons)

    # --- building --------------------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = PlainLabel(self)
        label.setProperty("role", "field-error")
        label.setWordWrap(True)
        label.hide()
        return label

    def error_label_for(self, field: str) -> QLabel:
        """The inline error label of `field` (made on first use) — put it under the field."""
        if field not in self._errors:
            self._errors[field] = self._error_label()
        return self._errors[field]

    # --- what the window calls ----------------------------------------------------------

    def set_state(self, state: dict[str, Any]) -> None:
        """New state from the flow; subclasses pick what they show, then call super."""
        self._state.update(state)
        if "indicator" in state:
            self.indicator.set_steps(state["indicator"])
            self.indicator.setVisible(bool(state["indicator"]))
        if "info" in state:
            self._info = state["info"]
        self.retranslate()

    def reset(self) -> None:
        """A new person: empty the fields and the errors (subclasses empty their fields)."""
        self.clear_errors()
        self._state = {}

    def show_error(self, field: str, message: Say | str | None) -> None:
        """An error next to `field` ("" for the page); None clears it (and "" clears all)."""
        if message is None:
            if field == "":
                self.clear_errors()
            else:
                self._error_says.pop(field, None)
                self.error_label_for(field).hide()
            return
        say: Say = message if callable(message) else (lambda _lang, m=message: m)
        label = self._errors.get(field, self.page_error)
        key = field if field in self._errors else ""
        self._error_says[key] = say
        label.setText(say(current_lang()))
        label.show()

    def clear_errors(self) -> None:
        self._error_says.clear()
        for label in self._errors.values():
            label.hide()

    def error_text(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def focus_input(self) -> None:
        """Put the focus where the next input belongs (a scanner types into it)."""
        self.confirm_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        lang = current_lang()
        self.title_label.setText(self.title(lang))
        self.back_button.setText(QCoreApplication.translate("KioskPage", "Back to start"))
        self.abandon_button.setText(QCoreApplication.translate("KioskPage", "Abandon"))
        self.confirm_button.setText(self.confirm_text())
        self.indicator.retranslate()
        if self._info is not None:
            self.info_label.setText(self._info(lang))
        self.info_label.setVisible(self._info is not None)
        for field, say in self._error_says.items():
            self._errors[field].setText(say(lang))

    def title(self, lang: str) -> str:
        """The step's name (the domain's vocabulary), with who is screened in a vehicle."""
        if self.step is None:
            return ""
        name = messages.text(self.step, lang)
        who = self.person_label()
        return f"{name} · {who}" if who else name

    def person_label(self) -> str:
        role = self._state.get("role")
        if role == DRIVER:
            return QCoreApplication.translate("KioskPage", "Driver")
        if self._state.get("passenger_no"):
            number = self._state["passenger_no"]
            return QCoreApplication.translate("KioskPage", "Passenger {n}").format(n=number)
        return ""

    def confirm_text(self) -> str:
        return QCoreApplication.translate("KioskPage", "Confirm")

    # --- keys ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            following = self._next_empty_field()
            if following is not None:
                following.setFocus(Qt.FocusReason.TabFocusReason)
                return
            self._confirm()
            return
        if key == Qt.Key.Key_Escape:
            if self.allows_back:
                self.back_requested.emit()
            elif self.allows_abandon:
                self.abandon_requested.emit()
            return
        super().keyPressEvent(event)

    def _next_empty_field(self) -> QLineEdit | None:
        """The field after the focused one in `enter_chain` that is still empty."""
        focus = self.focusWidget()
        if focus not in self.enter_chain:
            return None
        later = self.enter_chain[self.enter_chain.index(focus) + 1:]  # type: ignore[arg-type]
        return next((f for f in later if f.isEnabled() and not f.text().strip()), None)

    def _confirm(self) -> None:
        """Enter or the Confirm button: subclasses emit their input."""
