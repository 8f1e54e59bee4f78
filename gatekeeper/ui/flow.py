"""KioskFlow: the one place that turns what staff typed into domain calls.

Pages only show and collect; the domain decides. The flow owns the screening (or the
goods vehicle's group) in progress and the GateService, saves a draft after every step
so a crash loses nothing, finishes through the service, and tells the window which page
to show with a plain ``state`` dict. Texts that come from the domain travel as `Say`
(a function of the language), so a page can re-render them when the language changes.

Scans: `scanned(text)` takes what the camera or a USB scanner read, for the page in
view: a site pass on the start screen starts the returning path at once; on the pass
page it is the pass; on the QR step it is the scan in turn (parsed by
`gatekeeper.scanner.payloads`, decided by the domain); a reading from a USB thermometer
on the temperature page is the reading. Anywhere else it is refused (`False`).

Back and Esc: before step 1 (pass field, plate) they go back to the start screen. From
step 1 on nothing can be undone (the domain cannot un-pass a step), so they ask whether
to abandon the person; abandoning is recorded (`Screening.abandon`, then finish).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from gatekeeper.domain import messages
from gatekeeper.domain.errors import StepOrderError, ValidationError
from gatekeeper.domain.i18n import LocalizedError, Text
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
from gatekeeper.scanner.passes import PREFIX as PASS_PREFIX
from gatekeeper.scanner.passes import PassProblem, PassRejected, parse_pass
from gatekeeper.scanner.payloads import ScanReading, parse_scan
from gatekeeper.services.clock import parse_day
from gatekeeper.services.gate import GateService
from gatekeeper.services.passes import PassService

Say = Callable[[str], str]  # a text in the language asked for
Work = Screening | VehicleGroup


class Page(StrEnum):
    """Every page the window can show; step pages carry their Step's value."""

    START = "start"
    PASS_SCAN = "pass_scan"
    PLATE = "vehicle_plate"
    CERTIFICATE = "certificate"
    TEMPERATURE = "temperature"
    DISINFECTION = "disinfection"
    REGISTRATION = "registration"
    QR_SCAN = "qr_scan"
    PLEDGE = "pledge"
    NOTICE = "notice"
    VEHICLE_NEXT = "vehicle_next"
    QUARANTINE_REGISTRATION = "quarantine_registration"
    OUTCOME = "outcome"


STEP_PAGES: dict[Step, Page] = {
    Step.CERTIFICATE: Page.CERTIFICATE,
    Step.TEMPERATURE: Page.TEMPERATURE,
    Step.DISINFECTION: Page.DISINFECTION,
    Step.REGISTRATION: Page.REGISTRATION,
    Step.QR_SCAN: Page.QR_SCAN,
    Step.PLEDGE: Page.PLEDGE,
    Step.NOTICE: Page.NOTICE,
}
# services.clock.parse_day's message names the format in Latin letters (YYYY-MM-DD),
# which a zh_CN screen must not show: the kiosk says it with an example instead.
BAD_DATE = Text(
    '"{value}" is not a date: write year-month-day, e.g. 2020-12-31.',
    "“{value}”不是有效日期：请按 年-月-日 填写，例如 2020-12-31。",
)
NO_SITE_KEY = Text(
    "This kiosk has no site key, so site passes cannot be verified here: type the "
    "person's ID number instead.",
    "本机没有工地密钥，无法在此验证通行证：请改为输入证件号码。",
)
PASS_UNVERIFIABLE = Text(
    "This site pass cannot be verified on this kiosk: type the person's ID number.",
    "本机无法验证该通行证：请输入此人的证件号码。",
)
SCAN_UNVERIFIABLE = Text(
    "This kiosk has no site key, so the site pass cannot be verified: re-scan on a kiosk "
    "that has it, or check by hand (manager).",
    "本机没有工地密钥，无法验证通行证：请在有密钥的设备上重新扫码，或由管理人员人工核验。",
)
OTHER_PERSON = Text(
    "This site pass was issued to someone else: check the person by hand (manager).",
    "该通行证签发给了其他人：请由管理人员人工核验。",
)
FIRST_TIME_NEXT = Text("Take the first-time path.", "请按初次进场流程办理。")
# A refused pass's person id is trusted only when the signature held (expired, revoked).
PASS_ISSUES: dict[PassProblem, ReturningIssue] = {
    PassProblem.EXPIRED: ReturningIssue.PASS_EXPIRED,
    PassProblem.NOT_YET_VALID: ReturningIssue.PASS_EXPIRED,
    PassProblem.REVOKED: ReturningIssue.PASS_REVOKED,
}
BEFORE_STEPS = frozenset({Page.START, Page.PASS_SCAN, Page.PLATE})
REGISTRATION_FIELDS = (
    "name", "id_type", "id_number", "phone", "employer", "role", "coming_from", "recent_stays"
)


