"""The screen the gate shows between people: pick a channel, or scan a pass; today's figures.

Every visible string goes through ``QCoreApplication.translate(<class name>, ...)`` so
``pyside6-lupdate`` extracts it into ``resources/i18n/*.ts``; each widget sets its
texts in ``retranslate()`` and calls it again on ``QEvent.LanguageChange``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.domain.vocab import Channel
from gatekeeper.services.figures import DayStats
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.translations import Retranslating

# The order the buttons appear in, left to right.
CHANNEL_ORDER: tuple[Channel, ...] = (Channel.WORKER, Channel.VISITOR, Channel.VEHICLE)


def channel_name(channel: Channel) -> str:
    """A channel's name in the current language (the one the buttons and notices show)."""
    names = {
        Channel.WORKER: QCoreApplication.translate("Channel", "Worker"),
        Channel.VISITOR: QCoreApplication.translate("Channel", "Visitor"),
        Channel.VEHICLE: QCoreApplication.translate("Channel", "Goods vehicle"),
    }
    return names[channel]


def _channel_detail(channel: Channel) -> str:
    details = {
        Channel.WORKER: QCoreApplication.translate(
            "Channel", "Workers entering for the first time"
        ),
        Channel.VISITOR: QCoreApplication.translate("Channel", "Visitors, suppliers, inspectors"),
        Channel.VEHICLE: QCoreApplication.translate("Channel", "Driver and passengers, east lane"),
    }
    return details[channel]


