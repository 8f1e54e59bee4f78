"""Sign-in hardening: a lockout that grows and survives restarts (accounts and the kiosk
exit PIN), longer PINs for site managers and inspectors, a costlier scrypt with old
hashes still verifying, and the same answer for an unknown username as for a wrong PIN.

Real ledgers and real PIN files in tmp_path; a restart is closing the ledger (or
dropping the KioskPin object) and opening the same file again. Timing equality is
checked by structure: the unknown-username path runs the same scrypt, at the same
cost, as a wrong PIN does.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from manager_support import NOW

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger
from gatekeeper.services import accounts as acc
from gatekeeper.services import kiosk_pin as kp
from gatekeeper.services.accounts import Role
from gatekeeper.services.kiosk_pin import LOCKOUT, MAX_FAILURES, KioskPin

PIN = "246810"
WRONG = "000000"


def _boss(ledger: Ledger) -> acc.Actor:
    made = acc.create_first_manager(ledger, username="boss", display_name="王经理", pin=PIN,
                                    now=NOW)  # fmt: skip
    assert made.actor is not None
    return made.actor


def _lock_until(ledger: Ledger, username: str) -> object:
    row = ledger.get_account(username)
    assert row is not None and row.locked_until is not None
    return row.locked_until


def _fail_a_round(path: Path, start: object, username: str = "boss") -> None:
    """MAX_FAILURES wrong PINs from `start`, one per second, on a freshly opened ledger
    (a restart before each round)."""
    with Ledger.open(path) as ledger:
        for i in range(MAX_FAILURES):
            with pytest.raises(LocalizedError) as err:
                acc.sign_in(ledger, username, WRONG, start + timedelta(seconds=i))  # type: ignore[operator]
        assert err.value.code == "account_locked"


# --- 1. the lockout grows, survives a reopen, and a right PIN resets it ----------------


def test_lockout_doubles_each_round_across_reopens_and_a_right_pin_resets_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        _boss(ledger)
    start = NOW
    for expected in (LOCKOUT, 2 * LOCKOUT, 4 * LOCKOUT):
        _fail_a_round(path, start)
        last = start + timedelta(seconds=MAX_FAILURES - 1)
        with Ledger.open(path) as ledger:  # the app restarted: still locked, as long
            assert _lock_until(ledger, "boss") == (last + expected).isoformat()
            with pytest.raises(LocalizedError) as err:  # even the right PIN, just before
                acc.sign_in(ledger, "boss", PIN, last + expected - timedelta(seconds=1))
            assert err.value.code == "account_locked"
        start = last + expected
    with Ledger.open(path) as ledger:  # a right PIN after the third lockout: a clean slate
        assert acc.sign_in(ledger, "boss", PIN, start).username == "boss"
        row = ledger.get_account("boss")
        assert row is not None and row.failures == 0 and row.locked_until is None
    _fail_a_round(path, start)
    with Ledger.open(path) as ledger:
        assert _lock_until(ledger, "boss") == (
            start + timedelta(seconds=MAX_FAILURES - 1) + LOCKOUT).isoformat()


def test_lockout_is_capped(tmp_path: Path) -> None:
    assert [kp.lockout_for(r) for r in (1, 2, 3)] == [LOCKOUT, 2 * LOCKOUT, 4 * LOCKOUT]
    assert kp.lockout_for(10) == kp.lockout_for(400) == kp.MAX_LOCKOUT == timedelta(hours=24)
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        _boss(ledger)
        # nine rounds behind it (their lockouts over): the count is what the row keeps
        ledger.update_account("boss", {"failures": 9 * MAX_FAILURES})
    _fail_a_round(path, NOW)  # the tenth: 5 min * 2**9 would be 42 h; 24 h it is
    last = NOW + timedelta(seconds=MAX_FAILURES - 1)
    with Ledger.open(path) as ledger:
        assert _lock_until(ledger, "boss") == (last + kp.MAX_LOCKOUT).isoformat()
        with pytest.raises(LocalizedError):
            acc.sign_in(ledger, "boss", PIN, last + kp.MAX_LOCKOUT - timedelta(seconds=1))
        assert acc.sign_in(ledger, "boss", PIN, last + kp.MAX_LOCKOUT).username == "boss"


def test_a_clock_set_back_cannot_stretch_a_grown_lockout_beyond_its_round(
    tmp_path: Path,
) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        _boss(ledger)
    _fail_a_round(path, NOW)
    second = NOW + timedelta(seconds=MAX_FAILURES - 1) + LOCKOUT
    _fail_a_round(path, second)  # locked for 2 * LOCKOUT
    back = NOW - timedelta(days=1)
    with Ledger.open(path) as ledger:
        with pytest.raises(LocalizedError) as err:
            acc.sign_in(ledger, "boss", PIN, back)
        assert err.value.code == "account_locked"
        assert _lock_until(ledger, "boss") == (back + 2 * LOCKOUT).isoformat()
        assert acc.sign_in(ledger, "boss", PIN, back + 2 * LOCKOUT).username == "boss"


def test_a_lock_written_before_the_rounds_existed_still_ends(tmp_path: Path) -> None:
    """The old rule reset the count to 0 when it locked: such a row is in its first round."""
    with Ledger.open(tmp_path / "l.db") as ledger:
        _boss(ledger)
        ledger.update_account("boss", {"failures": 0,
                                       "locked_until": (NOW + LOCKOUT).isoformat()})  # fmt: skip
        with pytest.raises(LocalizedError):
            acc.sign_in(ledger, "boss", PIN, NOW - timedelta(hours=5))  # clock set back
        assert _lock_until(ledger, "boss") == (NOW - timedelta(hours=5) + LOCKOUT).isoformat()
        assert acc.sign_in(ledger, "boss", PIN, NOW - timedelta(hours=5) + LOCKOUT).username


def test_a_pin_reset_ends_a_grown_lockout(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        boss = _boss(ledger)
        acc.create_account(ledger, username="guard", role=Role.GATE_STAFF, display_name="李",
                           pin="1357", now=NOW, by=boss)  # fmt: skip
    _fail_a_round(path, NOW, "guard")
    _fail_a_round(path, NOW + timedelta(hours=1), "guard")
    with Ledger.open(path) as ledger:
        boss = acc.sign_in(ledger, "boss", PIN, NOW + timedelta(hours=2)).actor
        assert boss is not None
        acc.reset_pin(ledger, "guard", "2468", NOW + timedelta(hours=2), boss)
        row = ledger.get_account("guard")
        assert row is not None and row.failures == 0 and row.locked_until is None
    _fail_a_round(path, NOW + timedelta(hours=3), "guard")
    with Ledger.open(path) as ledger:  # a first round again
        assert _lock_until(ledger, "guard") == (
            NOW + timedelta(hours=3, seconds=MAX_FAILURES - 1) + LOCKOUT).isoformat()


# --- 1b. the kiosk exit PIN: the same growing lockout, in its file -------------------


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    path = tmp_path / "config" / "kiosk-pin.json"
    KioskPin(path).set("482913")
    return path


def _kiosk_round(path: Path, start: object) -> object:
    pin = KioskPin(path)  # a restart: a new object on the same file
    for i in range(MAX_FAILURES):
        assert not pin.check("0000", start + timedelta(seconds=i))  # type: ignore[operator]
    return start + timedelta(seconds=MAX_FAILURES - 1)  # type: ignore[operator]


def test_kiosk_pin_lockout_doubles_across_restarts_and_a_right_pin_resets_it(
    pin_file: Path,
) -> None:
    start = NOW
    for expected in (LOCKOUT, 2 * LOCKOUT, 4 * LOCKOUT):
        last = _kiosk_round(pin_file, start)
        again = KioskPin(pin_file)
        assert again.locked_until == last + expected  # type: ignore[operator]
        assert not again.check("482913", last + expected - timedelta(seconds=1))  # type: ignore[operator]
        start = last + expected  # type: ignore[operator]
    assert KioskPin(pin_file).check("482913", start)
    last = _kiosk_round(pin_file, start)
    assert KioskPin(pin_file).locked_until == last + LOCKOUT  # type: ignore[operator]


def test_kiosk_pin_clock_set_back_is_capped_at_the_rounds_lockout(pin_file: Path) -> None:
    last = _kiosk_round(pin_file, NOW)
    _kiosk_round(pin_file, last + LOCKOUT)  # type: ignore[operator]
    back = NOW - timedelta(days=1)
    pin = KioskPin(pin_file)
    assert not pin.check("482913", back)
    assert pin.locked_until == back + 2 * LOCKOUT
    assert pin.check("482913", back + 2 * LOCKOUT)


# --- 2. six digits for site managers and inspectors -----------------------------------


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "l.db") as led:
        yield led


def _one_line(err: LocalizedError) -> None:
    for lang in ("en", "zh_CN"):
        text = err.message(lang)
        assert text and "\n" not in text
    assert "6" in err.message("en") and "位" in err.message("zh_CN")


def test_managers_and_inspectors_need_six_digits_staff_four(ledger: Ledger) -> None:
    assert acc.MIN_DIGITS_FOR_ROLE == {Role.GATE_STAFF: 4, Role.SITE_MANAGER: 6,
                                       Role.INSPECTOR: 6}  # fmt: skip
    with pytest.raises(LocalizedError) as err:
        acc.create_first_manager(ledger, username="boss", display_name="王", pin="12345",
                                 now=NOW)  # fmt: skip
    assert err.value.code == "pin_too_short"
    _one_line(err.value)
    assert "site manager" in err.value.message("en") and "项目负责人" in err.value.message("zh_CN")
    assert ledger.accounts() == [] and ledger.head().records == 0  # nothing written
    boss = _boss(ledger)
    with pytest.raises(LocalizedError) as err:
        acc.create_account(ledger, username="li", role=Role.INSPECTOR, display_name="李",
                           pin="13579", now=NOW, by=boss)  # fmt: skip
    assert err.value.code == "pin_too_short" and "inspector" in err.value.message("en")
    acc.create_account(ledger, username="li", role=Role.INSPECTOR, display_name="李",
                       pin="135790", now=NOW, by=boss)  # fmt: skip
    acc.create_account(ledger, username="guard", role=Role.GATE_STAFF, display_name="王",
                       pin="1357", now=NOW, by=boss)  # fmt: skip
    assert acc.sign_in(ledger, "guard", "1357", NOW).username == "guard"


def test_pin_change_and_reset_refuse_a_short_pin_for_the_role(ledger: Ledger) -> None:
    boss = _boss(ledger)
    acc.create_account(ledger, username="li", role=Role.INSPECTOR, display_name="李",
                       pin="135790", now=NOW, by=boss)  # fmt: skip
    before = ledger.head().records
    with pytest.raises(LocalizedError) as err:
        acc.reset_pin(ledger, "li", "1234", NOW, boss)
    assert err.value.code == "pin_too_short"
    _one_line(err.value)
    with pytest.raises(LocalizedError) as err:
        acc.change_pin(ledger, "boss", "2468", NOW, by=boss, old_pin=PIN)
    assert err.value.code == "pin_too_short"
    assert ledger.head().records == before  # no PIN change, not even a sign-in, recorded
    assert acc.sign_in(ledger, "li", "135790", NOW).username == "li"
    acc.reset_pin(ledger, "li", "97531864", NOW, boss)
    assert acc.sign_in(ledger, "li", "97531864", NOW).username == "li"


def _old_account(ledger: Ledger, username: str, role: Role, pin: str, n: int = 2**14) -> None:
    """An account made by an earlier version: a short PIN, hashed at the old cost."""
    salt = secrets.token_bytes(16)
    body = acc.schema.AccountBody(username=username, role=role.value, display_name=username,
                                  by="boss")  # fmt: skip
    record = body.record(at=NOW, day=NOW.date().isoformat())
    ledger.create_account(record, username=username, role=role.value, display_name=username,
                          pin_hash=acc._hash(pin, salt, n=n), salt=salt)  # fmt: skip


def test_an_existing_short_pin_keeps_working_and_is_flagged(ledger: Ledger) -> None:
    _boss(ledger)
    _old_account(ledger, "old", Role.SITE_MANAGER, "1234")
    listed = {a.username: a for a in acc.list_accounts(ledger)}
    assert listed["old"].pin_to_change and not listed["boss"].pin_to_change
    signed = acc.sign_in(ledger, "old", "1234", NOW)
    assert signed.username == "old" and signed.pin_to_change
    assert not acc.sign_in(ledger, "boss", PIN, NOW).pin_to_change
    assert {a.username for a in acc.list_accounts(ledger) if a.pin_to_change} == {"old"}
    assert acc.sign_in(ledger, "old", "1234", NOW).username == "old"  # still works


# --- 3. a costlier scrypt; old hashes still verify (and are upgraded) ------------------


def _params(pin_hash: str) -> tuple[int, int, int]:
    kdf, n, r, p, _digest = pin_hash.split("$")
    assert kdf == "scrypt"
    return int(n), int(r), int(p)


def test_new_hashes_use_the_raised_cost_and_old_ones_verify_and_upgrade(ledger: Ledger) -> None:
    assert kp.SCRYPT_N >= 2**16
    _boss(ledger)
    row = ledger.get_account("boss")
    assert row is not None and _params(row.pin_hash) == (kp.SCRYPT_N, kp.SCRYPT_R, kp.SCRYPT_P)
    _old_account(ledger, "old", Role.INSPECTOR, "135790")
    old = ledger.get_account("old")
    assert old is not None and _params(old.pin_hash)[0] == 2**14
    with pytest.raises(LocalizedError):
        acc.sign_in(ledger, "old", "135791", NOW)
    assert ledger.get_account("old") is not None
    assert acc.sign_in(ledger, "old", "135790", NOW).username == "old"
    upgraded = ledger.get_account("old")
    assert upgraded is not None and _params(upgraded.pin_hash)[0] == kp.SCRYPT_N
    assert upgraded.salt != old.salt
    assert acc.sign_in(ledger, "old", "135790", NOW).username == "old"
    assert ledger.verify().ok


def test_the_kiosk_pin_file_uses_the_raised_cost_and_an_old_file_still_verifies(
    tmp_path: Path,
) -> None:
    import json

    path = tmp_path / "kiosk-pin.json"
    assert kp.SCRYPT_N >= 2**16
    KioskPin(path).set("482913")
    assert json.loads(path.read_text())["n"] == kp.SCRYPT_N
    salt = secrets.token_bytes(16)
    old = {"format": 1, "kdf": "scrypt", "n": 2**14, "r": 8, "p": 1, "salt": salt.hex(),
           "hash": kp._hash("4829", salt, 2**14, 8, 1).hex(), "failures": 0,
           "locked_until": None}  # fmt: skip
    path.write_text(json.dumps(old))
    assert KioskPin(path).check("4829", NOW) and not KioskPin(path).check("4828", NOW)


# --- 4. the same answer for an unknown username as for a wrong PIN --------------------


def test_unknown_username_and_wrong_pin_answer_alike(ledger: Ledger) -> None:
    _boss(ledger)
    answers = []
    for username in ("boss", "nobody"):
        with pytest.raises(LocalizedError) as err:
            acc.sign_in(ledger, username, WRONG, NOW)
        answers.append((err.value.code, err.value.params, err.value.message("en"),
                        err.value.message("zh_CN")))  # fmt: skip
    assert answers[0] == answers[1]
    assert "nobody" not in answers[1][2] and "nobody" not in answers[1][3]
    results = [(r.body["username"], r.body["result"]) for r in ledger.records(kind="sign_in")]
    assert results == [("boss", "wrong_pin"), (None, "unknown_account")]  # the record rule


def test_an_unknown_username_costs_the_same_scrypt_as_a_wrong_pin(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dummy hash path runs: one scrypt at the current cost, as for a real account."""
    _boss(ledger)
    seen: list[tuple[int, int, int]] = []
    real = acc._matches

    def counting(pin: str, salt: bytes, stored: str) -> bool:
        seen.append(_params(stored))
        return real(pin, salt, stored)

    monkeypatch.setattr(acc, "_matches", counting)
    for username in ("boss", "nobody", "246810"):
        with pytest.raises(LocalizedError):
            acc.sign_in(ledger, username, WRONG, NOW)
    current = (kp.SCRYPT_N, kp.SCRYPT_R, kp.SCRYPT_P)
    assert seen == [current, current, current]
