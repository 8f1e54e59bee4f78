"""Render the app icon, resources/icons/gatekeeper.svg, to gatekeeper.png (256 px).

    .venv/bin/python packaging/make_icon.py [--size 256]

The SVG is hand-written and committed; the PNG (for the .desktop file, window managers
that ignore SVG, and PyInstaller) is drawn from it with QtSvg, off screen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"


def render(svg: Path, png: Path, size: int) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
    finally:
        painter.end()
    if not image.save(str(png), "PNG"):
        raise OSError(f"cannot write {png}")
    return png


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=256)
    args = parser.parse_args(argv)
    png = render(ICONS / "gatekeeper.svg", ICONS / "gatekeeper.png", args.size)
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
