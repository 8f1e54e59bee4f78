"""The commands that change or reveal personal data act as an account (--as USERNAME,
its PIN): a refusal exits 1 with one line on stderr and writes nothing but the sign-in
attempt (`accounts.sign_in` records every attempt, right or wrong — one "sign_in"
record; without --as not even that). Real ledgers, no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import (
    PINS,
    add_accounts,
    added_since,
    as_user,
    assert_user_error,
    chain,
    one_line_error,
    run,
    run_exe,
)

from gatekeeper.ledger import Ledger

ID = "11010519491231002X"
DAY = "2020-03-02"


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def site(ledger_copy: Path) -> Path:
    """The simulated ledger with boss (site manager), li (inspector), guard (gate staff)."""
    add_accounts(ledger_copy)
    return ledger_copy


def _names(db: Path) -> set[str]:
    with Ledger.open(db, readonly=True) as ledger:
        people = (ledger.get_person(r.person_id or "") for r in ledger.records(kind="person"))
        return {p.name for p in people if p is not None and p.name}


def refused(result, text: str) -> str:  # type: ignore[no-untyped-def]
    assert_user_error(result.stderr, result.stdout, code=1, exit_code=result.exit_code)
    line = one_line_error(result.stderr)
    assert text in line, line
    return line


PURGE = ("purge", "--older-than", "1")


def _purge(db: Path, user: str | None, pin: str | None = None):  # type: ignore[no-untyped-def]
    if user is None:
        return run(*PURGE, "--db", db, input="")
    return as_user(db, user, *PURGE, "--db", db, pin=pin)


# --- who may not ---------------------------------------------------------------------


def test_without_as_nothing_is_asked_and_nothing_written(site: Path, tmp_path: Path) -> None:
    before, names = chain(site), _names(site)
    refused(_purge(site, None), "--as USERNAME (a site manager may purge personal data)")
    for args in (
        ("pass", "issue", "--db", site, "--name", "张三", "--id-number", ID,
         "--phone", "13800138000", "-o", tmp_path / "b.png"),
        ("pass", "revoke", "--db", site, "--id-number", ID),
        ("export", "--db", site, "--date", DAY, "--format", "csv", "-o", tmp_path / "d.csv",
         "--full"),
        ("report", "--db", site, "--from", DAY, "--to", DAY, "-o", tmp_path / "r.pdf"),
        ("account", "add", "--db", site, "--username", "x1", "--role", "gate_staff",
         "--name", "x"),
    ):  # fmt: skip
        refused(run(*args, input=""), "--as")
    assert added_since(site, before) == []
    assert _names(site) == names
    assert not any((tmp_path / f).exists() for f in ("b.png", "d.csv", "r.pdf"))
    assert not (tmp_path / "data" / "keys").exists()


def test_a_masked_export_needs_no_account_as_before(site: Path, tmp_path: Path) -> None:
    """The issue names `export --full`: a masked export stays what it was, like stats."""
    out = tmp_path / "masked.csv"
    done = run("export", "--db", site, "--date", DAY, "--format", "csv", "-o", out, input="")
    assert done.exit_code == 0, done.output
    text = out.read_text(encoding="utf-8-sig")
    assert "*" in text  # masked
    with Ledger.open(site, readonly=True) as ledger:
        [export] = list(ledger.records(kind="export"))
    assert export.body["by"] == "cli" and export.body["full"] is False


def test_wrong_pin_unknown_user_and_lockout(site: Path) -> None:
    before, names = chain(site), _names(site)
    wrong = refused(_purge(site, "boss", "000000"), "Wrong username or PIN.")
    assert refused(_purge(site, "nobody"), "Wrong username or PIN.") == wrong  # the same
    refused(_purge(site, "boss", ""), "Wrong username or PIN.")
    assert added_since(site, before) == [
        ("sign_in", "wrong_pin"), ("sign_in", "unknown_account"), ("sign_in", "wrong_pin")]
    for _ in range(3):  # five wrong in a row: locked
        _purge(site, "boss", "999999")
    locked = chain(site)
    refused(_purge(site, "boss"), "locked until")  # the right PIN, too late
    assert added_since(site, locked) == [("sign_in", "locked")]
    assert _names(site) == names
    with Ledger.open(site, readonly=True) as ledger:
        assert ledger.count(kind="purge") == 0


def test_no_pin_on_standard_input_is_a_refusal(site: Path) -> None:
    before = chain(site)
    refused(run(*PURGE, "--db", site, "--as", "boss", input=""), "No PIN for boss")
    assert added_since(site, before) == []


def test_an_inspector_may_not_purge(site: Path) -> None:
    before, names = chain(site), _names(site)
    line = refused(_purge(site, "li"), "An inspector may not do this (purge personal data)")
    assert "only a site manager may" in line
    assert added_since(site, before) == [("sign_in", "ok")]  # a right PIN, then no
    assert _names(site) == names


def test_gate_staff_may_not_issue_revoke_or_export(site: Path, tmp_path: Path) -> None:
    before, badge = chain(site), tmp_path / "badge.png"
    refused(as_user(site, "guard", "pass", "issue", "--db", site, "--name", "张三",
                    "--id-number", ID, "--phone", "13800138000", "-o", badge),
            "Gate staff may not do this (issue or revoke site passes)")  # fmt: skip
    refused(as_user(site, "guard", "pass", "revoke", "--db", site, "--id-number", ID),
            "only a site manager may")  # fmt: skip
    refused(as_user(site, "guard", "export", "--db", site, "--date", DAY, "--format", "csv",
                    "-o", tmp_path / "d.csv"), "only a site manager or an inspector may")
    refused(as_user(site, "guard", "account", "add", "--db", site, "--username", "x1",
                    "--role", "site_manager", "--name", "x"), "(manage accounts)")
    assert added_since(site, before) == [("sign_in", "ok")] * 4
    assert not badge.exists() and not (tmp_path / "d.csv").exists()
    assert not (tmp_path / "data" / "keys").exists()  # no site key made for a refusal
    with Ledger.open(site, readonly=True) as ledger:
        assert ledger.find_person("resident_id", ID) is None
        assert [a.username for a in ledger.accounts()] == ["boss", "li", "guard"]


def test_unmasked_export_is_the_inspectors(site: Path, tmp_path: Path) -> None:
    """--full needs EXPORT_FULL, which (as in the console) only inspectors have: a site
    manager is refused, an inspector gets the file, and the export names who."""
    out = tmp_path / "full.csv"
    before = chain(site)
    refused(as_user(site, "boss", "export", "--db", site, "--date", DAY, "--format", "csv",
                    "-o", out, "--full"),
            "A site manager may not do this (export unmasked ID numbers and phones); "
            "only an inspector may.")  # fmt: skip
    assert added_since(site, before) == [("sign_in", "ok")] and not out.exists()
    assert list(tmp_path.glob(".*tmp")) == []
    done = as_user(site, "li", "export", "--db", site, "--date", DAY, "--format", "csv",
                   "-o", out, "--full")  # fmt: skip
    assert done.exit_code == 0, done.output
    with Ledger.open(site, readonly=True) as ledger:
        (record,) = ledger.records(kind="export")
        assert (record.body["by"], record.body["full"]) == ("li", True)


def test_a_site_manager_does_it_and_is_named(site: Path, tmp_path: Path) -> None:
    badge = tmp_path / "badge.png"
    issued = as_user(site, "boss", "pass", "issue", "--db", site, "--name", "张三",
                     "--id-number", ID, "--phone", "13800138000", "-o", badge)  # fmt: skip
    assert issued.exit_code == 0, issued.output
    assert issued.stdout.startswith("GKP2.") and badge.exists()
    revoked = as_user(site, "boss", "pass", "revoke", "--db", site, "--id-number", ID)
    assert revoked.exit_code == 0, revoked.output
    before = chain(site)
    purged = _purge(site, "boss")
    assert purged.exit_code == 0, purged.output
    assert added_since(site, before) == [("sign_in", "ok"), ("purge", None)]
    with Ledger.open(site, readonly=True) as ledger:
        by = {r.kind: r.body["by"] for r in ledger.records()
              if r.kind in ("pass_issued", "pass_revoked", "purge")}  # fmt: skip
        assert by == {"pass_issued": "boss", "pass_revoked": "boss", "purge": "boss"}


# --- the first account -----------------------------------------------------------------


def test_first_manager_without_as_then_no_second(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    Ledger.open(db, create=True).close()
    made = run("account", "add", "--db", db, "--username", "boss", "--role", "site_manager",
               "--name", "王经理", input="246810\n246810\n")  # fmt: skip
    assert made.exit_code == 0, made.output
    before = chain(db)
    second = run("account", "add", "--db", db, "--username", "boss2", "--role", "site_manager",
                 "--name", "李经理", input="135790\n135790\n")  # fmt: skip
    refused(second, "a site manager creates the others")
    assert added_since(db, before) == []
    with Ledger.open(db, readonly=True) as ledger:
        assert [(a.username, a.role) for a in ledger.accounts()] == [
            ("boss", "site_manager")]


# --- end to end: the installed command, a pipe on standard input ---------------------


def test_end_to_end_refusal_in_chinese_and_success(site: Path) -> None:
    before, names = chain(site), _names(site)
    no = run_exe(*PURGE, "--db", site, "--as", "li", input=f"{PINS['li']}\n",
                 env={"LANG": "zh_CN.UTF-8"})  # fmt: skip
    assert_user_error(no.stderr, no.stdout, code=1, exit_code=no.returncode)
    zh = "督导检查人员无权执行此操作（清除个人信息）；仅项目负责人可以。"
    assert zh in one_line_error(no.stderr)
    assert added_since(site, before) == [("sign_in", "ok")] and _names(site) == names
    yes = run_exe(*PURGE, "--db", site, "--as", "boss", input=f"{PINS['boss']}\n")
    assert yes.returncode == 0, yes.stderr
    assert "PIN" not in yes.stdout and "the purge is recorded" in yes.stdout
    assert _names(site) == set()
