"""A quarantine case, from the gate to its close: the closed loop for people isolated on site.

Days are counted in the site's time zone: day 1 is the day the case starts, and the case
is due for a decision `quarantine_days` days after its start date.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from gatekeeper.domain.errors import QuarantineError, ValidationError
from gatekeeper.domain.i18n import Text
from gatekeeper.domain.identity import validate_text
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.screening import require_aware
from gatekeeper.domain.temperature import is_fever, is_plausible, parse_reading
from gatekeeper.domain.vocab import REASON_OUTCOME, Outcome, QuarantineDecision, Reason


@dataclass(frozen=True)
class QuarantineCheck:
    """One health check during quarantine (temperature and a note)."""

    temperature_c: float
    at: datetime
    note: str
    fever: bool

    def to_dict(self) -> dict[str, Any]:
        return {"temperature_c": self.temperature_c, "at": self.at.isoformat(),
                "note": self.note, "fever": self.fever}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuarantineCheck:
        return cls(float(d["temperature_c"]), datetime.fromisoformat(d["at"]), d["note"],
                   bool(d["fever"]))


@dataclass(frozen=True)
class QuarantineRelease:
    """How and why a case was closed, and by whom."""

    decision: QuarantineDecision
    reason: str
    by: str
    at: datetime


class QuarantineCase:
    """One person's quarantine: start, checks, and exactly one release decision."""

    def __init__(self, *, case_id: str, person_id: str, reason: Reason, place: Text,
                 started_at: datetime, policy: Policy) -> None:
        self.id = case_id
        self.person_id = person_id
        self.reason = reason
        self.place = place
        self.started_at = require_aware(started_at)
        self.policy = policy
        self.checks: list[QuarantineCheck] = []
        self.release_record: QuarantineRelease | None = None

    @classmethod
    def start(
        cls,
        person_id: str,
        reason: Reason | str,
        place: Text | str | None,
        at: datetime,
        policy: Policy,
        *,
        case_id: str | None = None,
    ) -> QuarantineCase:
        """Open a case for a quarantine reason; `place` None means the policy's default."""
        try:
            parsed: Reason | None = Reason(reason)
        except ValueError:
            parsed = None
        if parsed is None or REASON_OUTCOME[parsed] is not Outcome.QUARANTINED:
            raise ValidationError("error.quarantine_reason", "reason", {"reason": str(parsed)})
        person_id = validate_text(person_id, "person_id", 64)
        if place is None:
            place = policy.quarantine_place
        elif isinstance(place, str):
            name = validate_text(place, "place", 200)
            place = Text.same(name)
        return cls(case_id=case_id or str(uuid.uuid4()), person_id=person_id, reason=parsed,
                   place=place, started_at=at, policy=policy)

    # --- state -------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.release_record is None

    @property
    def start_date(self) -> date:
        return self.started_at.astimezone(self.policy.tz).date()

    @property
    def due_date(self) -> date:
        """When a decision is due: the start date plus `quarantine_days`."""
        return self.start_date + timedelta(days=self.policy.quarantine_days)

    def is_overdue(self, now: datetime) -> bool:
        """Still open after its due date (site-local)."""
        return self.is_open and self._local_date(now) > self.due_date

    def day_count(self, now: datetime) -> int:
        """Day N of the quarantine (day 1 is the start day); stops counting at release."""
        release = self.release_record
        end = now if release is None else min(now, release.at)
        return max((self._local_date(end) - self.start_date).days + 1, 1)

    def _local_date(self, at: datetime) -> date:
        return require_aware(at).astimezone(self.policy.tz).date()

    def _check_time(self, at: datetime) -> datetime:
        at = require_aware(at)
        if self.release_record is not None:
            raise QuarantineError("quarantine.already_closed",
                                  {"decision": self.release_record.decision})
        if at < self.started_at:
            raise QuarantineError("quarantine.before_start",
                                  {"at": at.isoformat(), "start": self.started_at.isoformat()})
        return at

    # --- lifecycle ---------------------------------------------------------------------

    def record_check(
        self, temperature_c: float | str, at: datetime, note: str = ""
    ) -> QuarantineCheck:
        """A check while in quarantine; an implausible reading is refused (measure again)."""
        at = self._check_time(at)
        reading = parse_reading(temperature_c) if isinstance(temperature_c, str) else float(
            temperature_c)
        if not is_plausible(reading, self.policy):
            raise ValidationError(
                "error.temperature_out_of_range", "temperature",
                {"reading": reading, "low": self.policy.plausible_min_c,
                 "high": self.policy.plausible_max_c},
            )
        check = QuarantineCheck(round(reading, 2), at, str(note).strip(),
                                is_fever(reading, self.policy))
        self.checks.append(check)
        return check

    def release(
        self, decision: QuarantineDecision | str, reason: str, by: str, at: datetime
    ) -> QuarantineRelease:
        """Close the case (released, referred to hospital, sent home); a reason is required."""
        at = self._check_time(at)
        decision = QuarantineDecision(decision)
        record = QuarantineRelease(decision, validate_text(reason, "reason", 500),
                                   validate_text(by, "by", 64), at)
        self.release_record = record
        return record

    # --- serialisation -----------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        r = self.release_record
        return {
            "id": self.id,
            "person_id": self.person_id,
            "reason": self.reason.value,
            "place": {"en": self.place.en, "zh_CN": self.place.zh_CN},
            "started_at": self.started_at.isoformat(),
            "checks": [c.to_dict() for c in self.checks],
            "release": None if r is None else {
                "decision": r.decision.value, "reason": r.reason, "by": r.by,
                "at": r.at.isoformat(),
            },
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], policy: Policy) -> QuarantineCase:
        case = cls(case_id=d["id"], person_id=d["person_id"], reason=Reason(d["reason"]),
                   place=Text(d["place"]["en"], d["place"]["zh_CN"]),
                   started_at=datetime.fromisoformat(d["started_at"]), policy=policy)
        case.checks = [QuarantineCheck.from_dict(c) for c in d["checks"]]
        r = d["release"]
        if r is not None:
            case.release_record = QuarantineRelease(
                QuarantineDecision(r["decision"]), r["reason"], r["by"],
                datetime.fromisoformat(r["at"]))
        return case
