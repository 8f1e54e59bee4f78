"""Opening files safely: migrations, refusals that leave the file untouched, clear errors."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from ledger_support import build, passage, verify

from gatekeeper.ledger import (
    SCHEMA_VERSION,
    DirectoryMissingError,
    DiskFullError,
    Ledger,
    LedgerError,
    LedgerNotFoundError,
    NewerLedgerError,
    NotALedgerError,
    ReadOnlyLedgerError,
    schema,
)
from gatekeeper.ledger.errors import from_sqlite


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_new_file_settings(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        conn = ledger._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        assert meta["app"] == "gatekeeper" and meta["kiosk_id"] == ledger.kiosk_id
        assert len(ledger.kiosk_id) == 36  # a uuid4, created once per file
    with Ledger.open(path) as again:
        assert again.kiosk_id == ledger.kiosk_id


def test_newer_version_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    build(path, 3)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = _snapshot(tmp_path)
    for kwargs in ({}, {"readonly": True}):
        with pytest.raises(NewerLedgerError) as err:
            Ledger.open(path, **kwargs)
        assert "99" in err.value.message("en") and "99" in err.value.message("zh_CN")
        assert "Update GateKeeper" in str(err.value)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_text("name,phone\n张三,138\n", encoding="utf-8"),
        lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x01" * 200),
        lambda p: sqlite3.connect(p).execute("CREATE TABLE notes (t TEXT)").connection.close(),
    ],
    ids=["text-file", "corrupt-sqlite", "other-sqlite"],
)
def test_not_a_ledger_is_refused_and_untouched(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "other.db"
    make(path)
    before = _snapshot(tmp_path)
    with pytest.raises(NotALedgerError) as err:
        Ledger.open(path)
    assert "not a GateKeeper ledger" in str(err.value)
    assert "不是 GateKeeper 台账" in err.value.message("zh_CN")
    assert _snapshot(tmp_path) == before


def _add_note_column(db) -> None:  # type: ignore[no-untyped-def]
    db.table("drafts").add_column("note", str)


def test_forward_migration_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    build(path, 4)
    migrations = (*schema.MIGRATIONS, _add_note_column)
    with Ledger.open(path, migrations=migrations) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION + 1
        cols = [r[1] for r in ledger._conn.execute("PRAGMA table_info(drafts)")]
        assert "note" in cols and ledger.verify().ok
    with Ledger.open(path, migrations=migrations) as ledger:  # applied once only
        assert ledger.schema_version == SCHEMA_VERSION + 1
    with pytest.raises(NewerLedgerError):
        Ledger.open(path)  # this code knows only the versions in schema.MIGRATIONS


def test_failed_migration_leaves_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    build(path, 2)

    def broken(db) -> None:  # type: ignore[no-untyped-def]
        db.execute("CREATE TABLE half_done (x TEXT)")
        raise RuntimeError("migration bug")

    with pytest.raises(RuntimeError):
        Ledger.open(path, migrations=(*schema.MIGRATIONS, broken))
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
        names = [r[0] for r in ledger._conn.execute("SELECT name FROM sqlite_master")]
        assert "half_done" not in names and ledger.verify().ok


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(DirectoryMissingError) as err:
        Ledger.open(tmp_path / "nope" / "l.db")
    assert str(tmp_path / "nope") in str(err.value) and "does not exist" in str(err.value)
    assert "不存在" in err.value.message("zh_CN")
    assert not (tmp_path / "nope").exists()


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(LedgerNotFoundError):
        Ledger.open(tmp_path / "l.db", create=False)
    with pytest.raises(LedgerNotFoundError):
        Ledger.open(tmp_path / "l.db", readonly=True)
    assert not (tmp_path / "l.db").exists()


def test_readonly_ledger_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    build(path, 2)
    with Ledger.open(path, readonly=True) as ledger:
        with pytest.raises(ReadOnlyLedgerError) as err:
            ledger.append(passage(1))
        assert "read-only" in str(err.value) and "无法写入" in err.value.message("zh_CN")
        assert ledger.count() == 2


def _readonly_places(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "ro-dir").mkdir()
    build(tmp_path / "ro-file.db", 1)
    os.chmod(tmp_path / "ro-file.db", 0o444)
    os.chmod(tmp_path / "ro-dir", 0o555)
    return tmp_path / "ro-dir" / "l.db", tmp_path / "ro-file.db"


def _assert_readonly_refused(new_in_ro_dir: Path, ro_file: Path) -> None:
    with pytest.raises(ReadOnlyLedgerError) as err:
        Ledger.open(new_in_ro_dir)
    assert "its folder is read-only" in str(err.value) and "写权限" in err.value.message("zh_CN")
    with pytest.raises(ReadOnlyLedgerError) as err:
        Ledger.open(ro_file)
    assert "the file is read-only" in str(err.value)
    with Ledger.open(ro_file, readonly=True) as ledger:  # reading still works
        assert ledger.verify().ok


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_readonly_directory_and_file(tmp_path: Path) -> None:
    try:
        _assert_readonly_refused(*_readonly_places(tmp_path))
    finally:
        os.chmod(tmp_path / "ro-dir", 0o755)


def test_readonly_directory_and_file_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root writes anyway: pretend the permission check says no, as for a normal user."""
    places = _readonly_places(tmp_path)
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode & os.W_OK else real_access(p, mode)
    )
    try:
        _assert_readonly_refused(*places)
    finally:
        os.chmod(tmp_path / "ro-dir", 0o755)


def test_sqlite_errors_become_clear_ledger_errors() -> None:
    cases = {
        "database or disk is full": DiskFullError,
        "attempt to write a readonly database": ReadOnlyLedgerError,
        "unable to open database file": ReadOnlyLedgerError,
        "file is not a database": NotALedgerError,
    }
    for message, kind in cases.items():
        err = from_sqlite(sqlite3.OperationalError(message), "/x/l.db")
        assert isinstance(err, kind) and "/x/l.db" in err.message("zh_CN")


def test_disk_full_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    build(path, 3)
    with Ledger.open(path) as ledger:
        pages = ledger._conn.execute("PRAGMA page_count").fetchone()[0]
        ledger._conn.execute(f"PRAGMA max_page_count = {pages}")
        big = passage(1)
        big = replace(big, body={"blob": "x" * 50_000})
        with pytest.raises(DiskFullError) as err:
            ledger.append_all([passage(2), big])
        assert "full" in str(err.value) and "磁盘已满" in err.value.message("zh_CN")
        assert isinstance(err.value, LedgerError)
        assert ledger.count() == 3 and ledger.verify().ok
    assert verify(path).ok
