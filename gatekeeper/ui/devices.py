"""The Qt side of the gate's serial devices: each runs its plain-Python loop or call
(`gatekeeper.devices`) on its own QThread and hands results to the UI thread as signals,
so a slow, silent or vanished device never holds up the screen.

Stopping is a stop flag, then `quit()` and `wait()` with a timeout: closing the window
never hangs on a device.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QThread, Signal

from gatekeeper.devices.thermometer import DeviceState, ThermometerWorker
from gatekeeper.devices.turnstile import GateRelease, ReleaseFailed
from gatekeeper.services.gate import GateOpening

log = logging.getLogger(__name__)

STOP_WAIT_MS = 3000


class _LoopThread(QThread):
    def __init__(self, worker: ThermometerWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker

    def run(self) -> None:
        self.worker.run()


class SerialThermometer(QObject):
    """A serial thermometer for the kiosk: `reading(text, at)` for every reading the device
    sends (`at`: `time.monotonic()` when it was read, so a reading that waited in the
    queue can be told from a fresh one), `state_changed(DeviceState value)` when it
    connects or goes missing."""

    reading = Signal(str, float)
    state_changed = Signal(str)

    def __init__(self, worker: ThermometerWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.port = worker.port
        self.state = DeviceState.STOPPED
        # Emitted on the worker's thread; Qt queues them to this object's (the UI) thread.
        worker.on_reading = lambda text: self.reading.emit(text, time.monotonic())
        worker.on_state = lambda state: self.state_changed.emit(state.value)
        self.state_changed.connect(self._remember)
        self.thread_: _LoopThread | None = None

    def _remember(self, state: str) -> None:
        self.state = DeviceState(state)

    def start(self) -> None:
        if self.thread_ is not None:
            return
        self.thread_ = _LoopThread(self.worker, self)
        self.thread_.start()

    def stop(self, timeout_ms: int = STOP_WAIT_MS) -> bool:
        """Stop flag, quit, wait; False (logged) if the thread did not end in time."""
        thread, self.thread_ = self.thread_, None
        if thread is None:
            return True
        self.worker.request_stop()
        thread.quit()
        if not thread.wait(timeout_ms):
            log.error("the thermometer thread on %s did not stop in time", self.port)
            return False
        return True


class _PulseThread(QThread):
    """One lane opening: the relay's pulse or the site's program, off the UI thread."""

    done = Signal(object)  # this thread, once `detail` or `error` is set

    def __init__(self, release: GateRelease, opening: GateOpening,
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.release = release
        self.opening = opening
        self.detail = ""
        self.error: ReleaseFailed | None = None

    def run(self) -> None:
        try:
            self.detail = self.release.open(self.opening.lane)
        except ReleaseFailed as error:
            self.error = error
        except Exception:  # a fault here must not end the kiosk: logged, said plainly
            log.exception("opening the %s lane failed", self.opening.lane)
            self.error = ReleaseFailed("devices.release_error")
        if self.error is not None:
            try:  # what did not open it, for the record of the failure
                self.detail = self.release.target(self.opening.lane)
            except Exception:
                log.exception("no target for the %s lane", self.opening.lane)
        self.done.emit(self)


class LaneRelease(QObject):
    """Opens lanes for the kiosk: `open(opening)` returns at once; `opened(opening,
    device, detail)` or `failed(opening, device, detail, ReleaseFailed)` follow on the UI
    thread (`detail`: what drove the lane, the port and channel or the program)."""

    opened = Signal(object, str, str)
    failed = Signal(object, str, str, object)

    def __init__(self, release: GateRelease, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.release = release
        self.threads: list[_PulseThread] = []

    def open(self, opening: GateOpening) -> None:
        thread = _PulseThread(self.release, opening, self)
        thread.done.connect(self._done)
        self.threads.append(thread)
        thread.start()

    def _done(self, thread: _PulseThread) -> None:
        thread.wait(STOP_WAIT_MS)
        if thread in self.threads:
            self.threads.remove(thread)
        if thread.error is None:
            self.opened.emit(thread.opening, self.release.kind, thread.detail)
        else:
            self.failed.emit(thread.opening, self.release.kind, thread.detail, thread.error)
        thread.deleteLater()

    def stop(self, timeout_ms: int = STOP_WAIT_MS) -> bool:
        """Cut pulses short (a relay still gets its "off"), quit and wait for each."""
        stop = getattr(self.release, "request_stop", None)
        if stop is not None:
            stop()
        ok = True
        for thread in list(self.threads):
            thread.quit()
            if not thread.wait(timeout_ms):
                log.error("a lane release did not finish in time")
                ok = False
        return ok
