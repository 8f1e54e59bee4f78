"""Life inside the site: morning and evening temperature rounds, twice-daily disinfection.

A round is complete when everyone on site has been measured; a fever on a round means
quarantine. Every zone is disinfected in both slots every day; `zones_missing` lists the
gaps so a manager can see them before an inspector does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from enum import StrEnum

from gatekeeper.domain.identity import validate_text
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.screening import require_aware
from gatekeeper.domain.temperature import is_fever, is_plausible
from gatekeeper.domain.vocab import Reason, RoundSlot, Zone

__all__ = [
    "DisinfectionEntry",
    "RoundReading",
    "RoundSlot",
    "RoundVerdict",
    "assess_round_reading",
    "missing_from_round",
    "slot_for",
    "zones_missing",
]

EVENING_FROM_HOUR = 12  # a round measured from noon on is the evening round


class RoundVerdict(StrEnum):
    NORMAL = "normal"
    QUARANTINE = "quarantine"  # fever on a round
    REMEASURE = "remeasure"  # implausible reading: measure again


@dataclass(frozen=True)
class RoundReading:
    """The verdict on one round reading; `reason` is set when the person must be isolated."""

    verdict: RoundVerdict
    reason: Reason | None = None


def assess_round_reading(reading_c: float, policy: Policy) -> RoundReading:
    """Fever on a round → quarantine (FEVER_ON_ROUND); outside the plausible range → re-measure."""
    if not is_plausible(reading_c, policy):
        return RoundReading(RoundVerdict.REMEASURE)
    if is_fever(reading_c, policy):
        return RoundReading(RoundVerdict.QUARANTINE, Reason.FEVER_ON_ROUND)
    return RoundReading(RoundVerdict.NORMAL)


def slot_for(at: datetime, policy: Policy) -> RoundSlot:
    """Which round a measurement at `at` belongs to (site-local morning / evening)."""
    local = require_aware(at).astimezone(policy.tz)
    return RoundSlot.EVENING if local.hour >= EVENING_FROM_HOUR else RoundSlot.MORNING


def missing_from_round(on_site_person_ids: Iterable[str], checked_ids: Iterable[str]) -> set[str]:
    """Everyone on site who has no reading in this round (closed loop: nobody skipped)."""
    return set(on_site_person_ids) - set(checked_ids)


@dataclass(frozen=True)
class DisinfectionEntry:
    """One zone disinfected in one slot, by whom and when (validated on creation)."""

    zone: Zone
    slot: RoundSlot
    by: str
    at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "zone", Zone(self.zone))
        object.__setattr__(self, "slot", RoundSlot(self.slot))
        object.__setattr__(self, "by", validate_text(self.by, "by", 64))
        require_aware(self.at)

    def day(self, tz: tzinfo | None = None) -> date:
        return (self.at.astimezone(tz) if tz is not None else self.at).date()


def zones_missing(
    entries: Iterable[DisinfectionEntry], day: date, tz: tzinfo | None = None
) -> set[tuple[Zone, RoundSlot]]:
    """The (zone, slot) pairs of `day` with no disinfection entry; all four zones, twice.

    `tz` is the site's time zone (`policy.tz`); without it each entry's own offset is used.
    """
    done = {(e.zone, e.slot) for e in entries if e.day(tz) == day}
    return {(z, s) for z in Zone for s in RoundSlot} - done
