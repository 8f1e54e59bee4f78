"""Goods vehicles: the outcome follows the driver; passengers are screened on their own."""

from __future__ import annotations

import json

import pytest
from domain_support import POLICY, T0, TODAY, advance, at

from gatekeeper.domain.errors import StepOrderError, ValidationError
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import Lane, Outcome, Reason, ScanKind, ScanStatus, Step, Zone


def admit(s):  # type: ignore[no-untyped-def]
    advance(s, Step.LANE)
    return s.assign_lane(at=at(60))


def test_plate_is_validated() -> None:
    assert VehicleGroup("豫a·12345", POLICY, T0).plate == "豫A12345"
    with pytest.raises(ValidationError):
        VehicleGroup("A12345", POLICY, T0)


def test_driver_admitted_vehicle_admitted_and_passenger_separated() -> None:
    v = VehicleGroup("豫AD12345", POLICY, T0)
    p = v.add_passenger(at(1))
    admit(v.driver)
    assert v.vehicle_disinfected
    assert v.outcome is None  # a passenger is still being screened
    advance(p, Step.QR_SCAN)
    p.record_scan(ScanKind.HEALTH_CODE, ScanStatus.YELLOW, at=at(30))
    out = v.outcome
    assert out is not None and out.outcome is Outcome.ADMITTED
    assert (out.lane, out.zone) == (Lane.GOODS_VEHICLE, Zone.CONSTRUCTION)
    assert v.separated == [p] and p.outcome.reason is Reason.YELLOW_CODE
    with pytest.raises(StepOrderError):
        v.add_passenger(at(61))


def test_driver_not_admitted_turns_the_vehicle_away() -> None:
    v = VehicleGroup("豫A12345", POLICY, T0)
    v.add_passenger(at(1))
    v.driver.check_certificate(None, at=at(2))
    out = v.outcome
    assert (out.outcome, out.reason) == (Outcome.TURNED_AWAY, Reason.DRIVER_NOT_ADMITTED)
    assert "司机" in out.message("zh_CN")


def test_driver_must_confirm_vehicle_disinfection_passenger_must_not() -> None:
    v = VehicleGroup("豫A12345", POLICY, T0)
    v.driver.check_certificate("health_certificate", "HC", None, TODAY, at=at(1))
    v.driver.measure_temperature(36.5, at(2))
    with pytest.raises(ValidationError):
        v.driver.confirm_disinfection(at=at(3))
    p = v.add_passenger(at(1))
    p.check_certificate("entry_pass", "EP", None, TODAY, at=at(1))
    p.measure_temperature(36.5, at(2))
    with pytest.raises(ValidationError):
        p.confirm_disinfection(vehicle_too=True, at=at(3))


def test_draft_round_trip() -> None:
    v = VehicleGroup("豫A12345", POLICY, T0)
    advance(v.driver, Step.QR_SCAN)
    v.add_passenger(at(2))
    d = json.loads(json.dumps(v.to_draft()))
    again = VehicleGroup.from_draft(d, POLICY)
    assert again.to_draft() == v.to_draft()
    assert again.driver.role == "driver" and again.passengers[0].role == "passenger"
    admit(again.driver)
    assert again.outcome is None  # the restored passenger still counts
