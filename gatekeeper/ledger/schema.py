"""Schema and forward migrations; `PRAGMA user_version` is the schema version.

MIGRATIONS[i] takes a file from version i to i + 1, inside the caller's transaction
(together with the user_version bump, so a crash never leaves half a migration).
A new migration is one function appended to the list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from gatekeeper.ledger import columns

if TYPE_CHECKING:  # imported lazily: only a migration needs it, and it is slow to load
    import sqlite_utils

APP = "gatekeeper"
Migration = Callable[["sqlite_utils.Database"], None]

#: Connection settings applied on every read-write open (see docs/architecture.md).
PRAGMAS: tuple[str, ...] = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",  # a commit that returned survives power loss
    "PRAGMA secure_delete=ON",  # freed bytes (purged personal fields) are zeroed
    "PRAGMA foreign_keys=ON",
)
BUSY_TIMEOUT_MS = 5000


def _initial_schema(db: sqlite_utils.Database) -> None:
    """Version 1: records, chain_heads, meta, drafts, people."""
    # AUTOINCREMENT (never reuse a seq, even after the newest row was removed) is not
    # something sqlite-utils' public create_table offers, so this one table is plain SQL,
    # from the column declaration as of this version (a later column is a later migration).
    db.execute(columns.create_table(version=1))
    records = db.table("records")
    records.create_index(["uuid"], index_name="records_uuid", unique=True)
    records.create_index(["kiosk_id", "kiosk_seq"], index_name="records_kiosk_seq", unique=True)
    # Covering index for day statistics: count(kind, day, outcome[, reason][, channel]).
    records.create_index(
        ["kind", "day", "outcome", "reason", "channel"], index_name="records_stats"
    )
    records.create_index(["person_id", "seq"], index_name="records_person")
    records.create_index(["subject_id", "seq"], index_name="records_subject")
    db.execute("CREATE INDEX records_corrects ON records (corrects) WHERE corrects IS NOT NULL")
    # Guard rails against the program itself (an attacker can drop them; verify catches
    # that): rows are never deleted, and only personal/salt may change, and only to NULL.
    db.execute(
        "CREATE TRIGGER records_no_delete BEFORE DELETE ON records "
        "BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END"
    )
    frozen = ", ".join(columns.frozen(version=1))
    db.execute(
        f"CREATE TRIGGER records_no_update BEFORE UPDATE OF {frozen} ON records "
        "BEGIN SELECT RAISE(ABORT, 'ledger records are append-only'); END"
    )
    purgeable = ", ".join(columns.purgeable(version=1))
    purged = " OR ".join(f"NEW.{name} IS NOT NULL" for name in columns.purgeable(version=1))
    db.execute(
        f"CREATE TRIGGER records_purge_only BEFORE UPDATE OF {purgeable} ON records "
        f"WHEN {purged} "
        "BEGIN SELECT RAISE(ABORT, 'personal fields can only be purged'); END"
    )
    db.create_table(
        "chain_heads",
        {"kiosk_id": str, "kiosk_seq": int, "hash": str},
        pk="kiosk_id",
        not_null={"kiosk_seq", "hash"},
        strict=True,
    )
    db.create_table("meta", {"key": str, "value": str}, pk="key", not_null={"value"}, strict=True)
    db.create_table(
        "drafts",
        {"draft_id": str, "saved_at": str, "data": str},
        pk="draft_id",
        not_null={"saved_at", "data"},
        strict=True,
    )
    db.create_table(
        "people",
        {
            "person_id": str,
            "id_type": str,
            "id_number": str,
            "name": str,
            "phone": str,
            "fields": str,
            "updated_seq": int,
        },
        pk="person_id",
        not_null={"fields", "updated_seq"},
        strict=True,
    )
    db.table("people").create_index(["id_type", "id_number"], index_name="people_id_number")


def _accounts(db: sqlite_utils.Database) -> None:
    """Version 2: `accounts`, the people who sign in (gate staff, managers, inspectors).

    Not chained, on purpose: the PIN hash is a secret, and everything in `records` ends
    up in every export and backup of the chain. The chain holds an "account" record per
    account (username, role, name, without the hash) whose seq is `created_seq`; this
    table holds the hash and the lockout state, which change with every sign-in.
    """
    db.create_table(
        "accounts",
        {
            "username": str,
            "role": str,
            "display_name": str,
            "pin_hash": str,
            "salt": bytes,
            "failures": int,
            "locked_until": str,
            "created_seq": int,
        },
        pk="username",
        not_null={"role", "display_name", "pin_hash", "salt", "failures", "created_seq"},
        defaults={"failures": 0},
        strict=True,
    )


def _site_indexes(db: sqlite_utils.Database) -> None:
    """Version 3: two indexes, so that the manager's dashboard does not grow with the
    ledger (it took 1.8 s on a replica of 10 million records):

    * `records_person_kind` (person_id, kind, seq): a person's newest record of a kind is
      one `max(seq)` seek, however many records of other kinds they have; "who is on
      site" reads each person's newest presence record so (Ledger.latest_per_person),
      where `records_person` walked back through every newer record of theirs;
    * `records_kind_subject` (kind, subject_id): the subjects of a kind and whether one
      has a closing record, in the index alone (Ledger.unclosed, the open quarantine
      cases), where every quarantine start ever recorded was read from the table.

    Built for an existing ledger on its first read-write open (a one-time cost of
    about a second per million records).
    """
    records = db.table("records")
    records.create_index(["person_id", "kind", "seq"], index_name="records_person_kind")
    records.create_index(["kind", "subject_id"], index_name="records_kind_subject")


MIGRATIONS: tuple[Migration, ...] = (_initial_schema, _accounts, _site_indexes)
SCHEMA_VERSION = len(MIGRATIONS)
#: The oldest version a read-only open reads as it is: the versions after it only add
#: indexes, which make queries faster, never different. So an inspector's `verify` of
#: an archived ledger never has to write to the file first (the store's queries name
#: an index only where the file has it).
READABLE_VERSION = 2


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Apply the missing migrations in order; the caller holds the write transaction."""
    version = user_version(conn)
    if version >= len(migrations):
        return version
    import sqlite_utils

    db = sqlite_utils.Database(conn, recursive_triggers=False)
    for number in range(version, len(migrations)):
        migrations[number](db)
        conn.execute(f"PRAGMA user_version = {number + 1}")
    return len(migrations)
