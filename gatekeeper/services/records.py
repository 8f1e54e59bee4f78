"""Domain results → ledger records for the gate: screenings, people, vehicles, cases.

What each record kind holds, and which of its fields are personal (erased by a
retention purge), is `gatekeeper.services.schema`'s; this module fills those schemas
from the domain's results.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from gatekeeper.domain.identity import Registration
from gatekeeper.domain.quarantine import QuarantineCase
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import Step
from gatekeeper.ledger import NewRecord
from gatekeeper.services import schema

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
    body = schema.PersonBody(
        id_type=registration.id_type.value,
        employer=data["employer"],
        role=data["role"],
        coming_from=data["coming_from"],
        recent_stays=data["recent_stays"],
        name=data["name"],
        id_number=data["id_number"],
        phone=data["phone"],
    )
    return body.record(at=at, day=day, uuid=new_id(), person_id=person_id, channel=channel)


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
        signature = None
        if attempt.step is Step.PLEDGE and screening.signature_png is not None:
            signature = screening.signature_png
        step = schema.StepBody(step=attempt.step.value, passed=attempt.passed,
                               data=attempt.data, at=attempt.at.isoformat(),
                               signature_png=signature)  # fmt: skip
        records.append(step.record(
            at=attempt.at, day=local_day(attempt.at, tz), uuid=new_id(), person_id=person_id,
            subject_id=screening.id, channel=screening.channel))
    certificate = dict(screening.certificate or {})
    certificate_number = certificate.pop("number", "") or None
    passage = schema.PassageBody(
        screening_id=screening.id,
        path=screening.path,
        role=screening.role,
        started_at=screening.started_at.isoformat(),
        outcome=outcome.to_dict(),
        certificate=certificate or None,
        temperatures=screening.temperatures,
        scans={kind.value: scan for kind, scan in screening.scans.items()},
        pledges_signed=list(screening.pledges_signed),
        notice_handed_over=screening.notice_handed_over,
        steps_passed=[r.step.value for r in screening.done if r.passed],
        redirected_because=(
            screening.redirected_because.value if screening.redirected_because else None
        ),
        staff=staff,
        vehicle={"group_id": group.id, "plate": group.plate} if group is not None else None,
        certificate_number=certificate_number,
    )
    records.append(passage.record(
        at=outcome.at, day=local_day(outcome.at, tz), uuid=new_id(), person_id=person_id,
        subject_id=screening.id, channel=screening.channel, outcome=outcome.outcome,
        reason=outcome.reason))
    return records


def vehicle_record(group: VehicleGroup, staff: str, new_id: NewId) -> NewRecord:
    outcome = group.outcome
    if outcome is None:
        raise ValueError("vehicle_record() needs a vehicle whose outcome is decided")
    body = schema.VehicleBody(
        group_id=group.id,
        plate=group.plate,
        outcome=outcome.to_dict(),
        people=[p.id for p in group.people],
        separated=[p.id for p in group.separated],
        vehicle_disinfected=group.vehicle_disinfected,
        staff=staff,
    )
    return body.record(at=outcome.at, day=local_day(outcome.at, group.policy.tz),
                       uuid=new_id(), subject_id=group.id, channel="vehicle",
                       outcome=outcome.outcome, reason=outcome.reason)  # fmt: skip


def quarantine_start_record(case: QuarantineCase, source: str | None, new_id: NewId) -> NewRecord:
    body = schema.QuarantineStartBody(
        case_id=case.id,
        reason=case.reason.value,
        place={"en": case.place.en, "zh_CN": case.place.zh_CN},
        started_at=case.started_at.isoformat(),
        due_date=case.due_date.isoformat(),
        source=source,
    )
    return body.record(at=case.started_at, day=local_day(case.started_at, case.policy.tz),
                       uuid=new_id(), person_id=case.person_id, subject_id=case.id,
                       reason=case.reason)  # fmt: skip
