"""Site passes through the ledger: issue (register or find the worker), verify, revoke.

The signature proves the site issued a pass; the ledger says whether it still stands
(`pass_history`): a pass is in force only if its `pass_issued` record exists, no newer
pass was issued to the person (superseded), no `pass_revoked` record after it holds for
it (one without a serial: every earlier pass of the person; one with a serial: that
pass), and the registration it was issued on was not erased by a retention purge. Every
pass carries its own serial (format GKP2, `gatekeeper.scanner.passes`), so a re-issued
pass is never the revoked one. The private key stays in the key folder (see
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
from gatekeeper.services.pass_history import IssuedPass, PassHistory
from gatekeeper.services.records import person_record

NAME_CONFLICT = messages.entry("passes.name_conflict")
NOT_REGISTERED = messages.entry("passes.not_registered")
NO_PASS = messages.entry("passes.no_pass")
UNKNOWN_PERSON = messages.entry("passes.unknown_person")
NO_SUCH_PASS = messages.entry("passes.no_such_pass")
NOT_THEIR_PASS = messages.entry("passes.not_their_pass")
REVOKE_WHAT = messages.entry("passes.revoke_what")
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
    serial: str | None = None  # the latest pass's serial (None: issued before serials)

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
            if known.name and " ".join(known.name.split()) != " ".join(name.split()):
                # never merged silently: the badge would show the old name
                raise LocalizedError("name_conflict", NAME_CONFLICT, {
                    "id_number": id_number, "known": known.name, "typed": name})
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
        site_pass = sign_pass(key, person.person_id, now.date(), until)  # a new serial
        body = schema.PassIssuedBody(
            issued_on=now.date().isoformat(), valid_until=until.isoformat(),
            key_id=key.key_id, site_id=key.site_id, pass_digest=site_pass.digest,
            by=actor.username, serial=site_pass.serial)
        record = self.ledger.append(
            body.record(at=now, day=now.date().isoformat(), uuid=self.gate.new_id(),
                        person_id=person.person_id)
        )
        return Issued(person, site_pass, record, registered)

    # --- verify -------------------------------------------------------------------------

    def history(self, person_id: str) -> PassHistory:
        return PassHistory.read(person_id, self.ledger.records(person_id=person_id))

    def verify(self, payload: str, today: date | None = None) -> Verified:
        """A genuine, current pass of this site that still stands, or PassRejected saying
        why: never issued here, revoked, superseded by a newer pass, holder purged (in
        that order of precedence)."""
        today = today or self.gate.today()
        site_pass = verify_pass(
            payload, self.key.site_id, {self.key.key_id: self.key.public}, today
        )
        history = self.history(site_pass.person_id)
        issued = history.with_digest(site_pass.digest)
        issued_seq = issued.seq if issued is not None else None
        if issued_seq is None:
            raise PassRejected(PassProblem.NOT_ISSUED)
        assert issued is not None
        revoked_after = history.revocation_of(issued) is not None
        if revoked_after:
            raise PassRejected(PassProblem.REVOKED)
        newer = history.superseded_by(issued)
        if newer is not None:
            raise PassRejected(PassProblem.SUPERSEDED, issued_on=newer.issue.issued_on)
        person = self.ledger.get_person(site_pass.person_id)
        if history.holder_purged(issued, person):
            raise PassRejected(PassProblem.HOLDER_PURGED, person_id=site_pass.person_id)
        return Verified(person, site_pass)

    # --- revoke -------------------------------------------------------------------------

    def state(self, id_number: str) -> PassState:
        """The person's latest pass and whether it was revoked (NOT_REGISTERED if unknown)."""
        person = self.find(id_number)
        if person is None:
            raise LocalizedError("not_registered", NOT_REGISTERED, {"id_number": id_number})
        history = self.history(person.person_id)
        latest = history.latest
        if latest is None:
            return PassState(person)
        revocation = history.revocation_of(latest)
        return PassState(
            person, date.fromisoformat(latest.issue.issued_on),
            date.fromisoformat(latest.issue.valid_until),
            date.fromisoformat(revocation.day) if revocation is not None else None,
            latest.serial,
        )  # fmt: skip

    def issued_with_serial(self, serial: str) -> tuple[str, IssuedPass] | None:
        """(holder's person id, the issue) of the pass with this serial, or None."""
        for record in self.ledger.records(kind=Kind.PASS_ISSUED):
            body = schema.PassIssuedBody.read(record)
            if body.serial is not None and body.serial == serial and record.person_id:
                return record.person_id, IssuedPass(record.seq, record.day, body)
        return None

    def revoke(
        self, id_number: str | None = None, reason: str = "", *, by: Actor,
        serial: str | None = None, person_id: str | None = None,
    ) -> StoredRecord:  # fmt: skip
        """Revoke a person's passes: every pass they were issued before now (by
        `id_number` or `person_id`: the latter still finds a person whose registration a
        purge erased), or (`serial`) that one pass. Given together, they must name the same
        person; nothing is written otherwise. A pass issued later is not revoked. Site
        managers only (`by`, whose username the record carries)."""
        actor = acting(by, Action.PASSES)
        if id_number is None and serial is None and person_id is None:
            raise LocalizedError("revoke_what", REVOKE_WHAT, {})
        holder = self._holder(id_number, person_id)
        if serial is not None:
            found = self.issued_with_serial(serial)
            if found is None:
                raise LocalizedError("no_such_pass", NO_SUCH_PASS, {"serial": serial})
            if holder is not None and found[0] != holder:
                raise LocalizedError("not_their_pass", NOT_THEIR_PASS, {
                    "serial": serial, "holder": found[0], "person_id": holder})
            holder = found[0]
        assert holder is not None
        if self.history(holder).latest is None:
            person = self.ledger.get_person(holder)
            name = (person.name if person is not None else None) or holder
            raise LocalizedError("no_pass", NO_PASS, {"name": name})
        now = self.gate.now()
        body = schema.PassRevokedBody(by=actor.username, note=reason, serial=serial)
        return self.ledger.append(body.record(
            at=now, day=now.date().isoformat(), uuid=self.gate.new_id(),
            person_id=holder))

    def _holder(self, id_number: str | None, person_id: str | None) -> str | None:
        """The person named by ID number and/or person id (NOT_REGISTERED if nobody, or
        if the two name different people)."""
        holder: str | None = None
        if id_number is not None:
            person = self.find(id_number)
            if person is None:
                raise LocalizedError("not_registered", NOT_REGISTERED, {"id_number": id_number})
            holder = person.person_id
        if person_id is not None:
            known = self.ledger.get_person(person_id) is not None or self.history(
                person_id).latest is not None
            if not known or (holder is not None and holder != person_id):
                raise LocalizedError("not_registered", UNKNOWN_PERSON, {"person_id": person_id})
            holder = person_id
        return holder
