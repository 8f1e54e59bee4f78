"""The ways a ledger write really fails, for any test: SQLite's own errors, raised where
SQLite raises them and handled by the ledger's real error path.

A full disk fails the statements that write (SQLite's exact error, injected at the
connection, since no test may fill a real disk); a lock is a real second connection
holding the write lock; a read-only ledger is a connection SQLite refuses to let write
(chmod would not stop root, who runs CI).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from gatekeeper.ledger import Ledger
from gatekeeper.ledger.schema import BUSY_TIMEOUT_MS


class _FaultyConnection:
    """The ledger's own connection, except that statements that write fail as SQLite
    fails on a full disk (the error SQLite raises, through the ledger's own handling)."""

    WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")

    def __init__(self, conn: sqlite3.Connection, message: str, only: str = "") -> None:
        self._conn = conn
        self._message = message
        self._only = only  # fail only writes that name this table ("" = every write)

    def _check(self, sql: str) -> None:
        text = sql.lstrip().upper()
        if text.startswith(self.WRITES) and self._only.upper() in text:
            raise sqlite3.OperationalError(self._message)

    def execute(self, sql: str, *args: Any) -> Any:
        self._check(sql)
        return self._conn.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self._check(sql)
        return self._conn.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@contextmanager
def disk_full(ledger: Ledger, only: str = "") -> Iterator[None]:
    real = ledger._conn
    ledger._conn = _FaultyConnection(  # type: ignore[assignment]
        real, "database or disk is full", only)
    try:
        yield
    finally:
        ledger._conn = real


@contextmanager
def locked(ledger: Ledger) -> Iterator[None]:
    """Another program holds the write lock (a real second connection)."""
    other = sqlite3.connect(ledger.path, isolation_level=None)
    ledger._conn.execute("PRAGMA busy_timeout=20")
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()
        ledger._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


@contextmanager
def read_only(ledger: Ledger) -> Iterator[None]:
    """SQLite refuses every write on this connection (as on a read-only file or mount;
    chmod would not stop root, who runs the tests in CI)."""
    ledger._conn.execute("PRAGMA query_only=ON")
    try:
        yield
    finally:
        ledger._conn.execute("PRAGMA query_only=OFF")


FAILURES = {"disk_full": disk_full, "locked": locked, "read_only": read_only}
EXPECTED = {  # what the page says, in each language
    "disk_full": ("disk holding the ledger", "磁盘已满"),
    "locked": ("locked by another program", "锁定"),
    "read_only": ("cannot be written", "无法写入"),
}
