"""`gatekeeper`: the kiosk GUI by default, and subcommands others script against.

The subcommands, their options, exit codes and JSON keys are a contract: extend,
never rename. Exit codes everywhere: 0 done; 1 the answer is "no" (tampered, refused,
invalid); 2 could not run (a bad argument, a missing, unreadable, damaged or read-only
file, a locked ledger; click's usage errors). Every error is one line on stderr,
`gatekeeper: ...`, in the user's language, without a traceback.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

import click

from gatekeeper import __version__
from gatekeeper.cli import (
    gui_command,
    hub_commands,
    kiosk_commands,
    ledger_commands,
    manager_commands,
    policy_commands,
    scanner_commands,
    simulate_command,
)
from gatekeeper.cli.options import exit_code_of
from gatekeeper.cli.options import one_line as _one_line
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, system_lang
from gatekeeper.ledger.errors import from_sqlite

HELP_HINT = messages.entry("cli.help_hint")
ABORTED = messages.entry("cli.aborted")
OS_ERROR = messages.entry("cli.os_error")
INTERNAL_ERROR = messages.entry("cli.internal_error")
EMPTY_PATH = messages.entry("cli.empty_path")
NOT_TEXT = messages.entry("cli.not_text")


class GateKeeperGroup(click.Group):
    """Every user mistake is one line on stderr: a LocalizedError in the user's language,
    and click's own usage errors (unknown option, bad value) without the usage block."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LocalizedError as exc:
            click.echo(f"gatekeeper: {_one_line(exc.message(system_lang()))}", err=True)
            sys.exit(exit_code_of(exc))

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else "gatekeeper"
            hint = HELP_HINT.format(system_lang(), command=command)
            click.echo(f"gatekeeper: {_one_line(exc.format_message())} ({hint})", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"gatekeeper: {_one_line(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(f"gatekeeper: {ABORTED.format(system_lang())}", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=GateKeeperGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="gatekeeper")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """GateKeeper: the entry checkpoint of a worksite gate.

    With no subcommand, opens the kiosk on the default ledger (same as `gatekeeper gui`).
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui_command.gui)


for command in (
    gui_command.gui,
    simulate_command.simulate,
    ledger_commands.verify,
    ledger_commands.stats,
    policy_commands.policy,
    scanner_commands.pass_group,
    scanner_commands.decode,
    kiosk_commands.kiosk,
    manager_commands.account,
    manager_commands.export,
    manager_commands.report,
    manager_commands.purge,
    manager_commands.backup,
    manager_commands.restore,
    hub_commands.hub_group,
    hub_commands.sync,
):
    cli.add_command(command)


def _guarded(callback: Callable[..., Any]) -> Callable[..., Any]:
    """A command whose SQLite or file-system failure is one line and exit 2 (the file
    could not be used), never a traceback: sqlite3 errors become the ledger error a
    person can act on (damaged, read-only, locked), naming the command's --db."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except sqlite3.Error as exc:
            where = kwargs.get("db") or "the ledger"
            raise from_sqlite(exc, str(where)) from exc
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):  # `gatekeeper ... | head`: stop quietly
                sys.stderr.close()
                raise SystemExit(2) from None
            path = exc.filename if exc.filename is not None else "?"
            problem = exc.strerror or type(exc).__name__
            text = OS_ERROR.format(system_lang(), path=path, problem=problem)
            click.echo(f"gatekeeper: {_one_line(text)}", err=True)
            raise SystemExit(2) from exc

    return run


def _check_text(param: click.Parameter) -> None:
    """Refuse, as a usage error (exit 2), an argument that is no text a command can use: an
    empty path (it would name the current folder) or undecodable bytes (a command line
    in another encoding reaches Python as lone surrogates, which no file, message or
    record can hold)."""
    kind = param.type
    if isinstance(kind, click.types.BoolParamType) or getattr(kind, "_gatekeeper", False):
        return
    if type(kind) in (click.types.StringParamType, click.types.IntParamType):
        kind = param.type = type(kind)()  # not click's shared instance
    original = kind.convert
    is_path = isinstance(kind, click.Path)

    def convert(value: Any, p: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            if is_path and value == "":
                kind.fail(EMPTY_PATH.format(system_lang()), p, ctx)
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                kind.fail(NOT_TEXT.format(system_lang(), value=_one_line(value)), p, ctx)
        return original(value, p, ctx)

    kind.convert = convert  # type: ignore[method-assign]
    kind._gatekeeper = True  # type: ignore[attr-defined]


def _guard_all(command: click.Command) -> None:
    if command.callback is not None and not getattr(command.callback, "__wrapped__", None):
        command.callback = _guarded(command.callback)
    for param in command.params:
        _check_text(param)
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _guard_all(sub)


for command in list(cli.commands.values()):
    _guard_all(command)


def main() -> None:
    """The console script. A failure nobody foresaw is still one line, exit 2 (with
    GATEKEEPER_DEBUG=1 in the environment, the traceback instead, for a bug report)."""
    try:
        cli(prog_name="gatekeeper")
    except Exception as exc:  # the last line of defence, see the docstring
        if os.environ.get("GATEKEEPER_DEBUG"):
            raise
        error = _one_line(f"{type(exc).__name__}: {exc}")[:300]
        click.echo(f"gatekeeper: {INTERNAL_ERROR.format(system_lang(), error=error)}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
