"""Outputs never clobber data, are owner-only, and carry no live formulas; names carry no
terminal escapes; a huge image is refused before it is decoded (the trust issue)."""

from __future__ import annotations

import csv
import hashlib
import stat
import struct
import zlib
from pathlib import Path

import openpyxl
import pytest
from cli_support import PINS, add_accounts, as_user, chain, one_line_error, run

from gatekeeper.ledger import Ledger

DAY = "2020-03-02"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "-"


def files_of(db: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in db.parent.glob(db.name + "*")}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("target", ["ledger", "wal", "shm", "other_db", "folder"])
@pytest.mark.parametrize("command", ["export", "report"])
def test_an_output_that_is_data_is_refused_and_nothing_written(ledger_copy, tmp_path,
                                                                command, target) -> None:
    add_accounts(ledger_copy)
    other = tmp_path / "backup.sqlite3"
    Ledger.open(other, create=True).close()
    out = {"ledger": ledger_copy, "wal": Path(f"{ledger_copy}-wal"),
           "shm": Path(f"{ledger_copy}-shm"), "other_db": other, "folder": tmp_path}[target]
    with Ledger.open(ledger_copy) as ledger:  # -wal and -shm exist while a kiosk runs
        ledger.head()
        before, records = files_of(ledger_copy), chain(ledger_copy)
        other_before = digest(other)
        if command == "export":
            result = as_user(ledger_copy, "boss", "export", "--db", ledger_copy, "--date", DAY,
                             "--format", "csv", "-o", out)  # fmt: skip
        else:
            result = as_user(ledger_copy, "boss", "report", "--db", ledger_copy, "--from", DAY,
                             "--to", DAY, "-o", out)  # fmt: skip
        assert result.exit_code == 2, result.output
        line = one_line_error(result.stderr)
        assert "nothing was written" in line or (target == "folder" and "directory" in line)
        assert digest(other) == other_before
    assert files_of(ledger_copy).keys() >= {ledger_copy.name}
    assert digest(ledger_copy) == before[ledger_copy.name] or chain(ledger_copy) == records
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        assert ledger.verify().ok
    assert [r for r in chain(ledger_copy) if r[1] == "export"] == []


def test_pass_issue_into_a_missing_folder_issues_nothing(ledger_copy, tmp_path) -> None:
    add_accounts(ledger_copy)
    before = chain(ledger_copy)
    result = as_user(ledger_copy, "boss", "pass", "issue", "--db", ledger_copy, "--name", "张伟",
                     "--id-number", "G12345678", "--phone", "13900139000",
                     "-o", tmp_path / "missing" / "b.png")  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "does not exist" in one_line_error(result.stderr)
    assert chain(ledger_copy) == before  # not even a sign-in: refused before it


def test_pass_issue_onto_the_ledger_is_refused(ledger_copy) -> None:
    add_accounts(ledger_copy)
    before = digest(ledger_copy)
    result = as_user(ledger_copy, "boss", "pass", "issue", "--db", ledger_copy, "--name", "张伟",
                     "--id-number", "G12345678", "--phone", "13900139000", "-o", ledger_copy)
    assert result.exit_code == 2 and "is the ledger" in one_line_error(result.stderr)
    assert digest(ledger_copy) == before


def test_every_file_written_is_owner_only(tmp_path) -> None:
    db = tmp_path / "new.sqlite3"
    assert run("simulate", "--db", db, "--days", "1", "--people", "20",
               "--start", DAY).exit_code == 0
    add_accounts(db)
    assert mode(db) == 0o600
    for companion in (Path(f"{db}-wal"), Path(f"{db}-shm")):
        if companion.exists():
            assert mode(companion) == 0o600, companion
    out = tmp_path / "day.csv"
    assert as_user(db, "boss", "export", "--db", db, "--date", DAY, "--format", "csv",
                   "-o", out).exit_code == 0  # fmt: skip
    assert mode(out) == 0o600
    badge = tmp_path / "badge.png"
    issued = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "张伟",
                     "--id-number", "G12345678", "--phone", "13900139000", "-o", badge)
    assert issued.exit_code == 0, issued.output
    assert mode(badge) == 0o600
    backups = tmp_path / "backups"
    backups.mkdir()
    assert run("backup", "--db", db, "--to", backups).exit_code == 0
    [copy] = backups.glob("*.sqlite3")
    assert mode(copy) == 0o600


def test_a_name_that_is_a_formula_reaches_the_spreadsheet_as_text(tmp_path) -> None:
    db = tmp_path / "l.sqlite3"
    Ledger.open(db, create=True).close()
    add_accounts(db)
    formula = '=HYPERLINK("http://evil.example","click")'
    issued = as_user(db, "boss", "pass", "issue", "--db", db, "--name", formula,
                     "--id-number", "G12345678", "--phone", "13900139000",
                     "-o", tmp_path / "b.png")  # fmt: skip
    assert issued.exit_code == 0, issued.output
    # The pass registers the person; a passage on the day brings them into the export.
    from gatekeeper.domain.policy import Policy
    from gatekeeper.services.clock import SystemClock
    from gatekeeper.services.gate import GateService

    with Ledger.open(db) as ledger:
        service = GateService(ledger, Policy(), SystemClock(Policy().tz))
        person_id = ledger.find_person("passport", "G12345678").person_id
        s = service.start_returning(person_id)
        s.pass_scan(True, person_id)
        s.abandon()
        service.finish(s)
        day = service.today().isoformat()
    out, xlsx = tmp_path / "d.csv", tmp_path / "d.xlsx"
    for path, fmt in ((out, "csv"), (xlsx, "xlsx")):
        result = as_user(db, "li", "export", "--db", db, "--date", day, "--format", fmt,
                         "--full", "--site", "+SUM(1)", "-o", path)  # fmt: skip
        assert result.exit_code == 0, result.output
    with open(out, encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'" + formula in cells and formula not in cells
    book = openpyxl.load_workbook(xlsx)
    found = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value == formula]
    assert found and all(c.data_type == "s" for c in found)
    [site] = [c for row in book["Summary"].iter_rows() for c in row if c.value == "+SUM(1)"]
    assert site.data_type == "s"


def test_a_display_name_with_terminal_escapes_is_refused(tmp_path) -> None:
    db = tmp_path / "l.sqlite3"
    Ledger.open(db, create=True).close()
    result = run("account", "add", "--db", db, "--username", "boss", "--role", "site_manager",
                 "--name", "\x1b[2J\x1b[31mBoss", input=f"{PINS['boss']}\n{PINS['boss']}\n")
    assert result.exit_code == 1, result.output
    assert "\x1b" not in result.output


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00" * 1024)) + chunk(b"IEND", b""))


def test_decode_refuses_an_image_over_fifty_megapixels_before_decoding(tmp_path) -> None:
    huge = tmp_path / "huge.png"
    huge.write_bytes(_png_header(20000, 20000))
    result = run("decode", "--json", huge)
    assert result.exit_code == 1
    assert "400 megapixels" in result.output and "not read" in result.output
    from gatekeeper.scanner.images import header_size

    assert header_size(_png_header(640, 480)) == (640, 480)
