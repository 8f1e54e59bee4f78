"""Site hub benchmark: 10 kiosks offline for a simulated day, then all sync at once.

Run: .venv/bin/python tests/bench/bench_hub.py [--kiosks 10] [--people 400]
         [--figures-records 1000000]

A throwaway PostgreSQL cluster of its own (tests/pg_cluster.py, with fsync on, as a
real hub), or GATEKEEPER_TEST_HUB's server. Prints:

* time to convergence: every kiosk pushes, then pulls, all at once (a process and
  connections each, as separate machines would), until every replica holds every record
  (on this 2-core machine ten kiosks share two cores);
* records per second into the hub, against a plain `COPY` of the same rows into a
  table of the same columns without checks, in the same run (the ratio is what the
  server-side chain checks, the lock and row-level security cost);
* lost and duplicated records (both must be 0) and `verify --hub`'s server-side check;
* the site's figures (`stats`: the dashboard's day figures) on the hub and on an SQLite
  replica at `--figures-records` rows (bulk-loaded in SQL: this measures the query at
  that volume, the rows are not chained), and the whole dashboard (`site.load`) on that
  replica, against the same load as it was before schema 3 in the same run
  (bench_exports.bench_dashboard).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import bench_exports  # noqa: E402  (the replica's layout and the dashboard's measure)
import pg_cluster  # noqa: E402
import psycopg  # noqa: E402

from gatekeeper.domain.policy import Policy  # noqa: E402
from gatekeeper.hub import admin  # noqa: E402
from gatekeeper.hub.client import Hub  # noqa: E402
from gatekeeper.ledger import Ledger  # noqa: E402
from gatekeeper.ledger.columns import WRITTEN  # noqa: E402
from gatekeeper.services import hub_link  # noqa: E402
from gatekeeper.services.stats import day_stats  # noqa: E402
from gatekeeper.services.sync import pull, push  # noqa: E402
from gatekeeper.simulation.traffic import Simulation  # noqa: E402

DAY = date(2026, 3, 2)


def _kiosks(folder: Path, admin_dsn: str, n: int, people: int) -> list[tuple[Path, str]]:
    out = []
    for i in range(n):
        path = folder / f"kiosk-{i}.sqlite3"
        with Ledger.open(path, kiosk_id=f"lane-{i:02d}") as ledger:
            Simulation(ledger, Policy(), people=people, seed=100 + i, start=DAY).run(1)
            kiosk = ledger.kiosk_id
        with Hub.connect(admin_dsn) as hub:
            role, password = admin.add_kiosk(hub, kiosk)
        dsn, _file = hub_link.remember(kiosk, admin_dsn, role, password, folder / "hub")
        out.append((path, dsn))
    return out


def _one(path: Path, dsn: str, step: str, barrier: Any, errors: Any) -> None:
    """One kiosk's push or pull, in a process of its own (a kiosk is a machine)."""
    try:
        with Ledger.open(path, create=False) as ledger, Hub.connect(dsn) as hub:
            barrier.wait()
            (push if step == "push" else pull)(ledger, hub)
    except BaseException as exc:  # reported by the parent
        errors.put(repr(exc))


