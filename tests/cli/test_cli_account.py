"""`gatekeeper account add` / `list`: the first site manager needs no --as, every other
account is made by a signed-in site manager; PINs are asked for (twice for the new
one), one line each when standard input is not a terminal."""

from __future__ import annotations

import pytest
from cli_support import added_since, chain, one_line_error, run

from gatekeeper.cli import acting
from gatekeeper.ledger import Ledger


def add(db, *args: str, text: str):  # type: ignore[no-untyped-def]
    return run("account", "add", "--db", db, *args, input=text)


def test_add_and_list(ledger_copy) -> None:  # type: ignore[no-untyped-def]
    result = run("account", "list", "--db", ledger_copy)
    assert result.exit_code == 0 and "No accounts yet" in result.output
    result = add(ledger_copy, "--username", "guard", "--role", "gate_staff", "--name", "李四",
                 text="1234\n1234\n")  # fmt: skip
    assert result.exit_code == 1
    assert "must be a site manager" in one_line_error(result.stderr)

    # the first site manager: no --as, the new PIN twice
    result = add(ledger_copy, "--username", "boss", "--role", "site_manager", "--name", "王经理",
                 text="123456\n123456\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "Account boss (site manager) created.\n"  # no PIN, no prompt

    # a second site manager without --as: refused, nothing written
    before = chain(ledger_copy)
    result = add(ledger_copy, "--username", "boss2", "--role", "site_manager", "--name", "x",
                 text="5678\n5678\n")  # fmt: skip
    assert result.exit_code == 1 and result.stdout == ""
    assert "--as" in one_line_error(result.stderr)
    assert added_since(ledger_copy, before) == []

    # made by boss: boss's PIN, then the new PIN twice; a bad new PIN is a refusal
    before = chain(ledger_copy)
    result = add(ledger_copy, "--username", "guard", "--role", "gate_staff", "--name", "李四",
                 "--as", "boss", text="123456\n12\n12\n")  # fmt: skip
    assert result.exit_code == 1 and "4" in one_line_error(result.stderr)
    assert added_since(ledger_copy, before) == [("sign_in", "ok")]
    result = add(ledger_copy, "--username", "guard", "--role", "gate_staff", "--name", "李四",
                 "--as", "boss", text="123456\n5678\n8765\n")  # fmt: skip
    assert result.exit_code == 1 and "differ" in one_line_error(result.stderr)
    result = add(ledger_copy, "--username", "guard", "--role", "gate_staff", "--name", "李四",
                 "--as", "boss", text="123456\n5678\n5678\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    result = add(ledger_copy, "--username", "boss", "--role", "inspector", "--name", "x",
                 "--as", "boss", text="123456\n")  # fmt: skip
    assert result.exit_code == 1 and "already an account" in result.output

    listed = run("account", "list", "--db", ledger_copy)
    lines = listed.output.splitlines()
    assert lines[0].split()[:3] == ["boss", "site_manager", "王经理"]
    assert lines[1].split()[:3] == ["guard", "gate_staff", "李四"]
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        made = [(r.body["username"], r.body["by"]) for r in ledger.records(kind="account")]
        assert made == [("boss", "cli"), ("guard", "boss")]
        assert ledger.verify().ok
        assert all("5678" not in str(r.body) for r in ledger.records())


def test_at_a_terminal_pins_are_hidden_and_asked_again(
    ledger_copy, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    """At a terminal click asks without echo, and a bad new PIN is asked again (the
    terminal is stood in for: CliRunner feeds click's hidden prompts)."""
    monkeypatch.setattr(acting, "_interactive", lambda: True)
    result = add(ledger_copy, "--username", "boss", "--role", "site_manager", "--name", "王经理",
                 text="12\n2468\n246810\n246810\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "6-12" in result.output and "at least 6 digits" in result.output
    assert "Repeat the PIN" in result.output
    result = add(ledger_copy, "--username", "guard", "--role", "gate_staff", "--name", "李四",
                 "--as", "boss", text="246810\n1357\n1357\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "PIN for boss" in result.output and "New PIN for guard" in result.output
    assert "246810" not in result.output and "1357" not in result.output
