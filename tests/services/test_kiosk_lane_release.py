"""The lane opens on "admitted" and never otherwise, only once the outcome is recorded;
that it opened is a `gate_opened` record read back through its schema, and that it did not
(a relay board not plugged in, a site program that fails) a `gate_open_failed` record
beside the admission, which an inspector reads in the person's timeline."""

from __future__ import annotations

import sys

import pytest
from kiosk_session_support import do_step, new_session, walk_to
from ledger_faults import disk_full
from services_support import open_gate

from gatekeeper.devices.turnstile import CommandRelease, ReleaseFailed, SerialRelay
from gatekeeper.domain.policy import DEFAULT_RELAY_CHANNELS
from gatekeeper.domain.vocab import CertificateKind, Channel, Lane, Outcome, ScanKind
from gatekeeper.services import review, schema
from gatekeeper.services.gate import GateOpening
from gatekeeper.services.kinds import Kind
from gatekeeper.services.kiosk import Page
from gatekeeper.services.review import describe


def session_with_lane(tmp_path):
    gate = open_gate(tmp_path)
    opened: list[GateOpening] = []
    session, screen = new_session(gate, open_lane=opened.append)
    return gate, session, screen, opened


def test_an_admitted_worker_opens_the_worker_lane(tmp_path) -> None:
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.WORKER.value)
    screening_id = session.screening.id
    walk_to(session, screen, gate, Page.OUTCOME)
    assert screen.outcomes[-1].outcome is Outcome.ADMITTED
    [passage] = gate.records(kind=Kind.PASSAGE)
    assert opened == [GateOpening(Lane.WORKER, screening_id, Channel.WORKER,
                                  passage.person_id)]
    assert session.record_gate_opened(opened[0], "relay", "/dev/ttyUSB1 channel 1") is None
    [record] = gate.records(kind=Kind.GATE_OPENED)
    body = schema.GateOpenedBody.read(record)
    assert (body.lane, body.device, body.detail) == ("worker", "relay", "/dev/ttyUSB1 channel 1")
    assert (record.subject_id, record.person_id) == (screening_id, passage.person_id)
    assert record.seq > passage.seq  # after the passage, never instead of it
    assert describe(record).format("en") == "Gate opened: worker lane"
    assert describe(record).format("zh_CN") == "已开闸：工人通道"


def test_turned_away_never_opens(tmp_path) -> None:
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.VISITOR.value)
    session.submit_certificate("", "", "")  # no document
    assert screen.outcomes[-1].outcome is Outcome.TURNED_AWAY
    session.choose_channel(Channel.WORKER.value)
    session.submit_certificate(CertificateKind.HEALTH_CERTIFICATE.value, "HC-1", "2020-01-01")
    assert screen.outcomes[-1].outcome is Outcome.TURNED_AWAY  # expired
    assert opened == [] and gate.records(kind=Kind.GATE_OPENED) == []


def test_quarantined_or_abandoned_never_opens(tmp_path) -> None:
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    session.submit_scan(ScanKind.HEALTH_CODE.value, "yellow")
    assert screen.outcomes[-1].outcome is Outcome.QUARANTINED
    session.outcome_done()
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.REGISTRATION)
    session.abandon()
    assert screen.outcomes[-1].outcome is Outcome.ABANDONED
    assert opened == []


def test_an_admitted_vehicle_opens_the_goods_lane_once(tmp_path) -> None:
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.VEHICLE.value)
    session.submit_plate("豫A12345")
    for _ in range(40):
        if screen.page is Page.VEHICLE_NEXT:
            break
        gate.tick()
        do_step(session, screen.page)
    assert opened == []  # the driver waits for the passengers
    session.vehicle_done()
    assert screen.outcomes[-1].outcome is Outcome.ADMITTED
    assert [(o.lane, o.subject_id, o.channel) for o in opened] == [
        (Lane.GOODS_VEHICLE, session_group_id(gate), Channel.VEHICLE)]


def session_group_id(gate) -> str:
    [vehicle] = gate.records(kind=Kind.VEHICLE)
    return vehicle.subject_id


def test_nothing_opens_when_the_outcome_was_not_recorded(tmp_path) -> None:
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.NOTICE)
    with disk_full(gate.ledger, only="records"):
        session.submit_notice()
    assert screen.page is Page.NOTICE and opened == []
    session.submit_notice()  # pressed again: recorded, then opened
    assert len(opened) == 1


def test_a_ledger_refusing_the_gate_record_is_said_not_raised(tmp_path) -> None:
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.OUTCOME)
    with disk_full(gate.ledger, only="records"):
        problem = session.record_gate_opened(opened[0], "command", "open-gate")
    assert problem is not None and "could not be recorded" in problem("en")
    assert gate.records(kind=Kind.GATE_OPENED) == []
    assert len(gate.records(kind=Kind.PASSAGE)) == 1  # the admission stands


