"""The gate's vocabulary (see docs/gate-process glossary).

The enum values are what the ledger stores and what scripts see in JSON, so they
never change once released: add members, never rename them.
"""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    """The three channels at the gate (人客货车3个通道)."""

    WORKER = "worker"
    VISITOR = "visitor"
    VEHICLE = "vehicle"  # goods vehicle: driver and passengers are screened as a group


class Step(StrEnum):
    """The eight steps, in the order a first-time entrant takes them, plus the pass scan
    that opens the returning path."""

    CERTIFICATE = "certificate"
    TEMPERATURE = "temperature"
    DISINFECTION = "disinfection"
    REGISTRATION = "registration"
    QR_SCAN = "qr_scan"
    PLEDGE = "pledge"
    NOTICE = "notice"
    LANE = "lane"
    PASS_SCAN = "pass_scan"


FIRST_TIME_STEPS: tuple[Step, ...] = (
    Step.CERTIFICATE,
    Step.TEMPERATURE,
    Step.DISINFECTION,
    Step.REGISTRATION,
    Step.QR_SCAN,
    Step.PLEDGE,
    Step.NOTICE,
    Step.LANE,
)

RETURNING_STEPS: tuple[Step, ...] = (
    Step.PASS_SCAN,
    Step.TEMPERATURE,
    Step.DISINFECTION,
    Step.LANE,
)


class Outcome(StrEnum):
    """How a screening ends: exactly one of these."""

    ADMITTED = "admitted"
    TURNED_AWAY = "turned_away"
    QUARANTINED = "quarantined"
    ABANDONED = "abandoned"


class Reason(StrEnum):
    """Machine-readable reason for an outcome; `messages.text(reason)` is the human one."""

    # admitted
    CLEARED = "cleared"
    RETURNING_CLEARED = "returning_cleared"
    # turned away
    NO_CERTIFICATE = "no_certificate"
    CERTIFICATE_EXPIRED = "certificate_expired"
    RED_CODE = "red_code"
    DRIVER_NOT_ADMITTED = "driver_not_admitted"
    # quarantined
    FEVER = "fever"
    RISK_REGION = "risk_region"
    YELLOW_CODE = "yellow_code"
    FEVER_ON_ROUND = "fever_on_round"
    # abandoned
    LEFT_MIDWAY = "left_midway"
    INTERRUPTED = "interrupted"  # the kiosk stopped mid-screening and staff did not resume


REASON_OUTCOME: dict[Reason, Outcome] = {
    Reason.CLEARED: Outcome.ADMITTED,
    Reason.RETURNING_CLEARED: Outcome.ADMITTED,
    Reason.NO_CERTIFICATE: Outcome.TURNED_AWAY,
    Reason.CERTIFICATE_EXPIRED: Outcome.TURNED_AWAY,
    Reason.RED_CODE: Outcome.TURNED_AWAY,
    Reason.DRIVER_NOT_ADMITTED: Outcome.TURNED_AWAY,
    Reason.FEVER: Outcome.QUARANTINED,
    Reason.RISK_REGION: Outcome.QUARANTINED,
    Reason.YELLOW_CODE: Outcome.QUARANTINED,
    Reason.FEVER_ON_ROUND: Outcome.QUARANTINED,
    Reason.LEFT_MIDWAY: Outcome.ABANDONED,
    Reason.INTERRUPTED: Outcome.ABANDONED,
}


class CertificateKind(StrEnum):
    """The two documents (两个证件)."""

    HEALTH_CERTIFICATE = "health_certificate"
    ENTRY_PASS = "entry_pass"


class IdType(StrEnum):
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    OTHER = "other"


class ScanKind(StrEnum):
    """The three scans (3个扫码)."""

    HEALTH_CODE = "health_code"
    ITINERARY_CODE = "itinerary_code"
    SITE_PASS = "site_pass"


class CodeColour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class ScanStatus(StrEnum):
    """What a parsed scan says, before the rules decide."""

    OK = "ok"  # green code, valid itinerary, verified pass
    YELLOW = "yellow"
    RED = "red"
    UNREADABLE = "unreadable"  # re-scan or manual check by a manager
    FORGED = "forged"  # signature does not verify: re-scan or manual check


class Zone(StrEnum):
    """The four zones inside the site."""

    MANAGEMENT = "management"
    CONSTRUCTION = "construction"
    LIVING = "living"
    ISOLATION = "isolation"


class QuarantineDecision(StrEnum):
    RELEASED = "released"  # released from quarantine to the site
    REFERRED_TO_HOSPITAL = "referred_to_hospital"
    SENT_HOME = "sent_home"


class RoundSlot(StrEnum):
    """Morning and evening (早晚两次)."""

    MORNING = "morning"
    EVENING = "evening"


class Lane(StrEnum):
    """The entry lanes (人车分流): people and goods vehicles enter separately."""

    WORKER = "worker"
    VISITOR = "visitor"
    GOODS_VEHICLE = "goods_vehicle"  # the goods-vehicle lane on the east side
