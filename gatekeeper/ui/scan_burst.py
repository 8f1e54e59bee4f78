"""USB scanners are keyboards: a fast burst of keys ending in Enter is a scan, wherever
the focus is, and it must never land in a form field.

An application-wide event filter holds printable key presses back for a moment. Keys
that keep coming faster than a person types (< 30 ms apart) and end in Enter become one
`scanned(text)`; otherwise the held keys are replayed to the widget they were meant for,
unchanged, so typing by hand works as before (delayed by at most a few tens of ms).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

MAX_GAP_S = 0.030  # typical gate scanners type a key every 2-20 ms; people need 80+ ms
MIN_LENGTH = 4  # shorter bursts are a fast typist's double key, not a code

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_HOLD_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class ScanBurstFilter(QObject):
    """Install with `app.installEventFilter(f)`; connect `scanned`. `clock` is for tests."""

    scanned = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_gap: float = MAX_GAP_S,
        min_length: int = MIN_LENGTH,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.max_gap = max_gap
        self.min_length = min_length
        self._held: list[QKeyEvent] = []
        self._target: QObject | None = None
        self._last = 0.0
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._maybe_flush)

    # --- the filter ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._replaying
            or event.type() != QEvent.Type.KeyPress
            or not watched.isWidgetType()
        ):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        now = self.clock()
        if self._held and (now - self._last > self.max_gap or watched is not self._target):
            self.flush()  # too slow (or another widget): a person typing
        if key_event.key() in _ENTER:
            return self._enter(now)
        text = key_event.text()
        if not text or not text.isprintable() or key_event.modifiers() & _HOLD_MODIFIERS:
            self.flush()
            return False
        if not self._held:
            self._target = watched
        self._held.append(
            QKeyEvent(key_event.type(), key_event.key(), key_event.modifiers(), text,
                      key_event.isAutoRepeat(), key_event.count())
        )  # fmt: skip
        self._last = now
        self._timer.start(int(self.max_gap * 1000) + 20)
        return True

    def _enter(self, now: float) -> bool:
        if len(self._held) >= self.min_length and now - self._last <= self.max_gap:
            text = "".join(e.text() for e in self._held)
            self._held.clear()
            self._target = None
            self._timer.stop()
            self.scanned.emit(text)
            return True  # the scanner's Enter must not submit the focused form
        self.flush()
        return False

    # --- giving typed keys back ---------------------------------------------------------

    def _maybe_flush(self) -> None:
        """Timer: replay only when the (injected) clock says the burst really stopped."""
        if self._held and self.clock() - self._last > self.max_gap:
            self.flush()
        elif self._held:
            self._timer.start(int(self.max_gap * 1000) + 20)

    def flush(self) -> None:
        """Replay held keys to their widget: they were typed by a person."""
        held, target = self._held, self._target
        self._held, self._target = [], None
        self._timer.stop()
        if not held or target is None:
            return
        self._replaying = True
        try:
            for event in held:
                QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False

    @property
    def pending(self) -> str:
        return "".join(e.text() for e in self._held)
