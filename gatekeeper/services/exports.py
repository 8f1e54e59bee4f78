"""The daily ledger export (健康信息台账): one row per screening, as CSV, XLSX or PDF.

One row per passage record of the day — exactly the screenings `gatekeeper stats`
counts — with the person's name, ID number and phone masked unless an inspector asks
for the full values. The file is written all or nothing (a temp file, then rename),
and the export itself is a ledger record (format, day, rows, the file's SHA-256 and
the ledger head the file was made from), so an inspector can match a file to the
ledger later. The PDF needs Qt's printing, which lives above this layer: the caller
passes the writer in (`gatekeeper.reports.daily.write_daily_pdf`).
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text
from gatekeeper.domain.privacy import mask_id_number, mask_name, mask_phone
from gatekeeper.domain.temperature import counted_readings
from gatekeeper.domain.vocab import Channel, Lane, Outcome, Reason, Zone
from gatekeeper.ledger import Ledger, Person, StoredRecord
from gatekeeper.services import schema
from gatekeeper.services.accounts import CLI_ACTOR, Action, Actor, acting
from gatekeeper.services.atomic import atomic_output, file_digest
from gatekeeper.services.figures import DayStats
from gatekeeper.services.kinds import Kind
from gatekeeper.services.stats import day_stats

if TYPE_CHECKING:  # review imports this module (write_recorded): no cycle at run time
    from gatekeeper.services.review import InspectionData, InspectionWriter

FORMATS = ("csv", "xlsx", "pdf")

#: (key, header) of every exported column, in order.
COLUMNS: tuple[tuple[str, Text], ...] = (
    ("time", messages.entry("field.at")),
    ("channel", messages.entry("export.header.channel")),
    ("name", messages.entry("field.name")),
    ("id_number", messages.entry("export.header.id_number")),
    ("phone", messages.entry("field.phone")),
    ("outcome", messages.entry("export.header.outcome")),
    ("reason", messages.entry("field.reason")),
    ("temperature", messages.entry("export.header.temperature")),
    ("lane", messages.entry("export.header.lane")),
    ("zone", messages.entry("field.zone")),
    ("staff", messages.entry("export.header.staff")),
    ("plate", messages.entry("export.header.plate")),
)

#: Short reasons for a table cell (the catalogue's are full sentences for the screen).
REASON_LABELS: dict[str, Text] = {
    Reason.CLEARED: messages.entry("export.reason.cleared"),
    Reason.RETURNING_CLEARED: messages.entry("export.reason.returning_cleared"),
    Reason.NO_CERTIFICATE: messages.entry("export.reason.no_certificate"),
    Reason.CERTIFICATE_EXPIRED: messages.entry("export.reason.certificate_expired"),
    Reason.RED_CODE: messages.entry("code_colour.red"),
    Reason.DRIVER_NOT_ADMITTED: messages.entry("export.reason.driver_not_admitted"),
    Reason.FEVER: messages.entry("export.reason.fever"),
    Reason.RISK_REGION: messages.entry("export.reason.risk_region"),
    Reason.YELLOW_CODE: messages.entry("code_colour.yellow"),
    Reason.FEVER_ON_ROUND: messages.entry("export.reason.fever_on_round"),
    Reason.LEFT_MIDWAY: messages.entry("export.reason.left_midway"),
    Reason.INTERRUPTED: messages.entry("export.reason.interrupted"),
}
ERASED = messages.entry("export.erased")  # personal fields removed by a retention purge
NOT_REGISTERED = messages.entry("export.not_registered")  # ended before registration

BAD_FORMAT = messages.entry("export.bad_format")
CANNOT_WRITE = messages.entry("export.cannot_write")


@lru_cache(maxsize=512)
def _vocab(enum: type[Any], value: str | None, lang: str) -> str:
    """A vocabulary code in `lang` (cached: an export asks for the same few thousands
    of times)."""
    if not value:
        return ""
    try:
        return messages.text(enum(value), lang)
    except (ValueError, KeyError):
        return value


@lru_cache(maxsize=256)
def reason_label(reason: str | None, lang: str) -> str:
    if not reason:
        return ""
    label = REASON_LABELS.get(reason)
    return label.format(lang) if label else reason


@dataclass(frozen=True)
class ExportRow:
    """One screening as exported; codes are kept, `values(lang)` turns them into text.

    `name`, `id_number` and `phone` are None for an unregistered person and for one
    whose personal fields were purged (`erased`); masked unless the row is `full`.
    """

    at: datetime
    channel: str | None
    name: str | None
    id_number: str | None
    phone: str | None
    outcome: str | None
    reason: str | None
    temperature: float | None
    lane: str | None
    zone: str | None
    staff: str
    plate: str
    person_id: str | None
    uuid: str
    screening_id: str
    erased: bool = False

    def _personal(self, value: str | None, lang: str) -> str:
        if value:
            return value
        if self.erased:
            return ERASED.format(lang)
        return NOT_REGISTERED.format(lang) if self.person_id is None else ""

    def values(self, lang: str) -> list[Any]:
        """The row's cells in COLUMNS order: a naive site-local datetime (spreadsheets
        have no time zones), a float or None for the temperature, text otherwise."""
        return [
            self.at.replace(tzinfo=None),
            _vocab(Channel, self.channel, lang),
            self._personal(self.name, lang),
            self._personal(self.id_number, lang) if self.id_number or self.erased else "",
            self.phone or "",
            _vocab(Outcome, self.outcome, lang),
            reason_label(self.reason, lang),
            self.temperature,
            _vocab(Lane, self.lane, lang),
            _vocab(Zone, self.zone, lang),
            self.staff,
            self.plate,
        ]


def last_counted_reading(temperatures: Iterable[dict[str, Any]]) -> float | None:
    """The last reading that counted (an out-of-range one is a measuring error)."""
    counted = counted_readings(temperatures or ())
    return counted[-1] if counted else None


def passage_row(record: StoredRecord, person: Person | None, *, full: bool, tz: Any) -> ExportRow:
    """A passage record (and its person) as an export row."""
    body = schema.PassageBody.read(record)
    outcome = body.outcome
    at = datetime.fromisoformat(outcome.get("at") or record.at).astimezone(tz)
    name = id_number = phone = None
    erased = False
    if person is not None:
        erased = person.name is None and person.id_number is None
        name, id_number, phone = person.name, person.id_number, person.phone
        if not full:
            name, id_number, phone = mask_name(name), mask_id_number(id_number), mask_phone(phone)
    return ExportRow(
        at=at,
        channel=record.channel,
        name=name or None,
        id_number=id_number or None,
        phone=phone or None,
        outcome=record.outcome,
        reason=record.reason,
        temperature=last_counted_reading(body.temperatures),
        lane=outcome.get("lane"),
        zone=outcome.get("zone"),
        staff=body.staff,
        plate=(body.vehicle or {}).get("plate") or "",
        person_id=record.person_id,
        uuid=record.uuid,
        screening_id=body.screening_id or record.subject_id or "",
        erased=erased,
    )


class PeopleCache:
    """`get_person` once per person: a day repeats the same workers many times."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._known: dict[str, Person | None] = {}

    def get(self, person_id: str | None) -> Person | None:
        if person_id is None:
            return None
        if person_id not in self._known:
            self._known[person_id] = self.ledger.get_person(person_id)
        return self._known[person_id]


