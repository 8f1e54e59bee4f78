"""Revocation holds: every pass has its own serial, a new pass retires the older ones,
revocation (by serial, by person, by ID number) holds for every pass issued before it,
and a purged person's passes are refused. Real ledger in tmp_path, real Ed25519 keys.
"""

from __future__ import annotations

from datetime import date

import pytest
from kiosk_session_support import PERSON, new_session, walk_to
from services_support import Gate, actor, registration

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.returning import ReturningIssue
from gatekeeper.domain.vocab import Channel, Outcome, ScanKind
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.scanner.passes import PassProblem, PassRejected, SitePass, parse_pass, sign_pass
from gatekeeper.services import schema
from gatekeeper.services.kinds import Kind
from gatekeeper.services.kiosk import Page
from gatekeeper.services.pass_history import is_erased
from gatekeeper.services.passes import PassService
from gatekeeper.services.records import person_record
from gatekeeper.services.retention import purge

DAY = 24 * 60


@pytest.fixture
def passes(gate: Gate) -> PassService:
    return PassService(gate.service, SiteKey.generate("site-a"))


def issue(passes: PassService, gate: Gate, days: int | None = None) -> SitePass:
    return passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                        phone=PERSON["phone"], days=days, by=gate.manager).site_pass  # fmt: skip


def refused(passes: PassService, payload: str) -> PassProblem:
    with pytest.raises(PassRejected) as info:
        passes.verify(payload)
    assert info.value.message("en") and info.value.message("zh_CN")
    assert info.value.message("en") != info.value.message("zh_CN")
    return info.value.problem


# --- the serial -------------------------------------------------------------------------


def test_reissuing_on_the_day_of_the_revocation_gives_another_pass(
    gate: Gate, passes: PassService
) -> None:
    """The trust issue: same person, same day, same validity: byte-identical before."""
    lost = issue(passes, gate)
    passes.revoke(PERSON["id_number"], "badge lost", by=gate.manager)
    gate.tick()
    new = issue(passes, gate)
    assert new.payload != lost.payload and new.serial != lost.serial
    assert (new.valid_from, new.valid_until) == (lost.valid_from, lost.valid_until)
    assert refused(passes, lost.payload) is PassProblem.REVOKED  # the lost badge stays dead
    assert passes.verify(new.payload).site_pass == new


def test_every_pass_carries_its_serial_signed_and_recorded(
    gate: Gate, passes: PassService
) -> None:
    serials = {issue(passes, gate).serial for _ in range(5)}
    assert len(serials) == 5 and None not in serials
    recorded = [schema.PassIssuedBody.read(r) for r in gate.records(kind=Kind.PASS_ISSUED)]
    assert {body.serial for body in recorded} == serials
    site_pass = issue(passes, gate)
    assert site_pass.payload.startswith("GKP2.") and site_pass.serial in site_pass.payload
    assert parse_pass(site_pass.payload) == site_pass


def test_the_gates_own_pass_records_carry_a_serial_too(gate: Gate, passes: PassService) -> None:
    """`GateService.issue_pass` (no signed payload: the returning path by ID number) gives
    each pass a serial as well, so `pass revoke --serial` reaches it."""
    person_id = issue(passes, gate).person_id
    gate.tick()
    first = gate.service.issue_pass(person_id, by=gate.manager)
    second = gate.service.issue_pass(person_id, by=gate.manager)
    serials = [schema.PassIssuedBody.read(r).serial for r in (first, second)]
    assert None not in serials and serials[0] != serials[1]
    passes.revoke(serial=serials[1], by=gate.manager)
    assert ReturningIssue.PASS_REVOKED in gate.service.returning_eligibility(person_id).issues


# --- superseded ---------------------------------------------------------------------------


def test_a_new_pass_supersedes_the_older_ones(gate: Gate, passes: PassService) -> None:
    first = issue(passes, gate)
    gate.tick(DAY)
    second = issue(passes, gate)
    gate.tick(DAY)
    third = issue(passes, gate)
    assert passes.verify(third.payload).person is not None
    assert refused(passes, first.payload) is PassProblem.SUPERSEDED
    assert refused(passes, second.payload) is PassProblem.SUPERSEDED


