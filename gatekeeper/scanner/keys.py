"""The site's Ed25519 signing key: kept in the user data directory, never in the ledger.

The ledger is exported, copied and backed up; the key must not travel with it, so it
lives in its own folder (`$GATEKEEPER_DATA_DIR/keys`, else the platformdirs user data
dir + `/keys`), written with mode 0600. The key id is a short hash of the public key,
printed in every pass so a verifier knows which key signed it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError

APP_NAME = "GateKeeper"
KEY_FILE = "site-key.pem"
SITE_FILE = "site.json"
SITE_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")

BAD_KEY = messages.entry("site_key.unreadable")
BAD_SITE_ID = messages.entry("site_key.bad_site_id")
NO_KEY = messages.entry("site_key.missing")


def data_dir() -> Path:
    """GATEKEEPER_DATA_DIR when set (tests, several sites on one machine), else the user's."""
    env = os.environ.get("GATEKEEPER_DATA_DIR")
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_key_dir() -> Path:
    return data_dir() / "keys"


def key_id_of(public: Ed25519PublicKey) -> str:
    """First 12 hex digits of SHA-256 over the raw public key."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:12]


@dataclass(frozen=True)
class SiteKey:
    """A site's identity for passes: its id and its signing key."""

    site_id: str
    private: Ed25519PrivateKey

    @property
    def public(self) -> Ed25519PublicKey:
        return self.private.public_key()

    @property
    def key_id(self) -> str:
        return key_id_of(self.public)

    @classmethod
    def generate(cls, site_id: str) -> SiteKey:
        check_site_id(site_id)
        return cls(site_id, Ed25519PrivateKey.generate())


def check_site_id(site_id: str) -> str:
    if not SITE_ID.match(site_id):
        raise LocalizedError("bad_site_id", BAD_SITE_ID, {"site_id": site_id})
    return site_id


def _write_private(path: Path, data: bytes) -> None:
    """Create the file 0600 from the start (no window where others could read it)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def save(key: SiteKey, directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = key.private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_private(directory / KEY_FILE, pem)
    site = {"site_id": key.site_id, "key_id": key.key_id}
    (directory / SITE_FILE).write_text(json.dumps(site, indent=2) + "\n", encoding="utf-8")


def load(directory: Path | None = None) -> SiteKey:
    """The site's key, or a LocalizedError saying what to do."""
    directory = directory or default_key_dir()
    key_path = directory / KEY_FILE
    if not key_path.exists():
        raise LocalizedError("no_site_key", NO_KEY, {"path": str(directory)})
    try:
        private = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        site = json.loads((directory / SITE_FILE).read_text(encoding="utf-8"))
        site_id = check_site_id(str(site["site_id"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LocalizedError(
            "bad_site_key", BAD_KEY, {"path": str(key_path), "error": type(exc).__name__}
        ) from None
    if not isinstance(private, Ed25519PrivateKey):
        raise LocalizedError("bad_site_key", BAD_KEY, {"path": str(key_path), "error": "type"})
    return SiteKey(site_id, private)


def load_or_create(directory: Path | None = None, site_id: str | None = None) -> SiteKey:
    """The site's key; the first call on a machine creates it (site id: `site-<key id>`)."""
    directory = directory or default_key_dir()
    if (directory / KEY_FILE).exists():
        return load(directory)
    private = Ed25519PrivateKey.generate()
    key = SiteKey(check_site_id(site_id or f"site-{key_id_of(private.public_key())[:6]}"), private)
    save(key, directory)
    return key
