"""The printable pass badge: name, photo placeholder, QR code, validity (PNG).

Drawn with Qt's painter (offscreen, no window), because names are Chinese and only a
real font engine draws them; the QR modules come from zxing-cpp's encoder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import zxingcpp

from gatekeeper.domain import messages
from gatekeeper.services.atomic import OutputRefused, atomic_output

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

BADGE_W, BADGE_H = 640, 1000


def _both(key: str, between: str) -> str:
    """A badge line in both languages at once, Chinese first (`工地通行证 Site pass`)."""
    entry = messages.entry(key)
    return f"{entry.zh_CN}{between}{entry.en}"


def _app() -> object:
    """A Qt application for the font engine: a full QApplication (not QGuiApplication),
    so a GUI started later in the same process still finds the kind it needs."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["gatekeeper-badge"])
    return app


def render_badge(
    path: Path, *, payload: str, name: str, employer: str, valid_until: str, site_id: str
) -> None:
    """Write the badge PNG to `path` (the QR is big enough for a phone or a gate camera)."""
    badge = badge_image(
        payload=payload, name=name, employer=employer, valid_until=valid_until, site_id=site_id
    )
    with atomic_output(path) as tmp:  # owner-only, never over a database
        if not badge.save(str(tmp), "PNG"):
            raise OutputRefused(Path(path), "cannot_write")


def badge_image(
    *, payload: str, name: str, employer: str, valid_until: str, site_id: str
) -> QImage:
    """The badge as a QImage (BADGE_W x BADGE_H): what `render_badge` saves, what the
    manager console shows and prints."""
    _app()
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

    qr = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    modules = zxingcpp.write_barcode_to_image(qr, scale=1, add_quiet_zones=True)
    bits = np.ascontiguousarray(np.asarray(modules), dtype=np.uint8)
    side = bits.shape[0]
    qimage = QImage(bits.data, side, side, side, QImage.Format.Format_Grayscale8).copy()

    badge = QImage(BADGE_W, BADGE_H, QImage.Format.Format_RGB32)
    badge.fill(QColor("white"))
    painter = QPainter(badge)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(0, 0, BADGE_W, 90, QColor("#1f5f3f"))
        painter.setPen(QColor("white"))
        painter.setFont(QFont("WenQuanYi Micro Hei", 26, QFont.Weight.Bold))
        title = _both("badge.title", " ")
        painter.drawText(QRect(0, 0, BADGE_W, 90), Qt.AlignmentFlag.AlignCenter, title)
        painter.setPen(QPen(QColor("#888888"), 3, Qt.PenStyle.DashLine))
        painter.drawRect(40, 120, 200, 250)
        painter.setFont(QFont("WenQuanYi Micro Hei", 14))
        photo = _both("badge.photo", "\n")
        painter.drawText(QRect(40, 120, 200, 250), Qt.AlignmentFlag.AlignCenter, photo)
        painter.setPen(QColor("black"))
        painter.setFont(QFont("WenQuanYi Micro Hei", 30, QFont.Weight.Bold))
        painter.drawText(QRect(270, 130, 340, 80), Qt.AlignmentFlag.AlignLeft, name)
        painter.setFont(QFont("WenQuanYi Micro Hei", 16))
        painter.drawText(QRect(270, 220, 340, 60), Qt.AlignmentFlag.AlignLeft, employer)
        validity = f"{_both('badge.valid_until', ' ')}\n{valid_until}"
        painter.drawText(QRect(270, 290, 340, 60), Qt.AlignmentFlag.AlignLeft, validity)
        scaled = qimage.scaled(520, 520, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.FastTransformation)  # fmt: skip
        painter.drawImage((BADGE_W - scaled.width()) // 2, 410, scaled)
        painter.setFont(QFont("WenQuanYi Micro Hei", 11))
        painter.drawText(QRect(0, 940, BADGE_W, 40), Qt.AlignmentFlag.AlignCenter, site_id)
    finally:
        painter.end()
    return badge
