"""Account rules that no other test pinned (found by tests/mutation, see docs/mutation.md).

Real ledgers in tmp_path, real sign-ins: the first account of a ledger is a site
manager whoever makes it, a clock set back cannot stretch a lockout, and only a site
manager sets someone else's PIN.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from manager_support import NOW

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger
from gatekeeper.services import accounts as acc
from gatekeeper.services.accounts import Role

PIN = "246810"


def _boss(ledger: Ledger) -> acc.Actor:
    made = acc.create_first_manager(ledger, username="boss", display_name="王经理", pin=PIN,
                                    now=NOW)  # fmt: skip
    assert made.actor is not None
    return made.actor


def _signed_in(ledger: Ledger, username: str, role: Role, boss: acc.Actor) -> acc.Actor:
    acc.create_account(ledger, username=username, role=role, display_name=username, pin=PIN,
                       now=NOW, by=boss)  # fmt: skip
    actor = acc.sign_in(ledger, username, PIN, NOW).actor
    assert actor is not None
    return actor


def test_the_first_account_of_a_ledger_is_a_manager_even_for_a_manager_of_another(
    tmp_path: Path,
) -> None:
    """An Actor does not say which ledger it signed in on, so the rule holds where the
    account is written: an empty ledger gets no gate-staff account before its manager."""
    with Ledger.open(tmp_path / "a.db") as first, Ledger.open(tmp_path / "b.db") as empty:
        boss = _boss(first)
        with pytest.raises(LocalizedError) as err:
            acc.create_account(empty, username="guard", role=Role.GATE_STAFF,
                               display_name="李", pin="1234", now=NOW, by=boss)  # fmt: skip
        assert err.value.code == "first_must_be_manager"
        assert empty.accounts() == [] and empty.head().records == 0
        assert acc.needs_first_manager(empty)


def test_a_clock_set_back_cannot_stretch_a_lockout(tmp_path: Path) -> None:
    """Locked at NOW (until NOW + 5 min); the clock then reads an hour earlier. The
    lockout lasts at most LOCKOUT from the first attempt seen at the new time, not 65
    minutes."""
    with Ledger.open(tmp_path / "l.db") as ledger:
        _boss(ledger)
        for i in range(acc.MAX_FAILURES):
            with pytest.raises(LocalizedError):
                acc.sign_in(ledger, "boss", "000000", NOW + timedelta(seconds=i))
        row = ledger.get_account("boss")
        assert row is not None and row.locked_until is not None
        back = NOW - timedelta(hours=1)
        with pytest.raises(LocalizedError) as err:  # still locked, now until back + LOCKOUT
            acc.sign_in(ledger, "boss", PIN, back)
        assert err.value.code == "account_locked"
        with pytest.raises(LocalizedError) as err:
            acc.sign_in(ledger, "boss", PIN, back + acc.LOCKOUT - timedelta(seconds=1))
        assert err.value.code == "account_locked"
        later = back + acc.LOCKOUT + timedelta(minutes=1)  # still 54 minutes before NOW
        assert acc.sign_in(ledger, "boss", PIN, later).username == "boss"


@pytest.mark.parametrize("role", [Role.GATE_STAFF, Role.INSPECTOR])
def test_only_a_site_manager_sets_someone_elses_pin(tmp_path: Path, role: Role) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        boss = _boss(ledger)
        other = _signed_in(ledger, "someone", role, boss)
        before = ledger.head().records
        with pytest.raises(LocalizedError) as err:
            acc.change_pin(ledger, "boss", "999999", NOW, by=other)
        assert err.value.code == "not_allowed"
        assert ledger.head().records == before  # no pin_changed record
        assert not list(ledger.records(kind="pin_changed"))
        assert acc.sign_in(ledger, "boss", PIN, NOW).username == "boss"  # the old PIN holds
        with pytest.raises(LocalizedError):
            acc.sign_in(ledger, "boss", "999999", NOW + timedelta(seconds=1))
        # The manager may set theirs (the way out of a forgotten PIN).
        acc.change_pin(ledger, "someone", "135790", NOW, by=boss)
        assert acc.sign_in(ledger, "someone", "135790", NOW).username == "someone"
