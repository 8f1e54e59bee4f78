"""Exports and inspector/dashboard queries: a day of 10,000 screenings in csv/xlsx/pdf,
a person's timeline and the manager dashboard's full load (`site.load`) on a large ledger.

Run: .venv/bin/python tests/bench/bench_exports.py [--screenings N] [--records N]
         [--replica-records N] [--skip-exports]
Targets (issue 5): each export < 3 s, timeline < 100 ms, dashboard load < 500 ms.
Baselines measured in the same run: csv.writer over the same rows without the ledger;
a raw sqlite3 select of the person's rows; the dashboard as it was before schema 3
(each person's records walked back to their newest presence record), alternately with
today's, same answers checked. `--replica-records` adds the dashboard on a bulk-loaded
replica of that many rows (bench_hub.py's layout), then with 500 people given 2,000
step records each after their last presence record.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests/: schema2_queries

import bench_ledger  # noqa: E402  (its builder makes the 1,000,000-record ledger)
from schema2_queries import every_admission, unclosed_scanned, walked_latest  # noqa: E402

from gatekeeper.domain.policy import Policy  # noqa: E402
from gatekeeper.ledger import Ledger, NewRecord  # noqa: E402
from gatekeeper.services import review, site  # noqa: E402
from gatekeeper.services.accounts import Role, simulation_actor  # noqa: E402
from gatekeeper.services.exports import export_day, headers  # noqa: E402

POLICY = Policy()
TZ = POLICY.tz
BENCH = simulation_actor("bench", Role.SITE_MANAGER)  # generated traffic, made-up staff
DAY = date(2020, 3, 14)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
OUTCOMES = [
    ("admitted", "returning_cleared", 0.80),
    ("admitted", "cleared", 0.12),
    ("turned_away", "no_certificate", 0.03),
    ("quarantined", "fever", 0.02),
    ("quarantined", "yellow_code", 0.01),
    ("abandoned", "left_midway", 0.02),
]


def build_day(path: Path, screenings: int, people: int = 3000) -> None:
    """A ledger with `people` registrations and `screenings` passages on DAY, bodies
    shaped like the GateService's (outcome dict, temperatures, staff, vehicle)."""
    rng = random.Random(5)
    start = datetime(DAY.year, DAY.month, DAY.day, 6, tzinfo=TZ)
    with Ledger.open(path, kiosk_id="bench-gate") as ledger:
        batch: list[NewRecord] = []
        for i in range(people):
            batch.append(NewRecord(
                kind="person", at=start - timedelta(days=1), day=(DAY - timedelta(1)).isoformat(),
                person_id=f"p{i:05d}", channel="worker",
                body={"id_type": "resident_id", "employer": "中建七局", "role": "钢筋工",
                      "coming_from": "河南省周口市", "recent_stays": []},
                personal={"name": rng.choice(SURNAMES) + rng.choice(SURNAMES) + "明",
                          "id_number": f"410102{1960 + i % 40}0101{i % 10000:04d}",
                          "phone": f"+86138{rng.randrange(10**8):08d}"},
            ))  # fmt: skip
        ledger.append_all(batch)
        batch = []
        for i in range(screenings):
            at = start + timedelta(seconds=i * 57000 // screenings)
            outcome, reason, _ = rng.choices(OUTCOMES, [w for *_, w in OUTCOMES])[0]
            channel = rng.choices(["worker", "visitor", "vehicle"], [85, 10, 5])[0]
            body = {
                "outcome": {"at": at.isoformat(), "outcome": outcome, "reason": reason,
                            "lane": "worker" if outcome == "admitted" else None,
                            "zone": "construction" if outcome == "admitted" else None},
                "temperatures": [{"at": at.isoformat(), "reading_c": round(36 + rng.random(), 1),
                                  "verdict": "normal"}],
                "staff": f"gate-{1 + i % 3}", "screening_id": f"s{i}", "path": "returning",
                "role": None, "started_at": at.isoformat(), "certificate": None, "scans": {},
                "pledges_signed": [], "notice_handed_over": False, "redirected_because": None,
                "steps_passed": ["pass_scan", "temperature", "disinfection", "lane"],
            }  # fmt: skip
            if channel == "vehicle":
                body["vehicle"] = {"group_id": f"g{i}", "plate": f"豫A{i % 100000:05d}"}
            person_id = f"p{rng.randrange(people):05d}"
            batch.append(NewRecord(
                kind="passage", at=at, day=DAY.isoformat(), person_id=person_id,
                subject_id=f"s{i}", channel=channel, outcome=outcome, reason=reason, body=body,
            ))  # fmt: skip
            if len(batch) == 2000:
                ledger.append_all(batch)
                batch = []
        ledger.append_all(batch)


def bodies_of(path: Path) -> tuple[str, str, str]:
    """A real passage, step and quarantine_start body of a ledger, so that the dashboard
    reads bulk rows through the record schemas."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute("SELECT body FROM records WHERE kind = ? LIMIT 1", (k,)).fetchone()[0]
            for k in ("passage", "step", "quarantine_start")
        )
    finally:
        conn.close()


def build_replica(path: Path, n: int, bodies: tuple[str, str, str]) -> float:
    """A replica-sized ledger of `n` rows bulk-loaded in SQL (seconds taken): 60 %
    passages, steps, a quarantine start per thousand, over 400 days from 2025-01-01,
    5,000 people with ten records in a row each. The rows are not chained: they measure
    the queries at that volume (bench_hub.py's figures use the same layout)."""
    with Ledger.open(path, kiosk_id="replica"):
        pass
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"):
        conn.execute(f"DROP TRIGGER {name}")
    t = time.perf_counter()
    conn.execute(
        """WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ?1)
           INSERT INTO records (uuid, kiosk_id, kiosk_seq, kind, at, day, person_id, channel,
             outcome, reason, body, prev_hash, hash)
           SELECT 'bulk-' || i, 'bulk', i,
             CASE WHEN i % 10 < 6 THEN 'passage' WHEN i % 1000 <> 999 THEN 'step'
                  ELSE 'quarantine_start' END,
             '2026-01-01T08:00:00+08:00', date('2025-01-01', '+' || (i % 400) || ' days'),
             'p-' || ((i / 10) % 5000), 'worker',
             CASE WHEN i % 10 < 6 THEN CASE i % 6 WHEN 3 THEN 'turned_away'
                  WHEN 4 THEN 'quarantined' WHEN 5 THEN 'abandoned' ELSE 'admitted' END END,
             CASE WHEN i % 10 < 6 THEN 'cleared' END,
             CASE WHEN i % 10 < 6 THEN ?2 WHEN i % 1000 <> 999 THEN ?3 ELSE ?4 END,
             'x', 'x' FROM g""", (n, *bodies))
    # the people the bulk records name (the dashboard's "on site" reads each one's newest
    # presence record); ten records in a row per person, so everyone has passages
    conn.execute(
        """WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < 4999)
           INSERT INTO people (person_id, id_type, fields, updated_seq)
           SELECT 'p-' || i, 'resident_id', '{}', i + 1 FROM g""")
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    return time.perf_counter() - t


def timed(fn, repeat: int = 1) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    best, result = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def verdict(seconds: float, target: float) -> str:
    return "OK" if seconds < target else "OVER TARGET"


def bench_exports(directory: Path, screenings: int) -> None:
    path = directory / "day.db"
    t = time.perf_counter()
    build_day(path, screenings)
    print(f"export ledger: {screenings:,} screenings on {DAY} built in "
          f"{time.perf_counter() - t:.1f} s")  # fmt: skip
    with Ledger.open(path) as ledger:
        rows_box: dict[str, object] = {}
        for fmt in ("csv", "xlsx", "pdf"):
            writer = None
            if fmt == "pdf":
                from gatekeeper.reports.daily import write_daily_pdf

                writer = write_daily_pdf
                from gatekeeper.reports.pdf import ensure_app

                ensure_app()  # Qt start-up is the process's, not the export's
            out = directory / f"day.{fmt}"
            seconds, result = timed(lambda fmt=fmt, out=out, writer=writer: export_day(
                ledger, DAY.isoformat(), fmt, out, lang="zh_CN", full=False, site="bench",
                now=datetime.now(TZ), tz=TZ, by=BENCH, pdf_writer=writer,
            ))  # fmt: skip
            rows_box[fmt] = result
            print(f"export {fmt:<4}: {seconds * 1000:8.0f} ms  ({result.rows:,} rows, "  # type: ignore[attr-defined]
                  f"{out.stat().st_size / 2**20:.1f} MiB)  target < 3 s: {verdict(seconds, 3)}")
        # Baseline: the same rows through csv.writer, without the ledger or masking.
        from gatekeeper.services.exports import daily_rows

        rows = daily_rows(ledger, DAY.isoformat(), tz=TZ)
        values = [r.values("zh_CN") for r in rows]

        def plain() -> None:
            with open(directory / "plain.csv", "w", encoding="utf-8-sig", newline="") as f:
                w = csv.writer(f)
                w.writerow(headers("zh_CN"))
                w.writerows(values)

        seconds, _ = timed(plain, 3)
        print(f"  baseline csv.writer of the same {len(values):,} rows: {seconds * 1000:.0f} ms")
        seconds, _ = timed(lambda: daily_rows(ledger, DAY.isoformat(), tz=TZ), 3)
        print(f"  of which reading the rows (daily_rows): {seconds * 1000:.0f} ms")


@contextmanager
def walking() -> Iterator[None]:
    """site.load as it was before schema 3's indexes (the same run's baseline)."""
    kept = Ledger.latest_per_person, Ledger.unclosed, site._last_admission
    Ledger.latest_per_person, Ledger.unclosed = walked_latest, unclosed_scanned  # type: ignore[method-assign, assignment]
    site._last_admission = every_admission
    try:
        yield
    finally:
        Ledger.latest_per_person, Ledger.unclosed, site._last_admission = kept  # type: ignore[method-assign]


def evict(path: Path) -> None:
    """Drop the ledger file's pages from the OS page cache (this file only): the next
    read comes from the disk, as when a manager opens the dashboard on a quiet kiosk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def bench_dashboard(ledger: Ledger, now: datetime, days: int, label: str) -> None:
    """site.load now and as it was before schema 3: each once from the disk (the file's
    pages evicted first), then alternately, best of three each, from the page cache;
    then the two queries that changed, alone. Same answers checked."""
    load = lambda: site.load(ledger, POLICY, now, days=days)  # noqa: E731
    evict(ledger.path)
    cold, board = timed(load)
    evict(ledger.path)
    with walking():
        cold_old, before = timed(load)
    new, old = [], []
    for _ in range(3):
        with walking():
            old.append(timed(load)[0])
        new.append(timed(load)[0])
    same = before == board
    print(f"dashboard load ({label}; site.load: today, {days}-day series, on site, open "
          f"cases, alerts): from the disk {cold * 1000:.0f} ms, from the page cache "
          f"{min(new) * 1000:.0f} ms  target < 500 ms: {verdict(cold, 0.5)}")  # fmt: skip
    print(f"  baseline, the same load as before schema 3 (walks, every case read): from the "
          f"disk {cold_old * 1000:.0f} ms, cached {min(old) * 1000:.0f} ms; ratio before/now "
          f"{cold_old / cold:.1f} from the disk, {min(old) / min(new):.1f} cached; "
          f"same answers: {same}")  # fmt: skip
    kinds = site.PRESENCE_KINDS
    now_q, _ = timed(lambda: ledger.latest_per_person(kinds), 3)
    old_q, _ = timed(lambda: walked_latest(ledger, kinds), 3)
    print(f"  of which each person's newest presence record (latest_per_person): "
          f"{now_q * 1000:.0f} ms, walking {old_q * 1000:.0f} ms (ratio {old_q / now_q:.1f})")
    args = ("quarantine_start", "quarantine_release")
    now_q, _ = timed(lambda: ledger.unclosed(*args), 3)
    old_q, _ = timed(lambda: unclosed_scanned(ledger, *args), 3)
    print(f"  and the open quarantine cases (unclosed): {now_q * 1000:.0f} ms, every start "
          f"read {old_q * 1000:.0f} ms (ratio {old_q / max(now_q, 1e-6):.1f})")
    print(f"  {len(board.series)} days in the series, "  # type: ignore[attr-defined]
          f"{len(board.on_site)} people on site, "  # type: ignore[attr-defined]
          f"{len(board.cases)} open quarantine cases")  # type: ignore[attr-defined]


def busy_tails(path: Path, people: int, steps: int) -> float:
    """`people` of the replica's people get `steps` step records each after their last
    presence record (seconds taken): the people the walk was slow to place."""
    conn = sqlite3.connect(path)
    t = time.perf_counter()
    conn.execute(
        """WITH RECURSIVE g(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM g WHERE i < ?1 - 1)
           INSERT INTO records (uuid, kiosk_id, kiosk_seq, kind, at, day, person_id, channel,
             body, prev_hash, hash)
           SELECT 'tail-' || i, 'tail', i + 1, 'step', '2026-01-01T08:00:00+08:00',
             '2025-06-01', 'p-' || (i % ?2), 'worker',
             (SELECT body FROM records WHERE kind = 'step' LIMIT 1), 'x', 'x' FROM g""",
        (people * steps, people))
    conn.commit()
    conn.close()
    return time.perf_counter() - t


def bench_replica(directory: Path, records: int, source: Path) -> None:
    """The dashboard on a replica-sized ledger (build_replica), then with people whose
    newest records are thousands of steps."""
    path = directory / "replica.db"
    built = build_replica(path, records, bodies_of(source))
    print(f"\nreplica: {records:,} rows bulk-loaded (build_replica) in {built:.0f} s")
    now = datetime.fromisoformat("2025-06-01T18:00:00+08:00")
    with Ledger.open(path, readonly=True) as ledger:
        bench_dashboard(ledger, now, 14, f"replica, {records:,} rows")
    tails = busy_tails(path, 500, 2000)
    print(f"\n500 of its people given 2,000 steps each after their last presence record "
          f"({tails:.0f} s)")
    with Ledger.open(path, readonly=True) as ledger:
        bench_dashboard(ledger, now, 14, f"replica, {records + 1_000_000:,} rows")


def bench_large(directory: Path, records: int) -> Path:
    path = directory / "large.db"
    built = bench_ledger.build(path, records, 1000)
    print(f"\nlarge ledger: {records:,} records (bench_ledger.build) in {built:.1f} s")
    with Ledger.open(path) as ledger:
        people = [f"p{i:05d}" for i in random.Random(3).sample(range(5000), 20)]
        times, sizes = [], []
        for person_id in people:
            seconds, events = timed(lambda p=person_id: review.timeline(ledger, p))
            times.append(seconds)
            sizes.append(len(events))  # type: ignore[arg-type]
        p50, worst = statistics.median(times), max(times)
        print(f"timeline (20 people, ~{statistics.mean(sizes):.0f} events each): median "
              f"{p50 * 1000:.1f} ms, worst {worst * 1000:.1f} ms  target < 100 ms: "
              f"{verdict(worst, 0.1)}")  # fmt: skip
        conn = sqlite3.connect(path)
        seconds, _ = timed(lambda: conn.execute(
            "SELECT * FROM records WHERE person_id = ? ORDER BY seq", (people[0],)).fetchall(), 3)
        print(f"  baseline raw select of one person's rows: {seconds * 1000:.1f} ms")
        conn.close()
        last = bench_ledger.FIRST_DAY + timedelta(days=bench_ledger.DAYS - 1)
        now = datetime(last.year, last.month, last.day, 20, tzinfo=bench_ledger.SITE)
        bench_dashboard(ledger, now, 30, f"{records:,} records")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenings", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--replica-records", type=int, default=0,
                        help="also the dashboard on a bulk-loaded replica of N rows")
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--skip-exports", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        if not args.skip_exports:
            bench_exports(Path(tmp), args.screenings)
        large = bench_large(Path(tmp), args.records)
        if args.replica_records:
            bench_replica(Path(tmp), args.replica_records, large)


if __name__ == "__main__":
    main()
