"""KioskSession: one screening (or one goods vehicle) at a time, through the domain.

Every call from a page is one transaction: its effect on the screening, the draft saved
after it (so a crash or power cut loses nothing) and any records it finishes either all
happen or none does. While a call runs, what it would show is held back; if the ledger
refuses the write (disk full, locked, read-only, damaged) the screening is put back as
it was, nothing is shown but a plain message on the page in view, the person's input
stays there, and pressing again retries. Any other exception puts the screening back too
and is raised on for the application's crash handler.

Scans: `scanned(text)` takes what the camera or a USB scanner read, for the page in
view: a site pass on the start screen starts the returning path at once; on the pass
page it is the pass; on the QR step it is the scan in turn; a reading from a USB
thermometer on the temperature page is the reading. Anywhere else it is refused (False).
A serial thermometer's readings come through `device_reading`, taken only on the
temperature step.

Back and Esc: before step 1 (pass field, plate) they go back to the start screen. From
step 1 on nothing can be undone (the domain cannot un-pass a step), so they ask whether
to abandon the person; abandoning is recorded (`Screening.abandon`, then finish).
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, cast

from gatekeeper.devices.turnstile import ReleaseFailed
from gatekeeper.domain import messages
from gatekeeper.domain.errors import StepOrderError, ValidationError
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.identity import (
    Registration,
    validate_id,
    validate_name,
    validate_phone,
    validate_stays,
    validate_text,
)
from gatekeeper.domain.returning import ReturningEligibility, ReturningIssue
from gatekeeper.domain.screening import DRIVER, OutcomeResult, Screening
from gatekeeper.domain.temperature import TemperatureVerdict, parse_reading
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import Channel, IdType, Outcome, ScanKind, ScanStatus, Step
from gatekeeper.ledger.errors import LedgerError, from_sqlite
from gatekeeper.scanner.passes import PassRejected, parse_pass
from gatekeeper.services.accounts import Action, Actor, acting
from gatekeeper.services.clock import parse_day
from gatekeeper.services.gate import GateOpening, GateService
from gatekeeper.services.kiosk import people, scans
from gatekeeper.services.kiosk.pages import BEFORE_STEPS, STEP_PAGES, Page
from gatekeeper.services.kiosk.views import (
    OutcomeView,
    Say,
    outcome_view,
    plate_line,
    say,
    say_text,
)
from gatekeeper.services.passes import PassService

Work = Screening | VehicleGroup
State = dict[str, Any]


class Display(Protocol):
    """What the session needs of a screen: the Qt window, or a test's recorder."""

    def show(self, page: Page, state: State) -> None:
        """Show `page` afresh with `state` (its fields emptied)."""

    def update(self, page: Page, state: State) -> None:
        """Update the page in view in place (its fields keep what was typed)."""

    def field_error(self, page: Page, field: str, message: Say | None) -> None:
        """An error next to `field` ("" for the page); None clears it."""

    def outcome(self, view: OutcomeView) -> None:
        """A screening's records were written and this is its outcome (sound, figures)."""

    def recorded(self) -> None:
        """Records were written (the day's figures changed)."""

    def rest_timer(self, running: bool) -> None:
        """Call `tick_rest` every second while running (someone rests before remeasuring)."""

    def outcome_timer(self, running: bool) -> None:
        """Call `outcome_done` once after the policy's outcome seconds while running."""


@dataclass
class _Snapshot:
    page: Page
    work: dict[str, Any] | None
    vehicle: bool
    current: str | None
    registrations: dict[str, Registration]
    info: Say | None
    last_read: Say | None


class _Held:
    """The display calls of a call in progress, shown only once it has committed."""

    def __init__(self, display: Display) -> None:
        self.display = display
        self.calls: list[Callable[[], None]] = []

    def __getattr__(self, name: str) -> Callable[..., None]:
        method = getattr(self.display, name)

        def hold(*args: Any) -> None:
            self.calls.append(lambda: method(*args))

        return hold


