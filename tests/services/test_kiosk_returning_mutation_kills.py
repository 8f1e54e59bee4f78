"""The returning path at the kiosk, without Qt (found by tests/mutation, see
docs/mutation.md): who may take it is the ledger's answer, and a revoked pass or lapsed
pledges send the worker down the first-time path under the same screening.
"""

from __future__ import annotations

from kiosk_session_support import PERSON, new_session, walk_to
from services_support import Gate, actor, open_gate

from gatekeeper.domain.returning import ReturningIssue
from gatekeeper.domain.vocab import Channel, Outcome, Step
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.services.kiosk import KioskSession, Page
from gatekeeper.services.passes import PassService


def _registered_worker_with_a_pass(tmp_path):  # type: ignore[no-untyped-def]
    """A worker admitted on the first-time path today (pledges signed), then issued a pass."""
    gate = open_gate(tmp_path)
    passes = PassService(gate.service, SiteKey.generate("site-a"))
    session, screen = new_session(gate, passes=passes)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.OUTCOME)
    assert screen.outcomes[-1].outcome is Outcome.ADMITTED
    session.outcome_done()
    issued = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                          phone=PERSON["phone"], by=actor(gate.ledger))  # fmt: skip
    assert not issued.registered  # the gate registered them already
    return gate, passes, session, screen, issued.person.person_id


def _typed_at_the_pass_page(gate: Gate, session: KioskSession, text: str) -> None:
    gate.tick()
    session.choose_returning()
    session.submit_pass(text)


def test_an_eligible_worker_takes_the_returning_path(tmp_path) -> None:
    gate, _passes, session, screen, person_id = _registered_worker_with_a_pass(tmp_path)
    assert gate.service.returning_eligibility(person_id).eligible
    _typed_at_the_pass_page(gate, session, PERSON["id_number"])
    s = session.screening
    assert s is not None and s.path == "returning" and s.person_id == person_id
    assert s.current_step is Step.TEMPERATURE and screen.page is Page.TEMPERATURE


def test_a_revoked_pass_is_not_eligible_and_a_new_one_is(tmp_path) -> None:
    gate, passes, _session, _screen, person_id = _registered_worker_with_a_pass(tmp_path)
    boss = actor(gate.ledger)
    gate.tick()
    passes.revoke(PERSON["id_number"], "badge lost", by=boss)
    eligibility = gate.service.returning_eligibility(person_id)
    assert ReturningIssue.PASS_REVOKED in eligibility.issues
    gate.tick()
    passes.issue(name=PERSON["name"], id_number=PERSON["id_number"], by=boss)
    assert gate.service.returning_eligibility(person_id).eligible  # issued again


def test_the_kiosk_sends_a_revoked_worker_down_the_first_time_path(tmp_path) -> None:
    gate, passes, session, screen, person_id = _registered_worker_with_a_pass(tmp_path)
    passes.revoke(PERSON["id_number"], "left the site", by=actor(gate.ledger))
    _typed_at_the_pass_page(gate, session, PERSON["id_number"])
    s = session.screening
    assert s is not None and s.path == "first_time" and s.person_id == person_id
    assert s.redirected_because is ReturningIssue.PASS_REVOKED
    assert s.current_step is Step.CERTIFICATE and screen.page is Page.CERTIFICATE


def test_the_kiosk_sends_a_worker_with_lapsed_pledges_down_the_first_time_path(
    tmp_path,
) -> None:
    gate, _passes, session, screen, person_id = _registered_worker_with_a_pass(tmp_path)
    days = gate.service.policy.pledge_validity_days
    gate.tick(minutes=days * 24 * 60)  # the pass (90 days) is still in force
    eligibility = gate.service.returning_eligibility(person_id)
    assert eligibility.issues == (ReturningIssue.PLEDGES_LAPSED,)
    _typed_at_the_pass_page(gate, session, PERSON["id_number"])
    s = session.screening
    assert s is not None and s.path == "first_time"
    assert s.redirected_because is ReturningIssue.PLEDGES_LAPSED
    assert screen.page is Page.CERTIFICATE
