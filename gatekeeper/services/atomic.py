"""Writing an output file all or nothing: a temp file beside it, then os.replace.

An export interrupted half-way (disk full, a crash, an exception in the writer) must
not leave a file that looks like a complete ledger export; the reader of a file that
exists can trust that it was finished.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """Yield a temp path next to `target`; on a clean exit it becomes `target`
    (fsynced first), on an exception it is removed and `target` is untouched."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
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
