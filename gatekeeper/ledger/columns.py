"""The columns of `records`, declared once.

Everything that lists them derives from `RECORDS`: migration 1's CREATE TABLE and its
guard triggers (schema.py), the INSERT, the SELECT behind `StoredRecord` and the purge
(store.py), and the hash preimage (`chain.HASHED_COLUMNS`). The dataclasses
(`NewRecord`, `StoredRecord`, `store._Prepared`) are checked against it by
tests/ledger/test_ledger_columns.py; tests/ledger/test_ledger_pinned.py pins the bytes.

Each column has to say how the chain covers it and who sets it (no defaults), so a new
column cannot slip past the tamper evidence unnoticed. A new column is a schema change:
append it here with `since` = the version whose migration adds it (ALTER TABLE ... ADD
COLUMN from `definition`; migration 1's table stays as it always was). One covered by
the hash needs a new preimage version too, or no record written before would verify.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Cover(Enum):
    """How the hash chain protects a column."""

    LINK = "link"  # the previous record's hash: the first field of the preimage
    FIELD = "field"  # a preimage field, in declaration order after the link
    DIGEST = "digest"  # purgeable personal data: covered only through personal_digest
    NONE = "none"  # seq (local: differs once ledgers are merged) and hash (the result)


class Source(Enum):
    """Who sets a column's value."""

    CALLER = "caller"  # a `NewRecord` field, validated and serialised by store.prepare
    PREPARE = "prepare"  # computed by store.prepare from the caller's fields
    CHAIN = "chain"  # the record's place in its kiosk's chain, set in the transaction
    SQLITE = "sqlite"  # seq: SQLite's AUTOINCREMENT


@dataclass(frozen=True)
class Column:
    """One column of `records`; `sql` is its type and constraints in CREATE TABLE."""

    name: str
    sql: str
    cover: Cover
    source: Source
    query: bool = False  # a filter of Ledger.records / count (an index serves it)
    json: bool = False  # canonical JSON text, decoded for StoredRecord
    read: bool = True  # a StoredRecord field (the salt never leaves the ledger)
    since: int = 1  # the schema version that added it

    @property
    def definition(self) -> str:
        return f"{self.name} {self.sql}"


RECORDS: tuple[Column, ...] = (
    Column("seq", "INTEGER PRIMARY KEY AUTOINCREMENT", Cover.NONE, Source.SQLITE),
    Column("uuid", "TEXT NOT NULL", Cover.FIELD, Source.CALLER),
    Column("kiosk_id", "TEXT NOT NULL", Cover.FIELD, Source.CHAIN),
    Column("kiosk_seq", "INTEGER NOT NULL", Cover.FIELD, Source.CHAIN),
    Column("kind", "TEXT NOT NULL", Cover.FIELD, Source.CALLER, query=True),
    Column("at", "TEXT NOT NULL", Cover.FIELD, Source.CALLER),
    Column("day", "TEXT NOT NULL", Cover.FIELD, Source.CALLER, query=True),
    Column("person_id", "TEXT", Cover.FIELD, Source.CALLER, query=True),
    Column("subject_id", "TEXT", Cover.FIELD, Source.CALLER, query=True),
    Column("channel", "TEXT", Cover.FIELD, Source.CALLER, query=True),
    Column("outcome", "TEXT", Cover.FIELD, Source.CALLER, query=True),
    Column("reason", "TEXT", Cover.FIELD, Source.CALLER, query=True),
    Column("body", "TEXT NOT NULL", Cover.FIELD, Source.CALLER, json=True),
    Column("personal", "TEXT", Cover.DIGEST, Source.CALLER, json=True),
    Column("salt", "BLOB", Cover.DIGEST, Source.PREPARE, read=False),
    Column("personal_digest", "TEXT", Cover.FIELD, Source.PREPARE),
    Column("corrects", "TEXT", Cover.FIELD, Source.CALLER),
    Column("prev_hash", "TEXT NOT NULL", Cover.LINK, Source.CHAIN),
    Column("hash", "TEXT NOT NULL", Cover.NONE, Source.CHAIN),
)

NAMES: tuple[str, ...] = tuple(c.name for c in RECORDS)
BY_NAME: dict[str, Column] = {c.name: c for c in RECORDS}
# The preimage's fields in order: the link, then the covered columns as declared.
HASHED: tuple[str, ...] = tuple(c.name for c in RECORDS if c.cover is Cover.LINK) + tuple(
    c.name for c in RECORDS if c.cover is Cover.FIELD
)
READ: tuple[str, ...] = tuple(c.name for c in RECORDS if c.read)  # StoredRecord's order
JSON_AT: tuple[int, ...] = tuple(i for i, n in enumerate(READ) if BY_NAME[n].json)
PREPARED: tuple[str, ...] = tuple(
    c.name for c in RECORDS if c.source in (Source.CALLER, Source.PREPARE)
)
WRITTEN: tuple[str, ...] = tuple(c.name for c in RECORDS if c.source is not Source.SQLITE)
QUERY: tuple[str, ...] = tuple(c.name for c in RECORDS if c.query)

SELECT = ", ".join(READ)
"""The column list of a SELECT whose rows become StoredRecords (store._stored)."""
INSERT = (
    f"INSERT INTO records ({', '.join(WRITTEN)}) "
    f"VALUES ({', '.join(f':{name}' for name in WRITTEN)})"
)
"""The INSERT of one record; bind a mapping of every column but seq."""


def as_of(version: int) -> tuple[Column, ...]:
    """The columns a file of that schema version has."""
    return tuple(c for c in RECORDS if c.since <= version)


def create_table(version: int) -> str:
    """CREATE TABLE records as of a version (laid out as migration 1 always wrote it:
    SQLite keeps the text, and a fresh file's schema should equal a migrated one's)."""
    body = ",\n".join(f"            {c.definition}" for c in as_of(version))
    return f"\n        CREATE TABLE records (\n{body}\n        ) STRICT\n        "


def frozen(version: int | None = None) -> tuple[str, ...]:
    """Columns that never change after the append: all but the purgeable ones."""
    cols = RECORDS if version is None else as_of(version)
    return tuple(c.name for c in cols if c.cover is not Cover.DIGEST)


def purgeable(version: int | None = None) -> tuple[str, ...]:
    """Columns a purge sets to NULL (personal data, covered only through its digest)."""
    cols = RECORDS if version is None else as_of(version)
    return tuple(c.name for c in cols if c.cover is Cover.DIGEST)
