"""`gatekeeper pass revoke --id-number / --person / --serial` and what `pass verify` says
of superseded, revoked and purged-holder passes (exit 1, the reason in the user's
language). Real ledgers, real keys, the real command line."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cli_support import add_accounts, as_user, assert_user_error, one_line_error, run

from gatekeeper.domain.policy import Policy
from gatekeeper.ledger import Ledger
from gatekeeper.scanner.passes import parse_pass
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService

ID = "11010519491231002X"


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "l.sqlite3"
    Ledger.open(path, create=True).close()
    add_accounts(path)
    return path


def issue(db: Path, tmp_path: Path) -> str:
    done = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "张三", "--id-number", ID,
                   "--phone", "13800138000", "-o", tmp_path / "badge.png")  # fmt: skip
    assert done.exit_code == 0, done.output
    return done.stdout.splitlines()[0]


def verify(db: Path, payload: str, lang: str = "en_US.UTF-8"):  # type: ignore[no-untyped-def]
    return run("pass", "verify", "--db", db, "--payload", payload, env={"LANG": lang})


def refused(result, exit_code: int = 1) -> str:  # type: ignore[no-untyped-def]
    assert_user_error(result.stderr, result.stdout, code=None, exit_code=result.exit_code)
    assert result.exit_code == exit_code, result.output
    return one_line_error(result.stderr)


def revoke(db: Path, *args: object):  # type: ignore[no-untyped-def]
    return as_user(db, "boss", "pass", "revoke", "--db", db, *args)


def test_the_older_pass_is_superseded_and_said_so(db: Path, tmp_path: Path) -> None:
    old, new = issue(db, tmp_path), issue(db, tmp_path)
    assert old != new and old.startswith("GKP2.")
    assert "replaced by a newer pass" in refused(verify(db, old))
    assert "取代" in refused(verify(db, old, "zh_CN.UTF-8"))
    assert verify(db, new).stdout.startswith("VALID: 张三")


def test_revoke_by_serial_then_by_id_number(db: Path, tmp_path: Path) -> None:
    old, new = issue(db, tmp_path), issue(db, tmp_path)
    serial = parse_pass(old).serial
    done = revoke(db, "--serial", serial)
    assert done.exit_code == 0, done.output
    assert done.stdout == "Revoked: 张三\n"
    assert "revoked" in refused(verify(db, old))
    assert verify(db, new).exit_code == 0  # only that pass
    assert revoke(db, "--id-number", ID).exit_code == 0
    assert "revoked" in refused(verify(db, new))
    again = issue(db, tmp_path)  # a pass issued after the revocation stands
    assert verify(db, again).exit_code == 0


def test_revoke_refusals_write_nothing(db: Path, tmp_path: Path) -> None:
    payload = issue(db, tmp_path)
    serial = parse_pass(payload).serial
    with Ledger.open(db, readonly=True) as ledger:
        before = len(list(ledger.records(kind="pass_revoked")))
    assert "--serial" in refused(revoke(db), exit_code=2)  # nothing said whose pass
    assert "0123456789abcdef" in refused(revoke(db, "--serial", "0123456789abcdef"))
    assert "nobody" in refused(revoke(db, "--person", "nobody"))
    other = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "李四", "--id-number",
                    "G12345678", "--phone", "13900139000", "-o", tmp_path / "b2.png")  # fmt: skip
    someone_else = parse_pass(other.stdout.splitlines()[0]).person_id
    line = refused(revoke(db, "--serial", serial, "--person", someone_else))
    assert serial in line and someone_else in line
    with Ledger.open(db, readonly=True) as ledger:
        assert len(list(ledger.records(kind="pass_revoked"))) == before
    assert verify(db, payload).exit_code == 0


def test_a_purged_holder_is_refused_and_revoked_by_person(db: Path, tmp_path: Path) -> None:
    """Registered ten days ago, issued a pass today; a purge of what is older than five
    days erases the registration: the pass is refused, the ID number finds nobody, and
    --person still revokes it."""
    policy = Policy()
    clock = SteppingClock(datetime.now(policy.tz) - timedelta(days=10))
    with Ledger.open(db) as ledger:
        person, _ = PassService(GateService(ledger, policy, clock), None).register_or_find(
            name="张三", id_number=ID, phone="13800138000", employer=None)
    payload = issue(db, tmp_path)
    assert parse_pass(payload).person_id == person.person_id
    assert verify(db, payload).exit_code == 0
    purged = as_user(db, "boss", "purge", "--db", db, "--older-than", "5")
    assert purged.exit_code == 0, purged.output
    line = refused(verify(db, payload))
    assert "erased by a retention purge" in line and person.person_id in line
    assert "清除" in refused(verify(db, payload, "zh_CN.UTF-8"))
    assert ID in refused(revoke(db, "--id-number", ID))  # nobody with that number now
    done = revoke(db, "--person", person.person_id)
    assert done.exit_code == 0, done.output
    assert done.stdout == f"Revoked: {person.person_id}\n"
    assert "revoked" in refused(verify(db, payload))
