"""Options shared by several subcommands, so each is spelled and checked one way."""

from __future__ import annotations

from pathlib import Path

import click

from gatekeeper.domain.i18n import LocalizedError

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



def one_line(text: object) -> str:
    """A message as one line: a value a person typed (a path, a name, a payload) may hold a
    newline or a terminal's control sequence; they are shown escaped, as `decode` shows
    them."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in str(text))


def say(text: object) -> None:
    """One error line on stderr: `gatekeeper: ...`."""
    click.echo(f"gatekeeper: {one_line(text)}", err=True)


class BadArgument(LocalizedError):
    """An argument the command cannot run with (a date out of the calendar, a range over
    the limit): one line on stderr, exit 2 ("could not run")."""

    exit_code = 2


# Codes of the LocalizedErrors the services raise for an argument or a file a command
# cannot run with: exit 2, not 1 (1 is the answer "no": refused, tampered, invalid).
COULD_NOT_RUN = frozenset({
    "bad_date", "bad_range", "bad_keep", "bad_days", "no_backup_folder",
    "unreadable_image", "image_too_large", "kiosk_pin_file_unreadable", "unknown_timezone",
})  # fmt: skip


def exit_code_of(exc: LocalizedError) -> int:
    """The exit code of a refusal: the error's own `exit_code`, else 2 for an unusable
    argument, file or policy, else 1."""
    own = getattr(exc, "exit_code", None)
    if isinstance(own, int):
        return own
    if exc.code in COULD_NOT_RUN or exc.code.startswith("policy."):
        return 2
    return 1
