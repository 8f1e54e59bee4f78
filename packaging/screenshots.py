"""Render every kiosk screen in each language to docs/screenshots/<screen>-<lang>.png.

    .venv/bin/python packaging/screenshots.py [--out DIR]

Off screen, 1280x800. The screens are driven through the real flow on a throwaway
ledger with a stepping clock; the start screen's figures are a plausible day at the
gate, not read from any ledger.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (1280, 800)
LANGS = ("en", "zh_CN")

PERSON = {
    "id_type": "resident_id", "id_number": "410122198506121237", "name": "张伟",
    "phone": "13800138000", "employer": "中牟建设集团", "role": "钢筋工",
    "coming_from": "河南省周口市", "recent_stays": "郑州 2020-02-20",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    # Set before Qt starts: a screenshot needs no screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from gatekeeper.domain.policy import Policy
    from gatekeeper.ledger import Ledger
    from gatekeeper.services.clock import SteppingClock
    from gatekeeper.services.figures import DayStats
    from gatekeeper.services.gate import GateService
    from gatekeeper.services.session import GateSession
    from gatekeeper.ui import theme
    from gatekeeper.ui.main_window import MainWindow
    from gatekeeper.ui.translations import (
        LanguageSwitcher,
        default_resources_dir,
        ensure_compiled,
    )

    class Silent:
        def play(self, outcome: str) -> None:
            """No sound for screenshots."""

    app = QApplication(sys.argv[:1])
    app.setFont(theme.base_font())
    resources = default_resources_dir()
    ensure_compiled(resources)
    languages = LanguageSwitcher(app, resources / "i18n")
    day = DayStats(date="2020-03-02", admitted=148, turned_away=3,
                   turned_away_by_reason={"no_certificate": 3}, quarantined=1, in_quarantine=2)
    policy = Policy(quarantine_contact_phone="0371-6221 0000")
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0

    simulated = _simulated_ledger()
    for lang in LANGS:
        if not languages.set_language(lang):
            raise SystemExit(f"no translations for {lang}")
        with tempfile.TemporaryDirectory() as tmp:
            clock = SteppingClock(datetime(2020, 3, 2, 8, 0, tzinfo=policy.tz))
            ledger = Ledger.open(Path(tmp) / "gatekeeper.db", create=True)
            session = GateSession(ledger, policy, clock, GateService(ledger, policy, clock))
            window = MainWindow(languages, lambda: day, db_path=Path("gatekeeper.db"),
                                session=session, sound=Silent())
            window.resize(*SIZE)
            window.show()
            flow = window.flow
            assert flow is not None

            def shot(name: str, window: MainWindow = window, lang: str = lang) -> None:
                nonlocal written
                app.processEvents()
                image = window.grab()
                question = window.question
                crash = getattr(window, "crash_reporter", None)
                if crash is not None and crash.dialog is not None:
                    question = crash.dialog
                if question is not None and question.isVisible():
                    question.adjustSize()
                    dialog = question.grab()
                    painter = QPainter(image)
                    painter.fillRect(image.rect(), theme_dim())
                    painter.drawPixmap((image.width() - dialog.width()) // 2,
                                       (image.height() - dialog.height()) // 2, dialog)
                    painter.end()
                path = args.out / f"{name}-{lang}.png"
                if not image.save(str(path)):
                    raise SystemExit(f"could not write {path}")
                written += 1
                print(f"wrote {path}")

            def walk(steps: list[tuple[str | None, Callable[[], None]]]) -> None:
                for name, action in steps:
                    action()
                    if name:
                        shot(name)

            walk(_screens(window, flow, clock, _signature_png()))
            window.question.reject() if window.question else None
            window._close_confirmed = True
            window.close()
            ledger.close()
        written += _manager_screens(app, languages, lang, simulated, args.out)
    languages.set_language("en")
    print(f"{written} screenshots")
    return 0


def _screens(window, flow, clock, signature) -> list:
    """(screen name or None, action): the walk through every screen, in order."""
    return [
        ("start", lambda: None),
        ("pass_scan", flow.choose_returning),
        ("vehicle_plate", lambda: flow.choose_channel("vehicle")),
        ("certificate", lambda: flow.submit_plate("豫A12345")),
        (None, lambda: flow.submit_certificate("health_certificate", "HC-0042",
                                               "2020-12-31")),
        ("temperature", lambda: flow.submit_temperature("38.1")),
        (None, lambda: (clock.advance(seconds=301), flow.tick_rest())),
        ("disinfection", lambda: flow.submit_temperature("36.5")),
        ("registration", lambda: flow.submit_disinfection(True)),
        ("registration_error", lambda: _registration_error(window, flow)),
        ("qr_scan", lambda: flow.submit_registration({**PERSON, "role": "司机"})),
        (None, lambda: flow.submit_scan("health_code", "ok", "")),
        ("pledge", lambda: flow.submit_scan("itinerary_code", "ok", "")),
        ("notice", lambda: flow.submit_signature(signature)),
        ("vehicle_next", flow.submit_notice),
        (None, flow.add_passenger),
        (None, lambda: flow.submit_certificate("entry_pass", "EP-7", "")),
        (None, lambda: flow.submit_temperature("38.5")),
        (None, lambda: (clock.advance(seconds=301), flow.submit_temperature("38.4"))),
        ("quarantine_registration",
         lambda: (clock.advance(seconds=301), flow.submit_temperature("38.6"))),
        (None, lambda: flow.submit_quarantine_registration(
            {**PERSON, "id_type": "passport", "id_number": "G12345678",
             "name": "王芳"})),
        ("outcome-admitted", flow.vehicle_done),
        (None, flow.outcome_done),
        (None, lambda: flow.choose_channel("worker")),
        ("outcome-turned_away", lambda: flow.submit_certificate("", "", "")),
        (None, flow.outcome_done),
        (None, lambda: flow.choose_channel("visitor")),
        (None, lambda: flow.submit_certificate("health_certificate", "HC-1", "")),
        ("outcome-quarantined", lambda: _quarantine(flow, clock, PERSON)),
        (None, flow.outcome_done),
        (None, lambda: flow.choose_channel("worker")),
        ("abandon_question", window.ask_abandon),
        ("outcome-abandoned", lambda: window.question.accept()),
        (None, flow.outcome_done),
        # A ledger that refuses the write: said on the page, the reading still typed.
        (None, lambda: flow.choose_channel("visitor")),
        (None, lambda: flow.submit_certificate("health_certificate", "HC-3", "")),
        ("error-disk_full", lambda: _refused(window, flow, "disk_full")),
        (None, lambda: flow.submit_temperature("36.5")),
        ("error-read_only", lambda: _refused(window, flow, "read_only")),
        (None, window.ask_abandon),
        (None, lambda: window.question.accept()),
        (None, flow.outcome_done),
        ("error-locked_start", lambda: _refused(window, flow, "locked")),
        ("error-unexpected", lambda: _crash(window)),
        (None, lambda: _close_crash(window)),
        (None, lambda: flow.choose_channel("worker")),
        (None, lambda: flow.submit_certificate("health_certificate", "HC-2", "")),
        ("recovery_dialog", window.offer_recovery),

    ]


SIM_DAYS = 16


def _simulated_ledger() -> Path:
    """Sixteen days of simulated traffic (60 people) for the manager console's shots."""
    from datetime import date

    from gatekeeper.domain.policy import Policy
    from gatekeeper.ledger import Ledger
    from gatekeeper.simulation.traffic import Simulation

    path = Path(tempfile.mkdtemp(prefix="gk-shots-")) / "simulated.db"
    with Ledger.open(path, create=True, kiosk_id="gate-1") as ledger:
        Simulation(ledger, Policy(), people=60, seed=3, start=date(2020, 3, 1)).run(SIM_DAYS)
    return path


