"""Helpers of the hub's tests: a hub in a fresh database, kiosks added to it, syncs."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from gatekeeper.domain.policy import Policy
from gatekeeper.hub import admin
from gatekeeper.hub.client import Hub
from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.services import hub_link
from gatekeeper.services.identity import registered_at_hub
from gatekeeper.services.sync import SyncResult, sync_once
from gatekeeper.simulation.traffic import Simulation

NOW = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def make_hub(dsn: str) -> str:
    hub, _version, _created = admin.init(dsn)
    hub.close()
    return dsn


def add_kiosk(admin_dsn: str, path: Path, kiosk_id: str | None = None) -> str:
    """A ledger (created if missing) registered at the hub; the kiosk's own DSN."""
    with Ledger.open(path, kiosk_id=kiosk_id) as ledger, Hub.connect(admin_dsn) as hub:
        kiosk = ledger.kiosk_id
        role, password = admin.add_kiosk(hub, kiosk)
        kiosk_dsn, _file = hub_link.remember(kiosk, admin_dsn, role, password)
        registered_at_hub(ledger, hub.hub_id, NOW)  # as `hub add-kiosk` does
    return kiosk_dsn


def sync(path: Path, kiosk_dsn: str, **kw: Any) -> SyncResult:
    with Ledger.open(path, create=False) as ledger, Hub.connect(kiosk_dsn) as hub:
        return sync_once(ledger, hub, now=NOW, **kw)


def simulate(path: Path, seed: int, days: int = 1, people: int = 25,
             start: date = date(2026, 3, 2)) -> None:  # fmt: skip
    """Real gate traffic through the real rules into the kiosk's ledger."""
    with Ledger.open(path, create=False) as ledger:
        Simulation(ledger, Policy(), people=people, seed=seed, start=start).run(days)


def rows(path: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def uuids(path: Path) -> list[str]:
    return [r[0] for r in rows(path, "SELECT uuid FROM records ORDER BY uuid")]


def hub_rows(dsn: str, query: str, *params: Any) -> list[tuple[Any, ...]]:
    with Hub.connect(dsn) as hub, hub.connection.transaction():
        return hub.connection.execute(query.encode(), params).fetchall()


def rng(seed: int) -> random.Random:
    return random.Random(seed)


def mixed(n: int, day: str = "2026-03-02") -> list[NewRecord]:
    """n plain records, some with personal fields (as a kiosk's day has them)."""
    return [
        NewRecord(kind="step", at=NOW, day=day, body={"step": "temperature", "i": i},
                  personal={"note": f"复测 {i}"} if i % 2 else None, subject_id=f"s-{i}")
        for i in range(n)
    ]  # fmt: skip