def say(code: str | Any, **params: Any) -> Say:
    """A catalogue message as a `Say`."""
    return lambda lang: messages.text(code, lang, **params)


def say_text(text: Text) -> Say:
    return lambda lang: text.format(lang)


def is_pass_payload(text: str) -> bool:
    """A site pass (``GKP1.…``), as opposed to an ID number or another code."""
    return text.strip().startswith(PASS_PREFIX + ".")


def scan_detail(reading: ScanReading) -> str:
    """What the ledger keeps of a scan: what it said, never the scanned text (health
    codes carry names and ID numbers, and the passage body is never purged)."""
    parts = ["scanned"]
    if reading.colour is not None:
        parts.append(reading.colour.value)
    if reading.problem:
        parts.append(reading.problem)
    if reading.valid_until is not None:
        parts.append(f"until {reading.valid_until.isoformat()}")
    return "; ".join(parts)


def say_reading(reading: ScanReading) -> Say:
    """"Health code: Yellow code." in the language asked for."""
    return lambda lang: f"{messages.text(reading.kind, lang)}: {reading.message.format(lang)}"


@dataclass(frozen=True)
class OutcomeView:
    """What the outcome page shows: the colour comes from `outcome`."""

    outcome: Outcome
    headline: Say
    message: Say
    big: Say | None = None  # lane and zone (admitted) or the place (quarantined)
    contact: str = ""
    details: tuple[Say, ...] = field(default_factory=tuple)


def outcome_view(result: OutcomeResult, details: tuple[Say, ...] = ()) -> OutcomeView:
    """The outcome page's content for one person's (or one vehicle's) outcome."""
    big: Say | None = None
    if result.lane is not None and result.zone is not None:
        lane, zone = result.lane, result.zone
        big = lambda lang: f"{messages.text(lane, lang)} · {messages.text(zone, lang)}"  # noqa: E731
    elif result.quarantine_place is not None:
        big = say_text(result.quarantine_place)
    return OutcomeView(
        outcome=result.outcome,
        headline=say(result.outcome),
        message=result.message,
        big=big,
        contact=result.contact_phone,
        details=details,
    )


def parse_stays(text: str) -> list[tuple[str, str]]:
    """"郑州 2020-02-20; 武汉 2020-01-30" → [(region, date text)]: input format only,
    the domain validates the places and dates."""
    items = [part.strip() for part in re.split(r"[;；\n]", text or "") if part.strip()]
    stays: list[tuple[str, str]] = []
    for item in items:
        match = re.match(r"^(.*\S)[\s,，]+(\d{4}-\d{1,2}-\d{1,2})$", item)
        if not match:
            raise ValidationError("error.stay_invalid", "recent_stays")
        stays.append((match.group(1).strip(), match.group(2)))
    return stays