def passage_rows(
    ledger: Ledger, records: Iterable[StoredRecord], *, full: bool, tz: Any
) -> Iterator[ExportRow]:
    people = PeopleCache(ledger)
    for record in records:
        yield passage_row(record, people.get(record.person_id), full=full, tz=tz)


def daily_rows(ledger: Ledger, day: str, *, full: bool = False, tz: Any = None) -> list[ExportRow]:
    """One row per screening that ended on `day` (site-local), in ledger order.

    The count equals the sum of `gatekeeper stats` outcomes for that day: both read the
    passage records filed under the day.
    """
    if tz is None:
        from gatekeeper.domain.policy import Policy

        tz = Policy().tz
    return list(passage_rows(ledger, ledger.records(kind=Kind.PASSAGE, day=day), full=full, tz=tz))


def headers(lang: str) -> list[str]:
    return [header.format(lang) for _, header in COLUMNS]


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection):
# a name typed as =HYPERLINK(...) must reach the inspector as text, never as a link.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def runs_as_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_START)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    if runs_as_formula(value):
        return "'" + value  # the convention spreadsheets show as the text itself
    return value


def write_csv(rows: Iterable[ExportRow], path: Path, lang: str) -> int:
    """UTF-8 with a BOM, so Excel opens the Chinese correctly; returns the row count."""
    n = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers(lang))
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row.values(lang)])
            n += 1
    return n


