"""Life on site, Qt-free: who is on site now, the open quarantine cases, the rounds,
the disinfection log and the alerts a site manager must act on. The manager console
only draws these.

Who is on site (the rule, kept simple on purpose): a person's newest *presence event* —
a gate passage, a quarantine start, a quarantine release — decides it.

* a passage that ended `admitted` puts the person on site, in the zone their lane
  leads to; any other outcome (turned away, quarantined, abandoned) does not;
* a quarantine start takes them off site (they are on the quarantine list instead);
* a release `released` (to the site) puts them back, in the zone of their last
  admission; referred to hospital or sent home does not;
* workers stay on site until one of those events says otherwise (the gate records no
  exit); visitors and the people of goods vehicles leave at the end of the day: they
  count only on the day of that event.

`now` is the site's local time (`GateService.now()`); the ledger files records under
the site-local day. Every query here uses the ledger's indexed columns (kind, day,
person_id, subject_id); bodies are decoded only for the rows shown — the dashboard
opens in well under half a second on a ledger of a million records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from gatekeeper.domain.i18n import Text
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.privacy import mask_name
from gatekeeper.domain.rounds import RoundVerdict
from gatekeeper.domain.vocab import (
    Channel,
    Outcome,
    QuarantineDecision,
    Reason,
    RoundSlot,
    Zone,
)
from gatekeeper.ledger import Ledger, StoredRecord
from gatekeeper.scanner.passes import PassRejected, parse_pass
from gatekeeper.services import schema
from gatekeeper.services.figures import DayStats
from gatekeeper.services.kinds import Kind
from gatekeeper.services.lookup import person_ids_for
from gatekeeper.services.stats import day_stats

PRESENCE_KINDS = (Kind.PASSAGE, Kind.QUARANTINE_START, Kind.QUARANTINE_RELEASE)

# When a slot's round and disinfection are due (site-local): after this time a person
# on site without a reading, or a zone not disinfected, is an alert.
SLOT_DUE: dict[RoundSlot, time] = {RoundSlot.MORNING: time(10, 0), RoundSlot.EVENING: time(19, 0)}


@dataclass(frozen=True)
class OnSite:
    """One person on site now."""

    person_id: str
    name_masked: str
    channel: str | None
    zone: Zone | None
    since: str  # ISO time of the event that put them on site


@dataclass(frozen=True)
class CaseRow:
    """An open quarantine case, as the lists show it."""

    case_id: str
    person_id: str | None
    name_masked: str
    reason: Reason | None
    place: Text
    started: date
    day_count: int  # day 1 is the day it started
    due_date: date
    overdue: bool


class RoundStatus(NamedTuple):
    checked: set[str]  # person ids with a reading in the round
    missing: set[str]  # on site, no reading yet


@dataclass(frozen=True)
class RoundEntry:
    """One reading on a round."""

    person_id: str
    reading_c: float
    verdict: str  # RoundVerdict value
    at: str
    by: str


@dataclass(frozen=True)
class DisinfectionRow:
    zone: Zone
    slot: RoundSlot
    by: str
    at: str


class AlertKind(StrEnum):
    ROUND_FEVER = "round_fever"  # a fever on one of today's rounds
    MISSING_ROUND = "missing_round"  # people on site with no reading after the round's time
    QUARANTINE_OVERDUE = "quarantine_overdue"  # open after its due date
    NOT_DISINFECTED = "not_disinfected"  # zones with no disinfection after the slot's time
    HUB_REFUSED = "hub_refused"  # the site hub refuses this kiosk's chain (services.sync)
    HUB_OFFLINE = "hub_offline"  # no sync with the hub for over an hour: others do not see it


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    slot: RoundSlot | None = None
    person_id: str | None = None
    name_masked: str = ""
    reading_c: float | None = None
    case_id: str | None = None
    due_date: date | None = None
    people: tuple[str, ...] = ()  # masked names (missing from a round)
    zones: tuple[Zone, ...] = ()  # not disinfected
    detail: str = ""  # the hub's refusal, as said when it happened
    since: str = ""  # ISO instant: refused at, or offline since


@dataclass(frozen=True)
class SiteView:
    """Everything the dashboard shows, read in one go."""

    today: DayStats
    series: dict[str, DayStats]
    on_site: list[OnSite]
    cases: list[CaseRow]
    alerts: list[Alert] = field(default_factory=list)


# --- helpers ---------------------------------------------------------------------------------


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _masked(ledger: Ledger, person_id: str | None) -> str:
    return _masked_names(ledger, [person_id] if person_id else []).get(person_id or "", "")


def _masked_names(ledger: Ledger, person_ids: Iterable[str]) -> dict[str, str]:
    """Masked names for many people in one query (never one query per row)."""
    return {pid: mask_name(name) if name else "" for pid, name in
            ledger.names_of(person_ids).items()}  # fmt: skip


def _zone(value: Any) -> Zone | None:
    try:
        return Zone(value) if value else None
    except ValueError:
        return None


def _passage_zone(record: StoredRecord) -> Zone | None:
    return _zone(schema.PassageBody.read(record).outcome.get("zone"))


def _last_admission(ledger: Ledger, person_id: str) -> StoredRecord | None:
    """Their newest admitted passage, read from the newest back (not all their passages:
    a worker of years has thousands)."""
    return ledger.newest(person_id=person_id, kind=Kind.PASSAGE, outcome=Outcome.ADMITTED)


# --- who is on site --------------------------------------------------------------------------


def on_site(ledger: Ledger, now: date | datetime) -> list[OnSite]:
    """Everyone on site (see the module's rule), by zone then name."""
    today = _day(now).isoformat()
    found: list[tuple[str, str | None, Zone | None, str]] = []
    for event in ledger.latest_per_person(PRESENCE_KINDS):
        person_id = event.person_id
        if person_id is None:
            continue
        admission: StoredRecord | None
        if event.kind == Kind.PASSAGE and event.outcome == Outcome.ADMITTED:
            admission = event
        elif event.kind == Kind.QUARANTINE_RELEASE and event.reason == QuarantineDecision.RELEASED:
            admission = _last_admission(ledger, person_id)
        else:
            continue
        channel = admission.channel if admission is not None else None
        if channel != Channel.WORKER and event.day != today:
            continue  # visitors and goods vehicles leave at the end of the day
        # the body (read through its schema: the costly part) only for who is on site
        zone = _passage_zone(admission) if admission is not None else None
        found.append((person_id, channel, zone, event.at))
    names = _masked_names(ledger, (f[0] for f in found))
    people = [OnSite(pid, names.get(pid, ""), channel, zone, at)
              for pid, channel, zone, at in found]  # fmt: skip
    order = {z: i for i, z in enumerate(Zone)}
    people.sort(
        key=lambda p: (
            order.get(p.zone, len(order)) if p.zone else len(order),
            p.name_masked,
            p.person_id,
        )
    )
    return people


def find_people(ledger: Ledger, text: str, today: date, people: Iterable[OnSite]) -> list[OnSite]:
    """The people among `people` a scan or a search means: a site pass (the person it
    names: a round identifies who stands there, the gate has verified the pass), a person
    id, an ID number, or a part of a name; in `people`'s order."""
    raw = (text or "").strip()
    if not raw:
        return []
    wanted: set[str] = set()
    try:
        wanted.add(parse_pass(raw).person_id)
    except PassRejected:
        wanted.update(person_ids_for(ledger, raw, today))
        if not wanted:
            wanted = {p.person_id for p in ledger.search_people(raw)}
    return [p for p in people if p.person_id in wanted]


def by_zone(people: Iterable[OnSite]) -> dict[Zone | None, list[OnSite]]:
    """The on-site list grouped by zone, zones in their usual order."""
    groups: dict[Zone | None, list[OnSite]] = {}
    for person in people:
        groups.setdefault(person.zone, []).append(person)
    return groups


# --- quarantine ------------------------------------------------------------------------------


def open_quarantine_cases(ledger: Ledger, policy: Policy, now: date | datetime) -> list[CaseRow]:
    """Every case started and not yet closed, oldest first."""
    today = _day(now)
    rows = []
    starts = ledger.unclosed(Kind.QUARANTINE_START, Kind.QUARANTINE_RELEASE)
    names = _masked_names(ledger, (s.person_id for s in starts if s.person_id))
    for start in starts:
        body = schema.QuarantineStartBody.read(start)
        started = date.fromisoformat(start.day)
        due = date.fromisoformat(body.due_date)
        place = body.place
        if isinstance(place, dict):
            place_text = Text(str(place.get("en", "")), str(place.get("zh_CN", "")))
        elif place:
            place_text = Text.same(place)
        else:
            place_text = policy.quarantine_place
        try:
            reason = Reason(start.reason) if start.reason else None
        except ValueError:
            reason = None
        rows.append(CaseRow(
            case_id=start.subject_id or "",
            person_id=start.person_id,
            name_masked=names.get(start.person_id or "", ""),
            reason=reason,
            place=place_text,
            started=started,
            day_count=max((today - started).days + 1, 1),
            due_date=due,
            overdue=today > due,
        ))  # fmt: skip
    return rows


# --- figures ---------------------------------------------------------------------------------


def outcome_series(ledger: Ledger, last_day: date | datetime, days: int) -> dict[str, DayStats]:
    """`days` days of figures ending with `last_day`, oldest first (indexed counts only)."""
    last = _day(last_day)
    series = {}
    for i in range(days - 1, -1, -1):
        day = (last - timedelta(days=i)).isoformat()
        series[day] = day_stats(ledger, day)
    return series


# --- rounds and disinfection -----------------------------------------------------------------


def round_readings(ledger: Ledger, day: date | str, slot: RoundSlot) -> list[RoundEntry]:
    """The readings of one round (the day's round records, in the order taken)."""
    day_text = day if isinstance(day, str) else day.isoformat()
    entries = []
    for record in ledger.records(kind=Kind.ROUND_TEMPERATURE, day=day_text):
        body = schema.RoundTemperatureBody.read(record)
        if body.slot != RoundSlot(slot) or not record.person_id:
            continue
        entries.append(
            RoundEntry(record.person_id, body.reading_c, body.verdict, record.at, body.by)
        )
    return entries


def round_status(
    ledger: Ledger, day: date | str, slot: RoundSlot, roster: Iterable[str] | None = None
) -> RoundStatus:
    """Who has a reading in the round and who on the roster (default: on site that day)
    has none yet."""
    checked = {e.person_id for e in round_readings(ledger, day, slot)}
    if roster is None:
        roster = [p.person_id for p in on_site(ledger, date.fromisoformat(str(day)))]
    return RoundStatus(checked, set(roster) - checked)


def disinfections(ledger: Ledger, day: date | str) -> dict[tuple[Zone, RoundSlot], DisinfectionRow]:
    """The day's disinfection log: the latest entry per zone and slot."""
    day_text = day if isinstance(day, str) else day.isoformat()
    log: dict[tuple[Zone, RoundSlot], DisinfectionRow] = {}
    for record in ledger.records(kind=Kind.DISINFECTION, day=day_text):
        body = schema.DisinfectionBody.read(record)
        zone = _zone(body.zone)
        if zone is None or body.slot not in set(RoundSlot):
            continue
        log[(zone, RoundSlot(body.slot))] = DisinfectionRow(
            zone, RoundSlot(body.slot), body.by, record.at)
    return log


# --- alerts ----------------------------------------------------------------------------------


def alerts(
    ledger: Ledger,
    policy: Policy,
    now: datetime,
    *,
    people: list[OnSite] | None = None,
    cases: list[CaseRow] | None = None,
) -> list[Alert]:
    """What needs a manager now: fevers on today's rounds, people on site missing a round
    whose time has passed (and not measured at the gate since the round began), overdue quarantine
    cases, zones not disinfected in a slot whose
    time has passed. `people` and `cases` spare the queries when the caller has them."""
    local = now.astimezone(policy.tz)
    today = local.date()
    people = on_site(ledger, local) if people is None else people
    cases = open_quarantine_cases(ledger, policy, local) if cases is None else cases
    found: list[Alert] = []
    names = {p.person_id: p.name_masked for p in people}
    done_slots = [s for s in RoundSlot if local.time() >= SLOT_DUE[s]]
    for slot in RoundSlot:
        readings = round_readings(ledger, today, slot)
        for entry in readings:
            if entry.verdict == RoundVerdict.QUARANTINE:
                found.append(
                    Alert(
                        AlertKind.ROUND_FEVER,
                        slot=slot,
                        person_id=entry.person_id,
                        name_masked=_masked(ledger, entry.person_id),
                        reading_c=entry.reading_c,
                    )
                )
        if slot in done_slots:
            # Owed a reading: on site since before the round began (its first reading,
            # or its due time); whoever came through the gate later was measured there.
            began = (
                min(datetime.fromisoformat(e.at) for e in readings)
                if readings
                else datetime.combine(today, SLOT_DUE[slot], policy.tz)
            )
            checked = {e.person_id for e in readings}
            missing = [
                p
                for p in people
                if p.person_id not in checked and datetime.fromisoformat(p.since) < began
            ]
            if missing:
                found.append(
                    Alert(
                        AlertKind.MISSING_ROUND,
                        slot=slot,
                        people=tuple(names[p.person_id] for p in missing),
                    )
                )
    for case in cases:
        if case.overdue:
            found.append(
                Alert(
                    AlertKind.QUARANTINE_OVERDUE,
                    person_id=case.person_id,
                    name_masked=case.name_masked,
                    case_id=case.case_id,
                    due_date=case.due_date,
                )
            )
    if done_slots:
        log = disinfections(ledger, today)
        for slot in done_slots:
            zones = tuple(z for z in Zone if (z, slot) not in log)
            if zones:
                found.append(Alert(AlertKind.NOT_DISINFECTED, slot=slot, zones=zones))
    found += hub_alerts(ledger.sync_state(), now)
    return found


HUB_OFFLINE_ALERT = timedelta(hours=1)


def hub_alerts(state: dict[str, str], now: datetime) -> list[Alert]:
    """The site hub's state (meta `hub.*`, kept by services.sync): a refusal always, being
    out of reach once it has lasted an hour (the other gates no longer see this one)."""
    if state.get("refused"):
        return [Alert(AlertKind.HUB_REFUSED, detail=state["refused"],
                      since=state.get("refused_at", ""))]  # fmt: skip
    since = state.get("offline_since")
    if since and now - datetime.fromisoformat(since) >= HUB_OFFLINE_ALERT:
        return [Alert(AlertKind.HUB_OFFLINE, since=since)]
    return []


def load(ledger: Ledger, policy: Policy, now: datetime, *, days: int = 14) -> SiteView:
    """Everything the dashboard shows at `now`, with `days` (14 or 30) of series."""
    local = now.astimezone(policy.tz)
    today = local.date()
    people = on_site(ledger, local)
    cases = open_quarantine_cases(ledger, policy, local)
    series = outcome_series(ledger, today, days)
    return SiteView(
        today=series[today.isoformat()],
        series=series,
        on_site=people,
        cases=cases,
        alerts=alerts(ledger, policy, local, people=people, cases=cases),
    )
