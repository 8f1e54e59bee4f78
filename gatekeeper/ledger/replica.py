"""The ledger as a replica of its site: this kiosk's records out, the others' in.

A kiosk's file holds every kiosk's chain (`kiosk_id`, `kiosk_seq`, `prev_hash`,
`chain_heads`), so the site's other records are taken in verbatim — same uuid, hashes,
salt and personal digest — and checked link by link against the local copy of their
chain before any is kept: a record the hub (or anyone between) changed, dropped or
reordered is refused, and nothing of that batch is kept. The projections follow in
the same transaction: people, accounts (identity only; the PIN hash comes with the
hub's secrets), and a pulled purge erases here what it erased where it was made.

Where the sync stands is kept in `meta` (`hub.*` keys) in the same transaction as
the records it describes, so a crash never leaves the two disagreeing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from gatekeeper.ledger import accounts, canonical, chain, columns, people, projections
from gatekeeper.ledger.accounts import AccountRow

#: An account pulled before its PIN hash: no PIN matches it until the secret arrives.
PENDING_PIN = "pending$"
_OWN = f"SELECT {', '.join(columns.WRITTEN)} FROM records WHERE kiosk_id = ? AND kiosk_seq > ? "
_PURGE = (
    f"UPDATE records SET {', '.join(f'{c} = NULL' for c in columns.purgeable())} "
    f"WHERE day < ? AND ({' OR '.join(f'{c} IS NOT NULL' for c in columns.purgeable())})"
)


class ChainMismatch(Exception):
    """A pulled record does not fit the local copy of its kiosk's chain."""

    def __init__(self, kiosk_id: str, kiosk_seq: int, detail: str) -> None:
        super().__init__(f"kiosk {kiosk_id} sequence {kiosk_seq}: {detail}")
        self.kiosk_id = kiosk_id
        self.kiosk_seq = kiosk_seq
        self.detail = detail


@dataclass(frozen=True)
class Absorbed:
    """What one batch brought: records kept, and those already here (skipped)."""

    added: int
    skipped: int


def own_after(
    conn: sqlite3.Connection, kiosk_id: str, after: int, limit: int
) -> list[dict[str, Any]]:
    """This kiosk's records after its sequence `after`, as stored (salt included)."""
    rows = conn.execute(_OWN + "ORDER BY kiosk_seq LIMIT ?", (kiosk_id, after, limit))
    return [dict(zip(columns.WRITTEN, row, strict=True)) for row in rows]


def hash_at(conn: sqlite3.Connection, kiosk_id: str, kiosk_seq: int) -> str | None:
    row = conn.execute(
        "SELECT hash FROM records WHERE kiosk_id = ? AND kiosk_seq = ?", (kiosk_id, kiosk_seq)
    ).fetchone()
    return str(row[0]) if row else None


def absorb(conn: sqlite3.Connection, rows: Iterable[Mapping[str, Any]]) -> Absorbed:
    """Take in other kiosks' records, each checked against its chain; the caller holds
    the write transaction (so a ChainMismatch keeps none of the batch).

    A kiosk id this file once had itself (a copied disk given a new id: `former_ids`)
    is the exception: where the original machine's chain goes on past the copy's own
    records under that id, those pulled records are left out (the copy's stay, the
    original's are safe on the hub), so the copy keeps syncing under its new id."""
    heads: dict[str, tuple[int, str]] = {}
    former = set(filter(None, get_state(conn).get("former_ids", "").split(",")))
    forked: set[str] = set()
    added = skipped = 0
    for row in rows:
        values = {name: row.get(name) for name in columns.WRITTEN}
        kiosk, kseq = str(values["kiosk_id"]), int(values["kiosk_seq"] or 0)
        if kiosk in forked:
            skipped += 1
            continue
        if kiosk in former and not _fits(conn, values):
            forked.add(kiosk)
            skipped += 1
            continue
        if kiosk not in heads:
            found = conn.execute(
                "SELECT kiosk_seq, hash FROM chain_heads WHERE kiosk_id = ?", (kiosk,)
            ).fetchone()
            heads[kiosk] = (int(found[0]), str(found[1])) if found else (0, chain.GENESIS)
        head_seq, head_hash = heads[kiosk]
        if kseq <= head_seq:  # already here (pulled before): the same record, or a fork
            if hash_at(conn, kiosk, kseq) != values["hash"]:
                raise ChainMismatch(kiosk, kseq, "another record is already here at that place")
            skipped += 1
            continue
        if kseq != head_seq + 1:
            raise ChainMismatch(kiosk, kseq, f"records {head_seq + 1}..{kseq - 1} are missing")
        if values["prev_hash"] != head_hash:
            raise ChainMismatch(kiosk, kseq, "it does not link to the record before it")
        if isinstance(values["salt"], memoryview):
            values["salt"] = bytes(values["salt"])
        _check(values, kiosk, kseq)
        if conn.execute("SELECT 1 FROM records WHERE uuid = ?", (values["uuid"],)).fetchone():
            raise ChainMismatch(kiosk, kseq, f"its uuid {values['uuid']} is already here")
        seq = conn.execute(columns.INSERT, values).lastrowid
        assert seq is not None
        _project(conn, seq, values)
        heads[kiosk] = (kseq, str(values["hash"]))
        added += 1
    for kiosk, (kseq, digest) in heads.items():
        conn.execute(
            "INSERT INTO chain_heads (kiosk_id, kiosk_seq, hash) VALUES (?, ?, ?) "
            "ON CONFLICT (kiosk_id) DO UPDATE SET kiosk_seq = excluded.kiosk_seq, "
            "hash = excluded.hash WHERE excluded.kiosk_seq > chain_heads.kiosk_seq",
            (kiosk, kseq, digest),
        )
    return Absorbed(added, skipped)


