"""A simulated ledger for the manager/inspector service tests (real rules, real ledger)."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger
from gatekeeper.simulation.traffic import Simulation

POLICY = Policy()
TZ = POLICY.tz
START = date(2020, 3, 1)
DAYS = 4
DAY_LIST = [f"2020-03-0{i}" for i in range(1, DAYS + 1)]
NOW = datetime(2020, 3, 20, 18, 0, tzinfo=TZ)


def build_simulated(path: Path) -> Path:
    with Ledger.open(path, kiosk_id="gate-test") as ledger:
        Simulation(ledger, POLICY, people=40, seed=7, start=START).run(DAYS)
    return path


def copy_of(source: Path, folder: Path) -> Path:
    target = folder / "ledger.sqlite3"
    shutil.copyfile(source, target)
    return target


def file_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-journal"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            data += side.read_bytes()
    return data
