"""Helpers for the manager console tests: people admitted through the real service, and
a simulated ledger (a plain module: test basenames must stay unique)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk_support import POLICY, png_bytes, resident_id

from gatekeeper.domain.identity import Registration
from gatekeeper.domain.vocab import CertificateKind, Channel, IdType, ScanStatus
from gatekeeper.ledger import Ledger
from gatekeeper.services.accounts import Actor
from gatekeeper.services.gate import GateService
from gatekeeper.simulation.traffic import Simulation

SIM_START = date(2020, 3, 1)
SIM_DAYS = 5


def admit(service: GateService, seq: str, name: str, channel: Channel = Channel.WORKER) -> str:
    """One person through all eight steps, admitted; returns their person id."""
    s = service.start_first_time(channel)
    s.check_certificate(CertificateKind.HEALTH_CERTIFICATE, "HC-1", date(2020, 12, 31))
    s.measure_temperature(36.5)
    s.confirm_disinfection()
    s.register(Registration.validated(
        name=name, id_type=IdType.RESIDENT_ID, id_number=resident_id(seq=seq),
        phone="13800138000", employer="中牟建设集团", role="钢筋工",
        coming_from="河南省周口市", recent_stays=(), today=service.today(),
    ))  # fmt: skip
    for kind in s.scans_required:
        s.record_scan(kind, ScanStatus.OK)
    s.sign_pledges(png_bytes())
    s.hand_over_notice()
    s.assign_lane()
    finished = service.finish(s)
    assert finished.person_id is not None
    return finished.person_id


def simulated(path: Path) -> Path:
    with Ledger.open(path, create=True, kiosk_id="gate-sim") as ledger:
        Simulation(ledger, POLICY, people=50, seed=11, start=SIM_START).run(SIM_DAYS)
    return path


MANAGER_PIN = "739164"


def add_account(ledger: Ledger, username: str, role: str, pin: str = MANAGER_PIN) -> None:
    """An account as a site manager would make it: the first is the site manager "boss"
    (the first start, no sign-in needed); the others are made by "boss", signed in."""
    from datetime import datetime

    from gatekeeper.services import accounts

    now = datetime.now().astimezone()
    if accounts.needs_first_manager(ledger):
        first, first_pin = (username, pin) if role == "site_manager" else ("boss", MANAGER_PIN)
        accounts.create_first_manager(ledger, username=first, display_name="王经理",
                                      pin=first_pin, now=now)  # fmt: skip
        if first == username:
            return
    boss = next(a.username for a in accounts.list_accounts(ledger)
                if a.role is accounts.Role.SITE_MANAGER)  # fmt: skip
    by = accounts.sign_in(ledger, boss, MANAGER_PIN, now).actor
    assert by is not None
    accounts.create_account(ledger, username=username, role=role, display_name=username,
                            pin=pin, now=now, by=by)  # fmt: skip


def manager_actor(ledger: Ledger, username: str = "manager") -> Actor:
    """A site manager's Actor from a real sign-in (the account made on first use), for
    what the services only let a manager record (passes, rounds, quarantine)."""
    from datetime import datetime

    from gatekeeper.services import accounts

    if ledger.get_account(username) is None:
        add_account(ledger, username, "site_manager")
    actor = accounts.sign_in(ledger, username, MANAGER_PIN, datetime.now().astimezone()).actor
    assert actor is not None
    return actor


def sign_in(k, username: str = "manager", pin: str = MANAGER_PIN, role: str = "site_manager"):  # type: ignore[no-untyped-def]
    """Click Manager, sign in through the dialog (making the account if it is missing);
    returns the console."""
    if k.ledger.get_account(username) is None:
        add_account(k.ledger, username, role, pin)
    k.click(k.window.manager_button)
    dialog = k.window.sign_in_dialog
    assert dialog is not None
    dialog.username_edit.setText(username)
    dialog.pin_edit.setText(pin)
    dialog.submit()
    assert k.window.manager_open(), dialog.message()
    return k.window.manager


def manager_check(k, username: str = "manager", pin: str = MANAGER_PIN,  # type: ignore[no-untyped-def]
                  role: str = "site_manager") -> str:
    """The QR step's "Manager checked: OK": click it, sign in as `username` in the dialog
    it opens (making the account if it is missing) and submit. Returns the dialog's
    message ("" once accepted)."""
    if k.ledger.get_account(username) is None:
        add_account(k.ledger, username, role, pin)
    from gatekeeper.ui.flow import Page

    k.click(k.page(Page.QR_SCAN).manual_button)
    dialog = k.window.sign_in_dialog
    assert dialog is not None and type(dialog).__name__ == "ManualCheckDialog"
    dialog.username_edit.setText(username)
    dialog.pin_edit.setText(pin)
    dialog.submit()
    message = "" if k.window.sign_in_dialog is None else dialog.message()
    return str(message)
