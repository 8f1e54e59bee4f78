"""`gatekeeper restore` and per-kiosk backups (the trust issue)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from cli_support import one_line_error, run

from gatekeeper.ledger import Ledger, NewRecord

AT = "2020-03-21T08:00:00+08:00"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backup_of(db: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    result = run("backup", "--db", db, "--to", folder)
    assert result.exit_code == 0, result.output
    return max(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime_ns)


def append_one(db: Path, kind: str = "disinfection") -> None:
    from datetime import datetime

    with Ledger.open(db) as ledger:
        ledger.append(NewRecord(kind=kind, at=datetime.fromisoformat(AT), day="2020-03-21",
                                body={"zone": "office", "slot": "morning", "by": "x"}))


def test_restore_puts_a_verified_backup_back_and_keeps_the_old_ledger(ledger_copy, tmp_path):
    saved = backup_of(ledger_copy, tmp_path / "backups")
    shutil.copy(ledger_copy, tmp_path / "damaged-copy")
    # the ledger is damaged beyond use: restore is how a site gets it back
    with open(ledger_copy, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\x00" * 4096)
    result = run("restore", "--from", saved, "--db", ledger_copy, "--force")
    assert result.exit_code == 0, result.output
    assert "verified" in result.output and "kept as" in result.output
    assert run("verify", "--db", ledger_copy).exit_code == 0
    for suffix in ("-wal", "-shm"):
        side = Path(f"{ledger_copy}{suffix}")
        assert not side.exists() or side.stat().st_size == 0 or suffix == "-shm"


def test_restore_refuses_to_lose_records_the_backup_lacks(ledger_copy, tmp_path):
    saved = backup_of(ledger_copy, tmp_path / "backups")
    append_one(ledger_copy)
    before = digest(ledger_copy)
    result = run("restore", "--from", saved, "--db", ledger_copy)
    assert result.exit_code == 1
    line = one_line_error(result.stderr)
    assert "holds records the backup lacks" in line and "--force" in line
    assert digest(ledger_copy) == before


def test_restore_refuses_an_altered_backup(ledger_copy, tmp_path):
    saved = backup_of(ledger_copy, tmp_path / "backups")
    conn = sqlite3.connect(saved)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE records SET outcome = 'admitted' WHERE seq = 5")
    conn.commit()
    conn.close()
    before = digest(ledger_copy)
    result = run("restore", "--from", saved, "--db", ledger_copy, "--force")
    assert result.exit_code == 1 and digest(ledger_copy) == before
    assert one_line_error(result.stderr)


def test_restore_onto_itself_or_from_nothing_is_refused(ledger_copy, tmp_path):
    assert run("restore", "--from", ledger_copy, "--db", ledger_copy).exit_code == 2
    assert run("restore", "--from", tmp_path / "none.sqlite3", "--db",
               ledger_copy).exit_code == 2  # fmt: skip


def test_two_kiosks_back_up_into_one_folder_without_rotating_each_other(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    ledgers = []
    for gate in ("gate-a", "gate-b"):
        (tmp_path / gate).mkdir()
        path = tmp_path / gate / "ledger.sqlite3"  # the same file name on both kiosks
        Ledger.open(path, kiosk_id=gate).close()
        ledgers.append(path)
    for _ in range(3):
        for path in ledgers:
            assert run("backup", "--db", path, "--to", folder, "--keep", "2").exit_code == 0
    names = sorted(p.name for p in folder.glob("*.sqlite3"))
    assert len(names) == 4
    assert sum("-gate-a-" in n for n in names) == 2 and sum("-gate-b-" in n for n in names) == 2
