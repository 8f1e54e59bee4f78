"""What every manager page is: a widget over the console's service that asks before it
shows or records, follows the language, and runs long work off the UI thread.

`ManagerPage` holds the `ConsoleService` (the ledger, policy, clock and signed-in actor
are its business, never the page's) and the console's `authorise` hook (`Authorise`: may
the signed-in account do this action?). A language switch calls `retranslate()`
(`translations.Retranslating`, the one place that turns Qt's LanguageChange into it).
`run_job` runs `work(service)` on a `ServiceJob` — its own thread and its own
ledger connection — and calls back on the UI thread; `shutdown` stops the page's jobs.
A page implements `refresh` (re-read what it shows), `retranslate` and, if it has one,
`focus_input`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from gatekeeper.services.accounts import Action
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui.manager.jobs import (
    STOP_TIMEOUT_MS,
    OnError,
    OnResult,
    ServiceJob,
    Work,
    start_job,
)
from gatekeeper.ui.translations import Retranslating

Authorise = Callable[[Action], bool]


class ManagerPage(Retranslating, QWidget):
    def __init__(
        self,
        name: str,
        service: ConsoleService,
        authorise: Authorise,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.service = service
        self.authorise = authorise
        self.jobs: list[ServiceJob] = []

    # --- what the console calls ---------------------------------------------------------

    def refresh(self) -> None:
        """Re-read what the page shows (the console calls it when the page is shown)."""

    def focus_input(self) -> None:
        self.setFocus()

    def retranslate(self) -> None:
        """Every text of the page in the current language."""

    # --- background work ------------------------------------------------------------------

    def run_job(
        self, work: Work, on_result: OnResult, on_error: OnError, *, readonly: bool = False
    ) -> ServiceJob:
        """`work(service)` on its own thread and ledger connection; `on_result` or
        `on_error` on the UI thread once it has ended."""
        self.jobs = [job for job in self.jobs if job.isRunning()]
        job = start_job(self, self.service, work, on_result, on_error, readonly=readonly)
        self.jobs.append(job)
        return job

    def busy(self) -> bool:
        return any(job.isRunning() for job in self.jobs)

    def shutdown(self, timeout_ms: int = STOP_TIMEOUT_MS) -> None:
        """Before the page goes: its jobs stopped (no callback after this)."""
        for job in self.jobs:
            job.stop(timeout_ms)
        self.jobs = []
