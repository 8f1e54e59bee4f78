"""A kiosk's working session: its ledger, its policy and its clock, opened together."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger
from gatekeeper.services.clock import Clock, SystemClock, site_day, site_zone
from gatekeeper.services.figures import DayStats
from gatekeeper.services.gate import GateService
from gatekeeper.services.stats import day_stats


@dataclass
class GateSession:
    ledger: Ledger
    policy: Policy
    clock: Clock
    service: GateService

    @property
    def ledger_path(self) -> Path:
        return Path(self.ledger.path)

    def today_figures(self) -> DayStats:
        return day_stats(self.ledger, site_day(self.clock.now()))


@contextmanager
def open_session(
    ledger_path: Path, policy: Policy, clock: Clock | None = None
) -> Iterator[GateSession]:
    """Open (creating if needed) the ledger; close it however the session ends."""
    clock = clock or SystemClock(site_zone(policy.timezone))
    ledger = Ledger.open(ledger_path, create=True)
    try:
        yield GateSession(ledger, policy, clock, GateService(ledger, policy, clock))
    finally:
        ledger.close()
