"""Options shared by several subcommands, so each is spelled and checked one way."""

from __future__ import annotations

from pathlib import Path

import click

db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The ledger file (SQLite).",
)

policy_option = click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The site's policy file (TOML). Default: the user config file if present, "
    "else the built-in defaults.",
)

