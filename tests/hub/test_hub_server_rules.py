"""What PostgreSQL itself refuses, whoever the client is: a kiosk's role inserting
another kiosk's record, updating, deleting; a broken link; a forged hash."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from hub_support import add_kiosk, hub_rows, make_hub, simulate, sync

from gatekeeper.hub import schema
from gatekeeper.ledger import Ledger
from gatekeeper.ledger.columns import WRITTEN

S = schema.SCHEMA


@pytest.fixture
def two(hub_dsn: str, tmp_path: Path):
    make_hub(hub_dsn)
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    a_dsn, b_dsn = add_kiosk(hub_dsn, a, "kiosk-a"), add_kiosk(hub_dsn, b, "kiosk-b")
    simulate(a, seed=1, people=10)
    simulate(b, seed=2, people=10)
    return hub_dsn, (a, a_dsn), (b, b_dsn)


def _own(path: Path, after: int = 0, limit: int = 5) -> list[dict]:
    with Ledger.open(path, create=False) as ledger:
        return ledger.own_records_after(after, limit)


def _insert(dsn: str, row: dict) -> None:
    cols = list(WRITTEN)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            f"INSERT INTO {S}.records ({', '.join(cols)}, hub_seq, received_at) "
            f"VALUES ({', '.join('%s' for _ in cols)}, 0, now())".encode(),
            [row[c] for c in cols],
        )


def _run(dsn: str, statement: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(statement.encode())


def test_a_kiosk_cannot_insert_another_kiosks_record(two) -> None:
    _hub, (a, _a_dsn), (_b, b_dsn) = two
    record = _own(a)[0]  # kiosk-a's first record, sent with kiosk-b's role
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        _insert(b_dsn, record)


def test_a_kiosk_can_neither_update_nor_delete_nor_truncate(two) -> None:
    hub_dsn, (a, a_dsn), _b = two
    sync(a, a_dsn)
    for statement in (
        f"UPDATE {S}.records SET outcome = 'admitted'",
        f"UPDATE {S}.records SET personal = NULL",
        f"DELETE FROM {S}.records",
        f"TRUNCATE {S}.records",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _run(a_dsn, statement)
    assert hub_rows(hub_dsn, f"SELECT count(*) FROM {S}.records")[0][0] == len(_own(a, 0, 10**6))


def test_even_the_owner_cannot_delete_or_rewrite_a_record(two) -> None:
    hub_dsn, (a, a_dsn), _b = two
    sync(a, a_dsn)
    for statement in (
        f"DELETE FROM {S}.records WHERE kiosk_seq = 1",
        f"UPDATE {S}.records SET outcome = 'admitted' WHERE outcome IS NOT NULL",
        f"UPDATE {S}.records SET personal = NULL WHERE personal IS NOT NULL",
        f"TRUNCATE {S}.records",
    ):
        with pytest.raises(psycopg.DatabaseError, match="append-only"):
            _run(hub_dsn, statement)


def test_a_record_that_skips_its_predecessor_is_refused(two) -> None:
    _hub, (a, a_dsn), _b = two
    first, second = _own(a, 0, 2)
    with pytest.raises(psycopg.Error, match="before it is not on the hub"):
        _insert(a_dsn, second)
    _insert(a_dsn, first)
    forged = dict(second, prev_hash="f" * 64)
    with pytest.raises(psycopg.Error, match="does not link"):
        _insert(a_dsn, forged)


def test_a_record_whose_content_does_not_match_its_hash_is_refused(two) -> None:
    _hub, (a, a_dsn), _b = two
    first = _own(a, 0, 1)[0]
    with pytest.raises(psycopg.Error, match="hash does not match"):
        _insert(a_dsn, dict(first, outcome="admitted" if first["outcome"] != "admitted"
                            else "turned_away", kind="passage"))  # fmt: skip
    person = next(r for r in _own(a, 0, 100) if r["personal"] is not None)
    previous = _own(a, 0, person["kiosk_seq"] - 1)
    for row in previous:
        _insert(a_dsn, row)
    with pytest.raises(psycopg.Error, match="personal fields do not match"):
        _insert(a_dsn, dict(person, personal=person["personal"].replace('"', "'", 1)))


def test_the_server_numbers_pulls_itself(two) -> None:
    hub_dsn, (a, a_dsn), _b = two
    first = _own(a, 0, 1)[0]
    cols = list(WRITTEN)
    with psycopg.connect(a_dsn, autocommit=True) as conn:
        conn.execute(
            f"INSERT INTO {S}.records ({', '.join(cols)}, hub_seq, received_at) "
            f"VALUES ({', '.join('%s' for _ in cols)}, -99, '1999-01-01')".encode(),
            [first[c] for c in cols],
        )
    [(hub_seq, received)] = hub_rows(hub_dsn, f"SELECT hub_seq, received_at FROM {S}.records")
    assert hub_seq == 1 and received.year >= 2026


def test_an_inspectors_role_reads_and_writes_nothing(two, pg_server) -> None:
    hub_dsn, (a, a_dsn), _b = two
    sync(a, a_dsn)
    db = psycopg.conninfo.conninfo_to_dict(hub_dsn)["dbname"]
    inspector = schema.group_role(db, "inspector")
    with psycopg.connect(hub_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {inspector}_x LOGIN PASSWORD 'pw' IN ROLE {inspector}".encode())
    try:
        dsn = psycopg.conninfo.make_conninfo(hub_dsn, user=f"{inspector}_x", password="pw")
        assert hub_rows(dsn, f"SELECT count(*) FROM {S}.records")[0][0] > 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _insert(dsn, _own(a, 0, 1)[0])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _run(dsn, f"SELECT * FROM {S}.account_secrets")
    finally:
        with psycopg.connect(hub_dsn, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {inspector}_x".encode())
