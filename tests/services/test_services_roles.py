"""Roles are checked in the services, not only by the console's widgets: every call that
records or reveals something takes the signed-in account's Actor, refuses a role that
may not (one bilingual line saying who may), refuses a bare name, and writes nothing
when it refuses. No Qt, no display; real ledgers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from services_support import Gate, actor, open_gate, registration, resident_id

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Channel, QuarantineDecision, Reason, RoundSlot, Zone
from gatekeeper.scanner import keys
from gatekeeper.services import accounts, exports, retention
from gatekeeper.services.accounts import Actor, Role
from gatekeeper.services.passes import PassService

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Site:
    gate: Gate
    passes: PassService
    out: Path
    person: str
    case: str
    passage: str
    people: dict[str, Actor]


@pytest.fixture
def site(tmp_path: Path) -> Site:
    gate = open_gate(tmp_path)
    people = {
        "boss": actor(gate.ledger, now=gate.clock.now()),
        "li": actor(gate.ledger, "li", Role.INSPECTOR, now=gate.clock.now()),
        "guard": actor(gate.ledger, "guard", Role.GATE_STAFF, now=gate.clock.now()),
    }
    s = gate.service.start_first_time(Channel.WORKER)
    finished = gate.service.finish(gate.admit(s, registration()))
    assert finished.person_id is not None
    case = gate.service.start_quarantine(finished.person_id, Reason.RISK_REGION)
    passes = PassService(gate.service, keys.load_or_create(tmp_path / "keys", "site-t"))
    passes.issue(name="张伟", id_number=resident_id(), by=people["boss"])
    out = tmp_path / "out"
    out.mkdir()
    return Site(gate, passes, out, finished.person_id, case.id, finished.passage.uuid, people)


def _export(site: Site, by: Any, *, full: bool) -> Any:
    return exports.export_day(
        site.gate.ledger, site.gate.service.today().isoformat(), "csv", site.out / "day.csv",
        lang="en", full=full, site="s", now=site.gate.service.now(),
        tz=site.gate.service.policy.tz, by=by,
    )  # fmt: skip


def _report(site: Site, by: Any) -> Any:
    today = site.gate.service.today()
    return exports.export_inspection_report(
        site.gate.ledger, today, today, site.out / "report.pdf",
        lambda _data, tmp: tmp.write_bytes(b"%PDF-1.4"), now=site.gate.service.now(), by=by,
    )  # fmt: skip


Call = Callable[[Site, Any], Any]
# (what, the call, who may besides nobody else)
GUARDED: list[tuple[str, Call, set[str]]] = [
    ("quarantine check", lambda s, by: s.gate.service.quarantine_check(s.case, 36.6, by=by),
     {"boss"}),
    ("quarantine release", lambda s, by: s.gate.service.release_quarantine(
        s.case, QuarantineDecision.RELEASED, "negative test", by), {"boss"}),
    ("round", lambda s, by: s.gate.service.record_round(
        RoundSlot.MORNING, [(s.person, 36.5)], by), {"boss"}),
    ("disinfection", lambda s, by: s.gate.service.record_disinfection(
        Zone.LIVING, RoundSlot.MORNING, by), {"boss"}),
    ("correction", lambda s, by: s.gate.service.correct(
        s.passage, {"role": "电工"}, "typo", by), {"boss"}),
    ("gate issue_pass", lambda s, by: s.gate.service.issue_pass(s.person, by=by), {"boss"}),
    ("pass issue", lambda s, by: s.passes.issue(
        name="李四", id_number="G12345678", phone="13900139000", by=by), {"boss"}),
    ("pass revoke", lambda s, by: s.passes.revoke(resident_id(), by=by), {"boss"}),
    ("purge", lambda s, by: retention.purge(
        s.gate.ledger, 1, s.gate.service.now(), by=by), {"boss"}),
    ("export masked", lambda s, by: _export(s, by, full=False), {"boss", "li"}),
    ("export full", lambda s, by: _export(s, by, full=True), {"li"}),
    ("inspection report", _report, {"boss", "li"}),
    ("account create", lambda s, by: accounts.create_account(
        s.gate.ledger, username="new.one", role=Role.GATE_STAFF, display_name="新人",
        pin="2468", now=s.gate.service.now(), by=by), {"boss"}),
    ("PIN reset", lambda s, by: accounts.reset_pin(
        s.gate.ledger, "guard", "8642", s.gate.service.now(), by), {"boss"}),
]  # fmt: skip
IDS = [what for what, _call, _who in GUARDED]


def _state(site: Site) -> tuple[list[tuple[str, str]], list[Any], list[str]]:
    ledger = site.gate.ledger
    return ([(r.uuid, r.hash) for r in ledger.records()], ledger.accounts(),
            sorted(p.name for p in site.out.iterdir()))  # fmt: skip


@pytest.mark.parametrize(("what", "call", "allowed"), GUARDED, ids=IDS)
def test_the_wrong_role_is_refused_and_nothing_is_written(
    site: Site, what: str, call: Call, allowed: set[str]
) -> None:
    for name in sorted({"boss", "li", "guard"} - allowed):
        before = _state(site)
        with pytest.raises(LocalizedError) as err:
            call(site, site.people[name])
        assert err.value.code == "not_allowed", what
        en, zh = err.value.message("en"), err.value.message("zh_CN")
        assert "\n" not in en and "\n" not in zh
        assert re.search(r"; only (a site manager|an inspector)( or an inspector)? may\.$", en)
        assert "无权执行此操作" in zh and "仅" in zh
        assert _state(site) == before, f"{what} by {name} wrote something"
        site.gate.ledger.checkpoint()


@pytest.mark.parametrize(("what", "call", "allowed"), GUARDED, ids=IDS)
def test_the_right_role_does_it_and_a_name_is_not_an_account(
    site: Site, what: str, call: Call, allowed: set[str]
) -> None:
    before = _state(site)
    # A masked export is the one call the machine's own command line may make without
    # an account (by=None, as `stats`); a bare name is never an account.
    for bare in ("boss",) if what == "export masked" else ("boss", None):
        with pytest.raises(TypeError):
            call(site, bare)
    assert _state(site) == before
    call(site, site.people[sorted(allowed)[0]])  # no error: the role may


def test_the_recorded_by_is_the_signed_in_username(site: Site) -> None:
    boss = site.people["boss"]
    record = site.gate.service.release_quarantine(
        site.case, QuarantineDecision.RELEASED, "negative test", boss)
    assert record.body["by"] == "boss"
    result = _export(site, site.people["li"], full=True)
    assert result.record.body["by"] == "li" and result.record.body["full"] is True


def test_an_actor_comes_only_from_a_sign_in(site: Site) -> None:
    with pytest.raises(TypeError):
        Actor("boss", Role.SITE_MANAGER)
    with pytest.raises(TypeError):
        Actor("boss", Role.SITE_MANAGER, object())
    listed = accounts.list_accounts(site.gate.ledger)
    assert listed and all(a.actor is None for a in listed)  # listing proves nothing
    with pytest.raises(LocalizedError):
        accounts.sign_in(site.gate.ledger, "boss", "000000", site.gate.service.now())
    signed = accounts.sign_in(site.gate.ledger, "li", "246810", site.gate.service.now())
    assert signed.actor is not None
    assert (signed.actor.username, signed.actor.role) == ("li", Role.INSPECTOR)


def test_the_kiosk_still_screens_without_an_account(tmp_path: Path) -> None:
    """The gate itself runs as gate staff: GateService(ledger, policy, clock, staff=...)
    finishes screenings as before, naming its staff id."""
    gate = open_gate(tmp_path)
    try:
        s = gate.service.start_first_time(Channel.WORKER)
        finished = gate.service.finish(gate.admit(s, registration(today=date(2020, 3, 2))))
        assert finished.passage.body["staff"] == gate.service.staff == "gate"
    finally:
        gate.ledger.close()


def test_only_the_simulation_makes_up_staff() -> None:
    """`simulation_actor` bypasses the PIN: nothing but the simulation may call it."""
    users = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "gatekeeper").rglob("*.py")
        if "simulation_actor" in path.read_text(encoding="utf-8")
    )
    assert users == ["gatekeeper/services/accounts.py", "gatekeeper/simulation/traffic.py"]
