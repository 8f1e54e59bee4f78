"""Goods vehicles (one transaction for the group) and crash recovery through drafts."""

from __future__ import annotations

import pytest
from services_support import POLICY, Gate, registration, resident_id

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import Channel, Outcome, Reason, Step
from gatekeeper.services.gate import GateService
from gatekeeper.services.kinds import Kind

PLATE = "豫A12345"


def _fever_out(gate: Gate, s) -> None:  # type: ignore[no-untyped-def]
    for reading in (38.0, 38.3, 38.1):
        if s.rest_until is not None:
            gate.clock.set(s.rest_until)
        s.measure_temperature(reading)


def test_vehicle_group_with_a_feverish_passenger(gate: Gate) -> None:
    group = gate.service.start_vehicle(PLATE)
    driver_reg = registration()
    rider_reg = registration(id_number=resident_id(seq="222"), name="王强")
    sick_reg = registration(id_number=resident_id(seq="333"), name="赵敏")
    gate.walk(group.driver, Step.LANE, driver_reg)
    gate.tick()
    rider = gate.service.add_passenger(group)  # passengers join while the driver is still screening
    gate.admit(rider, rider_reg)
    gate.tick()
    sick = gate.service.add_passenger(group)
    gate.walk(sick, Step.TEMPERATURE)
    _fever_out(gate, sick)
    assert group.outcome is None
    gate.tick()
    group.driver.assign_lane()
    assert group.outcome is not None and group.outcome.outcome is Outcome.ADMITTED
    gate.service.save_draft(group)

    done = gate.service.finish_vehicle(group, {sick.id: sick_reg})

    assert gate.ledger.drafts() == []
    passages = gate.records(kind=Kind.PASSAGE)
    assert len(passages) == 3 and len(done) == 3
    assert [p.subject_id for p in passages] == [group.driver.id, rider.id, sick.id]
    assert [(p.outcome, p.reason) for p in passages] == [
        ("admitted", "cleared"), ("admitted", "cleared"), ("quarantined", "fever")]
    assert {p.channel for p in passages} == {"vehicle"}
    assert all(p.body["vehicle"] == {"group_id": group.id, "plate": PLATE} for p in passages)
    ids = [gate.ledger.find_person("resident_id", r.id_number).person_id
           for r in (driver_reg, rider_reg, sick_reg)]
    assert [p.person_id for p in passages] == ids == [f.person_id for f in done]
    assert len(set(ids)) == 3
    (vehicle,) = gate.records(kind=Kind.VEHICLE)
    assert (vehicle.outcome, vehicle.reason) == ("admitted", "cleared")
    assert vehicle.subject_id == group.id
    assert vehicle.body["people"] == [group.driver.id, rider.id, sick.id]
    assert vehicle.body["separated"] == [sick.id]
    assert vehicle.body["vehicle_disinfected"] is True
    (start,) = gate.records(kind=Kind.QUARANTINE_START)
    assert start.person_id == ids[2] and start.subject_id == done[2].quarantine_case
    assert [f.quarantine_case is None for f in done] == [True, True, False]
    # one batch: the group's records are consecutive in the chain, vehicle last
    seqs = [r.kiosk_seq for r in gate.records()]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert gate.records()[-1].kind == Kind.VEHICLE
    assert gate.ledger.verify().ok


def test_driver_turned_away_turns_the_vehicle_away(gate: Gate) -> None:
    group = gate.service.start_vehicle(PLATE)
    gate.tick()
    group.driver.check_certificate(None)
    done = gate.service.finish_vehicle(group)
    assert len(done) == 1
    (passage,) = gate.records(kind=Kind.PASSAGE)
    assert (passage.outcome, passage.reason) == ("turned_away", "no_certificate")
    (vehicle,) = gate.records(kind=Kind.VEHICLE)
    assert (vehicle.outcome, vehicle.reason) == ("turned_away", "driver_not_admitted")
    assert vehicle.body["people"] == [group.driver.id]
    assert gate.ledger.verify().ok


def test_vehicle_with_a_passenger_still_screening_is_refused(gate: Gate) -> None:
    group = gate.service.start_vehicle(PLATE)
    gate.walk(group.driver, Step.LANE)
    group.add_passenger()
    gate.tick()
    group.driver.assign_lane()
    with pytest.raises(LocalizedError) as err:
        gate.service.finish_vehicle(group)
    assert err.value.code == "not_over"
    assert gate.records() == []


# --- crash recovery --------------------------------------------------------------------------


