"""Render every screen of the kiosk and the manager console, in each language and at
two window sizes, to docs/screenshots/:

    .venv/bin/python packaging/screenshots.py [--out DIR] [--only landscape|portrait]

1280x800 (landscape) to <screen>-<lang>.png, 1080x1920 (a portrait totem) to
portrait/<screen>-<lang>.png. Off screen. The screens are driven through the real flow
on a throwaway ledger with a stepping clock; the start screen's figures are a
plausible day at the gate, not read from any ledger. `kiosk_walk` and `manager_walk`
are also what tests/ui/test_screen_sizes.py walks at every supported screen size.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"landscape": (1280, 800), "portrait": (1080, 1920)}
FOLDERS = {"landscape": "", "portrait": "portrait"}
LANGS = ("en", "zh_CN")

PERSON = {
    "id_type": "resident_id", "id_number": "410122198506121237", "name": "张伟",
    "phone": "13800138000", "employer": "中牟建设集团", "role": "钢筋工",
    "coming_from": "河南省周口市", "recent_stays": "郑州 2020-02-20",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", choices=sorted(SIZES), default=None)
    args = parser.parse_args(argv)

    # Set before Qt starts: a screenshot needs no screen.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from gatekeeper.ui import theme
    from gatekeeper.ui.dialogs import place_over
    from gatekeeper.ui.translations import (
        LanguageSwitcher,
        default_resources_dir,
        ensure_compiled,
    )

    app = QApplication(sys.argv[:1])
    app.setFont(theme.base_font())
    resources = default_resources_dir()
    ensure_compiled(resources)
    languages = LanguageSwitcher(app, resources / "i18n")
    written = 0

    simulated = simulated_ledger()
    for shape, size in SIZES.items():
        if args.only and shape != args.only:
            continue
        out = args.out / FOLDERS[shape]
        out.mkdir(parents=True, exist_ok=True)
        for lang in LANGS:
            if not languages.set_language(lang):
                raise SystemExit(f"no translations for {lang}")

            def shot(name: str, window, dialog=None, lang: str = lang, out: Path = out) -> None:
                nonlocal written
                app.processEvents()
                image = window.grab()
                if dialog is not None and dialog.isVisible() and dialog is not window:
                    place_over(dialog, window)
                    app.processEvents()  # its layout at its new size
                    grabbed = dialog.grab()
                    painter = QPainter(image)
                    painter.fillRect(image.rect(), theme_dim())
                    painter.drawPixmap((image.width() - grabbed.width()) // 2,
                                       (image.height() - grabbed.height()) // 2, grabbed)
                    painter.end()
                path = out / f"{name}-{lang}.png"
                if not image.save(str(path)):
                    raise SystemExit(f"could not write {path}")
                written += 1
                print(f"wrote {path}")

            with KioskWindow(languages, size) as (window, clock):
                for name, dialog in kiosk_walk(window, clock):
                    shot(name, window, dialog)
            with ManagerWindow(languages, simulated, size) as (window, ledger, clock):
                for name, dialog in manager_walk(window, ledger, clock):
                    shot(name, window, dialog)
    languages.set_language("en")
    print(f"{written} screenshots")
    return 0


class Silent:
    def play(self, outcome: str) -> None:
        """No sound for screenshots."""


class KioskWindow:
    """The kiosk's MainWindow on a throwaway ledger at `size`: (window, clock)."""

    def __init__(self, languages, size: tuple[int, int]) -> None:
        self.languages, self.size = languages, size

    def __enter__(self):
        from gatekeeper.domain.policy import Policy
        from gatekeeper.ledger import Ledger
        from gatekeeper.services.clock import SteppingClock
        from gatekeeper.services.figures import DayStats
        from gatekeeper.services.gate import GateService
        from gatekeeper.services.session import GateSession
        from gatekeeper.ui.main_window import MainWindow

        day = DayStats(date="2020-03-02", admitted=148, turned_away=3,
                       turned_away_by_reason={"no_certificate": 3}, quarantined=1,
                       in_quarantine=2)  # fmt: skip
        policy = Policy(quarantine_contact_phone="0371-6221 0000")
        self.tmp = tempfile.TemporaryDirectory()
        clock = SteppingClock(datetime(2020, 3, 2, 8, 0, tzinfo=policy.tz))
        self.ledger = Ledger.open(Path(self.tmp.name) / "gatekeeper.db", create=True)
        session = GateSession(self.ledger, policy, clock,
                              GateService(self.ledger, policy, clock))  # fmt: skip
        self.window = MainWindow(self.languages, lambda: day, db_path=Path("gatekeeper.db"),
                                 session=session, sound=Silent())
        self.window.resize(*self.size)
        self.window.show()
        return self.window, clock

    def __exit__(self, *exc) -> None:
        window = self.window
        window.question.reject() if window.question else None
        window._close_confirmed = True
        window.close()
        window.deleteLater()
        self.ledger.close()
        self.tmp.cleanup()


