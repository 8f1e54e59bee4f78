"""`gatekeeper policy`: write a site's policy file to edit, and check one before use."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gatekeeper.cli.options import say
from gatekeeper.domain import messages
from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.i18n import LocalizedError, system_lang
from gatekeeper.domain.policy import default_policy_toml, load_policy
from gatekeeper.services.locations import default_policy_path


@click.group()
def policy() -> None:
    """The site's policy file (TOML): thresholds, scans, pledges, lanes."""


@policy.command("init")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write it. Default: the user config file GateKeeper reads.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
def init(output: Path | None, force: bool) -> None:
    """Write the default policy, with comments, as a starting point to edit."""
    target = output or default_policy_path()
    if target.exists() and not force:
        raise LocalizedError(
            "policy_exists",
            messages.entry("cli.policy_exists"),
            {"path": target},
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(default_policy_toml(), encoding="utf-8")
    click.echo(str(target))


@policy.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def check(file: Path) -> None:
    """Load a policy file and report the first problem (exit 1) or OK (exit 0); a file
    that cannot be read exits 2."""
    try:
        load_policy(file)
    except PolicyError as exc:  # the answer "no" (1), unless there was nothing to check (2)
        say(exc.message(system_lang()))
        sys.exit(2 if exc.code in ("policy.file_missing", "policy.unreadable") else 1)
    click.echo(f"OK: {file}")
