"""The pledge's signature: drawn with a finger, a stylus or a mouse, stored as a PNG.

Input: mouse (left button), touch (each finger its own stroke) and tablet pens
(``QTabletEvent``; the pen's pressure sets the ink width). Touch and tablet events are
accepted here, so Qt does not also synthesise mouse events for them (no double ink).

The pad takes no keyboard focus: a USB scanner or thermometer typing into the
screen's focused field must not have its focus stolen by a touch on the pad.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from gatekeeper.ui import theme
from gatekeeper.ui.translations import Retranslating

MIN_WIDTH = 480
MIN_HEIGHT = 200
INK_WIDTH = 3.5  # mouse and touch: no pressure, one width
PEN_MIN_WIDTH = 1.5  # tablet pen at the lightest touch ...
PEN_MAX_WIDTH = 7.0  # ... and pressed hard
PNG_MARGIN = 16  # white space kept around the ink in the PNG
BASELINE_FROM_BOTTOM = 0.28  # the baseline sits this fraction of the height above the bottom


@dataclass
class Stroke:
    """One continuous line of ink: points in widget coordinates, each with its width."""

    points: list[QPointF] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)

    def add(self, point: QPointF, width: float) -> None:
        # A pointer that has not moved adds nothing but cost.
        if self.points and self.points[-1] == point:
            self.widths[-1] = max(self.widths[-1], width)
            return
        self.points.append(QPointF(point))
        self.widths.append(width)

    def bounds(self) -> QRectF:
        xs = [p.x() for p in self.points]
        ys = [p.y() for p in self.points]
        pad = max(self.widths) / 2
        return QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                      max(ys) - min(ys) + 2 * pad)  # fmt: skip


def pen_width(pressure: float) -> float:
    """The ink width for a tablet pen's pressure (0..1; out-of-range values are clamped)."""
    pressure = min(max(pressure, 0.0), 1.0)
    return PEN_MIN_WIDTH + pressure * (PEN_MAX_WIDTH - PEN_MIN_WIDTH)


