from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from gatekeeper.domain.vocab import Channel
from gatekeeper.services.figures import DayStats
from gatekeeper.ui import theme
from gatekeeper.ui.main_window import FIGURES_REFRESH_MS


def show(qtbot, window, size=(1280, 800)):
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def visible_texts(window) -> dict[str, str]:
    start = window.start_screen
    return {
        "title": start.title_label.text(),
        "subtitle": start.subtitle_label.text(),
        "worker": start.channel_buttons[Channel.WORKER].title_label.text(),
        "visitor": start.channel_buttons[Channel.VISITOR].title_label.text(),
        "vehicle": start.channel_buttons[Channel.VEHICLE].title_label.text(),
        "returning": start.returning_button.text(),
        "admitted": start.figures.tiles["admitted"].caption_label.text(),
        "turned_away": start.figures.tiles["turned_away"].caption_label.text(),
        "quarantined": start.figures.tiles["quarantined"].caption_label.text(),
        "heading": start.figures.heading_label.text(),
        "switch": window.language_button.text(),
    }


ENGLISH = {
    "title": "GateKeeper",
    "subtitle": "Health screening at the gate · closed-loop management",
    "worker": "Worker",
    "visitor": "Visitor",
    "vehicle": "Goods vehicle",
    "returning": "Returning worker? Scan your site pass",
    "admitted": "Admitted",
    "turned_away": "Turned away",
    "quarantined": "Quarantined",
    "heading": "Today, 2020-03-02",
    "switch": "中文",
}

CHINESE = {
    "title": "门岗通",
    "subtitle": "进场防疫检查 · 闭环管理",
    "worker": "工人",
    "visitor": "访客",
    "vehicle": "货车",
    "returning": "返场工人？请扫工地通行码",
    "admitted": "放行",
    "turned_away": "劝返",
    "quarantined": "隔离",
    "heading": "今日（2020-03-02）",
    "switch": "English",
}


def test_shows_the_figures_when_shown(qtbot, make_window) -> None:
    window = show(qtbot, make_window())
    tiles = window.start_screen.figures.tiles
    assert tiles["admitted"].value_label.text() == "362"
    assert tiles["in_quarantine"].value_label.text() == "2"
    assert window.figures_timer.isActive()
    assert window.figures_timer.interval() == FIGURES_REFRESH_MS == 30_000


def test_refreshes_the_figures_on_the_timer(qtbot, make_window) -> None:
    calls = []

    def provider() -> DayStats:
        calls.append(1)
        return DayStats(date="2020-03-02", admitted=len(calls))

    window = show(qtbot, make_window(provider))
    assert window.start_screen.figures.tiles["admitted"].value_label.text() == "1"
    window.figures_timer.timeout.emit()  # what 30 s on the clock would do
    assert window.start_screen.figures.tiles["admitted"].value_label.text() == "2"
    window.hide()
    assert not window.figures_timer.isActive()


def test_a_failing_figures_provider_shows_dashes_not_a_crash(qtbot, make_window, caplog) -> None:
    def broken() -> DayStats:
        raise OSError("database is locked")

    with caplog.at_level(logging.ERROR):
        window = show(qtbot, make_window(broken))
    values = {t.value_label.text() for t in window.start_screen.figures.tiles.values()}
    assert values == {"—"}
    assert "database is locked" in caplog.text


def test_language_switch_retranslates_everything_live(qtbot, make_window) -> None:
    window = show(qtbot, make_window())
    assert visible_texts(window) == ENGLISH

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.languages.language == "zh_CN"
    assert visible_texts(window) == CHINESE

    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.languages.language == "en"
    assert visible_texts(window) == ENGLISH


def test_a_window_built_after_choosing_chinese_starts_in_chinese(
    qtbot, languages, make_window
) -> None:
    assert languages.set_language("zh_CN.UTF-8")
    window = show(qtbot, make_window())
    assert visible_texts(window) == CHINESE


def test_choosing_a_channel_shows_a_non_modal_notice(qtbot, make_window) -> None:
    window = show(qtbot, make_window())
    assert not window.notice.isVisible()

    button = window.start_screen.channel_buttons[Channel.VEHICLE]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    assert window.notice.isVisible()
    assert not window.header_title.isVisible()  # the notice takes its place
    assert window.notice.text_label.text() == (
        "Goods vehicle: no ledger is open, so nobody can be screened here."
    )
    assert QApplication.activeModalWidget() is None
    assert window.pages.currentWidget() is window.start_screen

    # the notice follows a language switch while it is up
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.notice.text_label.text() == "货车：未打开台账，此处无法办理进场检查。"
    assert window.notice.dismiss_button.text() == "知道了"

    qtbot.mouseClick(window.notice.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.notice.isVisible()
    assert window.header_title.isVisible()


def test_the_notice_goes_away_by_itself(qtbot, make_window) -> None:
    window = show(qtbot, make_window())
    qtbot.mouseClick(window.start_screen.returning_button, Qt.MouseButton.LeftButton)
    assert window.notice.isVisible()
    assert "No ledger is open" in window.notice.text_label.text()
    assert window.notice.timer.isActive()
    window.notice.timer.timeout.emit()
    assert not window.notice.isVisible()


def test_every_visible_button_is_touch_sized(qtbot, make_window) -> None:
    window = show(qtbot, make_window())
    window.start_screen.channel_buttons[Channel.WORKER].click()  # bring up the notice too
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == 6  # 3 channels, scan a pass, language, notice OK
    for button in buttons:
        assert button.height() >= theme.TOUCH_MIN, button.objectName()


def test_the_start_screen_fits_a_small_kiosk_screen(make_window) -> None:
    """1024x600 is the smallest common kiosk panel: everything must fit without growing."""
    window = make_window()
    window.start_screen.channel_buttons[Channel.WORKER].click()  # with a notice up
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, hint


def test_kiosk_mode_is_full_screen_without_a_frame(qtbot, make_window) -> None:
    window = make_window()
    window.show_kiosk()
    qtbot.waitExposed(window)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    # fills the screen even where no window manager acts on the full-screen request
    assert window.geometry() == window.screen().geometry()


def test_window_title_names_the_ledger(make_window, tmp_path) -> None:
    window = make_window(db_path=tmp_path / "gate.db")
    assert window.windowTitle() == f"GateKeeper — {tmp_path / 'gate.db'}"


def test_the_title_names_the_ledger_as_it_is(qtbot, make_window, tmp_path) -> None:
    """A "[*]" in the ledger's path is shown (Qt took it for its "modified" mark and
    dropped it from the title)."""
    path = tmp_path / "site[*]" / "gate.db"
    window = make_window(db_path=path)
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None and handle.title() == f"GateKeeper — {path}"
