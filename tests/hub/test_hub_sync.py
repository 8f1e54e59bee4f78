"""Kiosks syncing through a real PostgreSQL hub: every record once, everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from hub_support import add_kiosk, hub_rows, make_hub, rows, simulate, sync, uuids

from gatekeeper.hub.client import Hub
from gatekeeper.ledger import Ledger
from gatekeeper.services.stats import day_stats

DAY = "2026-03-02"


@pytest.fixture
def site(hub_dsn: str, tmp_path: Path) -> tuple[str, list[tuple[Path, str]]]:
    """A hub and three kiosks (worker, visitor and vehicle lanes), not yet synced."""
    make_hub(hub_dsn)
    kiosks = []
    for name in ("lane-worker", "lane-visitor", "lane-vehicle"):
        path = tmp_path / f"{name}.sqlite3"
        kiosks.append((path, add_kiosk(hub_dsn, path, kiosk_id=name)))
    return hub_dsn, kiosks


def test_three_kiosks_offline_for_a_day_then_synced_hold_every_record_once(site) -> None:
    hub_dsn, kiosks = site
    for seed, (path, _dsn) in enumerate(kiosks, start=1):
        simulate(path, seed=seed)
    own = {path: set(uuids(path)) for path, _ in kiosks}
    figures = []
    for path, _ in kiosks:
        with Ledger.open(path, readonly=True) as ledger:
            figures.append(day_stats(ledger, DAY))
    results = [sync(path, dsn) for path, dsn in kiosks]  # the last one pulls everything
    results += [sync(path, dsn) for path, dsn in kiosks[:2]]  # the first two catch up
    everything = set().union(*own.values())
    assert sum(len(u) for u in own.values()) == len(everything)  # uuids differ per kiosk
    assert [r.pushed for r in results[:3]] == [len(own[p]) for p, _ in kiosks]
    hub_uuids = [r[0] for r in hub_rows(hub_dsn, "SELECT uuid FROM gatekeeper.records")]
    assert sorted(hub_uuids) == sorted(everything)  # each once: no loss, no duplicate
    for path, _ in kiosks:
        assert uuids(path) == sorted(everything)
        with Ledger.open(path, readonly=True) as ledger:
            assert ledger.verify().ok
            site_figures = day_stats(ledger, DAY)
        assert site_figures.admitted == sum(f.admitted for f in figures)
        assert site_figures.turned_away == sum(f.turned_away for f in figures)
        assert site_figures.quarantined == sum(f.quarantined for f in figures)
    with Hub.connect(hub_dsn) as hub:
        on_hub = day_stats(hub, DAY)
    assert on_hub == site_figures
    assert all(r.waiting == 0 for r in results)


def test_the_same_push_twice_sends_nothing_the_second_time(site) -> None:
    _hub, kiosks = site
    path, dsn = kiosks[0]
    simulate(path, seed=4)
    first = sync(path, dsn)
    second = sync(path, dsn)
    assert first.pushed > 0
    assert (second.pushed, second.pulled, second.waiting) == (0, 0, 0)


def test_records_pulled_keep_their_hashes_and_the_replica_verifies(site) -> None:
    _hub, kiosks = site
    (a, a_dsn), (b, b_dsn) = kiosks[:2]
    simulate(a, seed=5)
    sync(a, a_dsn)
    sync(b, b_dsn)
    query = "SELECT uuid, kiosk_id, kiosk_seq, prev_hash, hash, personal_digest FROM records"
    assert sorted(rows(a, query)) == sorted(rows(b, query))
    with Ledger.open(b, readonly=True) as ledger:
        report = ledger.verify()
        assert report.ok, report.problem
        with Ledger.open(a, readonly=True) as origin:
            assert ledger.head().kiosks == origin.head().kiosks


def test_who_is_on_site_is_the_whole_site_on_every_synced_replica(site) -> None:
    from datetime import datetime, time

    from gatekeeper.domain.policy import Policy
    from gatekeeper.services import site as site_view

    _hub, kiosks = site
    (a, a_dsn), (b, b_dsn) = kiosks[:2]
    simulate(a, seed=11)
    simulate(b, seed=12)
    evening = datetime.combine(datetime.fromisoformat(DAY).date(), time(21, 0), Policy().tz)
    alone = {}
    for path in (a, b):
        with Ledger.open(path, readonly=True) as ledger:
            alone[path] = {p.person_id for p in site_view.on_site(ledger, evening)}
    assert alone[a] and alone[b] and not alone[a] & alone[b]
    for path, dsn in ((a, a_dsn), (b, b_dsn), (a, a_dsn)):
        sync(path, dsn)
    for path in (a, b):
        with Ledger.open(path, readonly=True) as ledger:
            view = site_view.load(ledger, Policy(), evening)
        assert {p.person_id for p in view.on_site} == alone[a] | alone[b]
