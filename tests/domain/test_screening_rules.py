"""One test (or a few) per row of the rules table in gate-process.md."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from domain_support import (
    POLICY,
    T0,
    TODAY,
    advance,
    at,
    first_time,
    passed_steps,
    png_bytes,
    registration,
)

from gatekeeper.domain.errors import StepOrderError, ValidationError
from gatekeeper.domain.identity import Stay
from gatekeeper.domain.screening import OutcomeResult, Screening, StepResult
from gatekeeper.domain.vocab import (
    FIRST_TIME_STEPS,
    CertificateKind,
    Channel,
    Lane,
    Outcome,
    Reason,
    ScanKind,
    ScanStatus,
    Step,
    Zone,
)

HC = CertificateKind.HEALTH_CERTIFICATE

# --- certificate -------------------------------------------------------------------------


def test_certificate_valid_passes() -> None:
    s = first_time()
    r = s.check_certificate(HC, "HC-1", TODAY + timedelta(days=10), TODAY, at=at(1))
    assert isinstance(r, StepResult) and r.passed
    assert s.current_step is Step.TEMPERATURE


def test_certificate_expiring_today_still_valid() -> None:
    s = first_time()
    assert s.check_certificate(CertificateKind.ENTRY_PASS, "EP-1", TODAY, TODAY, at=at(1)).passed


def test_certificate_missing_turns_away() -> None:
    s = first_time()
    r = s.check_certificate(None, "", None, TODAY, at=at(1))
    assert isinstance(r, OutcomeResult)
    assert (r.outcome, r.reason) == (Outcome.TURNED_AWAY, Reason.NO_CERTIFICATE)
    assert s.is_over and s.current_step is None
    assert "health certificate" in r.message("en")
    assert "健康证明" in r.message("zh_CN")


def test_certificate_expired_turns_away() -> None:
    s = first_time()
    r = s.check_certificate(HC, "HC-1", TODAY - timedelta(days=1), TODAY, at=at(1))
    assert (r.outcome, r.reason) == (Outcome.TURNED_AWAY, Reason.CERTIFICATE_EXPIRED)
    assert "2020-03-01" in r.message("en")


def test_certificate_kind_not_accepted_by_site_turns_away() -> None:
    policy = replace(POLICY, certificate_kinds=(HC,))
    s = Screening.first_time(Channel.WORKER, policy, T0)
    r = s.check_certificate(CertificateKind.ENTRY_PASS, "EP-1", None, TODAY, at=at(1))
    assert r.reason is Reason.NO_CERTIFICATE


def test_certificate_number_required_when_shown() -> None:
    s = first_time()
    with pytest.raises(ValidationError) as e:
        s.check_certificate(HC, "  ", None, TODAY, at=at(1))
    assert e.value.field == "certificate_number"
    assert s.current_step is Step.CERTIFICATE


# --- temperature -------------------------------------------------------------------------


def _at_temperature() -> Screening:
    return advance(first_time(), Step.TEMPERATURE)


def test_temperature_below_threshold_passes() -> None:
    s = _at_temperature()
    assert s.measure_temperature(37.2, at(5)).passed
    assert s.current_step is Step.DISINFECTION


def test_temperature_at_threshold_is_fever() -> None:
    s = _at_temperature()
    r = s.measure_temperature(37.3, at(5))
    assert not r.passed and r.data["verdict"] == "fever_remeasure"
    assert s.current_step is Step.TEMPERATURE
    assert s.rest_until == at(5) + timedelta(seconds=300)
    assert s.remeasures_left == 2


def test_temperature_fever_then_normal_on_remeasure_passes() -> None:
    s = _at_temperature()
    s.measure_temperature(37.8, at(5))
    assert s.measure_temperature(36.9, at(11)).passed


def test_temperature_remeasure_twice_then_quarantine() -> None:
    s = _at_temperature()
    assert s.measure_temperature(38.0, at(5)).data["remeasures_left"] == 2
    assert s.measure_temperature(37.9, at(11)).data["remeasures_left"] == 1
    r = s.measure_temperature(37.6, at(17))
    assert isinstance(r, OutcomeResult)
    assert (r.outcome, r.reason) == (Outcome.QUARANTINED, Reason.FEVER)
    assert r.quarantine_place is not None and r.quarantine_place.en == "emergency isolation room"
    assert "应急隔离间" in r.message("zh_CN")
    assert "38.0, 37.9, 37.6" in r.message("en")


def test_temperature_remeasure_refused_during_rest() -> None:
    s = _at_temperature()
    s.measure_temperature(38.0, at(5))
    with pytest.raises(StepOrderError) as e:
        s.measure_temperature(36.5, at(6))
    assert e.value.code == "step_order.resting"
    assert s.measure_temperature(36.5, at(10)).passed  # exactly rest_until is fine


def test_temperature_out_of_range_is_never_a_verdict() -> None:
    s = _at_temperature()
    for reading in (33.9, 43.1, 20.0, 98.6):
        r = s.measure_temperature(reading, at(5))
        assert not r.passed and r.data["verdict"] == "out_of_range" and not r.data["counted"]
    assert s.current_step is Step.TEMPERATURE and not s.is_over
    assert s.fevers == 0


def test_temperature_out_of_range_does_not_count_as_a_remeasure() -> None:
    s = _at_temperature()
    s.measure_temperature(38.0, at(5))
    s.measure_temperature(45.0, at(11))
    s.measure_temperature(38.0, at(12))
    assert s.remeasures_left == 1 and not s.is_over


def test_temperature_accepts_typed_text() -> None:
    s = _at_temperature()
    assert s.measure_temperature(" 36,6 °C", at(5)).data["reading_c"] == 36.6


# --- disinfection ------------------------------------------------------------------------


def test_disinfection_required_before_registration() -> None:
    s = advance(first_time(), Step.DISINFECTION)
    with pytest.raises(StepOrderError) as e:
        s.register(registration(), TODAY, at=at(9))
    assert e.value.code == "step_order.wrong_step"
    assert "Disinfection" in e.value.message("en") and "消毒" in e.value.message("zh_CN")
    assert s.confirm_disinfection(at=at(9)).passed
    assert s.current_step is Step.REGISTRATION


def test_disinfection_vehicle_only_for_driver() -> None:
    s = advance(first_time(), Step.DISINFECTION)
    with pytest.raises(ValidationError):
        s.confirm_disinfection(vehicle_too=True, at=at(9))
    driver = advance(Screening.first_time(Channel.VEHICLE, POLICY, T0, role="driver"),
                     Step.DISINFECTION)
    with pytest.raises(ValidationError) as e:
        driver.confirm_disinfection(vehicle_too=False, at=at(9))
    assert e.value.field == "vehicle_too"


# --- registration ------------------------------------------------------------------------


def _at_registration(policy=POLICY) -> Screening:
    return advance(Screening.first_time(Channel.WORKER, policy, T0), Step.REGISTRATION, policy)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("name", "张3"),
        ("id_number", "41012219850612123"),
        ("phone", "12345"),
        ("employer", "  "),
        ("role", ""),
        ("coming_from", ""),
    ],
)
def test_registration_invalid_fields_refused(field: str, value: str) -> None:
    with pytest.raises(ValidationError) as e:
        registration(**{field: value})
    assert e.value.field == field
    assert e.value.message("en") and e.value.message("zh_CN") != e.value.message("en")


def test_registration_requires_a_registration_object() -> None:
    s = _at_registration()
    with pytest.raises(TypeError):
        s.register({"name": "x"}, TODAY)  # type: ignore[arg-type]


RISKY = replace(POLICY, risk_regions=("武汉",))


def test_risk_region_within_14_days_quarantines() -> None:
    s = _at_registration(RISKY)
    reg = registration(recent_stays=[("湖北省武汉市", TODAY - timedelta(days=14))])
    r = s.register(reg, TODAY, at=at(10))
    assert (r.outcome, r.reason) == (Outcome.QUARANTINED, Reason.RISK_REGION)
    assert "武汉" in r.message("zh_CN")


def test_risk_region_15_days_ago_is_fine() -> None:
    s = _at_registration(RISKY)
    reg = registration(recent_stays=[Stay("湖北省武汉市", TODAY - timedelta(days=15))])
    assert s.register(reg, TODAY, at=at(10)).passed


def test_coming_from_a_risk_region_quarantines() -> None:
    s = _at_registration(RISKY)
    r = s.register(registration(coming_from="武汉市江汉区"), TODAY, at=at(10))
    assert r.reason is Reason.RISK_REGION


def test_registration_step_data_has_no_personal_fields() -> None:
    s = _at_registration()
    r = s.register(registration(), TODAY, at=at(10))
    assert "张伟" not in str(r.data) and s.registration is not None


# --- QR scan -----------------------------------------------------------------------------


def _at_scan(channel: Channel = Channel.WORKER) -> Screening:
    return advance(Screening.first_time(channel, POLICY, T0), Step.QR_SCAN)


def test_scan_step_passes_when_every_configured_scan_is_ok() -> None:
    s = _at_scan()
    assert not s.record_scan(ScanKind.HEALTH_CODE, ScanStatus.OK, at=at(20)).passed
    assert not s.record_scan(ScanKind.ITINERARY_CODE, ScanStatus.OK, at=at(20)).passed
    assert s.record_scan(ScanKind.SITE_PASS, ScanStatus.OK, at=at(20)).passed
    assert s.current_step is Step.PLEDGE


def test_visitor_needs_only_two_scans_and_site_pass_is_refused() -> None:
    s = _at_scan(Channel.VISITOR)
    with pytest.raises(ValidationError) as e:
        s.record_scan(ScanKind.SITE_PASS, ScanStatus.OK, at=at(20))
    assert e.value.field == "scan"
    s.record_scan(ScanKind.HEALTH_CODE, ScanStatus.OK, at=at(20))
    assert s.record_scan(ScanKind.ITINERARY_CODE, ScanStatus.OK, at=at(20)).passed


def test_yellow_code_quarantines() -> None:
    r = _at_scan().record_scan(ScanKind.HEALTH_CODE, ScanStatus.YELLOW, at=at(20))
    assert (r.outcome, r.reason) == (Outcome.QUARANTINED, Reason.YELLOW_CODE)


def test_red_code_turns_away_and_reports() -> None:
    r = _at_scan().record_scan(ScanKind.HEALTH_CODE, ScanStatus.RED, at=at(20))
    assert (r.outcome, r.reason) == (Outcome.TURNED_AWAY, Reason.RED_CODE)
    assert r.params["report"] is True
    assert "Report" in r.message("en") and "上报" in r.message("zh_CN")


@pytest.mark.parametrize("status", [ScanStatus.UNREADABLE, ScanStatus.FORGED])
def test_unreadable_or_forged_stays_for_rescan(status: ScanStatus) -> None:
    s = _at_scan()
    r = s.record_scan(ScanKind.SITE_PASS, status, at=at(20))
    assert not r.passed and s.current_step is Step.QR_SCAN
    assert s.needs_manual_check == {ScanKind.SITE_PASS}
    s.record_scan(ScanKind.SITE_PASS, ScanStatus.OK, at=at(21))  # re-scan works
    assert s.needs_manual_check == frozenset()


def test_manual_check_by_manager_decides() -> None:
    s = _at_scan()
    s.record_scan(ScanKind.HEALTH_CODE, ScanStatus.OK, at=at(20))
    s.record_scan(ScanKind.ITINERARY_CODE, ScanStatus.OK, at=at(20))
    with pytest.raises(StepOrderError):
        s.manual_check(ScanKind.SITE_PASS, ScanStatus.OK, by="Li", at=at(21))
    s.record_scan(ScanKind.SITE_PASS, ScanStatus.FORGED, at=at(21))
    with pytest.raises(ValidationError):
        s.manual_check(ScanKind.SITE_PASS, ScanStatus.UNREADABLE, by="Li", at=at(22))
    r = s.manual_check(ScanKind.SITE_PASS, ScanStatus.OK, by="Li", at=at(22))
    assert r.passed and r.data["manual"] is True
    assert s.scans[ScanKind.SITE_PASS]["by"] == "Li"


def test_manual_check_can_find_a_red_code() -> None:
    s = _at_scan()
    s.record_scan(ScanKind.HEALTH_CODE, ScanStatus.UNREADABLE, at=at(20))
    r = s.manual_check(ScanKind.HEALTH_CODE, ScanStatus.RED, by="Li", at=at(21))
    assert r.reason is Reason.RED_CODE


# --- pledge, notice, lane ----------------------------------------------------------------


def test_pledge_must_be_signed_with_a_png() -> None:
    s = advance(first_time(), Step.PLEDGE)
    for bad in (b"", b"GIF89a....", b"\x89PNG\r\n\x1a\n", "png"):
        with pytest.raises(ValidationError) as e:
            s.sign_pledges(bad, at=at(30))  # type: ignore[arg-type]
        assert e.value.field == "signature"
    with pytest.raises(StepOrderError):
        s.hand_over_notice(at=at(30))
    r = s.sign_pledges(png_bytes(), at=at(30))
    assert r.passed and r.data["pledges"] == ["health", "epidemic_prevention"]


def test_notice_must_be_handed_over() -> None:
    s = advance(first_time(), Step.NOTICE)
    with pytest.raises(StepOrderError):
        s.assign_lane(at=at(40))
    assert s.hand_over_notice(at=at(40)).passed and s.notice_handed_over


@pytest.mark.parametrize(
    ("channel", "lane", "zone"),
    [
        (Channel.WORKER, Lane.WORKER, Zone.CONSTRUCTION),
        (Channel.VISITOR, Lane.VISITOR, Zone.MANAGEMENT),
        (Channel.VEHICLE, Lane.GOODS_VEHICLE, Zone.CONSTRUCTION),
    ],
)
def test_lane_assigned_per_channel(channel: Channel, lane: Lane, zone: Zone) -> None:
    s = advance(Screening.first_time(channel, POLICY, T0), Step.LANE)
    r = s.assign_lane(at=at(50))
    assert (r.outcome, r.reason, r.lane, r.zone) == (Outcome.ADMITTED, Reason.CLEARED, lane, zone)
    assert passed_steps(s) == list(FIRST_TIME_STEPS)
    assert "工人通道" in r.message("zh_CN") or lane is not Lane.WORKER


# --- order, abandon, returning -----------------------------------------------------------


def test_steps_out_of_order_are_refused() -> None:
    s = first_time()
    with pytest.raises(StepOrderError):
        s.measure_temperature(36.5, at(1))
    with pytest.raises(StepOrderError):
        s.pass_scan(True, "P-1", at=at(1))


def test_no_step_after_the_outcome() -> None:
    s = first_time()
    s.check_certificate(None, at=at(1))
    with pytest.raises(StepOrderError) as e:
        s.check_certificate(HC, "HC-1", None, TODAY, at=at(2))
    assert e.value.code == "step_order.over"
    with pytest.raises(StepOrderError):
        s.abandon(at=at(2))


def test_abandon_midway_is_recorded() -> None:
    s = advance(first_time(), Step.QR_SCAN)
    r = s.abandon(at=at(30))
    assert (r.outcome, r.reason) == (Outcome.ABANDONED, Reason.LEFT_MIDWAY)
    assert r.params["step"] == "qr_scan" and "扫码" in r.message("zh_CN")
    with pytest.raises(ValidationError):
        first_time().abandon(Reason.FEVER, at=at(1))


def test_returning_path() -> None:
    s = Screening.returning(POLICY, T0, person_id="P-0001")
    assert s.steps == (Step.PASS_SCAN, Step.TEMPERATURE, Step.DISINFECTION, Step.LANE)
    advance(s, Step.LANE)
    r = s.assign_lane(at=at(10))
    assert r.reason is Reason.RETURNING_CLEARED and r.lane is Lane.WORKER


def test_returning_pass_of_someone_else_is_refused() -> None:
    s = Screening.returning(POLICY, T0, person_id="P-0001")
    with pytest.raises(ValidationError) as e:
        s.pass_scan(True, "P-0002", at=at(1))
    assert e.value.field == "person_id"


def test_invalid_pass_sends_the_screening_down_the_first_time_path() -> None:
    s = Screening.returning(POLICY, T0)
    r = s.pass_scan(False, "P-0001", "pass_expired", at=at(1))
    assert not r.passed and r.data["next_path"] == "first_time"
    assert s.steps == FIRST_TIME_STEPS and s.current_step is Step.CERTIFICATE
    assert s.redirected_because == "pass_expired" and not s.is_over
    advance(s, Step.LANE)
    out = s.assign_lane(at=at(60))
    assert out.reason is Reason.CLEARED
    assert passed_steps(s) == list(FIRST_TIME_STEPS)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        Screening.first_time(Channel.WORKER, POLICY, T0.replace(tzinfo=None))


def test_clock_supplies_the_time() -> None:
    s = Screening.first_time(Channel.WORKER, POLICY, T0, clock=lambda: at(3))
    assert s.check_certificate(HC, "HC-1", None).at == at(3)
