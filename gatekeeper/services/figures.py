"""A day's figures, as `gatekeeper stats` prints them and the start screen shows them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class DayStats:
    """Counts of screenings that ended on `date` (site-local), by outcome.

    `in_quarantine` is the number of open quarantine cases at the end of that day
    (now, for today); `released` the quarantine cases released to the site that day.
    """

    date: str
    admitted: int = 0
    turned_away: int = 0
    turned_away_by_reason: dict[str, int] = field(default_factory=dict)
    quarantined: int = 0
    abandoned: int = 0
    in_quarantine: int = 0
    released: int = 0

    def as_json(self) -> dict[str, Any]:
        """The `stats --json` object: exactly these keys (a scripting contract)."""
        data = asdict(self)
        by_reason = data.pop("turned_away_by_reason")
        data["turned_away"] = {"total": self.turned_away, "by_reason": by_reason}
        return data
