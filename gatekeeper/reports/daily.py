"""The printable daily ledger report: title, site, date, the figures, every screening,
page numbers and the ledger head hash in every footer."""

from __future__ import annotations

from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.reports.pdf import Paragraph, Table, render_pdf
from gatekeeper.services.exports import (
    HEAD_LABEL,
    TITLE,
    DailyExport,
    ExportRow,
    figure_lines,
    headers,
)

SITE = messages.entry("label.site")
DATE = messages.entry("label.date")
MASKED = messages.entry("report.daily.masked")
FULL = messages.entry("report.daily.full")
WIDTHS = [13, 7, 7, 15, 10, 7, 18, 7, 13, 9, 7, 8]


def _texts(row: ExportRow, lang: str) -> list[str]:
    """The row as cell texts: the time of day (the date is the report's), one decimal."""
    values = row.values(lang)
    values[0] = f"{row.at:%H:%M:%S}"
    values[7] = "" if row.temperature is None else f"{row.temperature:.1f}"
    return values


def write_daily_pdf(export: DailyExport, path: Path) -> int:
    """Write the day's report to `path` (the caller makes it atomic); returns pages."""
    lang = export.lang
    figures = "    ".join(
        f"{label.strip()}: {n}" for label, n in figure_lines(export.figures, len(export.rows), lang)
    )
    blocks: list[Paragraph | Table] = [
        Paragraph(TITLE.format(lang), size=16, bold=True),
        Paragraph(f"{SITE.format(lang)}: {export.site}    {DATE.format(lang)}: {export.day}"),
        Paragraph(figures, size=9),
        Paragraph(f"{HEAD_LABEL.format(lang)}: {export.head} ({export.records})", size=8),
        Paragraph((FULL if export.full else MASKED).format(lang), size=8, space_after=3),
        Table(
            headers(lang),
            [_texts(row, lang) for row in export.rows],
            WIDTHS,
            right=frozenset({7}),
        ),
    ]
    return render_pdf(
        path, blocks, lang=lang, head_hash=export.head, title=TITLE.format(lang),
        footer=f"GateKeeper · {TITLE.format(lang)} · {export.site} · {export.day}",
    )  # fmt: skip
