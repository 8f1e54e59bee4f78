"""Retention: erase personal fields older than N days, keep everything else.

`Ledger.purge_personal` erases the personal part and salt of older records and the
people projection's copy (the chain covers only the salted digest, so it still
verifies); unfinished screenings older than the cutoff go too (a draft holds a
registration). Both before the WAL checkpoint, so the old bytes are gone from the file
and its journal (secure_delete zeroes freed pages). The purge is then recorded.
Pre-registered workers (`pass issue`) are person records: covered the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger, StoredRecord
from gatekeeper.services import schema
from gatekeeper.services.accounts import Action, Actor, acting

BAD_DAYS = messages.entry("retention.bad_days")


@dataclass(frozen=True)
class PurgeResult:
    cutoff: str  # records dated before this day lost their personal fields
    records: int
    drafts: int
    record: StoredRecord


def purge(ledger: Ledger, older_than_days: int, now: datetime, *, by: Actor) -> PurgeResult:
    """Erase personal fields of records dated before `today - older_than_days`. Site
    managers only (`by`): checked before anything is erased, and named in the record."""
    actor = acting(by, Action.PURGE)
    if older_than_days < 1:
        raise LocalizedError("bad_days", BAD_DAYS, {"days": older_than_days})
    if now.utcoffset() is None:
        raise ValueError("purge needs a tz-aware now (site-local)")
    cutoff: date = now.date() - timedelta(days=older_than_days)
    drafts = ledger.discard_drafts_before(datetime.combine(cutoff, time(0), now.tzinfo))
    records = ledger.purge_personal(cutoff.isoformat())
    body = schema.PurgeBody(cutoff=cutoff.isoformat(), older_than_days=older_than_days,
                            count=records, drafts=drafts, by=actor.username)  # fmt: skip
    record = ledger.append(body.record(at=now, day=now.date().isoformat()))
    ledger.checkpoint()
    return PurgeResult(cutoff.isoformat(), records, drafts, record)
