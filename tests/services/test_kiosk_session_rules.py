"""The gate rules the kiosk session applies, each shown to matter: a site pass scanned at
step 5 must be issued by this ledger, still in force and the person's own; a reading that
is a measuring error never counts."""

from __future__ import annotations

from datetime import timedelta

from kiosk_session_support import PERSON, do_step, new_session, walk_to
from services_support import actor, open_gate

from gatekeeper.domain.temperature import counted_readings
from gatekeeper.domain.vocab import Channel, ScanKind, Step
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.scanner.passes import sign_pass
from gatekeeper.services.exports import daily_rows
from gatekeeper.services.kinds import Kind
from gatekeeper.services.kiosk import Page
from gatekeeper.services.passes import PassService


def at_qr_step(tmp_path):
    gate = open_gate(tmp_path)
    key = SiteKey.generate("site-a")
    passes = PassService(gate.service, key)
    session, screen = new_session(gate, passes=passes)
    return gate, passes, session, screen


def scan_pass(session, payload: str) -> dict:
    session.submit_scan_text(ScanKind.SITE_PASS.value, payload)
    return session.screening.scans[ScanKind.SITE_PASS]


def test_the_persons_own_pass_is_accepted(tmp_path) -> None:
    gate, passes, session, screen = at_qr_step(tmp_path)
    boss = actor(gate.ledger)
    payload = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                           phone=PERSON["phone"], by=boss).site_pass.payload  # fmt: skip
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    assert scan_pass(session, payload)["status"] == "ok"


def test_a_revoked_pass_is_refused_at_the_qr_step(tmp_path) -> None:
    gate, passes, session, screen = at_qr_step(tmp_path)
    boss = actor(gate.ledger)
    payload = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                           phone=PERSON["phone"], by=boss).site_pass.payload  # fmt: skip
    gate.tick()
    passes.revoke(PERSON["id_number"], "lost badge", by=boss)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    scan = scan_pass(session, payload)
    assert scan["status"] == "unreadable" and "revoked" in scan["detail"]


def test_a_pass_signed_with_the_key_but_never_issued_is_refused(tmp_path) -> None:
    """A copy of the key can sign anything: the ledger must also hold the issue."""
    gate, passes, session, screen = at_qr_step(tmp_path)
    issued = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                          phone=PERSON["phone"], by=actor(gate.ledger)).site_pass
    # The same person, signed with the site key, but a pass the ledger never issued.
    forged = sign_pass(passes.key, issued.person_id, issued.valid_from,
                       issued.valid_until + timedelta(days=365)).payload  # fmt: skip
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    scan = scan_pass(session, forged)
    assert scan["status"] == "unreadable" and "not_issued" in scan["detail"]
    assert scan_pass(session, issued.payload)["status"] == "ok"


def test_someone_elses_pass_is_refused(tmp_path) -> None:
    gate, passes, session, screen = at_qr_step(tmp_path)
    boss = actor(gate.ledger)
    passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                 phone=PERSON["phone"], by=boss)  # fmt: skip
    other = passes.issue(name="李四", id_number="G12345678", phone="13900139000",
                         by=boss).site_pass.payload  # fmt: skip
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    scan = scan_pass(session, other)
    assert scan["status"] == "unreadable" and "other_person" in scan["detail"]
    assert "someone else" in screen.state["last_read"]("en")


def test_a_measuring_error_never_counts_in_the_record_or_the_export(tmp_path) -> None:
    readings = [{"reading_c": 38.0, "verdict": "fever_remeasure"},
                {"reading_c": 25.0, "verdict": "out_of_range"}]
    assert counted_readings(readings) == [38.0]
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.TEMPERATURE)
    session.submit_temperature("38.0")
    gate.tick(minutes=gate.service.policy.rest_seconds / 60 + 1)
    session.submit_temperature("25.0")  # thermometer aimed at the wall
    assert screen.state["verdict_kind"] == "out_of_range"
    session.abandon()  # the person walks off before the re-measure
    [passage] = gate.records(kind=Kind.PASSAGE)
    [row] = daily_rows(gate.ledger, passage.day)
    assert row.temperature == 38.0  # the fever, not the measuring error


def _registered_once(gate, session, screen) -> None:
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.REGISTRATION)
    session.submit_registration(dict(PERSON))
    for _ in range(40):
        if screen.page is Page.OUTCOME:
            return
        gate.tick()
        do_step(session, screen.page)
    raise AssertionError("not admitted")


def test_a_known_id_number_with_another_name_is_never_merged_silently(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    _registered_once(gate, session, screen)
    session.outcome_done()
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.REGISTRATION)
    other = {**PERSON, "name": "张三"}
    session.submit_registration(other)
    assert screen.page is Page.REGISTRATION  # nothing goes on until staff choose
    assert screen.state["name_conflict"] == {"known": PERSON["name"], "typed": "张三"}
    assert PERSON["name"] in screen.error("en", "name") and "张三" in screen.error("zh_CN", "name")
    assert session.screening.current_step is Step.REGISTRATION
    # The typed name, deliberately: same person id, the new name recorded.
    session.submit_registration({**other, "confirm_name": "张三"})
    assert screen.page is Page.QR_SCAN
    person = gate.ledger.find_person("resident_id", PERSON["id_number"])
    first = gate.records(kind=Kind.PERSON)[0].person_id
    walk_to(session, screen, gate, Page.OUTCOME)
    assert gate.ledger.find_person("resident_id", PERSON["id_number"]).name == "张三"
    assert person is not None and person.person_id == first


def test_choosing_the_registered_name_keeps_it(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    _registered_once(gate, session, screen)
    session.outcome_done()
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.REGISTRATION)
    session.submit_registration({**PERSON, "name": "张三"})
    session.submit_registration(dict(PERSON))  # the form filled with the registered name
    assert screen.page is Page.QR_SCAN
    assert len(gate.records(kind=Kind.PERSON)) == 1  # nothing changed, nothing written
