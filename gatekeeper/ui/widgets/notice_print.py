"""The site notice on paper, or as a PDF when no printer is attached.

The notice is laid out by ``QTextDocument`` in the kiosk's CJK-capable font (Chinese
first in the family list, see ``theme.FONT_FAMILIES``): a title, then the text, one
paragraph per blank-line-separated block, lines kept as they are within a block.

Threading: call these on the UI thread. One page renders in tens of milliseconds
(``tests/ui/test_widgets_notice_print.py`` measures it); a real printer only spools
the job (CUPS queues it and returns), it does not wait for paper. A worker thread
would buy nothing measurable and would cost a lot: ``QPrinter`` set-up and any
``QPrintDialog`` belong to the GUI thread, fonts are shared with the GUI, and a pool
task still running at the end of a screening (or a test) is a leak to manage. If a
site ever prints long documents, move ``print_notice`` into a ``QRunnable`` then;
QPainter on a QPrinter is allowed off the GUI thread.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from gatekeeper.services.atomic import atomic_output
from gatekeeper.ui import theme

TITLE_POINTS = 18
BODY_POINTS = 12
MARGIN_MM = 20


def notice_font() -> QFont:
    """The notice's body font: the kiosk's families, in points (pixels mean nothing on paper)."""
    font = QFont()
    font.setFamilies(list(theme.FONT_FAMILIES))
    font.setPointSize(BODY_POINTS)
    return font


def notice_html(text: str, title: str) -> str:
    """The notice as simple HTML: a heading and paragraphs; the text is escaped, never markup."""
    blocks = [block.strip("\n") for block in text.replace("\r\n", "\n").split("\n\n")]
    paragraphs = "".join(
        "<p>{}</p>".format(html.escape(block).replace("\n", "<br/>"))
        for block in blocks
        if block.strip()
    )
    return (
        f'<h1 style="font-size:{TITLE_POINTS}pt; font-weight:bold;">{html.escape(title)}</h1>'
        f'<div style="font-size:{BODY_POINTS}pt; line-height:150%;">{paragraphs}</div>'
    )


def print_notice(text: str, title: str, printer: QPrinter) -> None:
    """Render the notice onto `printer` (a real printer, or one set to PDF output).

    The printer's page size and margins are used as they are; ``notice_to_pdf`` sets
    A4 with 20 mm margins. Multi-page text flows onto further pages.
    """
    document = QTextDocument()
    document.setDefaultFont(notice_font())
    document.setDocumentMargin(0)
    document.setHtml(notice_html(text, title))
    page = printer.pageLayout().paintRectPoints()
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(printer)


def notice_to_pdf(text: str, title: str, path: Path) -> Path:
    """Write the notice to a PDF at `path` (A4); works with no printer and off screen.

    Returns `path`. Raises OSError when the file could not be written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setCreator("GateKeeper")
    printer.setDocName(title)
    with atomic_output(path) as tmp:  # owner-only, complete or not there at all
        printer.setOutputFileName(str(tmp))
        print_notice(text, title, printer)
        if tmp.stat().st_size == 0:
            raise OSError(f"could not write the notice PDF to {path}")
    return path
