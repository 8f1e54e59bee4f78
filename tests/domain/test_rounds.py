"""Temperature rounds and twice-daily zone disinfection."""

from __future__ import annotations

from datetime import datetime

import pytest
from domain_support import POLICY, TZ

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.rounds import (
    DisinfectionEntry,
    RoundVerdict,
    assess_round_reading,
    missing_from_round,
    slot_for,
    zones_missing,
)
from gatekeeper.domain.vocab import Reason, RoundSlot, Zone

DAY = datetime(2020, 3, 2, tzinfo=TZ).date()


def test_round_readings() -> None:
    assert assess_round_reading(36.5, POLICY).verdict is RoundVerdict.NORMAL
    fever = assess_round_reading(37.3, POLICY)
    assert fever.verdict is RoundVerdict.QUARANTINE and fever.reason is Reason.FEVER_ON_ROUND
    assert assess_round_reading(30.0, POLICY).verdict is RoundVerdict.REMEASURE
    assert assess_round_reading(30.0, POLICY).reason is None


def test_missing_from_round() -> None:
    assert missing_from_round(["a", "b", "c"], ["b", "x"]) == {"a", "c"}
    assert missing_from_round([], []) == set()


def test_slot_for() -> None:
    assert slot_for(datetime(2020, 3, 2, 7, tzinfo=TZ), POLICY) is RoundSlot.MORNING
    assert slot_for(datetime(2020, 3, 2, 18, tzinfo=TZ), POLICY) is RoundSlot.EVENING


def entry(zone: Zone, slot: RoundSlot, hour: int, day: int = 2) -> DisinfectionEntry:
    return DisinfectionEntry(zone, slot, "Zhao", datetime(2020, 3, day, hour, tzinfo=TZ))


def test_zones_missing() -> None:
    assert len(zones_missing([], DAY)) == 8
    entries = [entry(z, s, 8 if s is RoundSlot.MORNING else 18) for z in Zone for s in RoundSlot]
    assert zones_missing(entries, DAY) == set()
    partial = [e for e in entries if e.zone is not Zone.LIVING] + [
        entry(Zone.LIVING, RoundSlot.MORNING, 8, day=1)]  # yesterday does not count
    assert zones_missing(partial, DAY, POLICY.tz) == {
        (Zone.LIVING, RoundSlot.MORNING), (Zone.LIVING, RoundSlot.EVENING)}


def test_disinfection_entry_is_validated() -> None:
    with pytest.raises(ValueError):
        DisinfectionEntry("garden", RoundSlot.MORNING, "Zhao", datetime(2020, 3, 2, tzinfo=TZ))
    with pytest.raises(ValidationError) as e:
        DisinfectionEntry(Zone.LIVING, RoundSlot.MORNING, " ", datetime(2020, 3, 2, tzinfo=TZ))
    assert e.value.field == "by"
    with pytest.raises(ValueError):
        DisinfectionEntry(Zone.LIVING, RoundSlot.MORNING, "Zhao", datetime(2020, 3, 2))
    assert DisinfectionEntry("living", "evening", "Zhao",  # type: ignore[arg-type]
                             datetime(2020, 3, 2, 18, tzinfo=TZ)).zone is Zone.LIVING
