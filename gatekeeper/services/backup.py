"""Online backups of the ledger, and their restore.

A backup is SQLite's own backup API run as one step (one read transaction), so it is
a consistent snapshot even while the kiosk keeps appending (WAL: readers do not block
the writer). The copy is written under a temporary name, verified (`verify()` over
every record) and only then given its timestamped name; the oldest backups beyond
`keep` are removed. The site's pass-signing key is not in the ledger, so it is never
in a backup (back up the key folder separately, privately).

Restore: stop the kiosk, then `restore_backup` (or by hand: copy the backup over the
ledger path and delete the ledger's `-wal` and `-shm` files), then verify.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger

DEFAULT_KEEP = 14
_NAME = re.compile(r"(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}(?:\d{6})?Z)\.sqlite3$")

NO_FOLDER = messages.entry("backup.no_folder")
BAD_COPY = messages.entry("backup.bad_copy")
BAD_KEEP = messages.entry("backup.bad_keep")


@dataclass(frozen=True)
class BackupResult:
    path: Path
    records: int
    head: str
    removed: list[Path]


def backups_in(folder: Path, stem: str) -> list[Path]:
    """The backups of ledger `stem` in `folder`, oldest first (by their timestamp)."""
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == stem and path.is_file():
            found.append((match["stamp"], path))
    return [path for _, path in sorted(found)]


def backup(
    ledger: Ledger, folder: Path, *, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> BackupResult:
    """Copy `ledger` into `folder` as `<name>-<UTC timestamp>.sqlite3`, verified."""
    if keep < 1:
        raise LocalizedError("bad_keep", BAD_KEEP, {"keep": keep})
    folder = Path(folder)
    if not folder.is_dir():
        raise LocalizedError("no_backup_folder", NO_FOLDER, {"path": folder})
    now = (now or datetime.now(UTC)).astimezone(UTC)
    stem = ledger.path.stem
    target = folder / f"{stem}-{now:%Y%m%dT%H%M%S%fZ}.sqlite3"
    tmp = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        ledger.backup_to(tmp)
        with Ledger.open(tmp, create=False, readonly=True) as copy:
            report = copy.verify()
        if not report.ok:
            problem = report.problem.what if report.problem else "?"
            raise LocalizedError("backup_not_verified", BAD_COPY, {"problem": problem})
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    existing = backups_in(folder, stem)
    removed = existing[:-keep] if len(existing) > keep else []
    for old in removed:
        old.unlink(missing_ok=True)
    return BackupResult(target, report.records, report.head.hash, removed)


def restore_backup(backup_file: Path, ledger_path: Path) -> Path | None:
    """Put a verified backup in place of the ledger (the kiosk must be stopped).

    The current ledger, if any, is kept beside it as `<name>.before-restore-<stamp>`
    (it may be evidence), and its `-wal`/`-shm` files are removed: SQLite would
    otherwise replay the old file's journal into the restored one. Returns where the
    old ledger went.
    """
    with Ledger.open(backup_file, create=False, readonly=True) as copy:
        report = copy.verify()
    if not report.ok:
        problem = report.problem.what if report.problem else "?"
        raise LocalizedError("backup_not_verified", BAD_COPY, {"problem": problem})
    ledger_path = Path(ledger_path)
    tmp = ledger_path.with_name(f".{ledger_path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # owner-only, as the ledger
    os.close(fd)
    shutil.copyfile(backup_file, tmp)
    kept = None
    if ledger_path.exists():
        # Fold the old journal into the old file first, so what is kept is complete.
        with Ledger.open(ledger_path, create=False) as old:
            old.checkpoint()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = ledger_path.with_name(f"{ledger_path.name}.before-restore-{stamp}")
        os.replace(ledger_path, kept)
    for suffix in ("-wal", "-shm"):
        Path(f"{ledger_path}{suffix}").unlink(missing_ok=True)
    os.replace(tmp, ledger_path)
    return kept
