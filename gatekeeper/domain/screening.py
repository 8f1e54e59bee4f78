"""The screening of one person at the gate: the eight steps, or the four-step returning path.

`Screening` is a state machine: each step method is accepted only when it is the current
step, and the screening ends in exactly one outcome (admitted, turned away, quarantined,
abandoned). Everything collected on the way is kept for the ledger, and the whole state
serialises to a JSON-safe draft so a kiosk that crashes mid-screening can resume it.

Decisions worth knowing:

* An invalid pass on the returning path does not end the screening: the pass scan is
  recorded as failed and the same screening switches to the first-time path (starting at
  the certificate check), so the person is still accounted for under one screening id and
  the kiosk simply carries on. `redirected_because` says why.
* A re-measure is refused (StepOrderError) until the rest time after a fever reading is
  over; `rest_until` tells the UI when.
* `StepResult.data` holds no personal fields (names, ID numbers, phones); those are in
  `registration` and the other collected properties, for the ledger's personal column.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.errors import StepOrderError, ValidationError
from gatekeeper.domain.i18n import Text
from gatekeeper.domain.identity import Registration, Stay, validate_text
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.returning import ReturningIssue
from gatekeeper.domain.temperature import (
    TemperatureVerdict,
    assess,
    counted_readings,
    parse_reading,
)
from gatekeeper.domain.vocab import (
    FIRST_TIME_STEPS,
    REASON_OUTCOME,
    RETURNING_STEPS,
    CertificateKind,
    Channel,
    Lane,
    Outcome,
    Reason,
    ScanKind,
    ScanStatus,
    Step,
    Zone,
)

FIRST_TIME = "first_time"
RETURNING = "returning"
DRAFT_VERSION = 1
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

DRIVER = "driver"
PASSENGER = "passenger"

# Outcome parameters that name a vocabulary member, so messages can translate them.
_PARAM_ENUMS: dict[str, type] = {
    "scan": ScanKind,
    "status": ScanStatus,
    "kind": CertificateKind,
    "outcome": Outcome,
    "lane": Lane,
    "zone": Zone,
    "step": Step,
}


def require_aware(at: datetime) -> datetime:
    if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("times must be timezone-aware datetimes (the ledger stores offsets)")
    return at


def _iso(at: datetime | None) -> str | None:
    return at.isoformat() if at is not None else None


def _from_iso(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None


@dataclass(frozen=True)
class StepResult:
    """One step attempt: which step, whether the step is now passed, JSON-safe details."""

    step: Step
    passed: bool
    data: dict[str, Any]
    at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"step": self.step.value, "passed": self.passed, "data": self.data,
                "at": self.at.isoformat()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StepResult:
        return cls(Step(d["step"]), bool(d["passed"]), dict(d["data"]),
                   datetime.fromisoformat(d["at"]))


@dataclass(frozen=True)
class OutcomeResult:
    """How a screening ended and what staff must do; `message(lang)` says it in full."""

    outcome: Outcome
    reason: Reason
    at: datetime
    lane: Lane | None = None
    zone: Zone | None = None
    quarantine_place: Text | None = None
    contact_phone: str = ""
    message_code: str = ""  # a detail line (catalogue key) shown after the reason
    params: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def for_reason(cls, reason: Reason, at: datetime, **kwargs: Any) -> OutcomeResult:
        return cls(REASON_OUTCOME[reason], reason, at, **kwargs)

    def message(self, lang: str = "en") -> str:
        parts = [messages.text(self.reason, lang)]
        if self.message_code:
            params = {
                k: (_PARAM_ENUMS[k](v) if k in _PARAM_ENUMS and isinstance(v, str) else v)
                for k, v in self.params.items()
            }
            parts.append(messages.text(self.message_code, lang, **params))
        if self.lane is not None and self.zone is not None:
            parts.append(messages.text("detail.lane", lang, lane=self.lane, zone=self.zone))
        if self.quarantine_place is not None:
            parts.append(
                messages.text("detail.quarantine_place", lang, place=self.quarantine_place)
            )
            if self.contact_phone:
                parts.append(
                    messages.text("detail.quarantine_contact", lang, phone=self.contact_phone)
                )
        return ("" if lang.startswith("zh") else " ").join(parts)

    def to_dict(self) -> dict[str, Any]:
        place = self.quarantine_place
        return {
            "outcome": self.outcome.value,
            "reason": self.reason.value,
            "at": self.at.isoformat(),
            "lane": self.lane.value if self.lane else None,
            "zone": self.zone.value if self.zone else None,
            "quarantine_place": {"en": place.en, "zh_CN": place.zh_CN} if place else None,
            "contact_phone": self.contact_phone,
            "message_code": self.message_code,
            "params": self.params,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OutcomeResult:
        place = d.get("quarantine_place")
        return cls(
            outcome=Outcome(d["outcome"]),
            reason=Reason(d["reason"]),
            at=datetime.fromisoformat(d["at"]),
            lane=Lane(d["lane"]) if d.get("lane") else None,
            zone=Zone(d["zone"]) if d.get("zone") else None,
            quarantine_place=Text(place["en"], place["zh_CN"]) if place else None,
            contact_phone=d.get("contact_phone", ""),
            message_code=d.get("message_code", ""),
            params=dict(d.get("params", {})),
        )


def matching_risk_region(region: str, policy: Policy) -> str | None:
    """The listed risk region a place falls in, if any.

    A place matches when a listed name or code appears in it, ignoring case and spaces,
    so a listed 武汉 matches 湖北省武汉市 and a listed 420100 matches 420100.
    """
    place = "".join(region.split()).casefold()
    for risk in policy.risk_regions:
        needle = "".join(risk.split()).casefold()
        if needle and needle in place:
            return risk
    return None


class Screening:
    """The state machine for one person's passage through the gate (see module doc)."""

    def __init__(
        self,
        policy: Policy,
        *,
        path: str,
        channel: Channel,
        started_at: datetime,
        person_id: str | None = None,
        role: str | None = None,
        screening_id: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if path not in (FIRST_TIME, RETURNING):
            raise ValueError(f"unknown path {path!r}")
        self.policy = policy
        self.id = screening_id or str(uuid.uuid4())
        self.path = path
        self.channel = Channel(channel)
        self.started_at = require_aware(started_at)
        self.person_id = person_id
        self.role = role
        self._clock = clock
        self._index = 0
        self.done: list[StepResult] = []
        self.attempts: list[StepResult] = []
        self.outcome: OutcomeResult | None = None
        # Collected for the ledger.
        self.certificate: dict[str, Any] | None = None
        self.temperatures: list[dict[str, Any]] = []
        self.fevers = 0
        self.rest_until: datetime | None = None
        self.disinfection: dict[str, Any] | None = None
        self.registration: Registration | None = None
        self.scans: dict[ScanKind, dict[str, Any]] = {}
        self._manual: set[ScanKind] = set()
        self.signature_png: bytes | None = None
        self.pledges_signed: tuple[str, ...] = ()
        self.notice_handed_over = False
        self.pass_scan_result: dict[str, Any] | None = None
        self.redirected_because: ReturningIssue | None = None

    # --- construction ----------------------------------------------------------------

    @classmethod
    def first_time(
        cls,
        channel: Channel,
        policy: Policy,
        started_at: datetime,
        *,
        role: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> Screening:
        """A person entering for the first time: the eight steps."""
        return cls(policy, path=FIRST_TIME, channel=channel, started_at=started_at,
                   role=role, clock=clock)

    @classmethod
    def returning(
        cls,
        policy: Policy,
        started_at: datetime,
        person_id: str | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> Screening:
        """A registered worker (pass scan, temperature, disinfection, lane)."""
        return cls(policy, path=RETURNING, channel=Channel.WORKER, started_at=started_at,
                   person_id=person_id, clock=clock)

    # --- state -------------------------------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        return FIRST_TIME_STEPS if self.path == FIRST_TIME else RETURNING_STEPS

    @property
    def current_step(self) -> Step | None:
        return None if self.outcome is not None else self.steps[self._index]

    @property
    def is_over(self) -> bool:
        return self.outcome is not None

    @property
    def needs_manual_check(self) -> frozenset[ScanKind]:
        """Scans that were unreadable or forged: re-scan, or a manager decides."""
        return frozenset(self._manual)

    @property
    def remeasures_left(self) -> int:
        return self.policy.max_remeasures - max(self.fevers - 1, 0)

    @property
    def scans_required(self) -> tuple[ScanKind, ...]:
        return self.policy.scans_for(self.channel)

    @property
    def last_activity(self) -> datetime:
        times = [self.started_at, *(r.at for r in self.attempts)]
        if self.outcome is not None:
            times.append(self.outcome.at)
        return max(times)

    # --- helpers -----------------------------------------------------------------------

    def _now(self, at: datetime | None) -> datetime:
        if at is not None:
            return require_aware(at)
        if self._clock is not None:
            return require_aware(self._clock())
        return datetime.now(self.policy.tz)

    def _today(self, at: datetime) -> date:
        return at.astimezone(self.policy.tz).date()

    def _guard(self, step: Step) -> None:
        if self.outcome is not None:
            raise StepOrderError("step_order.over", {"outcome": self.outcome.outcome})
        if self.current_step is not step:
            raise StepOrderError(
                "step_order.wrong_step", {"attempted": step, "current": self.current_step}
            )

    def _attempt(self, step: Step, passed: bool, data: dict[str, Any], at: datetime) -> StepResult:
        result = StepResult(step, passed, data, at)
        self.attempts.append(result)
        if passed:
            self.done.append(result)
            self._index += 1
        return result

    def _end(
        self,
        step: Step | None,
        reason: Reason,
        at: datetime,
        data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> OutcomeResult:
        if step is not None:
            result = StepResult(step, False, data or {}, at)
            self.attempts.append(result)
            self.done.append(result)
        if REASON_OUTCOME[reason] is Outcome.QUARANTINED:
            kwargs.setdefault("quarantine_place", self.policy.quarantine_place)
            kwargs.setdefault("contact_phone", self.policy.quarantine_contact_phone)
        self.outcome = OutcomeResult.for_reason(reason, at, **kwargs)
        return self.outcome

    # --- the steps ---------------------------------------------------------------------

    def check_certificate(
        self,
        kind: CertificateKind | str | None,
        number: str = "",
        expires: date | None = None,
        today: date | None = None,
        *,
        at: datetime | None = None,
    ) -> StepResult | OutcomeResult:
        """Step 1: a health certificate or entry pass, not expired (valid through `expires`).

        No document turns the person away; so does a kind the site does not accept. A
        document without an expiry date is accepted (entry passes often have none).
        """
        self._guard(Step.CERTIFICATE)
        at = self._now(at)
        today = today or self._today(at)
        if kind is None or kind == "":
            self.certificate = {"kind": None, "number": "", "expires": None}
            return self._end(Step.CERTIFICATE, Reason.NO_CERTIFICATE, at, {"kind": None})
        try:
            kind = CertificateKind(kind)
        except ValueError:
            raise ValidationError(
                "error.certificate_kind_unknown", "certificate_kind", {"value": str(kind)}
            ) from None
        number = validate_text(number, "certificate_number", 64)
        self.certificate = {
            "kind": kind.value,
            "number": number,
            "expires": expires.isoformat() if expires else None,
        }
        data = {"kind": kind.value, "expires": self.certificate["expires"]}
        if kind not in self.policy.certificate_kinds:
            return self._end(Step.CERTIFICATE, Reason.NO_CERTIFICATE, at, data,
                             message_code="detail.certificate_kind", params={"kind": kind.value})
        if expires is not None and expires < today:
            return self._end(
                Step.CERTIFICATE, Reason.CERTIFICATE_EXPIRED, at, data,
                message_code="detail.certificate_expired",
                params={"expires": expires.isoformat()},
            )
        return self._attempt(Step.CERTIFICATE, True, data, at)

    def measure_temperature(
        self, reading_c: float | str, at: datetime | None = None
    ) -> StepResult | OutcomeResult:
        """Step 2 (and returning step 2): one reading; see `temperature.assess`.

        A fever reading keeps the person on this step until `rest_until`; an out-of-range
        reading keeps them on it without counting.
        """
        self._guard(Step.TEMPERATURE)
        at = self._now(at)
        if self.rest_until is not None and at < self.rest_until:
            until = self.rest_until.astimezone(self.policy.tz).strftime("%H:%M:%S")
            raise StepOrderError("step_order.resting", {"until": until})
        reading = parse_reading(reading_c) if isinstance(reading_c, str) else float(reading_c)
        reading = round(reading, 2)
        verdict = assess(reading, self.fevers, self.policy)
        self.temperatures.append(
            {"reading_c": reading, "at": at.isoformat(), "verdict": verdict.value}
        )
        data: dict[str, Any] = {"reading_c": reading, "verdict": verdict.value}
        if verdict is TemperatureVerdict.OUT_OF_RANGE:
            data["counted"] = False
            return self._attempt(Step.TEMPERATURE, False, data, at)
        if verdict is TemperatureVerdict.NORMAL:
            self.rest_until = None
            return self._attempt(Step.TEMPERATURE, True, data, at)
        self.fevers += 1
        if verdict is TemperatureVerdict.FEVER_FINAL:
            self.rest_until = None
            readings = ", ".join(f"{r:.1f}" for r in counted_readings(self.temperatures))
            return self._end(Step.TEMPERATURE, Reason.FEVER, at, data,
                             message_code="detail.fever", params={"readings": readings})
        self.rest_until = at + timedelta(seconds=self.policy.rest_seconds)
        data["rest_until"] = self.rest_until.isoformat()
        data["remeasures_left"] = self.remeasures_left
        return self._attempt(Step.TEMPERATURE, False, data, at)

    def confirm_disinfection(
        self, vehicle_too: bool = False, at: datetime | None = None
    ) -> StepResult:
        """Step 3: staff confirm the person (and, for a driver, the vehicle) was disinfected."""
        self._guard(Step.DISINFECTION)
        at = self._now(at)
        if self.role == DRIVER and not vehicle_too:
            raise ValidationError("error.vehicle_disinfection_required", "vehicle_too")
        if self.role != DRIVER and vehicle_too:
            raise ValidationError("error.vehicle_disinfection_not_driver", "vehicle_too")
        self.disinfection = {"vehicle_too": bool(vehicle_too), "at": at.isoformat()}
        return self._attempt(Step.DISINFECTION, True, {"vehicle_too": bool(vehicle_too)}, at)

    def register(
        self, registration: Registration, today: date | None = None, at: datetime | None = None
    ) -> StepResult | OutcomeResult:
        """Step 4: the validated registration; a recent stay in a risk region → quarantine.

        `coming_from` counts as a stay that lasts until today.
        """
        self._guard(Step.REGISTRATION)
        if not isinstance(registration, Registration):
            raise TypeError("register() takes a Registration (use Registration.validated)")
        at = self._now(at)
        today = today or self._today(at)
        self.registration = registration
        data = {"id_type": registration.id_type.value}
        stays = (*registration.recent_stays, Stay(registration.coming_from, today))
        window = self.policy.risk_window_days
        for stay in stays:
            if 0 <= (today - stay.last_day).days <= window:
                risk = matching_risk_region(stay.region, self.policy)
                if risk is not None:
                    params = {"region": risk, "date": stay.last_day.isoformat(), "days": window}
                    return self._end(Step.REGISTRATION, Reason.RISK_REGION, at,
                                     {**data, "risk_region": risk},
                                     message_code="detail.risk_region", params=params)
        return self._attempt(Step.REGISTRATION, True, data, at)

    def record_scan(
        self,
        kind: ScanKind | str,
        status: ScanStatus | str,
        detail: str = "",
        at: datetime | None = None,
    ) -> StepResult | OutcomeResult:
        """Step 5: one of the channel's scans. The step passes once every scan is OK;
        yellow → quarantine, red → turned away, unreadable/forged → re-scan or manager."""
        self._guard(Step.QR_SCAN)
        kind = self._scan_kind(kind)
        return self._apply_scan(kind, ScanStatus(status), str(detail), self._now(at), None)

    def manual_check(
        self,
        kind: ScanKind | str,
        status_by_manager: ScanStatus | str,
        by: str,
        at: datetime | None = None,
    ) -> StepResult | OutcomeResult:
        """A manager decides a scan that was unreadable or forged (OK, yellow or red);
        `by` names them (the kiosk session takes it from the site manager's sign-in)."""
        self._guard(Step.QR_SCAN)
        kind = self._scan_kind(kind)
        if kind not in self._manual:
            raise StepOrderError("step_order.no_manual_check", {"scan": kind})
        try:
            status = ScanStatus(status_by_manager)
        except ValueError:
            status = None
        if status not in (ScanStatus.OK, ScanStatus.YELLOW, ScanStatus.RED):
            raise ValidationError("error.manual_status_invalid", "status")
        by = validate_text(by, "by", 64)
        return self._apply_scan(kind, status, "manual check", self._now(at), by)

    def _scan_kind(self, kind: ScanKind | str) -> ScanKind:
        try:
            parsed: ScanKind | None = ScanKind(kind)
        except ValueError:
            parsed = None
        if parsed is None or parsed not in self.scans_required:
            expected = ", ".join(messages.text(k) for k in self.scans_required)
            raise ValidationError("error.scan_not_configured", "scan",
                                  {"scan": parsed or "?", "expected": expected})
        return parsed

    def _apply_scan(
        self, kind: ScanKind, status: ScanStatus, detail: str, at: datetime, by: str | None
    ) -> StepResult | OutcomeResult:
        self.scans[kind] = {"status": status.value, "detail": detail, "at": at.isoformat(),
                            "by": by}
        data: dict[str, Any] = {
            "scan": kind.value, "status": status.value, "manual": by is not None
        }
        params = {"scan": kind.value, "status": status.value}
        if status is ScanStatus.YELLOW:
            self._manual.discard(kind)
            return self._end(Step.QR_SCAN, Reason.YELLOW_CODE, at, data,
                             message_code="detail.scan", params=params)
        if status is ScanStatus.RED:
            self._manual.discard(kind)
            return self._end(Step.QR_SCAN, Reason.RED_CODE, at, data,
                             message_code="detail.scan", params={**params, "report": True})
        if status in (ScanStatus.UNREADABLE, ScanStatus.FORGED):
            self._manual.add(kind)
            data["needs_manual_check"] = True
            return self._attempt(Step.QR_SCAN, False, data, at)
        self._manual.discard(kind)
        pending = [k.value for k in self.scans_required
                   if self.scans.get(k, {}).get("status") != ScanStatus.OK.value]
        data["pending"] = pending
        return self._attempt(Step.QR_SCAN, not pending, data, at)

    def pass_scan(
        self,
        valid: bool,
        person_id: str | None = None,
        reason_if_invalid: ReturningIssue | str | None = None,
        at: datetime | None = None,
    ) -> StepResult:
        """Returning step 1: the worker's pass. An invalid pass switches this screening to
        the first-time path (result.passed is False, `current_step` is the certificate)."""
        self._guard(Step.PASS_SCAN)
        at = self._now(at)
        if valid:
            if not person_id or not str(person_id).strip():
                raise ValidationError("error.pass_person_required", "person_id")
            person_id = str(person_id).strip()
            if self.person_id is not None and self.person_id != person_id:
                raise ValidationError("error.pass_person_mismatch", "person_id",
                                      {"scanned": person_id, "expected": self.person_id})
            self.person_id = person_id
            self.pass_scan_result = {"valid": True, "person_id": person_id, "issue": None}
            return self._attempt(Step.PASS_SCAN, True, {"valid": True}, at)
        issue = ReturningIssue(reason_if_invalid or ReturningIssue.PASS_INVALID)
        if person_id:
            self.person_id = str(person_id).strip()
        self.pass_scan_result = {"valid": False, "person_id": person_id, "issue": issue.value}
        result = StepResult(Step.PASS_SCAN, False,
                            {"valid": False, "issue": issue.value, "next_path": FIRST_TIME}, at)
        self.attempts.append(result)
        self.done.append(result)
        self.path = FIRST_TIME
        self._index = 0
        self.redirected_because = issue
        return result

    def sign_pledges(self, signature_png: bytes, at: datetime | None = None) -> StepResult:
        """Step 6: the person signs every configured pledge (one signature, a PNG image)."""
        self._guard(Step.PLEDGE)
        at = self._now(at)
        if (
            not isinstance(signature_png, bytes | bytearray)
            or not bytes(signature_png).startswith(PNG_SIGNATURE)
            or bytes(signature_png)[12:16] != b"IHDR"
        ):
            raise ValidationError("error.signature_not_png", "signature")
        self.signature_png = bytes(signature_png)
        self.pledges_signed = tuple(p.id for p in self.policy.pledges)
        data = {
            "pledges": list(self.pledges_signed),
            "signature_sha256": hashlib.sha256(self.signature_png).hexdigest(),
        }
        return self._attempt(Step.PLEDGE, True, data, at)

    def hand_over_notice(self, at: datetime | None = None) -> StepResult:
        """Step 7: the notice was shown and handed over."""
        self._guard(Step.NOTICE)
        at = self._now(at)
        self.notice_handed_over = True
        digest = hashlib.sha256(
            (self.policy.notice_en + "\n" + self.policy.notice_zh).encode()
        ).hexdigest()
        return self._attempt(Step.NOTICE, True, {"notice_sha256": digest}, at)

    def assign_lane(self, at: datetime | None = None) -> OutcomeResult:
        """Last step: the lane and zone for the channel; the person is admitted."""
        self._guard(Step.LANE)
        at = self._now(at)
        assignment = self.policy.lane_for(self.channel)
        self._attempt(Step.LANE, True,
                      {"lane": assignment.lane.value, "zone": assignment.zone.value}, at)
        reason = Reason.RETURNING_CLEARED if self.path == RETURNING else Reason.CLEARED
        self.outcome = OutcomeResult.for_reason(reason, at, lane=assignment.lane,
                                                zone=assignment.zone)
        return self.outcome

    def abandon(
        self, reason: Reason = Reason.LEFT_MIDWAY, at: datetime | None = None
    ) -> OutcomeResult:
        """The person left (or the kiosk stopped): recorded, never silently dropped."""
        if self.outcome is not None:
            raise StepOrderError("step_order.over", {"outcome": self.outcome.outcome})
        reason = Reason(reason)
        if REASON_OUTCOME[reason] is not Outcome.ABANDONED:
            raise ValidationError("error.abandon_reason", "reason", {"reason": reason})
        step = self.current_step
        return self._end(None, reason, self._now(at), message_code="detail.abandoned_at",
                         params={"step": step.value if step else None})

    # --- drafts ------------------------------------------------------------------------

    def to_draft(self) -> dict[str, Any]:
        """The whole state as JSON-safe data (bytes as base64) for crash recovery."""
        return {
            "version": DRAFT_VERSION,
            "id": self.id,
            "path": self.path,
            "channel": self.channel.value,
            "role": self.role,
            "person_id": self.person_id,
            "started_at": self.started_at.isoformat(),
            "index": self._index,
            "done": [r.to_dict() for r in self.done],
            "attempts": [r.to_dict() for r in self.attempts],
            "outcome": self.outcome.to_dict() if self.outcome else None,
            "certificate": self.certificate,
            "temperatures": [dict(t) for t in self.temperatures],
            "fevers": self.fevers,
            "rest_until": _iso(self.rest_until),
            "disinfection": self.disinfection,
            "registration": self.registration.to_dict() if self.registration else None,
            "scans": {k.value: dict(v) for k, v in self.scans.items()},
            "needs_manual_check": sorted(k.value for k in self._manual),
            "signature_png": (base64.b64encode(self.signature_png).decode("ascii")
                              if self.signature_png is not None else None),
            "pledges_signed": list(self.pledges_signed),
            "notice_handed_over": self.notice_handed_over,
            "pass_scan": self.pass_scan_result,
            "redirected_because": (self.redirected_because.value
                                   if self.redirected_because else None),
        }

    @classmethod
    def from_draft(
        cls,
        d: dict[str, Any],
        policy: Policy,
        clock: Callable[[], datetime] | None = None,
    ) -> Screening:
        """Restore a screening exactly as `to_draft` saved it."""
        if d.get("version") != DRAFT_VERSION:
            raise ValueError(f"unsupported screening draft version {d.get('version')!r}")
        s = cls(policy, path=d["path"], channel=Channel(d["channel"]),
                started_at=datetime.fromisoformat(d["started_at"]), person_id=d["person_id"],
                role=d["role"], screening_id=d["id"], clock=clock)
        s._index = int(d["index"])
        s.done = [StepResult.from_dict(r) for r in d["done"]]
        s.attempts = [StepResult.from_dict(r) for r in d["attempts"]]
        s.outcome = OutcomeResult.from_dict(d["outcome"]) if d["outcome"] else None
        s.certificate = dict(d["certificate"]) if d["certificate"] else None
        s.temperatures = [dict(t) for t in d["temperatures"]]
        s.fevers = int(d["fevers"])
        s.rest_until = _from_iso(d["rest_until"])
        s.disinfection = dict(d["disinfection"]) if d["disinfection"] else None
        s.registration = (Registration.from_dict(d["registration"])
                          if d["registration"] else None)
        s.scans = {ScanKind(k): dict(v) for k, v in d["scans"].items()}
        s._manual = {ScanKind(k) for k in d["needs_manual_check"]}
        s.signature_png = (base64.b64decode(d["signature_png"])
                           if d["signature_png"] is not None else None)
        s.pledges_signed = tuple(d["pledges_signed"])
        s.notice_handed_over = bool(d["notice_handed_over"])
        s.pass_scan_result = dict(d["pass_scan"]) if d["pass_scan"] else None
        s.redirected_because = (ReturningIssue(d["redirected_because"])
                                if d["redirected_because"] else None)
        return s
