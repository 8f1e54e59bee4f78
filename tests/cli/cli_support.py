"""Helpers shared by the CLI tests (a plain module: test basenames must stay unique)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from click.testing import CliRunner, Result
from tamper import raw  # noqa: F401  (the tests import it from here)

from gatekeeper.cli.main import cli

# The simulated ledger of conftest.py's `simulated` fixture (here, not in conftest.py:
# a test module importing "conftest" gets whichever conftest another folder put first)
SEED = 7
DAYS = 3
PEOPLE = 40
START = "2020-03-01"

# The installed console script, next to the interpreter running the tests.
EXE = Path(sys.executable).with_name("gatekeeper")

# The language of messages comes from these, in this order (gatekeeper.domain.i18n).
_LANG_VARS = ("GATEKEEPER_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def lang_env(lang: str = "en_US.UTF-8") -> dict[str, str | None]:
    """Environment overrides that make `lang` the one the CLI speaks."""
    env: dict[str, str | None] = dict.fromkeys(_LANG_VARS)
    env["LANG"] = lang
    return env


def run(
    *args: object, env: Mapping[str, str | None] | None = None, input: str | None = None
) -> Result:
    """`gatekeeper ARGS` in-process (`input`: standard input, not a terminal); fails the
    test on any exception but SystemExit."""
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [str(a) for a in args],
        prog_name="gatekeeper",
        env={**lang_env(), **(env or {})},
        catch_exceptions=True,
        input=input,
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"gatekeeper {args} raised {result.exception!r}") from (
            result.exception
        )
    return result


def run_exe(
    *args: object, env: Mapping[str, str | None] | None = None, timeout: float = 60,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """`.venv/bin/gatekeeper ARGS` in a subprocess, end to end (`input`: a pipe on its
    standard input; otherwise none at all)."""
    full = dict(os.environ)
    for key, value in {**lang_env(), **(env or {})}.items():
        if value is None:
            full.pop(key, None)
        else:
            full[key] = value
    return subprocess.run(
        [str(EXE), *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full,
        timeout=timeout,
        check=False,
        input=input if input is not None else "",
    )


def assert_user_error(stderr: str, stdout: str = "", *, code: int | None, exit_code: int) -> str:
    """A user's mistake: non-zero exit, a message on stderr, nothing on stdout, no traceback."""
    if code is None:
        assert exit_code != 0
    else:
        assert exit_code == code, (exit_code, stderr)
    assert "Traceback" not in stderr and "Traceback" not in stdout
    assert stdout == ""
    assert stderr.strip(), "expected a message on stderr"
    return stderr


def one_line_error(stderr: str) -> str:
    """The single `gatekeeper: ...` line of a CLI error (not a click usage block)."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("gatekeeper: "), stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` and the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# --- accounts: who the commands act as (--as USERNAME, PIN on standard input) --------

PINS = {"boss": "246810", "li": "135790", "guard": "1357"}
ROLES = {"boss": "site_manager", "li": "inspector", "guard": "gate_staff"}


def add_accounts(db: Path) -> None:
    """boss (the first site manager: no --as), then li (inspector) and guard (gate
    staff), made by boss — all through `gatekeeper account add`."""
    made = run("account", "add", "--db", db, "--username", "boss", "--role", "site_manager",
               "--name", "王经理", input=f"{PINS['boss']}\n{PINS['boss']}\n")  # fmt: skip
    assert made.exit_code == 0, made.output
    for user in ("li", "guard"):
        made = run("account", "add", "--db", db, "--username", user, "--role", ROLES[user],
                   "--name", user, "--as", "boss",
                   input=f"{PINS['boss']}\n{PINS[user]}\n{PINS[user]}\n")  # fmt: skip
        assert made.exit_code == 0, made.output


def as_user(db: Path, user: str, *args: object, pin: str | None = None, **kw: object) -> Result:
    """`gatekeeper ARGS --as USER` with USER's PIN (or `pin`) as the one input line."""
    return run(*args, "--as", user, input=f"{PINS.get(user, '0000') if pin is None else pin}\n",
               **kw)  # type: ignore[arg-type]


def chain(db: Path) -> list[tuple[str, str, str]]:
    """(uuid, kind, hash) of every record, in order: what a refusal must leave alone."""
    from gatekeeper.ledger import Ledger

    with Ledger.open(db, create=False, readonly=True) as ledger:
        return [(r.uuid, r.kind, r.hash) for r in ledger.records()]


def added_since(db: Path, before: list[tuple[str, str, str]]) -> list[tuple[str, object]]:
    """The records appended since `before` as (kind, sign-in result), after checking that
    every earlier record is still there unchanged and the chain verifies."""
    from gatekeeper.ledger import Ledger

    now = chain(db)
    assert now[: len(before)] == before
    with Ledger.open(db, create=False, readonly=True) as ledger:
        assert ledger.verify().ok
        new = list(ledger.records())[len(before):]
    return [(r.kind, r.body.get("result") if r.kind == "sign_in" else None) for r in new]
