"""Exports and inspector/dashboard queries: a day of 10,000 screenings in csv/xlsx/pdf,
a person's timeline and the manager dashboard's full load (`site.load`) on a large ledger.

Run: .venv/bin/python tests/bench/bench_exports.py [--screenings N] [--records N]
Targets (issue 5): each export < 3 s, timeline < 100 ms, dashboard load < 500 ms.
Baselines measured in the same run: csv.writer over the same rows without the ledger;
a raw sqlite3 select of the person's rows.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import bench_ledger  # noqa: E402  (its builder makes the 1,000,000-record ledger)

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


def bench_large(directory: Path, records: int) -> None:
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
        cold, board = timed(lambda: site.load(ledger, POLICY, now, days=30))
        warm, _ = timed(lambda: site.load(ledger, POLICY, now, days=30), 3)
        print(f"dashboard load (site.load: today, 30-day series, on site, open cases, "
              f"alerts): first {cold * 1000:.0f} ms, then {warm * 1000:.0f} ms  "
              f"target < 500 ms: {verdict(cold, 0.5)}")  # fmt: skip
        print(f"  {len(board.series)} days in the series, "  # type: ignore[attr-defined]
              f"{len(board.on_site)} people on site, "  # type: ignore[attr-defined]
              f"{len(board.cases)} open quarantine cases")  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenings", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        bench_exports(Path(tmp), args.screenings)
        bench_large(Path(tmp), args.records)


if __name__ == "__main__":
    main()