class KioskSession:
    """Runs one screening (or one goods vehicle) at a time through the domain."""

    def __init__(
        self,
        gate: GateService,
        display: Display,
        *,
        now_fn: Callable[[], datetime] | None = None,
        passes: PassService | None = None,
        log_hint: str = "",
        open_lane: Callable[[GateOpening], None] | None = None,
    ) -> None:
        self.gate = gate
        # Opens the lane's turnstile or door (off the UI thread); None: opened by hand.
        self.open_lane = open_lane
        self.policy = gate.policy
        self.now_fn = now_fn or gate.now
        # Site passes are verified with the site key; None: this kiosk has no key.
        self.passes = passes
        self.log_hint = log_hint  # where unexpected errors are logged, for the message
        self._display = display
        self._held: _Held | None = None
        self.page = Page.START
        self.screening: Screening | None = None
        self.group: VehicleGroup | None = None
        self.registrations: dict[str, Registration] = {}
        self._info: Say | None = None
        self._last_read: Say | None = None  # what the last scan said (QR step)

    # --- transactions -------------------------------------------------------------------

    @property
    def out(self) -> Display:
        """Where display calls go: held while a call is in progress."""
        return cast(Display, self._held) if self._held is not None else self._display

    def _snapshot(self) -> _Snapshot:
        work = self.group or self.screening
        return _Snapshot(
            page=self.page,
            work=work.to_draft() if work is not None else None,
            vehicle=self.group is not None,
            current=self.screening.id if self.screening is not None else None,
            registrations=dict(self.registrations),
            info=self._info,
            last_read=self._last_read,
        )

    def _restore(self, snap: _Snapshot) -> None:
        self.page = snap.page
        self.registrations = snap.registrations
        self._info, self._last_read = snap.info, snap.last_read
        self.group, self.screening = None, None
        if snap.work is None:
            return
        if snap.vehicle:
            self.group = VehicleGroup.from_draft(snap.work, self.policy, self.gate.now)
            self.screening = next(
                (p for p in self.group.people if p.id == snap.current), self.group.driver)
        else:
            self.screening = Screening.from_draft(snap.work, self.policy, self.gate.now)

    @contextmanager
    def _transaction(self, page: Page | None = None) -> Iterator[None]:
        """All of a call or none of it (module doc). `page`: where a refusal is shown
        (default: the page in view when the call began)."""
        if self._held is not None:  # nested: the outer call decides
            yield
            return
        snap = self._snapshot()
        where = page or self.page
        self._held = _Held(self._display)
        try:
            yield
        except (ValidationError, StepOrderError) as err:
            self._rollback(snap)
            self._display.field_error(where, getattr(err, "field", ""), err.message)
            return
        except (LedgerError, sqlite3.Error) as err:
            self._rollback(snap)
            problem = err if isinstance(err, LedgerError) else from_sqlite(
                err, str(self.gate.ledger.path))
            self._display.field_error(where, "", _not_saved(problem))
            return
        except BaseException:
            self._rollback(snap)
            self._display.field_error(where, "", say("kiosk.unexpected", log=self.log_hint))
            raise
        held, self._held = self._held, None
        for call in held.calls:
            call()

    def _rollback(self, snap: _Snapshot) -> None:
        self._held = None
        self._restore(snap)

    # --- state --------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A screening is under way (closing the window should ask first)."""
        return self.screening is not None or self.group is not None

    def indicator(self, s: Screening) -> list[tuple[Step, str]]:
        steps = s.steps
        current = steps.index(s.current_step) if s.current_step in steps else len(steps)
        return [
            (step, "done" if i < current else "current" if i == current else "remaining")
            for i, step in enumerate(steps)
        ]

    def _common_state(self, s: Screening) -> State:
        passenger_no = 0
        if self.group is not None and s.role != DRIVER:
            passenger_no = self.group.passengers.index(s) + 1
        return {
            "indicator": self.indicator(s),
            "channel": s.channel,
            "role": s.role,
            "passenger_no": passenger_no,
            "plate": self.group.plate if self.group else None,
            "info": self._info,
        }

    # --- navigation ---------------------------------------------------------------------

    def _show(self, page: Page, state: State | None = None) -> None:
        self.page = page
        self.out.show(page, state or {})

    def _error(self, page: Page, field_name: str, message: Say | None) -> None:
        self.out.field_error(page, field_name, message)

    def _save(self) -> None:
        work = self.group or self.screening
        if work is not None:
            self.gate.save_draft(work)

    def choose_channel(self, value: str) -> None:
        """Start screen: a channel button."""
        channel = Channel(value)
        with self._transaction(Page.START):
            self._reset()
            if channel is Channel.VEHICLE:
                self._show(Page.PLATE)
                return
            self.screening = self.gate.start_first_time(channel)
            self._save()
            self._show_step()

    def choose_returning(self) -> None:
        """Start screen: "scan a pass"."""
        with self._transaction(Page.START):
            self._reset()
            no_key = None if self.passes is not None else say("kiosk.no_site_key")
            self._show(Page.PASS_SCAN, {"no_key": no_key})

    def scanned(self, text: str) -> bool:
        """A code read by the camera or a USB scanner, for the page in view (module doc).
        False: this page takes no scan, nothing was done."""
        raw = (text or "").strip()
        if not raw:
            return False
        if self.page in (Page.START, Page.OUTCOME):
            # The outcome screen is the next person's start screen too: a worker who
            # scans while the last verdict is still up is not made to wait.
            if not scans.is_pass_payload(raw):
                return False
            with self._transaction(Page.START):
                self.choose_returning()
                self.submit_pass(raw)
            return True
        if self.page is Page.PASS_SCAN:
            self.submit_pass(raw)
            return True
        s = self.screening
        if s is None or s.is_over:
            return False
        if self.page is Page.QR_SCAN and s.current_step is Step.QR_SCAN:
            current = self._scan_state(s)["current"]
            if current is None:
                return False
            self.submit_scan_text(current.value, raw)
            return True
        if self.page is Page.TEMPERATURE and s.current_step is Step.TEMPERATURE:
            try:  # a USB thermometer types like a scanner
                parse_reading(raw)
            except ValidationError:
                return False
            self.submit_temperature(raw)
            return True
        return False

    def back_to_start(self) -> None:
        """Back/Esc before step 1: nothing has been recorded yet."""
        if self.page in BEFORE_STEPS and self.screening is None:
            self._reset()
            self._show(Page.START)

    def _reset(self) -> None:
        self.out.rest_timer(False)
        self.out.outcome_timer(False)
        self.screening = None
        self.group = None
        self.registrations = {}
        self._info = None
        self._last_read = None

    def _show_step(self) -> None:
        s = self.screening
        assert s is not None
        if s.is_over:
            self._person_over(s)
            return
        if s.current_step is Step.LANE:  # the lane follows from the channel: no page
            if self.group is not None and s is self.group.driver:
                # The driver's lane waits for the passengers: the domain takes no new
                # passenger once the driver's outcome has decided the vehicle's.
                self._show(Page.VEHICLE_NEXT, self._vehicle_state())
                return
            s.assign_lane()
            self._save()
            self._person_over(s)
            return
        page = STEP_PAGES[s.current_step]  # type: ignore[index]
        state = self._common_state(s)
        state.update(self._step_state(s, page))
        self._show(page, state)
        if page is Page.TEMPERATURE and s.rest_until is not None:
            self.out.rest_timer(True)

    def _step_state(self, s: Screening, page: Page) -> State:
        if page is Page.TEMPERATURE:
            return self._temperature_state(s)
        if page is Page.DISINFECTION:
            return {"vehicle_too": s.role == DRIVER}
        if page is Page.QR_SCAN:
            return self._scan_state(s)
        if page is Page.PLEDGE:
            return {"pledges": [say_text(p.text) for p in self.policy.pledges]}
        if page is Page.NOTICE:
            return {"notice": say_text(self.policy.notice)}
        if page is Page.REGISTRATION:
            return {"id_types": list(IdType)}
        return {}

    # --- returning path and vehicles (before step 1) ------------------------------------

    def resolve_person(self, raw: str) -> str | None:
        """The person staff typed: a person id, or an ID number."""
        return people.resolve_person(self.gate, raw, self.gate.today())

    def submit_pass(self, text: str) -> None:
        raw = (text or "").strip()
        with self._transaction(Page.PASS_SCAN):
            if not raw:
                raise ValidationError("error.pass_person_required", "person_id")
            if scans.is_pass_payload(raw):
                self._submit_pass_payload(raw)
                return
            person_id = self.resolve_person(raw)
            if person_id is None:
                eligibility = ReturningEligibility((ReturningIssue.NOT_REGISTERED,))
            else:
                eligibility = self.gate.returning_eligibility(person_id)
            self._start_returning(person_id, eligibility)

    def _submit_pass_payload(self, payload: str) -> None:
        """A signed site pass: verified (signature, validity, revocation, this ledger),
        then the person's eligibility; a refused pass says why and goes first-time."""
        if self.passes is None:
            self._error(Page.PASS_SCAN, "person_id", say("kiosk.pass_unverifiable"))
            return
        try:
            verified = self.passes.verify(payload, self.gate.today())
        except PassRejected as exc:
            issue = scans.PASS_ISSUES.get(exc.problem, ReturningIssue.PASS_INVALID)
            person_id = None
            if issue is not ReturningIssue.PASS_INVALID:  # the signature held
                person_id = people.registered_person(self.gate, parse_pass(payload).person_id)
            why = scans.rejected_text(exc)
            self._start_redirected(person_id, issue, lambda lang: (
                f"{why.pick(lang)} {messages.text('kiosk.first_time_next', lang)}"))
            return
        person_id = verified.site_pass.person_id
        self._start_returning(person_id, self.gate.returning_eligibility(person_id))

    def _start_returning(self, person_id: str | None,
                         eligibility: ReturningEligibility) -> None:  # fmt: skip
        if not eligibility.eligible:
            self._start_redirected(person_id, eligibility.reason, eligibility.message)
            return
        screening = self.gate.start_returning()
        screening.pass_scan(True, person_id)
        self.screening = screening
        self._save()
        self._show_step()

    def _start_redirected(self, person_id: str | None, issue: ReturningIssue | None,
                          why: Say) -> None:  # fmt: skip
        """The domain sends the person down the first-time path; `why` is shown there."""
        screening = self.gate.start_returning()
        screening.pass_scan(False, person_id, issue)
        self._info = why
        self.screening = screening
        self._save()
        self._show_step()

    def submit_plate(self, text: str) -> None:
        with self._transaction(Page.PLATE):
            group = self.gate.start_vehicle(text)
            self.group = group
            self.screening = group.driver
            self._last_read = None
            self._save()
            self._show_step()

    def add_passenger(self) -> None:
        if self.group is None:
            return
        with self._transaction(Page.VEHICLE_NEXT):
            self.screening = self.gate.add_passenger(self.group)
            self._last_read = None
            self._save()
            self._show_step()

    def vehicle_done(self) -> None:
        """Every person of the vehicle is through: record the vehicle and show its outcome."""
        if self.group is None:
            return
        with self._transaction(Page.VEHICLE_NEXT):
            self._vehicle_done()

    def _vehicle_done(self) -> None:
        group = self.group
        assert group is not None
        if group.driver.current_step is Step.LANE:
            group.driver.assign_lane()
            self._save()
        if group.outcome is None:
            return
        self.gate.finish_vehicle(group, dict(self.registrations))
        self._open_lane_if_admitted(group.outcome, group.id, Channel.VEHICLE)
        separated = tuple(p.outcome.message for p in group.separated if p.outcome is not None)
        self._finish_view(outcome_view(group.outcome, (plate_line(group.plate), *separated)))

    def _vehicle_state(self) -> State:
        group = self.group
        assert group is not None
        rows = []
        for i, person in enumerate(group.people):
            result = person.outcome
            rows.append({
                "role": person.role,
                "number": i,
                "outcome": result.outcome if result else None,
                "step": person.current_step,
            })
        return {"plate": group.plate, "people": rows}

    # --- the steps ----------------------------------------------------------------------

    def _step(self, page: Page, action: Callable[[Screening], Any]) -> bool:
        """One step's domain call and its draft (inside the caller's transaction)."""
        s = self.screening
        if s is None or s.is_over:
            return False
        action(s)
        self._error(page, "", None)
        self._save()
        return True

    def submit_certificate(self, kind: str, number: str, expires: str) -> None:
        with self._transaction(Page.CERTIFICATE):
            expires_on = None
            if kind and (expires or "").strip():
                try:
                    expires_on = parse_day(expires)
                except LocalizedError:
                    value = expires.strip()
                    self._error(Page.CERTIFICATE, "certificate_expires",
                                say("kiosk.bad_date", value=value))  # fmt: skip
                    return
            if self._step(Page.CERTIFICATE,
                          lambda s: s.check_certificate(kind or None, number, expires_on)):
                self._show_step()

    def submit_temperature(self, text: str) -> None:
        with self._transaction(Page.TEMPERATURE):
            reading = parse_reading(text)
            if not self._step(Page.TEMPERATURE, lambda s: s.measure_temperature(reading)):
                return
            s = self.screening
            assert s is not None
            if s.current_step is Step.TEMPERATURE:  # still here: fever or a measuring error
                if s.rest_until is not None:
                    self.out.rest_timer(True)
                self.out.update(Page.TEMPERATURE, self._temperature_state(s))
                return
            self.out.rest_timer(False)
            self._show_step()

    def device_reading(self, text: str) -> bool:
        """A reading from a serial thermometer: on the temperature step it is submitted
        exactly as a typed one (the same parsing, verdict and errors). False, and nothing
        done, anywhere else or while the person rests (the device reads whoever stands in
        front of it; only a reading the step asks for is the person's)."""
        s = self.screening
        if (self.page is not Page.TEMPERATURE or s is None or s.is_over
                or s.current_step is not Step.TEMPERATURE):
            return False
        if s.rest_until is not None and self.now_fn() < s.rest_until:
            return False
        self.submit_temperature(text)
        return True

    def _temperature_state(self, s: Screening) -> State:
        last = s.temperatures[-1] if s.temperatures else None
        verdict: Say | None = None
        kind = ""
        if last is not None and s.current_step is Step.TEMPERATURE:
            kind = last["verdict"]
            reading = f"{last['reading_c']:.1f}"
            if kind == TemperatureVerdict.OUT_OF_RANGE:
                verdict = say("verdict.out_of_range", reading=reading,
                              low=self.policy.plausible_min_c, high=self.policy.plausible_max_c)
            elif kind == TemperatureVerdict.FEVER_REMEASURE and s.rest_until is not None:
                until = s.rest_until.astimezone(self.policy.tz).strftime("%H:%M:%S")
                verdict = say("verdict.fever_remeasure", reading=reading, until=until,
                              left=s.remeasures_left)
        remaining = 0
        if s.rest_until is not None:
            remaining = max(0, math.ceil((s.rest_until - self.now_fn()).total_seconds()))
        return {"verdict": verdict, "verdict_kind": kind, "resting": remaining > 0,
                "remaining": remaining}

    def tick_rest(self) -> None:
        """The rest countdown (every second while someone rests; tests call it directly)."""
        s = self.screening
        if s is None or s.current_step is not Step.TEMPERATURE or s.rest_until is None:
            self.out.rest_timer(False)
            return
        state = self._temperature_state(s)
        if not state["resting"]:
            self.out.rest_timer(False)
        self.out.update(Page.TEMPERATURE, state)

    def submit_disinfection(self, vehicle_too: bool) -> None:
        with self._transaction(Page.DISINFECTION):
            if self._step(Page.DISINFECTION,
                          lambda s: s.confirm_disinfection(vehicle_too=bool(vehicle_too))):
                self._show_step()

    def _registration_page(self) -> Page:
        return (Page.QUARANTINE_REGISTRATION if self.page is Page.QUARANTINE_REGISTRATION
                else Page.REGISTRATION)  # fmt: skip

    def validate_field(self, field_name: str, raw: str, id_type: str = "resident_id") -> None:
        """Inline validation as staff leave a registration field: the domain's validators."""
        page = self._registration_page()
        today = self.gate.today()
        checks: dict[str, Callable[[], Any]] = {
            "name": lambda: validate_name(raw),
            "id_number": lambda: validate_id(IdType(id_type), raw, today),
            "phone": lambda: validate_phone(raw),
            "employer": lambda: validate_text(raw, "employer"),
            "role": lambda: validate_text(raw, "role"),
            "coming_from": lambda: validate_text(raw, "coming_from"),
            "recent_stays": lambda: validate_stays(people.parse_stays(raw), today),
        }
        check = checks.get(field_name)
        if check is None:
            return
        try:
            check()
        except ValidationError as err:
            self.out.field_error(page, err.field, err.message)
            return
        self.out.field_error(page, field_name, None)

    def lookup_person(self, id_type: str, id_number: str) -> None:
        """A known ID number pre-fills the registration (the ledger's people)."""
        page = self._registration_page()
        with self._transaction(page):
            fields = people.prefill(self.gate, id_type, id_number, self.gate.today())
            if fields is not None:
                self.out.update(page, {"prefill": fields})

    def submit_registration(self, values: dict[str, str]) -> None:
        """Step 4. `values["confirm_name"]` is staff's deliberate choice when the ID
        number is registered under another name (see `_name_checked`)."""
        with self._transaction(Page.REGISTRATION):
            registration = people.registration_from(values, self.gate.today())
            if not self._name_checked(Page.REGISTRATION, registration, values):
                return
            if self._step(Page.REGISTRATION, lambda s: s.register(registration)):
                self._show_step()

    def _name_checked(self, page: Page, registration: Registration,
                      values: dict[str, str]) -> bool:  # fmt: skip
        """A known ID number typed with another name: shown side by side, and nothing
        goes on until staff choose — the registered name (the form is filled with it) or
        the typed one, confirmed (`confirm_name` equal to it: the person's record is then
        updated, under the same person id, and the change is in the ledger)."""
        known = people.name_conflict(self.gate, registration)
        if known is None or values.get("confirm_name") == registration.name:
            return True
        self.out.update(page, {"name_conflict": {"known": known, "typed": registration.name}})
        self.out.field_error(page, "name", say("kiosk.name_conflict", known=known,
                                               typed=registration.name))  # fmt: skip
        return False

    def _scan_state(self, s: Screening) -> State:
        rows = []
        current = None
        for kind in s.scans_required:
            status = s.scans.get(kind, {}).get("status")
            manual = kind in s.needs_manual_check
            rows.append({"kind": kind, "status": status, "manual": manual})
            if current is None and status != ScanStatus.OK.value:
                current = kind
        return {"scans": rows, "current": current, "last_read": self._last_read}

    def submit_scan(self, kind: str, status: str, detail: str = "") -> None:
        """The manual path: the colour staff see on a code (a phone screen the camera
        cannot read). Only "read by staff" is kept, never text typed with it."""
        del detail
        with self._transaction(Page.QR_SCAN):
            if self.screening is not None:
                scans.refuse_waving_through(self.screening, kind, status)
            self._after_scan(self._step(
                Page.QR_SCAN, lambda s: s.record_scan(kind, status, "read by staff")))

    def submit_scan_text(self, kind: str, text: str) -> None:
        """A code's text (camera, USB scanner, or typed + Enter) for the scan in turn:
        read by `scans.read_scan`, decided by the domain (yellow → quarantine, red →
        turned away, unreadable or forged → re-scan or a manager's check)."""
        s = self.screening
        raw = (text or "").strip()
        if s is None or s.is_over or not raw:
            return
        with self._transaction(Page.QR_SCAN):
            scan_kind = ScanKind(kind)
            if scans.is_pass_payload(raw) and ScanKind.SITE_PASS in s.scans_required:
                scan_kind = ScanKind.SITE_PASS  # a pass is a pass, whichever scan was next
            reading = self.read_scan(s, scan_kind, raw)
            self._last_read = scans.say_reading(reading)
            detail = scans.scan_detail(reading)
            self._after_scan(self._step(
                Page.QR_SCAN, lambda s: s.record_scan(reading.kind, reading.status, detail)))

    def read_scan(self, s: Screening, kind: ScanKind, text: str) -> Any:
        """What a scanned text says for `kind` (`scans.read_scan`)."""
        return scans.read_scan(self.gate, self.passes, s, kind, text, self.gate.today())

    def submit_manual_check(self, kind: str, status: str, by: Actor | None) -> None:
        """A site manager decides a scan that stayed unreadable or forged: `by` is their
        Actor, from a sign-in with username and PIN made for it (gate-process.md, QR
        scan: "manual check by a manager"). Without one, or as an account whose role may
        not decide it (gate staff, an inspector), it is refused on the page and nothing
        changes. The decision is recorded under the manager's username ("by")."""
        with self._transaction(Page.QR_SCAN):
            if by is None:
                raise ValidationError("error.manual_check_needs_manager", "scan")
            try:
                manager = acting(by, Action.MANUAL_CHECK)
            except LocalizedError as refused:
                self._error(Page.QR_SCAN, "scan", refused.message)
                return
            self._after_scan(self._step(
                Page.QR_SCAN, lambda s: s.manual_check(kind, status, by=manager.username)))

    def _after_scan(self, ok: bool) -> None:
        s = self.screening
        if not ok or s is None:
            return
        if s.current_step is Step.QR_SCAN:
            self.out.update(Page.QR_SCAN, self._scan_state(s))
        else:
            self._show_step()

    def submit_signature(self, png: bytes) -> None:
        with self._transaction(Page.PLEDGE):
            if self._step(Page.PLEDGE, lambda s: s.sign_pledges(bytes(png))):
                self._show_step()

    def submit_notice(self) -> None:
        with self._transaction(Page.NOTICE):
            if self._step(Page.NOTICE, lambda s: s.hand_over_notice()):
                self._show_step()

    def abandon(self) -> None:
        """The person left: recorded as abandoned (after staff confirmed)."""
        s = self.screening
        if s is None or s.is_over:
            return
        with self._transaction():
            s.abandon()
            self._save()
            self._person_over(s)

    # --- ends ---------------------------------------------------------------------------

    def _person_over(self, s: Screening) -> None:
        self.out.rest_timer(False)
        result = s.outcome
        assert result is not None
        if (result.outcome is Outcome.QUARANTINED and s.registration is None
                and s.id not in self.registrations):
            # Quarantined before registering (fever at step 2): the closed loop needs a name.
            state = self._common_state(s)
            state.update({"outcome": outcome_view(result), "id_types": list(IdType)})
            self._show(Page.QUARANTINE_REGISTRATION, state)
            return
        if self.group is not None:
            if s is self.group.driver:  # not admitted (else it waits at the lane step)
                self._vehicle_done()
                return
            self._show(Page.VEHICLE_NEXT, self._vehicle_state())
            return
        finished = self.gate.finish(s, registration=self.registrations.get(s.id))
        self._open_lane_if_admitted(result, s.id, s.channel, finished.person_id)
        self._finish_view(outcome_view(result))

    def _open_lane_if_admitted(self, result: OutcomeResult, subject_id: str,
                               channel: Channel, person_id: str | None = None) -> None:
        """Admitted, and only admitted, opens the lane: once the outcome is recorded (the
        call has committed), so a lane that fails to open never undoes or holds up the
        record. A turned-away, quarantined or abandoned person never opens it."""
        if result.outcome is not Outcome.ADMITTED or result.lane is None:
            return
        if self.open_lane is None:
            return
        opening = GateOpening(result.lane, subject_id, Channel(channel), person_id)
        open_lane = self.open_lane
        self._after_commit(lambda: open_lane(opening))

    def _after_commit(self, call: Callable[[], None]) -> None:
        """Run `call` once the call in progress has committed (at once outside one)."""
        if self._held is not None:
            self._held.calls.append(call)
        else:
            call()

    def record_gate_opened(self, opening: GateOpening, device: str, detail: str) -> Say | None:
        """Record that the lane opened for `opening`. The admission itself is already
        recorded; a ledger that refuses this record is said (returned), not raised."""
        try:
            self.gate.record_gate_opened(opening, device, detail)
        except (LedgerError, sqlite3.Error) as err:
            problem = self._ledger_problem(err)
            return lambda lang: messages.text("devices.release_not_recorded", lang,
                                              lane=opening.lane,
                                              problem=problem.message(lang))
        return None

    def record_gate_open_failed(self, opening: GateOpening, device: str, detail: str,
                                failure: ReleaseFailed) -> Say:  # fmt: skip
        """Record that the lane did not open for `opening` (the admission stands), and
        return what staff are told: open it by hand. A ledger that refuses this record
        is said with it, not raised: the person is still at the lane."""
        try:
            self.gate.record_gate_open_failed(opening, device, detail, failure.key,
                                              failure.params)  # fmt: skip
        except (LedgerError, sqlite3.Error) as err:
            problem = self._ledger_problem(err)
            return lambda lang: messages.text(
                "devices.release_failed_not_recorded", lang, lane=opening.lane,
                problem=failure.message(lang), ledger=problem.message(lang))  # fmt: skip
        return lambda lang: messages.text("devices.release_failed", lang, lane=opening.lane,
                                          problem=failure.message(lang))  # fmt: skip

    def _ledger_problem(self, err: LedgerError | sqlite3.Error) -> LedgerError:
        return err if isinstance(err, LedgerError) else from_sqlite(
            err, str(self.gate.ledger.path))

    def submit_quarantine_registration(self, values: dict[str, str]) -> None:
        s = self.screening
        if s is None:
            return
        with self._transaction(Page.QUARANTINE_REGISTRATION):
            registration = people.registration_from(values, self.gate.today())
            if not self._name_checked(Page.QUARANTINE_REGISTRATION, registration, values):
                return
            self.registrations[s.id] = registration
            self._person_over(s)

    def _finish_view(self, view: OutcomeView) -> None:
        self.out.rest_timer(False)
        self.screening = None
        self.group = None
        self.registrations = {}
        self._info = None
        self._last_read = None
        self.out.recorded()
        self.out.outcome(view)
        self._show(Page.OUTCOME, {"outcome": view})
        self.out.outcome_timer(True)

    def outcome_done(self) -> None:
        """The outcome was seen (timer or a key): back to the start screen."""
        if self.page is Page.OUTCOME:
            self.out.outcome_timer(False)
            self._reset()
            self._show(Page.START)

    # --- crash recovery -----------------------------------------------------------------

    def unfinished(self) -> list[Work]:
        return self.gate.unfinished()

    def resume(self, work: Work) -> None:
        """Carry on with a screening an earlier run left unfinished, on the right page."""
        with self._transaction(Page.START):
            self._reset()
            if isinstance(work, VehicleGroup):
                self.group = work
                open_passengers = [p for p in work.passengers if not p.is_over]
                self.screening = open_passengers[0] if open_passengers else work.driver
            else:
                self.screening = work
            self._show_step()

    def record_abandoned(self, work: Work) -> bool:
        """Staff chose not to resume: the unfinished screening is recorded as abandoned.
        False when the ledger refused (the draft stays, to be offered again)."""
        done = False
        with self._transaction(Page.START):
            self.gate.abandon_unfinished(work)
            self.out.recorded()
            done = True
        return done


def _not_saved(problem: LedgerError) -> Say:
    return lambda lang: messages.text("kiosk.not_saved", lang, problem=problem.message(lang))