class ChannelButton(QPushButton):
    """A large touch button for one channel: its name, and a line saying who it is for."""

    def __init__(self, channel: Channel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.setObjectName(f"channelButton_{channel.value}")
        self.setProperty("role", "channel")
        self.setProperty("channel", channel.value)
        self.setMinimumHeight(theme.CHANNEL_BUTTON_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.title_label = PlainLabel(self)
        self.title_label.setProperty("role", "channel-title")
        self.detail_label = PlainLabel(self)
        self.detail_label.setProperty("role", "channel-detail")
        self.detail_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_M, theme.SPACE_M, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addStretch(1)
        for label in (self.title_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            # Touches on the labels are the button's.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        layout.addStretch(1)

    def set_texts(self, title: str, detail: str) -> None:
        self.title_label.setText(title)
        self.detail_label.setText(detail)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)


class FigureTile(QFrame):
    """One of today's figures: a large number over its label."""

    def __init__(self, outcome: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure_{outcome}")
        self.setProperty("role", "figure")
        self.setProperty("outcome", outcome)
        self.value_label = PlainLabel(self, text="0")
        self.value_label.setProperty("role", "figure-value")
        self.value_label.setProperty("outcome", outcome)
        self.caption_label = PlainLabel(self)
        self.caption_label.setProperty("role", "figure-label")
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_M, theme.SPACE_S, theme.SPACE_M, theme.SPACE_S)
        layout.setSpacing(0)
        for label in (self.value_label, self.caption_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)

    def set_value(self, value: int | None) -> None:
        """Show `value`; None shows a dash (figures not available)."""
        self.value_label.setText("—" if value is None else str(value))


class FiguresStrip(Retranslating, QFrame):
    """Today's figures: admitted, turned away, quarantined, and in quarantine now."""

    OUTCOMES: tuple[str, ...] = ("admitted", "turned_away", "quarantined", "in_quarantine")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresStrip")
        self._date: str | None = None
        self.heading_label = PlainLabel(self)
        self.heading_label.setObjectName("sectionLabel")
        self.tiles: dict[str, FigureTile] = {name: FigureTile(name, self) for name in self.OUTCOMES}

        row = QHBoxLayout()
        row.setSpacing(theme.SPACE_L)
        for tile in self.tiles.values():
            row.addWidget(tile, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        layout.addWidget(self.heading_label)
        layout.addLayout(row, 1)  # extra height goes to the tiles, not between them and the heading
        self.retranslate()

    def show_figures(self, stats: DayStats) -> None:
        self._date = stats.date
        for name, tile in self.tiles.items():
            tile.set_value(getattr(stats, name))
        self._set_heading()

    def show_unavailable(self) -> None:
        """The figures could not be read: dashes rather than stale or invented numbers."""
        for tile in self.tiles.values():
            tile.set_value(None)

    def retranslate(self) -> None:
        captions = {
            "admitted": QCoreApplication.translate("FiguresStrip", "Admitted"),
            "turned_away": QCoreApplication.translate("FiguresStrip", "Turned away"),
            "quarantined": QCoreApplication.translate("FiguresStrip", "Quarantined"),
            "in_quarantine": QCoreApplication.translate("FiguresStrip", "In quarantine now"),
        }
        for name, tile in self.tiles.items():
            tile.caption_label.setText(captions[name])
        self._set_heading()

    def _set_heading(self) -> None:
        if self._date:
            text = QCoreApplication.translate("FiguresStrip", "Today, {date}").format(
                date=self._date
            )
        else:
            text = QCoreApplication.translate("FiguresStrip", "Today")
        self.heading_label.setText(text)



class StartScreen(Retranslating, QWidget):
    """Pick a channel (first time through the gate) or scan a pass (returning worker).

    The screen only says what was chosen; what follows is the main window's business.
    """

    channel_chosen = Signal(str)  # a Channel value
    returning_chosen = Signal()  # "scan a pass": the returning path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)

        self.title_label = PlainLabel(self)
        self.title_label.setObjectName("appTitle")
        self.subtitle_label = PlainLabel(self)
        self.subtitle_label.setObjectName("appSubtitle")
        self.choose_label = PlainLabel(self)
        self.choose_label.setObjectName("sectionLabel")
        for label in (self.title_label, self.subtitle_label):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.channel_buttons: dict[Channel, ChannelButton] = {}
        buttons_row = ReflowBox()  # one above the other in portrait
        buttons_row.setSpacing(theme.SPACE_L)
        for channel in CHANNEL_ORDER:
            button = ChannelButton(channel, self)
            button.clicked.connect(lambda _checked=False, c=channel: self._choose(c))
            self.channel_buttons[channel] = button
            buttons_row.addWidget(button, 1)

        self.returning_button = QPushButton(self)
        self.returning_button.setObjectName("returningButton")
        self.returning_button.setMinimumHeight(theme.TOUCH_MIN + theme.SPACE_M)
        self.returning_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.returning_button.clicked.connect(self.returning_chosen)

        self.figures = FiguresStrip(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.SPACE_XL, theme.SPACE_S, theme.SPACE_XL, theme.SPACE_M)
        layout.setSpacing(theme.SPACE_S)
        layout.addStretch(1)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle_label)
        layout.addStretch(1)
        layout.addWidget(self.choose_label)
        layout.addLayout(buttons_row, 4)
        layout.addSpacing(theme.SPACE_S)
        layout.addWidget(self.returning_button)
        layout.addStretch(1)
        layout.addWidget(self.figures, 2)
        self.retranslate()

    def show_figures(self, stats: DayStats) -> None:
        """Show the day's figures in the strip at the bottom."""
        self.figures.show_figures(stats)

    def retranslate(self) -> None:
        self.title_label.setText(QCoreApplication.translate("StartScreen", "GateKeeper"))
        self.subtitle_label.setText(
            QCoreApplication.translate(
                "StartScreen", "Health screening at the gate · closed-loop management"
            )
        )
        self.choose_label.setText(
            QCoreApplication.translate(
                "StartScreen", "First time through the gate? Choose your lane:"
            )
        )
        for channel, button in self.channel_buttons.items():
            button.set_texts(channel_name(channel), _channel_detail(channel))
        self.returning_button.setText(
            QCoreApplication.translate("StartScreen", "Returning worker? Scan your site pass")
        )

    def _choose(self, channel: Channel) -> None:
        self.channel_chosen.emit(channel.value)
