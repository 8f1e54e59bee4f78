"""Managers' and inspectors' commands: accounts, exports, reports, purge, backup.

Each writes what it did into the ledger (an account, an export, a purge record), so
the ledger's story includes its own handling. Those that change or reveal personal
data act as an account (`--as USERNAME` and its PIN, see `gatekeeper.cli.acting`): the
services check its role and record its username. Only the very first account (the
site manager of a ledger with no account) is made without one, as the console's
first start does.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from gatekeeper.cli.acting import as_option, read_new_pin, sign_in_as
from gatekeeper.cli.ledger_commands import MISSING_DB, NO_DB, fail
from gatekeeper.cli.options import db_option, policy_option, say
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, normalise_lang, system_lang
from gatekeeper.ledger import AccountExistsError, Ledger, LedgerError, LedgerHead
from gatekeeper.services import accounts as acc
from gatekeeper.services.atomic import OutputRefused
from gatekeeper.services.clock import SystemClock, parse_day, site_zone
from gatekeeper.services.policy_source import resolve_policy

ADD_NEEDS_AS = messages.entry("cli.add_needs_as")
_CREATED = messages.entry("cli.account_created")
_NO_ACCOUNTS = messages.entry("cli.no_accounts")
_OLD_PIN = messages.entry("cli.account_list_old_pin")
_EXPORTED = messages.entry("cli.exported")
_REPORTED = messages.entry("cli.reported")
_PURGED = messages.entry("cli.purged")
_BACKED_UP = messages.entry("cli.backed_up")


def open_writable(db: Path | None) -> Ledger:
    """An existing ledger for writing (these commands record what they do)."""
    if db is None:
        fail(NO_DB, 2)
    if not db.exists():
        fail(MISSING_DB, 2, path=db)
    try:
        return Ledger.open(db, create=False)
    except LedgerError as exc:
        say(exc.message(system_lang()))
        raise SystemExit(2) from exc


def _now(policy_path: Path | None) -> tuple[datetime, object]:
    policy = resolve_policy(policy_path)
    zone = site_zone(policy.timezone)
    return SystemClock(zone).now(), zone


def _lang(lang: str | None) -> str:
    return normalise_lang(lang) if lang else system_lang()


# --- accounts ---------------------------------------------------------------------------


@click.group("account")
def account() -> None:
    """Accounts that sign in at the kiosk: gate staff, site managers, inspectors."""


@account.command("add")
@db_option
@click.option("--username", required=True, help="Sign-in name: lower-case letters, digits, . _ -")
@click.option(
    "--role",
    type=click.Choice([r.value for r in acc.Role]),
    required=True,
    help="gate_staff, site_manager or inspector (the first account must be a site manager).",
)
@click.option("--name", "display_name", required=True, help="The person's name as shown.")
@as_option
@policy_option
def account_add(
    db: Path | None, username: str, role: str, display_name: str, as_user: str | None,
    policy_path: Path | None,
) -> None:  # fmt: skip
    """Create an account, as a site manager (--as USERNAME: their PIN first), then the
    new account's PIN twice (not shown; stored as a salted hash). On a ledger with no
    account yet, the first site manager needs no --as."""
    lang = system_lang()
    acc.validate_username(username)
    with open_writable(db) as ledger:
        first = not ledger.accounts()
        if first and role != acc.Role.SITE_MANAGER:
            raise LocalizedError("first_must_be_manager", acc.FIRST_MUST_BE_MANAGER)
        if as_user is None and not first:
            raise LocalizedError("needs_as", ADD_NEEDS_AS)
        if ledger.get_account(username) is not None:  # say so before asking for a PIN
            raise AccountExistsError(username=username)
        now, _zone = _now(policy_path)
        if as_user is None:  # the first start, from the shell
            pin = read_new_pin(username, acc.Role.SITE_MANAGER)
            created = acc.create_first_manager(
                ledger, username=username, display_name=display_name, pin=pin, now=now,
                by=acc.CLI_ACTOR,
            )  # fmt: skip
        else:
            actor = sign_in_as(ledger, as_user, acc.Action.ACCOUNTS, now)
            pin = read_new_pin(username, role)
            created = acc.create_account(
                ledger, username=username, role=role, display_name=display_name, pin=pin,
                now=now, by=actor,
            )  # fmt: skip
    role_name = acc.ROLE_NAMES[created.role].format(lang)
    click.echo(_CREATED.format(lang, username=created.username, role=role_name))


@account.command("list")
@db_option
def account_list(db: Path | None) -> None:
    """List the accounts: username, role, name, and a lockout if one is running."""
    lang = system_lang()
    with open_writable(db) as ledger:
        rows = acc.list_accounts(ledger)
    if not rows:
        click.echo(_NO_ACCOUNTS.format(lang))
        return
    for a in rows:
        locked = f"  locked until {a.locked_until:%Y-%m-%d %H:%M}" if a.locked_until else ""
        least = acc.MIN_DIGITS_FOR_ROLE[a.role]
        old = f"  {_OLD_PIN.format(lang, min=least)}" if a.pin_to_change else ""
        click.echo(f"{a.username:<20}{a.role.value:<14}{a.display_name}{locked}{old}")


# --- exports and reports ------------------------------------------------------------------


@click.command("export")
@db_option
@click.option("--date", "day", metavar="YYYY-MM-DD", required=True, help="The day to export.")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "xlsx", "pdf"]), required=True,
    help="csv (UTF-8 with BOM), xlsx or pdf.",
)  # fmt: skip
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="The file to write (replaced only once the export is complete).",
)  # fmt: skip
@click.option(
    "--lang", type=click.Choice(["zh_CN", "en"]), default=None,
    help="Language of headers and texts. Default: the system locale.",
)  # fmt: skip
@click.option(
    "--full", is_flag=True,
    help="Unmasked ID numbers and phones (for inspectors); recorded in the export record.",
)  # fmt: skip
@click.option("--site", default=None, help="The site's name on the report. Default: the kiosk id.")
@as_option
@policy_option
def export(
    db: Path | None, day: str, fmt: str, output: Path, lang: str | None, full: bool,
    site: str | None, as_user: str | None, policy_path: Path | None,
) -> None:  # fmt: skip
    """Export a day's ledger: one row per screening, as CSV, XLSX or PDF, names, ID
    numbers and phones masked. --full (unmasked) acts as --as USERNAME (its PIN is
    asked for), an inspector; --as also names a site manager or inspector for a masked
    export (recorded as theirs; without it the record says "cli")."""
    from gatekeeper.services.exports import export_day

    day = parse_day(day).isoformat()
    lang = _lang(lang)
    now, zone = _now(policy_path)
    writer = None
    if fmt == "pdf":
        from gatekeeper.reports.daily import write_daily_pdf

        writer = write_daily_pdf
    wanted = acc.Action.EXPORT_FULL if full else acc.Action.EXPORT
    with open_writable(db) as ledger:
        refuse_bad_output(output, ledger)  # before the sign-in: nothing is written
        # A masked export runs without an account, as it always did (as `stats` does);
        # --full needs the signed-in inspector, and --as signs in for either.
        actor = None if (as_user is None and not full) else sign_in_as(
            ledger, as_user, wanted, now)
        result = export_day(
            ledger, day, fmt, output, lang=lang, full=full, site=site or ledger.kiosk_id,
            now=now, tz=zone, by=actor, pdf_writer=writer,
        )  # fmt: skip
        head = ledger.head()
    click.echo(_EXPORTED.format(
        system_lang(), rows=result.rows, day=day, path=output, digest=result.sha256))  # fmt: skip
    write_anchors(output, head, f"export of {day}")


def anchors_path(output: Path) -> Path:
    return output.with_name(output.name + ".anchors")


def write_anchors(output: Path, head: LedgerHead, note: str) -> None:
    """Print each kiosk's head (`head KIOSK:SEQ:HASH`) and write them beside the output
    as OUTPUT.anchors, for `verify --anchors` later: keep a copy where the kiosk cannot
    reach it."""
    from gatekeeper.ledger.anchors import anchors_of, anchors_text
    from gatekeeper.services.atomic import atomic_output

    for anchor in anchors_of(head):
        click.echo(f"head {anchor}")
    with atomic_output(anchors_path(output)) as tmp:
        tmp.write_text(anchors_text(head, note), encoding="utf-8")


def refuse_bad_output(output: Path, ledger: Ledger) -> None:
    """An output that is the ledger, a database or a companion, a folder, or in a folder
    that is missing or read-only: refused (exit 2) before anything is written."""
    from gatekeeper.services.atomic import check_output, check_output_folder

    check_output(output, protect=(Path(ledger.path),))
    check_output(anchors_path(output), protect=(Path(ledger.path),))
    check_output_folder(output)


@click.command("report")
@db_option
@click.option("--from", "date_from", metavar="YYYY-MM-DD", required=True, help="First day.")
@click.option("--to", "date_to", metavar="YYYY-MM-DD", required=True, help="Last day (included).")
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="The PDF file to write.",
)  # fmt: skip
@click.option(
    "--lang", type=click.Choice(["zh_CN", "en"]), default=None,
    help="Language of the report. Default: the system locale.",
)  # fmt: skip
@click.option("--site", default=None, help="The site's name on the report. Default: the kiosk id.")
@as_option
@policy_option
def report(
    db: Path | None, date_from: str, date_to: str, output: Path, lang: str | None,
    site: str | None, as_user: str | None, policy_path: Path | None,
) -> None:  # fmt: skip
    """An inspection report (PDF) for a date range, with the chain head and verdict.
    Acts as --as USERNAME (its PIN is asked for): a site manager or an inspector."""
    from gatekeeper.reports.inspection import write_inspection_pdf
    from gatekeeper.services.exports import export_inspection_report

    start, end = parse_day(date_from), parse_day(date_to)
    _refuse_long_range(start, end)
    lang = _lang(lang)
    now, _zone = _now(policy_path)
    with open_writable(db) as ledger:
        refuse_bad_output(output, ledger)  # before the sign-in: nothing is written
        actor = sign_in_as(ledger, as_user, acc.Action.INSPECTION_REPORT, now)
        name = site or ledger.kiosk_id
        data, _digest, _record = export_inspection_report(
            ledger, start, end, output,
            lambda d, tmp: write_inspection_pdf(d, tmp, lang=lang, site=name),
            now=now, by=actor,
        )  # fmt: skip
        head = ledger.head()
    verdict = messages.entry("cli.verdict.intact" if data.verify.ok else "cli.verdict.tampered")
    out_lang = system_lang()
    click.echo(_REPORTED.format(
        out_lang, start=data.date_from, end=data.date_to, path=output,
        verdict=verdict.format(out_lang), head=data.head.hash,
    ))  # fmt: skip
    write_anchors(output, head, f"report {data.date_from}..{data.date_to}")
    if not data.verify.ok:
        raise SystemExit(1)


def _refuse_long_range(start: date, end: date) -> None:
    """A reversed range, or one over the report's limit, is refused (exit 2) before the
    sign-in; never cut short silently."""
    from gatekeeper.cli.options import BadArgument
    from gatekeeper.services.review import BAD_RANGE, MAX_RANGE_DAYS

    if end < start:
        raise BadArgument("bad_range", BAD_RANGE, {"start": start, "to": end})
    days = end.toordinal() - start.toordinal() + 1
    if days > MAX_RANGE_DAYS:
        raise BadArgument("range_too_long", messages.entry("cli.range_too_long"), {
            "start": start.isoformat(), "end": end.isoformat(), "days": days,
            "limit": MAX_RANGE_DAYS})  # fmt: skip


# --- retention and backup -------------------------------------------------------------------


@click.command("purge")
@db_option
@click.option(
    "--older-than", "days", type=click.IntRange(1, 36500), required=True, metavar="DAYS",
    help="Erase personal fields of records dated more than DAYS days ago.",
)  # fmt: skip
@click.option(
    "--backups", "backup_folders", type=click.Path(file_okay=False, path_type=Path),
    multiple=True, metavar="DIR",
    help="A folder `gatekeeper backup --to` writes to (repeatable): this ledger's backups "
    "there are purged too.",
)  # fmt: skip
@as_option
@policy_option
def purge(db: Path | None, days: int, backup_folders: tuple[Path, ...], as_user: str | None,
          policy_path: Path | None) -> None:  # fmt: skip
    """Erase names, ID numbers, phones and signatures older than DAYS days; figures,
    outcomes and the hash chain stay. The purge is recorded. With --backups DIR, this
    ledger's backups in DIR are purged the same way (exit 2 if one could not be). Acts as
    --as USERNAME (its PIN is asked for), a site manager."""
    from gatekeeper.services.backup import NO_FOLDER
    from gatekeeper.services.retention import purge as run_purge

    for folder in backup_folders:  # before the sign-in: nothing is written
        if not folder.is_dir():
            raise LocalizedError("no_backup_folder", NO_FOLDER, {"path": folder})
    now, _zone = _now(policy_path)
    with open_writable(db) as ledger:
        actor = sign_in_as(ledger, as_user, acc.Action.PURGE, now)
        result = run_purge(ledger, days, now, by=actor, backup_folders=backup_folders)
        path = ledger.path
    lang = system_lang()
    click.echo(
        _PURGED.format(lang, records=result.records, cutoff=result.cutoff, drafts=result.drafts)
    )
    if result.badges:
        click.echo(messages.text("retention.badges", lang, count=result.badges))
    if backup_folders:
        folders = ", ".join(str(f) for f in backup_folders)
        click.echo(messages.text("retention.backups", lang, count=len(result.backups),
                                 folders=folders))  # fmt: skip
    else:
        click.echo(messages.text("retention.no_backup_folder_given", lang))
    for name in result.full_exports:
        click.echo(messages.text("retention.full_export", lang, file=name))
    could_not = False
    for failed in result.backups_failed:  # said plainly: that backup still holds the data
        say(messages.text("retention.backup_not_purged", lang, path=failed.path,
                          problem=failed.problem.message(lang)))  # fmt: skip
        could_not = True
    if not result.bytes_gone:  # said honestly: erased in the database, not yet on disk
        say(messages.text("retention.bytes_kept", lang, path=path))
        could_not = True
    if could_not:
        raise SystemExit(2)


@click.command("restore")
@db_option
@click.option("--from", "backup_file", type=click.Path(dir_okay=False, path_type=Path),
              required=True, help="The backup to restore (a file `backup` wrote).")  # fmt: skip
@click.option("--force", is_flag=True,
              help="Replace the ledger even though it holds records the backup lacks.")
def restore(db: Path | None, backup_file: Path, force: bool) -> None:
    """Put a backup in place of the ledger (stop the kiosk first). The backup is verified
    first; a ledger holding records the backup lacks is refused (exit 1) unless --force;
    the replaced ledger is kept beside it; -wal/-shm are handled here. Exit 0 once the
    restored ledger verifies, 1 refused or a damaged backup, 2 unusable arguments."""
    from gatekeeper.services.backup import restore_backup

    if db is None:
        fail(NO_DB, 2)
    if not backup_file.is_file():
        fail(MISSING_DB, 2, path=backup_file)
    if db.exists() and db.resolve() == backup_file.resolve():
        raise OutputRefused(db, "is_ledger")
    try:
        Ledger.open(backup_file, create=False, readonly=True).close()
    except LedgerError as exc:
        say(exc.message(system_lang()))
        raise SystemExit(2) from exc
    result = restore_backup(backup_file, db, force=force)
    lang = system_lang()
    kept = messages.text("backup.kept", lang, kept=result.kept) if result.kept else ""
    click.echo(messages.text("backup.restored", lang, path=db, backup=backup_file,
                             records=result.records, head=result.head, kept=kept))  # fmt: skip


@click.command("backup")
@db_option
@click.option(
    "--to", "folder", type=click.Path(file_okay=False, path_type=Path), required=True,
    help="The folder for the backups (it must exist).",
)  # fmt: skip
@click.option(
    "--keep", type=int, default=14, show_default=True,
    help="How many backups of this ledger to keep in the folder (the oldest go).",
)  # fmt: skip
def backup(db: Path | None, folder: Path, keep: int) -> None:
    """A consistent, verified copy of the ledger while the kiosk runs."""
    from gatekeeper.services.backup import backup as run_backup

    if db is None:
        fail(NO_DB, 2)
    if not db.exists():
        fail(MISSING_DB, 2, path=db)
    if folder.is_dir():  # a read-only folder is refused before anything is copied
        from gatekeeper.services.atomic import check_output_folder

        check_output_folder(folder / db.name)
    try:
        ledger = Ledger.open(db, create=False, readonly=True)
    except LedgerError as exc:
        say(exc.message(system_lang()))
        raise SystemExit(2) from exc
    with ledger:
        result = run_backup(ledger, folder, keep=keep)
    click.echo(_BACKED_UP.format(
        system_lang(), path=result.path, records=result.records, head=result.head,
        removed=len(result.removed),
    ))  # fmt: skip
