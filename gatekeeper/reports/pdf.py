"""A small page-layout engine over QPdfWriter: paragraphs and tables, page by page.

Why not QTextDocument: a 10,000-row table takes it many seconds to lay out, and its
print path has no per-page footer. Here every row has one height, so pagination is
arithmetic: lay out once into per-page draw lists (so the page count M is known),
then paint, with the table header repeated on every page and a footer carrying
"page N of M" and the ledger's head hash, which ties the paper to the ledger.
Text is drawn as text (not paths), so `pdftotext` reads it back, Chinese included.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gatekeeper.domain import messages

FONT_FAMILY = "WenQuanYi Micro Hei"  # the CJK font packaging/apt-packages.txt installs
PAGE_OF = messages.entry("report.page_of")
HEAD = messages.entry("label.ledger_head")


def ensure_app() -> Any:
    """A Qt application for the font engine, offscreen when there is no screen.

    A full QApplication rather than a QGuiApplication, so a GUI (or pytest-qt) started
    later in the same process still finds the kind it needs.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["gatekeeper-report"])
    return app


@dataclass(frozen=True)
class Paragraph:
    text: str
    size: float = 10
    bold: bool = False
    space_after: float = 1.5  # mm


@dataclass(frozen=True)
class Table:
    """Rows of text cells; `widths` are relative; `right` the columns aligned right."""

    headers: list[str]
    rows: list[list[str]]
    widths: list[float]
    right: frozenset[int] = frozenset()
    size: float = 7.5
    space_after: float = 4  # mm


@dataclass
class _Page:
    ops: list[tuple[Any, ...]] = field(default_factory=list)


class _Layout:
    """Places blocks on pages as draw operations; only heights decide the page breaks."""

    def __init__(self, writer: Any, width: float, bottom: float, mm: float, font: Any) -> None:
        self.writer, self.width, self.bottom, self.mm, self.font = writer, width, bottom, mm, font
        self.pages = [_Page()]
        self.y = 0.0

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.y = 0.0

    def paragraph(self, block: Paragraph) -> None:
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QFontMetricsF

        f = self.font(block.size, block.bold)
        wrap = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        h = QFontMetricsF(f, self.writer).boundingRect(
            QRectF(0, 0, self.width, 10**6), int(Qt.TextFlag.TextWordWrap), block.text
        ).height()
        if self.y + h > self.bottom and self.y > 0:
            self.new_page()
        self.pages[-1].ops.append(("text", QRectF(0, self.y, self.width, h), f, block.text, wrap))
        self.y += h + block.space_after * self.mm

    def table(self, block: Table) -> None:
        """Rows of one height; the header again at the top of every page it runs onto."""
        from PySide6.QtCore import QRectF, Qt
        from PySide6.QtGui import QFontMetricsF

        f, fb = self.font(block.size), self.font(block.size, True)
        metrics = QFontMetricsF(f, self.writer)
        bold_metrics = QFontMetricsF(fb, self.writer)
        row_h = metrics.height() * 1.45
        # Text drawn at a baseline point (integer device units, 1/300 inch): much cheaper
        # than a rectangle with alignment flags, and this is 100,000 cells.
        baseline = (row_h - metrics.height()) / 2 + metrics.ascent()
        pad = 0.8 * self.mm
        total = sum(block.widths)
        ws = [self.width * w / total for w in block.widths]
        xs = [sum(ws[:i]) for i in range(len(ws))]
        inner = [w - 2 * pad for w in ws]
        fitted: dict[tuple[int, str], tuple[str, int]] = {}
        elide = Qt.TextElideMode.ElideRight

        def fit(col: int, text: str, m: QFontMetricsF = metrics) -> tuple[str, int]:
            """The text elided to its column, and its x (right-aligned columns too)."""
            key = (col, text)
            if key not in fitted:
                shown = m.elidedText(text, elide, inner[col])
                x = xs[col] + pad
                if col in block.right:
                    x += inner[col] - m.horizontalAdvance(shown)
                fitted[key] = (shown, int(x))
            return fitted[key]

        def header() -> None:
            ops = self.pages[-1].ops
            ops.append(("fill", QRectF(0, self.y, self.width, row_h)))
            ops.append(("font", fb))
            y = int(self.y + baseline)
            for i, text in enumerate(block.headers):
                shown, x = fit(i, text, bold_metrics)
                ops.append(("t", x, y, shown))
            ops.append(("font", f))
            self.y += row_h

        if self.y + 2 * row_h > self.bottom and self.y > 0:
            self.new_page()
        header()
        for row in block.rows:
            if self.y + row_h > self.bottom:
                self.new_page()
                header()
            ops = self.pages[-1].ops
            y = int(self.y + baseline)
            for i, text in enumerate(row):
                if text:
                    shown, x = fit(i, text)
                    ops.append(("t", x, y, shown))
            ops.append(("line", int(self.y + row_h)))
            self.y += row_h
        self.y += block.space_after * self.mm


