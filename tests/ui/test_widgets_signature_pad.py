"""The signature pad: mouse, touch and pen ink; undo, clear; the PNG it stores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gatekeeper.ui.widgets.signature_pad import (
    INK_WIDTH,
    MIN_HEIGHT,
    MIN_WIDTH,
    PEN_MAX_WIDTH,
    PEN_MIN_WIDTH,
    SignaturePad,
    pen_width,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def pad(qtbot) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _mouse(widget, kind: QEvent.Type, x: float, y: float, button, buttons) -> None:
    # QTest.mouseMove cannot hold a button down: send the events ourselves.
    pos = QPointF(x, y)
    event = QMouseEvent(
        kind, pos, widget.mapToGlobal(pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def draw_with_mouse(widget, points: list[tuple[float, float]]) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    _mouse(widget, QEvent.Type.MouseButtonPress, *points[0], left, left)
    for x, y in points[1:]:
        _mouse(widget, QEvent.Type.MouseMove, x, y, none, left)
    _mouse(widget, QEvent.Type.MouseButtonRelease, *points[-1], left, none)


def decode(png: bytes) -> QImage:
    image = QImage()
    assert image.loadFromData(png, "PNG")
    return image


def dark_pixels(image: QImage) -> int:
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y).lightness() < 100:
                count += 1
    return count


def test_starts_empty_with_minimum_size_and_no_focus(pad: SignaturePad) -> None:
    assert pad.is_empty()
    assert pad.minimumSize().width() >= MIN_WIDTH >= 480
    assert pad.minimumSize().height() >= MIN_HEIGHT >= 200
    assert pad.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert pad.placeholder_text() == "Sign here"
    with pytest.raises(ValueError):
        pad.to_png()


def test_mouse_stroke_is_ink_and_png_has_it(pad: SignaturePad, qtbot) -> None:
    with qtbot.waitSignal(pad.changed, timeout=1000):
        draw_with_mouse(pad, [(100, 100), (150, 120), (200, 100), (260, 140)])
    assert not pad.is_empty()
    assert pad.stroke_count() == 1
    png = pad.to_png()
    assert png.startswith(PNG_SIGNATURE)
    image = decode(png)
    # Cropped: about the ink's extent (160 x 40) plus margins, not the pad's 600 x 260.
    assert 160 <= image.width() < 260
    assert 40 <= image.height() < 120
    # White background at the corners, dark ink somewhere inside.
    assert image.pixelColor(0, 0).lightness() == 255
    assert image.pixelColor(image.width() - 1, image.height() - 1).lightness() == 255
    assert dark_pixels(image) > 100


def test_moves_without_a_button_draw_nothing(pad: SignaturePad) -> None:
    none = Qt.MouseButton.NoButton
    _mouse(pad, QEvent.Type.MouseMove, 100, 100, none, none)
    _mouse(pad, QEvent.Type.MouseMove, 200, 100, none, none)
    right = Qt.MouseButton.RightButton
    _mouse(pad, QEvent.Type.MouseButtonPress, 100, 100, right, right)
    _mouse(pad, QEvent.Type.MouseButtonRelease, 100, 100, right, none)
    assert pad.is_empty()


def test_a_tap_is_a_dot(pad: SignaturePad) -> None:
    draw_with_mouse(pad, [(300, 120)])
    image = decode(pad.to_png())
    assert dark_pixels(image) >= 4


def test_undo_removes_the_last_stroke_then_clear_removes_all(pad: SignaturePad, qtbot) -> None:
    draw_with_mouse(pad, [(100, 100), (200, 100)])
    draw_with_mouse(pad, [(100, 150), (200, 150)])
    draw_with_mouse(pad, [(300, 60), (300, 180)])
    assert pad.stroke_count() == 3
    tall = decode(pad.to_png()).height()
    with qtbot.waitSignal(pad.changed, timeout=1000):
        pad.undo_stroke()
    assert pad.stroke_count() == 2
    assert decode(pad.to_png()).height() < tall  # the vertical stroke is gone
    with qtbot.waitSignal(pad.changed, timeout=1000):
        pad.clear()
    assert pad.is_empty()
    # Nothing to undo or clear: no signal.
    with qtbot.assertNotEmitted(pad.changed):
        pad.undo_stroke()
        pad.clear()


def test_touch_draws_one_stroke_per_finger(pad: SignaturePad, qtbot) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(100, 100)).press(1, QPoint(100, 180))
    QTest.touchEvent(pad, device).move(0, QPoint(200, 110)).move(1, QPoint(200, 170))
    QTest.touchEvent(pad, device).move(0, QPoint(300, 100)).move(1, QPoint(300, 180))
    with qtbot.waitSignal(pad.changed, timeout=1000):
        QTest.touchEvent(pad, device).release(0, QPoint(300, 100)).release(1, QPoint(300, 180))
    assert pad.stroke_count() == 2
    image = decode(pad.to_png())
    assert image.width() >= 200 and image.height() >= 80
    assert dark_pixels(image) > 200


def _tablet(widget, device, kind: QEvent.Type, x: float, y: float, pressure: float) -> None:
    pos = QPointF(x, y)
    buttons = (
        Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
    )
    event = QTabletEvent(
        kind, device, pos, widget.mapToGlobal(pos), pressure, 0.0, 0.0, 0.0, 0.0, 0.0,
        Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons,
    )  # fmt: skip
    QApplication.sendEvent(widget, event)


def test_pen_pressure_sets_the_width(pad: SignaturePad, qtbot) -> None:
    assert pen_width(0.0) == PEN_MIN_WIDTH
    assert pen_width(1.0) == PEN_MAX_WIDTH
    assert pen_width(7.0) == PEN_MAX_WIDTH
    assert PEN_MIN_WIDTH < INK_WIDTH < PEN_MAX_WIDTH
    stylus = QPointingDevice(
        "test stylus", 42, QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen, QInputDevice.Capability.Pressure, 1, 3,
    )  # fmt: skip
    _tablet(pad, stylus, QEvent.Type.TabletPress, 100, 80, 0.05)
    _tablet(pad, stylus, QEvent.Type.TabletMove, 300, 80, 0.05)
    with qtbot.waitSignal(pad.changed, timeout=1000):
        _tablet(pad, stylus, QEvent.Type.TabletRelease, 300, 80, 0.0)
    light = dark_pixels(decode(pad.to_png()))
    pad.clear()
    _tablet(pad, stylus, QEvent.Type.TabletPress, 100, 80, 1.0)
    _tablet(pad, stylus, QEvent.Type.TabletMove, 300, 80, 1.0)
    _tablet(pad, stylus, QEvent.Type.TabletRelease, 300, 80, 0.0)
    assert pad.stroke_count() == 1
    heavy = dark_pixels(decode(pad.to_png()))
    assert heavy > 2 * light


def test_renders_placeholder_and_ink(pad: SignaturePad) -> None:
    empty = pad.grab().toImage()
    draw_with_mouse(pad, [(100, 100), (400, 100)])
    signed = pad.grab().toImage()
    assert empty != signed


def test_placeholder_in_chinese(pad: SignaturePad, languages) -> None:
    assert languages.set_language("zh_CN")
    assert pad.placeholder_text() == "请在此签名"
    languages.set_language("en")
    assert pad.placeholder_text() == "Sign here"
