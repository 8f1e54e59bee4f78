"""The simulation: realistic traffic through the real GateService, reproducible by seed."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from gatekeeper.domain.policy import Policy
from gatekeeper.domain.vocab import Zone
from gatekeeper.ledger import Ledger, StoredRecord
from gatekeeper.services.kinds import Kind
from gatekeeper.simulation.traffic import Simulation, SimulationSummary

START = date(2020, 3, 1)
PEOPLE, DAYS, SEED = 300, 6, 2020
KIOSK = "sim-kiosk-1"


def _run(path: Path, *, people: int, days: int, seed: int) -> tuple[Ledger, SimulationSummary]:
    ledger = Ledger.open(path, create=True, kiosk_id=KIOSK)
    summary = Simulation(ledger, Policy(), people=people, seed=seed, start=START).run(days)
    return ledger, summary


def _content(ledger: Ledger) -> list[tuple[object, ...]]:
    return [(r.uuid, r.kiosk_seq, r.kind, r.at, r.day, r.person_id, r.subject_id, r.outcome,
             r.reason, r.body, r.personal) for r in ledger.records()]


# --- reproducible ---------------------------------------------------------------------------------


def test_same_seed_same_records_other_seed_differs(tmp_path: Path) -> None:
    a, sa = _run(tmp_path / "a.sqlite3", people=60, days=3, seed=11)
    b, sb = _run(tmp_path / "b.sqlite3", people=60, days=3, seed=11)
    c, _ = _run(tmp_path / "c.sqlite3", people=60, days=3, seed=12)
    try:
        ca, cb = _content(a), _content(b)
        assert len(ca) > 100
        assert ca == cb
        assert sa == sb
        assert _content(c) != ca
        # only the salts (and so the digests and hashes) differ between the two runs
        assert a.head().hash != b.head().hash
        assert a.verify().ok and b.verify().ok and c.verify().ok
    finally:
        for ledger in (a, b, c):
            ledger.close()


# --- a week of traffic ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Iterator[
    tuple[Ledger, SimulationSummary, list[StoredRecord]]
]:
    ledger, summary = _run(
        tmp_path_factory.mktemp("sim") / "week.sqlite3", people=PEOPLE, days=DAYS, seed=SEED)
    yield ledger, summary, list(ledger.records())
    ledger.close()


def _of(records: list[StoredRecord], kind: str) -> list[StoredRecord]:
    return [r for r in records if r.kind == kind]


def _local(r: StoredRecord) -> datetime:
    return datetime.fromisoformat(r.at).astimezone(Policy().tz)


def test_week_is_a_valid_ledger_matching_its_summary(week) -> None:  # type: ignore[no-untyped-def]
    ledger, summary, records = week
    assert ledger.verify().ok
    assert summary.records == len(records)
    passages = _of(records, Kind.PASSAGE)
    assert Counter(p.outcome for p in passages) == Counter(summary.screenings)
    assert sorted({r.day for r in records}) == [
        date(2020, 3, d).isoformat() for d in range(1, DAYS + 1)]
    assert ledger.drafts() == []  # interrupted screenings were recorded, not left behind


def test_channels_and_vehicle_groups(week) -> None:  # type: ignore[no-untyped-def]
    _, _, records = week
    passages = _of(records, Kind.PASSAGE)
    assert {p.channel for p in passages} == {"worker", "visitor", "vehicle"}
    vehicles = _of(records, Kind.VEHICLE)
    assert vehicles
    assert any(len(v.body["people"]) > 1 for v in vehicles)  # passengers ride along
    in_groups = Counter(p.body["vehicle"]["group_id"] for p in passages if p.body.get("vehicle"))
    assert in_groups == Counter({v.subject_id: len(v.body["people"]) for v in vehicles})


def test_returning_workers_pass_twice_a_day(week) -> None:  # type: ignore[no-untyped-def]
    _, _, records = week
    returning = [p for p in _of(records, Kind.PASSAGE) if p.body["path"] == "returning"]
    assert returning and all(p.reason == "returning_cleared" for p in returning
                             if p.outcome == "admitted")
    morning: dict[str, set[str]] = defaultdict(set)
    afternoon: dict[str, set[str]] = defaultdict(set)
    for p in returning:
        local = _local(p)
        if local.hour < 12:
            assert (local.hour, local.minute) >= (7, 0)
            if p.outcome == "admitted":
                morning[p.day].add(p.person_id)
        else:  # after lunch, before the afternoon quarantine checks (the queue may lag)
            assert (12, 30) <= (local.hour, local.minute) < (16, 0), p.at
            afternoon[p.day].add(p.person_id)
    round_quarantined: dict[str, set[str]] = defaultdict(set)
    for q in _of(records, Kind.QUARANTINE_START):
        if q.reason == "fever_on_round":
            round_quarantined[q.day].add(q.person_id)
    days = sorted(morning)
    assert len(days) >= DAYS - 1
    for day in days:
        assert morning[day] and afternoon[day]
        assert morning[day] <= afternoon[day] | round_quarantined[day]


def test_mishaps_and_quarantines_happen(week) -> None:  # type: ignore[no-untyped-def]
    _, _, records = week
    passages = _of(records, Kind.PASSAGE)
    reasons = Counter((p.outcome, p.reason) for p in passages)
    assert reasons[("turned_away", "no_certificate")] > 0
    for why in ("risk_region", "yellow_code", "fever"):
        assert reasons[("quarantined", why)] > 0, why
    assert sum(n for (outcome, _), n in reasons.items() if outcome == "abandoned") > 0
    remeasured = [
        p for p in passages
        if len([t for t in p.body["temperatures"] if t["verdict"] != "out_of_range"]) > 1
    ]
    assert remeasured
    rest = Policy().rest_seconds
    for p in remeasured:  # a re-measure follows a fever reading, after the rest
        counted = [t for t in p.body["temperatures"] if t["verdict"] != "out_of_range"]
        assert counted[0]["verdict"] == "fever_remeasure"
        for before, after in pairwise(counted):
            gap = datetime.fromisoformat(after["at"]) - datetime.fromisoformat(before["at"])
            assert gap.total_seconds() >= rest
    # the closed loop: every quarantined passage with a known person opened a case
    starts = {q.body["source"]: q for q in _of(records, Kind.QUARANTINE_START)}
    for p in passages:
        if p.outcome == "quarantined" and p.person_id is not None:
            assert starts[p.subject_id].person_id == p.person_id
    releases = _of(records, Kind.QUARANTINE_RELEASE)
    assert any(r.reason == "released" for r in releases)
    opened = {q.subject_id for q in _of(records, Kind.QUARANTINE_START)}
    assert {r.subject_id for r in releases} <= opened
    assert _of(records, Kind.QUARANTINE_CHECK)


def test_rounds_and_disinfection_every_day(week) -> None:  # type: ignore[no-untyped-def]
    _, _, records = week
    rounds = _of(records, Kind.ROUND_TEMPERATURE)
    assert {(r.day, r.body["slot"]) for r in rounds} == {
        (date(2020, 3, d).isoformat(), slot)
        for d in range(1, DAYS + 1) for slot in ("morning", "evening")}
    disinfections = Counter(
        (r.day, r.body["zone"], r.body["slot"]) for r in _of(records, Kind.DISINFECTION))
    assert disinfections == Counter({
        (date(2020, 3, d).isoformat(), z.value, slot): 1
        for d in range(1, DAYS + 1) for z in Zone for slot in ("morning", "evening")})


def test_first_time_proportions_follow_the_report(week) -> None:  # type: ignore[no-untyped-def]
    _, summary, records = week
    first = summary.first_time
    total = sum(first.values())
    assert total > 250
    assert 0.04 <= first.get("quarantined", 0) / total <= 0.13
    assert 0.01 <= first.get("turned_away", 0) / total <= 0.06
    assert first.get("admitted", 0) / total > 0.5
    # cross-check with the ledger: first-time path passages ended the same way
    ledger_first = Counter(p.outcome for p in _of(records, Kind.PASSAGE)
                           if p.body["path"] == "first_time")
    assert ledger_first == Counter(first)
