"""The column declaration (gatekeeper/ledger/columns.py) is the one list of the columns:
the dataclasses, the file's table and triggers, and the hash preimage agree with it."""

from __future__ import annotations

import inspect
import re
import sqlite3
import types
import typing
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from ledger_support import build

from gatekeeper.ledger import SCHEMA_VERSION, Ledger, NewRecord, StoredRecord, chain, columns, store
from gatekeeper.ledger.columns import Column, Cover, Source

# How the chain covers each column, written out here on purpose. A new column fails
# this test until its author decides: FIELD changes the preimage (a new preimage
# version: records written before would no longer verify), DIGEST makes it personal
# and purgeable, NONE leaves it unprotected (then test_ledger_tamper must still catch
# an edit of it).
COVER = {
    "seq": Cover.NONE,
    "uuid": Cover.FIELD,
    "kiosk_id": Cover.FIELD,
    "kiosk_seq": Cover.FIELD,
    "kind": Cover.FIELD,
    "at": Cover.FIELD,
    "day": Cover.FIELD,
    "person_id": Cover.FIELD,
    "subject_id": Cover.FIELD,
    "channel": Cover.FIELD,
    "outcome": Cover.FIELD,
    "reason": Cover.FIELD,
    "body": Cover.FIELD,
    "personal": Cover.DIGEST,
    "salt": Cover.DIGEST,
    "personal_digest": Cover.FIELD,
    "corrects": Cover.FIELD,
    "prev_hash": Cover.LINK,
    "hash": Cover.NONE,
}
# The preimage of version 1, in order (chain.py's docstring).
PREIMAGE_V1 = [
    "prev_hash",
    "uuid",
    "kiosk_id",
    "kiosk_seq",
    "kind",
    "at",
    "day",
    "person_id",
    "subject_id",
    "channel",
    "outcome",
    "reason",
    "body",
    "personal_digest",
    "corrects",
]


def test_every_column_has_decided_how_the_hash_covers_it() -> None:
    assert {c.name: c.cover for c in columns.RECORDS} == COVER


def test_the_preimage_is_version_1() -> None:
    assert chain.TAG == b"gatekeeper-ledger/1\n"
    assert list(chain.HASHED_COLUMNS) == PREIMAGE_V1


def test_a_column_cannot_be_declared_without_the_decisions() -> None:
    with pytest.raises(TypeError):
        Column("note", "TEXT")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Column("note", "TEXT", Cover.FIELD)  # type: ignore[call-arg]


def test_the_declaration_is_well_formed() -> None:
    names = [c.name for c in columns.RECORDS]
    assert len(names) == len(set(names)) and all(re.fullmatch(r"[a-z_]+", n) for n in names)
    for c in columns.RECORDS:
        assert isinstance(c.cover, Cover) and isinstance(c.source, Source), c.name
        assert 1 <= c.since <= SCHEMA_VERSION, c.name
    assert [c.cover for c in columns.RECORDS].count(Cover.LINK) == 1
    assert columns.purgeable() == ("personal", "salt")
    assert columns.frozen() == tuple(n for n in names if n not in columns.purgeable())


def _optional(hint: object) -> bool:
    return isinstance(hint, types.UnionType) and type(None) in typing.get_args(hint)


def test_stored_record_fields_are_the_read_columns_in_order() -> None:
    """_stored builds a StoredRecord by position from a SELECT of columns.READ."""
    assert tuple(f.name for f in fields(StoredRecord)) == columns.READ
    hints = typing.get_type_hints(StoredRecord)
    for name in columns.READ:
        column = columns.BY_NAME[name]
        nullable = "NOT NULL" not in column.sql and "PRIMARY KEY" not in column.sql
        assert _optional(hints[name]) == nullable, name
        assert ("dict[" in str(hints[name])) == column.json, name


def test_new_record_fields_are_the_caller_columns() -> None:
    callers = {c.name for c in columns.RECORDS if c.source is Source.CALLER}
    assert {f.name for f in fields(NewRecord)} == callers


def test_prepared_fields_are_the_columns_set_before_the_transaction() -> None:
    """_append_in builds the row from a _Prepared by these names."""
    assert tuple(f.name for f in fields(store._Prepared)) == columns.PREPARED


def test_the_insert_writes_every_column_but_seq() -> None:
    assert tuple(n for n in columns.NAMES if n != "seq") == columns.WRITTEN
    listed, marks = re.fullmatch(
        r"INSERT INTO records \((.*)\) VALUES \((.*)\)", columns.INSERT
    ).groups()  # type: ignore[union-attr]
    assert listed.split(", ") == list(columns.WRITTEN)
    assert marks.split(", ") == [f":{n}" for n in columns.WRITTEN]


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A plain connection to a new ledger file with a few records."""
    build(tmp_path / "l.db", 3)
    conn = sqlite3.connect(tmp_path / "l.db")
    yield conn
    conn.close()


def test_the_file_has_the_declared_columns(fresh: sqlite3.Connection) -> None:
    conn = fresh
    table = [(name, kind, bool(notnull), bool(pk)) for _, name, kind, notnull, _, pk in
             conn.execute("PRAGMA table_info(records)")]  # fmt: skip
    assert table == [
        (c.name, c.sql.split()[0], "NOT NULL" in c.sql, "PRIMARY KEY" in c.sql)
        for c in columns.RECORDS
    ]


def test_the_guard_triggers_name_the_declared_columns(fresh: sqlite3.Connection) -> None:
    sql = dict(fresh.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))

    def guarded(trigger: str) -> tuple[str, ...]:
        match = re.search(r"BEFORE UPDATE OF (.*?) ON records", sql[trigger])
        assert match is not None
        return tuple(match.group(1).split(", "))

    assert guarded("records_no_update") == columns.frozen()
    assert guarded("records_purge_only") == columns.purgeable()


def test_query_columns_are_the_filters_and_are_indexed(fresh: sqlite3.Connection) -> None:
    filters: set[str] = set()
    for method in (Ledger.records, Ledger.count):
        filters |= set(inspect.signature(method).parameters) - {"self", "until_day"}
    assert filters == set(columns.QUERY)
    assert set(store.COUNT_BY_COLUMNS) <= set(columns.QUERY)
    indexed = {
        column
        for _, index, *_ in fresh.execute("PRAGMA index_list(records)")
        for _, _, column in fresh.execute(f"PRAGMA index_info({index})")
    }
    assert set(columns.QUERY) <= indexed
