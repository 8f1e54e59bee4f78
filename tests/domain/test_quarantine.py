"""Quarantine cases: start, checks, release, due date."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from domain_support import POLICY, T0, TZ

from gatekeeper.domain.errors import QuarantineError, ValidationError
from gatekeeper.domain.quarantine import QuarantineCase
from gatekeeper.domain.vocab import QuarantineDecision, Reason


def case() -> QuarantineCase:
    return QuarantineCase.start("P-1", Reason.FEVER, None, T0, POLICY)


def test_start_defaults_to_the_policy_place() -> None:
    c = case()
    assert c.place.zh_CN == "应急隔离间" and c.is_open
    assert c.due_date == date(2020, 3, 16)
    assert QuarantineCase.start("P-1", "yellow_code", "Room 3", T0, POLICY).place.en == "Room 3"


@pytest.mark.parametrize("reason", [Reason.CLEARED, Reason.RED_CODE, "nonsense"])
def test_start_needs_a_quarantine_reason(reason: str) -> None:
    with pytest.raises(ValidationError) as e:
        QuarantineCase.start("P-1", reason, None, T0, POLICY)
    assert e.value.field == "reason"


def test_checks_and_release() -> None:
    c = case()
    check = c.record_check(37.6, T0 + timedelta(hours=4), "cough")
    assert check.fever and c.record_check("36.6", T0 + timedelta(days=1)).fever is False
    with pytest.raises(ValidationError):
        c.record_check(30.0, T0 + timedelta(days=1))
    with pytest.raises(ValidationError) as e:
        c.release(QuarantineDecision.RELEASED, "  ", "Wang", T0 + timedelta(days=14))
    assert e.value.field == "reason"
    rel = c.release(QuarantineDecision.RELEASED, "14 days, no fever", "Wang",
                    T0 + timedelta(days=14))
    assert rel.decision is QuarantineDecision.RELEASED and not c.is_open
    with pytest.raises(QuarantineError):
        c.release(QuarantineDecision.SENT_HOME, "again", "Wang", T0 + timedelta(days=15))
    with pytest.raises(QuarantineError):
        c.record_check(36.5, T0 + timedelta(days=15))


def test_cannot_act_before_the_start() -> None:
    c = case()
    with pytest.raises(QuarantineError) as e:
        c.release(QuarantineDecision.RELEASED, "ok", "Wang", T0 - timedelta(minutes=1))
    assert e.value.code == "quarantine.before_start"
    with pytest.raises(QuarantineError):
        c.record_check(36.5, T0 - timedelta(hours=1))


def test_due_date_overdue_and_day_count() -> None:
    c = case()
    assert c.day_count(T0) == 1
    assert c.day_count(datetime(2020, 3, 3, 0, 5, tzinfo=TZ)) == 2
    assert not c.is_overdue(datetime(2020, 3, 16, 23, 0, tzinfo=TZ))
    assert c.is_overdue(datetime(2020, 3, 17, 0, 1, tzinfo=TZ))
    c.release(QuarantineDecision.REFERRED_TO_HOSPITAL, "fever 39", "Dr Li",
              datetime(2020, 3, 5, 9, tzinfo=TZ))
    assert not c.is_overdue(datetime(2020, 3, 20, tzinfo=TZ))
    assert c.day_count(datetime(2020, 3, 20, tzinfo=TZ)) == 4  # stops at release


def test_round_trip() -> None:
    c = case()
    c.record_check(36.8, T0 + timedelta(hours=12), "ok")
    c.release(QuarantineDecision.SENT_HOME, "asked to leave", "Wang", T0 + timedelta(days=2))
    again = QuarantineCase.from_dict(c.to_dict(), POLICY)
    assert again.to_dict() == c.to_dict() and not again.is_open
