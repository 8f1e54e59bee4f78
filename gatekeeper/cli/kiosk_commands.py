"""`gatekeeper kiosk`: settings of the kiosk itself; for now the PIN that leaves kiosk mode."""

from __future__ import annotations

from pathlib import Path

import click

from gatekeeper.cli.manager_commands import open_writable
from gatekeeper.cli.options import db_option
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, system_lang
from gatekeeper.services.kiosk_pin import MAX_DIGITS, MIN_DIGITS, KioskPin, validate_pin
from gatekeeper.services.locations import default_kiosk_pin_path

_PROMPT = messages.entry("cli.kiosk_pin_prompt")
_REPEAT = messages.entry("cli.repeat_pin")
_SAVED = messages.entry("cli.kiosk_pin_saved")
_NEW_ID = messages.entry("hub.new_id")


@click.group()
def kiosk() -> None:
    """The kiosk itself: the PIN that lets gate staff leave kiosk mode."""


def _checked(value: str) -> str:
    try:
        return validate_pin(value)
    except LocalizedError as exc:  # click says it and asks again
        raise click.UsageError(exc.message(system_lang())) from exc


@kiosk.command("set-pin")
@click.option(
    "--pin-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where the PIN's hash is kept. Default: the user config file GateKeeper reads.",
)
def set_pin(pin_file: Path | None) -> None:
    """Set the PIN for leaving kiosk mode (asked twice, not shown; stored as a salted hash).

    Setting it also clears a lockout after too many wrong PINs.
    """
    lang = system_lang()
    target = pin_file or default_kiosk_pin_path()
    pin = click.prompt(
        _PROMPT.format(lang, min=MIN_DIGITS, max=MAX_DIGITS),
        hide_input=True,
        confirmation_prompt=_REPEAT.format(lang),
        value_proc=_checked,
    )
    KioskPin(target).set(pin)
    click.echo(_SAVED.format(lang, path=target))


@kiosk.command("new-id")
@db_option
def new_id(db: Path | None) -> None:
    """Give this machine's kiosk a new identity: for a copied disk (a cloned machine)
    that the hub refuses. Its records go on in a chain of their own; register it with
    `gatekeeper hub add-kiosk`, then sync."""
    from datetime import datetime

    from gatekeeper.services.identity import new_kiosk_id

    with open_writable(db) as ledger:
        old, new = new_kiosk_id(ledger, datetime.now().astimezone())
        click.echo(_NEW_ID.format(system_lang(), kiosk=new, old=old))
