"""`gatekeeper hub init|add-kiosk` and `gatekeeper sync`: the site hub (PostgreSQL).

Exit codes: 0 done (in step with the hub); 1 the hub refuses (this kiosk's chain is
not the hub's, a conflicting record, a privilege missing); 2 could not run (the hub
cannot be reached, is not set up, an insecure or unparseable DSN, no ledger). A
password given in a DSN is never printed: messages show the DSN without it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from gatekeeper.cli.ledger_commands import fail
from gatekeeper.cli.manager_commands import open_writable
from gatekeeper.cli.options import db_option, policy_option, say
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import system_lang
from gatekeeper.hub import admin
from gatekeeper.hub.client import Hub
from gatekeeper.hub.errors import HubError, NoHubConnectionError
from gatekeeper.services import hub_link
from gatekeeper.services.clock import SystemClock, site_zone
from gatekeeper.services.policy_source import resolve_policy
from gatekeeper.services.sync import connect_and_sync, waiting

NO_DB = messages.entry("cli.no_db")
INITIALISED = messages.entry("hub.initialised")
ADDED = messages.entry("hub.kiosk_added")
SYNCED = messages.entry("hub.synced")
READER_ADDED = messages.entry("hub.reader_added")

_HUB_HELP = ("The site hub: a libpq connection string or postgresql:// URL. A hub on "
             "another machine is reached with its certificate checked (sslmode=verify-full).")
hub_option = click.option("--hub", "hub_dsn", metavar="DSN", help=_HUB_HELP)
hub_required = click.option("--hub", "hub_dsn", metavar="DSN", required=True, help=_HUB_HELP)


@click.group("hub")
def hub_group() -> None:
    """The site hub: one PostgreSQL database every kiosk of the site syncs with."""


@hub_group.command("init")
@hub_required
def init(hub_dsn: str) -> None:
    """Create or migrate the hub's schema and roles in the database DSN names.

    Idempotent: running it again changes nothing (and re-grants the roles)."""
    hub, version, _created = admin.init(hub_dsn)
    with hub:
        click.echo(INITIALISED.format(system_lang(), hub=hub.shown, version=version))


@hub_group.command("add-kiosk")
@hub_required
@db_option
def add_kiosk(hub_dsn: str, db: Path | None) -> None:
    """Register the kiosk of that ledger at the hub and give it a role of its own.

    Its connection is kept in an owner-only file (used by `sync` and the kiosk); the
    last line of the output is the kiosk's DSN, which holds no password."""
    with open_writable(db) as ledger:
        kiosk = ledger.kiosk_id
    with Hub.connect(hub_dsn) as hub:
        role, password = admin.add_kiosk(hub, kiosk)
    kiosk_dsn, dsn_file = hub_link.remember(kiosk, hub_dsn, role, password)
    click.echo(ADDED.format(system_lang(), kiosk=kiosk, file=dsn_file))
    click.echo(kiosk_dsn)


@hub_group.command("add-reader")
@hub_required
@click.option("--name", required=True, metavar="NAME",
              help="Lower-case letters, digits and _ (e.g. the person's username).")
@click.option("--role", "what", type=click.Choice(admin.READER_ROLES), required=True,
              help="manager or inspector: both read the site's records, neither writes.")
def add_reader(hub_dsn: str, name: str, what: str) -> None:
    """A read-only role at the hub for a site manager's or an inspector's tools
    (`verify --hub`, `stats --hub`, reporting). Its password is kept in an owner-only file
    on this machine; the last line of the output is its DSN (no password in it)."""
    with Hub.connect(hub_dsn) as hub:
        try:
            role, password = admin.add_reader(hub, name, what)
        except ValueError:
            raise click.BadParameter(name, param_hint="--name") from None
    reader_dsn, dsn_file = hub_link.remember(f"reader-{name}", hub_dsn, role, password)
    click.echo(READER_ADDED.format(system_lang(), name=name, role=what, file=dsn_file))
    click.echo(reader_dsn)


@click.command("sync")
@db_option
@hub_option
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@policy_option
def sync(db: Path | None, hub_dsn: str | None, as_json: bool, policy_path: Path | None) -> None:
    """Push this kiosk's new records to the hub, then pull the other kiosks', once.

    Without --hub, the connection `hub add-kiosk` remembered. Exit 0 in step with the
    hub; 1 the hub refuses this kiosk's chain (diverged, conflict); 2 the hub cannot be
    reached (nothing is lost: sync again later). --json keys: kiosk, pushed, pulled,
    waiting, hub, ok (and error, code when it fails)."""
    if db is None:
        fail(NO_DB, 2)
    policy = resolve_policy(policy_path)
    now = SystemClock(site_zone(policy.timezone)).now()
    with open_writable(db) as ledger:
        dsn = hub_dsn or hub_link.remembered(ledger.kiosk_id)
        try:
            if dsn is None:
                raise NoHubConnectionError(kiosk=ledger.kiosk_id, db=db)
            result = connect_and_sync(ledger, dsn, now=now)
        except HubError as exc:
            if not as_json:
                raise
            click.echo(json.dumps({
                "kiosk": ledger.kiosk_id, "pushed": None, "pulled": None,
                "waiting": waiting(ledger), "ok": False, "code": exc.code,
                "error": exc.message(system_lang()),
            }, ensure_ascii=False, sort_keys=True))  # fmt: skip
            say(exc.message(system_lang()))  # and, as every error, one line on stderr
            sys.exit(exc.exit_code)
    if as_json:
        click.echo(json.dumps(result.as_json(), ensure_ascii=False, sort_keys=True))
        return
    click.echo(SYNCED.format(system_lang(), kiosk=result.kiosk, pushed=result.pushed,
                             pulled=result.pulled, waiting=result.waiting))  # fmt: skip
