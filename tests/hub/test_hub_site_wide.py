"""What is made at one kiosk holds at every kiosk after a sync: passes and their
revocation, accounts and PINs, a purge, one person registered twice while offline."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hub_support import add_kiosk, hub_rows, make_hub, rows, sync

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.scanner.passes import PassProblem, PassRejected
from gatekeeper.services import accounts
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService
from gatekeeper.services.retention import purge

POLICY = Policy()
START = datetime(2026, 3, 2, 8, 0, tzinfo=POLICY.tz)
PIN = "246810"
NAME, PHONE = "欧阳娜娜", "13800138000"


def _id(first17: str = "41012219850612123") -> str:
    weights = [2 ** (17 - i) % 11 for i in range(17)]
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


@pytest.fixture
def site(hub_dsn: str, tmp_path: Path):
    """The office PC and two gate kiosks on one hub; one site key (one data dir)."""
    make_hub(hub_dsn)
    out = {}
    for name in ("office", "gate-a", "gate-b"):
        path = tmp_path / f"{name}.sqlite3"
        out[name] = (path, add_kiosk(hub_dsn, path, kiosk_id=name))
    return hub_dsn, out


def _manager(ledger: Ledger, now: datetime = START) -> accounts.Actor:
    if accounts.needs_first_manager(ledger):
        accounts.create_first_manager(ledger, username="boss", display_name="王经理", pin=PIN,
                                      now=now)  # fmt: skip
    signed = accounts.sign_in(ledger, "boss", PIN, now)
    assert signed.actor is not None, signed
    return signed.actor


def _passes(ledger: Ledger, key: SiteKey, now: datetime = START) -> PassService:
    gate = GateService(ledger, POLICY, SteppingClock(now))
    return PassService(gate, key)


def test_a_pass_from_the_office_opens_every_gate_and_its_revocation_closes_them(site) -> None:
    _hub, k = site
    key = SiteKey.generate("site-a")
    (office, office_dsn), (gate, gate_dsn) = k["office"], k["gate-a"]
    with Ledger.open(office) as ledger:
        issued = _passes(ledger, key).issue(
            name=NAME, id_number=_id(), phone=PHONE, by=_manager(ledger))
    with Ledger.open(gate) as ledger, pytest.raises(PassRejected):  # not synced yet
        _passes(ledger, key).verify(issued.site_pass.payload)
    sync(office, office_dsn)
    sync(gate, gate_dsn)
    with Ledger.open(gate) as ledger:
        held = _passes(ledger, key).verify(issued.site_pass.payload)
        assert held.site_pass == issued.site_pass
    with Ledger.open(office) as ledger:
        _passes(ledger, key).revoke(_id(), "badge lost", by=_manager(ledger))
    sync(office, office_dsn)
    sync(gate, gate_dsn)
    with Ledger.open(gate) as ledger, pytest.raises(PassRejected) as refused:
        _passes(ledger, key).verify(issued.site_pass.payload)
    assert refused.value.problem is PassProblem.REVOKED


def test_an_account_made_at_the_office_signs_in_at_the_gate_and_the_newest_pin_wins(
    site,
) -> None:
    _hub, k = site
    (office, office_dsn), (gate, gate_dsn) = k["office"], k["gate-a"]
    with Ledger.open(office) as ledger:
        boss = _manager(ledger)
        accounts.create_account(ledger, username="li", role=accounts.Role.GATE_STAFF,
                                display_name="李四", pin="1357", now=START, by=boss)  # fmt: skip
    with Ledger.open(gate) as ledger, pytest.raises(LocalizedError):
        accounts.sign_in(ledger, "li", "1357", START)  # not synced: unknown here
    sync(office, office_dsn)
    sync(gate, gate_dsn)
    with Ledger.open(gate) as ledger:
        signed = accounts.sign_in(ledger, "li", "1357", START)
        assert signed.actor is not None and signed.actor.role is accounts.Role.GATE_STAFF
        later = START + timedelta(hours=1)
        accounts.change_pin(ledger, "li", "8642", later, by=signed.actor, old_pin="1357")
    sync(gate, gate_dsn)
    sync(office, office_dsn)
    with Ledger.open(office) as ledger:
        later = START + timedelta(hours=2)
        with pytest.raises(LocalizedError):
            accounts.sign_in(ledger, "li", "1357", later)
        assert accounts.sign_in(ledger, "li", "8642", later).actor is not None
        assert ledger.verify().ok


def test_a_purge_at_the_office_erases_on_the_hub_and_on_every_replica(site) -> None:
    hub_dsn, k = site
    (office, office_dsn), (gate, gate_dsn), (other, other_dsn) = k["office"], k["gate-a"], \
        k["gate-b"]  # fmt: skip
    key = SiteKey.generate("site-a")
    with Ledger.open(gate) as ledger:  # registered at a gate, long ago
        _passes(ledger, key).issue(name=NAME, id_number=_id(), phone=PHONE, by=_manager(ledger))
    for path, dsn in ((gate, gate_dsn), (office, office_dsn), (other, other_dsn)):
        sync(path, dsn)
    for path in (office, gate, other):
        assert NAME.encode() in path.read_bytes() or any(
            NAME in (r[0] or "") for r in rows(path, "SELECT personal FROM records"))
    later = START + timedelta(days=400)
    with Ledger.open(office) as ledger:
        result = purge(ledger, 30, later, by=_manager(ledger, later))
        assert result.records > 0
    sync(office, office_dsn)
    left = hub_rows(hub_dsn, "SELECT count(*) FROM gatekeeper.records WHERE personal IS NOT NULL "
                             "AND day < %s", result.cutoff)  # fmt: skip
    assert left == [(0,)]
    assert not hub_rows(hub_dsn, "SELECT 1 FROM gatekeeper.records WHERE personal LIKE %s",
                        f"%{NAME}%")  # fmt: skip
    for path, dsn in ((gate, gate_dsn), (other, other_dsn)):
        sync(path, dsn)
        assert not rows(path, "SELECT 1 FROM records WHERE personal LIKE ?", f"%{NAME}%")
        assert not rows(path, "SELECT 1 FROM people WHERE name = ?", NAME)
        with Ledger.open(path, readonly=True) as ledger:
            report = ledger.verify()
            assert report.ok, report.problem


def test_one_person_registered_at_two_kiosks_while_offline_is_one_person_after(site) -> None:
    _hub, k = site
    (a, a_dsn), (b, b_dsn) = k["gate-a"], k["gate-b"]
    key = SiteKey.generate("site-a")
    ids = {}
    for path, minutes in ((b, 5), (a, 0)):  # gate-a registers first, but syncs last
        with Ledger.open(path) as ledger:
            now = START + timedelta(minutes=minutes)
            issued = _passes(ledger, key, now).issue(
                name=NAME, id_number=_id(), phone=PHONE, by=_manager(ledger, now))
            ids[path] = issued.person.person_id
    assert ids[a] != ids[b]
    for path, dsn in ((b, b_dsn), (a, a_dsn), (b, b_dsn)):
        sync(path, dsn)
    found = set()
    for path in (a, b):
        with Ledger.open(path, readonly=True) as ledger:
            person = ledger.find_person("resident_id", _id())
            assert person is not None
            found.add(person.person_id)
    assert found == {ids[a]}  # the first registration, on every replica
