"""`run_gui`, the entry point `gatekeeper gui` calls, run for real on the test's QApplication."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gatekeeper.services.figures import DayStats
from gatekeeper.ui.app import run_gui
from gatekeeper.ui.main_window import MainWindow


def run_and_inspect(qapp, **kwargs) -> tuple[int, dict]:
    seen: dict = {}

    def inspect() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next(w for w in windows if w.isVisible())
        seen.update(
            title=window.windowTitle(),
            full_screen=window.isFullScreen(),
            frameless=bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint),
            admitted=window.start_screen.figures.tiles["admitted"].value_label.text(),
            title_label=window.start_screen.title_label.text(),
        )
        qapp.exit(3)

    QTimer.singleShot(0, inspect)
    db_path = kwargs.pop("db_path")
    kwargs.setdefault("log_path", db_path.parent / "logs" / "gatekeeper.log")
    code = run_gui(db_path, **kwargs)
    return code, seen


def test_run_gui_opens_the_window_on_the_ledger_and_returns_the_exit_code(qapp, tmp_path: Path):
    db = tmp_path / "gate.db"
    code, seen = run_and_inspect(qapp, db_path=db, lang="en")
    assert code == 3
    assert seen["title"] == f"GateKeeper — {db}"
    assert seen["title_label"] == "GateKeeper"
    assert seen["admitted"] == "0"  # no provider: zeros
    assert not seen["full_screen"]


def test_run_gui_kiosk_with_figures_in_chinese(qapp, tmp_path: Path):
    code, seen = run_and_inspect(
        qapp,
        db_path=tmp_path / "gate.db",
        lang="zh_CN",
        kiosk=True,
        figures_provider=lambda: DayStats(date="2020-03-02", admitted=7),
    )
    assert code == 3
    assert seen["full_screen"] and seen["frameless"]
    assert seen["admitted"] == "7"
    assert seen["title_label"] == "门岗通"


def test_run_gui_logs_to_an_owner_only_file_and_leaves_no_handler_behind(qapp, tmp_path):
    import logging
    import stat

    log_path = tmp_path / "logs" / "gatekeeper.log"
    handlers = list(logging.getLogger().handlers)
    code, _ = run_and_inspect(qapp, db_path=tmp_path / "gate.db", lang="en", log_path=log_path)
    assert code == 3
    assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_path.parent.stat().st_mode) == 0o700
    assert logging.getLogger().handlers == handlers
