"""Schema 2: the `accounts` table (outside the chain), and the ledger calls built on it;
searching people, erasing old drafts, the online backup copy."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from ledger_support import NAME, build, person

from gatekeeper.ledger import SCHEMA_VERSION, AccountExistsError, Ledger, NewRecord, schema

AT = datetime(2024, 4, 1, 8, tzinfo=UTC)


def _account_record(username: str, role: str = "site_manager",
                    display_name: str = "王经理") -> NewRecord:  # fmt: skip
    """An account's chained record: verify checks the accounts table against it."""
    return NewRecord(kind="account", at=AT, day="2024-04-01",
                     body={"username": username, "role": role, "display_name": display_name})


def test_version_1_file_migrates_to_accounts(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path, migrations=schema.MIGRATIONS[:1]) as old:
        old.append(person(1))
        assert old.schema_version == 1
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION >= 2
        columns = [r[1] for r in ledger._conn.execute("PRAGMA table_info(accounts)")]
        assert columns == ["username", "role", "display_name", "pin_hash", "salt", "failures",
                           "locked_until", "created_seq"]  # fmt: skip
        assert ledger.verify().ok and ledger.accounts() == []


def test_create_and_update_account_with_their_records(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        stored, row = ledger.create_account(
            _account_record("boss"), username="boss", role="site_manager",
            display_name="王经理", pin_hash="scrypt$1$2$3$ab", salt=b"s" * 16,
        )  # fmt: skip
        assert row.created_seq == stored.seq and ledger.get_account("boss") == row
        with pytest.raises(AccountExistsError):
            ledger.create_account(_account_record("boss"), username="boss", role="x",
                                  display_name="x", pin_hash="h", salt=b"s")  # fmt: skip
        assert ledger.count(kind="account") == 1  # the refused one left no record
        sign_in = NewRecord(kind="sign_in", at=AT, day="2024-04-01", body={"result": "ok"})
        ledger.update_account("boss", {"failures": 3}, sign_in)
        assert ledger.get_account("boss").failures == 3  # type: ignore[union-attr]
        with pytest.raises(ValueError):
            ledger.update_account("boss", {"created_seq": 9})
        bad = NewRecord(kind="BAD KIND", at=AT, day="2024-04-01", body={})
        with pytest.raises(Exception):  # noqa: B017 - the record is refused before the write
            ledger.update_account("boss", {"failures": 4}, bad)
        assert ledger.get_account("boss").failures == 3  # type: ignore[union-attr]
        assert ledger.count(kind="sign_in") == 1 and ledger.verify().ok
        hashes = ledger._conn.execute("SELECT body FROM records").fetchall()
        assert all("scrypt$" not in body for (body,) in hashes)


def test_search_people_drafts_and_backup(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        ledger.append(person(7))
        found = ledger.search_people(NAME[:2])
        assert [p.person_id for p in found] == ["person-7"]
        assert ledger.search_people("%") == [] and ledger.search_people(" ") == []
        ledger.save_draft("d1", {"name": "x"})
        assert ledger.discard_drafts_before(datetime.now(UTC) - timedelta(days=1)) == 0
        assert ledger.discard_drafts_before(datetime.now(UTC) + timedelta(seconds=1)) == 1
        copy = tmp_path / "copy.db"
        ledger.backup_to(copy)
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    with Ledger.open(copy, readonly=True) as backup:
        assert backup.verify().ok and backup.head().records == 1


def test_build_helper_still_verifies(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    build(path, 3)
    with Ledger.open(path) as ledger:
        assert ledger.verify().ok
