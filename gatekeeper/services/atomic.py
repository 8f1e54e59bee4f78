"""Writing an output file all or nothing, owner-only, and never over data.

An export interrupted half-way (disk full, a crash, an exception in the writer) must
not leave a file that looks like a complete ledger export; the reader of a file that
exists can trust that it was finished. Outputs hold personal data, so they are created
readable by their owner only. And a typo must not cost the ledger: an output path that
is an SQLite database (the ledger, a backup, any other) or one's -wal, -shm or -journal
companion is refused before anything is written.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError

SQLITE_MAGIC = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm", "-journal")
OWNER_ONLY = 0o600


class OutputRefused(LocalizedError):
    """An output path that would overwrite data: nothing was written (exit code 2)."""

    exit_code = 2

    def __init__(self, path: Path, why: str) -> None:
        code = f"output.{why}"
        super().__init__(code, messages.entry(code), {"path": path})


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


def check_output(target: Path, *, protect: tuple[Path, ...] = ()) -> None:
    """Refuse (`OutputRefused`) an output path that is a folder, one of `protect` (the
    ledger in use) or its companions, or any SQLite database or its companions."""
    target = Path(target)
    resolved = target.resolve()
    for kept in protect:
        kept = Path(kept).resolve()
        companion = resolved.parent == kept.parent and resolved.name in {
            kept.name + c for c in COMPANIONS}
        if resolved == kept or companion:
            raise OutputRefused(target, "is_ledger")
    if target.is_dir():
        raise OutputRefused(target, "is_folder")
    if is_sqlite_file(target):
        raise OutputRefused(target, "is_database")
    for suffix in COMPANIONS:
        if target.name.endswith(suffix) and (
                is_sqlite_file(target.with_name(target.name[: -len(suffix)]))):
            raise OutputRefused(target, "is_database")


def check_output_folder(target: Path) -> None:
    """Refuse an output whose folder is missing or cannot be written, before any work."""
    folder = Path(target).parent
    if not folder.is_dir():
        raise OutputRefused(Path(target), "no_folder")
    if not os.access(folder, os.W_OK):
        raise OutputRefused(Path(target), "read_only_folder")


def create_owner_only(path: Path) -> None:
    """Create `path` empty, readable and writable by its owner only (a writer that opens
    it afterwards keeps that mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    os.close(fd)


@contextmanager
def atomic_output(target: Path, *, protect: tuple[Path, ...] = ()) -> Iterator[Path]:
    """Yield a temp path next to `target` (already created, owner-only); on a clean exit
    it becomes `target` (fsynced first), on an exception it is removed and `target` is
    untouched. The path is checked first (`check_output`)."""
    target = Path(target)
    check_output(target, protect=protect)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    create_owner_only(tmp)
    try:
        yield tmp
        os.chmod(tmp, OWNER_ONLY)  # a writer that replaced the file made a new one
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        check_output(target, protect=protect)  # still not a database (a race, a link)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (hex): what an export record says the file was."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
