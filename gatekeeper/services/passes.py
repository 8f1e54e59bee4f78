"""Site passes through the ledger: issue (register or find the worker), verify, revoke.

The signature proves the site issued a pass; the ledger says whether it still stands:
a pass is in force only if its `pass_issued` record exists and no `pass_revoked`
record for the person follows it. The private key stays in the key folder (see
`gatekeeper.scanner.keys`); the ledger only ever holds the key id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.identity import Registration, validate_id
from gatekeeper.domain.vocab import Channel, IdType
from gatekeeper.ledger import StoredRecord
from gatekeeper.ledger.model import Person
from gatekeeper.scanner.keys import NO_KEY, SiteKey, default_key_dir
from gatekeeper.scanner.passes import PassProblem, PassRejected, SitePass, sign_pass, verify_pass
from gatekeeper.services import schema
from gatekeeper.services.accounts import Action, Actor, acting
from gatekeeper.services.gate import GateService
from gatekeeper.services.kinds import Kind
from gatekeeper.services.records import person_record

NOT_REGISTERED = messages.entry("passes.not_registered")
NO_PASS = messages.entry("passes.no_pass")
DEFAULT_EMPLOYER = "—"  # pre-registration may not know it yet; the gate asks again
PRE_REGISTERED_FROM = "pre-registered"


@dataclass(frozen=True)
class Issued:
    person: Person
    site_pass: SitePass
    record: StoredRecord
    registered: bool  # a new person record was written


@dataclass(frozen=True)
class PassState:
    """A person's pass as the ledger has it now."""

    person: Person
    issued_on: date | None = None  # None: never issued a pass
    valid_until: date | None = None
    revoked_on: date | None = None  # the latest pass was revoked that day

    def in_force(self, today: date) -> bool:
        return (
            self.valid_until is not None and self.revoked_on is None and today <= self.valid_until
        )


@dataclass(frozen=True)
class Verified:
    person: Person | None
    site_pass: SitePass


def id_type_for(id_number: str) -> IdType:
    """An 18-character number is a resident ID; anything else is read as a passport."""
    return IdType.RESIDENT_ID if len(id_number.strip()) == 18 else IdType.PASSPORT


