"""Retention: erase personal fields older than N days, keep everything else.

`Ledger.purge` erases the personal part and salt of older records and the people
projection's copy (the chain covers only the salted digest, so it still verifies),
deletes unfinished screenings older than the cutoff (a draft holds a registration) and
appends the purge record, in one transaction; then the WAL checkpoint removes the old
bytes from the file and its journal (secure_delete zeroes freed pages). Badge files
the console printed beside the ledger (`badges/`) before the cutoff are deleted too.
Pre-registered workers (`pass issue`) are person records: covered the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger, NewRecord, StoredRecord
from gatekeeper.services import schema
from gatekeeper.services.accounts import Action, Actor, acting
from gatekeeper.services.kinds import Kind

BAD_DAYS = messages.entry("retention.bad_days")
MAX_DAYS = 36500  # a hundred years: beyond it the cutoff is before the calendar starts


@dataclass(frozen=True)
class PurgeResult:
    cutoff: str  # records dated before this day lost their personal fields
    records: int
    drafts: int
    record: StoredRecord
    bytes_gone: bool = True  # False: another program still reads the old bytes (WAL)
    full_exports: tuple[str, ...] = ()  # unmasked exports made of days before the cutoff
    badges: int = 0  # printed badge files (the console's badges/ folder) deleted


def purge(ledger: Ledger, older_than_days: int, now: datetime, *, by: Actor,
          wait_seconds: float = 5.0) -> PurgeResult:  # fmt: skip
    """Erase personal fields of records dated before `today - older_than_days`. Site
    managers only (`by`): checked before anything is erased, and named in the record.

    One transaction erases and records (`Ledger.purge`): never an erasure without its
    record. Whether the old bytes are gone from the files (`bytes_gone`) is said too: a
    reader holding the ledger keeps them in the WAL until it lets go (the wait for it is
    bounded by `wait_seconds`). Unmasked exports of days before the cutoff that the
    ledger recorded are listed: they are files outside the ledger, still holding names."""
    actor = acting(by, Action.PURGE)
    if not 1 <= older_than_days <= MAX_DAYS:
        raise LocalizedError("bad_days", BAD_DAYS, {"days": older_than_days})
    if now.utcoffset() is None:
        raise ValueError("purge needs a tz-aware now (site-local)")
    cutoff: date = now.date() - timedelta(days=older_than_days)

    def record(records: int, drafts: int) -> NewRecord:
        body = schema.PurgeBody(cutoff=cutoff.isoformat(), older_than_days=older_than_days,
                                count=records, drafts=drafts, by=actor.username)  # fmt: skip
        return body.record(at=now, day=now.date().isoformat())

    stored, records, drafts, gone = ledger.purge(
        cutoff.isoformat(), datetime.combine(cutoff, time(0), now.tzinfo), record,
        wait_seconds=wait_seconds)
    badges = delete_badges_before(ledger.path.parent / BADGE_FOLDER,
                                  datetime.combine(cutoff, time(0), now.tzinfo))
    return PurgeResult(cutoff.isoformat(), records, drafts, stored, gone,
                       full_exports_before(ledger, cutoff), badges)  # fmt: skip


BADGE_FOLDER = "badges"  # where the console prints badges to PDF, beside the ledger


def delete_badges_before(folder: Path, before: datetime) -> int:
    """Delete the badge files GateKeeper wrote into `folder` before `before` (a badge
    carries a name and a pass); returns how many. Files of other names are left."""
    if not folder.is_dir():
        return 0
    limit = before.timestamp()
    deleted = 0
    for path in folder.glob("badge*"):
        if path.is_file() and path.suffix in (".pdf", ".png") and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            deleted += 1
    return deleted


def full_exports_before(ledger: Ledger, cutoff: date) -> tuple[str, ...]:
    """File names of recorded unmasked daily exports of days before `cutoff`."""
    names = []
    for stored in ledger.records(kind=Kind.EXPORT):
        export = schema.ExportBody.read(stored)
        if export.full and export.date and export.date < cutoff.isoformat():
            names.append(export.file)
    return tuple(dict.fromkeys(names))
