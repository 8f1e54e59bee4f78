"""Who may take the returning path."""

from __future__ import annotations

from datetime import date, timedelta

from domain_support import POLICY, TODAY

from gatekeeper.domain.returning import ReturningIssue, WorkerPass, check_returning

PASS = WorkerPass("P-1", issued_on=TODAY - timedelta(days=10))


def check(**kw):  # type: ignore[no-untyped-def]
    args = {"registered": True, "worker_pass": PASS,
            "pledges_signed_on": TODAY - timedelta(days=3), "today": TODAY, "policy": POLICY}
    args.update(kw)
    return check_returning(**args)


def test_eligible() -> None:
    result = check()
    assert result.eligible and result.reason is None
    assert "返场" in result.message("zh_CN")


def test_not_registered() -> None:
    assert check(registered=False).reason is ReturningIssue.NOT_REGISTERED
    assert check(worker_pass=None).reason is ReturningIssue.NOT_REGISTERED


def test_pass_expiry_from_validity_days() -> None:
    issued = date(2020, 1, 1)
    p = WorkerPass("P-1", issued_on=issued)
    assert p.last_valid_day(POLICY) == issued + timedelta(days=89)
    assert check(worker_pass=p, today=issued + timedelta(days=89),
                 pledges_signed_on=issued + timedelta(days=80)).eligible
    late = check(worker_pass=p, today=issued + timedelta(days=90),
                 pledges_signed_on=issued + timedelta(days=80))
    assert late.reason is ReturningIssue.PASS_EXPIRED
    assert "first-time" in late.message("en")


def test_explicit_expiry_and_revocation() -> None:
    assert check(worker_pass=WorkerPass("P-1", TODAY - timedelta(days=5),
                                        expires_on=TODAY - timedelta(days=1))
                 ).reason is ReturningIssue.PASS_EXPIRED
    revoked = check(worker_pass=WorkerPass("P-1", TODAY, revoked=True),
                    pledges_signed_on=None)
    assert revoked.issues == (ReturningIssue.PASS_REVOKED, ReturningIssue.PLEDGES_LAPSED)


def test_pledges_lapse_after_validity_days() -> None:
    assert check(pledges_signed_on=TODAY - timedelta(days=29)).eligible
    assert check(pledges_signed_on=TODAY - timedelta(days=30)).reason is (
        ReturningIssue.PLEDGES_LAPSED)
    assert check(pledges_signed_on=None).reason is ReturningIssue.PLEDGES_LAPSED
