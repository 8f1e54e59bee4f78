"""Start the GUI: the application, the translators, the main window."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from gatekeeper.devices.thermometer import ThermometerWorker
from gatekeeper.devices.turnstile import release_from_policy
from gatekeeper.domain.i18n import LocalizedError, Text, system_lang
from gatekeeper.scanner import keys
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.services.figures import DayStats
from gatekeeper.services.kiosk_pin import KioskPin
from gatekeeper.services.locations import default_kiosk_pin_path, default_log_path
from gatekeeper.services.session import GateSession
from gatekeeper.ui import theme
from gatekeeper.ui.crash import CrashReporter, LogFile
from gatekeeper.ui.devices import LaneRelease, SerialThermometer
from gatekeeper.ui.main_window import FiguresProvider, MainWindow
from gatekeeper.ui.scan_burst import ScanBurstFilter
from gatekeeper.ui.translations import LanguageSwitcher, default_resources_dir, ensure_compiled

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)
TITLE_BAR = QSize(0, 40)


def initial_size(available: QSize | None) -> QSize:
    """The window's size when it opens windowed on a screen with `available` room:
    1280x800 where that fits, no bigger than the room there is, and all of a portrait
    screen (a totem's window is its whole width anyway)."""
    size = QSize(*DEFAULT_SIZE)
    if available is None or available.isEmpty():
        return size
    room = available - TITLE_BAR  # the window manager's frame comes on top
    if room.height() > room.width():
        return room
    return size.boundedTo(room)

NO_PIN = Text(
    "Kiosk mode needs a PIN to leave it, and none is set. Run `gatekeeper kiosk set-pin` "
    "first, then start `gatekeeper gui --kiosk` again.",
    "自助机模式需要退出 PIN，但尚未设置。请先运行 `gatekeeper kiosk set-pin`，"
    "再启动 `gatekeeper gui --kiosk`。",
)


def zero_figures() -> DayStats:
    """Figures when nobody provides them: today, all zero."""
    return DayStats(date=date.today().isoformat())


def load_site_key(directory: Path | None = None) -> SiteKey | None:
    """The site's signing key, if this machine has it. The kiosk never creates one (a
    new key would make every pass already issued unverifiable): without it, passes
    cannot be verified here and the pass page says so."""
    try:
        return keys.load(directory)
    except LocalizedError as error:
        log.warning("site passes cannot be verified on this kiosk: %s", error.message("en"))
        return None


def run_gui(
    db_path: Path,
    *,
    lang: str | None = None,
    kiosk: bool = False,
    camera: str | None = None,
    figures_provider: FiguresProvider | None = None,
    session: GateSession | None = None,
    pin_path: Path | None = None,
    key_dir: Path | None = None,
    log_path: Path | None = None,
) -> int:
    """Open the kiosk window on the ledger at `db_path`; return the exit code.

    `lang` defaults to the system's (``GATEKEEPER_LANG``, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``). `kiosk` shows the window full screen without a frame. `camera` names the
    camera for the pass page and the QR step (a device index, a video file or a URL;
    without one those pages take the hand scanner and typing). A USB scanner's bursts
    are taken as scans wherever the focus is. The site key for verifying passes is read
    from `key_dir` (default: `gatekeeper.scanner.keys.default_key_dir()`), never
    created here. `figures_provider` returns
    today's figures; without one, the session's (or zeros without a session).
    `session` runs the screenings (without it the start screen only shows figures).
    Kiosk mode with a session needs a kiosk PIN (`pin_path`, default the user config's):
    without one it refuses to start (exit code 2) and says how to set it.

    Start-up is staged so that nothing fails unseen: first the log file (`log_path`,
    default `default_log_path()`) with faulthandler for native crashes, then the
    application, then the crash reporter (every uncaught exception logged and shown),
    then the window.
    """
    log_path = log_path or default_log_path()
    log_file: LogFile | None = None
    try:
        log_file = LogFile(log_path)
    except OSError as error:  # an unwritable log folder must not keep the gate shut
        print(f"GateKeeper: cannot write the log file {log_path}: {error}", file=sys.stderr)
    kiosk_pin = None
    if kiosk and session is not None:
        kiosk_pin = KioskPin(pin_path or default_kiosk_pin_path())
        if not kiosk_pin.is_set():
            print(NO_PIN.format(lang or system_lang()), file=sys.stderr)
            return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("GateKeeper")
    app.setApplicationDisplayName("GateKeeper")
    app.setFont(theme.base_font())  # dialogs and other top-level windows too
    crashes = CrashReporter(log_path, app)
    crashes.install()

    resources = default_resources_dir()
    try:
        ensure_compiled(resources)
    except (OSError, subprocess.SubprocessError) as error:
        # No lrelease, or it refused a .ts: run on what is compiled (English always works).
        log.warning("could not compile the translations: %s", error)
    languages = LanguageSwitcher(app, resources / "i18n")
    languages.set_language(lang or system_lang())

    if figures_provider is None and session is None:
        figures_provider = zero_figures
    site_key = load_site_key(key_dir) if session is not None else None
    camera_view = None
    if camera and session is not None:
        from gatekeeper.ui.camera_view import CameraView  # OpenCV only with a camera

        camera_view = CameraView(camera)
    thermometer = None
    worker = ThermometerWorker.from_policy(session.policy) if session is not None else None
    if worker is not None:
        thermometer = SerialThermometer(worker)
    gate_release = release_from_policy(session.policy) if session is not None else None
    release = LaneRelease(gate_release) if gate_release is not None else None
    window = MainWindow(
        languages, figures_provider, db_path=db_path, session=session, kiosk_pin=kiosk_pin,
        camera=camera_view, site_key=site_key, log_path=log_path, thermometer=thermometer,
        release=release,
    )  # fmt: skip
    if thermometer is not None:
        thermometer.start()
    burst = ScanBurstFilter(app)
    burst.scanned.connect(window.scan_received)
    app.installEventFilter(burst)
    sync = None
    if session is not None:  # a kiosk added to a site hub syncs by itself (ui.sync_thread)
        from gatekeeper.ui.sync_thread import SyncThread

        sync = SyncThread(session.ledger_path)
        sync.status.connect(window.show_sync_status)
        sync.start()
    try:
        if kiosk:
            window.show_kiosk()
        else:
            screen = window.screen()
            available = screen.availableGeometry().size() if screen is not None else None
            window.resize(initial_size(available))
            window.show()
        window.offer_recovery()
        code = app.exec()
        window.close()
    finally:
        if sync is not None:
            sync.stop()
        app.removeEventFilter(burst)
        window.stop_devices()
        burst.deleteLater()
        crashes.uninstall()
        if log_file is not None:
            log_file.close()
    return code
