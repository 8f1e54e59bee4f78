"""A non-modal notice: says something, never blocks the gate, goes away by itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import Retranslating


class NoticeBanner(Retranslating, QFrame):
    """A band with a message and an OK button; it hides itself after `timeout_ms`.

    The message is given as a function returning the text, so it is read again in the
    new language when the language changes while the notice is up.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None, *, timeout_ms: int = 10_000) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._message: Callable[[], str] | None = None

        self.text_label = PlainLabel(self)
        self.text_label.setObjectName("noticeText")
        self.text_label.setWordWrap(True)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("noticeDismiss")
        self.dismiss_button.setMinimumHeight(theme.TOUCH_MIN)
        self.dismiss_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.dismiss_button.clicked.connect(self.dismiss)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, 0, 0, 0)
        layout.setSpacing(theme.SPACE_M)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.dismiss_button)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.dismiss)
        self.hide()
        self.retranslate()

    @property
    def timer(self) -> QTimer:
        return self._timer

    def show_message(self, message: Callable[[], str]) -> None:
        """Show `message()` (replacing any notice already up) and restart the timeout."""
        self._message = message
        self.text_label.setText(message())
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        was_up = self._message is not None
        self._timer.stop()
        self._message = None
        self.hide()
        if was_up:
            self.dismissed.emit()

    def retranslate(self) -> None:
        self.dismiss_button.setText(QCoreApplication.translate("NoticeBanner", "OK"))
        if self._message is not None:
            self.text_label.setText(self._message())

