"""Accounts: PIN hashes outside the chain, lockout, every sign-in recorded, permissions."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from manager_support import NOW

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import AccountExistsError, Ledger
from gatekeeper.services import accounts as acc
from gatekeeper.services.accounts import Action, Role, can


@pytest.fixture
def ledger(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Ledger.open(tmp_path / "l.db") as led:
        yield led


def _manager(ledger: Ledger) -> acc.Actor:
    made = acc.create_first_manager(
        ledger, username="boss", display_name="王经理", pin="246810", now=NOW
    )
    assert made.actor is not None  # the first start signs its manager in
    return made.actor


def test_first_start_creates_the_manager(ledger: Ledger) -> None:
    assert acc.needs_first_manager(ledger)
    with pytest.raises(TypeError):  # a name is not an account: nobody signed in
        acc.create_account(ledger, username="guard", role=Role.GATE_STAFF, display_name="李",
                           pin="1234", now=NOW, by=acc.CLI_ACTOR)  # type: ignore[arg-type]
    assert ledger.head().records == 0
    boss = _manager(ledger)
    assert boss.role is Role.SITE_MANAGER and not acc.needs_first_manager(ledger)
    with pytest.raises(LocalizedError):
        _manager(ledger)
    record = next(ledger.records(kind="account"))
    assert record.body == {"username": "boss", "role": "site_manager",
                           "display_name": "王经理", "by": "first_start"}  # fmt: skip


def test_pin_hash_is_not_in_the_chain(ledger: Ledger) -> None:
    _manager(ledger)
    row = ledger.get_account("boss")
    assert row is not None and row.pin_hash.startswith("scrypt$") and len(row.salt) == 16
    secret = row.pin_hash.split("$")[-1]
    for record in ledger.records():
        assert secret not in str(record.body) and "246810" not in str(record.body)
    assert ledger.verify().ok


def test_sign_in_lockout_and_records(ledger: Ledger) -> None:
    _manager(ledger)
    assert acc.sign_in(ledger, "boss", "246810", NOW).role is Role.SITE_MANAGER
    for i in range(4):
        with pytest.raises(LocalizedError) as err:
            acc.sign_in(ledger, "boss", "000000", NOW + timedelta(seconds=i))
        assert err.value.code == "wrong_pin"
    with pytest.raises(LocalizedError) as err:
        acc.sign_in(ledger, "boss", "000000", NOW + timedelta(seconds=5))
    assert err.value.code == "account_locked"
    with pytest.raises(LocalizedError) as err:  # locked: even the right PIN
        acc.sign_in(ledger, "boss", "246810", NOW + timedelta(minutes=4))
    assert err.value.code == "account_locked"
    assert acc.sign_in(ledger, "boss", "246810", NOW + timedelta(minutes=6)).username == "boss"
    with pytest.raises(LocalizedError) as err:
        acc.sign_in(ledger, "246810", "246810", NOW)  # a PIN typed as the username
    assert err.value.code == "wrong_pin"  # the same answer as a wrong PIN
    results = [(r.body["username"], r.body["result"], r.outcome)
               for r in ledger.records(kind="sign_in")]  # fmt: skip
    assert results[0] == ("boss", "ok", "success")
    assert [r for _, r, _ in results[1:6]] == ["wrong_pin"] * 5
    assert results[6] == ("boss", "locked", "failure")
    assert results[7] == ("boss", "ok", "success")
    assert results[8] == (None, "unknown_account", "failure")  # the typed name is not kept
    assert all("246810" not in str(r.body) for r in ledger.records())


def test_change_pin_and_accounts(ledger: Ledger) -> None:
    boss = _manager(ledger)
    acc.create_account(ledger, username="guard1", role="gate_staff", display_name="李四",
                       pin="1234", now=NOW, by=boss)  # fmt: skip
    guard = acc.sign_in(ledger, "guard1", "1234", NOW).actor
    assert guard is not None and guard.role is Role.GATE_STAFF
    with pytest.raises(LocalizedError) as err:  # staff may not manage accounts
        acc.create_account(ledger, username="x2", role="inspector", display_name="x", pin="1234",
                           now=NOW, by=guard)  # fmt: skip
    assert err.value.code == "not_allowed"
    with pytest.raises(AccountExistsError):
        acc.create_account(ledger, username="guard1", role="gate_staff", display_name="x",
                           pin="1234", now=NOW, by=boss)  # fmt: skip
    acc.change_pin(ledger, "guard1", "5678", NOW, by=boss)
    with pytest.raises(LocalizedError):
        acc.sign_in(ledger, "guard1", "1234", NOW)
    assert acc.sign_in(ledger, "guard1", "5678", NOW).username == "guard1"
    acc.change_pin(ledger, "guard1", "9999", NOW, by=guard, old_pin="5678")
    assert acc.sign_in(ledger, "guard1", "9999", NOW).username == "guard1"
    assert [a.username for a in acc.list_accounts(ledger)] == ["boss", "guard1"]
    assert ledger.count(kind="pin_changed") == 2
    for bad in ("A", "has space", "x" * 40):
        with pytest.raises(LocalizedError):
            acc.validate_username(bad)


def test_permissions() -> None:
    assert can(Role.GATE_STAFF, Action.RUN_GATE)
    assert not can(Role.GATE_STAFF, Action.EXPORT) and not can(Role.GATE_STAFF, Action.POLICY)
    for action in ("dashboard", "export", "policy", "accounts", "passes", "rounds",
                   "quarantine_release"):  # fmt: skip
        assert can(Role.SITE_MANAGER, action)
    writes = {Action.RUN_GATE, Action.POLICY, Action.ACCOUNTS, Action.PASSES, Action.ROUNDS,
              Action.QUARANTINE_RELEASE, Action.CORRECTION, Action.PURGE,
              Action.BACKUP, Action.MANUAL_CHECK}  # fmt: skip
    assert not any(can(Role.INSPECTOR, a) for a in writes)
    # a code the kiosk could not read is decided by a site manager, not by gate staff
    assert can(Role.SITE_MANAGER, Action.MANUAL_CHECK)
    assert not can(Role.GATE_STAFF, Action.MANUAL_CHECK)
    for action in (Action.DASHBOARD, Action.REVIEW, Action.VERIFY, Action.EXPORT,
                   Action.EXPORT_FULL, Action.INSPECTION_REPORT):  # fmt: skip
        assert can(Role.INSPECTOR, action)
    assert not can(Role.SITE_MANAGER, Action.EXPORT_FULL)
    assert not can("nobody", Action.RUN_GATE) and not can(Role.INSPECTOR, "fly")
    with pytest.raises(LocalizedError) as err:
        acc.require(Role.GATE_STAFF, Action.EXPORT)
    assert "gate staff" in err.value.message("en").lower()
    assert "门岗人员" in err.value.message("zh_CN")
    # the refusal says who may do it instead, in both languages
    assert "only a site manager or an inspector may" in err.value.message("en")
    assert "仅项目负责人或督导检查人员可以" in err.value.message("zh_CN")


def test_reset_pin_clears_a_lockout_and_is_recorded(ledger: Ledger) -> None:
    boss = _manager(ledger)
    acc.create_account(ledger, username="guard1", role=Role.GATE_STAFF, display_name="李",
                       pin="1234", now=NOW, by=boss)  # fmt: skip
    for _ in range(5):
        with pytest.raises(LocalizedError):
            acc.sign_in(ledger, "guard1", "0000", NOW)
    assert acc.list_accounts(ledger)[-1].locked_until is not None
    # only a manager resets, and not their own PIN; the PIN is validated
    acc.create_account(ledger, username="guard2", role=Role.GATE_STAFF, display_name="王",
                       pin="1234", now=NOW, by=boss)  # fmt: skip
    guard = acc.sign_in(ledger, "guard2", "1234", NOW).actor
    assert guard is not None
    for by, code in ((guard, "not_allowed"), (boss, "own_pin_reset")):
        with pytest.raises(LocalizedError) as err:
            acc.reset_pin(ledger, "boss" if by is boss else "guard1", "5678", NOW, by)
        assert err.value.code == code
    with pytest.raises(LocalizedError):
        acc.reset_pin(ledger, "guard1", "12", NOW, boss)
    with pytest.raises(LocalizedError) as err:
        acc.reset_pin(ledger, "nobody", "5678", NOW, boss)
    assert err.value.code == "unknown_account"
    record = acc.reset_pin(ledger, "guard1", "5678", NOW + timedelta(minutes=1), boss)
    assert record.kind == "pin_changed" and record.body == {"username": "guard1", "by": "boss"}
    assert "5678" not in str(record.body)
    (row,) = [a for a in acc.list_accounts(ledger) if a.username == "guard1"]
    assert row.locked_until is None
    assert acc.sign_in(ledger, "guard1", "5678", NOW + timedelta(minutes=1)).username == "guard1"


def test_a_refusal_names_a_role_it_does_not_know_as_it_stands() -> None:
    """A role this version does not know (a newer GateKeeper's) is refused by name, braces
    and all: the refusal is its catalogue text filled once (the text was filled, then
    filled again when the error was made, and "{x}" raised KeyError instead)."""
    with pytest.raises(LocalizedError) as err:
        acc.require("{x}", Action.REVIEW)
    assert err.value.code == "not_allowed"
    assert err.value.message("en").startswith("{x} may not ")
    assert err.value.message("zh_CN").startswith("{x}")
