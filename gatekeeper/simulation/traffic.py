"""Days of gate traffic driven through the real GateService (not raw inserts).

Each day: returning workers pass twice (morning and after lunch) on the returning
path; newcomers take the eight steps on all three channels; goods vehicles arrive
with their driver and passengers; fevers are re-measured; some people have no
certificate, come from a risk region or show a yellow or red code; a few leave
mid-way or are interrupted by a kiosk restart; everyone on site is measured on the
morning and evening rounds; the four zones are disinfected twice; quarantine cases
are checked twice a day and released, referred to hospital or sent home.

The proportions of first-time screenings follow the source report (about 360
admitted, 30 quarantined and 10 turned away out of 400): roughly 8 % quarantined
and 3 % turned away. One seed gives the same traffic, the same ids and the same
times; only the random salts protecting personal fields differ from run to run.
"""

from __future__ import annotations

import heapq
import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from gatekeeper.domain.identity import Registration
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import (
    CertificateKind,
    Channel,
    Outcome,
    QuarantineDecision,
    Reason,
    RoundSlot,
    ScanKind,
    ScanStatus,
    Step,
    Zone,
)
from gatekeeper.ledger import Ledger
from gatekeeper.services.accounts import Role, simulation_actor
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import Finished, GateService
from gatekeeper.simulation.population import SimPerson, make_population, plate_number
from gatekeeper.simulation.signature import scribble_png

# Used when the site's policy lists no risk region, so that the rule is exercised.
SIMULATION_RISK_REGIONS = ("湖北省武汉市",)
ROUND_STAFF = "round-team"


@dataclass
class Rates:
    """Chances per first-time screening (returning ones use the `returning_` rates)."""

    abandon: float = 0.015
    interrupted: float = 0.004
    no_certificate: float = 0.025
    expired_certificate: float = 0.006
    first_fever: float = 0.04
    fever_persists: float = 0.45
    risk_region: float = 0.05
    yellow_code: float = 0.03
    red_code: float = 0.005
    unreadable_scan: float = 0.03
    returning_fever: float = 0.002
    round_fever: float = 0.0008
    release_to_site: float = 0.9
    referred_to_hospital: float = 0.05


@dataclass
class SimState:
    """Where each simulated person stands, so tomorrow follows from today."""

    on_site: set[int] = field(default_factory=set)
    person_ids: dict[int, str] = field(default_factory=dict)
    quarantine: dict[int, tuple[str, int]] = field(default_factory=dict)  # key → (case, days)
    gone: set[int] = field(default_factory=set)
    retry_day: dict[int, int] = field(default_factory=dict)
    outcomes: Counter[str] = field(default_factory=Counter)
    first_time: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class SimulationSummary:
    days: int
    people: int
    screenings: dict[str, int]
    first_time: dict[str, int]
    records: int
    in_quarantine: int


def id_factory(rng: random.Random) -> Callable[[], str]:
    return lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))


def simulation_policy(policy: Policy) -> Policy:
    """The site's policy, with a risk region if it lists none (so that rule is exercised)."""
    return policy if policy.risk_regions else replace(policy, risk_regions=SIMULATION_RISK_REGIONS)


