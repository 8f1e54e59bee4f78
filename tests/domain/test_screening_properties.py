"""Property tests: random sequences of valid and invalid actions on one screening.

(a) nobody is admitted without every required step, in order, having passed;
(b) a screening that is over has exactly one outcome, and it never changes; no further
    step is accepted; a refused call changes nothing;
(c) a draft taken at any point restores exactly the same state.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from domain_support import POLICY, T0, TODAY, png_bytes, registration
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from gatekeeper.domain.errors import StepOrderError, ValidationError
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vocab import (
    CertificateKind,
    Channel,
    Outcome,
    Reason,
    ScanKind,
    ScanStatus,
    Step,
)

RISKY_POLICY = replace(POLICY, risk_regions=("武汉",), rest_seconds=120)
REG_OK = registration()
REG_RISK = registration(coming_from="湖北省武汉市")
PNG = png_bytes()

starts = st.sampled_from(["worker", "visitor", "vehicle_driver", "vehicle_passenger",
                          "returning"])

other_actions = st.one_of(
    st.tuples(st.just("certificate"),
              st.sampled_from(["ok", "none", "expired", "empty_number", "bad_kind"])),
    st.tuples(st.just("temperature"),
              st.sampled_from([36.5, 37.2, 37.3, 38.6, 30.0, 45.0, "36,8", "abc"])),
    st.tuples(st.just("disinfect"), st.booleans()),
    st.tuples(st.just("register"), st.sampled_from(["ok", "risk"])),
    st.tuples(st.just("scan"), st.sampled_from(list(ScanKind)), st.sampled_from(list(ScanStatus))),
    st.tuples(st.just("manual"), st.sampled_from(list(ScanKind)),
              st.sampled_from(list(ScanStatus))),
    st.tuples(st.just("pass"), st.booleans(), st.sampled_from(["P-1", "P-2", ""])),
    st.tuples(st.just("sign"), st.sampled_from([PNG, b"", b"not a png"])),
    st.just(("notice",)),
    st.just(("lane",)),
    st.tuples(st.just("abandon"), st.sampled_from([Reason.LEFT_MIDWAY, Reason.INTERRUPTED,
                                                   Reason.FEVER])),
    st.just(("restore",)),
)
# Mostly the right input for the current step ("valid"), so that long paths and admissions
# are common; the rest is any action at all, valid or not, in or out of order.
actions = st.tuples(st.integers(0, 99), other_actions).map(
    lambda t: ("valid",) if t[0] < 65 else t[1])
gaps = st.sampled_from([0, 30, 180])  # seconds between actions: some re-measures come too early


def start(kind: str) -> Screening:
    if kind == "returning":
        return Screening.returning(RISKY_POLICY, T0, person_id="P-1")
    if kind.startswith("vehicle"):
        role = kind.split("_")[1]
        return Screening.first_time(Channel.VEHICLE, RISKY_POLICY, T0, role=role)
    return Screening.first_time(Channel(kind), RISKY_POLICY, T0)


def valid_action(s: Screening) -> tuple[Any, ...]:
    step = s.current_step
    if step is None or step is Step.CERTIFICATE:
        return ("certificate", "ok")
    if step is Step.TEMPERATURE:
        return ("temperature", 36.5)
    if step is Step.DISINFECTION:
        return ("disinfect", s.role == "driver")
    if step is Step.REGISTRATION:
        return ("register", "ok")
    if step is Step.QR_SCAN:
        pending = [k for k in s.scans_required
                   if s.scans.get(k, {}).get("status") != ScanStatus.OK.value]
        return ("scan", pending[0], ScanStatus.OK)
    if step is Step.PASS_SCAN:
        return ("pass", True, "P-1")
    if step is Step.PLEDGE:
        return ("sign", PNG)
    return {Step.NOTICE: ("notice",), Step.LANE: ("lane",)}[step]


def perform(s: Screening, action: tuple[Any, ...], when: Any) -> Any:
    name, *args = action
    if name == "certificate":
        variant = args[0]
        if variant == "none":
            return s.check_certificate(None, at=when)
        kind = "driving_licence" if variant == "bad_kind" else CertificateKind.HEALTH_CERTIFICATE
        number = "" if variant == "empty_number" else "HC-1"
        expires = TODAY - timedelta(days=1) if variant == "expired" else date(2021, 1, 1)
        return s.check_certificate(kind, number, expires, TODAY, at=when)
    if name == "temperature":
        return s.measure_temperature(args[0], when)
    if name == "disinfect":
        return s.confirm_disinfection(args[0], at=when)
    if name == "register":
        return s.register(REG_OK if args[0] == "ok" else REG_RISK, TODAY, at=when)
    if name == "scan":
        return s.record_scan(args[0], args[1], at=when)
    if name == "manual":
        return s.manual_check(args[0], args[1], by="Manager Li", at=when)
    if name == "pass":
        return s.pass_scan(args[0], args[1] or None, None if args[0] else "pass_expired",
                           at=when)
    if name == "sign":
        return s.sign_pledges(args[0], at=when)
    if name == "notice":
        return s.hand_over_notice(at=when)
    if name == "lane":
        return s.assign_lane(at=when)
    if name == "abandon":
        return s.abandon(args[0], at=when)
    raise AssertionError(name)


def round_trip(s: Screening) -> Screening:
    draft = s.to_draft()
    again = Screening.from_draft(json.loads(json.dumps(draft)), RISKY_POLICY)
    assert again.to_draft() == draft
    assert (again.current_step, again.is_over, again.outcome, again.done) == (
        s.current_step, s.is_over, s.outcome, s.done)
    return again


def check_invariants(s: Screening) -> None:
    passed = [r.step for r in s.done if r.passed]
    if s.outcome is None:
        assert s.current_step is not None
        assert passed == list(s.steps[: s.steps.index(s.current_step)])
        return
    assert s.current_step is None and s.is_over
    if s.outcome.outcome is Outcome.ADMITTED:
        # (a) every required step of the path, in order, passed, and nothing failed on it
        assert passed == list(s.steps)
        times = [r.at for r in s.done if r.passed]
        assert times == sorted(times)
        failed = [r for r in s.done if not r.passed]
        assert all(r.step is Step.PASS_SCAN for r in failed)  # only a redirect
        assert s.outcome.lane is not None and s.outcome.zone is not None
        assert s.outcome.reason in (Reason.CLEARED, Reason.RETURNING_CLEARED)
    else:
        assert s.outcome.lane is None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start_kind=starts, steps=st.lists(st.tuples(actions, gaps), min_size=1, max_size=40))
def test_random_action_sequences(start_kind: str, steps: list[tuple[Any, int]]) -> None:
    s = start(start_kind)
    when = T0
    outcome_seen = None
    for action, gap in steps:
        when = when + timedelta(seconds=gap)
        if action == ("restore",):
            s = round_trip(s)
            continue
        if action == ("valid",):
            action = valid_action(s)
        before = s.to_draft()
        was_over = s.is_over
        try:
            perform(s, action, when)
        except (StepOrderError, ValidationError):
            # (b) a refused call changes nothing
            assert s.to_draft() == before
        else:
            assert not was_over, "a step was accepted after the outcome"
        check_invariants(s)
        if outcome_seen is not None:
            assert s.outcome == outcome_seen  # exactly one outcome, never replaced
        outcome_seen = s.outcome
        round_trip(s)  # (c) at any point
    event(f"ended: {s.outcome.reason if s.outcome else 'open at ' + str(s.current_step)}")
    if s.is_over:
        for action in (("certificate", "ok"), ("temperature", 36.5), ("lane",),
                       ("abandon", Reason.LEFT_MIDWAY)):
            try:
                perform(s, action, when)
            except StepOrderError:
                pass
            else:  # pragma: no cover
                raise AssertionError(f"{action} accepted after the outcome")


@settings(max_examples=20, deadline=None)
@given(start_kind=starts)
def test_valid_inputs_always_reach_admission(start_kind: str) -> None:
    s = start(start_kind)
    when = T0
    for _ in range(20):
        if s.is_over:
            break
        when += timedelta(minutes=1)
        perform(s, valid_action(s), when)
        s = round_trip(s)
    assert s.outcome is not None and s.outcome.outcome is Outcome.ADMITTED
