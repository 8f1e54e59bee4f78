"""Two rules of gate-process.md that the kiosk session does not enforce (found while
writing the mutation check, docs/mutation.md "Rules the code does not enforce").

"QR scan: a site pass whose signature verifies ... unreadable or forged: re-scan or
manual check by a manager." Both tests are strict xfails: they pass once the session
enforces the rule, and then the marker must go.
"""

from __future__ import annotations

import pytest
from kiosk_session_support import PERSON, new_session, walk_to
from services_support import actor, open_gate

from gatekeeper.domain.vocab import Channel, ScanKind, Step
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.services.accounts import Role
from gatekeeper.services.kiosk import Page
from gatekeeper.services.passes import PassService


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


@pytest.mark.xfail(strict=True, reason=(
    "services/kiosk/session.py submit_manual_check takes no signed-in account: the "
    "'manager checked' decision is recorded with by = the kiosk's staff name and "
    "no role is checked"))  # fmt: skip
def test_a_manual_check_is_decided_by_a_site_manager(tmp_path) -> None:
    gate, _passes, session = _at_the_site_pass(tmp_path)
    session.submit_scan_text(ScanKind.SITE_PASS.value, "GKP1.not-a-pass")
    assert ScanKind.SITE_PASS in session.screening.needs_manual_check
    session.submit_manual_check(ScanKind.SITE_PASS.value, "ok")
    decided = session.screening.scans[ScanKind.SITE_PASS]
    account = gate.ledger.get_account(str(decided["by"]))
    assert account is not None and account.role == Role.SITE_MANAGER