class Simulation:
    """Runs `days` of traffic for a population of `people` through a GateService."""

    def __init__(
        self, ledger: Ledger, policy: Policy, *, people: int, seed: int, start: date,
        rates: Rates | None = None,
    ) -> None:
        self.policy = simulation_policy(policy)
        self.rng = random.Random(seed)
        self.rates = rates or Rates()
        self.start = start
        self.clock = SteppingClock(datetime.combine(start, time(6, 0), self.policy.tz))
        self.service = GateService(
            ledger, self.policy, self.clock, staff="gate-1",
            new_id=id_factory(random.Random(f"ids-{seed}")),
        )
        # The made-up staff who record rounds, disinfection, quarantine and passes (the
        # services take an actor, not a name; a simulated ledger has no real accounts).
        self.manager = simulation_actor("site-manager", Role.SITE_MANAGER)
        self.round_team = simulation_actor(ROUND_STAFF, Role.SITE_MANAGER)
        self.cleaning_team = simulation_actor("cleaning-team", Role.SITE_MANAGER)
        self.population = make_population(self.rng, people, start)
        self.state = SimState()
        self.arrival: dict[int, int] = {}

    # --- the schedule -------------------------------------------------------------------

    def run(self, days: int) -> SimulationSummary:
        for person in self.population:
            spread = max(days / 3, 1)
            self.arrival[person.key] = min(int(self.rng.expovariate(1 / spread)), days - 1)
        for day_index in range(days):
            self._day(day_index)
        ledger = self.service.ledger
        return SimulationSummary(
            days=days,
            people=len(self.population),
            screenings=dict(self.state.outcomes),
            first_time=dict(self.state.first_time),
            records=ledger.head().records,
            in_quarantine=len(self.state.quarantine),
        )

    def _at(self, day_index: int, hour: int, minute: int = 0) -> datetime:
        day = self.start + timedelta(days=day_index)
        return datetime.combine(day, time(hour, minute), self.policy.tz)

    def _day(self, d: int) -> None:
        rng = self.rng
        self._set(self._at(d, 6, 30))
        self._disinfect(RoundSlot.MORNING)
        self._quarantine_checks(d, release=True)
        arrivals = [
            p for p in self.population
            if p.key not in self.state.gone and p.key not in self.state.on_site
            and p.key not in self.state.quarantine
            and (self.arrival[p.key] == d or self.state.retry_day.get(p.key) == d)
        ]
        returning = self._workers_on_site()
        # (minute of the day, person key or -1 for a marker, kind): one queue for the day,
        # so the lunch passes fall between the vehicles of the afternoon, not after them
        queue: list[tuple[float, int, str]] = [
            (rng.uniform(7 * 60, 8.5 * 60), k, "returning") for k in returning
        ]
        queue += [(rng.uniform(7.5 * 60, 11 * 60), p.key, "first") for p in arrivals
                  if p.channel is not Channel.VEHICLE]
        drivers = [p for p in arrivals if p.channel is Channel.VEHICLE]
        queue += [(rng.uniform(8 * 60, 16 * 60), p.key, "vehicle") for p in drivers]
        queue += [(9 * 60 + 30, -1, "round"), (12.5 * 60, -1, "lunch")]
        heapq.heapify(queue)
        while queue:
            minute, key, kind = heapq.heappop(queue)
            if kind == "round":
                self._round(d, RoundSlot.MORNING, 9, 30)
            elif kind == "lunch":
                # after lunch: the workers on site pass the gate again
                for k in self._workers_on_site():
                    heapq.heappush(queue, (rng.uniform(12.5 * 60, 13.5 * 60), k, "returning"))
            else:
                self._set(self._at(d, 0) + timedelta(minutes=minute))
                self._dispatch(kind, self._person(key), d)
        self._set(self._at(d, 16, 0))
        self._quarantine_checks(d, release=False)
        self._set(self._at(d, 17, 0))
        self._disinfect(RoundSlot.EVENING)
        self._round(d, RoundSlot.EVENING, 18, 0)
        # visitors leave at the end of the day
        for key in [k for k in self.state.on_site if self._person(k).channel is not Channel.WORKER]:
            self.state.on_site.discard(key)

    def _workers_on_site(self) -> list[int]:
        return sorted(k for k in self.state.on_site if self._person(k).channel is Channel.WORKER)

    def _dispatch(self, kind: str, person: SimPerson, d: int) -> None:
        if kind == "returning":
            self._returning(person, d)
        elif kind == "vehicle":
            self._vehicle(person, d)
        else:
            self._first_time(person, d)

    def _person(self, key: int) -> SimPerson:
        return self.population[key]

    def _set(self, when: datetime) -> None:
        if when > self.clock.now():
            self.clock.set(when)

    def _tick(self, low: float = 8, high: float = 40) -> None:
        self.clock.advance(seconds=self.rng.uniform(low, high))

    # --- screenings ---------------------------------------------------------------------

    def _registration(self, person: SimPerson, risky: bool) -> Registration:
        today = self.clock.now().date()
        stays: list[tuple[str, date]] = []
        if risky:
            region = self.rng.choice(self.policy.risk_regions)
            stays.append((region, today - timedelta(days=self.rng.randint(2, 12))))
        return Registration.validated(
            name=person.name, id_type=person.id_type, id_number=person.id_number,
            phone=person.phone, employer=person.employer, role=person.role,
            coming_from=person.coming_from, recent_stays=stays, today=today,
        )

    def _temperature(self, screening: Screening, fever_rate: float) -> bool:
        """Measure, re-measure after rest when high; True when the person may go on."""
        rng, rates = self.rng, self.rates
        feverish = rng.random() < fever_rate
        if rng.random() < 0.01:  # the thermometer misread: out of range, measure again
            screening.measure_temperature(round(rng.uniform(30.0, 33.5), 1))
            self._tick(3, 10)
        while not screening.is_over and screening.current_step is Step.TEMPERATURE:
            if feverish:
                reading = round(rng.uniform(37.3, 38.6), 1)
            else:
                reading = round(rng.uniform(36.0, 37.1), 1)
            screening.measure_temperature(reading)
            if screening.rest_until is not None and not screening.is_over:
                self.clock.set(screening.rest_until)
                self._tick(5, 60)
                feverish = feverish and rng.random() < rates.fever_persists
        return not screening.is_over

    def _screen_first_time(
        self, screening: Screening, person: SimPerson, *, driver: bool = False
    ) -> Registration | None:
        """The eight steps, with the report's mishaps. Returns the registration for a
        person quarantined before registering (staff register them at the isolation room).

        A driver stops short of the lane (current step LANE, not over): the passengers are
        screened while the truck waits, and the driver's lane is assigned after them."""
        rng, rates = self.rng, self.rates
        roll = rng.random()
        stop_at = rng.choice(list(Step)[:7]) if roll < rates.abandon + rates.interrupted else None
        interrupted = roll < rates.interrupted

        def leaving(step: Step) -> bool:
            """The person walks off here (abandoned) or the kiosk stops (left unfinished)."""
            if stop_at is step:
                if not interrupted:
                    screening.abandon()
                return True
            return False

        if leaving(Step.CERTIFICATE):
            return None
        roll = rng.random()
        today = self.clock.now().date()
        if roll < rates.no_certificate:
            screening.check_certificate(None)
            return None
        kind = rng.choice(list(CertificateKind))
        expires = today + timedelta(days=rng.randint(3, 60))
        if roll < rates.no_certificate + rates.expired_certificate:
            expires = today - timedelta(days=rng.randint(1, 10))
        screening.check_certificate(kind, f"HC{rng.randint(10**7, 10**8 - 1)}", expires)
        if screening.is_over:
            return None
        self._tick()
        if leaving(Step.TEMPERATURE):
            return None
        if not self._temperature(screening, rates.first_fever):
            return self._registration(person, False)  # fever: registered at the isolation room
        self._tick()
        if leaving(Step.DISINFECTION):
            return None
        screening.confirm_disinfection(vehicle_too=driver)
        self._tick(30, 90)
        if leaving(Step.REGISTRATION):
            return None
        screening.register(self._registration(person, rng.random() < rates.risk_region))
        if screening.is_over:
            return None
        self._tick(20, 60)
        if leaving(Step.QR_SCAN):
            return None
        for scan in screening.scans_required:
            if rng.random() < rates.unreadable_scan:
                screening.record_scan(scan, ScanStatus.UNREADABLE)
                self._tick(5, 20)
            status = ScanStatus.OK
            if scan is ScanKind.HEALTH_CODE:
                colour = rng.random()
                if colour < rates.red_code:
                    status = ScanStatus.RED
                elif colour < rates.red_code + rates.yellow_code:
                    status = ScanStatus.YELLOW
            screening.record_scan(scan, status)
            if screening.is_over:
                return None
            self._tick(3, 12)
        if leaving(Step.PLEDGE):
            return None
        screening.sign_pledges(scribble_png(rng))
        self._tick(20, 60)
        if leaving(Step.NOTICE):
            return None
        screening.hand_over_notice()
        self._tick(5, 15)
        if not driver:
            screening.assign_lane()
        return None

    def _first_time(self, person: SimPerson, d: int) -> None:
        screening = self.service.start_first_time(person.channel)
        registration = self._screen_first_time(screening, person)
        if not screening.is_over:  # interrupted: the kiosk stopped mid-way
            self._interrupt(screening)
            return
        finished = self.service.finish(screening, registration=registration)
        self._settle(person, screening, finished, d, first_time=True)

    def _interrupt(self, work: Screening | VehicleGroup) -> None:
        """A kiosk restart mid-screening: the draft survives, staff record it abandoned."""
        self.service.save_draft(work)
        for pending in self.service.unfinished():
            for finished in self.service.abandon_unfinished(pending):
                self.state.outcomes[finished.passage.outcome] += 1
                self.state.first_time[finished.passage.outcome] += 1

    def _returning(self, person: SimPerson, d: int) -> None:
        person_id = self.state.person_ids.get(person.key)
        if person_id is None:
            return
        eligibility = self.service.returning_eligibility(person_id)
        screening = self.service.start_returning(person_id)
        if not eligibility.eligible:
            screening.pass_scan(False, person_id, eligibility.reason)
            self._tick()
            self._screen_first_time(screening, person)
            if not screening.is_over:
                self._interrupt(screening)
                return
            finished = self.service.finish(screening)
            self._settle(person, screening, finished, d, first_time=True)
            return
        screening.pass_scan(True, person_id)
        self._tick(3, 10)
        if self._temperature(screening, self.rates.returning_fever):
            screening.confirm_disinfection()
            self._tick(3, 10)
            screening.assign_lane()
        finished = self.service.finish(screening)
        self._settle(person, screening, finished, d, first_time=False)

    def _vehicle(self, driver: SimPerson, d: int) -> None:
        rng = self.rng
        group = self.service.start_vehicle(plate_number(rng))
        others = [p for p in self.population if p.channel is Channel.VEHICLE
                  and p.key != driver.key and p.key not in self.state.gone
                  and p.key not in self.state.quarantine]
        riders = rng.sample(others, k=min(len(others), rng.choice((0, 0, 1, 2))))
        registrations: dict[str, Registration] = {}
        cast = [(group.driver, driver)]
        reg = self._screen_first_time(group.driver, driver, driver=True)
        if reg is not None:
            registrations[group.driver.id] = reg
        if not group.driver.is_over and group.driver.current_step is not Step.LANE:
            self._interrupt(group)
            return
        if not group.driver.is_over:
            # the driver waits at the lane while the passengers are screened (a passenger
            # cannot join a vehicle whose outcome is already decided)
            for rider in riders:
                screening = self.service.add_passenger(group)
                cast.append((screening, rider))
                reg = self._screen_first_time(screening, rider)
                if reg is not None:
                    registrations[screening.id] = reg
                if not screening.is_over:
                    screening.abandon()
            self._tick(5, 15)
            group.driver.assign_lane()
        for finished, (screening, person) in zip(
            self.service.finish_vehicle(group, registrations), cast, strict=True
        ):
            self._settle(person, screening, finished, d, first_time=True)
        # a goods driver comes back every few days
        self.state.retry_day[driver.key] = d + rng.randint(2, 4)

    def _settle(
        self, person: SimPerson, screening: Screening, finished: Finished, d: int,
        *, first_time: bool,
    ) -> None:
        outcome = screening.outcome
        state = self.state
        state.outcomes[outcome.outcome] += 1
        if first_time:
            state.first_time[outcome.outcome] += 1
        if finished.person_id is not None:
            state.person_ids[person.key] = finished.person_id
        if outcome.outcome is Outcome.ADMITTED:
            state.on_site.add(person.key)
            if person.channel is Channel.WORKER and screening.path == "first_time":
                self.service.issue_pass(finished.person_id, by=self.manager)
        elif outcome.outcome is Outcome.QUARANTINED:
            state.on_site.discard(person.key)
            if finished.quarantine_case:
                state.quarantine[person.key] = (finished.quarantine_case, self.rng.randint(1, 14))
        elif outcome.outcome is Outcome.TURNED_AWAY:
            state.on_site.discard(person.key)
            if outcome.reason is Reason.RED_CODE:
                state.gone.add(person.key)
            else:
                state.retry_day[person.key] = d + self.rng.randint(1, 3)
        else:
            state.on_site.discard(person.key)
            state.retry_day[person.key] = d + 1

    # --- on site --------------------------------------------------------------------------

    def _round(self, d: int, slot: RoundSlot, hour: int, minute: int) -> None:
        self._set(self._at(d, hour, minute))
        rng = self.rng
        readings = []
        for key in sorted(self.state.on_site):
            person_id = self.state.person_ids.get(key)
            if person_id is None:
                continue
            high = rng.random() < self.rates.round_fever
            readings.append((person_id, round(rng.uniform(37.4, 38.5) if high
                                              else rng.uniform(36.0, 37.0), 1)))
        if not readings:
            return
        result = self.service.record_round(slot, readings, self.round_team)
        by_id = {v: k for k, v in self.state.person_ids.items()}
        for person_id in result.quarantined:
            key = by_id[person_id]
            self.state.on_site.discard(key)
            case = self._open_case_for(person_id)
            if case:
                self.state.quarantine[key] = (case, rng.randint(2, 14))

    def _open_case_for(self, person_id: str) -> str | None:
        case = None
        for record in self.service.ledger.records(person_id=person_id, kind="quarantine_start"):
            case = record.subject_id
        return case

    def _disinfect(self, slot: RoundSlot) -> None:
        for zone in Zone:
            self.service.record_disinfection(zone, slot, self.cleaning_team)
            self._tick(60, 300)

    def _quarantine_checks(self, d: int, *, release: bool) -> None:
        rng, rates = self.rng, self.rates
        for key, (case_id, stay_days) in sorted(self.state.quarantine.items()):
            self._tick(10, 60)
            self.service.quarantine_check(
                case_id, round(rng.uniform(36.0, 37.2), 1), by=self.manager)
            case = self.service.quarantine_case(case_id)
            if not release or case.day_count(self.clock.now()) <= stay_days:
                continue
            roll = rng.random()
            if roll < rates.release_to_site:
                decision, why = QuarantineDecision.RELEASED, "normal temperature, negative test"
            elif roll < rates.release_to_site + rates.referred_to_hospital:
                decision, why = QuarantineDecision.REFERRED_TO_HOSPITAL, "symptoms persist"
            else:
                decision, why = QuarantineDecision.SENT_HOME, "did not return to work"
            self.service.release_quarantine(case_id, decision, why, self.manager)
            del self.state.quarantine[key]
            if decision is QuarantineDecision.RELEASED:
                self.state.on_site.add(key)
            else:
                self.state.gone.add(key)
