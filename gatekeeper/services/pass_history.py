"""A person's passes as the ledger has them: which stands, and why the others do not.

Read from the person's records in ledger order (`seq`), through the schemas:

* a pass is **superseded** once a newer `pass_issued` record for the same person exists
  (only the newest pass of a person counts);
* it is **revoked** by a later `pass_revoked` record for the person without a serial
  (every pass issued before it) or with its serial (that pass alone);
* its holder is **purged** when the registration the pass was issued on has lost its
  personal fields to a retention purge (the newest person record before the issue, or
  the person as the `people` projection has them now).

Used by `PassService` (signed passes) and by `GateService`'s returning-path check.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from gatekeeper.ledger import StoredRecord
from gatekeeper.ledger.model import Person
from gatekeeper.services import schema
from gatekeeper.services.kinds import Kind


@dataclass(frozen=True)
class IssuedPass:
    seq: int
    day: str
    issue: schema.PassIssuedBody

    @property
    def serial(self) -> str | None:
        return self.issue.serial


@dataclass(frozen=True)
class Revocation:
    seq: int
    day: str
    serial: str | None  # None: every pass of the person issued before it


def is_erased(person: Person | None) -> bool:
    """The person's registration lost its personal fields to a retention purge."""
    return person is not None and person.name is None and person.id_number is None


@dataclass
class PassHistory:
    person_id: str
    issued: list[IssuedPass] = field(default_factory=list)
    revocations: list[Revocation] = field(default_factory=list)
    registrations: list[tuple[int, bool]] = field(default_factory=list)  # (seq, erased)

    @classmethod
    def read(cls, person_id: str, records: Iterable[StoredRecord]) -> PassHistory:
        """From the person's records (`ledger.records(person_id=…)`, in seq order)."""
        history = cls(person_id)
        for record in records:
            if record.kind == Kind.PASS_ISSUED:
                body = schema.PassIssuedBody.read(record)
                history.issued.append(IssuedPass(record.seq, record.day, body))
            elif record.kind == Kind.PASS_REVOKED:
                serial = schema.PassRevokedBody.read(record).serial
                history.revocations.append(Revocation(record.seq, record.day, serial))
            elif record.kind == Kind.PERSON:
                person = schema.PersonBody.read(record)
                erased = person.name is None and person.id_number is None
                history.registrations.append((record.seq, erased))
        return history

    @property
    def latest(self) -> IssuedPass | None:
        return max(self.issued, key=lambda p: p.seq, default=None)

    def with_digest(self, digest: str) -> IssuedPass | None:
        """The newest issue of the pass with this digest (a pass issued twice
        byte-identically, before serials, is the later issue)."""
        found = [p for p in self.issued if p.issue.pass_digest == digest]
        return max(found, key=lambda p: p.seq, default=None)

    def revocation_of(self, issued: IssuedPass) -> Revocation | None:
        """The first revocation that holds for this pass (None: not revoked)."""
        for revocation in sorted(self.revocations, key=lambda r: r.seq):
            if revocation.seq > issued.seq and revocation.serial in (None, issued.serial):
                return revocation
        return None

    def superseded_by(self, issued: IssuedPass) -> IssuedPass | None:
        """The newer pass that retired this one (None: this is the newest)."""
        latest = self.latest
        return latest if latest is not None and latest.seq > issued.seq else None

    def holder_purged(self, issued: IssuedPass, now: Person | None) -> bool:
        """The registration this pass was issued on is erased (`now`: the person as the
        people projection has them)."""
        before = [erased for seq, erased in self.registrations if seq < issued.seq]
        return is_erased(now) or (bool(before) and before[-1])