# --- a lane that did not open ----------------------------------------------------------


def admitted_worker(tmp_path):
    """A worker admitted at the kiosk, the lane asked to open: (gate, session, opening)."""
    gate, session, screen, opened = session_with_lane(tmp_path)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.OUTCOME)
    assert screen.outcomes[-1].outcome is Outcome.ADMITTED
    [opening] = opened
    return gate, session, opening


def failure_of(release, lane: Lane) -> ReleaseFailed:
    with pytest.raises(ReleaseFailed) as failed:
        release.open(lane)
    return failed.value


def test_a_relay_that_did_not_open_is_recorded_beside_the_admission(tmp_path) -> None:
    gate, session, opening = admitted_worker(tmp_path)
    port = str(tmp_path / "ttyRELAY9")  # the board is not plugged in
    relay = SerialRelay(port, 9600, "A0 CH 01 SUM", "A0 CH 00 SUM", 0.05,
                        DEFAULT_RELAY_CHANNELS)
    failure = failure_of(relay, opening.lane)
    told = session.record_gate_open_failed(opening, relay.kind, relay.target(opening.lane),
                                           failure)
    assert "worker lane did not open" in told("en") and "not connected" in told("en")
    assert "open the lane by hand" in told("en") and "请手动开闸" in told("zh_CN")
    [passage] = gate.records(kind=Kind.PASSAGE)
    [record] = gate.records(kind=Kind.GATE_OPEN_FAILED)
    body = schema.GateOpenFailedBody.read(record)
    assert (body.lane, body.device, body.detail) == ("worker", "relay", f"{port} channel 1")
    assert (body.problem, body.params) == ("devices.relay_missing", {"port": port})
    assert body.by == gate.service.staff
    assert (record.subject_id, record.person_id, record.channel) == (
        opening.subject_id, passage.person_id, "worker")
    assert record.seq > passage.seq and passage.outcome == Outcome.ADMITTED
    assert gate.records(kind=Kind.GATE_OPENED) == []
    assert describe(record).format("en") == (
        f"Admitted, but the gate did not open: worker lane (the relay board on {port} is "
        "not connected); staff were told to open it by hand")
    assert describe(record).format("zh_CN") == (
        f"已放行，但未能自动开闸：工人通道（继电器板（{port}）未连接），已提示门岗人员手动开闸")


def test_the_inspector_sees_admitted_then_the_lane_not_opened(tmp_path) -> None:
    gate, session, opening = admitted_worker(tmp_path)
    release = CommandRelease((sys.executable, "-c", "import sys; sys.exit(3)"), 5,
                             DEFAULT_RELAY_CHANNELS)
    session.record_gate_open_failed(opening, release.kind, release.target(opening.lane),
                                    failure_of(release, opening.lane))
    events = review.timeline(gate.ledger, opening.person_id or "")
    kinds = [e.kind for e in events]
    assert kinds.index("passage") < kinds.index("gate_open_failed")
    assert "gate_opened" not in kinds
    passage = events[kinds.index("passage")]
    failed = events[kinds.index("gate_open_failed")]
    assert "Admitted" in passage.summary.en and not passage.warn
    assert failed.warn  # shown as a warning, like a quarantine event
    assert f"did not open: worker lane (the release program {sys.executable} failed " \
        "(exit code 3))" in failed.summary.en
    assert "退出码 3" in failed.summary.zh_CN
    body = schema.GateOpenFailedBody.read(failed.record)
    assert (body.device, body.detail, body.problem) == (
        "command", sys.executable, "devices.command_failed")
    assert body.params == {"program": sys.executable, "status": 3}


def test_a_ledger_refusing_the_failure_record_is_said_with_the_failure(tmp_path) -> None:
    gate, session, opening = admitted_worker(tmp_path)
    failure = ReleaseFailed("devices.command_timeout", program="open-gate", seconds=5.0)
    with disk_full(gate.ledger, only="records"):
        told = session.record_gate_open_failed(opening, "command", "open-gate", failure)
    assert "worker lane did not open" in told("en") and "open the lane by hand" in told("en")
    assert "could not be recorded" in told("en") and "disk" in told("en")
    assert "未能记录" in told("zh_CN")
    assert gate.records(kind=Kind.GATE_OPEN_FAILED) == []
    assert len(gate.records(kind=Kind.PASSAGE)) == 1  # the admission stands


def test_a_problem_this_version_has_no_words_for_shows_its_key(tmp_path) -> None:
    gate, _session, opening = admitted_worker(tmp_path)
    record = gate.service.record_gate_open_failed(opening, "relay", "/dev/ttyUSB1 channel 1",
                                                  "devices.from_a_newer_version", {})
    assert "(devices.from_a_newer_version)" in describe(record).format("en")
