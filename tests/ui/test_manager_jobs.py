"""Background work of the manager pages (`ManagerPage.run_job`, `ServiceJob`): the work
gets a service of its own over its own ledger connection, opened on the worker thread;
the result or the error comes back on the UI thread; a stopped job calls nobody back,
and one that outlives its wait is kept until it ends, not destroyed while running."""

from __future__ import annotations

import threading

import pytest
from console_support import MANAGER_PIN, add_account, admit, sign_in
from kiosk_support import Kiosk

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import RoundSlot, Zone
from gatekeeper.services.console import ConsoleService
from gatekeeper.ui.manager import jobs
from gatekeeper.ui.manager.page import ManagerPage


def signed_in(k: Kiosk) -> ConsoleService:
    add_account(k.ledger, "manager", "site_manager")
    service = ConsoleService.over(k.session.service)
    account = service.signing_in().sign_in("manager", MANAGER_PIN)
    service.act_as(account.actor)
    return service


def page_over(qtbot, service: ConsoleService) -> ManagerPage:  # type: ignore[no-untyped-def]
    page = ManagerPage("testPage", service, service.can)
    qtbot.addWidget(page)
    return page


def test_the_work_runs_on_its_own_service_and_answers_on_the_ui_thread(qtbot, kiosk: Kiosk):
    k = kiosk
    admit(k.session.service, "201", "张三明")
    service = signed_in(k)
    page = page_over(qtbot, service)
    seen: dict[str, object] = {}

    def work(own: ConsoleService) -> int:
        seen["thread"] = threading.get_ident()
        seen["own"] = own is not service and own.actor is service.actor
        seen["path"] = own.ledger_path == service.ledger_path
        own.record_disinfection(Zone.LIVING, RoundSlot.MORNING)  # writes on its connection
        return len(own.on_site())

    results: list[tuple[int, int]] = []
    page.run_job(work, lambda n: results.append((n, threading.get_ident())), seen.setdefault)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert not page.busy()
    ((on_site, answered_on),) = results
    assert on_site == 1 and answered_on == threading.get_ident() != seen["thread"]
    assert seen["own"] is True and seen["path"] is True
    (record,) = k.records(kind="disinfection")  # written by the job, read on the UI's
    assert record.body["by"] == "manager"


def test_a_readonly_job_cannot_write_and_says_so(qtbot, kiosk: Kiosk) -> None:
    k = kiosk
    page = page_over(qtbot, signed_in(k))
    errors: list[Exception] = []
    page.run_job(lambda own: own.record_disinfection(Zone.LIVING, RoundSlot.MORNING),
                 lambda _r: None, errors.append, readonly=True)  # fmt: skip
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert k.records(kind="disinfection") == []


def test_a_stopped_job_calls_nobody_back_and_outlives_no_widget(qtbot, kiosk: Kiosk) -> None:
    k = kiosk
    page = page_over(qtbot, signed_in(k))
    release = threading.Event()
    answers: list[object] = []

    def work(own: ConsoleService) -> str:
        release.wait(10)
        return "done"

    job = page.run_job(work, answers.append, answers.append)
    assert page.busy()
    page.shutdown(timeout_ms=50)  # the work does not finish in 50 ms
    assert job.stopping and job.isRunning() and job.parent() is None
    assert page.jobs == []
    page.deleteLater()  # the page may go; the thread object is kept
    qtbot.wait(10)
    release.set()
    jobs.wait_all()
    assert not job.isRunning()
    qtbot.wait(50)  # the queued result, if it were delivered
    assert answers == []


def test_sign_in_service_first_manager_then_sign_in(kiosk: Kiosk) -> None:
    k = kiosk
    signin = ConsoleService.over(k.session.service).signing_in()
    assert signin.needs_first_manager()
    account = signin.create_first_manager(username="wang", display_name="王经理",
                                          pin=MANAGER_PIN)  # fmt: skip
    assert account.actor is not None and not signin.needs_first_manager()
    assert [r.body["result"] for r in k.records(kind="sign_in")] == ["ok"]
    assert signin.sign_in("wang", MANAGER_PIN).username == "wang"


def test_the_console_service_records_only_as_someone_signed_in(kiosk: Kiosk) -> None:
    k = kiosk
    service = ConsoleService.over(k.session.service)
    with pytest.raises(RuntimeError, match="without a sign-in"):
        service.record_disinfection(Zone.LIVING, RoundSlot.MORNING)
    console = sign_in(k, "inspector", role="inspector")
    assert console.service.actor is not None and console.service.actor.username == "inspector"
    with pytest.raises(LocalizedError, match="only a site manager may"):
        console.service.record_disinfection(Zone.LIVING, RoundSlot.MORNING)
    k.click(console.back_button)  # signing out takes the actor back
    assert console.service.actor is None
    assert k.records(kind="disinfection") == []