def _manager_screens(app, languages, lang: str, simulated: Path, out: Path) -> int:
    """The manager console on a copy of the simulated ledger: the dashboard at the end of
    the last day; the next morning's round half done (two zones disinfected); a quarantine
    case with its checks."""
    import shutil

    from gatekeeper.domain.policy import Policy
    from gatekeeper.domain.vocab import RoundSlot, Zone
    from gatekeeper.ledger import Ledger
    from gatekeeper.services import site
    from gatekeeper.services.clock import SteppingClock
    from gatekeeper.services.gate import GateService
    from gatekeeper.services.session import GateSession
    from gatekeeper.ui.main_window import MainWindow

    policy = Policy()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gatekeeper.db"
        shutil.copyfile(simulated, path)
        clock = SteppingClock(datetime(2020, 3, SIM_DAYS, 20, 0, tzinfo=policy.tz))
        ledger = Ledger.open(path)
        service = GateService(ledger, policy, clock)
        window = MainWindow(languages, session=GateSession(ledger, policy, clock, service),
                            db_path=Path("gatekeeper.db"))
        window.resize(*SIZE)
        window.show()
        written = 0

        def shot(name: str) -> None:
            nonlocal written
            app.processEvents()
            target = out / f"{name}-{lang}.png"
            if not window.grab().save(str(target)):
                raise SystemExit(f"could not write {target}")
            written += 1
            print(f"wrote {target}")

        def dialog_shot(name: str, dialog) -> None:  # type: ignore[no-untyped-def]
            nonlocal written
            app.processEvents()
            target = out / f"{name}-{lang}.png"
            if not dialog.grab().save(str(target)):
                raise SystemExit(f"could not write {target}")
            written += 1
            print(f"wrote {target}")

        from gatekeeper.services import accounts

        window.open_manager()  # first start: asks for the site manager's account
        dialog_shot("manager_first_start", window.sign_in_dialog)
        window.sign_in_dialog.reject()
        manager = accounts.create_first_manager(
            ledger, username="wang", display_name="王建国", pin="246810", now=clock.now())
        wang = manager.actor  # what the services take as proof of who records
        assert wang is not None
        window.open_manager()  # from now on: sign in
        dialog_shot("manager_signin", window.sign_in_dialog)
        window.sign_in_dialog.reject()
        window.enter_console(manager)
        shot("manager_dashboard")
        clock.advance(hours=13, minutes=45)  # the next morning, 09:45
        people = site.on_site(ledger, service.now())
        readings = [(p.person_id, 36.2 + (i % 7) / 10) for i, p in enumerate(people[::2])]
        service.record_round(RoundSlot.MORNING, readings, wang)
        for zone in (Zone.MANAGEMENT, Zone.CONSTRUCTION):
            service.record_disinfection(zone, RoundSlot.MORNING, wang)
        window.manager.show_page("rounds")
        rounds = window.manager.rounds
        rounds.select(rounds.missing()[0].person_id)
        rounds.reading_edit.setText("36.7")
        shot("manager_rounds")
        window.manager.show_page("quarantine")
        page = window.manager.quarantine
        if page.cases:
            page.select(page.cases[0].case_id)
            page.temperature_edit.setText("36.5")
            page.choose(page.decision_buttons.__iter__().__next__())
        shot("manager_quarantine")
        window.manager.show_page("review")
        review_page = window.manager.review
        person = next(iter(site.open_quarantine_cases(ledger, policy, service.now())), None)
        if person is not None:
            review_page.from_edit.setDate(review_page.from_edit.date().addDays(-16))
            review_page.show_timeline(person.person_id)
        review_page.check_ledger()
        deadline = datetime.now().timestamp() + 30
        while review_page.checking() and datetime.now().timestamp() < deadline:
            app.processEvents()
        shot("manager_review")
        window.manager.show_page("passes")
        passes = window.manager.passes
        passes.key_dir = Path(tmp) / "keys"  # a throwaway site key, not the user's
        passes.name_edit.setText("赵建民")
        passes.id_edit.setText("410102198506123034")
        passes.phone_edit.setText("13800138000")
        passes.employer_edit.setText("中牟建设集团")
        passes.issue()
        shot("manager_passes")
        window.manager.show_page("policy")
        shot("manager_policy")
        accounts.create_account(
            ledger, username="li.guard", role="gate_staff", display_name="李建国", pin="135790",
            now=service.now(), by=wang)  # fmt: skip
        accounts.create_account(
            ledger, username="zhou.insp", role="inspector", display_name="周督导", pin="135790",
            now=service.now(), by=wang)  # fmt: skip
        window.manager.show_page("accounts")
        accounts_page = window.manager.accounts
        accounts_page.username_edit.setText("zhao.jm")
        accounts_page.name_edit.setText("赵建民")
        accounts_page.pin_edit.setText("2468")
        accounts_page.again_edit.setText("2468")
        shot("manager_accounts")
        export = window.manager.open_export()
        if export is not None:
            dialog_shot("manager_export", export)
            window.manager.close_export()
        window._close_confirmed = True
        window.close()
        ledger.close()
    return written


