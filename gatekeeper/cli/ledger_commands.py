"""`verify` and `stats`: read-only questions to a ledger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from gatekeeper.cli.options import db_option, policy_option, say
from gatekeeper.domain import messages
from gatekeeper.domain.i18n import Text, system_lang
from gatekeeper.hub.client import Hub
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
HUB_OK = messages.entry("verify.hub_ok")


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
@click.option("--hub", "hub_dsn", metavar="DSN", default=None,
              help="Check every kiosk's chain on the site hub instead of a ledger file.")
def verify(db: Path | None, expected: list[anchors.Anchor], anchors_file: Path | None,
           hub_dsn: str | None) -> None:  # fmt: skip
    """Check the ledger's hash chain, and the anchors given.

    Exit 0 with `OK: N records, head <hash>` then one `head KIOSK:SEQ:HASH` line per
    kiosk when intact; exit 1 naming the first bad record, or the anchor the chain no
    longer holds (rewritten, cut off or emptied since); exit 2 for unusable arguments or
    a file that is not a ledger. With --hub, the same for every chain on the hub.
    """
    wanted = list(expected)
    if anchors_file is not None:
        try:
            wanted += anchors.read_anchors_file(anchors_file)
        except (OSError, UnicodeDecodeError) as exc:
            fail(ANCHORS_UNREADABLE, 2, path=anchors_file, problem=exc)
        except ValueError as exc:
            fail(ANCHORS_BAD, 2, path=anchors_file, line=str(exc))
    if hub_dsn is not None:
        verify_hub(hub_dsn, wanted)
        return
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


def verify_hub(hub_dsn: str, wanted: list[anchors.Anchor]) -> None:
    """`verify --hub`: the server checks every chain again (links, hashes, digests,
    erasures), then the anchors are looked up on the hub."""
    with Hub.connect(hub_dsn) as hub:
        problem = hub.first_problem()
        heads = hub.heads()
        found = {(a.kiosk_id, a.kiosk_seq): hub.hash_at(a.kiosk_id, a.kiosk_seq) for a in wanted}
        records = hub.records_count()
    if problem is not None:
        click.echo(f"TAMPERED: kiosk {problem.kiosk_id} seq {problem.kiosk_seq} "
                   f"(uuid {problem.uuid}): {problem.what}", err=True)  # fmt: skip
        sys.exit(1)
    lang = system_lang()
    broken = False
    for anchor in wanted:
        have = found[(anchor.kiosk_id, anchor.kiosk_seq)]
        if have != anchor.hash:
            text = ANCHOR_GONE if have is None else ANCHOR_REWRITTEN
            click.echo(f"TAMPERED: {text.format(lang, anchor=anchor, found=have)}", err=True)
            broken = True
    if broken:
        sys.exit(1)
    held = f", {len(wanted)} anchors hold" if wanted else ""
    click.echo(HUB_OK.format(lang, records=records, kiosks=len(heads)) + held)
    for head in heads:
        click.echo(f"head {anchors.Anchor(head.kiosk_id, head.kiosk_seq, head.hash)}")


@click.command()
@db_option
@click.option("--hub", "hub_dsn", metavar="DSN", default=None,
              help="The site's figures from the hub instead of a ledger file.")
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The day (site-local). Default: today.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@policy_option
def stats(db: Path | None, hub_dsn: str | None, day: str | None, as_json: bool,
          policy_path: Path | None) -> None:  # fmt: skip
    """A day's figures: admitted, turned away (by reason), quarantined, abandoned,
    in quarantine now, released."""
    policy = resolve_policy(policy_path)
    if day is None:
        day = site_day(SystemClock(site_zone(policy.timezone)).now())
    else:
        day = parse_day(day).isoformat()
    if hub_dsn is not None:
        with Hub.connect(hub_dsn) as hub:
            figures = day_stats(hub, day)
    else:
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
