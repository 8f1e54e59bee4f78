"""The kiosk's screening session driven by plain calls: no Qt, no display."""

from __future__ import annotations

import dataclasses

from kiosk_session_support import PERSON, Screen, do_step, new_session
from services_support import POLICY, open_gate

from gatekeeper.domain.policy import Pledge
from gatekeeper.domain.vocab import Channel, Outcome, Reason, Step
from gatekeeper.services.kinds import Kind
from gatekeeper.services.kiosk import Page

FIRST_TIME = [Page.CERTIFICATE, Page.TEMPERATURE, Page.DISINFECTION, Page.REGISTRATION,
              Page.QR_SCAN, Page.PLEDGE, Page.NOTICE]


def walk(session, screen: Screen, gate, until: Page | None = None) -> None:
    for _ in range(40):  # bounded: a page that never moves on fails, never hangs
        if screen.page not in FIRST_TIME or screen.page is until:
            return
        gate.tick()
        do_step(session, screen.page)
        assert not screen.errors, screen.error()
    raise AssertionError(f"stuck on {screen.page}")


def test_a_worker_goes_through_the_eight_steps_with_plain_calls(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk(session, screen, gate)
    assert screen.shown == [*FIRST_TIME, Page.OUTCOME]
    [view] = screen.outcomes
    assert view.outcome is Outcome.ADMITTED
    assert screen.recorded_count == 1 and screen.timers["outcome"] is True
    [passage] = gate.records(kind=Kind.PASSAGE)
    assert passage.outcome == Outcome.ADMITTED
    assert gate.ledger.drafts() == []
    assert not session.busy


def test_each_step_leaves_a_draft_that_resumes_on_that_step(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.VISITOR.value)
    walk(session, screen, gate, until=Page.QR_SCAN)
    [draft] = gate.ledger.drafts()
    restarted = gate.reopen()
    again, again_screen = new_session(restarted)
    [work] = again.unfinished()
    again.resume(work)
    assert again_screen.page is Page.QR_SCAN
    assert again.screening is not None and again.screening.id == draft.draft_id


def test_a_typo_stays_on_the_page_with_the_field_named(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk(session, screen, gate, until=Page.REGISTRATION)
    session.submit_registration({**PERSON, "phone": "123"})
    assert screen.page is Page.REGISTRATION
    assert "phone" in screen.errors
    assert session.screening.current_step is Step.REGISTRATION


def test_fever_before_registering_asks_for_a_name_then_opens_the_case(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk(session, screen, gate, until=Page.TEMPERATURE)
    rest = gate.service.policy.rest_seconds / 60 + 1
    for _ in range(gate.service.policy.max_remeasures + 1):
        session.submit_temperature("38.6")
        if screen.page is not Page.TEMPERATURE:
            break
        assert screen.timers["rest"] is True  # resting before the re-measure
        gate.tick(minutes=rest)
        session.tick_rest()
    assert screen.page is Page.QUARANTINE_REGISTRATION
    assert gate.records(kind=Kind.PASSAGE) == []  # nobody goes in without a name
    session.submit_quarantine_registration(dict(PERSON))
    assert screen.page is Page.OUTCOME
    [passage] = gate.records(kind=Kind.PASSAGE)
    assert passage.outcome == Outcome.QUARANTINED and passage.reason == Reason.FEVER
    assert len(gate.records(kind=Kind.QUARANTINE_START)) == 1


def test_passengers_get_their_ids_from_the_service(tmp_path) -> None:
    ids = iter(f"id-{n}" for n in range(100))
    gate = open_gate(tmp_path)
    gate.service.new_id = lambda: next(ids)
    session, screen = new_session(gate)
    session.choose_channel(Channel.VEHICLE.value)
    session.submit_plate("豫A12345")
    driver = session.screening
    walk(session, screen, gate)
    assert screen.page is Page.VEHICLE_NEXT
    session.add_passenger()
    passenger = session.screening
    assert passenger is not driver and passenger.id.startswith("id-")
    assert session.group is not None and passenger in session.group.passengers


def test_a_code_is_taken_only_where_one_is_expected(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    assert session.scanned("status=green") is False  # start screen: only a site pass
    session.choose_channel(Channel.WORKER.value)
    assert session.scanned("status=green") is False  # certificate page
    walk(session, screen, gate, until=Page.TEMPERATURE)
    assert session.scanned("36.6") is True  # a USB thermometer
    assert screen.page is Page.DISINFECTION


def test_what_the_ledger_keeps_of_a_scan_is_never_its_text(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk(session, screen, gate, until=Page.QR_SCAN)
    session.submit_scan_text("health_code", "name=张伟;status=green")
    assert session.screening.scans["health_code"]["status"] == "ok"
    walk(session, screen, gate)
    [passage] = gate.records(kind=Kind.PASSAGE)
    assert "张伟" not in str(passage.body["scans"])
    assert passage.body["scans"]["health_code"]["detail"].startswith("scanned")


# The policy's own texts, as a site manager may write them in the file: braces are text.
BRACED_POLICY = dataclasses.replace(
    POLICY, quarantine_place_en="Room {2}", quarantine_place_zh="隔离{室}",
    notice_en="Bring your {mask}", notice_zh="{",
    pledges=(Pledge("health", "I {promise}", "我{0}承诺"),),
)  # fmt: skip


def test_the_policys_pledges_and_notice_are_shown_as_written(tmp_path) -> None:
    """The pledge and notice texts come from the policy file: shown as written, braces
    and all (they were formatted as templates and raised KeyError on the page)."""
    gate = open_gate(tmp_path, policy=BRACED_POLICY)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk(session, screen, gate, until=Page.PLEDGE)
    assert [say("en") for say in screen.state["pledges"]] == ["I {promise}"]
    assert [say("zh_CN") for say in screen.state["pledges"]] == ["我{0}承诺"]
    walk(session, screen, gate, until=Page.NOTICE)
    assert screen.state["notice"]("en") == "Bring your {mask}"
    assert screen.state["notice"]("zh_CN") == "{"


def test_the_policys_quarantine_place_is_shown_as_written(tmp_path) -> None:
    """A yellow code quarantines: the outcome page's big line is the policy's place as
    written (it was formatted as a template and raised IndexError on the outcome page)."""
    gate = open_gate(tmp_path, policy=BRACED_POLICY)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk(session, screen, gate, until=Page.QR_SCAN)
    current = session._scan_state(session.screening)["current"]
    session.submit_scan(current.value, "yellow")
    [view] = screen.outcomes
    assert view.outcome is Outcome.QUARANTINED and view.big is not None
    assert (view.big("en"), view.big("zh_CN")) == ("Room {2}", "隔离{室}")
    assert "Room {2}" in view.message("en") and "隔离{室}" in view.message("zh_CN")
