"""Life on site through GateService: quarantine lifecycle, rounds, disinfection,
corrections, and the day's figures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from services_support import Gate, registration, resident_id

from gatekeeper.domain.errors import QuarantineError
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Channel, QuarantineDecision, Reason, RoundSlot, Step, Zone
from gatekeeper.services.kinds import Kind
from gatekeeper.services.stats import day_stats


def _admitted(gate: Gate, seq: str = "123") -> str:
    reg = registration(id_number=resident_id(seq=seq))
    pid = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER), reg))
    assert pid.person_id is not None
    return pid.person_id


# --- quarantine lifecycle ----------------------------------------------------------------------


def test_quarantine_lifecycle_start_checks_release(gate: Gate) -> None:
    pid = _admitted(gate)
    day1 = gate.service.today().isoformat()
    case = gate.service.start_quarantine(pid, Reason.RISK_REGION, place="2号隔离室")
    (start,) = gate.records(kind=Kind.QUARANTINE_START)
    assert (start.subject_id, start.person_id, start.reason) == (case.id, pid, "risk_region")
    assert start.body["place"] == {"en": "2号隔离室", "zh_CN": "2号隔离室"}
    assert day_stats(gate.ledger, day1).in_quarantine == 1

    gate.tick(60 * 8)
    gate.service.quarantine_check(case.id, 36.6, "ok", by=gate.manager)
    gate.tick(60 * 16)
    gate.service.quarantine_check(case.id, "37.5", by=gate.manager)
    checks = gate.records(kind=Kind.QUARANTINE_CHECK)
    assert [(c.subject_id, c.person_id) for c in checks] == [(case.id, pid)] * 2
    assert [(c.body["temperature_c"], c.body["fever"], c.body["by"]) for c in checks] == [
        (36.6, False, "boss"), (37.5, True, "boss")]
    rebuilt = gate.service.quarantine_case(case.id)
    assert rebuilt.is_open and [c.temperature_c for c in rebuilt.checks] == [36.6, 37.5]

    gate.tick(60 * 24)
    day3 = gate.service.today().isoformat()
    release = gate.service.release_quarantine(
        case.id, QuarantineDecision.RELEASED, "negative test", gate.manager)
    assert (release.kind, release.reason, release.subject_id) == (
        Kind.QUARANTINE_RELEASE, "released", case.id)
    assert release.body["by"] == "boss"  # the signed-in account, not a name passed in
    assert release.body["days"] == 3
    assert not gate.service.quarantine_case(case.id).is_open

    stats = day_stats(gate.ledger, day3)
    assert (stats.released, stats.in_quarantine) == (1, 0)
    assert day_stats(gate.ledger, day1).in_quarantine == 1  # still open at the end of day 1
    assert day_stats(gate.ledger, day1).released == 0

    before = gate.ledger.head().records
    with pytest.raises(QuarantineError):
        gate.service.release_quarantine(
            case.id, QuarantineDecision.SENT_HOME, "again", gate.manager)
    with pytest.raises(QuarantineError):
        gate.service.quarantine_check(case.id, 36.5, by=gate.manager)
    assert gate.ledger.head().records == before
    assert gate.ledger.verify().ok


def test_unknown_case_is_a_localized_error_and_writes_nothing(gate: Gate) -> None:
    boss = gate.manager
    signed_in = gate.records()  # the account and its sign-in
    for call in (
        lambda: gate.service.quarantine_case("no-such-case"),
        lambda: gate.service.quarantine_check("no-such-case", 36.5, by=boss),
        lambda: gate.service.release_quarantine(
            "no-such-case", QuarantineDecision.RELEASED, "x", boss),
    ):
        with pytest.raises(LocalizedError) as err:
            call()
        assert err.value.code == "unknown_case"
        assert "no-such-case" in err.value.message("en")
        assert "no-such-case" in err.value.message("zh_CN")
    assert gate.records() == signed_in


# --- rounds and disinfection -------------------------------------------------------------------


def test_round_records_readings_quarantines_fever_and_asks_to_remeasure(gate: Gate) -> None:
    a, b, c, d = (_admitted(gate, seq) for seq in ("111", "222", "333", "444"))
    gate.tick(60)
    boss = gate.manager
    before = gate.ledger.head().records
    result = gate.service.record_round(
        RoundSlot.MORNING, [(a, 36.5), (b, 36.9), (c, 38.2), (d, 12.0)], boss)

    assert result.recorded == 3
    assert result.quarantined == [c]
    assert result.remeasure == [d]
    rounds = gate.records(kind=Kind.ROUND_TEMPERATURE)
    assert [(r.person_id, r.body["reading_c"], r.body["verdict"]) for r in rounds] == [
        (a, 36.5, "normal"), (b, 36.9, "normal"), (c, 38.2, "quarantine")]
    assert {(r.body["slot"], r.body["by"]) for r in rounds} == {("morning", "boss")}
    assert all(r.subject_id == r.uuid for r in rounds)
    (start,) = gate.records(kind=Kind.QUARANTINE_START)
    assert (start.person_id, start.reason) == (c, "fever_on_round")
    assert start.body["source"] == rounds[2].uuid
    assert gate.records(person_id=d, kind=Kind.ROUND_TEMPERATURE) == []
    assert gate.ledger.head().records == before + 4
    assert day_stats(gate.ledger, gate.service.today().isoformat()).in_quarantine == 1
    assert gate.ledger.verify().ok


def test_round_of_only_implausible_readings_writes_nothing(gate: Gate) -> None:
    pid = _admitted(gate)
    boss = gate.manager
    before = gate.ledger.head().records
    result = gate.service.record_round(RoundSlot.EVENING, [(pid, 45.5)], boss)
    assert (result.recorded, result.remeasure, result.quarantined) == (0, [pid], [])
    assert gate.ledger.head().records == before


def test_disinfection_records_zone_and_slot(gate: Gate) -> None:
    for zone in Zone:
        gate.tick(5)
        gate.service.record_disinfection(zone, RoundSlot.EVENING, gate.manager)
    records = gate.records(kind=Kind.DISINFECTION)
    assert [r.body for r in records] == [
        {"zone": z.value, "slot": "evening", "by": "boss"} for z in Zone]
    assert {r.day for r in records} == {gate.service.today().isoformat()}
    assert all(r.personal is None and r.person_id is None for r in records)
    with pytest.raises(ValueError):
        gate.service.record_disinfection(
            "kitchen", RoundSlot.EVENING, gate.manager)  # type: ignore[arg-type]
    assert len(gate.records(kind=Kind.DISINFECTION)) == 4


# --- corrections --------------------------------------------------------------------------------


def test_correction_points_at_the_original_which_stays(gate: Gate) -> None:
    pid = _admitted(gate)
    original = gate.records(kind=Kind.PASSAGE)[0]
    gate.tick(30)
    fixed = gate.service.correct(original.uuid, {"role": "电工"}, "typo at the gate",
                                 gate.manager)  # fmt: skip
    assert fixed.kind == Kind.CORRECTION and fixed.corrects == original.uuid
    assert (fixed.person_id, fixed.subject_id) == (pid, original.subject_id)
    assert fixed.body == {"changes": {"role": "电工"}, "reason": "typo at the gate",
                          "by": "boss", "corrected_kind": "passage"}
    assert gate.ledger.get(original.uuid) == original
    assert gate.ledger.get(fixed.uuid) == fixed
    assert gate.ledger.verify().ok

    before = gate.ledger.head().records
    with pytest.raises(LocalizedError) as err:
        gate.service.correct("00000000-0000-4000-8000-000000000000", {}, "x", gate.manager)
    assert err.value.code == "unknown_record"
    assert gate.ledger.head().records == before


# --- the day's figures ---------------------------------------------------------------------


def test_day_stats_counts_that_day_only(gate: Gate) -> None:
    day1 = gate.service.today().isoformat()
    _admitted(gate, "111")
    s = gate.service.start_first_time(Channel.VISITOR)
    s.check_certificate(None)
    gate.service.finish(s)
    gate.clock.set(gate.clock.now() + timedelta(days=1))
    day2 = gate.service.today().isoformat()
    _admitted(gate, "222")
    _admitted(gate, "333")
    s = gate.walk(gate.service.start_first_time(Channel.WORKER), Step.QR_SCAN)
    s.record_scan("health_code", "red")
    gate.service.finish(s)
    s = gate.service.start_first_time(Channel.WORKER)
    s.check_certificate(None)
    gate.service.finish(s)
    s = gate.service.start_first_time(Channel.WORKER)
    s.abandon()
    gate.service.finish(s)
    case = gate.service.start_quarantine(_admitted(gate, "444"), Reason.YELLOW_CODE)

    one = day_stats(gate.ledger, day1)
    assert (one.admitted, one.turned_away, one.quarantined, one.abandoned) == (1, 1, 0, 0)
    assert one.turned_away_by_reason == {"no_certificate": 1}
    assert one.in_quarantine == 0
    two = day_stats(gate.ledger, day2)
    assert (two.admitted, two.turned_away, two.quarantined, two.abandoned) == (3, 2, 0, 1)
    assert two.turned_away_by_reason == {"no_certificate": 1, "red_code": 1}
    assert two.in_quarantine == 1
    gate.clock.set(gate.clock.now() + timedelta(days=1))
    gate.service.release_quarantine(
        case.id, QuarantineDecision.SENT_HOME, "went home", gate.manager)
    three = day_stats(gate.ledger, gate.service.today().isoformat())
    assert (three.admitted, three.in_quarantine, three.released) == (0, 0, 0)  # not "released"
    assert day_stats(gate.ledger, day2).in_quarantine == 1
    assert day_stats(gate.ledger, "2020-01-01").as_json()["turned_away"] == {
        "total": 0, "by_reason": {}}

