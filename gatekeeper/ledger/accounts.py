"""The `accounts` table: who may sign in, their PIN hash and lockout state.

Kept outside the chain (see schema._accounts): a PIN hash is a secret, and the chain
is exported and backed up whole. The ledger stores what the services hand it; the
rules (roles, PIN length, lockout) are the services' business.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

_COLUMNS = "username, role, display_name, pin_hash, salt, failures, locked_until, created_seq"
#: The columns an update may change (the rest are fixed when the account is created).
MUTABLE = ("role", "display_name", "pin_hash", "salt", "failures", "locked_until")


@dataclass(frozen=True)
class AccountRow:
    """One row of `accounts`. `locked_until` is an ISO 8601 instant or None.

    `failures` counts the wrong PINs since the last right one (or PIN change), across
    lockouts: the services derive the lockout's round from it (failures // 5), so a
    lockout that grows needs no column of its own and files of schema 2 keep opening,
    read-only too. `pin_hash` is "scrypt$N$r$p$hex": each hash carries its own cost.
    """

    username: str
    role: str
    display_name: str
    pin_hash: str
    salt: bytes
    failures: int
    locked_until: str | None
    created_seq: int


def insert(conn: sqlite3.Connection, row: AccountRow) -> None:
    conn.execute(
        f"INSERT INTO accounts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            row.username,
            row.role,
            row.display_name,
            row.pin_hash,
            row.salt,
            row.failures,
            row.locked_until,
            row.created_seq,
        ),
    )


def get(conn: sqlite3.Connection, username: str) -> AccountRow | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM accounts WHERE username = ?", (username,)
    ).fetchone()
    return AccountRow(*row) if row else None


def all_rows(conn: sqlite3.Connection) -> list[AccountRow]:
    rows = conn.execute(f"SELECT {_COLUMNS} FROM accounts ORDER BY created_seq, username")
    return [AccountRow(*row) for row in rows]


def update(conn: sqlite3.Connection, username: str, changes: dict[str, Any]) -> int:
    unknown = set(changes) - set(MUTABLE)
    if unknown:
        raise ValueError(f"accounts columns that cannot change: {sorted(unknown)}")
    if not changes:
        return 0
    assignments = ", ".join(f"{name} = ?" for name in changes)
    return conn.execute(
        f"UPDATE accounts SET {assignments} WHERE username = ?", (*changes.values(), username)
    ).rowcount
