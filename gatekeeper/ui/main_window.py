"""The kiosk's one window: a header with the language switch, the pages, a notice banner.

Pages live in a ``QStackedWidget``: the start screen now, the screening steps later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.vocab import Channel
from gatekeeper.services.figures import DayStats
from gatekeeper.ui import theme
from gatekeeper.ui.notice import NoticeBanner
from gatekeeper.ui.start_screen import StartScreen, channel_name
from gatekeeper.ui.translations import LanguageSwitcher

log = logging.getLogger(__name__)

FIGURES_REFRESH_MS = 30_000

# The name of each language in itself: the switch shows the language you would get.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文"}

FiguresProvider = Callable[[], DayStats]


class MainWindow(QMainWindow):
    def __init__(
        self,
        languages: LanguageSwitcher,
        figures_provider: FiguresProvider,
        *,
        db_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.languages = languages
        self.figures_provider = figures_provider
        self.db_path = db_path
        theme.apply(self)

        # header: where the gate is, and the language switch
        self.header = QFrame(self)
        self.header.setObjectName("header")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header_title = QLabel(self.header)
        self.header_title.setObjectName("headerTitle")
        self.language_button = QPushButton(self.header)
        self.language_button.setObjectName("languageButton")
        self.language_button.setMinimumHeight(theme.TOUCH_MIN)
        self.language_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.language_button.clicked.connect(self.languages.toggle)
        # Notices take the header title's place: always in sight, and nothing on the
        # page moves under a finger when one appears.
        self.notice = NoticeBanner(self.header)
        self.notice.dismissed.connect(self.header_title.show)
        self.header.setMinimumHeight(theme.HEADER_HEIGHT)
        header_row = QHBoxLayout(self.header)
        header_row.setContentsMargins(theme.SPACE_L, theme.SPACE_XS, theme.SPACE_L, theme.SPACE_XS)
        header_row.setSpacing(theme.SPACE_L)
        header_row.addWidget(self.header_title, 1)
        header_row.addWidget(self.notice, 1)
        header_row.addWidget(self.language_button)

        # pages
        self.pages = QStackedWidget(self)
        self.start_screen = StartScreen(self.pages)
        self.pages.addWidget(self.start_screen)
        self.start_screen.channel_chosen.connect(self._on_channel_chosen)
        self.start_screen.returning_chosen.connect(self._on_returning_chosen)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.figures_timer = QTimer(self)
        self.figures_timer.setInterval(FIGURES_REFRESH_MS)
        self.figures_timer.timeout.connect(self.refresh_figures)

        self.languages.language_changed.connect(self._on_language_changed)
        self.setWindowTitle(f"GateKeeper — {db_path}" if db_path else "GateKeeper")
        self.retranslate()

    # --- figures -------------------------------------------------------------------------

    def refresh_figures(self) -> None:
        """Read today's figures and show them; if reading fails, show dashes and log why."""
        try:
            stats = self.figures_provider()
        except Exception:
            log.exception("could not read today's figures")
            self.start_screen.figures.show_unavailable()
            return
        self.start_screen.show_figures(stats)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_figures()
        self.figures_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.figures_timer.stop()
        super().hideEvent(event)

    # --- kiosk ---------------------------------------------------------------------------

    def show_kiosk(self) -> None:
        """Full screen, no window frame: the gate's screen is this window.

        The geometry is set too: a kiosk often runs X without a window manager, and
        then nobody acts on the full-screen request.
        """
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.showFullScreen()

    def show_start(self) -> None:
        self.pages.setCurrentWidget(self.start_screen)

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.header_title.setText(
            QCoreApplication.translate("MainWindow", "Worksite entry checkpoint")
        )
        other = "en" if self.languages.language != "en" else "zh_CN"
        self.language_button.setText(LANGUAGE_NAMES[other])
        self.language_button.setToolTip(
            QCoreApplication.translate("MainWindow", "Switch the screen's language")
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language_changed(self, _lang: str) -> None:
        # The switch's label depends on the language even when no translator changed
        # (a catalogue that failed to load keeps the source language).
        self.retranslate()

    # --- what the start screen asks for ----------------------------------------------------

    def show_notice(self, message: Callable[[], str]) -> None:
        """A non-modal notice in the header; `message` returns the text in the current
        language (it is called again when the language changes)."""
        self.header_title.hide()
        self.notice.show_message(message)

    def _on_channel_chosen(self, value: str) -> None:
        channel = Channel(value)
        self.show_notice(
            lambda: QCoreApplication.translate(
                "MainWindow", "{channel}: the screening steps arrive in the next release."
            ).format(channel=channel_name(channel))
        )

    def _on_returning_chosen(self) -> None:
        self.show_notice(
            lambda: QCoreApplication.translate(
                "MainWindow", "Pass scanning (the returning path) arrives in the next release."
            )
        )
