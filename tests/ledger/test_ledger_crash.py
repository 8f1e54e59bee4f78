"""Kill a writer (SIGKILL) at random moments, many times: nothing acknowledged is lost and
the ledger always verifies."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gatekeeper.ledger import Ledger

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


@pytest.mark.slow
def test_sigkill_loses_nothing_acknowledged(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    rng = random.Random(20240501)
    acknowledged: list[str] = []
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        time.sleep(rng.uniform(0.05, 0.4))  # sometimes while opening, mostly mid-append
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err.decode()
        lines = out.decode().split("\n")
        acknowledged += [line for line in lines[:-1] if line]  # a cut last line was not acked
    assert len(acknowledged) > KILLS
    with Ledger.open(path) as ledger:
        report = ledger.verify()
        assert report.ok, report.problem
        missing = [u for u in acknowledged if ledger.get(u) is None]
        assert not missing
        assert report.records >= len(acknowledged)
        assert ledger.drafts() == [] or all(d.draft_id.startswith("d") for d in ledger.drafts())