# --- the summary every format carries ---------------------------------------------------

FIGURE_LABELS: tuple[tuple[str, Text], ...] = (
    ("admitted", messages.entry("outcome.admitted")),
    ("turned_away", messages.entry("outcome.turned_away")),
    ("quarantined", messages.entry("outcome.quarantined")),
    ("abandoned", messages.entry("outcome.abandoned")),
    ("in_quarantine", messages.entry("export.figure.in_quarantine")),
    ("released", messages.entry("quarantine_decision.released")),
)
TOTAL = messages.entry("export.figure.total")
TITLE = messages.entry("export.title")
HEAD_LABEL = messages.entry("label.ledger_head")


def figure_lines(figures: DayStats, rows: int, lang: str) -> list[tuple[str, int]]:
    """(label, number) for the summary: the total, each outcome, turned-away reasons."""
    lines = [(TOTAL.format(lang), rows)]
    for key, label in FIGURE_LABELS:
        lines.append((label.format(lang), int(getattr(figures, key))))
        if key == "turned_away":
            for reason, n in figures.turned_away_by_reason.items():
                lines.append(("    " + reason_label(reason, lang), n))
    return lines


@dataclass(frozen=True)
class DailyExport:
    """Everything one day's export shows: rows, figures, and the head it was read at."""

    day: str
    site: str
    lang: str
    full: bool
    rows: list[ExportRow]
    figures: DayStats
    head: str
    records: int


def collect_day(
    ledger: Ledger, day: str, *, lang: str, full: bool, site: str, tz: Any
) -> DailyExport:
    head = ledger.head()
    return DailyExport(
        day=day, site=site, lang=lang, full=full,
        rows=daily_rows(ledger, day, full=full, tz=tz),
        figures=day_stats(ledger, day), head=head.hash, records=head.records,
    )  # fmt: skip


def write_xlsx(export: DailyExport, path: Path) -> None:
    """A summary sheet and one sheet per channel; real datetimes and numbers, widths,
    the header row frozen. Write-only mode: 10,000 rows in well under a second."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    lang = export.lang
    bold = Font(bold=True)
    book = Workbook(write_only=True)
    summary = book.create_sheet(messages.entry("export.summary").format(lang))
    summary.column_dimensions["A"].width = 36
    summary.column_dimensions["B"].width = 70
    summary.freeze_panes = "A2"

    def strong(sheet: Any, value: Any) -> Any:  # a WriteOnlyCell (a function in the stubs)
        cell = text_cell(sheet, value) if runs_as_formula(value) else WriteOnlyCell(
            sheet, value=value)
        cell.font = bold
        return cell

    def text_cell(sheet: Any, value: str) -> Any:
        """A cell stored as text even when it starts like a formula."""
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell

    site = text_cell(summary, export.site) if runs_as_formula(export.site) else export.site
    summary.append([strong(summary, TITLE.format(lang)), site])
    summary.append([messages.entry("label.date").format(lang), export.day])
    for label, number in figure_lines(export.figures, len(export.rows), lang):
        summary.append([label, number])
    summary.append([HEAD_LABEL.format(lang), export.head])
    summary.append([messages.entry("export.records").format(lang), export.records])
    widths = (20, 14, 12, 22, 16, 12, 30, 16, 26, 20, 14, 14)
    for channel in Channel:
        sheet = book.create_sheet(_vocab(Channel, channel.value, lang)[:31])
        for i, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + i)].width = width
        sheet.freeze_panes = "A2"
        sheet.append([strong(sheet, h) for h in headers(lang)])
        for row in export.rows:
            if row.channel != channel.value:
                continue
            # Plain values: openpyxl types a datetime as a date cell (with a date format)
            # and a float as a number by itself; empty cells are not written at all.
            sheet.append([text_cell(sheet, v) if runs_as_formula(v) else (v if v != "" else None)
                          for v in row.values(lang)])  # fmt: skip
    book.save(path)


PdfWriter = Callable[[DailyExport, Path], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    sha256: str
    record: StoredRecord


def record_export(
    ledger: Ledger, *, now: datetime, body: schema.ExportBody, path: Path, digest: str
) -> StoredRecord:
    """The export's ledger record (kind "export"): what was exported, by whom, and the
    file's digest. File names only, never folders (a path can name a person)."""
    done = dataclasses.replace(body, file=path.name, sha256=digest)
    return ledger.append(done.record(at=now, day=now.date().isoformat()))


