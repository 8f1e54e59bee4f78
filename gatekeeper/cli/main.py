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
from gatekeeper.domain.i18n import LocalizedError, system_lang


class GateKeeperGroup(click.Group):
    """Turns a LocalizedError anywhere below into one clear line and exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except LocalizedError as exc:
            click.echo(f"gatekeeper: {exc.message(system_lang())}", err=True)
            sys.exit(getattr(exc, "exit_code", 1))


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
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="gatekeeper")


if __name__ == "__main__":
    main()
