"""`--as USERNAME`: the commands that change or reveal personal data act as an account.

Whoever holds the ledger file could write it with sqlite3 anyway; what `--as` adds is
that GateKeeper's own commands name a signed-in account in what they record and let
the services check that account's role (a gate staff account cannot purge, issue a
pass or make a second site manager from the shell). The PIN is read from the terminal
without echo; when standard input is not a terminal (a script, a pipe), one line is
read per PIN, in the order the prompts come, and nothing is printed for the prompts.

Refusals (no `--as`, an unknown user, a wrong PIN, a locked account, a role that may
not do it) exit 1 with one line on stderr; `accounts.sign_in` records the attempt
(one "sign_in" record) and nothing else is written.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime

import click

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, system_lang
from gatekeeper.ledger import Ledger
from gatekeeper.services import accounts as acc
from gatekeeper.services.kiosk_pin import MAX_DIGITS

AS_HELP = (
    "Act as this account (USERNAME); its PIN is asked for (read from standard input, "
    "one line, when that is not a terminal)."
)

as_option = click.option("--as", "as_user", metavar="USERNAME", default=None, help=AS_HELP)

NO_PIN = messages.entry("cli.no_pin")
PINS_DIFFER = messages.entry("cli.pins_differ")
_PIN = messages.entry("cli.pin_prompt")
_NEW_PIN = messages.entry("cli.new_pin_prompt")
_REPEAT = messages.entry("cli.repeat_pin")


def _interactive() -> bool:
    """A person at a terminal (prompts without echo), or a script feeding lines."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


def _line(username: str) -> str:
    """One PIN line from a non-terminal standard input; EOF is a refusal."""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise LocalizedError("no_pin", NO_PIN, {"username": username})
    return line.rstrip("\r\n")


def read_pin(username: str) -> str:
    """The acting account's PIN: hidden at a terminal, else the next line."""
    if _interactive():
        return str(click.prompt(_PIN.format(system_lang(), username=username), hide_input=True))
    return _line(username)


def read_new_pin(username: str, role: acc.Role | str = acc.Role.GATE_STAFF) -> str:
    """A new PIN for a `role` account, twice. At a terminal a bad or mismatched PIN (or
    one shorter than the role needs) is asked again; from a script (one line each) it
    is a refusal, so a wrong line never becomes a PIN."""
    lang = system_lang()
    least = acc.MIN_DIGITS_FOR_ROLE[acc.Role(role)]
    if _interactive():

        def checked(value: str) -> str:
            try:
                return acc.validate_account_pin(value, role)
            except LocalizedError as exc:
                raise click.UsageError(exc.message(lang)) from exc

        return str(click.prompt(
            _NEW_PIN.format(lang, username=username, min=least, max=MAX_DIGITS),
            hide_input=True, confirmation_prompt=_REPEAT.format(lang), value_proc=checked,
        ))  # fmt: skip
    pin, again = _line(username), _line(username)
    if pin != again:
        raise LocalizedError("pins_differ", PINS_DIFFER)
    return acc.validate_account_pin(pin, role)


def sign_in_as(
    ledger: Ledger,
    username: str | None,
    action: acc.Action,
    now: Callable[[], datetime] | datetime,
) -> acc.Actor:
    """The signed-in Actor for `username`, allowed to do `action`, or a refusal
    (LocalizedError: exit 1, one line). The role is checked here too, before any
    further prompt or work; the service checks it again where it records."""
    if username is None:
        allowed = acc.allowed_roles(action)
        what = acc.ACTION_NAMES[action]
        raise LocalizedError(
            "needs_as", messages.entry("cli.needs_as"), {"allowed": allowed, "action": what})
    pin = read_pin(username)
    at = now() if callable(now) else now
    account = acc.sign_in(ledger, username, pin, at)
    assert account.actor is not None  # sign_in always proves who it signed in
    actor = acc.acting(account.actor, action)
    if account.pin_to_change:  # it still works; one line on stderr says to change it
        least = acc.MIN_DIGITS_FOR_ROLE[account.role]
        note = messages.text("accounts.pin_to_change", system_lang(), username=username,
                             role=acc.ROLE_NAMES[account.role], min=least)  # fmt: skip
        click.echo(f"gatekeeper: {note}", err=True)
    return actor
