"""A retention purge is one transaction with its record, waits for readers only so long,
and says honestly whether the old bytes are gone (the trust issue)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from manager_support import NOW, build_simulated, copy_of, file_bytes
from services_support import PIN, actor

from gatekeeper.ledger import Ledger
from gatekeeper.services.retention import purge


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_simulated(tmp_path_factory.mktemp("sim") / "sim.sqlite3")
    with Ledger.open(path) as ledger:
        actor(ledger, now=NOW)  # the site manager "boss" who purges
    return path


def erased_and_recorded(path: Path) -> tuple[int, int]:
    """(records whose personal part is gone, purge records) as a fresh reader sees them."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        erased = conn.execute("SELECT count(*) FROM records WHERE personal IS NULL AND "
                              "personal_digest IS NOT NULL").fetchone()[0]  # fmt: skip
        purges = conn.execute("SELECT count(*) FROM records WHERE kind = 'purge'").fetchone()[0]
    finally:
        conn.close()
    return erased, purges


PURGER = textwrap.dedent("""
    import sys
    from datetime import datetime
    from gatekeeper.ledger import Ledger
    from gatekeeper.services import accounts
    from gatekeeper.services.retention import purge
    from gatekeeper.domain.policy import Policy
    now = datetime(2020, 3, 20, 18, 0, tzinfo=Policy().tz)
    with Ledger.open(sys.argv[1]) as ledger:
        boss = accounts.sign_in(ledger, "boss", sys.argv[2], now).actor
        print("ready", flush=True)
        purge(ledger, 15, now, by=boss)
    print("done", flush=True)
""")


def test_killed_at_any_moment_a_purge_never_erases_without_its_record(simulated, tmp_path):
    rng = random.Random(20201201)
    outcomes = set()
    for attempt in range(12):
        folder = tmp_path / f"run{attempt}"
        folder.mkdir()
        path = copy_of(simulated, folder)
        proc = subprocess.Popen([sys.executable, "-c", PURGER, str(path), PIN],
                                stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.08))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        erased, purges = erased_and_recorded(path)
        assert (erased > 0) == (purges == 1), (attempt, erased, purges)
        outcomes.add(purges)
        with Ledger.open(path, readonly=True) as ledger:
            assert ledger.verify().ok
    assert outcomes, "the kills landed somewhere"


def test_a_purge_whose_record_cannot_be_written_erases_nothing(simulated, tmp_path):
    """The record and the erasure are one transaction: if the record fails, so does all."""
    path = copy_of(simulated, tmp_path)
    before = erased_and_recorded(path)
    with Ledger.open(path) as ledger:
        boss = actor(ledger, now=NOW)
        real = ledger._append_in

        def failing(conn, prepared):  # type: ignore[no-untyped-def]
            if any(p.kind == "purge" for p in prepared):
                raise sqlite3.OperationalError("database or disk is full")
            return real(conn, prepared)

        ledger._append_in = failing  # type: ignore[method-assign]
        with pytest.raises(Exception, match="full"):
            purge(ledger, 15, NOW, by=boss)
    after = erased_and_recorded(path)
    assert after == (before[0], 0)  # nothing erased, nothing recorded


def test_a_reader_holding_the_ledger_bounds_the_wait_and_is_said(simulated, tmp_path):
    path = copy_of(simulated, tmp_path)
    reader = sqlite3.connect(path, isolation_level=None)
    with Ledger.open(path) as ledger:
        ledger.head()
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM records").fetchone()  # a read snapshot held
        started = time.monotonic()
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW), wait_seconds=1.0)
        waited = time.monotonic() - started
        assert result.records > 0 and not result.bytes_gone
        assert waited < 10  # bounded (it waited minutes before)
        # erased in the database already, and recorded: a fresh reader sees both
        erased, purges = erased_and_recorded(path)
        assert erased > 0 and purges == 1
        reader.execute("COMMIT")
        reader.close()
        again = purge(ledger, 15, NOW, by=actor(ledger, now=NOW), wait_seconds=1.0)
        assert again.bytes_gone and again.records == 0  # nothing erased twice
    assert file_bytes(path)


def test_unmasked_exports_of_purged_days_are_listed(simulated, tmp_path):
    from gatekeeper.domain.policy import Policy
    from gatekeeper.services.exports import export_day

    path = copy_of(simulated, tmp_path)
    with Ledger.open(path) as ledger:
        inspector = actor(ledger, "insp", "inspector", now=NOW)
        for day, full in (("2020-03-02", True), ("2020-03-03", False)):
            export_day(ledger, day, "csv", tmp_path / f"{day}.csv", lang="en", full=full,
                       site="A", now=NOW, tz=Policy().tz, by=inspector)  # fmt: skip
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW))
    assert result.full_exports == ("2020-03-02.csv",)


def test_badges_printed_before_the_cutoff_are_deleted(simulated, tmp_path):
    path = copy_of(simulated, tmp_path)
    badges = tmp_path / "badges"
    badges.mkdir()
    old, new, other = badges / "badge-p1-1.pdf", badges / "badge-p2-2.pdf", badges / "x.pdf"
    for file in (old, new, other):
        file.write_bytes(b"%PDF-1.4")
    long_ago = NOW.timestamp() - 60 * 86400
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    with Ledger.open(path) as ledger:
        result = purge(ledger, 15, NOW, by=actor(ledger, now=NOW))
    assert result.badges == 1
    assert not old.exists() and new.exists() and other.exists()  # only GateKeeper's, old
