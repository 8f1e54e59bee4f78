"""`gatekeeper account add` / `list`: PIN asked twice, first account a manager."""

from __future__ import annotations

from cli_support import one_line_error, run

from gatekeeper.ledger import Ledger


def test_add_and_list(ledger_copy) -> None:  # type: ignore[no-untyped-def]
    result = run("account", "list", "--db", ledger_copy)
    assert result.exit_code == 0 and "No accounts yet" in result.output
    result = run("account", "add", "--db", ledger_copy, "--username", "guard", "--role",
                 "gate_staff", "--name", "李四")  # fmt: skip
    assert result.exit_code == 1
    assert "must be a site manager" in one_line_error(result.stderr)
    runner_input = "1234\n1234\n"
    from click.testing import CliRunner

    from gatekeeper.cli.main import cli

    def add(*args: str, text: str = runner_input):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(cli, ["account", "add", "--db", str(ledger_copy), *args],
                                  input=text, env={"LANG": "en_US.UTF-8"})  # fmt: skip

    result = add("--username", "boss", "--role", "site_manager", "--name", "王经理")
    assert result.exit_code == 0, result.output
    assert "Account boss (site manager) created." in result.output
    assert "1234" not in result.output.replace("1234\n", "")  # hidden: only prompts shown
    result = add("--username", "guard", "--role", "gate_staff", "--name", "李四",
                 text="12\n1234\n1234\n5678\n1234\n1234\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "4 to 12" in result.output or "4-12" in result.output
    result = add("--username", "boss", "--role", "inspector", "--name", "x")
    assert result.exit_code == 1 and "already an account" in result.output
    listed = run("account", "list", "--db", ledger_copy)
    lines = listed.output.splitlines()
    assert lines[0].split()[:3] == ["boss", "site_manager", "王经理"]
    assert lines[1].split()[:3] == ["guard", "gate_staff", "李四"]
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        assert [r.body["username"] for r in ledger.records(kind="account")] == ["boss", "guard"]
        assert ledger.verify().ok
