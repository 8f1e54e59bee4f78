"""What an attacker holding the ledger file can do, for the tests that check it is found:
plain sqlite3, GateKeeper's guard triggers dropped."""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: An account added by hand, with braces in its name (a value from the file that the
#: messages must say as it stands, never fill as a template).
FORGED_ACCOUNT = (
    "INSERT INTO accounts (username, role, display_name, pin_hash, salt, failures, "
    "locked_until, created_seq) VALUES ('{boss}', 'site_manager', '{', 'x', x'00', 0, "
    "NULL, 1)"
)


def raw(path: Path) -> sqlite3.Connection:
    """A tamperer's connection to `path`: autocommit, every trigger dropped."""
    conn = sqlite3.connect(path, isolation_level=None)
    triggers = conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for (name,) in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    return conn


def raw_copy(source: Path, copy: Path) -> sqlite3.Connection:
    """A consistent copy of the ledger at `source` (its WAL included, while it is open
    elsewhere) at `copy`, opened as `raw` opens a file."""
    with sqlite3.connect(source) as live, sqlite3.connect(copy) as target:
        live.backup(target)
    live.close()
    target.close()
    return raw(copy)
