"""Online backups of the ledger, and their restore.

A backup is SQLite's own backup API run as one step (one read transaction), so it is
a consistent snapshot even while the kiosk keeps appending (WAL: readers do not block
the writer). The copy is written under a temporary name, verified (`verify()` over
every record) and only then given its timestamped name; the oldest backups beyond
`keep` are removed. The site's pass-signing key is not in the ledger, so it is never
in a backup (back up the key folder separately, privately).

Backups are named `<ledger>-<kiosk id>-<UTC timestamp>.sqlite3` and rotated per kiosk
id (read from each file), so kiosks sharing a folder keep their own. Every folder a
backup was written to is remembered per kiosk id (`known_folders`, an owner-only file in
the data folder), so that a retention purge reaches the backups it knows. Restore: stop the
kiosk, then `gatekeeper restore --from BACKUP --db LEDGER` (`restore_backup`).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import Ledger, LedgerError, anchors

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


def kiosk_of(path: Path) -> str | None:
    """The kiosk id a backup file says it belongs to (its `meta`), None if unreadable."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'kiosk_id'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row else None


def backups_in(folder: Path, kiosk_id: str) -> list[Path]:
    """The backups of kiosk `kiosk_id` in `folder`, oldest first (by their timestamp).

    Keyed by the kiosk id each file holds, not by its name: two kiosks whose ledgers
    share a file name may back up into one folder without rotating each other away."""
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and path.is_file() and kiosk_of(path) == kiosk_id:
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
    target = folder / f"{ledger.path.stem}-{ledger.kiosk_id}-{now:%Y%m%dT%H%M%S%fZ}.sqlite3"
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
    remember_folder(ledger.kiosk_id, folder)
    existing = backups_in(folder, ledger.kiosk_id)
    removed = existing[:-keep] if len(existing) > keep else []
    for old in removed:
        old.unlink(missing_ok=True)
    return BackupResult(target, report.records, report.head.hash, removed)


KNOWN_FILE = "backup-folders.json"


def _known_path() -> Path:
    from gatekeeper.services.locations import default_hub_dir

    return default_hub_dir().parent / KNOWN_FILE  # the data folder


def known_folders(kiosk_id: str) -> list[Path]:
    """The folders backups of this kiosk were written to (for the purge)."""
    import json

    try:
        data = json.loads(_known_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in data.get(kiosk_id, []) if isinstance(p, str)]


def remember_folder(kiosk_id: str, folder: Path) -> None:
    """Note (owner-only, atomically) that this kiosk's backups go to `folder`."""
    import json

    path = _known_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    folders = [str(p) for p in data.get(kiosk_id, []) if isinstance(p, str)]
    where = str(Path(folder).resolve())
    if where in folders:
        return
    data[kiosk_id] = [*folders, where]
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


@dataclass(frozen=True)
class Restored:
    records: int
    head: str
    kept: Path | None  # where the replaced ledger went (evidence), if there was one


def missing_from(backup_file: Path, ledger_path: Path) -> list[anchors.AnchorBreak]:
    """The current ledger's kiosk heads that the backup does not hold: records it would
    lose (a backup older than the ledger, or of another site)."""
    with Ledger.open(ledger_path, create=False, readonly=True) as current:
        heads = list(anchors.anchors_of(current.head()))
    with Ledger.open(backup_file, create=False, readonly=True) as copy:
        return copy.check_anchors(heads)


def restore_backup(backup_file: Path, ledger_path: Path, *, force: bool = False) -> Restored:
    """Put a verified backup in place of the ledger (the kiosk must be stopped).

    The backup is verified first (a damaged or altered one is refused), and a ledger
    holding records the backup lacks is not replaced unless `force` (those records
    would be lost). The current ledger, if any, is kept beside it as
    `<name>.before-restore-<stamp>` (it may be evidence), and its `-wal`/`-shm` files
    are removed: SQLite would otherwise replay the old file's journal into the restored
    one. The restored ledger is verified again.
    """
    with Ledger.open(backup_file, create=False, readonly=True) as copy:
        report = copy.verify()
    if not report.ok:
        problem = report.problem.what if report.problem else "?"
        raise LocalizedError("backup_not_verified", BAD_COPY, {"problem": problem})
    ledger_path = Path(ledger_path)
    if ledger_path.exists() and not force:
        lost = missing_from(backup_file, ledger_path)
        if lost:
            first = lost[0].anchor
            raise RestoreRefused(ledger_path, first.kiosk_id, first.kiosk_seq)
    tmp = ledger_path.with_name(f".{ledger_path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # owner-only, as the ledger
    os.close(fd)
    try:
        shutil.copyfile(backup_file, tmp)
        kept = None
        if ledger_path.exists():
            # Fold the old journal into the old file first, so what is kept is complete;
            # a damaged ledger cannot be opened: it is kept with its journal files.
            try:
                with Ledger.open(ledger_path, create=False) as old:
                    old.checkpoint()
            except LedgerError:
                pass
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            kept = ledger_path.with_name(f"{ledger_path.name}.before-restore-{stamp}")
            os.replace(ledger_path, kept)
            for suffix in ("-wal", "-journal"):
                side = Path(f"{ledger_path}{suffix}")
                if side.exists() and side.stat().st_size:
                    os.replace(side, Path(f"{kept}{suffix}"))
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{ledger_path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, ledger_path)
    finally:
        tmp.unlink(missing_ok=True)
    with Ledger.open(ledger_path, create=False, readonly=True) as restored:
        again = restored.verify()
    return Restored(again.records, again.head.hash, kept)


class RestoreRefused(LocalizedError):
    """The ledger holds records the backup lacks: restoring would lose them (exit 1)."""

    exit_code = 1

    def __init__(self, path: Path, kiosk_id: str, kiosk_seq: int) -> None:
        code = "backup.restore_would_lose"
        super().__init__(code, messages.entry(code),
                         {"path": path, "kiosk": kiosk_id, "seq": kiosk_seq})  # fmt: skip
