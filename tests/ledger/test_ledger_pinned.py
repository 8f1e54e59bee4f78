"""Pinned bytes: what the ledger writes, hashes and creates never changes by accident.

Existing ledgers must keep verifying and migrating, so the expected values here are
written out by hand (from the preimage documented in gatekeeper/ledger/chain.py) or
were captured from the code before the columns were declared in one place.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from ledger_support import build

from gatekeeper.ledger import SCHEMA_VERSION, Ledger, NewRecord, StoredRecord, store

SITE = timezone(timedelta(hours=8))
SALT = bytes(range(16))
U1 = "00000000-0000-4000-8000-000000000001"
U2 = "00000000-0000-4000-8000-000000000002"
GENESIS = "0" * 64
PERSONAL = '{"name":"张三"}'
DIGEST = hashlib.sha256(SALT + PERSONAL.encode("utf-8")).hexdigest()
# field(v) = <byte length>:<text>,   field(NULL) = -1:,   (chain.py, "Preimage (version 1)")
PREIMAGE_1 = (
    b"gatekeeper-ledger/1\n"
    + b"64:" + GENESIS.encode() + b","  # prev_hash
    + b"36:" + U1.encode() + b","  # uuid
    + b"6:gate-1,"  # kiosk_id
    + b"1:1,"  # kiosk_seq
    + b"7:passage,"  # kind
    + b"32:2024-05-01T08:00:00.000000+08:00,"  # at
    + b"10:2024-05-01,"  # day
    + b"8:person-1,"  # person_id
    + b"9:subject-1,"  # subject_id
    + b"6:worker,"  # channel
    + b"8:admitted,"  # outcome
    + b"7:cleared,"  # reason
    + b'34:{"steps":["a"],"temperature":36.5},'  # body
    + b"64:" + DIGEST.encode() + b","  # personal_digest
    + b"-1:,"  # corrects
)  # fmt: skip
HASH_1 = "084ab671cca0805b056b996eba402ad6fa20987df520000084595649098c1f6b"
PREIMAGE_2 = (
    b"gatekeeper-ledger/1\n"
    + b"64:" + HASH_1.encode() + b","  # prev_hash
    + b"36:" + U2.encode() + b","  # uuid
    + b"6:gate-1,"  # kiosk_id
    + b"1:2,"  # kiosk_seq
    + b"10:correction,"  # kind
    + b"32:2024-05-01T08:05:00.000000+08:00,"  # at
    + b"10:2024-05-01,"  # day
    + b"-1:," * 5  # person_id, subject_id, channel, outcome, reason
    + b'15:{"note":"typo"},'  # body
    + b"-1:,"  # personal_digest (no personal fields)
    + b"36:" + U1.encode() + b","  # corrects
)  # fmt: skip
HASH_2 = "3d12cc9c68293280f447530619f355f5090c1fbfd5432638e9959a0e496a889a"
# Every column of `records`, spelled out here on purpose (not taken from the ledger).
ALL_COLUMNS = (
    "seq, uuid, kiosk_id, kiosk_seq, kind, at, day, person_id, subject_id, channel, outcome, "
    "reason, body, personal, salt, personal_digest, corrects, prev_hash, hash"
)
ROWS = [
    (
        *(1, U1, "gate-1", 1, "passage", "2024-05-01T08:00:00.000000+08:00", "2024-05-01"),
        *("person-1", "subject-1", "worker", "admitted", "cleared"),
        *('{"steps":["a"],"temperature":36.5}', PERSONAL, SALT, DIGEST, None, GENESIS, HASH_1),
    ),
    (
        *(2, U2, "gate-1", 2, "correction", "2024-05-01T08:05:00.000000+08:00", "2024-05-01"),
        *(None, None, None, None, None),
        *('{"note":"typo"}', None, None, None, U1, HASH_1, HASH_2),
    ),
]
LEGACY = Path(__file__).parent / "data" / "ledger_v1.sql"
LEGACY_HEAD = "eea37f355ab3c227e9963c78ceab3af775d0a3baa14d9bd66046e23a1aeb18f7"


def test_hand_computed_hashes() -> None:
    assert hashlib.sha256(PREIMAGE_1).hexdigest() == HASH_1
    assert hashlib.sha256(PREIMAGE_2).hexdigest() == HASH_2


def _two_records() -> list[NewRecord]:
    return [
        NewRecord(
            kind="passage",
            at=datetime(2024, 5, 1, 8, 0, tzinfo=SITE),
            day="2024-05-01",
            body={"temperature": 36.5, "steps": ["a"]},
            personal={"name": "张三"},
            person_id="person-1",
            subject_id="subject-1",
            channel="worker",
            outcome="admitted",
            reason="cleared",
            uuid=U1,
        ),
        NewRecord(
            kind="correction",
            at=datetime(2024, 5, 1, 8, 5, tzinfo=SITE),
            day="2024-05-01",
            body={"note": "typo"},
            corrects=U1,
            uuid=U2,
        ),
    ]


def test_known_records_are_stored_and_hashed_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "secrets", SimpleNamespace(token_bytes=lambda n: SALT[:n]))
    path = tmp_path / "l.db"
    with Ledger.open(path, kiosk_id="gate-1") as ledger:
        stored = ledger.append_all(_two_records())
        assert [r.hash for r in stored] == [HASH_1, HASH_2]
        assert stored == [ledger.get(U1), ledger.get(U2)] == list(ledger.records())
        assert stored[0] == StoredRecord(
            *(1, U1, "gate-1", 1, "passage", "2024-05-01T08:00:00.000000+08:00", "2024-05-01"),
            *("person-1", "subject-1", "worker", "admitted", "cleared"),
            *({"steps": ["a"], "temperature": 36.5}, {"name": "张三"}, DIGEST, None),
            *(GENESIS, HASH_1),
        )
        assert ledger.head().hash == HASH_2 and ledger.verify().ok
    conn = sqlite3.connect(path)
    assert conn.execute(f"SELECT {ALL_COLUMNS} FROM records ORDER BY seq").fetchall() == ROWS
    assert conn.execute("SELECT * FROM chain_heads").fetchall() == [("gate-1", 2, HASH_2)]


def test_hand_written_rows_verify(tmp_path: Path) -> None:
    """The same rows inserted by hand (as an older program wrote them) verify and read."""
    path = tmp_path / "l.db"
    with Ledger.open(path, kiosk_id="gate-1"):
        pass
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executemany(f"INSERT INTO records ({ALL_COLUMNS}) VALUES ({', '.join('?' * 19)})", ROWS)
    conn.execute("INSERT INTO chain_heads VALUES ('gate-1', 2, ?)", (HASH_2,))
    conn.close()
    with Ledger.open(path, readonly=True) as ledger:
        report = ledger.verify()
        assert report.ok and report.records == 2 and report.head.hash == HASH_2
        first = ledger.get(U1)
        assert first is not None and first.personal == {"name": "张三"}
        assert first.body == {"steps": ["a"], "temperature": 36.5}


def _legacy(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.executescript(LEGACY.read_text(encoding="utf-8"))
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def _schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()


def test_a_version_1_ledger_migrates_and_verifies(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _legacy(path)
    raw = sqlite3.connect(path)
    before = raw.execute(f"SELECT {ALL_COLUMNS} FROM records ORDER BY seq").fetchall()
    raw.close()
    with Ledger.open(path) as ledger:  # migrates to the current version
        assert ledger.schema_version == SCHEMA_VERSION
        report = ledger.verify()
        # The chain and its hashes are as they were; the dump's purge was made through
        # the ledger alone, without the purge record GateKeeper's purge always writes:
        # verify now says so (an erasure nothing records), and nothing else.
        assert report.records == 8 and report.head.hash == LEGACY_HEAD
        assert not report.ok and report.problem is not None and report.problem.seq == 1
        assert "no purge record" in report.problem.what
        read = list(ledger.records())
        assert [r.seq for r in read] == list(range(1, 9))
        for record, row in zip(read, before, strict=True):
            assert record.uuid == row[1] and record.hash == row[-1] and record.prev_hash == row[-2]
            assert record.body == json.loads(row[12])
            assert record.personal == (json.loads(row[13]) if row[13] else None)
        assert [r.seq for r in read if r.personal] == [3, 6]  # the people were purged
        assert all(r.personal_digest for r in read if r.kind == "person")
        purge = NewRecord(kind="purge", at=datetime(2024, 5, 3, 9, 0, tzinfo=SITE),
                          day="2024-05-03", body={"cutoff": "2024-05-02"})  # fmt: skip
        recorded = ledger.append(purge)
        assert recorded.prev_hash == LEGACY_HEAD and ledger.verify().ok
        correction = NewRecord(
            kind="correction", at=datetime(2024, 5, 4, 9, 0, tzinfo=SITE), day="2024-05-04",
            body={"note": "after the upgrade"}, corrects=read[1].uuid,
        )  # fmt: skip
        new = ledger.append(correction)  # the chain goes on from the old head
        assert new.prev_hash == recorded.hash and new.kiosk_seq == 10 and ledger.verify().ok
    raw = sqlite3.connect(path)
    after = raw.execute(f"SELECT {ALL_COLUMNS} FROM records ORDER BY seq").fetchall()
    raw.close()
    assert after[:8] == before


def test_fresh_and_migrated_files_have_the_same_schema(tmp_path: Path) -> None:
    """A new file gets exactly the tables, indexes and triggers (same SQL text) that a
    version-1 file migrated forward has, so the two never drift apart."""
    old = tmp_path / "old.db"
    _legacy(old)
    Ledger.open(old).close()
    fresh = tmp_path / "new.db"
    build(fresh, 1)
    assert _schema(fresh) == _schema(old)
