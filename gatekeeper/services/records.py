"""Domain results → ledger records. The only place that decides what a record holds.

Personal fields (name, ID number, phone, certificate number, signature) go in the
record's personal part, which a retention purge can erase; everything else, the
figures and the reasons, goes in the body, which stays for ever.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import Any

from gatekeeper.domain.identity import Registration
from gatekeeper.domain.quarantine import QuarantineCase
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import Step
from gatekeeper.ledger import NewRecord
from gatekeeper.services.kinds import Kind

NewId = Callable[[], str]


def local_day(at: datetime, tz: tzinfo) -> str:
    """The site-local day the ledger files a record under."""
    return at.astimezone(tz).date().isoformat()


def person_record(
    person_id: str, registration: Registration, at: datetime, day: str, new_id: NewId,
    channel: str | None = None,
) -> NewRecord:
    """A full snapshot of a person's registration (the newest snapshot wins)."""
    data = registration.to_dict()
    personal = {key: data.pop(key) for key in ("name", "id_number", "phone")}
    return NewRecord(
        kind=Kind.PERSON,
        at=at,
        day=day,
        body={**data, "id_type": registration.id_type.value},
        personal=personal,
        person_id=person_id,
        channel=channel,
        uuid=new_id(),
    )


def screening_records(
    screening: Screening,
    person_id: str | None,
    staff: str,
    new_id: NewId,
    *,
    group: VehicleGroup | None = None,
) -> list[NewRecord]:
    """Every attempt of every step, then the passage with its outcome."""
    outcome = screening.outcome
    if outcome is None:
        raise ValueError("screening_records() needs a screening that is over")
    tz = screening.policy.tz
    records: list[NewRecord] = []
    for attempt in screening.attempts:
        personal = None
        if attempt.step is Step.PLEDGE and screening.signature_png is not None:
            personal = {"signature_png": screening.signature_png}
        records.append(
            NewRecord(
                kind=Kind.STEP,
                at=attempt.at,
                day=local_day(attempt.at, tz),
                body=attempt.to_dict(),
                personal=personal,
                person_id=person_id,
                subject_id=screening.id,
                channel=screening.channel,
                uuid=new_id(),
            )
        )
    certificate = dict(screening.certificate or {})
    certificate_number = certificate.pop("number", "") or None
    body: dict[str, Any] = {
        "screening_id": screening.id,
        "path": screening.path,
        "role": screening.role,
        "started_at": screening.started_at.isoformat(),
        "outcome": outcome.to_dict(),
        "certificate": certificate or None,
        "temperatures": screening.temperatures,
        "scans": {kind.value: scan for kind, scan in screening.scans.items()},
        "pledges_signed": list(screening.pledges_signed),
        "notice_handed_over": screening.notice_handed_over,
        "steps_passed": [r.step.value for r in screening.done if r.passed],
        "redirected_because": (
            screening.redirected_because.value if screening.redirected_because else None
        ),
        "staff": staff,
    }
    if group is not None:
        body["vehicle"] = {"group_id": group.id, "plate": group.plate}
    records.append(
        NewRecord(
            kind=Kind.PASSAGE,
            at=outcome.at,
            day=local_day(outcome.at, tz),
            body=body,
            personal={"certificate_number": certificate_number} if certificate_number else None,
            person_id=person_id,
            subject_id=screening.id,
            channel=screening.channel,
            outcome=outcome.outcome,
            reason=outcome.reason,
            uuid=new_id(),
        )
    )
    return records


def vehicle_record(group: VehicleGroup, staff: str, new_id: NewId) -> NewRecord:
    outcome = group.outcome
    if outcome is None:
        raise ValueError("vehicle_record() needs a vehicle whose outcome is decided")
    return NewRecord(
        kind=Kind.VEHICLE,
        at=outcome.at,
        day=local_day(outcome.at, group.policy.tz),
        body={
            "group_id": group.id,
            "plate": group.plate,
            "outcome": outcome.to_dict(),
            "people": [p.id for p in group.people],
            "separated": [p.id for p in group.separated],
            "vehicle_disinfected": group.vehicle_disinfected,
            "staff": staff,
        },
        subject_id=group.id,
        channel="vehicle",
        outcome=outcome.outcome,
        reason=outcome.reason,
        uuid=new_id(),
    )


def quarantine_start_record(case: QuarantineCase, source: str | None, new_id: NewId) -> NewRecord:
    return NewRecord(
        kind=Kind.QUARANTINE_START,
        at=case.started_at,
        day=local_day(case.started_at, case.policy.tz),
        body={
            "case_id": case.id,
            "reason": case.reason.value,
            "place": {"en": case.place.en, "zh_CN": case.place.zh_CN},
            "started_at": case.started_at.isoformat(),
            "due_date": case.due_date.isoformat(),
            "source": source,
        },
        person_id=case.person_id,
        subject_id=case.id,
        reason=case.reason,
        uuid=new_id(),
    )