def _all_at_once(kiosks: list[tuple[Path, str]], step: str) -> float:
    """Every kiosk pushes (or pulls) at the same moment, each in its own process;
    seconds until all are done."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(len(kiosks) + 1)
    errors = ctx.SimpleQueue()
    procs = [ctx.Process(target=_one, args=(*k, step, barrier, errors)) for k in kiosks]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - start
    if not errors.empty():
        raise RuntimeError(errors.get())
    return elapsed


def _copy_baseline(admin_dsn: str, kiosks: list[tuple[Path, str]]) -> tuple[int, float]:
    rows = []
    for path, _dsn in kiosks:
        with Ledger.open(path, readonly=True) as ledger:
            rows += ledger.own_records_after(0, 10**9)
    cols = ", ".join(WRITTEN)
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(b"DROP TABLE IF EXISTS plain_copy")
        conn.execute(b"CREATE TABLE plain_copy AS SELECT " + cols.encode() +
                     b" FROM gatekeeper.records WITH NO DATA")  # fmt: skip
        start = time.perf_counter()
        with conn.transaction(), conn.cursor() as cur, cur.copy(
            f"COPY plain_copy ({cols}) FROM STDIN".encode()
        ) as copy:
            for row in rows:
                copy.write_row([row[c] for c in WRITTEN])
        return len(rows), time.perf_counter() - start


def _figures(admin_dsn: str, folder: Path, n: int, bodies: tuple[str, str, str]) -> None:
    day = "2025-06-01"  # inside the bulk rows' 400 days
    with psycopg.connect(admin_dsn, autocommit=True) as conn:
        conn.execute(b"ALTER TABLE gatekeeper.records DISABLE TRIGGER USER")
        t = time.perf_counter()
        conn.execute(
            b"INSERT INTO gatekeeper.kiosks VALUES ('bulk', 'bulk-role', now()) "
            b"ON CONFLICT DO NOTHING")
        conn.execute(
            b"""INSERT INTO gatekeeper.records (hub_seq, uuid, kiosk_id, kiosk_seq, kind, at, day,
                 person_id, channel, outcome, reason, body, prev_hash, hash, received_at)
               SELECT 1000000000 + g, 'bulk-' || g, 'bulk', g,
                 CASE WHEN g %% 10 < 6 THEN 'passage' WHEN g %% 1000 <> 999 THEN 'step'
                      ELSE 'quarantine_start' END,
                 '2026-01-01T08:00:00+08:00',
                 to_char(date '2025-01-01' + (g %% 400)::int, 'YYYY-MM-DD'),
                 'p-' || ((g / 10) %% 5000), 'worker',
                 CASE WHEN g %% 10 < 6 THEN (ARRAY['admitted','admitted','admitted',
                      'turned_away','quarantined','abandoned'])[1 + g %% 6] END,
                 CASE WHEN g %% 10 < 6 THEN 'cleared' END, '{}', 'x', 'x', now()
               FROM generate_series(1, %s) g""", (n,))
        conn.execute(b"ANALYZE gatekeeper.records")
        loaded = time.perf_counter() - t
        conn.execute(b"ALTER TABLE gatekeeper.records ENABLE TRIGGER USER")
    replica = folder / "replica.sqlite3"
    sqlite_loaded = bench_exports.build_replica(replica, n, bodies)  # the same layout
    print(f"figures at {n:,} records (bulk-loaded: hub {loaded:.0f} s, replica "
          f"{sqlite_loaded:.0f} s)")
    with Hub.connect(admin_dsn) as hub:
        timings = []
        for _ in range(5):
            t = time.perf_counter()
            on_hub = day_stats(hub, day)
            timings.append(time.perf_counter() - t)
    with Ledger.open(replica, readonly=True) as ledger:
        local = []
        for _ in range(5):
            t = time.perf_counter()
            on_replica = day_stats(ledger, day)
            local.append(time.perf_counter() - t)
    print(f"  stats on the hub: first {timings[0] * 1e3:.0f} ms, then "
          f"{min(timings[1:]) * 1e3:.0f} ms; on a replica: first {local[0] * 1e3:.0f} ms, "
          f"then {min(local[1:]) * 1e3:.0f} ms (ratio hub/replica "
          f"{min(timings[1:]) / min(local[1:]):.2f}); same figures: {on_hub == on_replica}")
    when = datetime.fromisoformat(f"{day}T18:00:00+08:00")
    with Ledger.open(replica, readonly=True) as ledger:
        bench_exports.bench_dashboard(ledger, when, 14, f"the replica, {n:,} records")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", type=int, default=10)
    parser.add_argument("--people", type=int, default=400)
    parser.add_argument("--figures-records", type=int, default=1_000_000)
    args = parser.parse_args()
    server = pg_cluster.from_environment() or pg_cluster.start_cluster(durable=True)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            dsn = server.new_database()
            admin.init(dsn)[0].close()
            t = time.perf_counter()
            kiosks = _kiosks(folder, dsn, args.kiosks, args.people)
            local = []
            for path, _ in kiosks:
                with Ledger.open(path, readonly=True) as ledger:
                    local.append(ledger.head().records)
            total = sum(local)
            print(f"{args.kiosks} kiosks x 1 simulated day ({args.people} people each, "
                  f"06:00-evening): {total:,} records, made in {time.perf_counter() - t:.0f} s")
            pushed = _all_at_once(kiosks, "push")
            pulled = _all_at_once(kiosks, "pull")
            print(f"all sync at once: push {pushed:.2f} s ({total / pushed:,.0f} records/s into "
                  f"the hub), pull {pulled:.2f} s; converged in {pushed + pulled:.2f} s")
            with Hub.connect(dsn) as hub:
                on_hub = hub.records_count()
                distinct = hub.connection.execute(
                    b"SELECT count(DISTINCT uuid) FROM gatekeeper.records").fetchone()
                problem = hub.first_problem()
            replicas = []
            for path, _ in kiosks:
                with Ledger.open(path, readonly=True) as ledger:
                    replicas.append((ledger.head().records, ledger.verify().ok))
            lost = total - on_hub
            dupes = on_hub - int(distinct[0]) if distinct else -1
            print(f"  hub: {on_hub:,} records, lost {lost}, duplicated {dupes}, "
                  f"verify --hub: {'OK' if problem is None else problem}")
            print(f"  replicas: all hold {total:,}: {all(n == total for n, _ in replicas)}, "
                  f"all verify: {all(ok for _, ok in replicas)}")
            n, copied = _copy_baseline(dsn, kiosks)
            print(f"  baseline: COPY of the same {n:,} rows, no checks: {copied:.2f} s "
                  f"({n / copied:,.0f} rows/s; push/COPY time ratio {pushed / copied:.1f})")
            _figures(dsn, folder, args.figures_records, bench_exports.bodies_of(kiosks[0][0]))
            server.drop_database(dsn)
    finally:
        pg_cluster.remove(server)
    print(f"(done {datetime.now():%Y-%m-%d %H:%M})")


if __name__ == "__main__":
    main()
