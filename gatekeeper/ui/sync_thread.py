"""The kiosk's background sync: services.sync.BackgroundSync on a thread of its own.

The thread owns its ledger and hub connections (one per thread); screenings never wait
for it. Stopped with a flag, then quit()/wait() with a timeout, like the camera.
"""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from gatekeeper.services.sync import BackgroundSync, SyncStatus

STOP_TIMEOUT_MS = 15_000  # a connect or a batch in flight: at most the hub's timeout


class SyncThread(QThread):
    """Emits `status` after every try (received on the UI thread)."""

    status = Signal(object)  # SyncStatus

    def __init__(self, ledger_path: Path, *, first_delay: float = 1.0,
                 hub_folder: Path | None = None) -> None:  # fmt: skip
        super().__init__()
        self.setObjectName("gatekeeper-sync")
        self._sync = BackgroundSync(ledger_path, hub_folder=hub_folder)
        self._stop = threading.Event()
        self._first_delay = first_delay

    def run(self) -> None:
        delay = self._first_delay
        try:
            while not self._stop.wait(delay):
                result: SyncStatus = self._sync.run_once(datetime.now().astimezone())
                self.status.emit(result)
                delay = self._sync.delay()
        finally:
            self._sync.close()

    def stop(self) -> bool:
        """Ask it to stop, and wait (bounded); True when it has."""
        self._stop.set()
        self.quit()
        return bool(self.wait(STOP_TIMEOUT_MS))