def test_superseded_even_on_the_same_day(gate: Gate, passes: PassService) -> None:
    old = issue(passes, gate)
    gate.tick()
    new = issue(passes, gate)
    assert refused(passes, old.payload) is PassProblem.SUPERSEDED
    passes.verify(new.payload)


# --- revoked ------------------------------------------------------------------------------


def test_revoking_by_serial_revokes_that_pass_only(gate: Gate, passes: PassService) -> None:
    old = issue(passes, gate)
    gate.tick()
    new = issue(passes, gate)
    gate.tick()
    record = passes.revoke(serial=old.serial, by=gate.manager)
    assert schema.PassRevokedBody.read(record).serial == old.serial
    assert record.person_id == new.person_id
    assert refused(passes, old.payload) is PassProblem.REVOKED
    passes.verify(new.payload)  # the newest pass was not the one revoked
    assert passes.state(PERSON["id_number"]).revoked_on is None
    returning = gate.service.returning_eligibility  # the gate's own check agrees
    assert ReturningIssue.PASS_REVOKED not in returning(new.person_id).issues
    gate.tick()
    passes.revoke(serial=new.serial, by=gate.manager)
    assert refused(passes, new.payload) is PassProblem.REVOKED
    assert passes.state(PERSON["id_number"]).revoked_on is not None
    assert ReturningIssue.PASS_REVOKED in returning(new.person_id).issues


def test_an_unknown_serial_is_refused_and_writes_nothing(gate: Gate, passes: PassService) -> None:
    site_pass = issue(passes, gate)
    before = len(gate.records())
    with pytest.raises(LocalizedError) as info:
        passes.revoke(serial="0123456789abcdef", by=gate.manager)
    assert info.value.code == "no_such_pass"
    assert info.value.message("en") != info.value.message("zh_CN")
    with pytest.raises(LocalizedError):  # a serial and someone else's person id
        passes.revoke(serial=site_pass.serial, person_id="someone-else", by=gate.manager)
    assert len(gate.records()) == before
    passes.verify(site_pass.payload)


def test_revoking_by_person_holds_for_every_earlier_pass_not_later_ones(
    gate: Gate, passes: PassService
) -> None:
    old = issue(passes, gate)
    gate.tick()
    new = issue(passes, gate)
    gate.tick()
    passes.revoke(person_id=new.person_id, by=gate.manager)
    assert refused(passes, old.payload) is PassProblem.REVOKED
    assert refused(passes, new.payload) is PassProblem.REVOKED
    gate.tick()
    later = issue(passes, gate)
    passes.verify(later.payload)
    assert refused(passes, new.payload) is PassProblem.REVOKED  # stays revoked


def test_revocation_needs_a_pass_holder(gate: Gate, passes: PassService) -> None:
    with pytest.raises(LocalizedError):
        passes.revoke(by=gate.manager)
    with pytest.raises(LocalizedError) as info:
        passes.revoke(person_id="nobody", by=gate.manager)
    assert info.value.code == "not_registered"


# --- purged -------------------------------------------------------------------------------


def _purged_holder(gate: Gate, passes: PassService) -> SitePass:
    """A worker registered and issued a year-long pass, then 40 days later a 30-day
    retention purge erases the registration (the person record is older than 30 days)."""
    site_pass = issue(passes, gate, days=365)
    gate.tick(40 * DAY)
    purge(gate.ledger, 30, gate.clock.now(), by=actor(gate.ledger, now=gate.clock.now()))
    person = gate.ledger.get_person(site_pass.person_id)
    assert person is not None and person.name is None and person.id_number is None
    return site_pass


def test_a_purged_persons_pass_is_refused(gate: Gate, passes: PassService) -> None:
    site_pass = _purged_holder(gate, passes)
    assert refused(passes, site_pass.payload) is PassProblem.HOLDER_PURGED


def test_a_purged_persons_pass_can_still_be_revoked(gate: Gate, passes: PassService) -> None:
    site_pass = _purged_holder(gate, passes)
    with pytest.raises(LocalizedError) as info:  # the ID number no longer finds them
        passes.revoke(PERSON["id_number"], by=gate.manager)
    assert info.value.code == "not_registered"
    by_person = passes.revoke(person_id=site_pass.person_id, by=gate.manager)
    assert by_person.person_id == site_pass.person_id
    assert refused(passes, site_pass.payload) is PassProblem.REVOKED
    by_serial = passes.revoke(serial=site_pass.serial, by=gate.manager)
    assert schema.PassRevokedBody.read(by_serial).serial == site_pass.serial


