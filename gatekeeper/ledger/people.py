"""The `people` projection: who is registered, found by ID number or person_id.

Rebuildable from records of kind "person" (newest record per person wins: a person
record is a full snapshot). Personal fields `name`, `id_type`, `id_number`, `phone`
come from the record's personal part (`id_type` may sit in the body instead, being no
secret); `fields` is the body. A purged record projects to NULL personal columns.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from gatekeeper.ledger import canonical
from gatekeeper.ledger.model import Person

PERSON_KIND = "person"

_UPSERT = """
INSERT INTO people (person_id, id_type, id_number, name, phone, fields, updated_seq)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (person_id) DO UPDATE SET
    id_type = excluded.id_type, id_number = excluded.id_number, name = excluded.name,
    phone = excluded.phone, fields = excluded.fields, updated_seq = excluded.updated_seq
WHERE excluded.updated_seq >= people.updated_seq
"""
_COLUMNS = "person_id, id_type, id_number, name, phone, fields, updated_seq"


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return str(value)


def project_row(
    seq: int, person_id: str, body_json: str, personal_json: str | None
) -> tuple[Any, ...]:
    """The people row one person record stands for."""
    body = canonical.loads(body_json)
    personal = canonical.loads(personal_json) if personal_json else {}
    id_type = personal.get("id_type", body.get("id_type"))
    return (
        person_id,
        _text(id_type),
        _text(personal.get("id_number")),
        _text(personal.get("name")),
        _text(personal.get("phone")),
        body_json,
        seq,
    )


def apply(
    conn: sqlite3.Connection, seq: int, person_id: str, body_json: str, personal_json: str | None
) -> None:
    """Update the projection for a record just appended (same transaction)."""
    conn.execute(_UPSERT, project_row(seq, person_id, body_json, personal_json))


def rebuild(conn: sqlite3.Connection) -> int:
    """Recompute the whole table from the records; the caller holds the transaction."""
    conn.execute("DELETE FROM people")
    rows = conn.execute(
        "SELECT seq, person_id, body, personal FROM records "
        "WHERE kind = ? AND person_id IS NOT NULL ORDER BY seq",
        (PERSON_KIND,),
    )
    conn.executemany(_UPSERT, (project_row(*row) for row in rows.fetchall()))
    return int(conn.execute("SELECT count(*) FROM people").fetchone()[0])


def reproject_purged(conn: sqlite3.Connection) -> None:
    """After a purge: people whose source record lost its personal fields lose them too."""
    rows = conn.execute(
        "SELECT r.seq, r.person_id, r.body, r.personal FROM people p "
        "JOIN records r ON r.seq = p.updated_seq WHERE r.personal IS NULL"
    ).fetchall()
    conn.executemany(_UPSERT, (project_row(*row) for row in rows))


def _person(row: tuple[Any, ...] | None) -> Person | None:
    if row is None:
        return None
    person_id, id_type, id_number, name, phone, fields, updated_seq = row
    return Person(person_id, id_type, id_number, name, phone, canonical.loads(fields), updated_seq)


def find(conn: sqlite3.Connection, id_type: str, id_number: str) -> Person | None:
    """The person an ID number names. Registered twice (two kiosks offline, then synced:
    records are never rewritten, so both registrations stay), it names the one
    registered first — the earliest first `person` record, then the smaller person id —
    so every replica of the site finds the same person, whatever order it synced in."""
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM people p WHERE id_type = ? AND id_number = ? "
        "ORDER BY (SELECT min(r.at) FROM records r WHERE r.person_id = p.person_id "
        "AND r.kind = ?), person_id LIMIT 1",
        (str(id_type), str(id_number), PERSON_KIND),
    ).fetchone()
    return _person(row)


def get(conn: sqlite3.Connection, person_id: str) -> Person | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM people WHERE person_id = ?", (person_id,)
    ).fetchone()
    return _person(row)


def search(conn: sqlite3.Connection, text: str, limit: int = 200) -> list[Person]:
    """By exact ID number (any type) or by a part of the name, newest registration first."""
    text = text.strip()
    if not text:
        return []
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM people WHERE id_number = ? OR name LIKE ? ESCAPE '\\' "
        "ORDER BY updated_seq DESC LIMIT ?",
        (text, f"%{escaped}%", limit),
    ).fetchall()
    return [p for p in (_person(row) for row in rows) if p is not None]
