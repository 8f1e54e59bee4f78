"""GateService: runs screenings, quarantine, rounds and corrections, and records them.

The GUI, the CLI and the simulation all go through here, so a screening is written
the same way whoever drives it: its records are appended in one durable transaction
and its draft removed in the same one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.identity import Registration
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.quarantine import QuarantineCase
from gatekeeper.domain.returning import ReturningEligibility, WorkerPass
from gatekeeper.domain.rounds import RoundVerdict, assess_round_reading
from gatekeeper.domain.screening import DRIVER, Screening
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import (
    Channel,
    Lane,
    Outcome,
    QuarantineDecision,
    Reason,
    RoundSlot,
    Zone,
)
from gatekeeper.ledger import Ledger, NewRecord, StoredRecord
from gatekeeper.scanner.passes import serial_from
from gatekeeper.services import schema
from gatekeeper.services.accounts import Action, Actor, acting
from gatekeeper.services.clock import Clock
from gatekeeper.services.kinds import Kind
from gatekeeper.services.pass_history import PassHistory, is_erased
from gatekeeper.services.records import (
    person_record,
    quarantine_start_record,
    screening_records,
    vehicle_record,
)

NOT_OVER = messages.entry("gate.not_over")
UNKNOWN_CASE = messages.entry("gate.unknown_case")
UNKNOWN_RECORD = messages.entry("gate.unknown_record")
QUARANTINE_NEEDS_PERSON = messages.entry("gate.quarantine_needs_person")
UNKNOWN_PERSON = messages.entry("gate.unknown_person")


@dataclass(frozen=True)
class Finished:
    """What finishing a screening wrote: its passage and any quarantine case it opened."""

    passage: StoredRecord
    person_id: str | None
    quarantine_case: str | None


@dataclass(frozen=True)
class GateOpening:
    """A lane to open for an admission: which lane, and for whose passage."""

    lane: Lane
    subject_id: str  # the screening (or the goods vehicle) admitted
    channel: Channel
    person_id: str | None = None


@dataclass(frozen=True)
class RoundResult:
    recorded: int
    remeasure: list[str]  # person ids whose reading was implausible (not recorded)
    quarantined: list[str]  # person ids sent to quarantine (fever on the round)


def _uuid4() -> str:
    return str(uuid.uuid4())


class GateService:
    """One kiosk's gate operations over its ledger, policy and clock."""

    def __init__(
        self,
        ledger: Ledger,
        policy: Policy,
        clock: Clock,
        *,
        staff: str = "gate",
        new_id: Callable[[], str] = _uuid4,
    ) -> None:
        self.ledger = ledger
        self.policy = policy
        self.clock = clock
        self.staff = staff
        self.new_id = new_id

    # --- time --------------------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock.now().astimezone(self.policy.tz)

    def today(self) -> date:
        return self.now().date()

    def _day(self, at: datetime) -> str:
        return at.astimezone(self.policy.tz).date().isoformat()

    # --- starting and drafts -----------------------------------------------------------

    def start_first_time(self, channel: Channel, *, role: str | None = None) -> Screening:
        return Screening(
            self.policy,
            path="first_time",
            channel=Channel(channel),
            started_at=self.now(),
            role=role,
            screening_id=self.new_id(),
            clock=self.now,
        )

    def start_returning(self, person_id: str | None = None) -> Screening:
        return Screening(
            self.policy,
            path="returning",
            channel=Channel.WORKER,
            started_at=self.now(),
            person_id=person_id,
            screening_id=self.new_id(),
            clock=self.now,
        )

    def start_vehicle(self, plate: str) -> VehicleGroup:
        """A goods vehicle; the driver's screening id comes from `new_id` like every other
        id this service hands out (so a seeded simulation is reproducible)."""
        now = self.now()
        driver = Screening(
            self.policy,
            path="first_time",
            channel=Channel.VEHICLE,
            started_at=now,
            role=DRIVER,
            screening_id=self.new_id(),
            clock=self.now,
        )
        return VehicleGroup(
            plate, self.policy, now, clock=self.now, group_id=self.new_id(), _driver=driver
        )

    def add_passenger(self, group: VehicleGroup) -> Screening:
        """A passenger's screening in `group` (refused once the vehicle's outcome is
        decided), with its id from `new_id`."""
        passenger = group.add_passenger()
        passenger.id = self.new_id()  # nothing refers to the fresh screening's id yet
        return passenger

    def save_draft(self, work: Screening | VehicleGroup) -> None:
        """Keep an unfinished screening so a crash or power cut does not lose it."""
        kind = "vehicle" if isinstance(work, VehicleGroup) else "screening"
        self.ledger.save_draft(work.id, {"kind": kind, "state": work.to_draft()})

    def unfinished(self) -> list[Screening | VehicleGroup]:
        """Screenings left unfinished by an earlier run (crash recovery), oldest first."""
        found: list[Screening | VehicleGroup] = []
        for draft in self.ledger.drafts():
            data = draft.data
            if data.get("kind") == "vehicle":
                found.append(VehicleGroup.from_draft(data["state"], self.policy, self.now))
            else:
                found.append(Screening.from_draft(data["state"], self.policy, self.now))
        return found

    def abandon_unfinished(self, work: Screening | VehicleGroup) -> list[Finished]:
        """Record an interrupted screening as abandoned (never silently dropped)."""
        people = work.people if isinstance(work, VehicleGroup) else (work,)
        for screening in people:
            if not screening.is_over:
                screening.abandon(Reason.INTERRUPTED)
        if isinstance(work, VehicleGroup):
            return self.finish_vehicle(work)
        return [self.finish(work)]

    # --- returning path ----------------------------------------------------------------

    def returning_eligibility(self, person_id: str) -> ReturningEligibility:
        """Whether a recognised person may take the 4-step returning path today (a
        person whose registration a purge erased is no longer registered)."""
        person = self.ledger.get_person(person_id)
        worker_pass = self._latest_pass(person_id)
        signed = self._pledges_signed_on(person_id)
        return ReturningEligibility.check(
            registered=person is not None and not is_erased(person),
            worker_pass=worker_pass,
            pledges_signed_on=signed,
            today=self.today(),
            policy=self.policy,
        )

    def _latest_pass(self, person_id: str) -> WorkerPass | None:
        """The person's newest pass (older ones are superseded), revoked when a
        revocation after it holds for it (the person's, or one of its serial) or when
        the registration it was issued on was erased by a purge."""
        history = PassHistory.read(person_id, self.ledger.records(person_id=person_id))
        latest = history.latest
        if latest is None:
            return None
        revoked = history.revocation_of(latest) is not None or history.holder_purged(
            latest, self.ledger.get_person(person_id))
        return WorkerPass(
            person_id,
            date.fromisoformat(latest.issue.issued_on),
            revoked,
            expires_on=date.fromisoformat(latest.issue.valid_until),
        )

    def _pledges_signed_on(self, person_id: str) -> date | None:
        signed: date | None = None
        for record in self.ledger.records(person_id=person_id, kind=Kind.PASSAGE):
            if schema.PassageBody.read(record).pledges_signed:
                signed = date.fromisoformat(record.day)
        return signed

    def issue_pass(
        self, person_id: str, *, by: Actor, days: int | None = None
    ) -> StoredRecord:
        """Record a site pass for a registered worker (the signed payload comes with the
        scanner work; the validity rules are already the policy's). Site managers only
        (`by`: the signed-in account; refused before anything is read or written)."""
        actor = acting(by, Action.PASSES)
        if self.ledger.get_person(person_id) is None:
            raise LocalizedError("unknown_person", UNKNOWN_PERSON, {"person_id": person_id})
        now = self.now()
        valid_days = days if days is not None else self.policy.pass_validity_days
        valid = now.date() + timedelta(days=valid_days - 1)
        body = schema.PassIssuedBody(issued_on=now.date().isoformat(),
                                     valid_until=valid.isoformat(), by=actor.username,
                                     serial=serial_from(self.new_id()))  # fmt: skip
        return self.ledger.append(body.record(
            at=now, day=self._day(now), uuid=self.new_id(), person_id=person_id))

    # --- finishing ---------------------------------------------------------------------

    def _person_for(
        self, screening: Screening, registration: Registration | None, at: datetime
    ) -> tuple[str | None, list[NewRecord]]:
        """The screening's person id, and a person record when the registration is new
        or changed (a known ID number keeps its person id)."""
        registration = registration or screening.registration
        if registration is None:
            return screening.person_id, []
        known = self.ledger.find_person(registration.id_type, registration.id_number)
        person_id = known.person_id if known else (screening.person_id or self.new_id())
        if known is not None and _same_registration(known, registration):
            return person_id, []
        record = person_record(
            person_id, registration, at, self._day(at), self.new_id, screening.channel
        )
        return person_id, [record]

    def _screening_batch(
        self,
        screening: Screening,
        registration: Registration | None,
        group: VehicleGroup | None = None,
    ) -> tuple[list[NewRecord], str | None, str | None]:
        outcome = screening.outcome
        if outcome is None or not screening.is_over:
            raise LocalizedError("not_over", NOT_OVER)
        person_id, records = self._person_for(screening, registration, outcome.at)
        records += screening_records(screening, person_id, self.staff, self.new_id, group=group)
        case_id = None
        if outcome.outcome is Outcome.QUARANTINED:
            if person_id is None:
                # Closed loop: nobody goes into quarantine without a name on the case.
                raise LocalizedError("quarantine_needs_person", QUARANTINE_NEEDS_PERSON)
            if outcome.reason is None:
                raise ValueError("a quarantine outcome always has its reason")
            case = QuarantineCase.start(
                person_id, outcome.reason, None, outcome.at, self.policy, case_id=self.new_id()
            )
            records.append(quarantine_start_record(case, screening.id, self.new_id))
            case_id = case.id
        return records, person_id, case_id

    def finish(
        self, screening: Screening, *, registration: Registration | None = None
    ) -> Finished:
        """Write a finished screening: person snapshot, step results, passage, and a
        quarantine case when it ended in quarantine — one transaction, draft removed.

        `registration` is for a person quarantined before the registration step (fever at
        the temperature step): staff register them at the isolation room so the closed
        loop knows who is in quarantine.
        """
        records, person_id, case_id = self._screening_batch(screening, registration)
        stored = self.ledger.append_all(records, discard_draft=screening.id)
        passage = next(r for r in stored if r.kind == Kind.PASSAGE)
        return Finished(passage, person_id, case_id)

    def finish_vehicle(
        self,
        group: VehicleGroup,
        registrations: dict[str, Registration] | None = None,
    ) -> list[Finished]:
        """Write a whole vehicle group (each person, then the vehicle) in one transaction."""
        registrations = registrations or {}
        batch: list[NewRecord] = []
        meta: list[tuple[str | None, str | None]] = []
        for screening in group.people:
            records, person_id, case_id = self._screening_batch(
                screening, registrations.get(screening.id), group
            )
            batch += records
            meta.append((person_id, case_id))
        if group.outcome is None:
            raise LocalizedError("not_over", NOT_OVER)
        batch.append(vehicle_record(group, self.staff, self.new_id))
        stored = self.ledger.append_all(batch, discard_draft=group.id)
        passages = [r for r in stored if r.kind == Kind.PASSAGE]
        return [
            Finished(p, person_id, case_id)
            for p, (person_id, case_id) in zip(passages, meta, strict=True)
        ]

    # --- quarantine --------------------------------------------------------------------

    def quarantine_case(self, case_id: str) -> QuarantineCase:
        """Rebuild a case from its records (start, checks, release)."""
        case: QuarantineCase | None = None
        for record in self.ledger.records(subject_id=case_id):
            if record.kind == Kind.QUARANTINE_START:
                start = schema.QuarantineStartBody.read(record)
                case = QuarantineCase.from_dict(
                    {
                        "id": case_id,
                        "person_id": record.person_id,
                        "reason": start.reason,
                        "place": start.place,
                        "started_at": start.started_at,
                        "checks": [],
                        "release": None,
                    },
                    self.policy,
                )
            elif case is not None and record.kind == Kind.QUARANTINE_CHECK:
                check = schema.QuarantineCheckBody.read(record)
                case.record_check(check.temperature_c, datetime.fromisoformat(check.at),
                                  check.note)  # fmt: skip
            elif case is not None and record.kind == Kind.QUARANTINE_RELEASE:
                release = schema.QuarantineReleaseBody.read(record)
                case.release(QuarantineDecision(release.decision), release.reason,
                             release.by, datetime.fromisoformat(release.at))  # fmt: skip
        if case is None:
            raise LocalizedError("unknown_case", UNKNOWN_CASE, {"case_id": case_id})
        return case

    def _require_registered(self, person_id: str) -> None:
        """The closed loop: a quarantine case (or a round reading that may open one) is
        never written for a person id the ledger does not know."""
        if self.ledger.get_person(person_id) is None:
            raise LocalizedError("unknown_person", UNKNOWN_PERSON, {"person_id": person_id})

    def start_quarantine(
        self, person_id: str, reason: Reason, *, place: str | None = None, source: str | None = None
    ) -> QuarantineCase:
        """A quarantine case for a registered person (refused for an unknown id)."""
        self._require_registered(person_id)
        case = QuarantineCase.start(
            person_id, reason, place, self.now(), self.policy, case_id=self.new_id()
        )
        self.ledger.append(quarantine_start_record(case, source, self.new_id))
        return case

    def quarantine_check(
        self, case_id: str, temperature_c: float | str, note: str = "", *, by: Actor
    ) -> None:
        """A temperature check on someone in quarantine; site managers only (`by`)."""
        actor = acting(by, Action.QUARANTINE_RELEASE)
        case = self.quarantine_case(case_id)
        check = case.record_check(temperature_c, self.now(), note)
        body = schema.QuarantineCheckBody(
            temperature_c=check.temperature_c, at=check.at.isoformat(), note=check.note,
            fever=check.fever, by=actor.username)
        self.ledger.append(body.record(
            at=check.at, day=self._day(check.at), uuid=self.new_id(),
            person_id=case.person_id, subject_id=case.id))

    def release_quarantine(
        self, case_id: str, decision: QuarantineDecision, reason: str, by: Actor
    ) -> StoredRecord:
        """The end of a quarantine (released, referred, sent home); site managers only.
        The record's "by" is the signed-in account's username."""
        actor = acting(by, Action.QUARANTINE_RELEASE)
        case = self.quarantine_case(case_id)
        release = case.release(decision, reason, actor.username, self.now())
        body = schema.QuarantineReleaseBody(
            decision=release.decision.value, reason=release.reason, by=release.by,
            at=release.at.isoformat(), days=case.day_count(release.at))
        return self.ledger.append(body.record(
            at=release.at, day=self._day(release.at), uuid=self.new_id(),
            person_id=case.person_id, subject_id=case.id, reason=release.decision))

    # --- on-site rounds ----------------------------------------------------------------

    def record_round(
        self, slot: RoundSlot, readings: Sequence[tuple[str, float]], by: Actor
    ) -> RoundResult:
        """A morning or evening temperature round; fevers open quarantine cases. One
        transaction for the whole round, so a round is never half recorded. Site
        managers only (`by`, whose username the records carry)."""
        by_name = acting(by, Action.ROUNDS).username
        for person_id, _reading in readings:  # closed loop: only registered people
            self._require_registered(person_id)
        now = self.now()
        day = self._day(now)
        batch: list[NewRecord] = []
        remeasure: list[str] = []
        quarantined: list[str] = []
        for person_id, reading in readings:
            verdict = assess_round_reading(reading, self.policy)
            if verdict.verdict is RoundVerdict.REMEASURE:
                remeasure.append(person_id)
                continue
            round_id = self.new_id()
            body = schema.RoundTemperatureBody(
                slot=RoundSlot(slot).value, reading_c=round(float(reading), 2),
                verdict=verdict.verdict.value, by=by_name)
            batch.append(body.record(at=now, day=day, uuid=round_id, person_id=person_id,
                                     subject_id=round_id))  # fmt: skip
            if verdict.reason is not None:
                case = QuarantineCase.start(
                    person_id, verdict.reason, None, now, self.policy, case_id=self.new_id()
                )
                batch.append(quarantine_start_record(case, round_id, self.new_id))
                quarantined.append(person_id)
        if batch:
            self.ledger.append_all(batch)
        return RoundResult(len(batch) - len(quarantined), remeasure, quarantined)

    def record_disinfection(self, zone: Zone, slot: RoundSlot, by: Actor) -> StoredRecord:
        """A zone's disinfection; site managers only (`by`, whose username is recorded)."""
        by_name = acting(by, Action.ROUNDS).username
        now = self.now()
        body = schema.DisinfectionBody(zone=Zone(zone).value, slot=RoundSlot(slot).value,
                                       by=by_name)  # fmt: skip
        return self.ledger.append(body.record(at=now, day=self._day(now), uuid=self.new_id()))

    def record_gate_opened(self, opening: GateOpening, device: str, detail: str) -> StoredRecord:
        """The lane was opened for an admission (`opening`, from the kiosk session)."""
        now = self.now()
        body = schema.GateOpenedBody(lane=Lane(opening.lane).value, device=device,
                                     detail=detail, by=self.staff)  # fmt: skip
        return self.ledger.append(body.record(
            at=now, day=self._day(now), uuid=self.new_id(), subject_id=opening.subject_id,
            person_id=opening.person_id, channel=Channel(opening.channel).value))

    def record_gate_open_failed(
        self, opening: GateOpening, device: str, detail: str, problem: str,
        params: Mapping[str, Any],
    ) -> StoredRecord:
        """The lane did not open for an admission: on record beside the passage, so an
        inspector sees that the person was admitted but let in by hand (`problem`: the
        catalogue key of what went wrong, `params` its values)."""
        now = self.now()
        body = schema.GateOpenFailedBody(
            lane=Lane(opening.lane).value, device=device, detail=detail, problem=problem,
            params={k: _json_value(v) for k, v in params.items()}, by=self.staff)
        return self.ledger.append(body.record(
            at=now, day=self._day(now), uuid=self.new_id(), subject_id=opening.subject_id,
            person_id=opening.person_id, channel=Channel(opening.channel).value))

    # --- corrections -------------------------------------------------------------------

    def correct(
        self, record_uuid: str, changes: dict[str, Any], reason: str, by: Actor
    ) -> StoredRecord:
        """A correction is a new record pointing at the old one; the old one stays.
        Site managers only (`by`, whose username the correction carries)."""
        by_name = acting(by, Action.CORRECTION).username
        original = self.ledger.get(record_uuid)
        if original is None:
            raise LocalizedError("unknown_record", UNKNOWN_RECORD, {"uuid": record_uuid})
        now = self.now()
        body = schema.CorrectionBody(changes=changes, reason=reason, by=by_name,
                                     corrected_kind=original.kind)  # fmt: skip
        return self.ledger.append(body.record(
            at=now, day=self._day(now), uuid=self.new_id(), person_id=original.person_id,
            subject_id=original.subject_id, corrects=record_uuid))


def _json_value(value: Any) -> Any:
    """A message value as the ledger can hold it (a number or text as it is, else text)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _same_registration(known: Any, registration: Registration) -> bool:
    data = registration.to_dict()
    fields = dict(known.fields)
    return (
        known.name == data["name"]
        and known.phone == data["phone"]
        and all(fields.get(k) == data[k] for k in ("employer", "role", "coming_from"))
    )
