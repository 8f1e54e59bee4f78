"""What the kiosk's pages are given to show: texts as functions of the language.

A domain text travels as a `Say` (language → text), so a page re-renders it when staff
switch the language, without asking the session again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text
from gatekeeper.domain.screening import OutcomeResult
from gatekeeper.domain.vocab import Outcome

Say = Callable[[str], str]  # a text in the language asked for


def say(code: Any, **params: Any) -> Say:
    """A catalogue message as a `Say`."""
    return lambda lang: messages.text(code, lang, **params)


def say_text(text: Text) -> Say:
    """A text as it stands as a `Say`: the policy's (a pledge, the notice, the quarantine
    place, as a site manager wrote them) or a value; its braces are text, not fields."""
    return text.pick


def say_error(error: LocalizedError) -> Say:
    return error.message


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

        def big(lang: str) -> str:
            return f"{messages.text(lane, lang)} · {messages.text(zone, lang)}"

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


def plate_line(plate: str) -> Say:
    """"Plate: 京A12345" under a vehicle's outcome."""
    return lambda lang: messages.text("kiosk.plate_line", lang, plate=plate)
