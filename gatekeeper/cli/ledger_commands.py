"""`verify` and `stats`: read-only questions to a ledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from gatekeeper.cli.options import db_option, policy_option, say
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import Text, system_lang
from gatekeeper.ledger import Ledger, LedgerError, anchors
from gatekeeper.services.clock import SystemClock, parse_day, site_day, site_zone
from gatekeeper.services.policy_source import resolve_policy
from gatekeeper.services.stats import day_stats

NO_DB = messages.entry("cli.no_db")
MISSING_DB = messages.entry("cli.missing_db")


ANCHOR_GONE = messages.entry("verify.anchor_gone")
ANCHOR_REWRITTEN = messages.entry("verify.anchor_rewritten")
ANCHORS_BAD = messages.entry("verify.anchors_bad")
ANCHORS_UNREADABLE = messages.entry("verify.anchors_unreadable")


def fail(text: Text, exit_code: int, **params: object) -> None:
    say(text.format(system_lang(), **params))
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
        say(exc.message(system_lang()))
        sys.exit(unusable_exit)


def _anchor(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
            ) -> list[anchors.Anchor]:  # fmt: skip
    try:
        return [anchors.Anchor.parse(v) for v in values]
    except ValueError as exc:
        raise click.BadParameter(f"{exc} is not KIOSK:SEQ:HASH") from None


@click.command()
@db_option
@click.option("--expect-head", "expected", multiple=True, callback=_anchor,
              metavar="KIOSK:SEQ:HASH",
              help="An anchor written down earlier (printed by verify, export and report): "
                   "exit 1 unless that record is still in the chain with that hash. "
                   "Repeatable.")  # fmt: skip
@click.option("--anchors", "anchors_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="A file of anchors (one `head KIOSK:SEQ:HASH` a line, as "
                                 "export and report write it).")  # fmt: skip
def verify(db: Path | None, expected: list[anchors.Anchor], anchors_file: Path | None) -> None:
    """Check the ledger's hash chain, and the anchors given.

    Exit 0 with `OK: N records, head <hash>` then one `head KIOSK:SEQ:HASH` line per
    kiosk when intact; exit 1 naming the first bad record, or the anchor the chain no
    longer holds (rewritten, cut off or emptied since); exit 2 for unusable arguments or
    a file that is not a ledger.
    """
    wanted = list(expected)
    if anchors_file is not None:
        try:
            wanted += anchors.read_anchors_file(anchors_file)
        except (OSError, UnicodeDecodeError) as exc:
            fail(ANCHORS_UNREADABLE, 2, path=anchors_file, problem=exc)
        except ValueError as exc:
            fail(ANCHORS_BAD, 2, path=anchors_file, line=str(exc))
    with open_existing(db, unusable_exit=2) as ledger:
        report = ledger.verify()
        broken = ledger.check_anchors(wanted)
    if not report.ok:
        problem = report.problem
        assert problem is not None
        where = (  # a problem of no one record (a kiosk's records all gone) names none
            f"record #{problem.seq} (uuid {problem.uuid}, kiosk {problem.kiosk_id} "
            f"seq {problem.kiosk_seq})" if problem.seq is not None
            else f"kiosk {problem.kiosk_id}" if problem.kiosk_id else "the ledger"
        )  # fmt: skip
        click.echo(f"TAMPERED: {where}: {problem.what}", err=True)
        sys.exit(1)
    if broken:
        lang = system_lang()
        for gone in broken:
            text = ANCHOR_GONE if gone.found is None else ANCHOR_REWRITTEN
            click.echo(f"TAMPERED: {text.format(lang, anchor=gone.anchor, found=gone.found)}",
                       err=True)  # fmt: skip
        sys.exit(1)
    held = f", {len(wanted)} anchors hold" if wanted else ""
    click.echo(f"OK: {report.records} records, head {report.head.hash}{held}")
    for anchor in anchors.anchors_of(report.head):
        click.echo(f"head {anchor}")


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
    "date": messages.entry("label.date"),
    "admitted": messages.entry("outcome.admitted"),
    "turned_away": messages.entry("outcome.turned_away"),
    "quarantined": messages.entry("outcome.quarantined"),
    "abandoned": messages.entry("outcome.abandoned"),
    "in_quarantine": messages.entry("cli.figures.in_quarantine"),
    "released": messages.entry("label.released"),
}


def figures_lines(figures, lang: str) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = []
    for key, label in LABELS.items():
        rows.append((label.format(lang), getattr(figures, key)))
        if key == "turned_away":
            for reason, count in figures.turned_away_by_reason.items():
                rows.append((f"  {reason}", count))
    return rows
