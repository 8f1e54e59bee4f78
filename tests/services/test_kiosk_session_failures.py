"""A failed ledger write at any kiosk step: nothing half done, said plainly, retry works.

Each failure is SQLite's own (a full disk, a lock held by another connection, a
connection that may not write) reaching the session through the ledger's real error
handling; "an exception in a service" is any other error from the service."""

from __future__ import annotations

import pytest
from kiosk_session_support import PERSON, do_step, new_session
from ledger_faults import EXPECTED, FAILURES, disk_full
from services_support import open_gate

from gatekeeper.domain.vocab import Channel, Outcome
from gatekeeper.services.kinds import Kind
from gatekeeper.services.kiosk import Page

STEPS = [Page.CERTIFICATE, Page.TEMPERATURE, Page.DISINFECTION, Page.REGISTRATION,
         Page.QR_SCAN, Page.PLEDGE, Page.NOTICE]


def at_page(tmp_path, page: Page, channel: Channel = Channel.WORKER):
    gate = open_gate(tmp_path)
    session, screen = new_session(gate, log_hint="/var/log/gk.log")
    session.choose_channel(channel.value)
    for _ in range(40):
        if screen.page is page:
            return gate, session, screen
        gate.tick()
        do_step(session, screen.page)
        assert not screen.errors, screen.error()
    raise AssertionError(f"never reached {page}")


def facts(gate, session):
    """What must not change when a step fails: the screening, its draft, the records."""
    drafts = [(d.draft_id, d.data) for d in gate.ledger.drafts()]
    return session.screening.to_draft(), drafts, gate.ledger.head()


@pytest.mark.parametrize("page", STEPS, ids=[p.value for p in STEPS])
@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_failed_write_keeps_the_step_says_why_and_a_retry_goes_on(
    tmp_path, page: Page, failure: str
) -> None:
    gate, session, screen = at_page(tmp_path, page)
    before = facts(gate, session)
    shown = list(screen.shown)
    with FAILURES[failure](gate.ledger):
        do_step(session, page)
    # Neither the step nor its draft: the screening is as it was, the page too.
    assert facts(gate, session) == before
    assert screen.page is page and screen.shown == shown
    en, zh = EXPECTED[failure]
    assert en in screen.error("en") and "still on screen" in screen.error("en")
    assert zh in screen.error("zh_CN") and "仍保留" in screen.error("zh_CN")
    # The cause is gone: pressing again does what the first press should have done.
    do_step(session, page)
    assert not screen.errors
    assert screen.page is not page or page is Page.QR_SCAN
    assert facts(gate, session) != before if session.screening else True


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_the_channel_button_refused_stays_on_the_start_screen(tmp_path, failure) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    with FAILURES[failure](gate.ledger):
        session.choose_channel(Channel.WORKER.value)
    assert not session.busy and screen.page is None and gate.ledger.drafts() == []
    assert EXPECTED[failure][0] in screen.error("en")
    session.choose_channel(Channel.WORKER.value)
    assert screen.page is Page.CERTIFICATE and len(gate.ledger.drafts()) == 1


def test_the_passage_refused_at_the_last_step_is_written_once_on_retry(tmp_path) -> None:
    """The draft saves, the records do not: the person stays at the notice step."""
    gate, session, screen = at_page(tmp_path, Page.NOTICE)
    with disk_full(gate.ledger, only="records"):
        session.submit_notice()
    assert screen.page is Page.NOTICE and screen.outcomes == []
    assert gate.records(kind=Kind.PASSAGE) == []
    assert "disk holding the ledger" in screen.error("en")
    session.submit_notice()
    assert screen.page is Page.OUTCOME
    [passage] = gate.records(kind=Kind.PASSAGE)
    assert passage.outcome == Outcome.ADMITTED
    assert gate.ledger.drafts() == []


def test_a_vehicle_refused_when_it_is_recorded_keeps_every_person(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.VEHICLE.value)
    session.submit_plate("豫A12345")
    for _ in range(40):
        if screen.page is Page.VEHICLE_NEXT:
            break
        gate.tick()
        do_step(session, screen.page)
    group_before = session.group.to_draft()
    with disk_full(gate.ledger, only="records"):
        session.vehicle_done()
    assert screen.page is Page.VEHICLE_NEXT and session.group.to_draft() == group_before
    assert gate.records() == [r for r in gate.records() if r.kind != Kind.PASSAGE]
    session.vehicle_done()
    assert screen.page is Page.OUTCOME
    assert len(gate.records(kind=Kind.VEHICLE)) == 1


def test_an_exception_in_a_service_rolls_back_and_reaches_the_crash_handler(
    tmp_path, monkeypatch
) -> None:
    gate, session, screen = at_page(tmp_path, Page.REGISTRATION)
    before = facts(gate, session)
    real = gate.service.save_draft

    def broken(work) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(gate.service, "save_draft", broken)
    with pytest.raises(RuntimeError, match="a bug"):
        session.submit_registration(dict(PERSON))
    assert facts(gate, session) == before and screen.page is Page.REGISTRATION
    assert "/var/log/gk.log" in screen.error("en")
    assert "/var/log/gk.log" in screen.error("zh_CN")
    monkeypatch.setattr(gate.service, "save_draft", real)
    session.submit_registration(dict(PERSON))
    assert screen.page is Page.QR_SCAN


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_abandoning_a_left_over_screening_refused_keeps_its_draft(tmp_path, failure) -> None:
    gate, _, _ = at_page(tmp_path, Page.TEMPERATURE)
    restarted = gate.reopen()
    again, _ = new_session(restarted)
    [work] = again.unfinished()
    with FAILURES[failure](restarted.ledger):
        assert again.record_abandoned(work) is False
    assert len(restarted.ledger.drafts()) == 1 and restarted.records(kind=Kind.PASSAGE) == []
    [work] = again.unfinished()
    assert again.record_abandoned(work) is True
    [passage] = restarted.records(kind=Kind.PASSAGE)
    assert passage.outcome == Outcome.ABANDONED
