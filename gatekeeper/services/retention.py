"""Retention: erase personal fields older than N days, keep everything else.

`Ledger.purge` erases the personal part and salt of older records and the people
projection's copy (the chain covers only the salted digest, so it still verifies),
deletes unfinished screenings older than the cutoff (a draft holds a registration) and
appends the purge record, in one transaction; then the WAL checkpoint removes the old
bytes from the file and its journal (secure_delete zeroes freed pages). Badge files
the console printed beside the ledger (`badges/`) before the cutoff are deleted too.
Pre-registered workers (`pass issue`) are person records: covered the same way.

Backups: every backup of this ledger (this kiosk id, `backup.backups_in`, as the
backup's rotation finds them) in the backup folders given is purged the same way, each
in one transaction with its own purge record (same cutoff, same manager), so `verify`
on the backup still holds and covers the erasure. Nothing records where backups were
written (`backup` opens the ledger read-only), so the folders are the caller's: the
command's `--backups DIR`, the folder its `backup --to` writes to. A backup that cannot
be purged (damaged, locked, read-only, still read) is named with the reason; the
others are purged all the same.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger, LedgerError, NewRecord, StoredRecord
from gatekeeper.ledger.errors import from_sqlite
from gatekeeper.services import schema
from gatekeeper.services.accounts import Action, Actor, acting
from gatekeeper.services.backup import NO_FOLDER, backups_in
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
    backups: tuple[Path, ...] = ()  # backups of this ledger purged (each with its record)
    backups_failed: tuple[BackupNotPurged, ...] = ()  # still holding the personal data


@dataclass(frozen=True)
class BackupNotPurged:
    """A backup of this ledger that still holds the personal fields, and why."""

    path: Path
    problem: LocalizedError


BYTES_KEPT_IN_BACKUP = messages.entry("retention.backup_bytes_kept")


def purge(
    ledger: Ledger, older_than_days: int, now: datetime, *, by: Actor,
    wait_seconds: float = 5.0, backup_folders: Sequence[Path] = (),
) -> PurgeResult:  # fmt: skip
    """Erase personal fields of records dated before `today - older_than_days`. Site
    managers only (`by`): checked before anything is erased, and named in the record.

    One transaction erases and records (`Ledger.purge`): never an erasure without its
    record. Whether the old bytes are gone from the files (`bytes_gone`) is said too: a
    reader holding the ledger keeps them in the WAL until it lets go (the wait for it is
    bounded by `wait_seconds`). Unmasked exports of days before the cutoff that the
    ledger recorded are listed: they are files outside the ledger, still holding names.

    Then every backup of this ledger in `backup_folders` (module doc) is purged the
    same way, each in its own transaction with its own purge record; a folder that does
    not exist is refused before anything is erased."""
    actor = acting(by, Action.PURGE)
    if not 1 <= older_than_days <= MAX_DAYS:
        raise LocalizedError("bad_days", BAD_DAYS, {"days": older_than_days})
    if now.utcoffset() is None:
        raise ValueError("purge needs a tz-aware now (site-local)")
    folders = [Path(f) for f in backup_folders]
    for folder in folders:
        if not folder.is_dir():
            raise LocalizedError("no_backup_folder", NO_FOLDER, {"path": folder})
    cutoff: date = now.date() - timedelta(days=older_than_days)

    def record(records: int, drafts: int) -> NewRecord:
        body = schema.PurgeBody(cutoff=cutoff.isoformat(), older_than_days=older_than_days,
                                count=records, drafts=drafts, by=actor.username)  # fmt: skip
        return body.record(at=now, day=now.date().isoformat())

    drafts_before = datetime.combine(cutoff, time(0), now.tzinfo)
    stored, records, drafts, gone = ledger.purge(
        cutoff.isoformat(), drafts_before, record, wait_seconds=wait_seconds)
    badges = delete_badges_before(ledger.path.parent / BADGE_FOLDER, drafts_before)
    purged: list[Path] = []
    backups, failed = _backups_of(ledger, folders)
    for path in backups:
        problem = purge_backup(path, cutoff, drafts_before, record, wait_seconds=wait_seconds)
        if problem is None:
            purged.append(path)
        else:
            failed.append(BackupNotPurged(path, problem))
    return PurgeResult(cutoff.isoformat(), records, drafts, stored, gone,
                       full_exports_before(ledger, cutoff), badges,
                       tuple(purged), tuple(failed))  # fmt: skip

def _backups_of(
    ledger: Ledger, folders: Sequence[Path]
) -> tuple[list[Path], list[BackupNotPurged]]:
    """The backups of this ledger's kiosk in `folders` (each file once, never the ledger),
    and the folders that could not be listed (their backups are not purged)."""
    own = ledger.path.resolve()
    found: dict[Path, None] = {}
    unlisted: list[BackupNotPurged] = []
    for folder in folders:
        try:
            paths = backups_in(folder, ledger.kiosk_id)
        except OSError as exc:
            unlisted.append(BackupNotPurged(folder, _os_error(folder, exc)))
            continue
        for path in paths:
            if path.resolve() != own:
                found.setdefault(path.resolve())
    return list(found), unlisted


def _os_error(path: Path, exc: OSError) -> LocalizedError:
    return LocalizedError("backup_unreadable", messages.entry("retention.backup_os_error"),
                          {"path": path, "error": exc.strerror or str(exc)})  # fmt: skip


def purge_backup(
    path: Path, cutoff: date, drafts_before: datetime,
    make_record: Callable[[int, int], NewRecord], *, wait_seconds: float = 5.0,
) -> LocalizedError | None:  # fmt: skip
    """Purge one backup as the ledger was (`Ledger.purge`: the erasure and its purge
    record in one transaction, then the bytes folded out of its journal). None when done;
    otherwise why the backup still holds the personal fields (damaged, locked, read-only,
    or still read by another program)."""
    try:
        with Ledger.open(path, create=False) as copy:
            _stored, _n, _drafts, gone = copy.purge(
                cutoff.isoformat(), drafts_before, make_record, wait_seconds=wait_seconds)
    except LedgerError as exc:
        return exc
    except sqlite3.Error as exc:
        return from_sqlite(exc, str(path))
    except OSError as exc:
        return _os_error(path, exc)
    if not gone:
        return LocalizedError("backup_bytes_kept", BYTES_KEPT_IN_BACKUP, {"path": path})
    return None


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