def render_pdf(
    path: Path,
    blocks: list[Paragraph | Table],
    *,
    lang: str,
    footer: str,
    head_hash: str,
    landscape: bool = True,
    title: str = "",
) -> int:
    """Lay out and write the PDF at `path`; returns the number of pages."""
    ensure_app()
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontMetricsF,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QPen,
    )

    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("GateKeeper")
    orientation = QPageLayout.Orientation.Landscape if landscape else (
        QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(12, 12, 12, 10),
            QPageLayout.Unit.Millimeter,
        )
    )  # fmt: skip
    mm = writer.resolution() / 25.4
    width, height = float(writer.width()), float(writer.height())
    footer_font = QFont(FONT_FAMILY)
    footer_font.setPointSizeF(7)
    footer_h = QFontMetricsF(footer_font, writer).height() * 2 + 3 * mm
    bottom = height - footer_h

    fonts: dict[tuple[float, bool], QFont] = {}

    def font(size: float, bold: bool = False) -> QFont:
        key = (size, bold)
        if key not in fonts:
            f = QFont(FONT_FAMILY)
            f.setPointSizeF(size)
            f.setBold(bold)
            fonts[key] = f
        return fonts[key]

    layout = _Layout(writer, width, bottom, mm, font)
    for block in blocks:
        if isinstance(block, Paragraph):
            layout.paragraph(block)
        else:
            layout.table(block)
    pages = layout.pages
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    total_pages = len(pages)
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        grid = QPen(QColor("#bbbbbb"))
        grid.setWidthF(0.15 * mm)
        ink = QPen(QColor("black"))
        shade = QColor("#e8efe9")
        for number, page in enumerate(pages, start=1):
            if number > 1:
                writer.newPage()
            current_font = None
            draw = painter.drawText
            for op in page.ops:
                if op[0] == "t":
                    draw(op[1], op[2], op[3])
                elif op[0] == "font":
                    painter.setFont(op[1])
                    current_font = op[1]
                elif op[0] == "text":
                    _, rect, f, text, flags = op
                    if f is not current_font:
                        painter.setFont(f)
                        current_font = f
                    painter.drawText(rect, flags, text)
                elif op[0] == "fill":
                    painter.fillRect(op[1], shade)
                else:
                    painter.setPen(grid)
                    painter.drawLine(0, op[1], int(width), op[1])
                    painter.setPen(ink)
            painter.setFont(footer_font)
            line_h = QFontMetricsF(footer_font, writer).height()
            top = height - 2 * line_h
            painter.drawText(QRectF(0, top, width, line_h), left,
                             f"{HEAD.format(lang)}: {head_hash}")  # fmt: skip
            painter.drawText(QRectF(0, top + line_h, width, line_h), left, footer)
            painter.drawText(QRectF(0, top + line_h, width, line_h), right,
                             PAGE_OF.format(lang, n=number, m=total_pages))  # fmt: skip
    finally:
        painter.end()
    return total_pages