def test_registering_again_after_the_purge_does_not_revive_the_old_pass(
    gate: Gate, passes: PassService
) -> None:
    old = _purged_holder(gate, passes)
    gate.tick()
    new = issue(passes, gate)  # registers them anew (the ID number found nobody)
    assert new.person_id != old.person_id
    passes.verify(new.payload)
    assert refused(passes, old.payload) is PassProblem.HOLDER_PURGED


def _register_again_under(gate: Gate, person_id: str) -> None:
    """A new registration snapshot for the same person id (any path that re-registers
    someone under their old id: the people index then has their fields again)."""
    now = gate.clock.now()
    gate.ledger.append(person_record(person_id, registration(), now, now.date().isoformat(),
                                     gate.service.new_id))  # fmt: skip
    assert not is_erased(gate.ledger.get_person(person_id))


def test_a_new_registration_under_the_erased_id_does_not_revive_the_old_pass(
    gate: Gate, passes: PassService
) -> None:
    old = _purged_holder(gate, passes)
    gate.tick()
    _register_again_under(gate, old.person_id)
    assert refused(passes, old.payload) is PassProblem.HOLDER_PURGED
    eligibility = gate.service.returning_eligibility(old.person_id)
    assert ReturningIssue.PASS_REVOKED in eligibility.issues


def test_a_pass_recorded_before_any_registration_is_refused_once_purged(
    gate: Gate, passes: PassService
) -> None:
    """Merged ledgers need not order a person record before the pass: the people index
    (erased now) decides then."""
    person_id = gate.service.new_id()
    key, now = passes.key, gate.clock.now()
    site_pass = sign_pass(key, person_id, now.date(), now.date().replace(year=now.year + 1))
    body = schema.PassIssuedBody(
        issued_on=now.date().isoformat(), valid_until=site_pass.valid_until.isoformat(),
        key_id=key.key_id, site_id=key.site_id, pass_digest=site_pass.digest, by="boss",
        serial=site_pass.serial)
    gate.ledger.append(body.record(at=now, day=now.date().isoformat(),
                                   uuid=gate.service.new_id(), person_id=person_id))
    gate.tick()
    _register_again_under(gate, person_id)
    passes.verify(site_pass.payload)
    gate.tick(40 * DAY)
    purge(gate.ledger, 30, gate.clock.now(), by=actor(gate.ledger, now=gate.clock.now()))
    assert refused(passes, site_pass.payload) is PassProblem.HOLDER_PURGED


def test_a_purged_person_may_not_take_the_returning_path(gate: Gate, passes: PassService) -> None:
    site_pass = _purged_holder(gate, passes)
    eligibility = gate.service.returning_eligibility(site_pass.person_id)
    assert eligibility.issues == (ReturningIssue.NOT_REGISTERED,)


# --- old-format passes (GKP1, no serial) ------------------------------------------------


def _legacy_pass(gate: Gate, passes: PassService, days: int = 90) -> SitePass:
    """A pass as GateKeeper issued them before serials: GKP1, and a pass_issued body
    without a serial (written exactly as the old `PassService.issue` did)."""
    person, _ = passes.register_or_find(name=PERSON["name"], id_number=PERSON["id_number"],
                                        phone=PERSON["phone"], employer=None)  # fmt: skip
    key = passes.key
    now = gate.clock.now()
    until = date.fromordinal(now.date().toordinal() + days - 1)
    unsigned = SitePass(key.site_id, key.key_id, person.person_id, now.date(), until, b"")
    assert unsigned.signed_part.startswith("GKP1.")
    site_pass = SitePass(key.site_id, key.key_id, person.person_id, now.date(), until,
                         key.private.sign(unsigned.signed_part.encode("ascii")))  # fmt: skip
    body = schema.PassIssuedBody(
        issued_on=now.date().isoformat(), valid_until=until.isoformat(), key_id=key.key_id,
        site_id=key.site_id, pass_digest=site_pass.digest, by="boss")
    gate.ledger.append(body.record(at=now, day=now.date().isoformat(),
                                   uuid=gate.service.new_id(), person_id=person.person_id))
    return site_pass


