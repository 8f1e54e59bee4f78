"""The inspector's questions, read-only: search screenings, one person's closed loop,
and the data of an inspection report (figures per day, quarantine cases, the chain).

Nothing here writes. Names, ID numbers and phones come masked unless `full=True`
(the inspector's review screen and `--full` exports); they come back empty once a
retention purge has erased them, while the outcomes and figures stay.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text
from gatekeeper.domain.privacy import mask_name
from gatekeeper.domain.vocab import Channel, Lane, Outcome, QuarantineDecision, Reason, Step
from gatekeeper.ledger import Ledger, LedgerHead, StoredRecord, VerifyReport
from gatekeeper.services import schema
from gatekeeper.services.exports import (
    ExportRow,
    PeopleCache,
    passage_row,
    reason_label,
)
from gatekeeper.services.figures import DayStats
from gatekeeper.services.kinds import Kind
from gatekeeper.services.stats import day_stats

NEED_A_FILTER = messages.entry("review.need_a_filter")
BAD_RANGE = messages.entry("review.bad_range")
MAX_RANGE_DAYS = 366


def _default_tz() -> Any:
    from gatekeeper.domain.policy import Policy

    return Policy().tz


def days_between(start: date, end: date) -> list[str]:
    """Every day from `start` to `end` inclusive, refused when reversed."""
    if end < start:
        raise LocalizedError("bad_range", BAD_RANGE, {"start": start, "to": end})
    return [(start + timedelta(days=i)).isoformat() for i in range((end - start).days + 1)]


def search_passages(
    ledger: Ledger,
    *,
    person: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    outcome: Outcome | str | None = None,
    channel: Channel | str | None = None,
    full: bool = False,
    limit: int = 5000,
    tz: Any = None,
) -> list[ExportRow]:
    """Screenings matching every given filter, oldest first (at most `limit`).

    `person` is an ID number (exact) or part of a name. Without a person, a date range
    is needed (one day when only one end is given).
    """
    tz = tz or _default_tz()
    if date_from is None and date_to is None and not (person and person.strip()):
        raise LocalizedError("need_a_filter", NEED_A_FILTER)
    first = date_from.isoformat() if date_from else None
    last = date_to.isoformat() if date_to else None

    def wanted(record: StoredRecord) -> bool:
        return (
            (first is None or record.day >= first)
            and (last is None or record.day <= last)
            and (outcome is None or record.outcome == str(outcome))
            and (channel is None or record.channel == str(channel))
        )

    def candidates() -> Iterator[StoredRecord]:
        if person and person.strip():
            found: list[StoredRecord] = []
            for match in ledger.search_people(person):
                found += ledger.records(person_id=match.person_id, kind=Kind.PASSAGE)
            yield from sorted(found, key=lambda r: (r.at, r.seq))
            return
        start = date_from or date_to
        end = date_to or date_from
        assert start is not None and end is not None
        for day in days_between(start, end)[:MAX_RANGE_DAYS]:
            yield from ledger.records(kind=Kind.PASSAGE, day=day)

    people = PeopleCache(ledger)
    rows: list[ExportRow] = []
    for record in candidates():
        if wanted(record):
            rows.append(passage_row(record, people.get(record.person_id), full=full, tz=tz))
            if len(rows) >= limit:
                break
    return rows


# --- a person's closed loop -------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEvent:
    """One thing that happened to a person, with a line to show in either language."""

    at: datetime
    seq: int
    kind: str
    uuid: str
    summary: Text
    record: StoredRecord

    @property
    def warn(self) -> bool:
        """Shown as a warning: a quarantine event, or a lane that did not open."""
        return self.kind.startswith("quarantine") or self.kind == Kind.GATE_OPEN_FAILED


def _vocab(enum: type[Any], value: Any) -> Text:
    """A vocabulary code's words, or the code itself when this version has none (a newer
    GateKeeper's): either way a text to show with `pick`, never a template to fill."""
    try:
        return messages.entry(enum(value))
    except (ValueError, KeyError):
        return Text.same(str(value))


def _problem(key: str, params: dict[str, Any], lang: str) -> str:
    """A recorded problem in `lang`; one this version has no words for (a newer
    GateKeeper's key, or values that do not fit) shows as its key."""
    try:
        return messages.text(key, lang, **params)
    except (KeyError, IndexError, ValueError):
        return key


def _both(build: Any) -> Text:
    """A Text from a function of the language (so each line is written once)."""
    return Text(build("en"), build("zh_CN"))


