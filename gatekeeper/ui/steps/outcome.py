"""The outcome, full screen: green (admitted: lane and zone in big type), red (turned
away: the reason), amber (quarantine: where to go, who to call), grey (abandoned).

Any key or a touch returns to the start screen; the flow's timer does it by itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gatekeeper.ui import theme
from gatekeeper.ui.flow import OutcomeView
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating, current_lang

MAX_DETAILS = 6


class OutcomePage(Retranslating, QWidget):
    done_requested = Signal()
    page_id = "outcome"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_outcome")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view: OutcomeView | None = None
        self.headline_label = PlainLabel(self)
        self.headline_label.setObjectName("outcomeHeadline")
        self.big_label = PlainLabel(self)
        self.big_label.setObjectName("outcomeBig")
        self.message_label = PlainLabel(self)
        self.message_label.setObjectName("outcomeMessage")
        self.contact_label = PlainLabel(self)
        self.contact_label.setObjectName("outcomeContact")
        self.detail_labels = [PlainLabel(self) for _ in range(MAX_DETAILS)]
        self.hint_label = PlainLabel(self)
        self.hint_label.setObjectName("outcomeHint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_XL, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_M)
        layout.addStretch(1)
        for label in (self.headline_label, self.big_label, self.message_label,
                      self.contact_label, *self.detail_labels):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setProperty("role", "outcome-text")
            layout.addWidget(label)
        layout.addStretch(2)
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setProperty("role", "outcome-text")
        layout.addWidget(self.hint_label)

    def set_state(self, state: dict[str, Any]) -> None:
        self.view = state.get("outcome", self.view)
        outcome = self.view.outcome.value if self.view else ""
        if self.property("outcome") != outcome:
            self.setProperty("outcome", outcome)
            self.style().unpolish(self)
            self.style().polish(self)
            for label in self.findChildren(QLabel):
                label.style().unpolish(label)
                label.style().polish(label)
        self.retranslate()

    def reset(self) -> None:
        """Nothing typed here."""

    def show_error(self, field: str, message: Any) -> None:
        """Nothing to correct here."""

    def focus_input(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        lang = current_lang()
        view = self.view
        self.hint_label.setText(QCoreApplication.translate(
            "OutcomePage", "Press any key or touch the screen for the next person"))
        if view is None:
            return
        self.headline_label.setText(view.headline(lang))
        self.big_label.setVisible(view.big is not None)
        self.big_label.setText(view.big(lang) if view.big else "")
        self.message_label.setText(view.message(lang))
        # The message already ends with the contact; a separate line would repeat it.
        self.contact_label.setVisible(bool(view.contact) and view.contact not in view.message(lang))
        self.contact_label.setText(QCoreApplication.translate(
            "OutcomePage", "Call {phone}").format(phone=view.contact))
        for i, label in enumerate(self.detail_labels):
            label.setVisible(i < len(view.details))
            label.setText(view.details[i](lang) if i < len(view.details) else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.done_requested.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.done_requested.emit()
