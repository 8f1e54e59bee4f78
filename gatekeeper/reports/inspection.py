"""The inspection report for a date range: figures per day, quarantine cases opened
and closed, and the chain's head and verify verdict — printed in every footer, so a
report taken away can be matched to the ledger later (`gatekeeper verify` prints the
same head while nothing has been appended since)."""

from __future__ import annotations

from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import QuarantineDecision
from gatekeeper.reports.pdf import Paragraph, Table, render_pdf
from gatekeeper.services.exports import reason_label
from gatekeeper.services.review import InspectionData

TITLE = messages.entry("report.inspection.title")
RANGE = messages.entry("report.inspection.period")
SITE = messages.entry("label.site")
VERDICT_OK = messages.entry("report.inspection.intact")
VERDICT_BAD = messages.entry("report.inspection.tampered")
HEAD = messages.entry("report.inspection.chain_head")
FIGURES = messages.entry("report.inspection.figures")
OPENED = messages.entry("report.inspection.opened")
CLOSED = messages.entry("report.inspection.closed")
NONE = messages.entry("report.inspection.none")
DAY_HEADERS = tuple(messages.entry(key) for key in (
    "label.date", "outcome.admitted", "outcome.turned_away", "outcome.quarantined",
    "outcome.abandoned", "report.inspection.in_quarantine", "label.released",
))  # fmt: skip
CASE_HEADERS = tuple(messages.entry(key) for key in (
    "report.inspection.case", "field.person_id", "field.reason", "report.inspection.started",
    "report.inspection.due", "report.inspection.decision", "report.inspection.ended",
))  # fmt: skip
TOTAL = messages.entry("report.inspection.total")


def write_inspection_pdf(data: InspectionData, path: Path, *, lang: str, site: str) -> int:
    """Write the report to `path` (the caller makes it atomic); returns the pages."""
    report = data.verify
    if report.ok:
        verdict = VERDICT_OK.format(lang, n=report.records)
    else:
        problem = report.problem
        verdict = VERDICT_BAD.format(
            lang, seq=problem.seq if problem else "?",
            what=problem.message(lang) if problem else "?",
        )  # fmt: skip
    keys = ("admitted", "turned_away", "quarantined", "abandoned", "in_quarantine", "released")
    day_rows = [[d.date, *(str(getattr(d, k)) for k in keys)] for d in data.days]
    totals = [sum(getattr(d, k) for d in data.days) for k in keys[:4]]
    day_rows.append([TOTAL.format(lang), *(str(n) for n in totals), "", str(
        sum(d.released for d in data.days))])  # fmt: skip

    def decision(value: str | None) -> str:
        if not value:
            return ""
        try:
            return messages.text(QuarantineDecision(value), lang)
        except ValueError:
            return value

    def cases(lines: list) -> list[list[str]]:  # type: ignore[type-arg]
        return [
            [c.case_id[:8], c.person, reason_label(c.reason, lang), c.started, c.due,
             decision(c.decision), c.ended or ""]
            for c in lines
        ]  # fmt: skip

    case_widths = [8, 8, 22, 10, 10, 16, 10]
    blocks: list[Paragraph | Table] = [
        Paragraph(TITLE.format(lang), size=16, bold=True),
        Paragraph(f"{SITE.format(lang)}: {site}    "
                  f"{RANGE.format(lang, start=data.date_from, end=data.date_to)}"),
        Paragraph(verdict, size=10, bold=True),
        Paragraph(f"{HEAD.format(lang)}: {data.head.hash} ({data.head.records})", size=8,
                  space_after=4),
        Paragraph(FIGURES.format(lang), size=12, bold=True),
        Table([h.format(lang) for h in DAY_HEADERS], day_rows, [12, 8, 8, 8, 8, 8, 8],
              right=frozenset(range(1, 7)), size=8.5),
        Paragraph(OPENED.format(lang), size=12, bold=True),
    ]
    opened, closed = cases(data.opened), cases(data.closed)
    if opened:
        blocks.append(Table([h.format(lang) for h in CASE_HEADERS], opened, case_widths))
    else:
        blocks.append(Paragraph(NONE.format(lang), space_after=4))
    blocks.append(Paragraph(CLOSED.format(lang), size=12, bold=True))
    if closed:
        blocks.append(Table([h.format(lang) for h in CASE_HEADERS], closed, case_widths))
    else:
        blocks.append(Paragraph(NONE.format(lang)))
    return render_pdf(
        path, blocks, lang=lang, head_hash=data.head.hash, landscape=False,
        title=TITLE.format(lang),
        footer=f"GateKeeper · {TITLE.format(lang)} · {site} · {data.date_from} – {data.date_to}",
    )  # fmt: skip