class KioskFlow(QObject):
    """Runs one screening (or one goods vehicle) at a time through the domain."""

    page_requested = Signal(str, object)  # Page value, state dict: show this page
    state_updated = Signal(str, object)  # Page value, state dict: update it in place
    field_error = Signal(str, str, object)  # Page value, field, Say (None clears it)
    outcome_ready = Signal(object)  # OutcomeView
    finished = Signal()  # records were written: the figures changed

    def __init__(
        self,
        service: GateService,
        parent: QObject | None = None,
        *,
        now_fn: Callable[[], datetime] | None = None,
        passes: PassService | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.policy = service.policy
        self.now_fn = now_fn or service.now
        # Site passes are verified with the site key; None: this kiosk has no key.
        self.passes = passes
        self.page = Page.START
        self.screening: Screening | None = None
        self.group: VehicleGroup | None = None
        self.registrations: dict[str, Registration] = {}
        self._info: Say | None = None
        self._last_read: Say | None = None  # what the last scan said (QR step)
        self.rest_timer = QTimer(self)
        self.rest_timer.setInterval(1000)
        self.rest_timer.timeout.connect(self.tick_rest)
        self.outcome_timer = QTimer(self)
        self.outcome_timer.setSingleShot(True)
        self.outcome_timer.setInterval(self.policy.outcome_seconds * 1000)
        self.outcome_timer.timeout.connect(self.outcome_done)

    # --- state -------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A screening is under way (closing the window should ask first)."""
        return self.screening is not None or self.group is not None

    @property
    def person(self) -> Screening | None:
        return self.screening

    def indicator(self, s: Screening) -> list[tuple[Step, str]]:
        steps = s.steps
        current = steps.index(s.current_step) if s.current_step in steps else len(steps)
        return [
            (step, "done" if i < current else "current" if i == current else "remaining")
            for i, step in enumerate(steps)
        ]

    def _common_state(self, s: Screening) -> dict[str, Any]:
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

    # --- navigation --------------------------------------------------------------------

    def _show(self, page: Page, state: dict[str, Any] | None = None) -> None:
        self.page = page
        self.page_requested.emit(page.value, state or {})

    def _update(self, page: Page, state: dict[str, Any]) -> None:
        self.state_updated.emit(page.value, state)

    def _error(self, page: Page, field_name: str, message: Say | None) -> None:
        self.field_error.emit(page.value, field_name, message)

    def _save(self) -> None:
        work = self.group or self.screening
        if work is not None:
            self.service.save_draft(work)

    def choose_channel(self, value: str) -> None:
        """Start screen: a channel button."""
        channel = Channel(value)
        self._reset()
        if channel is Channel.VEHICLE:
            self._show(Page.PLATE)
            return
        self.screening = self.service.start_first_time(channel)
        self._save()
        self._show_step()

    def choose_returning(self) -> None:
        """Start screen: "scan a pass"."""
        self._reset()
        no_key = None if self.passes is not None else say_text(NO_SITE_KEY)
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
            if not is_pass_payload(raw):
                return False
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
        self.rest_timer.stop()
        self.outcome_timer.stop()
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
        page = STEP_PAGES[s.current_step]
        state = self._common_state(s)
        state.update(self._step_state(s, page))
        self._show(page, state)
        if page is Page.TEMPERATURE and s.rest_until is not None:
            self.rest_timer.start()

    def _step_state(self, s: Screening, page: Page) -> dict[str, Any]:
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

    # --- returning path and vehicles (before step 1) --------------------------------------

    def resolve_person(self, raw: str) -> str | None:
        """The person staff typed: a person id, or an ID number (signed pass payloads go
        through `PassService.verify` instead)."""
        ledger = self.service.ledger
        if ledger.get_person(raw) is not None:
            return raw
        for id_type in IdType:
            try:
                number = validate_id(id_type, raw, self.service.today())
            except ValidationError:
                continue
            person = ledger.find_person(id_type.value, number)
            if person is not None:
                return person.person_id
        return None

    def submit_pass(self, text: str) -> None:
        raw = (text or "").strip()
        if not raw:
            err = ValidationError("error.pass_person_required", "person_id")
            self._error(Page.PASS_SCAN, "person_id", err.message)
            return
        if is_pass_payload(raw):
            self._submit_pass_payload(raw)
            return
        person_id = self.resolve_person(raw)
        if person_id is None:
            eligibility = ReturningEligibility((ReturningIssue.NOT_REGISTERED,))
        else:
            eligibility = self.service.returning_eligibility(person_id)
        self._start_returning(person_id, eligibility)

    def _submit_pass_payload(self, payload: str) -> None:
        """A signed site pass: verified (signature, validity, revocation, this ledger),
        then the person's eligibility; a refused pass says why and goes first-time."""
        if self.passes is None:
            self._error(Page.PASS_SCAN, "person_id", say_text(PASS_UNVERIFIABLE))
            return
        try:
            verified = self.passes.verify(payload, self.service.today())
        except PassRejected as exc:
            issue = PASS_ISSUES.get(exc.problem, ReturningIssue.PASS_INVALID)
            person_id = None
            if issue is not ReturningIssue.PASS_INVALID:  # the signature held
                candidate = parse_pass(payload).person_id
                if self.service.ledger.get_person(candidate) is not None:
                    person_id = candidate
            why = Text(exc.message("en"), exc.message("zh_CN"))
            self._start_redirected(person_id, issue, lambda lang: (
                f"{why.format(lang)} {FIRST_TIME_NEXT.format(lang)}"))
            return
        person_id = verified.site_pass.person_id
        self._start_returning(person_id, self.service.returning_eligibility(person_id))

    def _start_returning(self, person_id: str | None,
                         eligibility: ReturningEligibility) -> None:  # fmt: skip
        if not eligibility.eligible:
            self._start_redirected(person_id, eligibility.reason, eligibility.message)
            return
        screening = self.service.start_returning()
        screening.pass_scan(True, person_id)
        self.screening = screening
        self._save()
        self._show_step()

    def _start_redirected(self, person_id: str | None, issue: ReturningIssue | None,
                          why: Say) -> None:  # fmt: skip
        """The domain sends the person down the first-time path; `why` is shown there."""
        screening = self.service.start_returning()
        screening.pass_scan(False, person_id, issue)
        self._info = why
        self.screening = screening
        self._save()
        self._show_step()

    def submit_plate(self, text: str) -> None:
        try:
            group = self.service.start_vehicle(text)
        except ValidationError as err:
            self._error(Page.PLATE, err.field, err.message)
            return
        self.group = group
        self.screening = group.driver
        self._last_read = None
        self._save()
        self._show_step()

    def add_passenger(self) -> None:
        assert self.group is not None
        try:
            self.screening = self.group.add_passenger()
        except StepOrderError as err:
            self._error(Page.VEHICLE_NEXT, "", err.message)
            return
        self._last_read = None
        self._save()
        self._show_step()

    def vehicle_done(self) -> None:
        """Every person of the vehicle is through: record the vehicle and show its outcome."""
        group = self.group
        assert group is not None
        if group.driver.current_step is Step.LANE:
            group.driver.assign_lane()
            self._save()
        if group.outcome is None:
            return
        self.service.finish_vehicle(group, dict(self.registrations))
        separated = tuple(p.outcome.message for p in group.separated if p.outcome is not None)
        details = ((lambda lang: _plate_line(group.plate, lang)), *separated)
        self._finish_view(outcome_view(group.outcome, details))

    def _vehicle_state(self) -> dict[str, Any]:
        group = self.group
        assert group is not None
        people = []
        for i, person in enumerate(group.people):
            result = person.outcome
            people.append({
                "role": person.role,
                "number": i,
                "outcome": result.outcome if result else None,
                "step": person.current_step,
            })
        return {"plate": group.plate, "people": people}

    # --- the steps -----------------------------------------------------------------------

    def _step(self, page: Page, action: Callable[[Screening], Any]) -> bool:
        s = self.screening
        if s is None or s.is_over:
            return False
        try:
            action(s)
        except (ValidationError, StepOrderError) as err:
            self._error(page, getattr(err, "field", ""), err.message)
            return False
        self._error(page, "", None)
        self._save()
        return True

    def submit_certificate(self, kind: str, number: str, expires: str) -> None:
        expires_on = None
        if kind and (expires or "").strip():
            try:
                expires_on = parse_day(expires)
            except LocalizedError:
                value = expires.strip()
                self._error(Page.CERTIFICATE, "certificate_expires",
                            lambda lang: BAD_DATE.format(lang, value=value))
                return
        if self._step(Page.CERTIFICATE,
                      lambda s: s.check_certificate(kind or None, number, expires_on)):
            self._show_step()

    def submit_temperature(self, text: str) -> None:
        try:
            reading = parse_reading(text)
        except ValidationError as err:
            self._error(Page.TEMPERATURE, err.field, err.message)
            return
        if not self._step(Page.TEMPERATURE, lambda s: s.measure_temperature(reading)):
            return
        s = self.screening
        assert s is not None
        if s.current_step is Step.TEMPERATURE:  # still here: fever or a measuring error
            if s.rest_until is not None:
                self.rest_timer.start()
            self._update(Page.TEMPERATURE, self._temperature_state(s))
            return
        self.rest_timer.stop()
        self._show_step()

    def _temperature_state(self, s: Screening) -> dict[str, Any]:
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
            self.rest_timer.stop()
            return
        state = self._temperature_state(s)
        if not state["resting"]:
            self.rest_timer.stop()
        self._update(Page.TEMPERATURE, state)

    def submit_disinfection(self, vehicle_too: bool) -> None:
        if self._step(Page.DISINFECTION,
                      lambda s: s.confirm_disinfection(vehicle_too=bool(vehicle_too))):
            self._show_step()

    def validate_field(self, field_name: str, raw: str, id_type: str = "resident_id") -> None:
        """Inline validation as staff leave a registration field: the domain's validators."""
        page = (Page.QUARANTINE_REGISTRATION if self.page is Page.QUARANTINE_REGISTRATION
                else Page.REGISTRATION)
        today = self.service.today()
        checks: dict[str, Callable[[], Any]] = {
            "name": lambda: validate_name(raw),
            "id_number": lambda: validate_id(IdType(id_type), raw, today),
            "phone": lambda: validate_phone(raw),
            "employer": lambda: validate_text(raw, "employer"),
            "role": lambda: validate_text(raw, "role"),
            "coming_from": lambda: validate_text(raw, "coming_from"),
            "recent_stays": lambda: validate_stays(parse_stays(raw), today),
        }
        check = checks.get(field_name)
        if check is None:
            return
        try:
            check()
        except ValidationError as err:
            self._error(page, err.field, err.message)
            return
        self._error(page, field_name, None)

    def lookup_person(self, id_type: str, id_number: str) -> None:
        """A known ID number pre-fills the registration (ledger's people projection)."""
        try:
            number = validate_id(IdType(id_type), id_number, self.service.today())
        except (ValidationError, ValueError):
            return
        person = self.service.ledger.find_person(id_type, number)
        if person is None:
            return
        fields = dict(person.fields)
        stays = "; ".join(f"{s['region']} {s['last_day']}" for s in fields.get("recent_stays", []))
        prefill = {
            "name": person.name or "",
            "id_number": number,
            "phone": person.phone or "",
            "employer": fields.get("employer", ""),
            "role": fields.get("role", ""),
            "coming_from": fields.get("coming_from", ""),
            "recent_stays": stays,
        }
        page = (Page.QUARANTINE_REGISTRATION if self.page is Page.QUARANTINE_REGISTRATION
                else Page.REGISTRATION)
        self._update(page, {"prefill": prefill})

    def _registration(self, page: Page, values: dict[str, str]) -> Registration | None:
        try:
            return Registration.validated(
                name=values.get("name", ""),
                id_type=values.get("id_type", IdType.RESIDENT_ID.value),
                id_number=values.get("id_number", ""),
                phone=values.get("phone", ""),
                employer=values.get("employer", ""),
                role=values.get("role", ""),
                coming_from=values.get("coming_from", ""),
                recent_stays=parse_stays(values.get("recent_stays", "")),
                today=self.service.today(),
            )
        except ValidationError as err:
            self._error(page, err.field, err.message)
            return None

    def submit_registration(self, values: dict[str, str]) -> None:
        registration = self._registration(Page.REGISTRATION, values)
        if registration is None:
            return
        if self._step(Page.REGISTRATION, lambda s: s.register(registration)):
            self._show_step()

    def _scan_state(self, s: Screening) -> dict[str, Any]:
        scans = []
        current = None
        for kind in s.scans_required:
            status = s.scans.get(kind, {}).get("status")
            manual = kind in s.needs_manual_check
            scans.append({"kind": kind, "status": status, "manual": manual})
            if current is None and status != ScanStatus.OK.value:
                current = kind
        return {"scans": scans, "current": current, "last_read": self._last_read}

    def submit_scan(self, kind: str, status: str, detail: str = "") -> None:
        """The manual path: the colour staff see on a code (a phone screen the camera
        cannot read). Only "read by staff" is kept, never text typed with it."""
        del detail
        self._after_scan(self._step(
            Page.QR_SCAN, lambda s: s.record_scan(kind, status, "read by staff")))

    def submit_scan_text(self, kind: str, text: str) -> None:
        """A code's text (camera, USB scanner, or typed + Enter) for the scan in turn:
        parsed here, decided by the domain (yellow → quarantine, red → turned away,
        unreadable or forged → re-scan or a manager's check)."""
        s = self.screening
        raw = (text or "").strip()
        if s is None or s.is_over or not raw:
            return
        scan_kind = ScanKind(kind)
        if is_pass_payload(raw) and ScanKind.SITE_PASS in s.scans_required:
            scan_kind = ScanKind.SITE_PASS  # a pass is a pass, whichever scan was next
        reading = self.read_scan(s, scan_kind, raw)
        self._last_read = say_reading(reading)
        detail = scan_detail(reading)
        self._after_scan(self._step(
            Page.QR_SCAN, lambda s: s.record_scan(reading.kind, reading.status, detail)))

    def read_scan(self, s: Screening, kind: ScanKind, text: str) -> ScanReading:
        """What a scanned text says for `kind`; a site pass is also checked against the
        ledger (issued here, not revoked) and against the person being screened."""
        today = self.service.today()
        if kind is not ScanKind.SITE_PASS:
            return parse_scan(kind, text, policy=self.policy, today=today)
        if self.passes is None:
            return ScanReading(kind, ScanStatus.UNREADABLE, SCAN_UNVERIFIABLE,
                               problem="no_site_key")  # fmt: skip
        key = self.passes.key
        reading = parse_scan(kind, text, policy=self.policy, today=today,
                             site_id=key.site_id, public_keys={key.key_id: key.public})
        if not reading.ok:
            return reading
        try:
            self.passes.verify(text, today)
        except PassRejected as exc:
            return ScanReading(kind, ScanStatus.UNREADABLE,
                               Text(exc.message("en"), exc.message("zh_CN")),
                               problem=exc.problem.value)  # fmt: skip
        if not self._pass_is_theirs(s, reading.person_id):
            return ScanReading(kind, ScanStatus.UNREADABLE, OTHER_PERSON,
                               problem="other_person")  # fmt: skip
        return reading

    def _pass_is_theirs(self, s: Screening, person_id: str | None) -> bool:
        """The pass names the person screened (as registered at step 4, or as the
        returning path recognised them); True when nothing says who they are yet."""
        expected = s.person_id
        if s.registration is not None:
            known = self.service.ledger.find_person(
                s.registration.id_type.value, s.registration.id_number)
            expected = known.person_id if known is not None else ""
        return expected is None or expected == person_id

    def submit_manual_check(self, kind: str, status: str) -> None:
        """A manager decides a scan that stayed unreadable or forged."""
        self._after_scan(self._step(
            Page.QR_SCAN, lambda s: s.manual_check(kind, status, by=self.service.staff)))

    def _after_scan(self, ok: bool) -> None:
        s = self.screening
        if not ok or s is None:
            return
        if s.current_step is Step.QR_SCAN:
            self._update(Page.QR_SCAN, self._scan_state(s))
        else:
            self._show_step()

    def submit_signature(self, png: bytes) -> None:
        if self._step(Page.PLEDGE, lambda s: s.sign_pledges(bytes(png))):
            self._show_step()

    def submit_notice(self) -> None:
        if self._step(Page.NOTICE, lambda s: s.hand_over_notice()):
            self._show_step()

    def abandon(self) -> None:
        """The person left: recorded as abandoned (after staff confirmed)."""
        s = self.screening
        if s is None or s.is_over:
            return
        s.abandon()
        self._save()
        self._person_over(s)

    # --- ends ------------------------------------------------------------------------------

    def _person_over(self, s: Screening) -> None:
        self.rest_timer.stop()
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
                self.vehicle_done()
                return
            self._show(Page.VEHICLE_NEXT, self._vehicle_state())
            return
        self.service.finish(s, registration=self.registrations.pop(s.id, None))
        self._finish_view(outcome_view(result))

    def submit_quarantine_registration(self, values: dict[str, str]) -> None:
        s = self.screening
        if s is None:
            return
        registration = self._registration(Page.QUARANTINE_REGISTRATION, values)
        if registration is None:
            return
        self.registrations[s.id] = registration
        self._person_over(s)

    def _finish_view(self, view: OutcomeView) -> None:
        self.rest_timer.stop()
        self.screening = None
        self.group = None
        self.registrations = {}
        self._info = None
        self._last_read = None
        self.finished.emit()
        self.outcome_ready.emit(view)
        self._show(Page.OUTCOME, {"outcome": view})
        self.outcome_timer.start()

    def outcome_done(self) -> None:
        """The outcome was seen (timer or a key): back to the start screen."""
        if self.page is Page.OUTCOME:
            self.outcome_timer.stop()
            self._reset()
            self._show(Page.START)

    # --- crash recovery ----------------------------------------------------------------------

    def unfinished(self) -> list[Work]:
        return self.service.unfinished()

    def resume(self, work: Work) -> None:
        """Carry on with a screening an earlier run left unfinished, on the right page."""
        self._reset()
        if isinstance(work, VehicleGroup):
            self.group = work
            open_passengers = [p for p in work.passengers if not p.is_over]
            self.screening = open_passengers[0] if open_passengers else work.driver
        else:
            self.screening = work
        self._show_step()

    def record_abandoned(self, work: Work) -> None:
        """Staff chose not to resume: the unfinished screening is recorded as abandoned."""
        self.service.abandon_unfinished(work)
        self.finished.emit()


def _plate_line(plate: str, lang: str) -> str:
    return f"{messages.text('field.plate', lang)}: {plate}" if lang == "en" else (
        f"{messages.text('field.plate', lang)}：{plate}")
