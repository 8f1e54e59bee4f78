"""What the manager pages share: inline errors kept as functions of the language,
section labels, rows of choice buttons, tables sized for touch, and short names for the
gate's vocabulary."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Reason, RoundSlot, Zone
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating, current_lang

Say = Callable[[str], str]
K = TypeVar("K", bound=Hashable)


def zone_name(zone: Zone | None) -> str:
    if zone is None:
        return QCoreApplication.translate("Manager", "Zone not recorded")
    return messages.text(zone, current_lang())


def slot_name(slot: RoundSlot) -> str:
    return messages.text(slot, current_lang())


def reason_name(reason: Reason | None) -> str:
    """A quarantine reason in a few words (the catalogue's are whole sentences)."""
    names = {
        Reason.FEVER: QCoreApplication.translate("Manager", "Fever at the gate"),
        Reason.RISK_REGION: QCoreApplication.translate("Manager", "Risk region"),
        Reason.YELLOW_CODE: QCoreApplication.translate("Manager", "Yellow code"),
        Reason.FEVER_ON_ROUND: QCoreApplication.translate("Manager", "Fever on a round"),
    }
    return names.get(reason, "") if reason is not None else ""


def hhmm(at: str | datetime) -> str:
    value = datetime.fromisoformat(at) if isinstance(at, str) else at
    return value.strftime("%H:%M")


def error_say(error: LocalizedError) -> Say:
    """A domain error as a function of the language (re-rendered on a language switch)."""
    return error.message


class InlineMessage(Retranslating, PlainLabel):
    """An error (or a confirmation) under the field it is about; keeps its text as a
    function of the language so a switch re-renders it."""

    def __init__(self, parent: QWidget, role: str = "field-error") -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.setWordWrap(True)
        self._say: Say | None = None
        self.hide()

    def show_say(self, say: Say | None) -> None:
        self._say = say
        self.retranslate()

    def clear(self) -> None:  # type: ignore[override]
        self.show_say(None)

    def retranslate(self) -> None:
        if self._say is None:
            self.hide()
            return
        self.setText(self._say(current_lang()))
        self.show()



def section_label(parent: QWidget) -> QLabel:
    label = PlainLabel(parent)
    label.setProperty("role", "section")
    label.setWordWrap(True)  # two lines rather than clipped on a narrow screen
    return label


def choice_buttons(
    parent: QWidget,
    options: Iterable[tuple[K, str]],
    on_choose: Callable[[K], object],
    row: QBoxLayout | None,
    *,
    stretch: int = 0,
) -> tuple[QButtonGroup, dict[K, QPushButton]]:
    """A row of checkable "choice" touch buttons, one checked at a time: for each
    (key, object name) a button added to `row` in order (None: the caller places them);
    a click calls on_choose(key)."""
    from gatekeeper.ui.steps.base import touch_button

    group = QButtonGroup(parent)
    buttons: dict[K, QPushButton] = {}
    for key, name in options:
        button = touch_button(parent, name, "choice")
        button.setCheckable(True)
        button.clicked.connect(lambda _c=False, k=key: on_choose(k))
        group.addButton(button)
        buttons[key] = button
        if row is not None:
            row.addWidget(button, stretch)
    return group, buttons


def touch_table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    """A read-only table whose rows are big enough to touch (one row selected at a time)."""
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(theme.TOUCH_MIN)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setHighlightSections(False)
    table.setAlternatingRowColors(True)
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return table


def cell(text: str, *, data: str | None = None, warn: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    if warn:
        item.setForeground(QBrush(QColor(theme.ERROR_TEXT)))
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item
