"""The tables verify rebuilds from the chain: `people` and the accounts' identities.

The `people` projection (who is registered, found by ID number) and the `accounts`
table (who may sign in, with which role) live beside the chained records. An edit to
them through plain SQLite — a person renamed, a gate-staff account made a site
manager — is invisible to the hash chain, so `verify` recomputes what they must hold
from the chained records and reports any difference as tampering:

* `people` must equal the projection of the newest `person` record of each person
  (`people.project_row`), column for column;
* a record's personal fields may be gone only where a `purge` record says so (dated
  before the latest purge's cutoff): an erasure without its purge record is tampering;
* the kiosk identity: a file with records must hold a chain of the kiosk its `meta`
  names (`kiosk new-id` and `hub add-kiosk` each start or extend it with a `kiosk`
  record, so a renamed or registered kiosk always has one), and every `kiosk` record
  names the chain it stands in;
* every account must have its `account` record, the record it was created with
  (`created_seq`), with the same username, role and display name; no account record may
  lack its account. (PIN hashes and lockout state are secrets kept outside the chain on
  purpose: they are not checked here.)
"""

from __future__ import annotations

import sqlite3
from typing import Any

from gatekeeper.ledger import canonical, people

ACCOUNT_KIND = "account"


def people_difference(conn: sqlite3.Connection) -> tuple[int | None, str] | None:
    """(the seq of the person record concerned or None, person id) of the first person
    whose `people` row is not what the chain says; None when the table is right."""
    expected: dict[str, tuple[Any, ...]] = {}
    rows = conn.execute(
        "SELECT seq, person_id, body, personal FROM records "
        "WHERE kind = ? AND person_id IS NOT NULL ORDER BY seq",
        (people.PERSON_KIND,),
    )
    for seq, person_id, body, personal in rows:
        expected[person_id] = people.project_row(seq, person_id, body, personal)
    stored = {
        row[0]: tuple(row)
        for row in conn.execute(
            "SELECT person_id, id_type, id_number, name, phone, fields, updated_seq FROM people"
        )
    }
    for person_id in sorted(set(expected) | set(stored)):
        want, have = expected.get(person_id), stored.get(person_id)
        if want is None or have is None or _normal(want) != _normal(have):
            return (want[-1] if want else None), person_id
    return None


def _normal(row: tuple[Any, ...]) -> tuple[Any, ...]:
    # `fields` is JSON: compare its meaning, not its spelling
    return (*row[:5], canonical.loads(row[5]) if isinstance(row[5], str) else row[5], row[6])


def account_difference(conn: sqlite3.Connection) -> tuple[int | None, str] | None:
    """(seq, username) of the first account whose row does not match its `account`
    record (or a record whose account is gone); None when they agree."""
    records: dict[str, tuple[int, dict[str, Any]]] = {}
    for seq, body in conn.execute(
        "SELECT seq, body FROM records WHERE kind = ? ORDER BY seq", (ACCOUNT_KIND,)
    ):
        data = canonical.loads(body)
        records.setdefault(str(data.get("username")), (seq, data))
    try:
        rows = conn.execute(
            "SELECT username, role, display_name, created_seq FROM accounts").fetchall()
    except sqlite3.OperationalError:  # a ledger from before accounts
        rows = []
    seen = set()
    for username, role, display_name, created_seq in rows:
        seen.add(username)
        found = records.get(username)
        if found is None:
            return None, username
        seq, data = found
        if (seq != created_seq or data.get("role") != role
                or data.get("display_name") != display_name):
            return seq, username
    for username, (seq, _data) in records.items():
        if username not in seen:
            return seq, username
    return None


PURGE_KIND = "purge"


def unrecorded_erasure(conn: sqlite3.Connection) -> int | None:
    """The seq of the first record whose personal fields are gone although no purge
    record covers its day (the only permitted erasure is a recorded purge)."""
    cutoff = ""
    for (body,) in conn.execute("SELECT body FROM records WHERE kind = ?", (PURGE_KIND,)):
        cutoff = max(cutoff, str(canonical.loads(body).get("cutoff") or ""))
    row = conn.execute(
        "SELECT seq FROM records WHERE personal IS NULL AND personal_digest IS NOT NULL "
        "AND day >= ? ORDER BY seq LIMIT 1", (cutoff,)
    ).fetchone()
    return int(row[0]) if row else None


KIOSK_KIND = "kiosk"


def identity_difference(conn: sqlite3.Connection) -> tuple[int | None, str] | None:
    """(seq or None, kiosk id) when the kiosk identity is not what the chain says: `meta`
    names a kiosk with no chain in a file that has records (its id was changed), or a
    `kiosk` record names another kiosk than the chain it stands in."""
    for seq, kiosk, body in conn.execute(
        "SELECT seq, kiosk_id, body FROM records WHERE kind = ? ORDER BY seq", (KIOSK_KIND,)
    ):
        if canonical.loads(body).get("kiosk_id") != kiosk:
            return int(seq), str(kiosk)
    row = conn.execute("SELECT value FROM meta WHERE key = 'kiosk_id'").fetchone()
    if row is None or not conn.execute("SELECT 1 FROM records LIMIT 1").fetchone():
        return None
    if conn.execute("SELECT 1 FROM chain_heads WHERE kiosk_id = ?", (row[0],)).fetchone():
        return None
    return None, str(row[0])
