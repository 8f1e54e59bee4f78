"""The daily export: one row per screening (= `stats`), masked, read back from each file."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from manager_support import DAY_LIST, NOW, TZ, build_simulated, copy_of
from services_support import actor, open_gate, registration

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Channel
from gatekeeper.ledger import Ledger
from gatekeeper.services.accounts import Role
from gatekeeper.services.atomic import file_digest
from gatekeeper.services.exports import daily_rows, export_day, headers
from gatekeeper.services.stats import day_stats


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_simulated(tmp_path_factory.mktemp("sim") / "sim.sqlite3")


@pytest.fixture
def ledger(simulated: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with Ledger.open(copy_of(simulated, tmp_path)) as led:
        yield led


def _screenings(ledger: Ledger, day: str) -> int:
    s = day_stats(ledger, day)
    return s.admitted + s.turned_away + s.quarantined + s.abandoned


def test_row_count_equals_the_days_screenings(ledger: Ledger) -> None:
    for day in DAY_LIST:
        rows = daily_rows(ledger, day, tz=TZ)
        assert len(rows) == _screenings(ledger, day) > 0
        assert all(r.at.date().isoformat() == day for r in rows)


def test_masked_by_default_full_on_request(ledger: Ledger) -> None:
    masked = daily_rows(ledger, DAY_LIST[1], tz=TZ)
    full = daily_rows(ledger, DAY_LIST[1], full=True, tz=TZ)
    registered = [(m, f) for m, f in zip(masked, full, strict=True) if f.id_number]
    assert registered
    for m, f in registered:
        assert "*" in m.id_number and m.id_number[:6] == f.id_number[:6]  # type: ignore[index]
        assert m.id_number[-4:] == f.id_number[-4:]  # type: ignore[index]
        assert "*" in (m.phone or "") and "*" not in (f.phone or "")
        assert m.name != f.name and m.name[0] == f.name[0]  # type: ignore[index]
    assert {r.staff for r in masked} == {"gate-1"}
    assert any(r.temperature for r in masked)


def test_csv_with_bom_read_back(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "day.csv"
    result = export_day(ledger, DAY_LIST[1], "csv", out, lang="zh_CN", full=False, site="工地",
                        now=NOW, tz=TZ, by=actor(ledger, now=NOW))  # fmt: skip
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == headers("zh_CN") and table[0][:3] == ["时间", "通道", "姓名"]
    assert len(table) - 1 == result.rows == _screenings(ledger, DAY_LIST[1])
    assert {row[5] for row in table[1:]} <= {"放行", "劝返", "隔离", "中止"}
    assert all("*" in row[3] for row in table[1:] if row[3] and "（" not in row[3])
    record = result.record
    assert record.kind == "export" and record.body["rows"] == result.rows
    assert record.body["sha256"] == file_digest(out) == result.sha256
    assert record.body["format"] == "csv" and record.body["full"] is False
    assert record.body["by"] == "boss"
    assert record.prev_hash == record.body["head"]  # the file was made from this head


def test_xlsx_read_back(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "day.xlsx"
    inspector = actor(ledger, "li", "inspector", now=NOW)  # only inspectors export --full
    result = export_day(ledger, DAY_LIST[0], "xlsx", out, lang="en", full=True, site="Site A",
                        now=NOW, tz=TZ, by=inspector)  # fmt: skip
    assert result.record.body["by"] == "li" and result.record.body["full"] is True
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "Worker", "Visitor", "Goods vehicle"]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(values_only=True)}
    figures = day_stats(ledger, DAY_LIST[0])
    assert summary["Screenings"] == result.rows and summary["Admitted"] == figures.admitted
    assert summary["Date"] == DAY_LIST[0] and summary["Ledger head"] == result.record.prev_hash
    total = 0
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2"
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == headers("en")
        for row in rows[1:]:
            assert isinstance(row[0], datetime)
            assert row[7] is None or isinstance(row[7], int | float)  # a number cell
        total += len(rows) - 1
        assert sheet.column_dimensions["A"].width >= 18
    assert total == result.rows
    worker = list(book["Worker"].iter_rows(values_only=True))[1:]
    assert any(r[3] and "*" not in r[3] for r in worker)  # --full: unmasked


def test_failed_export_leaves_nothing(ledger: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "day.pdf"
    boss = actor(ledger, now=NOW)
    before = ledger.count(kind="export")

    def broken(export, path: Path) -> None:  # type: ignore[no-untyped-def]
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    with pytest.raises(LocalizedError) as err:
        export_day(ledger, DAY_LIST[0], "pdf", out, lang="en", full=False, site="s", now=NOW,
                   tz=TZ, by=boss, pdf_writer=broken)  # fmt: skip
    assert err.value.code == "cannot_write_export"
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*tmp")) == []
    assert ledger.count(kind="export") == before
    with pytest.raises(LocalizedError):
        export_day(ledger, DAY_LIST[0], "doc", out, lang="en", full=False, site="s", now=NOW,
                   tz=TZ, by=boss)  # fmt: skip


def test_typed_values_with_braces_go_into_every_export_as_typed(tmp_path: Path) -> None:
    """A name and a site name with braces are data in the CSV and the spreadsheet too
    (a check: nothing here fills a typed value as a template)."""
    gate = open_gate(tmp_path)
    gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER),
                                   registration(name="张{三}")))  # fmt: skip
    inspector = actor(gate.ledger, "li", Role.INSPECTOR, now=gate.clock.now())
    day = gate.clock.now().date().isoformat()
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"day.{fmt}"
        export_day(gate.ledger, day, fmt, out, lang="zh_CN", full=True, site="工地{A}",
                   now=gate.clock.now(), tz=TZ, by=inspector)  # fmt: skip
        if fmt == "csv":
            cells = [c for row in csv.reader(out.open(encoding="utf-8-sig")) for c in row]
        else:
            book = openpyxl.load_workbook(out)
            cells = [str(c) for sheet in book for row in sheet.values for c in row]
        assert "张{三}" in cells, fmt
        if fmt == "xlsx":
            assert "工地{A}" in cells
