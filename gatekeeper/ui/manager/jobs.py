"""Console work off the UI thread: an export, the integrity check over a big ledger.

A `ServiceJob` is a QThread that enters `service.for_thread(readonly=…)` on its own
thread — a separate `ConsoleService` over its own ledger connection (SQLite connections
belong to the thread that opened them) — runs `work(service)` there and hands the result,
or the exception, to `on_result` / `on_error` on the UI thread (the job has ended when
they run). `stop` sets the job's stopping flag (no callback runs after it), quits and
waits up to a timeout; a job still running then is kept until it ends, never destroyed
while running, and `wait_all` (at exit) waits for those.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services.console import ConsoleService

log = logging.getLogger(__name__)

STOP_TIMEOUT_MS = 30_000  # an export is written and recorded whole: give it time
Work = Callable[[ConsoleService], Any]
OnResult = Callable[[Any], None]
OnError = Callable[[Exception], None]

_outliving: list[ServiceJob] = []  # stopped, but still running past their wait


class ServiceJob(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(
        self,
        service: ConsoleService,
        work: Work,
        *,
        readonly: bool = False,
        on_result: OnResult | None = None,
        on_error: OnError | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.work = work
        self.readonly = readonly
        self.on_result = on_result
        self.on_error = on_error
        self.stopping = False
        # Both land on the UI thread (the job object lives there). A log call from the
        # worker thread would make Python invent a "dummy" thread for it, which lingers.
        self.succeeded.connect(self._succeeded)
        self.failed.connect(self._failed)

    def run(self) -> None:
        try:
            with self.service.for_thread(readonly=self.readonly) as service:
                result = self.work(service)
        except Exception as exc:  # shown to the user; the thread must not die silently
            self.failed.emit(exc)
            return
        self.succeeded.emit(result)

    def _succeeded(self, result: Any) -> None:
        self.wait()  # run() has returned or is returning: the job is over for the callback
        if not self.stopping and self.on_result is not None:
            self.on_result(result)

    def _failed(self, exc: Exception) -> None:
        self.wait()
        if isinstance(exc, LocalizedError):  # said to the user in their language
            log.info("background console job refused: %s", exc)
        else:
            log.error("background console job failed", exc_info=(type(exc), exc, exc.__traceback__))
        if not self.stopping and self.on_error is not None:
            self.on_error(exc)

    def stop(self, timeout_ms: int = STOP_TIMEOUT_MS) -> bool:
        """No callback from now on; True once the thread has ended (within `timeout_ms`)."""
        self.stopping = True
        self.quit()
        _prune()
        if not self.isRunning() or self.wait(timeout_ms):
            return True
        log.warning("a background console job is still running after %d ms", timeout_ms)
        self.setParent(None)  # its widget may go; the thread object stays until it ends
        _outliving.append(self)
        return False


def start_job(
    parent: QObject,
    service: ConsoleService,
    work: Work,
    on_result: OnResult,
    on_error: OnError,
    *,
    readonly: bool = False,
) -> ServiceJob:
    job = ServiceJob(service, work, readonly=readonly, on_result=on_result, on_error=on_error,
                     parent=parent)  # fmt: skip
    job.start()
    return job


def _prune() -> None:
    _outliving[:] = [job for job in _outliving if job.isRunning()]


def wait_all() -> None:
    """Wait for every stopped job still running (before the application goes)."""
    for job in list(_outliving):
        job.wait()
    _prune()
