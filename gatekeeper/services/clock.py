"""Time at the site: every record carries a tz-aware instant and its site-local day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError


class Clock(Protocol):
    """Where "now" comes from; the simulation and the tests bring their own."""

    def now(self) -> datetime: ...


def site_zone(name: str) -> ZoneInfo:
    """The policy's time zone, refused clearly when the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise LocalizedError(
            "unknown_timezone",
            messages.entry("clock.unknown_timezone"),
            {"name": name},
        ) from exc


class SystemClock:
    """The wall clock, expressed in the site's time zone."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone

    def now(self) -> datetime:
        return datetime.now(self.zone)


class SteppingClock:
    """A clock that only moves when told to: the simulation and tests drive it."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("SteppingClock needs a tz-aware start")
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, **delta: float) -> datetime:
        self._now += timedelta(**delta)
        return self._now

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("SteppingClock needs tz-aware times")
        self._now = when


def site_day(when: datetime) -> str:
    """The site-local calendar day of an instant, as the ledger indexes it."""
    return when.date().isoformat()


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date typed by a person, refused with a message that says the form."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise LocalizedError(
            "bad_date",
            messages.entry("clock.bad_date"),
            {"text": text},
        ) from exc