def test_an_old_format_pass_still_verifies(gate: Gate, passes: PassService) -> None:
    legacy = _legacy_pass(gate, passes)
    assert legacy.serial is None and parse_pass(legacy.payload) == legacy
    assert passes.verify(legacy.payload).site_pass == legacy
    assert passes.state(PERSON["id_number"]).in_force(gate.clock.now().date())


def test_an_old_format_pass_is_superseded_and_revoked_like_the_others(
    gate: Gate, passes: PassService
) -> None:
    legacy = _legacy_pass(gate, passes)
    gate.tick()
    new = issue(passes, gate)
    assert refused(passes, legacy.payload) is PassProblem.SUPERSEDED
    gate.tick()
    passes.revoke(PERSON["id_number"], by=gate.manager)
    assert refused(passes, legacy.payload) is PassProblem.REVOKED
    assert refused(passes, new.payload) is PassProblem.REVOKED


def test_an_old_format_pass_revoked_by_person(gate: Gate, passes: PassService) -> None:
    legacy = _legacy_pass(gate, passes)
    gate.tick()
    passes.revoke(person_id=legacy.person_id, by=gate.manager)
    assert refused(passes, legacy.payload) is PassProblem.REVOKED


def test_an_old_format_pass_expires(gate: Gate, passes: PassService) -> None:
    legacy = _legacy_pass(gate, passes, days=2)
    gate.tick(2 * DAY)
    assert refused(passes, legacy.payload) is PassProblem.EXPIRED


# --- the kiosk ----------------------------------------------------------------------------


def _admitted_worker(gate: Gate, passes: PassService):  # type: ignore[no-untyped-def]
    session, screen = new_session(gate, passes=passes)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.OUTCOME)
    assert screen.outcomes[-1].outcome is Outcome.ADMITTED
    session.outcome_done()
    return session, screen


def _scanned_at_the_pass_page(gate: Gate, session, payload: str):  # type: ignore[no-untyped-def]
    gate.tick()
    session.choose_returning()
    session.submit_pass(payload)
    return session.screening


def test_the_kiosk_refuses_a_superseded_pass_saying_so(gate: Gate, passes: PassService) -> None:
    session, screen = _admitted_worker(gate, passes)
    old = issue(passes, gate)
    gate.tick()
    new = issue(passes, gate)
    s = _scanned_at_the_pass_page(gate, session, old.payload)
    assert s.path == "first_time" and s.redirected_because is ReturningIssue.PASS_REVOKED
    assert "newer pass" in screen.state["info"]("en")
    assert "新" in screen.state["info"]("zh_CN")
    session.abandon()
    s = _scanned_at_the_pass_page(gate, session, new.payload)
    assert s.path == "returning" and s.person_id == new.person_id


def test_the_kiosk_refuses_a_purged_persons_pass(gate: Gate, passes: PassService) -> None:
    session, screen = _admitted_worker(gate, passes)
    site_pass = issue(passes, gate, days=365)
    gate.tick(40 * DAY)
    purge(gate.ledger, 30, gate.clock.now(), by=actor(gate.ledger, now=gate.clock.now()))
    s = _scanned_at_the_pass_page(gate, session, site_pass.payload)
    assert s.path == "first_time" and s.redirected_because is ReturningIssue.NOT_REGISTERED
    assert s.person_id is None  # registered anew, never under the purged person's id
    assert "erased" in screen.state["info"]("en")


def test_the_qr_step_refuses_a_superseded_pass(gate: Gate, passes: PassService) -> None:
    old = issue(passes, gate)
    gate.tick()
    issue(passes, gate)
    session, screen = new_session(gate, passes=passes)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    assert screen.page is Page.QR_SCAN
    session.submit_scan_text(ScanKind.SITE_PASS.value, old.payload)
    scan = session.screening.scans[ScanKind.SITE_PASS]
    assert scan["status"] == "unreadable" and "superseded" in scan["detail"]
