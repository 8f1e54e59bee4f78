"""Site passes: short ASCII payloads signed with the site's Ed25519 key.

    GKP2.<site id>.<key id>.<person id>.<serial>.<valid from YYYYMMDD>.<valid until>.<signature>

The serial (16 lowercase hex digits, random, `new_serial`) makes every issued pass its
own: two passes are never byte-identical, even for the same person, day and validity,
so a revoked or superseded pass can be told from its successor. Passes issued before
serials (`GKP1.<site id>.<key id>.<person id>.<valid from>.<valid until>.<signature>`)
still parse and verify; only new ones are GKP2. ASCII (no ECI, no charset question) so
any scanner, camera or keyboard wedge reads it. The signature (base64url, no padding)
covers everything before the last dot, the format's version included, so any changed
character, another site's key, or a stretched validity is caught. Whether a pass still
stands (issued, newest, not revoked, holder not purged) is the ledger's, checked by
`gatekeeper.services.passes`.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text
from gatekeeper.scanner.keys import SiteKey

PREFIX = "GKP2"  # the format every new pass is issued in (with a serial)
LEGACY_PREFIX = "GKP1"  # passes issued before serials: still read and verified
PREFIXES = (PREFIX, LEGACY_PREFIX)
SERIAL_LENGTH = 16
_FIELDS = (
    r"\.(?P<site>[A-Za-z0-9_-]{1,32})\.(?P<kid>[0-9a-f]{12})\.(?P<person>[A-Za-z0-9_-]{1,64})"
)
_DAYS_AND_SIGNATURE = r"\.(?P<start>\d{8})\.(?P<until>\d{8})\.(?P<sig>[A-Za-z0-9_-]{86})$"
_FORMAT = re.compile(
    rf"^GKP2{_FIELDS}\.(?P<serial>[0-9a-f]{{{SERIAL_LENGTH}}}){_DAYS_AND_SIGNATURE}"
)
_LEGACY_FORMAT = re.compile(rf"^GKP1{_FIELDS}{_DAYS_AND_SIGNATURE}")


def new_serial() -> str:
    """A fresh pass serial: 64 random bits as 16 lowercase hex digits."""
    return secrets.token_hex(SERIAL_LENGTH // 2)


def serial_from(unique_id: str) -> str:
    """A serial derived from an id that is already unique (a random uuid: as random as
    `new_serial`; a seeded simulation's id: as reproducible as the simulation)."""
    return hashlib.sha256(unique_id.encode("utf-8")).hexdigest()[:SERIAL_LENGTH]


def looks_like_pass(text: str) -> bool:
    """A site pass of either format (``GKP2.…`` or ``GKP1.…``), valid or not."""
    return text.strip().startswith(tuple(prefix + "." for prefix in PREFIXES))


class PassProblem(StrEnum):
    """Why a pass is refused (stable codes: scripts and the ledger see them)."""

    MALFORMED = "malformed"
    OTHER_SITE = "other_site"
    UNKNOWN_KEY = "unknown_key"
    FORGED = "forged"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    REVOKED = "revoked"
    NOT_ISSUED = "not_issued"
    SUPERSEDED = "superseded"  # the holder was issued a newer pass since
    HOLDER_PURGED = "holder_purged"  # the holder's registration was erased by a purge


PROBLEM_TEXT: dict[PassProblem, Text] = {
    PassProblem.MALFORMED: messages.entry("pass.malformed"),
    PassProblem.OTHER_SITE: messages.entry("pass.other_site"),
    PassProblem.UNKNOWN_KEY: messages.entry("pass.unknown_key"),
    PassProblem.FORGED: messages.entry("pass.forged"),
    PassProblem.EXPIRED: messages.entry("pass.expired"),
    PassProblem.NOT_YET_VALID: messages.entry("pass.not_yet_valid"),
    PassProblem.REVOKED: messages.entry("pass.revoked"),
    PassProblem.NOT_ISSUED: messages.entry("pass.not_issued"),
    PassProblem.SUPERSEDED: messages.entry("pass.superseded"),
    PassProblem.HOLDER_PURGED: messages.entry("pass.holder_purged"),
}


class PassRejected(LocalizedError):
    """A pass refused, with its reason code and the message in both languages."""

    def __init__(self, problem: PassProblem, **params: object) -> None:
        self.problem = problem
        LocalizedError.__init__(self, problem.value, PROBLEM_TEXT[problem], dict(params))


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _day(text: str) -> date:
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


@dataclass(frozen=True)
class SitePass:
    """A pass as read from its payload (not yet verified unless `verify_pass` said so).
    `serial` is None only for a pass issued before serials (format GKP1)."""

    site_id: str
    key_id: str
    person_id: str
    valid_from: date
    valid_until: date
    signature: bytes
    serial: str | None = None

    @property
    def version(self) -> str:
        return LEGACY_PREFIX if self.serial is None else PREFIX

    @property
    def signed_part(self) -> str:
        serial = () if self.serial is None else (self.serial,)
        return ".".join(
            (self.version, self.site_id, self.key_id, self.person_id, *serial,
             self.valid_from.strftime("%Y%m%d"), self.valid_until.strftime("%Y%m%d"))
        )  # fmt: skip

    @property
    def payload(self) -> str:
        return f"{self.signed_part}.{_b64(self.signature)}"

    @property
    def digest(self) -> str:
        """Identifies this very pass in the ledger (a re-issued pass has another)."""
        return hashlib.sha256(self.payload.encode("ascii")).hexdigest()[:32]


def sign_pass(
    key: SiteKey, person_id: str, valid_from: date, valid_until: date,
    serial: str | None = None,
) -> SitePass:  # fmt: skip
    """A new pass (format GKP2) with `serial`, or a fresh one (`new_serial`)."""
    serial = new_serial() if serial is None else serial
    unsigned = SitePass(key.site_id, key.key_id, person_id, valid_from, valid_until, b"", serial)
    if not _FORMAT.match(f"{unsigned.signed_part}.{'A' * 86}"):
        raise ValueError(f"person id {person_id!r} or serial {serial!r} cannot go in a pass")
    signature = key.private.sign(unsigned.signed_part.encode("ascii"))
    return SitePass(key.site_id, key.key_id, person_id, valid_from, valid_until, signature,
                    serial)  # fmt: skip


def parse_pass(payload: str) -> SitePass:
    """The fields of a payload; PassRejected(MALFORMED) when it is not a pass at all."""
    text = payload.strip()
    m = _FORMAT.match(text) or _LEGACY_FORMAT.match(text)
    if m is None:
        raise PassRejected(PassProblem.MALFORMED)
    try:
        start, until = _day(m["start"]), _day(m["until"])
        signature = _unb64(m["sig"])
    except ValueError:
        raise PassRejected(PassProblem.MALFORMED) from None
    if len(signature) != 64 or _b64(signature) != m["sig"]:  # no spare bits changed
        raise PassRejected(PassProblem.MALFORMED)
    serial = m["serial"] if "serial" in m.re.groupindex else None
    return SitePass(m["site"], m["kid"], m["person"], start, until, signature, serial)


def verify_pass(
    payload: str, site_id: str, public_keys: dict[str, Ed25519PublicKey], today: date
) -> SitePass:
    """A genuine pass of this site in force today, or PassRejected with the reason.

    `public_keys` maps key id to key: the site's current key and any it still honours.
    """
    site_pass = parse_pass(payload)
    if site_pass.site_id != site_id:
        raise PassRejected(PassProblem.OTHER_SITE, site_id=site_pass.site_id)
    public = public_keys.get(site_pass.key_id)
    if public is None:
        raise PassRejected(PassProblem.UNKNOWN_KEY, key_id=site_pass.key_id)
    try:
        public.verify(site_pass.signature, site_pass.signed_part.encode("ascii"))
    except InvalidSignature:
        raise PassRejected(PassProblem.FORGED) from None
    if today > site_pass.valid_until:
        raise PassRejected(PassProblem.EXPIRED, valid_until=site_pass.valid_until.isoformat())
    if today < site_pass.valid_from:
        raise PassRejected(PassProblem.NOT_YET_VALID, valid_from=site_pass.valid_from.isoformat())
    return site_pass
