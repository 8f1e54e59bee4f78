"""The QR step's live preview: camera frames with the found code outlined, decoded off
the UI thread, and a plain message when there is no camera (typed input still works).

A `CameraThread` (QThread) runs the plain-Python `CameraWorker` loop; it hands over only
the newest frame (never a queue), so a slow screen cannot make decoding fall behind.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QCoreApplication, QPointF, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from gatekeeper.scanner.camera import STATE_TEXT, CameraState, CameraWorker, FrameResult
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.translations import current_lang


class CameraThread(QThread):
    """Capture + decode on its own thread; signals carry results to the UI thread."""

    frameReady = Signal()
    resultFound = Signal(str)
    stateChanged = Signal(str)

    def __init__(self, spec: str | int, *, realtime: bool = True, loop: bool = False,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._lock = threading.Lock()
        self._latest: FrameResult | None = None
        self.worker = CameraWorker(
            spec,
            on_frame=self._on_frame,
            on_result=lambda text, _code: self.resultFound.emit(text),
            on_state=lambda state: self.stateChanged.emit(state.value),
            realtime=realtime,
            loop=loop,
        )

    def run(self) -> None:
        self.worker.run()

    def _on_frame(self, result: FrameResult) -> None:
        with self._lock:
            pending = self._latest is not None
            self._latest = result
        if not pending:
            self.frameReady.emit()

    def take_latest(self) -> FrameResult | None:
        with self._lock:
            latest, self._latest = self._latest, None
        return latest

    def stop(self) -> None:
        """Stop flag, then wait: the thread has ended when this returns."""
        self.worker.request_stop()
        self.wait()


def frame_to_image(frame: np.ndarray) -> QImage:
    """A QImage that owns its pixels (the numpy buffer may be reused by the next frame)."""
    frame = np.ascontiguousarray(frame)
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        fmt, line = QImage.Format.Format_Grayscale8, width
    else:
        fmt, line = QImage.Format.Format_BGR888, width * 3
    return QImage(frame.data, width, height, line, fmt).copy()


class CameraView(QWidget):
    """Preview + status message + a field for typing the code; emits `scanned(text)`."""

    scanned = Signal(str)
    frameShown = Signal()

    def __init__(self, spec: str | int | None = None, parent: QWidget | None = None, *,
                 realtime: bool = True, loop: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.spec = spec
        self.realtime = realtime
        self.loop = loop
        self.thread_: CameraThread | None = None
        self.state = CameraState.STOPPED
        self.frames_shown = 0
        self.preview = PlainLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 180)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.message = PlainLabel(self)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.typed = QLineEdit(self)
        self.typed.returnPressed.connect(self._typed_entered)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.typed)
        self.retranslate()

    def retranslate(self) -> None:
        self.typed.setPlaceholderText(
            QCoreApplication.translate("CameraView", "Or type the code and press Enter")
        )
        self._show_state(self.state)

    # --- camera control -----------------------------------------------------------------

    def start(self) -> None:
        if self.spec is None or self.thread_ is not None:
            self._show_state(CameraState.MISSING if self.spec is None else self.state)
            return
        thread = CameraThread(self.spec, realtime=self.realtime, loop=self.loop, parent=self)
        thread.frameReady.connect(self._show_latest)
        thread.resultFound.connect(self.scanned)
        # Bound slots, not lambdas: a lambda would run on the camera thread and touch widgets.
        thread.stateChanged.connect(self._state_changed)
        self.thread_ = thread
        thread.start()

    def stop(self) -> None:
        thread, self.thread_ = self.thread_, None
        if thread is not None:
            thread.stop()
            thread.deleteLater()
        self._show_state(CameraState.STOPPED)

    def closeEvent(self, event) -> None:
        self.stop()
        super().closeEvent(event)

    # --- showing ------------------------------------------------------------------------

    @Slot(str)
    def _state_changed(self, value: str) -> None:
        self._show_state(CameraState(value))

    def _show_state(self, state: CameraState) -> None:
        self.state = state
        # The state texts are the scanner's, from the domain catalogue (written once), in
        # the language the screen speaks; retranslate() re-renders them on a switch.
        self.message.setText(STATE_TEXT[state].pick(current_lang()))
        if state is not CameraState.LIVE:
            self.preview.clear()

    @Slot()
    def _show_latest(self) -> None:
        if self.thread_ is None:
            return
        latest = self.thread_.take_latest()
        if latest is None:
            return
        image = frame_to_image(latest.frame)
        if latest.codes:
            painter = QPainter(image)
            try:
                painter.setPen(QPen(QColor("#00c853"), max(3, image.width() // 200)))
                for code in latest.codes:
                    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in code.corners]))
            finally:
                painter.end()
        size = self.preview.size()
        self.preview.setPixmap(
            QPixmap.fromImage(image).scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation,
            )
        )  # fmt: skip
        self.frames_shown += 1
        self.frameShown.emit()

    def _typed_entered(self) -> None:
        text = self.typed.text().strip()
        if text:
            self.typed.clear()
            self.scanned.emit(text)
