"""A day's figures from the ledger's indexed columns (no record is decoded)."""

from __future__ import annotations

from typing import Literal, Protocol

from gatekeeper.domain.vocab import Outcome, QuarantineDecision
from gatekeeper.services.figures import DayStats
from gatekeeper.services.kinds import Kind


class Counts(Protocol):
    """What the figures need: a ledger file, or the site hub (hub.client.Hub)."""

    def count(self, *, kind: str | None = None, day: str | None = None,
              until_day: str | None = None, outcome: str | None = None,
              reason: str | None = None, channel: str | None = None) -> int: ...  # fmt: skip

    def count_by(self, column: Literal["outcome", "reason", "channel", "kind"], *,
                 kind: str | None = None, day: str | None = None,
                 outcome: str | None = None) -> dict[str, int]: ...  # fmt: skip


def day_stats(ledger: Counts, day: str) -> DayStats:
    """Screenings that ended on `day` by outcome, and the quarantine state at its end."""
    by_outcome = ledger.count_by("outcome", kind=Kind.PASSAGE, day=day)
    turned_away_by_reason = ledger.count_by(
        "reason", kind=Kind.PASSAGE, day=day, outcome=Outcome.TURNED_AWAY
    )
    started = ledger.count(kind=Kind.QUARANTINE_START, until_day=day)
    ended = ledger.count(kind=Kind.QUARANTINE_RELEASE, until_day=day)
    released = ledger.count(
        kind=Kind.QUARANTINE_RELEASE, day=day, reason=QuarantineDecision.RELEASED
    )
    return DayStats(
        date=day,
        admitted=by_outcome.get(Outcome.ADMITTED, 0),
        turned_away=by_outcome.get(Outcome.TURNED_AWAY, 0),
        turned_away_by_reason=dict(sorted(turned_away_by_reason.items())),
        quarantined=by_outcome.get(Outcome.QUARANTINED, 0),
        abandoned=by_outcome.get(Outcome.ABANDONED, 0),
        in_quarantine=started - ended,
        released=released,
    )
