"""The lane opens on "admitted" and never otherwise, only once the outcome is recorded;
that it opened is a `gate_opened` record read back through its schema."""

from __future__ import annotations

from kiosk_session_support import do_step, new_session, walk_to
from ledger_faults import disk_full
from services_support import open_gate

from gatekeeper.domain.vocab import CertificateKind, Channel, Lane, Outcome, ScanKind
from gatekeeper.services import schema
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