def _half_done(gate: Gate):  # type: ignore[no-untyped-def]
    s = gate.service.start_first_time(Channel.VISITOR, role="surveyor")
    gate.walk(s, Step.QR_SCAN, registration())
    gate.service.save_draft(s)
    return s


def test_unfinished_screening_survives_a_restart_and_can_be_abandoned(gate: Gate) -> None:
    s = _half_done(gate)
    before = s.to_draft()
    gate = gate.reopen()
    try:
        (back,) = gate.service.unfinished()
        assert back.id == s.id and back.current_step is Step.QR_SCAN
        assert back.to_draft() == before
        assert back.registration == s.registration
        assert gate.records() == []  # a draft is not a record

        (done,) = gate.service.abandon_unfinished(back)

        assert gate.ledger.drafts() == [] and gate.service.unfinished() == []
        (passage,) = gate.records(kind=Kind.PASSAGE)
        assert (passage.outcome, passage.reason) == ("abandoned", "interrupted")
        assert passage.subject_id == s.id and passage.uuid == done.passage.uuid
        assert passage.body["outcome"]["params"] == {"step": "qr_scan"}
        assert passage.body["role"] == "surveyor"
        # the registration already taken is kept: the person is known
        assert done.person_id is not None
        assert gate.ledger.get_person(done.person_id).name == s.registration.name
        assert gate.ledger.verify().ok
    finally:
        gate.ledger.close()


def test_unfinished_screening_can_be_resumed_and_finished(gate: Gate) -> None:
    s = _half_done(gate)
    gate = gate.reopen()
    try:
        (back,) = gate.service.unfinished()
        gate.admit(back)
        done = gate.service.finish(back)
        assert gate.ledger.drafts() == []
        (passage,) = gate.records(kind=Kind.PASSAGE)
        assert (passage.outcome, passage.reason) == ("admitted", "cleared")
        assert passage.subject_id == s.id
        steps = [r.body["step"] for r in gate.records(kind=Kind.STEP)]
        assert steps == [a.step.value for a in back.attempts]
        assert steps[:4] == [a.step.value for a in s.attempts]  # the part before the crash
        assert done.person_id == passage.person_id is not None
        assert gate.ledger.verify().ok
    finally:
        gate.ledger.close()


def test_unfinished_vehicle_is_restored_and_abandoned_as_a_group(gate: Gate) -> None:
    group = gate.service.start_vehicle(PLATE)
    gate.walk(group.driver, Step.LANE)
    passenger = group.add_passenger()
    gate.walk(passenger, Step.REGISTRATION)
    group.driver.assign_lane()
    gate.service.save_draft(group)
    gate = gate.reopen()
    try:
        (back,) = gate.service.unfinished()
        assert isinstance(back, VehicleGroup) and back.id == group.id
        assert [p.id for p in back.people] == [group.driver.id, passenger.id]
        done = gate.service.abandon_unfinished(back)
        assert len(done) == 2
        passages = gate.records(kind=Kind.PASSAGE)
        assert [(p.outcome, p.reason) for p in passages] == [
            ("admitted", "cleared"), ("abandoned", Reason.INTERRUPTED.value)]
        (vehicle,) = gate.records(kind=Kind.VEHICLE)
        assert vehicle.outcome == "admitted" and vehicle.body["separated"] == [passenger.id]
        assert gate.ledger.drafts() == []
        assert gate.ledger.verify().ok
    finally:
        gate.ledger.close()


def test_vehicle_ids_all_come_from_the_service_id_factory(gate: Gate) -> None:
    """A seeded simulation is reproducible only if no id is drawn elsewhere."""
    issued: list[str] = []

    def new_id() -> str:
        issued.append(f"00000000-0000-4000-8000-{len(issued):012d}")
        return issued[-1]

    service = GateService(gate.ledger, POLICY, gate.clock, new_id=new_id)
    group = service.start_vehicle(PLATE)
    gate.walk(group.driver, Step.LANE)
    passenger = service.add_passenger(group)
    gate.admit(passenger, registration(id_number=resident_id(seq="777")))
    group.driver.assign_lane()
    service.finish_vehicle(group)
    assert {group.id, group.driver.id, passenger.id} <= set(issued)
    for record in gate.records():
        assert record.uuid in issued
        assert record.subject_id is None or record.subject_id in issued
        assert record.person_id is None or record.person_id in issued
    (vehicle,) = gate.records(kind=Kind.VEHICLE)
    assert vehicle.body["people"] == [group.driver.id, passenger.id]
    with pytest.raises(LocalizedError):
        service.add_passenger(group)  # the vehicle's outcome is decided
