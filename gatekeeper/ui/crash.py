"""Unexpected errors in the GUI: logged with their traceback, shown, never silent.

The kiosk runs all day on a gate: an exception in a slot must not vanish into a console
nobody reads, nor take the window down. Every uncaught exception (the UI thread's or a
worker thread's) is written with its traceback to the log file and shown in a dialog
that says where the details are; the screening session has already put the person's
screening back as it was (see `gatekeeper.services.kiosk.session`). `faulthandler`
writes native crashes (a segfault in a Qt or OpenCV library) to the same file.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from gatekeeper.ui import theme
from gatekeeper.ui.plain import plain_message_box

log = logging.getLogger("gatekeeper")


def open_log(path: Path) -> IO[str]:
    """The log file, created readable by its owner only (it names people's ledgers and
    may quote their input in a traceback)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(fd, 0o600)
    return os.fdopen(fd, "a", encoding="utf-8", buffering=1)


class LogFile:
    """Stage one of start-up: the log file on the root logger, and native crashes written
    into it; `close()` undoes both (the process may go on, e.g. in tests)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stream = open_log(path)
        self.handler = logging.StreamHandler(self.stream)
        self.handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        root.addHandler(self.handler)
        if root.level > logging.INFO or root.level == logging.NOTSET:
            root.setLevel(logging.INFO)
        faulthandler.enable(file=self.stream, all_threads=True)

    def close(self) -> None:
        faulthandler.disable()
        logging.getLogger().removeHandler(self.handler)
        self.handler.close()
        self.stream.close()


class CrashReporter(QObject):
    """Logs every uncaught exception and shows one dialog at a time on the UI thread."""

    crashed = Signal(str)  # the summary line; emitted from any thread, shown on the UI's

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self.seen = 0
        self._previous: tuple[Any, Any] | None = None
        self.crashed.connect(self._show)

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(self, kind: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:  # fmt: skip
        self.seen += 1
        text = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error:\n%s", text)
        self.crashed.emit(f"{kind.__name__}: {value}")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str) -> None:
        if self.dialog is not None:  # one at a time: the same fault may repeat
            return
        parent = _active_window()
        box = plain_message_box(parent)  # the log's path is said as it is, never markup
        if parent is None:  # no window to take the look from: the kiosk's all the same
            box.setStyleSheet(theme.stylesheet())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Crash", "Unexpected error"))
        box.setText(QCoreApplication.translate(
            "Crash", "GateKeeper hit an unexpected error. Nothing half-written was kept, and "
            "what was entered is still on screen: try again. If it happens again, call the "
            "site manager."))
        box.setInformativeText(QCoreApplication.translate(
            "Crash", "The details are in the log file {path}.").format(path=self.log_path))
        box.setDetailedText(summary)
        box.finished.connect(self._closed)
        self.dialog = box
        box.open()

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def _active_window() -> QWidget | None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app.activeWindow()
    return None