def kiosk_walk(window, clock) -> Iterator[tuple[str, object]]:
    """Every kiosk screen in turn, driven through the real flow: yields (name, the
    dialog up over the window or None) with the screen in view."""
    flow = window.flow
    assert flow is not None
    for name, action in _screens(window, flow, clock, _signature_png()):
        action()
        if name:
            yield name, _dialog_up(window)


def _dialog_up(window):
    crash = getattr(window, "crash_reporter", None)
    if crash is not None and crash.dialog is not None and crash.dialog.isVisible():
        return crash.dialog
    for dialog in (window.question, window.sign_in_dialog):
        if dialog is not None and dialog.isVisible():
            return dialog
    return None


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
        ("qr_manager_check", lambda: window.ask_manual_check("health_code", "ok")),
        (None, lambda: window.sign_in_dialog.reject()),
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


def simulated_ledger(path: Path | None = None) -> Path:
    """Sixteen days of simulated traffic (60 people) for the manager console's shots, at
    `path` (default: a new temporary folder)."""
    from datetime import date

    from gatekeeper.domain.policy import Policy
    from gatekeeper.ledger import Ledger
    from gatekeeper.simulation.traffic import Simulation

    path = path or Path(tempfile.mkdtemp(prefix="gk-shots-")) / "simulated.db"
    with Ledger.open(path, create=True, kiosk_id="gate-1") as ledger:
        Simulation(ledger, Policy(), people=60, seed=3, start=date(2020, 3, 1)).run(SIM_DAYS)
    return path


class ManagerWindow:
    """The MainWindow on a copy of the simulated ledger at the end of its last day, at
    `size`: (window, ledger, clock)."""

    def __init__(self, languages, simulated: Path, size: tuple[int, int]) -> None:
        self.languages, self.simulated, self.size = languages, simulated, size

    def __enter__(self):
        import shutil

        from gatekeeper.domain.policy import Policy
        from gatekeeper.ledger import Ledger
        from gatekeeper.services.clock import SteppingClock
        from gatekeeper.services.gate import GateService
        from gatekeeper.services.session import GateSession
        from gatekeeper.ui.main_window import MainWindow

        policy = Policy()
        self.tmp = tempfile.TemporaryDirectory()
        path = Path(self.tmp.name) / "gatekeeper.db"
        shutil.copyfile(self.simulated, path)
        clock = SteppingClock(datetime(2020, 3, SIM_DAYS, 20, 0, tzinfo=policy.tz))
        self.ledger = Ledger.open(path)
        service = GateService(self.ledger, policy, clock)
        self.window = MainWindow(self.languages, db_path=Path("gatekeeper.db"),
                                 session=GateSession(self.ledger, policy, clock, service))
        self.window.resize(*self.size)
        self.window.show()
        return self.window, self.ledger, clock

    def __exit__(self, *exc) -> None:
        self.window._close_confirmed = True
        self.window.close()
        self.window.deleteLater()
        self.ledger.close()
        self.tmp.cleanup()


def manager_walk(window, ledger, clock) -> Iterator[tuple[str, object]]:
    """The manager console, page by page: the first start and the sign-in dialogs, the
    dashboard at the end of the last day; the next morning's round half done (two zones
    disinfected); a quarantine case with its checks; review, passes, policy, accounts
    and the export dialog. Yields (name, the dialog up or None)."""
    from PySide6.QtWidgets import QApplication

    from gatekeeper.domain.vocab import RoundSlot, Zone
    from gatekeeper.services import accounts, site

    app = QApplication.instance()
    service = window.session.service
    policy = window.session.policy
    window.open_manager()  # first start: asks for the site manager's account
    yield "manager_first_start", window.sign_in_dialog
    window.sign_in_dialog.reject()
    manager = accounts.create_first_manager(
        ledger, username="wang", display_name="王建国", pin="246810", now=clock.now())
    wang = manager.actor  # what the services take as proof of who records
    assert wang is not None
    window.open_manager()  # from now on: sign in
    yield "manager_signin", window.sign_in_dialog
    window.sign_in_dialog.reject()
    window.enter_console(manager)
    yield "manager_dashboard", None
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
    yield "manager_rounds", None
    window.manager.show_page("quarantine")
    page = window.manager.quarantine
    if page.cases:
        page.select(page.cases[0].case_id)
        page.temperature_edit.setText("36.5")
        page.choose(page.decision_buttons.__iter__().__next__())
    yield "manager_quarantine", None
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
    yield "manager_review", None
    window.manager.show_page("passes")
    passes = window.manager.passes
    keys = tempfile.TemporaryDirectory()
    passes.key_dir = Path(keys.name)  # a throwaway site key, not the user's
    passes.name_edit.setText("赵建民")
    passes.id_edit.setText("410102198506123034")
    passes.phone_edit.setText("13800138000")
    passes.employer_edit.setText("中牟建设集团")
    passes.issue()
    yield "manager_passes", None
    keys.cleanup()
    window.manager.show_page("policy")
    yield "manager_policy", None
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
    yield "manager_accounts", None
    export = window.manager.open_export()
    if export is not None:
        yield "manager_export", export
        window.manager.close_export()


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