def theme_dim():
    from PySide6.QtGui import QColor

    return QColor(0, 0, 0, 110)


def _registration_error(window, flow) -> None:
    from gatekeeper.ui.flow import Page

    page = window.page_widget(Page.REGISTRATION)
    page.edits["id_number"].setText("410122198506121234")
    page.edits["name"].setText("张伟")
    page.edits["phone"].setText("12345")
    flow.validate_field("id_number", "410122198506121234")
    flow.validate_field("phone", "12345")


def _refused(window, flow, failure: str) -> None:
    """The real ledger refuses the next write (SQLite's own error, see tests/ledger_faults.py)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from ledger_faults import FAILURES

    from gatekeeper.ui.flow import Page

    ledger = window.session.ledger
    with FAILURES[failure](ledger):
        if flow.page is Page.TEMPERATURE:
            window.page_widget(Page.TEMPERATURE).reading_edit.setText("36.5")
            flow.submit_temperature("36.5")
        elif flow.page is Page.DISINFECTION:
            flow.submit_disinfection(False)
        else:
            flow.choose_channel("worker")


def _crash(window) -> None:
    """The dialog an unexpected error brings up (the error is made, not real)."""
    from gatekeeper.ui.crash import CrashReporter

    window.notice.dismiss()
    window.crash_reporter = CrashReporter(Path("~/.local/state/GateKeeper/log/gatekeeper.log"))
    try:
        raise KeyError("example")
    except KeyError as exc:
        window.crash_reporter.excepthook(type(exc), exc, exc.__traceback__)


def _close_crash(window) -> None:
    window.crash_reporter.dialog.accept()


def _quarantine(flow, clock, person) -> None:
    for reading in ("38.5", "38.4", "38.6"):
        flow.submit_temperature(reading)
        clock.advance(seconds=301)
    flow.submit_quarantine_registration(person)


def _signature_png() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
    from PySide6.QtGui import QImage, QPainter, QPen

    image = QImage(400, 120, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setPen(QPen(Qt.GlobalColor.black, 3))
    points = [QPointF(20 + i * 30, 60 + (25 if i % 2 else -25)) for i in range(12)]
    for a, b in itertools.pairwise(points):
        painter.drawLine(a, b)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


if __name__ == "__main__":
    raise SystemExit(main())
