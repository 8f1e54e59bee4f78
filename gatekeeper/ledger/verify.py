"""Check a whole ledger: every chain link, every hash, every personal digest, the heads.

Speed matters (an inspector verifies a million records while waiting): SQLite builds
each preimage with printf() (see chain.PREIMAGE_SQL) and Python only hashes and compares.
Stops at the first problem, in local order, naming the record.
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.ledger import chain, projections
from gatekeeper.ledger.model import KioskHead, LedgerHead, Problem, VerifyReport


def read_head(conn: sqlite3.Connection) -> LedgerHead:
    kiosks = tuple(
        KioskHead(k, s, h)
        for k, s, h in conn.execute(
            "SELECT kiosk_id, kiosk_seq, hash FROM chain_heads ORDER BY kiosk_id"
        )
    )
    return LedgerHead(
        records=sum(k.kiosk_seq for k in kiosks),
        kiosks=kiosks,
        hash=chain.combined_head({k.kiosk_id: k.hash for k in kiosks}),
    )


def _problem(conn: sqlite3.Connection, seq: int | None, code: str, **params: Any) -> Problem:
    filled = messages.filled(f"verify.{code}", **params)  # the problem's catalogue entry
    row = None
    if seq is not None:
        row = conn.execute(
            "SELECT uuid, kiosk_id, kiosk_seq FROM records WHERE seq = ?", (seq,)
        ).fetchone()
    uuid, kiosk_id, kiosk_seq = row if row else (None, params.get("k"), None)
    return Problem(seq, uuid, kiosk_id, kiosk_seq, filled.en, filled)


def _scan(conn: sqlite3.Connection, heads: LedgerHead) -> tuple[int, Problem | None]:
    sha = hashlib.sha256
    genesis = chain.GENESIS
    state: dict[str, tuple[int, str, int]] = {}  # kiosk -> (kiosk_seq, hash, seq)
    expected_seq = 1
    count = 0
    gap: tuple[int, int] | None = None
    rows = conn.execute(
        f"SELECT seq, kiosk_id, kiosk_seq, prev_hash, hash, {chain.PREIMAGE_SQL}, "
        "personal, salt, personal_digest FROM records ORDER BY seq",
        (chain.FORMAT,),
    )
    for seq, kiosk, kseq, prev, digest_h, pre, personal, salt, pdigest in rows:
        count += 1
        last = state.get(kiosk)
        if last is None:
            if kseq != 1:
                return count, _problem(conn, seq, "first", b=kseq)
            if prev != genesis:
                return count, _problem(conn, seq, "link")
        else:
            if kseq != last[0] + 1:
                code = "jump" if kseq > last[0] else "back"
                return count, _problem(conn, seq, code, a=last[0], b=kseq)
            if prev != last[1]:
                return count, _problem(conn, seq, "link")
        if sha(pre).hexdigest() != digest_h:
            return count, _problem(conn, seq, "edited")
        if personal is not None:
            if (
                not isinstance(salt, bytes)
                or not isinstance(personal, str)
                or sha(salt + personal.encode("utf-8")).hexdigest() != pdigest
            ):
                return count, _problem(conn, seq, "personal")
        elif salt is not None:
            return count, _problem(conn, seq, "salt")
        if seq != expected_seq and gap is None:
            gap = (seq, expected_seq - 1)  # report later unless a chain names the loss
        expected_seq = seq + 1
        state[kiosk] = (kseq, digest_h, seq)

    head_of = {k.kiosk_id: k for k in heads.kiosks}
    for kiosk, (kseq, last_hash, seq) in sorted(state.items(), key=lambda kv: kv[1][2]):
        head = head_of.get(kiosk)
        if head is None:
            return count, _problem(conn, seq, "no_head")
        if kseq < head.kiosk_seq:
            return count, _problem(conn, seq, "missing", n=head.kiosk_seq)
        if kseq > head.kiosk_seq:
            over = conn.execute(
                "SELECT seq FROM records WHERE kiosk_id = ? AND kiosk_seq = ?",
                (kiosk, head.kiosk_seq + 1),
            ).fetchone()
            return count, _problem(conn, over[0] if over else seq, "beyond", n=head.kiosk_seq)
        if last_hash != head.hash:
            return count, _problem(conn, seq, "head_hash")
    for kiosk, head in head_of.items():
        if kiosk not in state:
            return count, _problem(conn, None, "no_records", k=kiosk, n=head.kiosk_seq)
    if gap is not None:
        return count, _problem(conn, gap[0], "seq", a=gap[1], b=gap[0])
    counter = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'records'").fetchone()
    if counter and counter[0] != expected_seq - 1:
        return count, _problem(
            conn, expected_seq - 1 or None, "counter", n=counter[0], m=expected_seq - 1
        )
    return count, None


def _projections(conn: sqlite3.Connection) -> Problem | None:
    """The tables beside the chain, rebuilt from it (ledger/projections.py)."""
    erased = projections.unrecorded_erasure(conn)
    if erased is not None:
        return _problem(conn, erased, "erased_unrecorded")
    person = projections.people_difference(conn)
    if person is not None:
        return _problem(conn, person[0], "people_differ", person=person[1])
    account = projections.account_difference(conn)
    if account is not None:
        return _problem(conn, account[0], "account_differs", username=account[1])
    identity = projections.identity_difference(conn)
    if identity is not None:
        return _problem(conn, identity[0], "identity_differs", k=identity[1])
    return None


def verify(conn: sqlite3.Connection) -> VerifyReport:
    """Verify in one read snapshot (a writer on another connection does not disturb it)."""
    own_txn = not conn.in_transaction
    if own_txn:
        conn.execute("BEGIN")
    try:
        head = read_head(conn)
        try:
            count, problem = _scan(conn, head)
            if problem is None:
                problem = _projections(conn)
        except sqlite3.DatabaseError as exc:
            count, problem = 0, _problem(conn, None, "unreadable", detail=str(exc))
    finally:
        if own_txn and conn.in_transaction:
            conn.execute("ROLLBACK")
    return VerifyReport(ok=problem is None, records=count, head=head, problem=problem)
