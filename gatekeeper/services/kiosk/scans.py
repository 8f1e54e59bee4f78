"""What a scanned code means at the gate, and what the ledger keeps of it.

These are gate rules, not screen logic: a site pass must verify against the site key and
this ledger (issued, not revoked, not superseded), must name the person being screened,
and a scan's text never reaches the ledger (health codes carry names and ID numbers).
"""

from __future__ import annotations

from datetime import date

from gatekeeper.domain import messages
from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.i18n import Text
from gatekeeper.domain.returning import ReturningIssue
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vocab import ScanKind, ScanStatus
from gatekeeper.scanner.passes import PassProblem, PassRejected, looks_like_pass
from gatekeeper.scanner.payloads import ScanReading, parse_scan
from gatekeeper.services.gate import GateService
from gatekeeper.services.kiosk.views import Say
from gatekeeper.services.passes import PassService

# A refused pass's person id is trusted only when the signature held (expired, revoked,
# superseded: retired by a newer pass; holder purged: registered no more).
PASS_ISSUES: dict[PassProblem, ReturningIssue] = {
    PassProblem.EXPIRED: ReturningIssue.PASS_EXPIRED,
    PassProblem.NOT_YET_VALID: ReturningIssue.PASS_EXPIRED,
    PassProblem.REVOKED: ReturningIssue.PASS_REVOKED,
    PassProblem.SUPERSEDED: ReturningIssue.PASS_REVOKED,
    PassProblem.HOLDER_PURGED: ReturningIssue.NOT_REGISTERED,
}


def is_pass_payload(text: str) -> bool:
    """A site pass (``GKP2.…``, or ``GKP1.…`` issued before serials), as opposed to an
    ID number or another code."""
    return looks_like_pass(text)


def scan_detail(reading: ScanReading) -> str:
    """What the ledger keeps of a scan: what it said, never the scanned text (health
    codes carry names and ID numbers, and the passage body is never purged)."""
    parts = ["scanned"]
    if reading.colour is not None:
        parts.append(reading.colour.value)
    if reading.problem:
        parts.append(reading.problem)
    if reading.valid_until is not None:
        parts.append(f"until {reading.valid_until.isoformat()}")
    return "; ".join(parts)


def say_reading(reading: ScanReading) -> Say:
    """"Health code: Yellow code." in the language asked for (the reading's message is
    filled already: said as it stands)."""
    return lambda lang: f"{messages.text(reading.kind, lang)}: {reading.message.pick(lang)}"


def rejected_text(exc: PassRejected) -> Text:
    """The refusal in both languages, filled: a text to `pick`, never to fill again."""
    return Text(exc.message("en"), exc.message("zh_CN"))


def _refused(kind: ScanKind, code: str, problem: str) -> ScanReading:
    return ScanReading(kind, ScanStatus.UNREADABLE, messages.entry(code), problem=problem)


def read_scan(
    gate: GateService, passes: PassService | None, s: Screening, kind: ScanKind, text: str,
    today: date,
) -> ScanReading:
    """What a scanned text says for `kind`; a site pass is also checked against the
    ledger (issued here, in force) and against the person being screened."""
    if kind is not ScanKind.SITE_PASS:
        return parse_scan(kind, text, policy=gate.policy, today=today)
    if passes is None:
        return _refused(kind, "kiosk.scan_unverifiable", "no_site_key")
    key = passes.key
    reading = parse_scan(kind, text, policy=gate.policy, today=today,
                         site_id=key.site_id, public_keys={key.key_id: key.public})  # fmt: skip
    if not reading.ok:
        return reading
    try:
        passes.verify(text, today)
    except PassRejected as exc:
        return ScanReading(kind, ScanStatus.UNREADABLE, rejected_text(exc),
                           problem=exc.problem.value)  # fmt: skip
    if not pass_is_theirs(gate, s, reading.person_id):
        return _refused(kind, "kiosk.other_person", "other_person")
    return reading


def pass_is_theirs(gate: GateService, s: Screening, person_id: str | None) -> bool:
    """The pass names the person screened (as registered at step 4, or as the returning
    path recognised them); True when nothing says who they are yet."""
    expected = s.person_id
    if s.registration is not None:
        known = gate.ledger.find_person(s.registration.id_type.value, s.registration.id_number)
        expected = known.person_id if known is not None else ""
    return expected is None or expected == person_id


def refuse_waving_through(s: Screening, kind: str, status: str) -> None:
    """A site pass the kiosk read and refused (someone else's, revoked, superseded,
    never issued, forged) cannot be turned "OK" by staff's colour button: only a
    manager's manual check decides it (ValidationError otherwise)."""
    if kind != ScanKind.SITE_PASS.value or status != ScanStatus.OK.value:
        return
    previous = s.scans.get(ScanKind.SITE_PASS, {})
    read_by_kiosk = str(previous.get("detail", "")).startswith("scanned")
    if read_by_kiosk and previous.get("status") != ScanStatus.OK.value:
        raise ValidationError("error.pass_refused_needs_manager", "scan")