def write_recorded(
    ledger: Ledger,
    output: Path,
    write: Callable[[Path], Any],
    *,
    body: schema.ExportBody,
    now: datetime,
) -> tuple[str, StoredRecord]:
    """Write a file with `write(tmp)` all or nothing, and record it as an "export".

    The record is appended before the file is moved into place: a file that exists
    was recorded. If anything fails, no file is left and nothing is recorded.
    """
    try:
        with atomic_output(output, protect=(Path(ledger.path),)) as tmp:
            write(tmp)
            digest = file_digest(tmp)
            record = record_export(ledger, now=now, path=output, digest=digest, body=body)
    except OSError as exc:
        raise LocalizedError(
            "cannot_write_export", CANNOT_WRITE, {"path": output, "problem": exc.strerror or exc}
        ) from exc
    return digest, record


def export_day(
    ledger: Ledger,
    day: str,
    fmt: str,
    output: Path,
    *,
    lang: str,
    full: bool,
    site: str,
    now: datetime,
    tz: Any,
    by: Actor | None,
    pdf_writer: PdfWriter | None = None,
) -> ExportResult:
    """Write the day's export to `output` atomically and record it in the ledger.

    `by` is the signed-in account: a masked export needs EXPORT (site managers,
    inspectors), an unmasked one (`full`) EXPORT_FULL (inspectors). Refused before any
    row is read or any file written; the record names `by`. `by=None` is the machine's
    own command line without an account, as `stats` is: a masked export only (names,
    ID numbers and phones masked; the record says "cli"); an unmasked one always needs
    the signed-in inspector.
    """
    if by is None and not full:
        by_name = CLI_ACTOR
    else:
        by_name = acting(by, Action.EXPORT_FULL if full else Action.EXPORT).username
    if fmt not in FORMATS or (fmt == "pdf" and pdf_writer is None):
        raise LocalizedError("bad_format", BAD_FORMAT, {"format": fmt})
    export = collect_day(ledger, day, lang=lang, full=full, site=site, tz=tz)

    def write(tmp: Path) -> None:
        if fmt == "csv":
            write_csv(export.rows, tmp, lang)
        elif fmt == "xlsx":
            write_xlsx(export, tmp)
        else:
            assert pdf_writer is not None
            pdf_writer(export, tmp)

    body = schema.ExportBody(
        what="daily", format=fmt, file="", sha256="", date=day, rows=len(export.rows),
        full=full, lang=lang, head=export.head, by=by_name,
    )  # fmt: skip
    digest, record = write_recorded(ledger, Path(output), write, body=body, now=now)
    return ExportResult(Path(output), len(export.rows), digest, record)


def export_inspection_report(
    ledger: Ledger,
    date_from: date,
    date_to: date,
    output: Path,
    writer: InspectionWriter,
    *,
    now: datetime,
    by: Actor,
) -> tuple[InspectionData, str, StoredRecord]:
    """The inspection report for `date_from`..`date_to`, written atomically and recorded
    as an export naming `by`, who needs INSPECTION_REPORT (site managers, inspectors).
    The console and the CLI come through here, so the role is checked in one place."""
    from gatekeeper.services.review import inspection_data

    actor = acting(by, Action.INSPECTION_REPORT)
    data = inspection_data(ledger, date_from, date_to)
    body = schema.ExportBody(
        what="inspection", format="pdf", file="", sha256="", date_from=data.date_from,
        date_to=data.date_to, head=data.head.hash, verified=data.verify.ok, by=actor.username,
    )  # fmt: skip
    digest, record = write_recorded(
        ledger, Path(output), lambda tmp: writer(data, tmp), body=body, now=now)
    return data, digest, record
