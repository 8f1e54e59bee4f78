"""Ledger work off the UI thread: an export, an integrity check over a big ledger.

A `LedgerJob` is a QThread that opens its own `Ledger` connection on the file (SQLite
connections belong to the thread that opened them), runs `work(ledger)` and emits
`succeeded(result)` or `failed(exception)` back on the UI thread. Whoever starts one
waits for it before going away (`finish`), so no thread outlives its window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger

log = logging.getLogger(__name__)


class LedgerJob(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        ledger_path: Path,
        work: Callable[[Ledger], Any],
        *,
        readonly: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ledger_path = Path(ledger_path)
        self.work = work
        self.readonly = readonly
        # Logged on the UI thread (the job object lives there): a log call from the
        # worker thread would make Python invent a "dummy" thread for it, which lingers.
        self.failed.connect(self._log_failure)

    def run(self) -> None:
        try:
            with Ledger.open(self.ledger_path, create=False, readonly=self.readonly) as ledger:
                result = self.work(ledger)
        except LocalizedError as exc:  # said to the user in their language
            self.failed.emit(exc)
            return
        except Exception as exc:  # shown to the user; the thread must not die silently
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)

    def _log_failure(self, exc: BaseException) -> None:
        """A refusal in one line, anything else with its traceback."""
        if isinstance(exc, LocalizedError):
            log.info("background ledger job refused: %s", exc)
        else:
            log.error("background ledger job failed", exc_info=(type(exc), exc, exc.__traceback__))


def finish(job: LedgerJob | None) -> None:
    """Wait for `job` (if any) to end: call before the widget that owns it goes away."""
    if job is not None and job.isRunning():
        job.wait()
