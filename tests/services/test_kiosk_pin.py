"""The kiosk PIN: a salted slow hash on disk, refused bad PINs, lockout that survives restarts."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.services import locations
from gatekeeper.services.kiosk_pin import LOCKOUT, MAX_FAILURES, SCRYPT_N, KioskPin

T0 = datetime(2020, 3, 2, 8, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def pin_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "kiosk-pin.json"


@pytest.fixture
def kiosk_pin(pin_file: Path) -> KioskPin:
    pin = KioskPin(pin_file)
    pin.set("482913")
    return pin


def test_stores_a_salted_hash_not_the_pin(kiosk_pin: KioskPin, pin_file: Path) -> None:
    raw = pin_file.read_text()
    assert "482913" not in raw
    state = json.loads(raw)
    assert state["kdf"] == "scrypt"
    assert (state["n"], state["r"], state["p"]) == (SCRYPT_N, 8, 1) and SCRYPT_N >= 2**16
    assert len(bytes.fromhex(state["salt"])) == 16
    assert stat.S_IMODE(pin_file.stat().st_mode) == 0o600
    # The same PIN set again gets a new salt, so a new hash.
    kiosk_pin.set("482913")
    again = json.loads(pin_file.read_text())
    assert again["salt"] != state["salt"] and again["hash"] != state["hash"]
    assert not list(pin_file.parent.glob(".*.tmp"))


def test_check(kiosk_pin: KioskPin) -> None:
    assert kiosk_pin.is_set()
    assert kiosk_pin.check("482913", T0)
    assert not kiosk_pin.check("482914", T0)
    assert not kiosk_pin.check("", T0)
    assert not kiosk_pin.check("48291３", T0)  # a full-width digit is not the digit
    assert kiosk_pin.check("482913", T0)
    assert kiosk_pin.tries_left(T0) == MAX_FAILURES


def test_not_set(pin_file: Path) -> None:
    pin = KioskPin(pin_file)
    assert not pin.is_set()
    assert pin.locked_until is None
    with pytest.raises(LocalizedError) as info:
        pin.check("1234", T0)
    assert info.value.code == "kiosk_pin_not_set"
    assert "set-pin" in info.value.message("zh_CN")


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("123", "kiosk_pin_length"),
        ("1234567890123", "kiosk_pin_length"),
        ("", "kiosk_pin_not_digits"),
        ("12a4", "kiosk_pin_not_digits"),
        ("12 34", "kiosk_pin_not_digits"),
        ("１２３４", "kiosk_pin_not_digits"),  # full-width digits
        ("-1234", "kiosk_pin_not_digits"),
    ],
)
def test_bad_pins_are_refused_in_both_languages(pin_file: Path, bad: str, code: str) -> None:
    pin = KioskPin(pin_file)
    with pytest.raises(LocalizedError) as info:
        pin.set(bad)
    assert info.value.code == code
    assert "4" in info.value.message("en") and "12" in info.value.message("en")
    assert "PIN" in info.value.message("zh_CN") and "位" in info.value.message("zh_CN")
    assert not pin.is_set()  # nothing written


def test_lockout_after_five_failures_and_its_expiry(kiosk_pin: KioskPin) -> None:
    for i in range(MAX_FAILURES - 1):
        assert not kiosk_pin.check("0000", T0 + timedelta(seconds=i))
        assert kiosk_pin.tries_left(T0) == MAX_FAILURES - 1 - i
    assert kiosk_pin.locked_until is None
    fifth = T0 + timedelta(seconds=10)
    assert not kiosk_pin.check("0000", fifth)
    assert kiosk_pin.locked_until == fifth + LOCKOUT
    assert kiosk_pin.is_locked(fifth)
    assert kiosk_pin.tries_left(fifth) == 0
    # Locked: even the right PIN is refused, and the lockout is not extended.
    assert not kiosk_pin.check("482913", fifth + LOCKOUT - timedelta(seconds=1))
    assert kiosk_pin.locked_until == fifth + LOCKOUT
    # A restart (a new object on the same file) is still locked.
    assert KioskPin(kiosk_pin.path).is_locked(fifth + timedelta(minutes=1))
    # After the lockout, the right PIN works and the slate is clean.
    assert kiosk_pin.check("482913", fifth + LOCKOUT)
    assert kiosk_pin.locked_until is None
    assert kiosk_pin.tries_left(fifth + LOCKOUT) == MAX_FAILURES


def test_after_a_lockout_a_fresh_set_of_tries_not_an_endless_one(kiosk_pin: KioskPin) -> None:
    for _ in range(MAX_FAILURES):
        kiosk_pin.check("0000", T0)
    later = T0 + LOCKOUT
    for _ in range(MAX_FAILURES):
        assert not kiosk_pin.check("0000", later)
    assert kiosk_pin.locked_until == later + 2 * LOCKOUT  # the second round: doubled


def test_a_right_pin_resets_the_count(kiosk_pin: KioskPin) -> None:
    for _ in range(MAX_FAILURES - 1):
        kiosk_pin.check("0000", T0)
    assert kiosk_pin.check("482913", T0)
    for _ in range(MAX_FAILURES - 1):
        kiosk_pin.check("0000", T0)
    assert not kiosk_pin.is_locked(T0)


def test_clock_set_back_does_not_lock_for_ever(kiosk_pin: KioskPin) -> None:
    for _ in range(MAX_FAILURES):
        kiosk_pin.check("0000", T0)
    back = T0 - timedelta(days=1)
    assert not kiosk_pin.check("482913", back)
    assert kiosk_pin.locked_until == back + LOCKOUT
    assert kiosk_pin.check("482913", back + LOCKOUT)


def test_setting_a_new_pin_clears_the_lockout(kiosk_pin: KioskPin) -> None:
    for _ in range(MAX_FAILURES):
        kiosk_pin.check("0000", T0)
    kiosk_pin.set("7777")
    assert not kiosk_pin.is_locked(T0)
    assert kiosk_pin.check("7777", T0)


def test_naive_time_is_refused(kiosk_pin: KioskPin) -> None:
    with pytest.raises(ValueError):
        kiosk_pin.check("482913", datetime(2020, 3, 2, 8, 0))


def test_damaged_file_says_what_to_do(pin_file: Path) -> None:
    pin_file.parent.mkdir(parents=True)
    pin_file.write_text("{not json")
    with pytest.raises(LocalizedError) as info:
        KioskPin(pin_file).is_set()
    assert info.value.code == "kiosk_pin_file_unreadable"
    assert "set-pin" in info.value.message("en")
    KioskPin(pin_file).set("1234")  # setting again repairs it
    assert KioskPin(pin_file).check("1234", T0)


def test_default_location_is_in_the_user_config_dir(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert locations.default_settings_dir() == tmp_path / "xdg" / "GateKeeper"
    assert locations.default_kiosk_pin_path().parent == locations.default_settings_dir()
