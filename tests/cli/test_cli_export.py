"""`gatekeeper export` and `gatekeeper report`: files read back, rows = stats, recorded."""

from __future__ import annotations

import csv
import json
import subprocess

import openpyxl
from cli_support import add_accounts, as_user, one_line_error, run

from gatekeeper.ledger import Ledger

DAY = "2020-03-02"


def _screenings(db) -> int:  # type: ignore[no-untyped-def]
    result = run("stats", "--db", db, "--date", DAY, "--json")
    figures = json.loads(result.output)
    return (figures["admitted"] + figures["turned_away"]["total"] + figures["quarantined"]
            + figures["abandoned"])  # fmt: skip


def test_export_csv_xlsx_pdf(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    expected = _screenings(ledger_copy)
    add_accounts(ledger_copy)
    out = tmp_path / "day.csv"
    result = as_user(ledger_copy, "boss", "export", "--db", ledger_copy, "--date", DAY,
                     "--format", "csv", "-o", out, "--lang", "zh_CN")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"Exported {expected} screenings of {DAY}" in result.output
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "时间" and len(rows) - 1 == expected

    xlsx = tmp_path / "day.xlsx"
    result = as_user(ledger_copy, "li", "export", "--db", ledger_copy, "--date", DAY,
                     "--format", "xlsx", "--output", xlsx, "--lang", "en", "--full",
                     "--site", "Site A")  # fmt: skip
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames[0] == "Summary"
    assert sum(book[n].max_row - 1 for n in book.sheetnames[1:]) == expected

    pdf = tmp_path / "day.pdf"
    result = as_user(ledger_copy, "li", "export", "--db", ledger_copy, "--date", DAY,
                     "--format", "pdf", "-o", pdf, "--lang", "en")  # fmt: skip
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "Daily gate ledger" in text and "Page 1 of" in text
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        exports = list(ledger.records(kind="export"))
        assert [r.body["format"] for r in exports] == ["csv", "xlsx", "pdf"]
        assert [r.body["full"] for r in exports] == [False, True, False]
        assert all(r.body["rows"] == expected for r in exports)
        assert [r.body["by"] for r in exports] == ["boss", "li", "li"]  # who signed in
        assert ledger.verify().ok


def test_export_refusals(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    add_accounts(ledger_copy)
    result = run("export", "--db", ledger_copy, "--date", "2020-13-01", "--format", "csv",
                 "-o", tmp_path / "x.csv")  # fmt: skip
    assert result.exit_code == 2 and "YYYY-MM-DD" in one_line_error(result.stderr)  # bad argument
    result = run("export", "--db", ledger_copy, "--date", DAY, "--format", "doc",
                 "-o", tmp_path / "x.doc")  # fmt: skip
    assert result.exit_code == 2
    result = run("export", "--db", tmp_path / "none.db", "--date", DAY, "--format", "csv",
                 "-o", tmp_path / "x.csv")  # fmt: skip
    assert result.exit_code == 2 and not (tmp_path / "none.db").exists()
    result = as_user(ledger_copy, "boss", "export", "--db", ledger_copy, "--date", DAY,
                     "--format", "csv", "-o", tmp_path / "no" / "x.csv")  # fmt: skip
    assert result.exit_code == 2 and "nothing was written" in one_line_error(result.stderr)
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".csv", ".doc", ".tmp")]


def test_report(ledger_copy, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "inspection.pdf"
    add_accounts(ledger_copy)
    result = as_user(ledger_copy, "li", "report", "--db", ledger_copy, "--from", "2020-03-01",
                     "--to", "2020-03-03", "-o", out, "--lang", "zh_CN",
                     "--site", "只有河南")  # fmt: skip
    assert result.exit_code == 0, result.output
    reported = next(line for line in result.output.splitlines() if not line.startswith("head "))
    head = reported.strip().split()[-1].rstrip(".")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip
    assert "督导检查报告" in text and "完好" in text and head in text
    verify = run("verify", "--db", ledger_copy)
    assert verify.exit_code == 0
