"""`gatekeeper`: the kiosk GUI by default, and subcommands others script against.

The subcommands, their options, exit codes and JSON keys are a contract: extend,
never rename. Usage errors exit 2 (click's convention); a user's mistake is said
in one line on stderr, in the user's language, without a traceback.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from gatekeeper import __version__
from gatekeeper.cli import (
    gui_command,
    kiosk_commands,
    ledger_commands,
    manager_commands,
    policy_commands,
    scanner_commands,
    simulate_command,
)
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, system_lang

HELP_HINT = messages.entry("cli.help_hint")


class GateKeeperGroup(click.Group):
    """Every user mistake is one line on stderr: a LocalizedError in the user's language,
    and click's own usage errors (unknown option, bad value) without the usage block."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LocalizedError as exc:
            click.echo(f"gatekeeper: {exc.message(system_lang())}", err=True)
            sys.exit(getattr(exc, "exit_code", 1))

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else "gatekeeper"
            hint = HELP_HINT.format(system_lang(), command=command)
            click.echo(f"gatekeeper: {exc.format_message()} ({hint})", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"gatekeeper: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("gatekeeper: aborted", err=True)
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
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="gatekeeper")


if __name__ == "__main__":
    main()
