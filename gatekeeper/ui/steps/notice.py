"""Step 7: the site notice; print it (or save it as PDF), then confirm it was handed over.

Printing runs on the UI thread: one page renders in tens of milliseconds and a printer
only spools (see `gatekeeper.ui.widgets.notice_print`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from gatekeeper.domain.vocab import Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import KioskPage, touch_button
from gatekeeper.ui.translations import current_lang


class NoticePage(KioskPage):
    handed_over = Signal()
    print_requested = Signal(str, str)  # text, title (in the screen's language)
    page_id = "notice"
    step = Step.NOTICE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice_label = PlainLabel(self)
        self.notice_label.setObjectName("noticeText")
        self.notice_label.setProperty("role", "notice-body")
        self.notice_label.setWordWrap(True)
        self.notice_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.print_button = touch_button(self, "printNotice")
        self.print_button.clicked.connect(self._print)
        self.print_status = PlainLabel(self)
        self.print_status.setObjectName("printStatus")
        self.print_status.setWordWrap(True)
        self._print_say: Any = None
        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_M)
        row.addWidget(self.print_button)
        row.addWidget(self.print_status, 1)
        self.body.addWidget(self.notice_label, 1)
        self.body.addLayout(row)
        self.retranslate()

    def reset(self) -> None:
        super().reset()
        self._print_say = None
        self.print_status.clear()

    def set_print_status(self, say: Any) -> None:
        """What printing did (a `Say`), shown beside the button until the next person."""
        self._print_say = say
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        notice = self._state.get("notice")
        self.notice_label.setText(notice(lang) if notice else "")
        self.print_button.setText(QCoreApplication.translate("NoticePage", "Print notice"))
        self.print_status.setText(self._print_say(lang) if self._print_say else "")

    def confirm_text(self) -> str:
        return QCoreApplication.translate("NoticePage", "Notice handed over")

    def _print(self) -> None:
        notice = self._state.get("notice")
        if notice is not None:
            lang = current_lang()
            self.print_requested.emit(notice(lang), self.title(lang))

    def _confirm(self) -> None:
        self.handed_over.emit()
