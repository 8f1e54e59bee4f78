"""GateService.finish(): what one person's screening leaves in the ledger."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from services_support import POLICY, Gate, png_bytes, registration, resident_id

from gatekeeper.domain.errors import StepOrderError
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.returning import ReturningIssue
from gatekeeper.domain.vocab import (
    FIRST_TIME_STEPS,
    RETURNING_STEPS,
    Channel,
    Outcome,
    ScanKind,
    ScanStatus,
    Step,
)
from gatekeeper.ledger import LedgerError
from gatekeeper.services.gate import GateService
from gatekeeper.services.kinds import Kind
from gatekeeper.services.stats import day_stats


def _fever_out(gate: Gate, s, readings=(38.0, 38.2, 38.1)):  # type: ignore[no-untyped-def]
    """Measure each reading, resting until `rest_until` between them."""
    for reading in readings:
        if s.rest_until is not None:
            gate.clock.set(s.rest_until)
        s.measure_temperature(reading)
    return s


# --- first-time admission ------------------------------------------------------------------


def test_first_time_worker_admitted_writes_person_steps_and_passage(gate: Gate) -> None:
    reg = registration()
    signature = png_bytes(5, 4)
    s = gate.service.start_first_time(Channel.WORKER)
    gate.walk(s, Step.PLEDGE, reg)
    gate.service.save_draft(s)  # mid-way: a draft exists until finish
    assert [d.draft_id for d in gate.ledger.drafts()] == [s.id]
    gate.tick()
    s.sign_pledges(signature)
    gate.tick()
    s.hand_over_notice()
    gate.tick()
    s.assign_lane()

    finished = gate.service.finish(s)

    assert gate.ledger.drafts() == []
    people = gate.records(kind=Kind.PERSON)
    assert len(people) == 1
    person = people[0]
    pid = finished.person_id
    assert pid is not None and person.person_id == pid
    assert person.personal == {"name": reg.name, "id_number": reg.id_number, "phone": reg.phone}
    body_text = json.dumps(person.body, ensure_ascii=False)
    for secret in (reg.name, reg.id_number, reg.phone):
        assert secret not in body_text
    assert person.body["employer"] == reg.employer and person.body["id_type"] == "resident_id"

    steps = gate.records(kind=Kind.STEP)
    assert [r.body["step"] for r in steps] == [a.step.value for a in s.attempts]
    assert list(dict.fromkeys(r.body["step"] for r in steps)) == [x.value for x in FIRST_TIME_STEPS]
    assert {(r.person_id, r.subject_id, r.channel) for r in steps} == {(pid, s.id, "worker")}
    pledge = [r for r in steps if r.body["step"] == Step.PLEDGE]
    assert len(pledge) == 1 and pledge[0].personal == {"signature_png": signature}
    assert all(r.personal is None for r in steps if r.body["step"] != Step.PLEDGE)
    assert signature.hex() not in json.dumps(pledge[0].body)

    (passage,) = gate.records(kind=Kind.PASSAGE)
    assert passage.uuid == finished.passage.uuid
    assert (passage.outcome, passage.reason) == ("admitted", "cleared")
    assert (passage.person_id, passage.subject_id) == (pid, s.id)
    lane = POLICY.lane_for(Channel.WORKER)
    assert passage.body["outcome"]["lane"] == lane.lane.value
    assert passage.body["outcome"]["zone"] == lane.zone.value
    assert passage.body["path"] == "first_time"
    assert passage.body["steps_passed"] == [x.value for x in FIRST_TIME_STEPS]
    assert passage.personal == {"certificate_number": "HC-0042"}
    assert "HC-0042" not in json.dumps(passage.body)
    assert finished.quarantine_case is None
    assert gate.records(kind=Kind.QUARANTINE_START) == []
    assert gate.ledger.verify().ok


def test_finish_refuses_a_screening_that_is_not_over(gate: Gate) -> None:
    s = gate.walk(gate.service.start_first_time(Channel.VISITOR), Step.REGISTRATION)
    with pytest.raises(LocalizedError) as err:
        gate.service.finish(s)
    assert err.value.code == "not_over"
    assert gate.records() == []


def test_records_and_draft_removal_are_one_transaction(gate: Gate) -> None:
    """If the batch cannot be written, nothing is, and the draft stays for recovery."""
    same = "00000000-0000-4000-8000-000000000000"
    stuck = GateService(gate.ledger, POLICY, gate.clock, new_id=lambda: same)
    s = gate.admit(stuck.start_first_time(Channel.WORKER))
    stuck.save_draft(s)
    with pytest.raises(LedgerError):
        stuck.finish(s)  # every record gets the same uuid: the batch is refused
    assert gate.records() == []
    assert [d.draft_id for d in gate.ledger.drafts()] == [s.id]
    assert gate.ledger.verify().ok


# --- who the person is -----------------------------------------------------------------------


def test_known_id_number_keeps_person_id_and_changes_write_a_snapshot(gate: Gate) -> None:
    reg = registration()
    first = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER), reg))
    pid = first.person_id
    assert pid is not None

    again = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER), reg))
    assert again.person_id == pid
    assert len(gate.records(kind=Kind.PERSON)) == 1  # unchanged: no second snapshot
    assert [r.person_id for r in gate.records(kind=Kind.PASSAGE)] == [pid, pid]

    moved = registration(phone="13912345678")
    third = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER), moved))
    assert third.person_id == pid
    people = gate.records(kind=Kind.PERSON)
    assert [r.person_id for r in people] == [pid, pid]
    assert moved.phone != reg.phone
    assert people[-1].personal["phone"] == moved.phone
    assert gate.ledger.get_person(pid).phone == moved.phone
    assert gate.ledger.find_person("resident_id", reg.id_number).person_id == pid

    other = registration(id_number=resident_id(seq="456"), name="李娜")
    fourth = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER), other))
    assert fourth.person_id not in (None, pid)
    assert len(gate.records(kind=Kind.PERSON)) == 3
    assert gate.ledger.verify().ok


# --- fever and quarantine at the gate --------------------------------------------------------


def test_fever_three_times_quarantines_and_opens_a_case(gate: Gate) -> None:
    s = gate.walk(gate.service.start_first_time(Channel.WORKER), Step.TEMPERATURE)
    s.measure_temperature(38.0)
    assert s.rest_until is not None
    with pytest.raises(StepOrderError):
        s.measure_temperature(36.5)  # still resting
    _fever_out(gate, s, (38.2, 38.1))
    assert s.outcome.outcome is Outcome.QUARANTINED
    reg = registration()  # registered at the isolation room

    finished = gate.service.finish(s, registration=reg)

    pid = finished.person_id
    (person,) = gate.records(kind=Kind.PERSON)
    assert person.person_id == pid and person.personal["id_number"] == reg.id_number
    (passage,) = gate.records(kind=Kind.PASSAGE)
    assert (passage.outcome, passage.reason, passage.person_id) == ("quarantined", "fever", pid)
    counted = [t for t in passage.body["temperatures"] if t["verdict"] != "out_of_range"]
    assert [t["reading_c"] for t in counted] == [38.0, 38.2, 38.1]
    temps = [r for r in gate.records(kind=Kind.STEP) if r.body["step"] == Step.TEMPERATURE]
    assert len(temps) == 3
    (start,) = gate.records(kind=Kind.QUARANTINE_START)
    assert finished.quarantine_case is not None
    assert start.subject_id == start.body["case_id"] == finished.quarantine_case
    assert (start.person_id, start.reason, start.body["source"]) == (pid, "fever", s.id)
    stats = day_stats(gate.ledger, passage.day)
    assert (stats.quarantined, stats.in_quarantine, stats.admitted) == (1, 1, 0)
    case = gate.service.quarantine_case(finished.quarantine_case)
    assert case.is_open and case.person_id == pid
    assert gate.ledger.verify().ok


def test_quarantine_before_registration_is_refused_without_a_person(gate: Gate) -> None:
    s = gate.walk(gate.service.start_first_time(Channel.WORKER), Step.TEMPERATURE)
    s.measure_temperature(38.0)
    _fever_out(gate, s, (38.2, 38.1))
    gate.service.save_draft(s)

    with pytest.raises(LocalizedError) as refused:
        gate.service.finish(s)

    assert refused.value.code == "quarantine_needs_person"
    assert "隔离" in refused.value.message("zh_CN")
    assert gate.records(kind=Kind.PASSAGE) == []  # nothing half written
    assert [d.draft_id for d in gate.ledger.drafts()] == [s.id]  # the draft is kept
    gate.service.finish(s, registration=registration())
    assert len(gate.records(kind=Kind.QUARANTINE_START)) == 1


def test_remeasure_after_rest_can_clear_a_fever(gate: Gate) -> None:
    s = gate.walk(gate.service.start_first_time(Channel.WORKER), Step.TEMPERATURE)
    s.measure_temperature(37.6)
    gate.clock.set(s.rest_until + timedelta(seconds=1))
    s.measure_temperature(36.6)
    gate.admit(s)
    gate.service.finish(s)
    (passage,) = gate.records(kind=Kind.PASSAGE)
    assert passage.outcome == "admitted"
    assert [t["reading_c"] for t in passage.body["temperatures"]] == [37.6, 36.6]
    assert gate.records(kind=Kind.QUARANTINE_START) == []


# --- turned away and quarantined at other steps ----------------------------------------------


def test_no_certificate_is_turned_away_without_a_person(gate: Gate) -> None:
    s = gate.service.start_first_time(Channel.VISITOR)
    gate.tick()
    s.check_certificate(None)
    finished = gate.service.finish(s)
    assert finished.person_id is None
    assert gate.records(kind=Kind.PERSON) == []
    (passage,) = gate.records(kind=Kind.PASSAGE)
    assert (passage.outcome, passage.reason, passage.person_id) == (
        "turned_away", "no_certificate", None)
    assert passage.personal is None
    assert len(gate.records(kind=Kind.STEP)) == 1
    stats = day_stats(gate.ledger, passage.day)
    assert (stats.turned_away, stats.turned_away_by_reason) == (1, {"no_certificate": 1})


@pytest.mark.parametrize(
    ("status", "outcome", "reason", "cases"),
    [(ScanStatus.RED, "turned_away", "red_code", 0),
     (ScanStatus.YELLOW, "quarantined", "yellow_code", 1)],
)
def test_health_code_colour_decides(gate: Gate, status, outcome, reason, cases) -> None:  # type: ignore[no-untyped-def]
    s = gate.walk(gate.service.start_first_time(Channel.WORKER), Step.QR_SCAN)
    gate.tick()
    s.record_scan(ScanKind.HEALTH_CODE, status)
    finished = gate.service.finish(s)
    (passage,) = gate.records(kind=Kind.PASSAGE)
    assert (passage.outcome, passage.reason) == (outcome, reason)
    assert passage.person_id == finished.person_id is not None  # registered at step 4
    starts = gate.records(kind=Kind.QUARANTINE_START)
    assert len(starts) == cases
    if cases:
        assert starts[0].reason == reason and starts[0].subject_id == finished.quarantine_case
    assert gate.ledger.verify().ok


# --- returning path ----------------------------------------------------------------------------


def test_returning_path_eligibility_and_passage(gate: Gate) -> None:
    first = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER)))
    pid = first.person_id
    assert gate.service.returning_eligibility(pid).reason is ReturningIssue.NOT_REGISTERED
    issued = gate.service.issue_pass(pid, by=gate.manager)
    assert issued.kind == Kind.PASS_ISSUED and issued.person_id == pid
    assert issued.body["by"] == "boss"
    gate.tick(60 * 24)  # next day
    assert gate.service.returning_eligibility(pid).eligible

    s = gate.service.start_returning(pid)
    gate.tick()
    s.pass_scan(True, pid)
    gate.tick()
    s.measure_temperature(36.4)
    gate.tick()
    s.confirm_disinfection()
    gate.tick()
    s.assign_lane()
    finished = gate.service.finish(s)

    assert finished.person_id == pid
    passage = gate.ledger.get(finished.passage.uuid)
    assert passage.body["path"] == "returning"
    assert (passage.outcome, passage.reason, passage.person_id) == (
        "admitted", "returning_cleared", pid)
    steps = [r.body["step"] for r in gate.records(subject_id=s.id, kind=Kind.STEP)]
    assert steps == [x.value for x in RETURNING_STEPS]
    assert len(gate.records(kind=Kind.PERSON)) == 1

    # the pledges were signed on the first day; they lapse pledge_validity_days later
    signed = date.fromisoformat(gate.records(kind=Kind.PASSAGE)[0].day)
    last_day = datetime.combine(signed, time(9), POLICY.tz) + timedelta(
        days=POLICY.pledge_validity_days - 1)
    gate.clock.set(last_day)
    assert gate.service.returning_eligibility(pid).eligible
    gate.clock.set(last_day + timedelta(days=1))
    late = gate.service.returning_eligibility(pid)
    assert not late.eligible
    assert late.issues == (ReturningIssue.PLEDGES_LAPSED,)


def test_issue_pass_refuses_an_unknown_person(gate: Gate) -> None:
    boss = gate.manager
    signed_in = gate.records()
    with pytest.raises(LocalizedError) as err:
        gate.service.issue_pass("nobody", by=boss)
    assert err.value.code == "unknown_person"
    assert gate.records() == signed_in