class PassService:
    """Issue, verify and revoke the site's passes, recording each in the ledger."""

    def __init__(
        self, gate: GateService, key: SiteKey | Callable[[], SiteKey] | None
    ) -> None:
        """`key` may be None for revoking and looking up (they need no signature), or a
        loader called on first use (so a refused issue creates no key either)."""
        self.gate = gate
        self.ledger = gate.ledger
        self._key: SiteKey | None = None
        self._load_key: Callable[[], SiteKey] | None = None
        if callable(key):
            self._load_key = key
        else:
            self._key = key

    @property
    def key(self) -> SiteKey:
        if self._key is None and self._load_key is not None:
            self._key = self._load_key()
        if self._key is None:
            raise LocalizedError("no_site_key", NO_KEY, {"path": str(default_key_dir())})
        return self._key

    # --- issue --------------------------------------------------------------------------

    def find(self, id_number: str) -> Person | None:
        id_type = id_type_for(id_number)
        number = validate_id(id_type, id_number, self.gate.today())
        return self.ledger.find_person(id_type.value, number)

    def register_or_find(
        self, *, name: str, id_number: str, phone: str | None, employer: str | None
    ) -> tuple[Person, bool]:
        known = self.find(id_number)
        if known is not None:
            return known, False
        registration = Registration.validated(
            name=name,
            id_type=id_type_for(id_number),
            id_number=id_number,
            phone=phone or "",
            employer=employer or DEFAULT_EMPLOYER,
            role="worker",
            coming_from=PRE_REGISTERED_FROM,
            today=self.gate.today(),
        )
        now = self.gate.now()
        record = person_record(
            self.gate.new_id(), registration, now, now.date().isoformat(), self.gate.new_id,
            Channel.WORKER,
        )  # fmt: skip
        self.ledger.append(record)
        person = self.ledger.get_person(record.person_id or "")
        assert person is not None
        return person, True

    def issue(
        self,
        *,
        name: str,
        id_number: str,
        phone: str | None = None,
        employer: str | None = None,
        days: int | None = None,
        by: Actor,
    ) -> Issued:
        """Register (or find) the worker, sign a pass and record it as `pass_issued`, with
        who issued it (an inspector can then trace every pass to a person). Site managers
        only: `by` is checked before anything is registered or a key is made."""
        actor = acting(by, Action.PASSES)
        key = self.key  # no key, no pass: say so before registering anyone
        person, registered = self.register_or_find(
            name=name, id_number=id_number, phone=phone, employer=employer
        )
        now = self.gate.now()
        valid_days = days if days is not None else self.gate.policy.pass_validity_days
        until = now.date() + timedelta(days=valid_days - 1)
        site_pass = sign_pass(key, person.person_id, now.date(), until)
        body = schema.PassIssuedBody(
            issued_on=now.date().isoformat(), valid_until=until.isoformat(),
            key_id=key.key_id, site_id=key.site_id, pass_digest=site_pass.digest,
            by=actor.username)
        record = self.ledger.append(
            body.record(at=now, day=now.date().isoformat(), uuid=self.gate.new_id(),
                        person_id=person.person_id)
        )
        return Issued(person, site_pass, record, registered)

    # --- verify -------------------------------------------------------------------------

    def verify(self, payload: str, today: date | None = None) -> Verified:
        """A genuine, current, unrevoked pass of this site, or PassRejected saying why."""
        today = today or self.gate.today()
        site_pass = verify_pass(
            payload, self.key.site_id, {self.key.key_id: self.key.public}, today
        )
        issued_seq: int | None = None
        revoked_after = False
        for record in self.ledger.records(person_id=site_pass.person_id):
            if (record.kind == Kind.PASS_ISSUED
                    and schema.PassIssuedBody.read(record).pass_digest == site_pass.digest):
                issued_seq = record.seq
                revoked_after = False  # issued again after a revocation
            elif record.kind == Kind.PASS_REVOKED and issued_seq is not None:
                revoked_after = True
        if issued_seq is None:
            raise PassRejected(PassProblem.NOT_ISSUED)
        if revoked_after:
            raise PassRejected(PassProblem.REVOKED)
        return Verified(self.ledger.get_person(site_pass.person_id), site_pass)

    # --- revoke -------------------------------------------------------------------------

    def state(self, id_number: str) -> PassState:
        """The person's latest pass and whether it was revoked (NOT_REGISTERED if unknown)."""
        person = self.find(id_number)
        if person is None:
            raise LocalizedError("not_registered", NOT_REGISTERED, {"id_number": id_number})
        state = PassState(person)
        for record in self.ledger.records(person_id=person.person_id):
            if record.kind == Kind.PASS_ISSUED:
                issued = schema.PassIssuedBody.read(record)
                state = PassState(person, date.fromisoformat(issued.issued_on),
                                  date.fromisoformat(issued.valid_until))  # fmt: skip
            elif record.kind == Kind.PASS_REVOKED and state.issued_on is not None:
                state = PassState(
                    person, state.issued_on, state.valid_until, date.fromisoformat(record.day)
                )
        return state

    def revoke(self, id_number: str, reason: str = "", *, by: Actor) -> StoredRecord:
        """Revoke every pass the person holds now (a later issue gives a new one). Site
        managers only (`by`, whose username the record carries)."""
        actor = acting(by, Action.PASSES)
        person = self.find(id_number)
        if person is None:
            raise LocalizedError("not_registered", NOT_REGISTERED, {"id_number": id_number})
        if not any(
            r.kind == Kind.PASS_ISSUED for r in self.ledger.records(person_id=person.person_id)
        ):
            raise LocalizedError("no_pass", NO_PASS, {"name": person.name or person.person_id})
        now = self.gate.now()
        body = schema.PassRevokedBody(by=actor.username, note=reason)
        return self.ledger.append(body.record(
            at=now, day=now.date().isoformat(), uuid=self.gate.new_id(),
            person_id=person.person_id))