def describe(record: StoredRecord) -> Text:
    """The timeline line for a record (any kind; unknown kinds show their kind), read
    through its kind's schema."""
    kind = record.kind
    if kind not in schema.SCHEMAS:
        return Text.same(kind)
    match schema.read(record):
        case schema.PersonBody() as person:
            return messages.filled("review.registered", employer=person.employer,
                                   role=person.role, origin=person.coming_from)
        case schema.StepBody() as step_body:
            passed = messages.entry("review.passed" if step_body.passed else "review.not_passed")
            step = _vocab(Step, step_body.step)
            return _both(lambda lang: f"{step.pick(lang)}: {passed.pick(lang)}")
        case schema.PassageBody():
            channel, outcome = _vocab(Channel, record.channel), _vocab(Outcome, record.outcome)
            return _both(lambda lang: f"{channel.pick(lang)} · {outcome.pick(lang)} — "
                         f"{reason_label(record.reason, lang)}")  # fmt: skip
        case schema.QuarantineStartBody() as start:
            return _both(lambda lang: messages.text(
                "review.quarantine_started", lang,
                reason=reason_label(start.reason, lang), due=start.due_date))  # fmt: skip
        case schema.QuarantineCheckBody() as check:
            return messages.filled("review.quarantine_check", temperature=check.temperature_c)
        case schema.QuarantineReleaseBody() as release:
            decision = _vocab(QuarantineDecision, release.decision)
            return messages.filled("review.quarantine_ended", decision=decision,
                                   days=release.days, reason=release.reason, by=release.by)
        case schema.RoundTemperatureBody() as reading:
            morning = reading.slot == "morning"
            slot = messages.entry("review.morning" if morning else "review.evening")
            return messages.filled("review.round_temperature", slot=slot,
                                   reading=reading.reading_c)
        case schema.PassIssuedBody() as issued:
            return messages.filled("review.pass_issued", valid_until=issued.valid_until)
        case schema.PassRevokedBody():
            return messages.entry("review.pass_revoked")
        case schema.GateOpenedBody() as opened:
            lane = _vocab(Lane, opened.lane)
            return _both(lambda lang: messages.text("review.gate_opened", lang,
                                                    lane=lane.pick(lang)))
        case schema.GateOpenFailedBody() as failed:
            lane = _vocab(Lane, failed.lane)
            return _both(lambda lang: messages.text(
                "review.gate_open_failed", lang, lane=lane.pick(lang),
                problem=_problem(failed.problem, failed.params, lang)))  # fmt: skip
        case schema.CorrectionBody() as fix:
            what = fix.corrected_kind
            return messages.filled("review.correction", what=what, reason=fix.reason,
                                   by=fix.by)
    return Text.same(kind)


def timeline(ledger: Ledger, person_id: str) -> list[TimelineEvent]:
    """Everything recorded for a person, in time order (ties in ledger order): every
    registration, step, passage, lane opened or not, round, quarantine
    start/check/release, pass and correction. One indexed query (records_person)."""
    events = [
        TimelineEvent(datetime.fromisoformat(r.at), r.seq, r.kind, r.uuid, describe(r), r)
        for r in ledger.records(person_id=person_id)
    ]
    events.sort(key=lambda e: (e.at, e.seq))
    return events


# --- the inspection report's data ----------------------------------------------------------


@dataclass(frozen=True)
class CaseLine:
    """A quarantine case opened or closed in the report's range."""

    case_id: str
    person: str  # masked name (or an empty string once purged)
    reason: str | None
    started: str
    due: str
    decision: str | None = None
    ended: str | None = None


@dataclass(frozen=True)
class InspectionData:
    date_from: str
    date_to: str
    days: list[DayStats]
    opened: list[CaseLine]
    closed: list[CaseLine]
    head: LedgerHead
    verify: VerifyReport


def inspection_data(ledger: Ledger, date_from: date, date_to: date) -> InspectionData:
    """Figures per day, quarantine cases opened and closed in the range, and the
    chain's head and verify verdict at the moment the report is made."""
    days = days_between(date_from, date_to)[:MAX_RANGE_DAYS]
    people = PeopleCache(ledger)
    starts: dict[str, StoredRecord] = {}
    opened: list[CaseLine] = []
    closed: list[CaseLine] = []

    def line(start: StoredRecord, release: StoredRecord | None = None) -> CaseLine:
        person = people.get(start.person_id)
        return CaseLine(
            case_id=start.subject_id or "",
            person=mask_name(person.name) if person and person.name else "",
            reason=start.reason,
            started=start.day,
            due=schema.QuarantineStartBody.read(start).due_date,
            decision=release.reason if release else None,
            ended=release.day if release else None,
        )

    for day in days:
        for start in ledger.records(kind=Kind.QUARANTINE_START, day=day):
            starts[start.subject_id or ""] = start
            opened.append(line(start))
        for release in ledger.records(kind=Kind.QUARANTINE_RELEASE, day=day):
            opening = starts.get(release.subject_id or "")
            if opening is None:  # opened before the range
                opening = next(
                    (r for r in ledger.records(subject_id=release.subject_id or "")
                     if r.kind == Kind.QUARANTINE_START), None,
                )  # fmt: skip
            if opening is not None:
                closed.append(line(opening, release))
    report = ledger.verify()
    return InspectionData(
        date_from=days[0], date_to=days[-1], days=[day_stats(ledger, d) for d in days],
        opened=opened, closed=closed, head=report.head, verify=report,
    )  # fmt: skip


__all__ = [
    "CaseLine",
    "InspectionData",
    "Reason",
    "TimelineEvent",
    "describe",
    "inspection_data",
    "search_passages",
    "timeline",
]


InspectionWriter = Callable[[InspectionData, Path], Any]
