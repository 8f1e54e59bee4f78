"""The background sync thread with a real hub: the header says where it stands, and it
stops when asked, within its timeout."""

from __future__ import annotations

from hub_support import add_kiosk, make_hub, mixed

from gatekeeper.ledger import Ledger
from gatekeeper.ui.sync_thread import SyncThread


def test_the_header_shows_the_sync_and_the_thread_stops(qtbot, hub_dsn, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from gatekeeper.ui.main_window import MainWindow
    from gatekeeper.ui.translations import LanguageSwitcher

    make_hub(hub_dsn)
    path = tmp_path / "k.sqlite3"
    with Ledger.open(path, kiosk_id="gate-1") as ledger:
        ledger.append_all(mixed(5))
    add_kiosk(hub_dsn, path)
    languages = LanguageSwitcher(QApplication.instance(), tmp_path / "i18n")
    window = MainWindow(languages, db_path=path)
    qtbot.addWidget(window)
    thread = SyncThread(path, first_delay=0.0)
    thread.status.connect(window.show_sync_status)
    with qtbot.waitSignal(thread.status, timeout=20_000) as blocker:
        thread.start()
    try:
        state = blocker.args[0]
        assert state.linked and state.waiting == 0
        qtbot.waitUntil(lambda: window.sync_label.isVisibleTo(window), timeout=5_000)
        assert window.sync_label.text() == "synced just now · 0 waiting"
    finally:
        assert thread.stop()
    assert not thread.isRunning()


def test_the_sync_status_is_never_cut_the_title_gives_way(qtbot, tmp_path) -> None:
    """Seen under Xvfb on a 1080x1920 totem: "offline since 19:34 · 296" (the count's
    word cut off) beside a title cut mid-word."""
    from PySide6.QtWidgets import QApplication

    from gatekeeper.services.sync import SyncStatus
    from gatekeeper.ui.main_window import MainWindow
    from gatekeeper.ui.translations import LanguageSwitcher

    languages = LanguageSwitcher(QApplication.instance(), tmp_path / "i18n")
    window = MainWindow(languages)
    qtbot.addWidget(window)
    offline = SyncStatus(True, None, "2026-03-02T07:12:00+08:00", None, 143)
    for width, height in ((1080, 1920), (800, 1280), (1280, 800)):
        window.resize(width, height)
        window.show()
        window.show_sync_status(offline)
        qtbot.wait(50)
        label, title = window.sync_label, window.header_title
        assert label.width() >= label.sizeHint().width(), (width, label.text())
        assert title.isHidden() or title.width() >= title.sizeHint().width(), (width, height)
    assert not window.header_title.isHidden()  # landscape 1280x800 has room for both
