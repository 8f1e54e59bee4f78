"""Chain rules that no other test pinned on their own (found by tests/mutation, see
docs/mutation.md): the link to the previous hash and to genesis, checked against a forger
who re-hashes what they changed, and the guard triggers, checked by what they refuse.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ledger_support import build, raw, verify

from gatekeeper.ledger import Ledger, columns
from gatekeeper.ledger.chain import GENESIS, HASHED_COLUMNS, record_hash

N = 6
LINK = "prev_hash does not match the previous record's hash (chain broken)"


def _rehash(conn: sqlite3.Connection, seq: int) -> str:
    """What a forger who knows the (published) preimage does after changing a record."""
    values = conn.execute(
        f"SELECT {', '.join(HASHED_COLUMNS)} FROM records WHERE seq = ?", (seq,)
    ).fetchone()
    digest = record_hash(values)
    conn.execute("UPDATE records SET hash = ? WHERE seq = ?", (digest, seq))
    return digest


def test_a_record_edited_and_rehashed_is_caught_by_the_next_records_link(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ledger.db"
    build(path, N)
    conn = raw(path)
    conn.execute("UPDATE records SET body = ? WHERE seq = 3", ('{"forged":true}',))
    _rehash(conn, 3)  # record 3 is consistent in itself now
    conn.close()
    problem = verify(path).problem
    assert problem is not None and problem.seq == 4 and problem.what == LINK


def test_a_chain_that_does_not_start_at_genesis_is_caught_even_fully_rehashed(
    tmp_path: Path,
) -> None:
    """Every record re-linked and re-hashed, the head updated: only the first link says
    that something stood before record 1."""
    path = tmp_path / "ledger.db"
    build(path, N)
    conn = raw(path)
    prev = "ab" * 32
    assert prev != GENESIS
    for seq in range(1, N + 1):
        conn.execute("UPDATE records SET prev_hash = ? WHERE seq = ?", (prev, seq))
        prev = _rehash(conn, seq)
    conn.execute("UPDATE chain_heads SET hash = ?", (prev,))
    conn.close()
    problem = verify(path).problem
    assert problem is not None and problem.seq == 1 and problem.what == LINK


@pytest.fixture
def guarded(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    build(path, N)
    return path


def _plain(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection that leaves the triggers in place (a program's bug)."""
    return sqlite3.connect(path, isolation_level=None)


def test_the_ledger_refuses_to_delete_a_record(guarded: Path) -> None:
    conn = _plain(guarded)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM records WHERE seq = 2")
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == N
    conn.close()
    assert verify(guarded).ok


@pytest.mark.parametrize("column", columns.frozen())
def test_the_ledger_refuses_to_update_a_chained_column(guarded: Path, column: str) -> None:
    conn = _plain(guarded)
    before = conn.execute(f"SELECT {column} FROM records WHERE seq = 1").fetchone()[0]
    value: object = -5 if isinstance(before, int) else "changed"
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute(f"UPDATE records SET {column} = ? WHERE seq = 1", (value,))
    assert conn.execute(f"SELECT {column} FROM records WHERE seq = 1").fetchone()[0] == before
    conn.close()
    assert verify(guarded).ok


def test_personal_fields_only_change_to_null(guarded: Path) -> None:
    with Ledger.open(guarded, readonly=True) as ledger:
        target = next(r for r in ledger.records() if r.personal is not None)
    conn = _plain(guarded)
    with pytest.raises(sqlite3.IntegrityError, match="can only be purged"):
        conn.execute("UPDATE records SET personal = ? WHERE seq = ?",
                     ('{"name":"李四"}', target.seq))  # fmt: skip
    with pytest.raises(sqlite3.IntegrityError, match="can only be purged"):
        conn.execute("UPDATE records SET salt = ? WHERE seq = ?", (b"\x00" * 16, target.seq))
    conn.execute("UPDATE records SET personal = NULL, salt = NULL WHERE seq = ?", (target.seq,))
    conn.close()
    # The guard lets the purge's erasure through (the chain covers only the digest), but
    # an erasure no purge record covers is tampering: verify says so, naming the record.
    report = verify(guarded)
    assert not report.ok and report.problem.seq == target.seq
    assert "no purge record" in report.problem.what
