"""What a scanned text says, per scan type (site pass, health code, itinerary code).

Parsers only read; the gate's rules decide. Anything unknown gets UNREADABLE with a
message that sends staff to the manual check, so nobody is stuck at the gate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import Text
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.vocab import CodeColour, ScanKind, ScanStatus
from gatekeeper.scanner.passes import PassProblem, PassRejected, verify_pass

KIND_NAMES = {
    ScanKind.HEALTH_CODE: messages.entry("payload.kind.health_code"),
    ScanKind.ITINERARY_CODE: messages.entry("payload.kind.itinerary_code"),
    ScanKind.SITE_PASS: messages.entry("payload.kind.site_pass"),
}
COLOUR_TEXT = {
    CodeColour.GREEN: messages.entry("payload.colour.green"),
    CodeColour.YELLOW: messages.entry("payload.colour.yellow"),
    CodeColour.RED: messages.entry("payload.colour.red"),
}

_COLOURS = {
    "green": CodeColour.GREEN, "g": CodeColour.GREEN, "绿": CodeColour.GREEN,
    "yellow": CodeColour.YELLOW, "y": CodeColour.YELLOW, "黄": CodeColour.YELLOW,
    "red": CodeColour.RED, "r": CodeColour.RED, "红": CodeColour.RED,
}  # fmt: skip
_STATUS = {
    CodeColour.GREEN: ScanStatus.OK,
    CodeColour.YELLOW: ScanStatus.YELLOW,
    CodeColour.RED: ScanStatus.RED,
}


@dataclass(frozen=True)
class ScanReading:
    """One parsed scan: status for the rules, details for the screen and the ledger."""

    kind: ScanKind
    status: ScanStatus
    message: Text
    colour: CodeColour | None = None
    valid_until: date | None = None
    person_id: str | None = None
    problem: str | None = None  # PassProblem value, "expired" or "unknown"

    @property
    def ok(self) -> bool:
        return self.status is ScanStatus.OK


def _unknown(kind: ScanKind) -> ScanReading:
    message = messages.filled("payload.unknown", kind=KIND_NAMES[kind])
    return ScanReading(kind, ScanStatus.UNREADABLE, message, problem="unknown")


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def _until(text: str | None) -> date | None:
    if not text:
        return None
    digits = text.replace("-", "")
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def parse_colour_code(
    kind: ScanKind, text: str, patterns: Sequence[str], today: date
) -> ScanReading:
    """A health (or itinerary) code: the first matching pattern gives colour and validity.

    A code past its `until` day is UNREADABLE (staff ask for a current one), never green.
    """
    for pattern in _compiled(tuple(patterns)):
        m = pattern.search(text)
        if m is None:
            continue
        colour = _COLOURS.get(m["colour"].lower())
        if colour is None:
            continue
        until = _until(m.groupdict().get("until"))
        if until is not None and until < today:
            message = messages.filled("payload.code_expired", until=until)
            return ScanReading(kind, ScanStatus.UNREADABLE, message, colour, until,
                               problem="expired")  # fmt: skip
        return ScanReading(kind, _STATUS[colour], COLOUR_TEXT[colour], colour, until)
    return _unknown(kind)


def parse_site_pass(
    text: str, site_id: str, public_keys: dict[str, Ed25519PublicKey], today: date
) -> ScanReading:
    """Signature and validity only; revocation is the ledger's (services.passes)."""
    try:
        site_pass = verify_pass(text, site_id, public_keys, today)
    except PassRejected as exc:
        status = ScanStatus.UNREADABLE if exc.problem is PassProblem.MALFORMED else (
            ScanStatus.FORGED
            if exc.problem in (PassProblem.FORGED, PassProblem.UNKNOWN_KEY,
                               PassProblem.OTHER_SITE)
            else ScanStatus.UNREADABLE
        )  # fmt: skip
        message = Text(exc.message("en"), exc.message("zh_CN"))
        return ScanReading(ScanKind.SITE_PASS, status, message, problem=exc.problem.value)
    until = site_pass.valid_until.isoformat()
    message = messages.filled("payload.pass_ok", until=until)
    return ScanReading(
        ScanKind.SITE_PASS, ScanStatus.OK, message,
        valid_until=site_pass.valid_until, person_id=site_pass.person_id,
    )  # fmt: skip


def parse_scan(
    kind: ScanKind,
    text: str,
    *,
    policy: Policy,
    today: date,
    site_id: str = "",
    public_keys: dict[str, Ed25519PublicKey] | None = None,
) -> ScanReading:
    """Dispatch on the scan the kiosk asked for."""
    kind = ScanKind(kind)
    if kind is ScanKind.SITE_PASS:
        return parse_site_pass(text, site_id, public_keys or {}, today)
    return parse_colour_code(kind, text, policy.health_code_patterns, today)
