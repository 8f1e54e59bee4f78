"""`gatekeeper simulate`: realistic traffic through the real rules and ledger."""

from __future__ import annotations

import random
import uuid
from datetime import date
from pathlib import Path

import click

from gatekeeper.cli.options import BadArgument, db_option, policy_option
from gatekeeper.domain import messages
from gatekeeper.ledger import Ledger
from gatekeeper.services.clock import parse_day
from gatekeeper.services.policy_source import resolve_policy
from gatekeeper.simulation.traffic import Simulation

DEFAULT_START = "2020-03-01"
# The simulated days stay inside these (birth dates lie decades before the first, pass
# and certificate validity runs past the last): beyond them the calendar ends.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9998, 12, 31)
OUT_OF_RANGE = messages.entry("cli.start_out_of_range")


@click.command()
@db_option
@click.option("--days", type=click.IntRange(1, 3650), required=True, help="Days of traffic.")
@click.option(
    "--people", type=click.IntRange(1, 100_000), required=True, help="The site's population."
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same ledger.")
@click.option(
    "--start",
    metavar="YYYY-MM-DD",
    default=DEFAULT_START,
    show_default=True,
    help="The first simulated day.",
)
@policy_option
def simulate(
    db: Path | None, days: int, people: int, seed: int, start: str, policy_path: Path | None
) -> None:
    """Drive realistic gate traffic through the real gate rules into a ledger."""
    if db is None:
        raise click.UsageError("--db is required: name the ledger file to write.")
    first_day: date = parse_day(start)
    if first_day < FIRST_DAY or first_day.toordinal() + days - 1 > LAST_DAY.toordinal():
        raise BadArgument("start_out_of_range", OUT_OF_RANGE, {
            "start": first_day.isoformat(), "days": days, "first": FIRST_DAY.isoformat(),
            "last": LAST_DAY.isoformat()})  # fmt: skip
    policy = resolve_policy(policy_path)
    kiosk_id = None
    if not db.exists():  # a new ledger gets a kiosk id from the seed: same seed, same ledger
        kiosk_id = str(uuid.UUID(int=random.Random(f"kiosk-{seed}").getrandbits(128), version=4))
    with Ledger.open(db, kiosk_id=kiosk_id, create=True) as ledger:
        summary = Simulation(ledger, policy, people=people, seed=seed, start=first_day).run(days)
    total = sum(summary.screenings.values())
    click.echo(
        f"Simulated {summary.days} days, {summary.people} people: {total} screenings "
        f"({_counts(summary.screenings)}); first entries: {_counts(summary.first_time)}; "
        f"{summary.in_quarantine} still in quarantine; ledger has {summary.records} records."
    )


def _counts(counts: dict[str, int]) -> str:
    order = ("admitted", "turned_away", "quarantined", "abandoned")
    return ", ".join(f"{key} {counts.get(key, 0)}" for key in order)
