"""`verify` and `stats`: read-only questions to a ledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from gatekeeper.cli.options import db_option, policy_option
from gatekeeper.domain.i18n import Text, system_lang
from gatekeeper.ledger import Ledger, LedgerError
from gatekeeper.services.clock import SystemClock, parse_day, site_day, site_zone
from gatekeeper.services.policy_source import resolve_policy
from gatekeeper.services.stats import day_stats

NO_DB = Text(
    "--db is required: name the ledger file, e.g. --db ledger.sqlite3.",
    "缺少 --db：请指定台账文件，例如 --db ledger.sqlite3。",
)
MISSING_DB = Text(
    "No ledger at {path}: check the path (nothing was created).",
    "{path} 处没有台账：请检查路径（未创建任何文件）。",
)


def fail(text: Text, exit_code: int, **params: object) -> None:
    click.echo(f"gatekeeper: {text.format(system_lang(), **params)}", err=True)
    sys.exit(exit_code)


def open_existing(db: Path | None, unusable_exit: int) -> Ledger:
    """Open a ledger read-only, or exit with `unusable_exit` saying why."""
    if db is None:
        fail(NO_DB, 2)
    if not db.exists():
        fail(MISSING_DB, unusable_exit, path=db)
    try:
        return Ledger.open(db, create=False, readonly=True)
    except LedgerError as exc:
        click.echo(f"gatekeeper: {exc.message(system_lang())}", err=True)
        sys.exit(unusable_exit)


@click.command()
@db_option
def verify(db: Path | None) -> None:
    """Check the ledger's hash chain.

    Exit 0 with `OK: N records, head <hash>` when intact; exit 1 naming the first bad
    record and what is wrong; exit 2 for unusable arguments or a file that is not a ledger.
    """
    with open_existing(db, unusable_exit=2) as ledger:
        report = ledger.verify()
    if report.ok:
        click.echo(f"OK: {report.records} records, head {report.head.hash}")
        return
    problem = report.problem
    click.echo(
        f"TAMPERED: record #{problem.seq} (uuid {problem.uuid}, kiosk {problem.kiosk_id} "
        f"seq {problem.kiosk_seq}): {problem.what}",
        err=True,
    )
    sys.exit(1)


@click.command()
@db_option
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The day (site-local). Default: today.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@policy_option
def stats(db: Path | None, day: str | None, as_json: bool, policy_path: Path | None) -> None:
    """A day's figures: admitted, turned away (by reason), quarantined, abandoned,
    in quarantine now, released."""
    policy = resolve_policy(policy_path)
    if day is None:
        day = site_day(SystemClock(site_zone(policy.timezone)).now())
    else:
        day = parse_day(day).isoformat()
    with open_existing(db, unusable_exit=2) as ledger:
        figures = day_stats(ledger, day)
    if as_json:
        click.echo(json.dumps(figures.as_json(), ensure_ascii=False, sort_keys=True))
        return
    lang = system_lang()
    for label, value in figures_lines(figures, lang):
        click.echo(f"{label:<22}{value}")


LABELS = {
    "date": Text("Date", "日期"),
    "admitted": Text("Admitted", "放行"),
    "turned_away": Text("Turned away", "劝返"),
    "quarantined": Text("Quarantined", "隔离"),
    "abandoned": Text("Abandoned", "中止"),
    "in_quarantine": Text("In quarantine now", "隔离中"),
    "released": Text("Released", "解除隔离"),
}


def figures_lines(figures, lang: str) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, label in LABELS.items():
        rows.append((label.format(lang), getattr(figures, key)))
        if key == "turned_away":
            for reason, count in figures.turned_away_by_reason.items():
                rows.append((f"  {reason}", count))
    return rows
