"""The tests' throwaway PostgreSQL never outlives its run: a run stopped by SIGTERM
stops its cluster on the way out; a run killed outright (SIGKILL) leaves it to be
swept by the next one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pg_cluster
import pytest

STARTER = """
import sys, time
sys.path.insert(0, {tests!r})
import pg_cluster
server = pg_cluster.start_cluster()
print(server.folder, flush=True)
time.sleep(600)
"""


def _running(folder: Path) -> bool:
    pid_file = folder / "data" / "postmaster.pid"
    try:
        return os.path.exists(f"/proc/{int(pid_file.read_text().split()[0])}")
    except (OSError, ValueError, IndexError):
        return False


def _stopped_run(how: signal.Signals) -> tuple[Path, int]:
    """A run that starts a cluster, stopped by `how` once the cluster is up: the
    cluster's folder and the run's exit status."""
    if os.environ.get(pg_cluster.ENV):
        pytest.skip("GATEKEEPER_TEST_HUB's server is not ours")
    tests = str(Path(__file__).resolve().parents[1])
    run = subprocess.Popen([sys.executable, "-c", STARTER.format(tests=tests)],
                           stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        folder = Path(run.stdout.readline().strip())  # type: ignore[union-attr]
        assert _running(folder)
    finally:
        run.send_signal(how)
        status = run.wait(timeout=60)
    return folder, status


def test_a_cluster_whose_run_was_killed_is_swept() -> None:
    folder, _ = _stopped_run(signal.SIGKILL)  # no atexit, no fixture: as a crash
    assert _running(folder)  # left behind
    assert folder in pg_cluster.sweep_stale()
    assert not folder.exists()


def test_a_run_stopped_by_sigterm_stops_its_cluster() -> None:
    """A CI job's timeout or `kill` sends SIGTERM: the run exits through atexit, which
    stops and removes its cluster (Python's default would exit without it)."""
    folder, status = _stopped_run(signal.SIGTERM)
    assert status == 128 + signal.SIGTERM
    assert not folder.exists()
