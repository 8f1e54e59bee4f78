"""The command line's side of the sign-in hardening: an unknown username and a wrong
PIN give the same line and exit code, in both languages; `account add` refuses a
manager's or inspector's PIN under 6 digits; an old short PIN still works, with a
note (at sign-in and in `account list`); the lockout's round survives between runs.
Real ledgers, the real command in-process, no mocks."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cli_support import (
    PINS,
    add_accounts,
    added_since,
    as_user,
    chain,
    lang_env,
    one_line_error,
    run,
)

from gatekeeper.ledger import Ledger
from gatekeeper.services import accounts as acc
from gatekeeper.services.kiosk_pin import LOCKOUT, MAX_FAILURES

PURGE = ("purge", "--older-than", "36500")  # nothing is that old


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def site(ledger_copy: Path) -> Path:
    add_accounts(ledger_copy)
    return ledger_copy


@pytest.mark.parametrize("lang", ["en_US.UTF-8", "zh_CN.UTF-8"])
def test_unknown_username_and_wrong_pin_get_the_same_line_and_exit(site: Path, lang: str) -> None:
    env = lang_env(lang)
    before = chain(site)
    wrong = run(*PURGE, "--db", site, "--as", "boss", input="000000\n", env=env)
    unknown = run(*PURGE, "--db", site, "--as", "nobody", input="000000\n", env=env)
    assert wrong.exit_code == unknown.exit_code == 1
    assert wrong.stdout == unknown.stdout == ""
    assert one_line_error(wrong.stderr) == one_line_error(unknown.stderr)
    assert "nobody" not in unknown.stderr
    assert added_since(site, before) == [("sign_in", "wrong_pin"), ("sign_in", "unknown_account")]
    with Ledger.open(site, readonly=True) as ledger:
        last = list(ledger.records(kind="sign_in"))[-1]
        assert last.body == {"username": None, "result": "unknown_account"}


@pytest.mark.parametrize(("role", "lang", "word"), [
    ("site_manager", "en_US.UTF-8", "at least 6 digits"),
    ("inspector", "zh_CN.UTF-8", "至少须为 6 位"),
])  # fmt: skip
def test_account_add_refuses_a_short_pin_for_managers_and_inspectors(
    site: Path, role: str, lang: str, word: str
) -> None:
    before = chain(site)
    result = run("account", "add", "--db", site, "--username", "new1", "--role", role,
                 "--name", "x", "--as", "boss", env=lang_env(lang),
                 input=f"{PINS['boss']}\n12345\n12345\n")  # fmt: skip
    assert result.exit_code == 1 and result.stdout == ""
    assert word in one_line_error(result.stderr)
    assert added_since(site, before) == [("sign_in", "ok")]  # no account
    staff = run("account", "add", "--db", site, "--username", "new2", "--role", "gate_staff",
                "--name", "x", "--as", "boss", input=f"{PINS['boss']}\n2468\n2468\n")  # fmt: skip
    assert staff.exit_code == 0, staff.output


def _old_short_manager(db: Path, username: str, pin: str) -> None:
    """A site manager made by an earlier version: 4 digits, hashed at the old cost."""
    salt = secrets.token_bytes(16)
    now = datetime.now().astimezone()
    record = acc.schema.AccountBody(username=username, role="site_manager",
                                    display_name=username, by="boss",
                                    ).record(at=now, day=now.date().isoformat())  # fmt: skip
    with Ledger.open(db) as ledger:
        ledger.create_account(record, username=username, role="site_manager",
                              display_name=username, pin_hash=acc._hash(pin, salt, n=2**14),
                              salt=salt)  # fmt: skip


def test_an_old_short_pin_still_works_and_is_flagged(site: Path, tmp_path: Path) -> None:
    _old_short_manager(site, "old", "4321")
    listed = run("account", "list", "--db", site).stdout.splitlines()
    (line,) = [x for x in listed if x.startswith("old ")]
    assert "PIN set before the 6-digit rule" in line
    assert not any("6-digit" in x for x in listed if not x.startswith("old "))
    done = as_user(site, "old", *PURGE, "--db", site, pin="4321")
    assert done.exit_code == 0, done.output
    note = one_line_error(done.stderr)
    assert "is shorter than site manager accounts now need (6 digits)" in note
    quiet = as_user(site, "boss", *PURGE, "--db", site)
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_the_lockout_round_survives_between_runs(site: Path) -> None:
    for _ in range(MAX_FAILURES):
        run(*PURGE, "--db", site, "--as", "guard", input="0000\n")
    with Ledger.open(site) as ledger:
        row = ledger.get_account("guard")
        assert row is not None and row.locked_until is not None
        first = datetime.fromisoformat(row.locked_until) - datetime.now().astimezone()
        assert LOCKOUT - timedelta(minutes=1) < first <= LOCKOUT
        # the five minutes pass (the lock is moved into the past; the count stays)
        ledger.update_account("guard", {"locked_until": datetime.now().astimezone().isoformat()})
    for _ in range(MAX_FAILURES):
        run(*PURGE, "--db", site, "--as", "guard", input="0000\n")
    with Ledger.open(site) as ledger:
        row = ledger.get_account("guard")
        assert row is not None and row.locked_until is not None
        second = datetime.fromisoformat(row.locked_until) - datetime.now().astimezone()
        assert 2 * LOCKOUT - timedelta(minutes=1) < second <= 2 * LOCKOUT
    locked = as_user(site, "guard", *PURGE, "--db", site)
    assert locked.exit_code == 1 and "locked until" in one_line_error(locked.stderr)
