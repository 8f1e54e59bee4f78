"""The kiosk's one window: a header with the language switch, the pages, a notice banner.

Pages live in a ``QStackedWidget``: the start screen, and with a `GateSession` the
screening pages driven by a `KioskFlow` (see `screens.py`). Leaving kiosk mode needs
the PIN; closing mid-screening asks first (the draft is already saved either way).

Scans: the window's one `CameraView` (if the kiosk has a camera) is moved into the page
that takes scans (pass page, QR step) and runs only while that page is up; leaving it or
closing the window stops it (its thread joined). What it reads, and the USB scanner's
bursts aimed where a code is expected (`scan_received`, connected by `run_gui`; a burst
into a text field is typed there, see `scan_burst`), go to `KioskFlow.scanned`; a page
that takes no scan gets a short notice instead, which goes away with the next page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gatekeeper.devices.thermometer import DeviceState, ReadingWait
from gatekeeper.domain import messages
from gatekeeper.domain.vehicle import VehicleGroup
from gatekeeper.domain.vocab import Channel
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.services.accounts import Account, Action
from gatekeeper.services.figures import DayStats
from gatekeeper.services.gate import GateOpening
from gatekeeper.services.passes import PassService
from gatekeeper.services.session import GateSession
from gatekeeper.ui import reflow, theme
from gatekeeper.ui.devices import LaneRelease, SerialThermometer
from gatekeeper.ui.dialogs import (
    Question,
    abandon_question,
    close_question,
    place_over,
    recovery_question,
)
from gatekeeper.ui.flow import KioskFlow, Page, Work
from gatekeeper.ui.notice import NoticeBanner
from gatekeeper.ui.plain import PlainLabel, window_title
from gatekeeper.ui.screens import build_pages, wire
from gatekeeper.ui.start_screen import StartScreen, channel_name
from gatekeeper.ui.translations import LanguageSwitcher, Retranslating, current_lang

if TYPE_CHECKING:
    from gatekeeper.services.console import ConsoleService

log = logging.getLogger(__name__)

FIGURES_REFRESH_MS = 30_000
# The window may be made this small; its look follows its size (`theme.metrics_for`), so
# the layout does not hold it larger (the smallest supported window, 784x688, fits).
SMALLEST = QSize(640, 480)

# The name of each language in itself: the switch shows the language you would get.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "中文"}

FiguresProvider = Callable[[], DayStats]


class MainWindow(Retranslating, QMainWindow):
    def __init__(
        self,
        languages: LanguageSwitcher,
        figures_provider: FiguresProvider | None = None,
        *,
        db_path: Path | None = None,
        session: GateSession | None = None,
        kiosk_pin: Any = None,
        sound: Any = None,
        camera: QWidget | None = None,
        site_key: SiteKey | None = None,
        log_path: Path | None = None,
        thermometer: SerialThermometer | None = None,
        release: LaneRelease | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.languages = languages
        self.session = session
        if figures_provider is None:
            figures_provider = session.today_figures if session is not None else _no_figures
        self.figures_provider = figures_provider
        self.db_path = db_path or (session.ledger_path if session is not None else None)
        db_path = self.db_path
        self.kiosk_pin = kiosk_pin  # a KioskPin: leaving kiosk mode needs it
        self.kiosk_mode = False
        self._close_confirmed = False
        self.question: Question | None = None  # the question up now, if any
        self._notice_for_page = False  # the notice up is about this page only
        # A serial reading is for the page in view only if read after it was shown.
        self.reading_wait = ReadingWait()
        self.reading_wait.wait_from(time.monotonic())
        self.metrics = theme.DEFAULT_METRICS  # re-made from the window's size (resizeEvent)
        theme.apply(self, self.metrics)
        self.setMinimumSize(SMALLEST)

        # header: where the gate is, and the language switch
        self.header = QFrame(self)
        self.header.setObjectName("header")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.header_title = PlainLabel(self.header)
        self.header_title.setObjectName("headerTitle")
        self.language_button = QPushButton(self.header)
        self.language_button.setObjectName("languageButton")
        self.language_button.setMinimumHeight(theme.TOUCH_MIN)
        self.language_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.language_button.clicked.connect(self.languages.toggle)
        # Notices take the header title's place: always in sight, and nothing on the
        # page moves under a finger when one appears.
        self.notice = NoticeBanner(self.header)
        self.notice.dismissed.connect(self.header_title.show)
        # As tall as its buttons (touch targets: they grow with the screen) or a notice.
        header_row = QHBoxLayout(self.header)
        pad = theme.HEADER_PAD
        header_row.setContentsMargins(theme.SPACE_L, pad, theme.SPACE_L, pad)
        header_row.setSpacing(theme.SPACE_L)
        header_row.addWidget(self.header_title, 1)
        header_row.addWidget(self.notice, 1)
        # Where the sync with the site hub stands (hidden when the kiosk has no hub).
        self.sync_label = PlainLabel(self.header)
        self.sync_label.setObjectName("syncStatus")
        self.sync_label.setContentsMargins(theme.SPACE_M, 0, theme.SPACE_M, 0)  # in its hint
        self.sync_label.hide()
        self._sync_status: Any = None
        # the sync status is never cut: the title gives way first (see _fit_header)
        self.sync_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        header_row.addWidget(self.sync_label)
        header_row.addWidget(self.language_button)
        # The manager console: a discreet header button, only with a ledger open.
        self.manager_button = QPushButton(self.header)
        self.manager_button.setObjectName("managerButton")
        self.manager_button.setMinimumHeight(theme.TOUCH_MIN)
        self.manager_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.manager_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.manager_button.clicked.connect(self.open_manager)
        self.manager_button.setVisible(session is not None)
        header_row.addWidget(self.manager_button)
        self.manager: Any = None  # the ManagerConsole, built on first use
        self._console_service: ConsoleService | None = None  # its service, made with it
        self.account: Account | None = None  # signed in to the console, until it is left
        self.sign_in_dialog: Any = None  # the sign-in (or first-start) dialog up now
        # Kiosk mode: a blank corner button is the way out (it asks for the PIN).
        self.exit_button = QPushButton(self.header)
        self.exit_button.setObjectName("exitCorner")
        self.exit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.exit_button.clicked.connect(self.close)
        self.exit_button.hide()
        header_row.addWidget(self.exit_button)

        # pages
        self.pages = QStackedWidget(self)
        self.start_screen = StartScreen(self.pages)
        self.pages.addWidget(self.start_screen)
        self.start_screen.channel_chosen.connect(self._on_channel_chosen)
        self.start_screen.returning_chosen.connect(self._on_returning_chosen)
        self.flow: KioskFlow | None = None
        self.step_pages: dict[Page, Any] = {}
        self.sound = sound
        self._warmed_up = False
        self.site_key = site_key  # None: passes cannot be verified on this kiosk
        self.log_path = log_path  # where unexpected errors are logged (said on screen)
        # One CameraView for the whole day (a CameraView: start/stop/scanned), moved to
        # whichever page takes scans.
        self.camera = camera
        # The lane's turnstile or door, opened on "admitted" (the session decides when).
        self.release = release
        if release is not None:
            release.setParent(self)
            release.opened.connect(self._lane_opened)
            release.failed.connect(self._lane_failed)
        if session is not None:
            self._build_flow(session)
        if camera is not None:
            camera.setParent(self)
            camera.hide()
            typed = getattr(camera, "typed", None)
            if typed is not None:
                typed.hide()  # the pages have their own field for a typed code
            camera.scanned.connect(self.scan_received)
            if self.flow is not None:
                self.step_pages[Page.QR_SCAN].set_camera_widget(camera)

        # A serial thermometer (run_gui starts it): readings go to the temperature step.
        self.thermometer = thermometer
        self._thermometer_was: DeviceState | None = None
        if thermometer is not None:
            thermometer.setParent(self)
            thermometer.reading.connect(self.thermometer_reading)
            thermometer.state_changed.connect(self._thermometer_state)

        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.figures_timer = QTimer(self)
        self.figures_timer.setInterval(FIGURES_REFRESH_MS)
        self.figures_timer.timeout.connect(self.refresh_figures)

        self.languages.language_changed.connect(self._on_language_changed)
        self.retranslate()

    # --- figures -------------------------------------------------------------------------

    def refresh_figures(self) -> None:
        """Read today's figures and show them; if reading fails, show dashes and log why."""
        try:
            stats = self.figures_provider()
        except Exception:
            log.exception("could not read today's figures")
            self.start_screen.figures.show_unavailable()
            return
        self.start_screen.show_figures(stats)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_figures()
        self.figures_timer.start()
        if not self._warmed_up:
            self._warmed_up = True
            QTimer.singleShot(0, self._warm_up)

    def _warm_up(self) -> None:
        """Pay one-off costs while the start screen waits, not in the first person's
        transitions: loading QtMultimedia for the outcome sound (~60 ms) and PySide's
        first build of QStyle's enums (~45 ms), measured by tests/bench/bench_kiosk.py."""
        self._sound()
        if hasattr(self.sound, "prepare"):
            self.sound.prepare()
        style = self.style()
        style.unpolish(self.start_screen)
        style.polish(self.start_screen)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit(event.size())

    def _fit_header(self, width: int | None = None) -> None:
        """The header's title only when it fits whole beside the header's other widgets
        (a narrow portrait header with the sync status shown has no room for it)."""
        if self.notice.isVisible():  # a notice has the title's place anyway
            return
        row = self.header.layout()
        others = [w for w in (self.sync_label, self.language_button, self.manager_button,
                              self.exit_button) if not w.isHidden()]  # fmt: skip
        margins = row.contentsMargins()
        used = sum(w.sizeHint().width() for w in others) + row.spacing() * len(others)
        room = (width or self.header.width()) - margins.left() - margins.right() - used
        self.header_title.setVisible(room >= self.header_title.sizeHint().width())

    def fit(self, size: QSize) -> None:
        """Type, touch targets and the portrait or landscape layout for a window of
        `size` on its screen (restyled only when the metrics change)."""
        screen = self.screen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
        metrics = theme.metrics_for(size.width(), size.height(), dpi)
        if metrics != self.metrics:
            self.metrics = metrics
            theme.apply(self, metrics)
            reflow.orient(self, metrics.portrait)
        self._fit_header(size.width())
        for dialog in self.findChildren(QDialog):  # a dialog up: its size, over the window
            if dialog.isVisible():
                place_over(dialog, self)

    def hideEvent(self, event: QHideEvent) -> None:
        self.figures_timer.stop()
        super().hideEvent(event)

    # --- kiosk ---------------------------------------------------------------------------

    def show_kiosk(self) -> None:
        """Full screen, no window frame: the gate's screen is this window.

        The geometry is set too: a kiosk often runs X without a window manager, and
        then nobody acts on the full-screen request.
        """
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        self.kiosk_mode = True
        self.exit_button.setVisible(self.kiosk_pin is not None)
        self.showFullScreen()

    def show_start(self) -> None:
        self.pages.setCurrentWidget(self.start_screen)

    # --- the screening flow ----------------------------------------------------------------

    def _build_flow(self, session: GateSession) -> None:
        passes = PassService(session.service, self.site_key) if self.site_key else None
        self.flow = KioskFlow(session.service, self, passes=passes,
                              log_hint=str(self.log_path or ""),
                              open_lane=self.release.open if self.release else None)
        self.step_pages = build_pages(self.pages)
        wire(self.flow, self.step_pages)
        for page in self.step_pages.values():
            if hasattr(page, "abandon_requested"):
                page.abandon_requested.connect(self.ask_abandon)
        self.step_pages[Page.NOTICE].print_requested.connect(self._print_notice)
        self.step_pages[Page.QR_SCAN].manual_chosen.connect(self.ask_manual_check)
        self.flow.page_requested.connect(self._show_page)
        self.flow.state_updated.connect(self._update_page)
        self.flow.field_error.connect(self._field_error)
        self.flow.finished.connect(self.refresh_figures)
        self.flow.outcome_ready.connect(self._play_sound)

    def page_widget(self, page: Page | str) -> QWidget:
        page = Page(page)
        return self.start_screen if page is Page.START else self.step_pages[page]

    def current_page(self) -> Page | None:
        widget = self.pages.currentWidget()
        if widget is self.start_screen:
            return Page.START
        return next((p for p, w in self.step_pages.items() if w is widget), None)

    def _show_page(self, page: str, state: dict[str, Any]) -> None:
        widget = self.page_widget(page)
        if self._notice_for_page and widget is not self.pages.currentWidget():
            self.notice.dismiss()  # a refused scan was about the page just left
        if widget is not self.start_screen:
            widget.reset()
            widget.set_state(state)
        self._place_camera(widget)
        if widget is not self.pages.currentWidget():
            self.reading_wait.wait_from(time.monotonic())
        self.pages.setCurrentWidget(widget)
        if widget is self.start_screen:
            self.start_screen.channel_buttons[Channel.WORKER].setFocus()
        else:
            widget.focus_input()

    # --- the manager console ------------------------------------------------------------

    def _authorise(self, action: Action) -> bool:
        """Whether the account signed in to the manager console may do `action`
        (`accounts.can` on its role); nobody signed in may do nothing. Every console page
        asks before it shows or records anything."""
        return self.account is not None and self.account.can(action)

    def console_service(self) -> ConsoleService | None:
        """The manager console's service over the session's ledger (made on first use);
        None without a session."""
        if self.session is None:
            return None
        if self._console_service is None:
            from gatekeeper.services.console import ConsoleService

            self._console_service = ConsoleService.over(self.session.service)
        return self._console_service

    def open_manager(self) -> None:
        """Sign in (or, on the first start, create the site manager's account), then the
        console over the start screen (never mid-screening)."""
        if self.session is None:
            return
        if self.flow is not None and self.flow.busy:
            self.show_notice(lambda: QCoreApplication.translate(
                "MainWindow", "Finish or abandon this screening before opening the manager "
                "console."))
            return
        if self.sign_in_dialog is not None:
            return
        from gatekeeper.ui.manager.signin import FirstManagerDialog, SignInDialog

        service = self.console_service()
        assert service is not None
        signin = service.signing_in()
        dialog: Any = (FirstManagerDialog(signin, self) if signin.needs_first_manager()
                       else SignInDialog(signin, self))  # fmt: skip
        self.sign_in_dialog = dialog

        def done(result: int) -> None:
            self.sign_in_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.account is not None:
                self.enter_console(dialog.account)

        dialog.finished.connect(done)
        self._open_dialog(dialog)

    def _open_dialog(self, dialog: QDialog) -> None:
        """Open `dialog` (window-modal, `open()`) laid out for the window's orientation,
        at the size its type needs, over the window."""
        reflow.orient(dialog, self.metrics.portrait)
        dialog.open()
        place_over(dialog, self)

    def ask_manual_check(self, kind: str, status: str) -> None:
        """The QR step's "manager checked": a site manager signs in (username and PIN)
        and their Actor decides the code; cancelled, nothing is recorded."""
        if self.flow is None or self.sign_in_dialog is not None:
            return
        from gatekeeper.ui.manager.signin import ManualCheckDialog

        service = self.console_service()
        assert service is not None
        dialog = ManualCheckDialog(service.signing_in(), self)
        self.sign_in_dialog = dialog
        flow = self.flow

        def done(result: int) -> None:
            self.sign_in_dialog = None
            dialog.deleteLater()
            account = dialog.account
            if result == QDialog.DialogCode.Accepted and account is not None:
                flow.submit_manual_check(kind, status, account.actor)
            page = self.step_pages.get(Page.QR_SCAN)
            if page is not None and self.current_page() is Page.QR_SCAN:
                page.focus_input()

        dialog.finished.connect(done)
        self._open_dialog(dialog)

    def enter_console(self, account: Account) -> None:
        """The console for `account` (signed in through `accounts.sign_in`), kept until
        the console is left."""
        service = self.console_service()
        if service is None or not account.can(Action.DASHBOARD):
            return
        self.account = account
        if self.manager is None:
            from gatekeeper.ui.manager.console import ManagerConsole

            self.manager = ManagerConsole(service, self._authorise, parent=self.pages)
            self.manager.back_requested.connect(self.close_manager)
            self.pages.addWidget(self.manager)
            theme.size_rows(self.manager, self.metrics)
            reflow.orient(self.manager, self.metrics.portrait)
        self.manager.set_account(account)
        self.stop_camera()
        self.notice.dismiss()
        self.pages.setCurrentWidget(self.manager)
        self.manager.show_page("dashboard")

    def close_manager(self) -> None:
        """Sign out, back to the kiosk's start screen, with today's figures re-read."""
        self.account = None
        if self.manager is not None:
            self.manager.set_account(None)
        self.show_start()
        self.refresh_figures()
        if self.flow is not None:
            self.start_screen.channel_buttons[Channel.WORKER].setFocus()

    def manager_open(self) -> bool:
        return self.manager is not None and self.pages.currentWidget() is self.manager

    # --- scans -----------------------------------------------------------------------------

    def _place_camera(self, widget: QWidget) -> None:
        """The camera runs on the pages that take scans, and only there."""
        if self.camera is None:
            return
        if widget in (self.step_pages.get(Page.QR_SCAN), self.step_pages.get(Page.PASS_SCAN)):
            widget.set_camera_widget(self.camera)
            self.camera.start()
        else:
            self.stop_camera()

    def stop_camera(self) -> None:
        """Stop the camera (its thread has ended when this returns)."""
        if self.camera is not None:
            self.camera.stop()

    def stop_devices(self) -> None:
        """The camera, the thermometer and any lane release under way: their threads
        have ended (or were waited for) when this returns."""
        self.stop_camera()
        if self.thermometer is not None:
            self.thermometer.stop()
        if self.release is not None:
            self.release.stop()

    def scan_received(self, text: str) -> None:
        """A code from the camera or a USB scanner: the flow takes it for the page in view,
        or a notice says it was not used (it is never typed into a field)."""
        if self.manager is not None and self.pages.currentWidget() is self.manager:
            if self.manager.scanned(text):
                self.notice.dismiss()
                return
            self.show_notice(lambda: QCoreApplication.translate(
                "MainWindow", "A code was scanned, but this screen does not take one: "
                "nothing was entered."), for_page=True)
            return
        if self.flow is None:
            self.show_notice(lambda: QCoreApplication.translate(
                "MainWindow", "No ledger is open: passes cannot be checked here."))
            return
        # Nothing is scanned behind a question or a sign-in (a manager's check included).
        taken = (self.question is None and self.sign_in_dialog is None
                 and self.flow.scanned(text))
        if taken:
            self.notice.dismiss()
            return
        if (self.current_page() is Page.START and self.question is None
                and self.sign_in_dialog is None):
            self.show_notice(lambda: QCoreApplication.translate(
                "MainWindow", "Only a site pass can be scanned here: choose worker, "
                "visitor or goods vehicle first."), for_page=True)
            return
        self.show_notice(lambda: QCoreApplication.translate(
            "MainWindow", "A code was scanned, but this screen does not take one: "
            "nothing was entered."), for_page=True)

    # --- the serial thermometer -------------------------------------------------------------

    def thermometer_reading(self, text: str, at: float) -> None:
        """A reading the serial thermometer sent: the temperature step takes it as typed,
        and the console's rounds page for the person picked there. Anywhere else, with a
        question up, or read before the page in view was shown (or, on the rounds page,
        before the person was picked: someone else's, still on its way), it is nobody's
        reading and is dropped."""
        if self.question is not None:
            return
        if self.manager is not None and self.manager_open():
            self.manager.device_reading(text, at)
            return
        if self.flow is None or not self.reading_wait.takes(at):
            return
        self.flow.device_reading(text)

    def _thermometer_state(self, value: str) -> None:
        """Say plainly whether the thermometer works: on the temperature page always, in
        the header when it goes missing or comes back."""
        state = DeviceState(value)
        if self.thermometer is None or state in (DeviceState.OPENING, DeviceState.STOPPED):
            return
        port = self.thermometer.port
        was, self._thermometer_was = self._thermometer_was, state
        connected = state is DeviceState.CONNECTED
        key = "devices.thermometer_connected" if connected else "devices.thermometer_missing"
        if self.flow is not None:
            self.step_pages[Page.TEMPERATURE].set_device_status(
                lambda lang: messages.text(key, lang, port=port), connected)
        if state is DeviceState.MISSING and was is not DeviceState.MISSING:
            self.show_notice(lambda: messages.text(
                "devices.thermometer_missing", current_lang(), port=port))
        elif connected and was is DeviceState.MISSING:
            self.show_notice(lambda: messages.text(
                "devices.thermometer_back", current_lang(), port=port))

    # --- the lane's release ---------------------------------------------------------------

    def _lane_opened(self, opening: GateOpening, device: str, detail: str) -> None:
        """The lane opened: recorded (a refusal to record is said, the lane stays open)."""
        if self.flow is None:
            return
        problem = self.flow.session.record_gate_opened(opening, device, detail)
        if problem is not None:
            self.show_notice(lambda: problem(current_lang()))

    def _lane_failed(self, opening: GateOpening, device: str, detail: str, error: Any) -> None:
        """Staff are told at once, plainly, to open the lane by hand; the session records
        that it did not open (the admission is recorded all the same)."""
        if self.flow is None:
            return
        told = self.flow.session.record_gate_open_failed(opening, device, detail, error)
        self.show_notice(lambda: told(current_lang()))

    def _update_page(self, page: str, state: dict[str, Any]) -> None:
        self.page_widget(page).set_state(state)

    def _field_error(self, page: str, field: str, message: Any) -> None:
        widget = self.page_widget(page)
        if widget is self.start_screen:  # the start screen has no error line: the header
            if message is not None:
                self.show_notice(lambda: message(current_lang()))
            return
        widget.show_error(field, message)

    def _sound(self) -> Any:
        if self.sound is None:
            from gatekeeper.ui.widgets.outcome_sound import OutcomeSound

            self.sound = OutcomeSound(self)
        return self.sound

    def _play_sound(self, view: Any) -> None:
        self._sound().play(view.outcome.value)

    def _print_notice(self, text: str, title: str) -> None:
        """Print on the default printer; with none attached, save a PDF beside the ledger."""
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        from gatekeeper.ui.widgets.notice_print import notice_to_pdf, print_notice

        page = self.step_pages[Page.NOTICE]
        try:
            if QPrinterInfo.availablePrinters():
                info = QPrinterInfo.defaultPrinter()
                print_notice(text, title, QPrinter(info))
                name = info.printerName()
                page.set_print_status(lambda _lang: QCoreApplication.translate(
                    "MainWindow", "Sent to the printer {name}.").format(name=name))
                return
            folder = (self.db_path.parent if self.db_path else Path.cwd()) / "notices"
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            path = notice_to_pdf(text, title, folder / f"notice-{stamp}.pdf")
            page.set_print_status(lambda _lang: QCoreApplication.translate(
                "MainWindow", "No printer attached: saved as PDF {path}").format(path=path))
        except OSError:
            log.exception("could not print the notice")
            page.set_print_status(lambda _lang: QCoreApplication.translate(
                "MainWindow", "Printing failed: hand over a printed copy."))

    def ask_abandon(self) -> None:
        """Abandon asks first; yes records the person as abandoned."""
        if self.flow is None or not self.flow.busy:
            return
        self._ask(abandon_question(self), self.flow.abandon)

    def _ask(self, question: Question, on_yes: Any, on_no: Any = None) -> None:
        if self.question is not None:
            self.question.close()
            self.question.deleteLater()
        self.question = question

        def done(yes: bool) -> None:
            if self.question is question:
                self.question = None
            question.deleteLater()
            if yes:
                on_yes()
            elif on_no is not None:
                on_no()
            current = self.pages.currentWidget()
            if hasattr(current, "focus_input"):
                current.focus_input()

        question.accepted.connect(lambda: done(True))
        question.rejected.connect(lambda: done(False))
        question.open()
        place_over(question, self)

    def offer_recovery(self) -> None:
        """On start: a screening the last run left unfinished is resumed or recorded."""
        if self.flow is None:
            return
        pending = self.flow.unfinished()
        if not pending:
            return
        work = pending[0]
        flow = self.flow
        self._ask(
            recovery_question(self, lambda: describe_work(work)),
            lambda: flow.resume(work),
            lambda: (flow.record_abandoned(work), self.offer_recovery()),  # then the next
        )

    # --- leaving ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_confirmed:
            self.stop_devices()
            if self.manager is not None:
                self.manager.shutdown()
            super().closeEvent(event)
            return
        if self.kiosk_mode and self.kiosk_pin is not None:
            if not self._pin_ok():
                event.ignore()
                return
        elif self.flow is not None and self.flow.busy:
            event.ignore()
            self._ask(close_question(self), self._close_anyway)
            return
        self._close_confirmed = True
        self.stop_devices()
        if self.manager is not None:
            self.manager.shutdown()
        super().closeEvent(event)

    def show_sync_status(self, status: Any) -> None:
        """A services.sync.SyncStatus from the background sync, said in the header."""
        from gatekeeper.services.sync import status_text

        self._sync_status = status
        text = status_text(status, datetime.now().astimezone(), self.languages.language)
        self.sync_label.setText(text)
        self.sync_label.setProperty("alert", bool(status.refused or status.offline_since))
        self.sync_label.style().unpolish(self.sync_label)
        self.sync_label.style().polish(self.sync_label)
        self.sync_label.setVisible(bool(text))
        self._fit_header()

    def _close_anyway(self) -> None:
        self._close_confirmed = True
        self.close()

    def _pin_ok(self) -> bool:
        from gatekeeper.ui.widgets.pin_dialog import PinDialog

        now = self.session.clock.now if self.session is not None else datetime.now().astimezone
        return bool(PinDialog.ask(self, self.kiosk_pin, now))

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        name = QCoreApplication.translate("StartScreen", "GateKeeper")
        self.setWindowTitle(window_title(f"{name} — {self.db_path}" if self.db_path else name))
        self.header_title.setText(
            QCoreApplication.translate("MainWindow", "Worksite entry checkpoint")
        )
        other = "en" if self.languages.language != "en" else "zh_CN"
        self.language_button.setText(LANGUAGE_NAMES[other])
        if getattr(self, "_sync_status", None) is not None:
            self.show_sync_status(self._sync_status)
        self.language_button.setToolTip(
            QCoreApplication.translate("MainWindow", "Switch the screen's language")
        )
        self.manager_button.setText(QCoreApplication.translate("MainWindow", "Manager"))
        self.manager_button.setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Site managers and inspectors: sign in for the dashboard, rounds, "
                "quarantine, review and exports")
        )

    def _on_language_changed(self, _lang: str) -> None:
        # The switch's label depends on the language even when no translator changed
        # (a catalogue that failed to load keeps the source language).
        self.retranslate()

    # --- what the start screen asks for ----------------------------------------------------

    def show_notice(self, message: Callable[[], str], *, for_page: bool = False) -> None:
        """A non-modal notice in the header; `message` returns the text in the current
        language (it is called again when the language changes). `for_page`: it is
        about the page in view (a refused scan) and goes away when another page shows."""
        self._notice_for_page = for_page
        self.header_title.hide()
        self.notice.show_message(message)

    def _on_channel_chosen(self, value: str) -> None:
        channel = Channel(value)
        if self.flow is not None:
            self.notice.dismiss()
            self.flow.choose_channel(channel.value)
            return
        self.show_notice(
            lambda: QCoreApplication.translate(
                "MainWindow", "{channel}: no ledger is open, so nobody can be screened here."
            ).format(channel=channel_name(channel))
        )

    def _on_returning_chosen(self) -> None:
        if self.flow is not None:
            self.notice.dismiss()
            self.flow.choose_returning()
            return
        self.show_notice(
            lambda: QCoreApplication.translate(
                "MainWindow", "No ledger is open: passes cannot be checked here."
            )
        )


def _no_figures() -> DayStats:
    return DayStats(date=datetime.now().date().isoformat())


def describe_work(work: Work) -> str:
    """One line for the recovery question: who, since when, at which step."""
    lang = current_lang()
    if isinstance(work, VehicleGroup):
        person = next((p for p in work.people if not p.is_over), work.people[-1])
        who = f"{messages.text(Channel.VEHICLE, lang)} {work.plate}"
    else:
        person = work
        who = messages.text(work.channel, lang)
    since = person.started_at.astimezone(person.policy.tz).strftime("%H:%M")
    step = person.current_step
    where = messages.text(step, lang) if step is not None else messages.text(
        person.outcome.outcome, lang) if person.outcome else ""
    return f"{who} · {since} · {where}"