def paint_strokes(painter: QPainter, strokes: list[Stroke], colour: QColor) -> None:
    """Draw `strokes` with round ends; each segment takes the mean width of its two ends."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    for stroke in strokes:
        points, widths = stroke.points, stroke.widths
        if len(points) == 1:  # a dot: a tap, or the dot of an i
            pen.setWidthF(widths[0])
            painter.setPen(pen)
            painter.drawPoint(points[0])
            continue
        for i in range(1, len(points)):
            pen.setWidthF((widths[i - 1] + widths[i]) / 2)
            painter.setPen(pen)
            painter.drawLine(points[i - 1], points[i])


class SignaturePad(Retranslating, QWidget):
    """A white pad with a baseline; shows "Sign here" until the first stroke.

    ``changed`` is emitted when a stroke is finished, and after ``clear()`` and
    ``undo_stroke()`` when they changed something: the screen enables its "confirm"
    button on ``not pad.is_empty()``.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[Stroke] = []
        self._mouse_stroke: Stroke | None = None
        self._pen_stroke: Stroke | None = None
        self._touch_strokes: dict[int, Stroke] = {}  # touch point id -> its stroke
        self.retranslate()

    # --- the API the pledge screen uses ------------------------------------------------

    def is_empty(self) -> bool:
        """True until a stroke has been drawn (strokes still being drawn count)."""
        return not self._strokes

    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        """Remove all ink (the "clear" button; also before the next person signs)."""
        was_empty = self.is_empty()
        self._strokes.clear()
        self._mouse_stroke = self._pen_stroke = None
        self._touch_strokes.clear()
        self.update()
        if not was_empty:
            self.changed.emit()

    def undo_stroke(self) -> None:
        """Remove the last stroke (the "redo"/"undo" button); nothing happens when empty."""
        if not self._strokes:
            return
        last = self._strokes.pop()
        # A stroke still under the finger is dropped from input too.
        if last is self._mouse_stroke:
            self._mouse_stroke = None
        if last is self._pen_stroke:
            self._pen_stroke = None
        self._touch_strokes = {k: s for k, s in self._touch_strokes.items() if s is not last}
        self.update()
        self.changed.emit()

    def to_png(self) -> bytes:
        """The signature as PNG bytes: black ink on white, cropped to the ink plus a margin.

        Raises ValueError when the pad is empty (check ``is_empty()`` first).
        """
        if self.is_empty():
            raise ValueError("the signature pad is empty")
        bounds = QRectF()
        for stroke in self._strokes:
            bounds = bounds.united(stroke.bounds())
        bounds = bounds.adjusted(-PNG_MARGIN, -PNG_MARGIN, PNG_MARGIN, PNG_MARGIN)
        size = QSize(int(bounds.width()) + 1, int(bounds.height()) + 1)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.translate(-bounds.topLeft())
            paint_strokes(painter, self._strokes, QColor("black"))
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise RuntimeError("could not encode the signature as PNG")
        buffer.close()
        return bytes(data.data())

    # --- text ---------------------------------------------------------------------------

    def placeholder_text(self) -> str:
        return QCoreApplication.translate("SignaturePad", "Sign here")

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("SignaturePad", "Signature"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "SignaturePad", "Sign with your finger or the pen above the line"
            )
        )
        self.update()

    # --- drawing -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(MIN_WIDTH + 160, MIN_HEIGHT + 60)

    def baseline_y(self) -> float:
        return self.height() * (1 - BASELINE_FROM_BOTTOM)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor(theme.SURFACE))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            # The frame.
            frame = QPen(QColor(theme.BORDER))
            frame.setWidth(2)
            painter.setPen(frame)
            painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1),
                                    theme.RADIUS, theme.RADIUS)  # fmt: skip
            # The baseline, with a cross where the signature starts.
            y = self.baseline_y()
            left, right = theme.SPACE_XL, self.width() - theme.SPACE_XL
            line = QPen(QColor(theme.TEXT_MUTED))
            line.setWidth(2)
            painter.setPen(line)
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            cross = theme.SPACE_S
            cx = left - theme.SPACE_M
            painter.drawLine(QPointF(cx - cross, y - 2 * cross), QPointF(cx + cross, y - 0))
            painter.drawLine(QPointF(cx - cross, y), QPointF(cx + cross, y - 2 * cross))
            if self.is_empty() and not self._in_progress():
                font = QFont(self.font())
                font.setFamilies(list(theme.FONT_FAMILIES))
                font.setPixelSize(theme.FONT_SUBTITLE)
                painter.setFont(font)
                painter.setPen(QColor(theme.TEXT_MUTED))
                text_rect = QRectF(left, 0, right - left, y - theme.SPACE_S)
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self.placeholder_text())
            ink = [*self._strokes]
            ink += [s for s in self._live_strokes() if s not in ink]
            paint_strokes(painter, ink, QColor(theme.TEXT))
        finally:
            painter.end()

    # --- input ---------------------------------------------------------------------------

    def _live_strokes(self) -> list[Stroke]:
        live = [self._mouse_stroke, self._pen_stroke, *self._touch_strokes.values()]
        return [s for s in live if s is not None]

    def _in_progress(self) -> bool:
        return bool(self._live_strokes())

    def _begin(self, point: QPointF, width: float) -> Stroke:
        stroke = Stroke()
        stroke.add(point, width)
        self._strokes.append(stroke)
        self.update()
        return stroke

    def _extend(self, stroke: Stroke | None, point: QPointF, width: float) -> None:
        if stroke is not None:
            stroke.add(point, width)
            self.update()

    def _finish(self) -> None:
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._mouse_stroke = self._begin(event.position(), INK_WIDTH)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._mouse_stroke is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(self._mouse_stroke, event.position(), INK_WIDTH)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._mouse_stroke is None:
            event.ignore()
            return
        self._extend(self._mouse_stroke, event.position(), INK_WIDTH)
        self._mouse_stroke = None
        self._finish()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        width = pen_width(event.pressure())
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._pen_stroke = self._begin(event.position(), width)
        elif kind == QEvent.Type.TabletMove:
            if self._pen_stroke is not None:
                self._extend(self._pen_stroke, event.position(), width)
        elif kind == QEvent.Type.TabletRelease and self._pen_stroke is not None:
            self._pen_stroke = None
            self._finish()
        event.accept()  # no synthesised mouse events for the pen

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            self._touch(event)  # type: ignore[arg-type]
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            # The system took the touch away (a gesture, a dialog): drop what it drew.
            cancelled = set(map(id, self._touch_strokes.values()))
            self._strokes = [s for s in self._strokes if id(s) not in cancelled]
            self._touch_strokes.clear()
            self.update()
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        finished = False
        for point in event.points():
            state = point.state()
            key = point.id()
            if state == QEventPoint.State.Pressed:
                self._touch_strokes[key] = self._begin(point.position(), INK_WIDTH)
            elif state == QEventPoint.State.Released:
                stroke = self._touch_strokes.pop(key, None)
                if stroke is not None:
                    self._extend(stroke, point.position(), INK_WIDTH)
                    finished = True
            elif state == QEventPoint.State.Updated:
                self._extend(self._touch_strokes.get(key), point.position(), INK_WIDTH)
        if finished:
            self._finish()
