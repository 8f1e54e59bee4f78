"""Drafts restore a screening exactly, at every step and in every in-between state."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from domain_support import POLICY, T0, TODAY, advance, at, png_bytes, registration

from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vocab import (
    FIRST_TIME_STEPS,
    RETURNING_STEPS,
    CertificateKind,
    Channel,
    ScanKind,
    ScanStatus,
    Step,
)


def restored(s: Screening, policy=POLICY) -> Screening:
    draft = s.to_draft()
    text = json.dumps(draft, ensure_ascii=False)  # JSON-safe, no bytes
    again = Screening.from_draft(json.loads(text), policy)
    assert again.to_draft() == draft
    return again


def same_state(a: Screening, b: Screening) -> None:
    assert (a.id, a.path, a.channel, a.steps, a.current_step, a.is_over) == (
        b.id, b.path, b.channel, b.steps, b.current_step, b.is_over)
    assert a.done == b.done and a.attempts == b.attempts and a.outcome == b.outcome
    assert a.registration == b.registration and a.signature_png == b.signature_png
    assert a.rest_until == b.rest_until and a.needs_manual_check == b.needs_manual_check


@pytest.mark.parametrize("channel", list(Channel))
@pytest.mark.parametrize("step", FIRST_TIME_STEPS)
def test_round_trip_at_every_first_time_step(channel: Channel, step: Step) -> None:
    role = "driver" if channel is Channel.VEHICLE else None
    s = advance(Screening.first_time(channel, POLICY, T0, role=role), step)
    again = restored(s)
    same_state(s, again)
    # Both carry on identically to the end.
    for one in (s, again):
        advance(one, Step.LANE)
        one.assign_lane(at=at(99))
    same_state(s, again)
    assert restored(again).outcome == s.outcome


@pytest.mark.parametrize("step", RETURNING_STEPS)
def test_round_trip_at_every_returning_step(step: Step) -> None:
    s = advance(Screening.returning(POLICY, T0, person_id="P-0001"), step)
    same_state(s, restored(s))


def test_round_trip_in_between_states() -> None:
    policy = replace(POLICY, quarantine_contact_phone="0371-12345678")
    s = advance(Screening.first_time(Channel.WORKER, policy, T0), Step.TEMPERATURE, policy)
    s.measure_temperature(38.1, at(5))  # resting, a re-measure pending
    s.measure_temperature(50.0, at(11))  # out of range
    same_state(s, restored(s, policy))
    s.measure_temperature(36.6, at(12))
    advance(s, Step.QR_SCAN, policy)
    s.record_scan(ScanKind.HEALTH_CODE, ScanStatus.OK, at=at(20))
    s.record_scan(ScanKind.SITE_PASS, ScanStatus.FORGED, at=at(21))
    again = restored(s, policy)
    same_state(s, again)
    assert again.manual_check(ScanKind.SITE_PASS, ScanStatus.YELLOW, by="Li", at=at(22)) == (
        s.manual_check(ScanKind.SITE_PASS, ScanStatus.YELLOW, by="Li", at=at(22)))
    out = restored(again, policy).outcome
    assert out == s.outcome and "0371-12345678" in out.message("en")


def test_round_trip_keeps_signature_bytes_and_redirect() -> None:
    s = Screening.returning(POLICY, T0)
    s.pass_scan(False, None, "pledges_lapsed", at=at(1))
    s.check_certificate(CertificateKind.ENTRY_PASS, "EP-9", None, TODAY, at=at(2))
    advance(s, Step.NOTICE)
    again = restored(s)
    assert again.signature_png == png_bytes() and again.redirected_because == "pledges_lapsed"
    assert again.registration == registration()
    same_state(s, again)


def test_unknown_draft_version_is_refused() -> None:
    d = Screening.first_time(Channel.WORKER, POLICY, T0).to_draft()
    d["version"] = 99
    with pytest.raises(ValueError):
        Screening.from_draft(d, POLICY)
