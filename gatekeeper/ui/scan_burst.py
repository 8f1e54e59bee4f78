"""USB scanners, keyboard-output thermometers and fast typists all type: a fast burst of
keys ending in Enter is a code scan only where a code is expected, and text elsewhere.

An application-wide event filter holds printable key presses back for a moment. Keys
that keep coming faster than a person types (< 30 ms apart) and end in Enter are a
burst. A burst aimed at a field that takes text (a certificate number or date, an ID
number, a plate, a temperature: `takes_typing`) is given to that field with its Enter,
exactly as if a person had typed it. Anywhere else (a field marked with
`mark_code_field`, such as the QR step's code field, or a page with no text field in
focus) it becomes one `scanned(text)`, and neither its keys nor its Enter reach the
widget. Slower keys are replayed to the widget they were meant for, unchanged, so typing
by hand works as before (delayed by at most a few tens of ms).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

MAX_GAP_S = 0.030  # typical gate scanners type a key every 2-20 ms; people need 80+ ms
MIN_LENGTH = 4  # shorter bursts are a fast typist's double key, not a code

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_HOLD_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
CODE_FIELD = "gatekeeperCodeField"  # the widget property `mark_code_field` sets


def mark_code_field(widget: QWidget) -> None:
    """`widget` is where a code is expected (QR step, site pass, rounds search): a burst
    aimed at it is a scan, handled by the page's flow, and is not typed into it."""
    widget.setProperty(CODE_FIELD, True)


def takes_typing(widget: QObject | None) -> bool:
    """Whether a burst aimed at `widget` is text for it: an enabled, editable text field
    that is not a code field. A keyboard-output device typing there is a keyboard."""
    if not isinstance(widget, QWidget) or widget.property(CODE_FIELD):
        return False
    if not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
        return not widget.isReadOnly()
    return False


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
            if takes_typing(self._target):
                self.flush()  # a device typing into a text field: the text is the field's
                return False  # and so is its Enter, as a person's would be
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
