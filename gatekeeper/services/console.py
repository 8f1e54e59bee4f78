"""The manager console's services, Qt-free: what its pages show and record, for the
account signed in.

`ConsoleService` holds one kiosk's ledger, policy and clock (and the `GateService` over
them) and the `Actor` signed in to the console; the pages call it and never see the
ledger. Each call delegates to the services that already do the work — `site`,
`review`, `accounts`, `passes`, `exports`, `GateService` — and those check the actor's
role themselves, so a page that forgets to ask is still refused. Reads every console
role may see (the dashboard, the roster, the quarantine list, the review) take no
actor, as in those services.

Background work (an export, the integrity check over a big ledger) runs on a thread of
its own with its own SQLite connection (a connection belongs to the thread that opened
it): `for_thread()` opens a separate `ConsoleService` over a fresh connection to the same
file, on the thread that enters it, and closes it on leaving.

`SignInService` is the sign-in dialogs': whether the first site manager is still to be
made, a sign-in, and the first manager's account.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from gatekeeper.domain.policy import Policy
from gatekeeper.domain.vocab import Channel, Outcome, QuarantineDecision, RoundSlot, Zone
from gatekeeper.ledger import Ledger, StoredRecord, VerifyReport
from gatekeeper.services import accounts, exports, review, site
from gatekeeper.services.accounts import Account, Action, Actor, Role
from gatekeeper.services.clock import Clock
from gatekeeper.services.gate import GateService, RoundResult
from gatekeeper.services.passes import Issued, PassService, PassState
from gatekeeper.services.policy_source import PolicySource, in_force

if TYPE_CHECKING:
    from gatekeeper.domain.quarantine import QuarantineCase
    from gatekeeper.scanner.keys import SiteKey
    from gatekeeper.services.exports import ExportResult, PdfWriter
    from gatekeeper.services.review import InspectionData, InspectionWriter

__all__ = ["ConsoleService", "Revoked", "SignInService", "VerifyReport"]


@dataclass(frozen=True)
class Revoked:
    """A pass revoked: the record, and the name of whose pass it was ("" if erased)."""

    record: StoredRecord
    name: str


class ConsoleService:
    """The console's calls over one ledger, as the signed-in account (`actor`)."""

    def __init__(
        self,
        ledger: Ledger,
        policy: Policy,
        clock: Clock,
        gate: GateService | None = None,
        actor: Actor | None = None,
    ) -> None:
        self._ledger = ledger
        self.policy = policy
        self.clock = clock
        self._gate = gate if gate is not None else GateService(ledger, policy, clock)
        self.actor = actor

    @classmethod
    def over(cls, gate: GateService, actor: Actor | None = None) -> ConsoleService:
        """The console's service over a kiosk's `GateService` (its ledger, policy, clock)."""
        return cls(gate.ledger, gate.policy, gate.clock, gate, actor)

    # --- who, where, when -----------------------------------------------------------

    def act_as(self, actor: Actor | None) -> None:
        """The account signed in (None: nobody, on signing out)."""
        self.actor = actor

    def can(self, action: Action | str) -> bool:
        return self.actor is not None and self.actor.can(action)

    def _by(self) -> Actor:
        if self.actor is None:
            raise RuntimeError("nothing is recorded from the console without a sign-in")
        return self.actor

    @property
    def ledger_path(self) -> Path:
        """The ledger's file (for display, and the folder exports and badges go beside)."""
        return Path(self._ledger.path)

    @property
    def kiosk_id(self) -> str:
        return str(self._ledger.kiosk_id)

    def now(self) -> datetime:
        return self._gate.now()

    def today(self) -> date:
        return self._gate.today()

    def signing_in(self) -> SignInService:
        return SignInService(self._ledger, self.now)

    @contextmanager
    def for_thread(self, *, readonly: bool = False) -> Iterator[ConsoleService]:
        """A separate service over its own connection to the same file, opened on the
        thread that enters this and closed on leaving; same policy, clock and actor."""
        with Ledger.open(self.ledger_path, create=False, readonly=readonly) as ledger:
            gate = GateService(ledger, self.policy, self.clock, staff=self._gate.staff,
                               new_id=self._gate.new_id)  # fmt: skip
            yield ConsoleService(ledger, self.policy, self.clock, gate, self.actor)

    # --- dashboard, rounds, disinfection ---------------------------------------------

    def site_view(self, *, days: int = 14) -> site.SiteView:
        return site.load(self._ledger, self.policy, self.now(), days=days)

    def on_site(self, now: datetime | None = None) -> list[site.OnSite]:
        return site.on_site(self._ledger, now or self.now())

    def round_readings(self, day: date, slot: RoundSlot) -> list[site.RoundEntry]:
        return site.round_readings(self._ledger, day, slot)

    def disinfections(self, day: date) -> dict[tuple[Zone, RoundSlot], site.DisinfectionRow]:
        return site.disinfections(self._ledger, day)

    def find_people(self, text: str, people: Sequence[site.OnSite]) -> list[site.OnSite]:
        return site.find_people(self._ledger, text, self.today(), people)

    def record_round(self, slot: RoundSlot, readings: Sequence[tuple[str, float]]) -> RoundResult:
        return self._gate.record_round(slot, readings, self._by())

    def record_disinfection(self, zone: Zone, slot: RoundSlot) -> StoredRecord:
        return self._gate.record_disinfection(zone, slot, self._by())

    # --- quarantine --------------------------------------------------------------------

    def open_quarantine_cases(self) -> list[site.CaseRow]:
        return site.open_quarantine_cases(self._ledger, self.policy, self.now())

    def quarantine_case(self, case_id: str) -> QuarantineCase:
        return self._gate.quarantine_case(case_id)

    def quarantine_check(self, case_id: str, temperature_c: float | str, note: str = "") -> None:
        self._gate.quarantine_check(case_id, temperature_c, note, by=self._by())

    def release_quarantine(
        self, case_id: str, decision: QuarantineDecision, reason: str
    ) -> StoredRecord:
        return self._gate.release_quarantine(case_id, decision, reason, self._by())

    # --- review and the integrity check ------------------------------------------------

    def search_passages(
        self,
        *,
        person: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        outcome: Outcome | str | None = None,
        channel: Channel | str | None = None,
    ) -> list[exports.ExportRow]:
        return review.search_passages(
            self._ledger, person=person, date_from=date_from, date_to=date_to,
            outcome=outcome, channel=channel, tz=self.policy.tz,
        )  # fmt: skip

    def timeline(self, person_id: str) -> list[review.TimelineEvent]:
        return review.timeline(self._ledger, person_id)

    def verify(self) -> VerifyReport:
        """The whole hash chain checked (long on a big ledger: run it `for_thread`)."""
        return self._ledger.verify()

    # --- accounts ------------------------------------------------------------------------

    def list_accounts(self) -> list[Account]:
        return accounts.list_accounts(self._ledger)

    def create_account(
        self, *, username: str, role: Role | str, display_name: str, pin: str
    ) -> Account:
        return accounts.create_account(
            self._ledger, username=username, role=role, display_name=display_name, pin=pin,
            now=self.now(), by=self._by(),
        )  # fmt: skip

    def reset_pin(self, username: str, pin: str) -> StoredRecord:
        return accounts.reset_pin(self._ledger, username, pin, self.now(), self._by())

    # --- passes ----------------------------------------------------------------------------

    def issue_pass(
        self,
        key: SiteKey | Callable[[], SiteKey],
        *,
        name: str,
        id_number: str,
        phone: str | None = None,
        employer: str | None = None,
        days: int | None = None,
    ) -> Issued:
        """Register (or find) the worker and sign their pass; `key` may be a loader, called
        only once the role is accepted (so a refused issue creates no key)."""
        return PassService(self._gate, key).issue(
            name=name, id_number=id_number, phone=phone, employer=employer, days=days,
            by=self._by(),
        )  # fmt: skip

    def revoke_pass(self, id_number: str, reason: str = "") -> Revoked:
        record = PassService(self._gate, None).revoke(id_number, reason, by=self._by())
        person = self._ledger.get_person(record.person_id or "")
        return Revoked(record, person.name if person is not None and person.name else "")

    def pass_state(self, id_number: str) -> PassState:
        return PassService(self._gate, None).state(id_number)

    # --- policy ------------------------------------------------------------------------------

    def policy_source(self) -> PolicySource:
        """Where the policy in force came from (the --policy file, the site's, defaults)."""
        return in_force()

    # --- exports -----------------------------------------------------------------------------

    def export_day(
        self,
        day: date,
        fmt: str,
        output: Path,
        *,
        lang: str,
        full: bool,
        pdf_writer: PdfWriter | None = None,
    ) -> ExportResult:
        """The day's ledger export, written and recorded (`exports.export_day`)."""
        return exports.export_day(
            self._ledger, day.isoformat(), fmt, output, lang=lang, full=full,
            site=self.kiosk_id, now=self.now(), tz=self.policy.tz, by=self._by(),
            pdf_writer=pdf_writer,
        )  # fmt: skip

    def export_inspection_report(
        self, date_from: date, date_to: date, output: Path, writer: InspectionWriter
    ) -> tuple[InspectionData, str, StoredRecord]:
        return exports.export_inspection_report(
            self._ledger, date_from, date_to, output, writer, now=self.now(), by=self._by()
        )


class SignInService:
    """The sign-in dialogs' calls: every attempt is recorded by `accounts.sign_in`."""

    def __init__(self, ledger: Ledger, now: Callable[[], datetime]) -> None:
        self._ledger = ledger
        self._now = now

    def needs_first_manager(self) -> bool:
        return accounts.needs_first_manager(self._ledger)

    def sign_in(self, username: str, pin: str) -> Account:
        return accounts.sign_in(self._ledger, username, pin, self._now())

    def create_first_manager(self, *, username: str, display_name: str, pin: str) -> Account:
        """The first start's site manager, then signed in (the sign-in is recorded too)."""
        now = self._now()
        accounts.create_first_manager(
            self._ledger, username=username, display_name=display_name, pin=pin, now=now
        )
        return accounts.sign_in(self._ledger, username, pin, now)