def _fits(conn: sqlite3.Connection, values: Mapping[str, Any]) -> bool:
    """Whether a pulled record is already here or links to this file's head of its chain."""
    kiosk, kseq = str(values["kiosk_id"]), int(values["kiosk_seq"] or 0)
    found = conn.execute(
        "SELECT kiosk_seq, hash FROM chain_heads WHERE kiosk_id = ?", (kiosk,)
    ).fetchone()
    head_seq, head_hash = (int(found[0]), str(found[1])) if found else (0, chain.GENESIS)
    if kseq <= head_seq:
        return hash_at(conn, kiosk, kseq) == str(values["hash"])
    return kseq == head_seq + 1 and values["prev_hash"] == head_hash


def _check(values: Mapping[str, Any], kiosk: str, kseq: int) -> None:
    """The record's own hash and personal digest, recomputed here."""
    try:
        digest = chain.record_hash([values[name] for name in chain.HASHED_COLUMNS])
    except (TypeError, ValueError) as exc:
        raise ChainMismatch(kiosk, kseq, f"it cannot be read ({exc})") from None
    if digest != values["hash"]:
        raise ChainMismatch(kiosk, kseq, "its hash does not match its content")
    personal, salt = values["personal"], values["salt"]
    if personal is not None and (
        not isinstance(salt, bytes)
        or chain.personal_digest(salt, str(personal)) != values["personal_digest"]
    ):
        raise ChainMismatch(kiosk, kseq, "its personal fields do not match their digest")
    for name in ("body", "personal"):
        if values[name] is not None:
            try:
                canonical.loads(str(values[name]))
            except ValueError:
                raise ChainMismatch(kiosk, kseq, f"its {name} is not JSON") from None


def _project(conn: sqlite3.Connection, seq: int, values: Mapping[str, Any]) -> None:
    kind = values["kind"]
    if kind == people.PERSON_KIND and values["person_id"] is not None:
        people.apply(conn, seq, str(values["person_id"]), str(values["body"]),
                     values["personal"])  # fmt: skip
    elif kind == projections.ACCOUNT_KIND:
        body = canonical.loads(str(values["body"]))
        username = str(body.get("username"))
        if accounts.get(conn, username) is None:  # the first account of that name stays
            accounts.insert(conn, AccountRow(
                username, str(body.get("role")), str(body.get("display_name")),
                PENDING_PIN, b"", 0, None, seq,
            ))  # fmt: skip
    elif kind == projections.PURGE_KIND:
        cutoff = str(canonical.loads(str(values["body"])).get("cutoff") or "")
        if cutoff:
            conn.execute(_PURGE, (cutoff,))
            people.reproject_purged(conn)


def pin_set_at(conn: sqlite3.Connection) -> dict[str, str]:
    """For each account, when its PIN was last set by a chained record (account created
    or PIN changed), at whichever kiosk: the newest PIN wins across the site."""
    out: dict[str, str] = {}
    for at, body in conn.execute(
        "SELECT at, body FROM records WHERE kind IN (?, ?)",
        (projections.ACCOUNT_KIND, "pin_changed"),
    ):
        username = str(canonical.loads(body).get("username"))
        if at > out.get(username, ""):
            out[username] = str(at)
    return out


def take_secrets(conn: sqlite3.Connection, secrets: Sequence[tuple[str, str, bytes, str]]) -> int:
    """PIN hashes from the hub for accounts known here, where the hub's is at least as new
    as the newest PIN record here; returns how many changed."""
    known = pin_set_at(conn)
    changed = 0
    for username, pin_hash, salt, set_at in secrets:
        row = accounts.get(conn, username)
        if row is None or set_at < known.get(username, ""):
            continue
        if row.pin_hash != pin_hash:
            accounts.update(conn, username, {"pin_hash": pin_hash, "salt": salt})
            changed += 1
    return changed


def get_state(conn: sqlite3.Connection) -> dict[str, str]:
    rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE 'hub.%'")
    return {str(k)[4:]: str(v) for k, v in rows}


def set_state(conn: sqlite3.Connection, **values: str | None) -> None:
    for key, value in values.items():
        if value is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (f"hub.{key}",))
        else:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (f"hub.{key}", value),
            )
