from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gatekeeper.domain.vocab import Channel
from gatekeeper.services.figures import DayStats
from gatekeeper.ui import theme
from gatekeeper.ui.start_screen import CHANNEL_ORDER, StartScreen


@pytest.fixture
def screen(qtbot) -> StartScreen:
    widget = StartScreen()
    theme.apply(widget)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def figure_texts(screen: StartScreen) -> dict[str, tuple[str, str]]:
    return {
        name: (tile.value_label.text(), tile.caption_label.text())
        for name, tile in screen.figures.tiles.items()
    }


def test_shows_the_days_figures(screen: StartScreen, stats: DayStats) -> None:
    screen.show_figures(stats)

    assert figure_texts(screen) == {
        "admitted": ("362", "Admitted"),
        "turned_away": ("11", "Turned away"),
        "quarantined": ("30", "Quarantined"),
        "in_quarantine": ("2", "In quarantine now"),
    }
    assert screen.figures.heading_label.text() == "Today, 2020-03-02"


def test_starts_at_zero_and_shows_dashes_when_figures_are_unavailable(
    screen: StartScreen, stats: DayStats
) -> None:
    assert {value for value, _ in figure_texts(screen).values()} == {"0"}
    screen.show_figures(stats)
    screen.figures.show_unavailable()
    assert {value for value, _ in figure_texts(screen).values()} == {"—"}


def test_shows_title_and_the_three_channels_in_order(screen: StartScreen) -> None:
    assert screen.title_label.text() == "GateKeeper"
    assert list(screen.channel_buttons) == [Channel.WORKER, Channel.VISITOR, Channel.VEHICLE]
    titles = [b.title_label.text() for b in screen.channel_buttons.values()]
    assert titles == ["Worker", "Visitor", "Goods vehicle"]
    assert "scan" in screen.returning_button.text().lower()


@pytest.mark.parametrize("channel", CHANNEL_ORDER)
def test_channel_button_emits_its_channel(qtbot, screen: StartScreen, channel: Channel) -> None:
    button = screen.channel_buttons[channel]
    with qtbot.waitSignal(screen.channel_chosen, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == [channel.value]


def test_a_touch_on_the_button_label_counts(qtbot, screen: StartScreen) -> None:
    button = screen.channel_buttons[Channel.VISITOR]
    label_centre = button.title_label.geometry().center()
    with qtbot.waitSignal(screen.channel_chosen, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=label_centre)
    assert blocker.args == ["visitor"]


def test_scan_a_pass_emits_returning_chosen(qtbot, screen: StartScreen) -> None:
    with qtbot.waitSignal(screen.returning_chosen, timeout=1000):
        qtbot.mouseClick(screen.returning_button, Qt.MouseButton.LeftButton)


def test_buttons_are_touch_sized(screen: StartScreen) -> None:
    buttons = [*screen.channel_buttons.values(), screen.returning_button]
    for button in buttons:
        assert button.height() >= theme.TOUCH_MIN, button.objectName()
    for button in screen.channel_buttons.values():
        assert button.height() >= theme.CHANNEL_BUTTON_HEIGHT
