"""`gatekeeper simulate --db PATH --days N --people N [--seed S] [--start YYYY-MM-DD]`."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from cli_support import DAYS, PEOPLE, SEED, START, run, run_exe

from gatekeeper.ledger import Ledger

OUTCOMES = {"admitted", "turned_away", "quarantined", "abandoned"}


CONTENT = (
    *("seq", "uuid", "kiosk_id", "kiosk_seq", "kind", "at", "day", "person_id", "subject_id"),
    *("channel", "outcome", "reason", "body", "personal", "corrects"),
)


def content(db: Path) -> list[tuple]:
    """What the same seed must reproduce: everything but salts, digests and hashes."""
    with Ledger.open(db, readonly=True) as ledger:
        return [tuple(getattr(r, name) for name in CONTENT) for r in ledger.records()]


def outline(db: Path) -> list[tuple]:
    """What README promises at least: record ids, times and outcomes."""
    with Ledger.open(db, readonly=True) as ledger:
        return [
            (r.seq, r.uuid, r.kiosk_id, r.kind, r.at, r.day, r.channel, r.outcome, r.reason)
            for r in ledger.records()
        ]


def test_simulated_ledger_covers_the_days_and_verifies(simulated: Path) -> None:
    with Ledger.open(simulated, readonly=True) as ledger:
        days = {r.day for r in ledger.records(kind="passage")}
        outcomes = {r.outcome for r in ledger.records(kind="passage")}
        assert ledger.verify().ok
    first = date.fromisoformat(START)
    assert days == {(first + timedelta(days=i)).isoformat() for i in range(DAYS)}
    assert outcomes <= OUTCOMES and "admitted" in outcomes


def test_summary_line_and_exit_0(tmp_path: Path) -> None:
    result = run("simulate", "--db", tmp_path / "l.sqlite3", "--days", 1, "--people", 10)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Simulated 1 days, 10 people:")
    assert result.stderr == ""


def test_same_seed_same_ids_times_and_outcomes(simulated: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite3"
    args = ("--days", DAYS, "--people", PEOPLE, "--seed", SEED, "--start", START)
    assert run("simulate", "--db", again, *args).exit_code == 0
    assert outline(again) == outline(simulated)


def test_same_seed_same_ledger_content(simulated: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite3"
    args = ("--days", DAYS, "--people", PEOPLE, "--seed", SEED, "--start", START)
    assert run("simulate", "--db", again, *args).exit_code == 0
    assert content(again) == content(simulated)


def test_other_seed_other_ledger(simulated: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    args = ("--days", DAYS, "--people", PEOPLE, "--seed", SEED + 1, "--start", START)
    assert run("simulate", "--db", other, *args).exit_code == 0
    assert content(other) != content(simulated)


def test_start_sets_the_first_day(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite3"
    result = run("simulate", "--db", db, "--days", 2, "--people", 8, "--start", "2021-12-31")
    assert result.exit_code == 0, result.output
    with Ledger.open(db, readonly=True) as ledger:
        days = {r.day for r in ledger.records(kind="passage")}
    assert days == {"2021-12-31", "2022-01-01"}


def test_end_to_end_with_the_installed_command(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for db in (a, b):
        done = run_exe("simulate", "--db", db, "--days", 1, "--people", 15, "--seed", 3)
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("\n") == 1 and "screenings" in done.stdout
    assert content(a) == content(b)
