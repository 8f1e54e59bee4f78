"""Two rules of gate-process.md that the kiosk session does not enforce (found while
writing the mutation check, docs/mutation.md "Rules the code does not enforce").

"QR scan: a site pass whose signature verifies ... unreadable or forged: re-scan or
manual check by a manager." Both were strict xfails until the session enforced them:
staff cannot wave a refused pass through, and the manual check takes a signed-in site
manager's Actor (`KioskSession.submit_manual_check`), recorded as who decided.
"""

from __future__ import annotations

import pytest
from kiosk_session_support import PERSON, new_session, walk_to
from services_support import actor, open_gate

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import Channel, ScanKind, ScanStatus, Step
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.scanner.passes import PassProblem, PassRejected
from gatekeeper.scanner.payloads import ScanReading
from gatekeeper.services.accounts import Role
from gatekeeper.services.kiosk import Page, scans
from gatekeeper.services.passes import PassService
from gatekeeper.services.schema import PassageBody


def scan_pass(session, payload: str) -> dict:  # type: ignore[no-untyped-def]
    session.submit_scan_text(ScanKind.SITE_PASS.value, payload)
    return session.screening.scans[ScanKind.SITE_PASS]


def _at_the_site_pass(tmp_path):  # type: ignore[no-untyped-def]
    """A first-time worker at step 5, the health and itinerary codes done."""
    gate = open_gate(tmp_path)
    passes = PassService(gate.service, SiteKey.generate("site-a"))
    session, screen = new_session(gate, passes=passes)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.QR_SCAN)
    assert screen.page is Page.QR_SCAN
    for kind in session.screening.scans_required:
        if kind is not ScanKind.SITE_PASS:
            session.submit_scan(kind.value, "ok")
    return gate, passes, session


def test_staff_cannot_wave_through_a_refused_site_pass(tmp_path) -> None:
    gate, passes, session = _at_the_site_pass(tmp_path)
    boss = actor(gate.ledger)
    passes.issue(name=PERSON["name"], id_number=PERSON["id_number"], phone=PERSON["phone"],
                 by=boss)  # fmt: skip
    other = passes.issue(name="李四", id_number="G12345678", phone="13900139000",
                         by=boss).site_pass.payload  # fmt: skip
    assert scan_pass(session, other)["status"] == "unreadable"  # someone else's pass
    session.submit_scan(ScanKind.SITE_PASS.value, "ok")  # "Green code / OK"
    assert session.screening.current_step is Step.QR_SCAN
    assert session.screening.scans[ScanKind.SITE_PASS]["status"] != "ok"


def _refused_pass(tmp_path):  # type: ignore[no-untyped-def]
    """At the site pass, after a scan the kiosk could not read: a manager's check is due."""
    gate, _passes, session = _at_the_site_pass(tmp_path)
    session.submit_scan_text(ScanKind.SITE_PASS.value, "GKP1.not-a-pass")
    assert ScanKind.SITE_PASS in session.screening.needs_manual_check
    return gate, session


def _still_undecided(session) -> None:  # type: ignore[no-untyped-def]
    scan = session.screening.scans[ScanKind.SITE_PASS]
    assert scan["status"] == "unreadable" and scan["by"] is None
    assert ScanKind.SITE_PASS in session.screening.needs_manual_check
    assert session.screening.current_step is Step.QR_SCAN


def test_a_manual_check_is_decided_by_a_site_manager(tmp_path) -> None:
    gate, session = _refused_pass(tmp_path)
    manager = actor(gate.ledger, "li.manager")
    session.submit_manual_check(ScanKind.SITE_PASS.value, "ok", manager)
    decided = session.screening.scans[ScanKind.SITE_PASS]
    assert decided["status"] == "ok" and decided["detail"] == "manual check"
    account = gate.ledger.get_account(str(decided["by"]))
    assert account is not None and account.role == Role.SITE_MANAGER
    assert account.username == "li.manager"  # who decided, not the kiosk's staff name
    assert decided["by"] != gate.service.staff
    screen = session._display
    walk_to(session, screen, gate, Page.OUTCOME)  # the ledger keeps who decided
    [passage] = gate.ledger.records(kind="passage")
    assert PassageBody.read(passage).scans["site_pass"]["by"] == "li.manager"


def test_a_manual_check_without_a_manager_sign_in_is_refused(tmp_path) -> None:
    _gate, session = _refused_pass(tmp_path)
    screen = session._display
    session.submit_manual_check(ScanKind.SITE_PASS.value, "ok", None)
    _still_undecided(session)
    assert "site manager" in screen.error(field="scan")
    assert "项目负责人" in screen.error("zh_CN", field="scan")


@pytest.mark.parametrize("role", [Role.GATE_STAFF, Role.INSPECTOR])
def test_a_manual_check_by_another_role_is_refused(tmp_path, role: Role) -> None:
    gate, session = _refused_pass(tmp_path)
    screen = session._display
    signed_in = actor(gate.ledger, "someone", role)
    session.submit_manual_check(ScanKind.SITE_PASS.value, "ok", signed_in)
    _still_undecided(session)
    assert "only a site manager may" in screen.error(field="scan")


def test_a_manual_check_takes_an_actor_not_a_name(tmp_path) -> None:
    _gate, session = _refused_pass(tmp_path)
    with pytest.raises(TypeError):
        session.submit_manual_check(ScanKind.SITE_PASS.value, "ok", "boss")  # type: ignore[arg-type]
    _still_undecided(session)


# --- what a scan said is shown as it stands ------------------------------------------------


def test_a_readings_message_is_shown_as_it_stands() -> None:
    """A reading's message is filled already (here a refusal naming the pass's site):
    "Read: …" on the QR page says it as it stands (it was filled again)."""
    reading = ScanReading(ScanKind.SITE_PASS, ScanStatus.UNREADABLE,
                          messages.filled("pass.other_site", site_id="{x}"))  # fmt: skip
    assert "another site ({x})" in scans.say_reading(reading)("en")
    assert "其他工地（{x}）" in scans.say_reading(reading)("zh_CN")


def test_a_refused_pass_on_the_start_screen_says_why_as_it_stands(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass scanned on the start screen and refused: the first-time path says why, as
    the refusal was filled (it was filled a second time)."""
    gate = open_gate(tmp_path)
    passes = PassService(gate.service, SiteKey.generate("site-a"))
    session, screen = new_session(gate, passes=passes)

    def refuse(_payload: str, _today: object) -> None:
        raise PassRejected(PassProblem.OTHER_SITE, site_id="{x}")

    monkeypatch.setattr(passes, "verify", refuse)
    assert session.scanned("GKP2.site-b.0123456789ab.p-1")
    assert "another site ({x})" in screen.state["info"]("en")
    assert "其他工地（{x}）" in screen.state["info"]("zh_CN")
