"""Small non-blocking questions: abandon this person? close mid-screening? resume?

They open window-modal with `open()` (never `exec()`), so the event loop keeps running,
timers keep ticking and tests can click the answer. Enter answers yes, Esc no.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating, current_lang

Say = Callable[[str], str]


class Question(Retranslating, QDialog):
    """A question with two answers; `accepted` / `rejected` say which."""

    def __init__(
        self,
        parent: QWidget,
        name: str,
        question: Callable[[], str],
        yes: Callable[[], str],
        no: Callable[[], str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._question, self._yes, self._no = question, yes, no
        self.text_label = PlainLabel(self)
        self.text_label.setObjectName("questionText")
        self.text_label.setWordWrap(True)
        self.text_label.setMinimumWidth(520)
        self.yes_button = QPushButton(self)
        self.yes_button.setObjectName("yesButton")
        self.no_button = QPushButton(self)
        self.no_button.setObjectName("noButton")
        for button in (self.yes_button, self.no_button):
            button.setMinimumHeight(theme.TOUCH_MIN + theme.SPACE_S)
            button.setAutoDefault(False)
        self.yes_button.setDefault(True)
        self.yes_button.clicked.connect(self.accept)
        self.no_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_M)
        row.addWidget(self.no_button)
        row.addStretch(1)
        row.addWidget(self.yes_button)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)  # grows with its type
        layout.setContentsMargins(theme.SPACE_L, theme.SPACE_L, theme.SPACE_L, theme.SPACE_L)
        layout.setSpacing(theme.SPACE_L)
        layout.addWidget(self.text_label)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Question", "Please confirm"))
        self.text_label.setText(self._question())
        self.yes_button.setText(self._yes())
        self.no_button.setText(self._no())



def abandon_question(parent: QWidget) -> Question:
    return Question(
        parent, "abandonQuestion",
        lambda: QCoreApplication.translate(
            "Question", "Abandon this person's screening? It is recorded as abandoned."),
        lambda: QCoreApplication.translate("Question", "Abandon"),
        lambda: QCoreApplication.translate("Question", "Continue screening"),
    )


def close_question(parent: QWidget) -> Question:
    return Question(
        parent, "closeQuestion",
        lambda: QCoreApplication.translate(
            "Question", "A screening is under way. Close anyway? It is saved and offered "
            "again at the next start."),
        lambda: QCoreApplication.translate("Question", "Close"),
        lambda: QCoreApplication.translate("Question", "Keep working"),
    )


def recovery_question(parent: QWidget, describe: Callable[[], str]) -> Question:
    """The kiosk stopped mid-screening last time: resume it, or record it as abandoned."""
    return Question(
        parent, "recoveryQuestion",
        lambda: QCoreApplication.translate(
            "Question", "A screening was not finished when the kiosk stopped:\n{what}"
        ).format(what=describe()),
        lambda: QCoreApplication.translate("Question", "Resume"),
        lambda: QCoreApplication.translate("Question", "Record as abandoned"),
    )


def place_over(dialog: QWidget, window: QWidget) -> None:
    """`dialog` at the size its type needs now, in the middle of `window` (kept inside
    it where it fits). Not `adjustSize`, which bounds a dialog by a fraction of the
    screen rather than by the window it belongs to."""
    layout = dialog.layout()
    if layout is not None:
        layout.activate()
    frame = window.geometry()
    size = dialog.sizeHint().expandedTo(dialog.minimumSize()).boundedTo(frame.size())
    if dialog.hasHeightForWidth():
        size.setHeight(max(size.height(), dialog.heightForWidth(size.width())))
    if size != dialog.size():
        dialog.resize(size)
    x = frame.x() + max(0, (frame.width() - dialog.width()) // 2)
    y = frame.y() + max(0, (frame.height() - dialog.height()) // 2)
    dialog.move(x, y)


__all__ = ["Question", "abandon_question", "close_question", "current_lang", "place_over",
           "recovery_question"]
