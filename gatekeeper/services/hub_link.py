"""A kiosk's remembered connection to its site hub (written by `hub add-kiosk`).

Two owner-only files per kiosk id in the hub folder (`locations.default_hub_dir`):
`<kiosk>.pgpass`, a libpq password file holding the kiosk role's password, and
`<kiosk>.dsn`, the connection string naming it with `passfile=`. The DSN holds no
secret, so it can be printed, logged and passed on a command line.
"""

from __future__ import annotations

import os
from pathlib import Path

from gatekeeper.hub import dsn as dsns
from gatekeeper.services.locations import default_hub_dir


def _write_owner_only(path: Path, text: str) -> None:
    """Replace `path` atomically with `text`, readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, text.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def remember(kiosk_id: str, admin_dsn: str, role: str, password: str,
             folder: Path | None = None) -> tuple[str, Path]:  # fmt: skip
    """Keep the kiosk's own connection; returns (its DSN, the DSN file)."""
    folder = folder or default_hub_dir()
    passfile = folder / f"{kiosk_id}.pgpass"
    _write_owner_only(passfile, dsns.passfile_line(dsns.database(admin_dsn), role, password))
    kiosk_dsn = dsns.with_params(admin_dsn, user=role, password=None, passfile=str(passfile))
    dsn_file = folder / f"{kiosk_id}.dsn"
    _write_owner_only(dsn_file, kiosk_dsn + "\n")
    return kiosk_dsn, dsn_file


def remembered(kiosk_id: str, folder: Path | None = None) -> str | None:
    """The kiosk's remembered DSN, or None when it was never added to a hub."""
    path = (folder or default_hub_dir()) / f"{kiosk_id}.dsn"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return text or None
