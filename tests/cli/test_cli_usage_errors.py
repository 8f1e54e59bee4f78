"""click's own usage errors (unknown option, bad value, unknown command) come out as one
line, like every other user mistake, with a pointer to --help in the user's language."""

from __future__ import annotations

import pytest
from cli_support import one_line_error, run


@pytest.mark.parametrize(
    ("args", "says", "command"),
    [
        (("simulate", "--db", "x.db", "--days", "0", "--people", "3"), "--days",
         "gatekeeper simulate"),
        (("verify", "--nope"), "--nope", "gatekeeper verify"),
        (("bogus",), "bogus", "gatekeeper"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_with_exit_2(args: tuple, says: str, command: str) -> None:
    result = run(*args)
    line = one_line_error(result.stderr)
    assert result.exit_code == 2
    assert says in line and f"see '{command} --help'" in line
    assert "Traceback" not in result.output


def test_the_help_pointer_follows_the_users_language() -> None:
    result = run("verify", "--nope", env={"LANG": "zh_CN.UTF-8"})
    assert "参见 'gatekeeper verify --help'" in one_line_error(result.stderr)


def test_help_and_version_still_exit_0() -> None:
    assert run("--version").exit_code == 0
    shown = run("stats", "--help")
    assert shown.exit_code == 0 and shown.stdout.startswith("Usage: gatekeeper stats")
