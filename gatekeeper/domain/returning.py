"""Who may take the fast returning path (scan pass, temperature, disinfection, lane).

Only a registered worker whose pass is in force and whose pledges are still in force;
anyone else is told why and goes down the first-time path, so nobody is stuck.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from gatekeeper.domain import messages
from gatekeeper.domain.policy import Policy


class ReturningIssue(StrEnum):
    """Why someone cannot take the returning path (values are stored in the ledger)."""

    NOT_REGISTERED = "not_registered"
    PASS_REVOKED = "pass_revoked"
    PASS_EXPIRED = "pass_expired"
    PLEDGES_LAPSED = "pledges_lapsed"
    PASS_INVALID = "pass_invalid"  # unreadable, forged or not this person's


@dataclass(frozen=True)
class WorkerPass:
    """A worker pass as the ledger knows it. `expires_on` overrides issue + validity days."""

    person_id: str
    issued_on: date
    revoked: bool = False
    expires_on: date | None = None

    def last_valid_day(self, policy: Policy) -> date:
        """The pass is valid through this day (a 90-day pass issued 1 June: through 29 Aug)."""
        if self.expires_on is not None:
            return self.expires_on
        return self.issued_on + timedelta(days=policy.pass_validity_days - 1)


def pledges_in_force(signed_on: date | None, today: date, policy: Policy) -> bool:
    """Pledges signed `pledge_validity_days` days ago or more have lapsed."""
    return signed_on is not None and 0 <= (today - signed_on).days < policy.pledge_validity_days


@dataclass(frozen=True)
class ReturningEligibility:
    """The answer for the kiosk: eligible, or every reason why not (first one shown)."""

    issues: tuple[ReturningIssue, ...] = ()

    @property
    def eligible(self) -> bool:
        return not self.issues

    @property
    def reason(self) -> ReturningIssue | None:
        return self.issues[0] if self.issues else None

    def message(self, lang: str = "en") -> str:
        code = f"returning.{self.reason.value}" if self.reason else "returning.eligible"
        return messages.text(code, lang)

    @classmethod
    def check(
        cls,
        *,
        registered: bool,
        worker_pass: WorkerPass | None,
        pledges_signed_on: date | None,
        today: date,
        policy: Policy,
    ) -> ReturningEligibility:
        """Decide the path for a person the kiosk recognised (or did not)."""
        if not registered or worker_pass is None:
            return cls((ReturningIssue.NOT_REGISTERED,))
        issues: list[ReturningIssue] = []
        if worker_pass.revoked:
            issues.append(ReturningIssue.PASS_REVOKED)
        if today > worker_pass.last_valid_day(policy) or today < worker_pass.issued_on:
            issues.append(ReturningIssue.PASS_EXPIRED)
        if not pledges_in_force(pledges_signed_on, today, policy):
            issues.append(ReturningIssue.PLEDGES_LAPSED)
        return cls(tuple(issues))


def check_returning(
    *,
    registered: bool,
    worker_pass: WorkerPass | None,
    pledges_signed_on: date | None,
    today: date,
    policy: Policy,
) -> ReturningEligibility:
    """Shorthand for `ReturningEligibility.check`."""
    return ReturningEligibility.check(
        registered=registered,
        worker_pass=worker_pass,
        pledges_signed_on=pledges_signed_on,
        today=today,
        policy=policy,
    )
