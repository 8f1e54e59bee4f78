"""Simulation benchmark: screenings per second through the real rules, services and ledger.

Run: .venv/bin/python tests/bench/bench_simulate.py [--days N] [--people N]
Baseline in the same run: appending the same number of records, in the same number of
durable transactions, straight to the ledger — what the writes alone cost, so the ratio
shows what the domain and services add on top.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.simulation.traffic import Simulation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--people", type=int, default=400)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sim.db"
        with Ledger.open(path) as ledger:
            t = time.perf_counter()
            summary = Simulation(
                ledger, Policy(), people=args.people, seed=1, start=date(2020, 3, 1)
            ).run(args.days)
            elapsed = time.perf_counter() - t
            screenings = sum(summary.screenings.values())
            records = summary.records
            print(
                f"simulate {args.days} days x {args.people} people: {screenings:,} screenings, "
                f"{records:,} records in {elapsed:.1f} s "
                f"({screenings / elapsed:,.0f} screenings/s, {elapsed / screenings * 1e3:.2f} "
                f"ms per screening)"
            )
            print(f"  first entries: {summary.first_time}")
        # Baseline: the same records in as many durable transactions, no rules.
        per_batch = max(records // screenings, 1)
        with Ledger.open(Path(tmp) / "base.db") as base:
            at = datetime(2020, 3, 1, 8, tzinfo=timezone(timedelta(hours=8)))
            t = time.perf_counter()
            for i in range(screenings):
                base.append_all(
                    [NewRecord(kind="passage", at=at, day="2020-03-01", body={"i": i, "j": j})
                     for j in range(per_batch)]
                )
            raw = time.perf_counter() - t
        print(
            f"  baseline: {screenings:,} durable append_all of {per_batch} records: {raw:.1f} s "
            f"(ratio {elapsed / raw:.2f})"
        )


if __name__ == "__main__":
    main()
