"""The head-office path of docs/hub.md, working: a site hub published with PostgreSQL's
logical replication to a head office's database on another cluster. Every record and
every purge arrives, and `verify --hub` holds on the head office's copy too."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pg_cluster
import psycopg
import pytest
from hub_support import NOW, add_kiosk, hub_rows, make_hub, simulate, sync

from gatekeeper.hub.client import Hub
from gatekeeper.ledger import Ledger, NewRecord


@pytest.fixture(scope="module")
def two_clusters() -> Iterator[tuple[pg_cluster.Server, pg_cluster.Server]]:
    if os.environ.get(pg_cluster.ENV):
        pytest.skip("needs two servers of our own (one with wal_level=logical)")
    site = pg_cluster.start_cluster(options=" -c wal_level=logical")
    office = pg_cluster.start_cluster()
    try:
        yield site, office
    finally:
        pg_cluster.remove(site)
        pg_cluster.remove(office)


def _wait_for(dsn: str, query: str, want: object, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        got = hub_rows(dsn, query)[0][0]
        if got == want:
            return
        assert time.monotonic() < deadline, f"{query}: {got!r}, not {want!r}"
        time.sleep(0.2)


def test_a_head_office_replica_gets_every_record_and_purge(two_clusters, tmp_path: Path) -> None:
    site, office = two_clusters
    site_dsn, office_dsn = site.new_database(), office.new_database()
    make_hub(site_dsn)
    make_hub(office_dsn)  # the same tables; replication applies rows as their owner
    with psycopg.connect(site_dsn, autocommit=True) as conn:
        conn.execute("CREATE PUBLICATION gatekeeper_site "
                     "FOR TABLE gatekeeper.records, gatekeeper.kiosks")
    with psycopg.connect(office_dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SUBSCRIPTION site_a CONNECTION '{site_dsn}' "
                     "PUBLICATION gatekeeper_site".encode())
    gate = tmp_path / "gate.sqlite3"
    gate_dsn = add_kiosk(site_dsn, gate, "gate-1")
    simulate(gate, seed=9, people=15)
    with Ledger.open(gate) as ledger:  # an old record with a name on it, to purge later
        ledger.append(NewRecord(kind="step", at=NOW - timedelta(days=400), day="2025-01-01",
                                body={}, personal={"name": "欧阳娜娜"}))  # fmt: skip
    sync(gate, gate_dsn)
    total = hub_rows(site_dsn, "SELECT count(*) FROM gatekeeper.records")[0][0]
    _wait_for(office_dsn, "SELECT count(*) FROM gatekeeper.records", total)
    with Hub.connect(site_dsn) as a, Hub.connect(office_dsn) as b:
        assert a.heads() == b.heads()
        assert b.first_problem() is None
    named = "SELECT count(*) FROM gatekeeper.records WHERE strpos(personal, '欧阳娜娜') > 0"
    assert hub_rows(office_dsn, named)[0][0] == 1
    # a purge made at the site reaches the head office as what it is
    with Ledger.open(gate) as ledger:
        ledger.append(NewRecord(kind="purge", at=NOW, day=NOW.date().isoformat(),
                                body={"cutoff": "2026-01-01", "older_than_days": 60,
                                      "count": 0, "drafts": 0}))  # fmt: skip
    sync(gate, gate_dsn)
    query = "SELECT count(*) FROM gatekeeper.records WHERE strpos(personal, '欧阳娜娜') > 0"
    assert hub_rows(site_dsn, query)[0][0] == 0
    _wait_for(office_dsn, query, 0)
    with Hub.connect(office_dsn) as b:
        assert b.first_problem() is None
    with psycopg.connect(office_dsn, autocommit=True) as conn:
        conn.execute("ALTER SUBSCRIPTION site_a DISABLE")
        conn.execute("ALTER SUBSCRIPTION site_a SET (slot_name = NONE)")
        conn.execute("DROP SUBSCRIPTION site_a")
    with psycopg.connect(site.admin_dsn, autocommit=True) as conn:
        conn.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots")
