"""Ledger benchmark: durable append latency, size per record, a day's stats, verify.

Run: .venv/bin/python tests/bench/bench_ledger.py [--records N] [--dir DIR]
Builds a ledger of N records (default 1,000,000) over ~200 days through the real
`Ledger.append_all`, then measures; each figure is printed with a baseline measured in
the same run (raw sqlite3 without hashing; a plain full scan), so the ratio is portable.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.ledger.chain import HASHED_COLUMNS
from gatekeeper.services import schema
from gatekeeper.services.figures import DayStats
from gatekeeper.services.stats import day_stats

SITE = timezone(timedelta(hours=8))
DAYS = 200
FIRST_DAY = date(2024, 1, 1)
# (kind, share): passages and their step results dominate, as at a real gate.
KINDS = [
    ("passage", 0.50),
    ("step", 0.35),
    ("person", 0.08),
    ("round_temperature", 0.049),
    ("quarantine_start", 0.0105),
    ("quarantine_release", 0.0105),  # each closes an earlier start: tens stay open
]
MAX_OPEN = 40  # isolation rooms: beyond this a start is drawn as a release instead
OUTCOMES = [
    ("admitted", "cleared", 0.88),
    ("turned_away", "red_code", 0.05),
    ("turned_away", "no_certificate", 0.03),
    ("quarantined", "fever", 0.02),
    ("abandoned", "left_midway", 0.02),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


class Cases:
    """Open quarantine cases while the ledger is built: a release closes the oldest open
    case (same subject, same person), as on a real site where tens are open at a time."""

    def __init__(self) -> None:
        self.open: list[tuple[str, str, str]] = []  # (case id, person id, day started)


def _outcome(at: datetime, outcome: str, reason: str) -> dict[str, object]:
    admitted = outcome == "admitted"
    return {"at": at.isoformat(), "outcome": outcome, "reason": reason,
            "lane": "worker" if admitted else None, "zone": "construction" if admitted else None}


def make_record(
    rng: random.Random, i: int, day_index: int, cases: Cases | None = None
) -> NewRecord:
    """One record of a realistic mix, each body built through its kind's schema (so the
    bench ledger has the shapes a site's ledger has)."""
    day = FIRST_DAY + timedelta(days=day_index)
    at = datetime(day.year, day.month, day.day, 6, tzinfo=SITE) + timedelta(
        seconds=rng.randrange(16 * 3600)
    )
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    person_id = f"p{rng.randrange(5000):05d}"
    name = rng.choice(SURNAMES) + rng.choice(SURNAMES) + "明"
    common = dict(at=at, day=day.isoformat(), person_id=person_id)
    if kind == "passage":
        outcome, reason, _ = rng.choices(OUTCOMES, [w for *_, w in OUTCOMES])[0]
        reading = round(36 + rng.random(), 1)
        return schema.PassageBody(
            screening_id=f"s{i}", path="returning", role=None, started_at=at.isoformat(),
            outcome=_outcome(at, outcome, reason), certificate=None,
            temperatures=[{"at": at.isoformat(), "reading_c": reading, "verdict": "normal"}],
            scans={}, pledges_signed=[], notice_handed_over=False,
            steps_passed=["pass_scan", "temperature", "disinfection", "lane"],
            redirected_because=None, staff=f"gate-{1 + i % 3}",
        ).record(**common, channel=rng.choice(["worker", "worker", "visitor", "vehicle"]),
                 outcome=outcome, reason=reason, subject_id=f"s{i}")  # fmt: skip
    if kind == "person":
        return schema.PersonBody(
            id_type="resident_id", employer="中建三局第一分公司", role="钢筋工",
            coming_from="河南省周口市", recent_stays=[], name=name,
            id_number=f"110101199{rng.randrange(10**9):09d}",
            phone=f"139{rng.randrange(10**8):08d}",
        ).record(**common, channel="worker")  # fmt: skip
    if kind == "step":
        return schema.StepBody(
            step="temperature", passed=True,
            data={"reading_c": round(36 + rng.random(), 1), "verdict": "normal"},
            at=at.isoformat(),
        ).record(**common, subject_id=f"s{i - 1}", channel="worker")  # fmt: skip
    if kind == "round_temperature":
        return schema.RoundTemperatureBody(
            slot=rng.choice(["morning", "evening"]), reading_c=round(36 + rng.random(), 1),
            verdict="normal", by="bench",
        ).record(**common, subject_id=f"r{i}")  # fmt: skip
    if cases is not None:
        if kind == "quarantine_start" and len(cases.open) >= MAX_OPEN:
            kind = "quarantine_release"
        if kind == "quarantine_release" and cases.open and cases.open[0][2] < day.isoformat():
            case_id, person, started = cases.open.pop(0)
            days = (day - date.fromisoformat(started)).days + 1
            return schema.QuarantineReleaseBody(
                decision="released", reason="14 days, no fever", by="bench",
                at=at.isoformat(), days=days,
            ).record(at=at, day=day.isoformat(), person_id=person, subject_id=case_id,
                     reason="released")  # fmt: skip
        cases.open.append((f"q{i}", person_id, day.isoformat()))
    due = (day + timedelta(days=14)).isoformat()
    return schema.QuarantineStartBody(
        case_id=f"q{i}", reason="fever", place={"en": "Isolation room A", "zh_CN": "隔离点A"},
        started_at=at.isoformat(), due_date=due, source=f"s{i}",
    ).record(**common, subject_id=f"q{i}", reason="fever")  # fmt: skip


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def build(path: Path, n: int, batch: int) -> float:
    rng = random.Random(42)
    start = time.perf_counter()
    cases = Cases()
    with Ledger.open(path, kiosk_id="bench-kiosk") as ledger:
        pending: list[NewRecord] = []
        for i in range(n):
            pending.append(make_record(rng, i, i * DAYS // n, cases))
            if len(pending) == batch:
                ledger.append_all(pending)
                pending = []
        if pending:
            ledger.append_all(pending)
    return time.perf_counter() - start


def append_latency(ledger: Ledger, count: int) -> list[float]:
    rng = random.Random(7)
    times = []
    for i in range(count):
        rec = make_record(rng, 10**9 + i, DAYS - 1)
        t = time.perf_counter()
        ledger.append(rec)
        times.append(time.perf_counter() - t)
    return times


def raw_latency(directory: Path, count: int) -> list[float]:
    """Baseline: the same kind of row, plain sqlite3, same durability, no hashing."""
    conn = sqlite3.connect(directory / "baseline.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    cols = ", ".join(HASHED_COLUMNS)
    conn.execute(
        f"CREATE TABLE r (seq INTEGER PRIMARY KEY AUTOINCREMENT, {cols}, personal, salt, hash)"
    )
    times = []
    row = (
        "0" * 64,
        "u",
        "k",
        1,
        "passage",
        "2024-01-01T08:00:00+08:00",
        "2024-01-01",
        "p1",
        "s1",
        "worker",
        "admitted",
        "cleared",
        '{"steps":["certificate"]}',
        "d" * 64,
        None,
        '{"name":"王明"}',
        os.urandom(16),
        "h" * 64,
    )
    for _ in range(count):
        t = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            f"INSERT INTO r ({cols}, personal, salt, hash) VALUES ({', '.join('?' * 18)})", row
        )
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t)
    conn.close()
    return times


def stats_queries(ledger: Ledger, day: str) -> DayStats:
    """The real code path `gatekeeper stats` takes for a day's figures."""
    return day_stats(ledger, day)


def cli_seconds(*args: str) -> tuple[float, str]:
    """A whole `gatekeeper` command, process start-up included, as a script would run it."""
    exe = Path(sys.executable).with_name("gatekeeper")
    t = time.perf_counter()
    done = subprocess.run([str(exe), *args], capture_output=True, text=True, check=False)
    return time.perf_counter() - t, (done.stdout or done.stderr).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--appends", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        directory = Path(tmp)
        path = directory / "bench.db"
        n = args.records
        print(f"ledger benchmark: {n:,} records over {DAYS} days, sqlite {sqlite3.sqlite_version}")
        built = build(path, n, args.batch)
        print(f"build via append_all({args.batch}): {built:7.1f} s  ({n / built:,.0f} records/s)")

        with Ledger.open(path) as ledger:
            lat = append_latency(ledger, args.appends)
            base = raw_latency(directory, args.appends)
            p50, p99, b50, b99 = pct(lat, 0.5), pct(lat, 0.99), pct(base, 0.5), pct(base, 0.99)
            print(f"durable append ({args.appends}x, fsync): p50 {ms(p50)}  p99 {ms(p99)}")
            print(
                f"  baseline raw sqlite3 insert:      p50 {ms(b50)}  p99 {ms(b99)}  "
                f"(ratio p50 {p50 / b50:.2f})"
            )

            assert ledger.checkpoint()
            total = ledger.count()
            size = path.stat().st_size
            print(f"size: {size / 2**20:,.1f} MiB, {size / total:,.0f} bytes/record")

            day = (FIRST_DAY + timedelta(days=DAYS // 2)).isoformat()
            t = time.perf_counter()
            figures = stats_queries(ledger, day)
            cold = time.perf_counter() - t
            warm = []
            for _ in range(5):
                t = time.perf_counter()
                stats_queries(ledger, day)
                warm.append(time.perf_counter() - t)
            print(
                f"day stats ({day}, services.day_stats): first {ms(cold)}, then median "
                f"{ms(statistics.median(warm))}"
            )
            print(f"  {figures}")
            conn = sqlite3.connect(path)
            t = time.perf_counter()
            conn.execute(
                "SELECT count(*) FROM records WHERE kind = 'passage' AND day = ? "
                "AND outcome = 'admitted' AND 1",
                (day,),
            ).fetchone()
            print(f"  baseline one count: {ms(time.perf_counter() - t)}")

            stats_cli, _ = cli_seconds("stats", "--db", str(path), "--date", day, "--json")
            print(f"  `gatekeeper stats --json` whole command: {ms(stats_cli)}")
            empty_cli, _ = cli_seconds("--version")
            print(f"  baseline `gatekeeper --version` (start-up only): {ms(empty_cli)}")

            t = time.perf_counter()
            report = ledger.verify()
            verified = time.perf_counter() - t
            assert report.ok, report.problem
            t = time.perf_counter()
            conn.execute("SELECT count(*) FROM records NOT INDEXED").fetchone()
            scan = time.perf_counter() - t
            t = time.perf_counter()
            for _ in conn.execute(
                "SELECT seq, kiosk_id, kiosk_seq, prev_hash, hash, body, "
                "personal, salt, personal_digest FROM records"
            ):
                pass
            fetch = time.perf_counter() - t
            conn.close()
            print(
                f"verify {report.records:,} records: {verified:6.2f} s  "
                f"({verified / report.records * 1e6:.1f} us/record)"
            )
            print(
                f"  baseline full scan count(*): {scan:6.2f} s (ratio {verified / scan:.1f}); "
                f"fetch of the same rows into Python: {fetch:6.2f} s "
                f"(ratio {verified / fetch:.1f})"
            )
            verify_cli, verify_out = cli_seconds("verify", "--db", str(path))
            print(f"`gatekeeper verify` whole command: {verify_cli:6.2f} s -> {verify_out[:40]}...")


if __name__ == "__main__":
    main()
