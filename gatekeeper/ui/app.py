"""Start the GUI: the application, the translators, the main window."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gatekeeper.domain.i18n import Text, system_lang
from gatekeeper.services.figures import DayStats
from gatekeeper.services.kiosk_pin import KioskPin
from gatekeeper.services.locations import default_kiosk_pin_path
from gatekeeper.services.session import GateSession
from gatekeeper.ui import theme
from gatekeeper.ui.main_window import FiguresProvider, MainWindow
from gatekeeper.ui.translations import LanguageSwitcher, default_resources_dir, ensure_compiled

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)

NO_PIN = Text(
    "Kiosk mode needs a PIN to leave it, and none is set. Run `gatekeeper kiosk set-pin` "
    "first, then start `gatekeeper gui --kiosk` again.",
    "自助机模式需要退出 PIN，但尚未设置。请先运行 `gatekeeper kiosk set-pin`，"
    "再启动 `gatekeeper gui --kiosk`。",
)


def zero_figures() -> DayStats:
    """Figures when nobody provides them: today, all zero."""
    return DayStats(date=date.today().isoformat())


def run_gui(
    db_path: Path,
    *,
    lang: str | None = None,
    kiosk: bool = False,
    camera: str | None = None,
    figures_provider: FiguresProvider | None = None,
    session: GateSession | None = None,
    pin_path: Path | None = None,
) -> int:
    """Open the kiosk window on the ledger at `db_path`; return the exit code.

    `lang` defaults to the system's (``GATEKEEPER_LANG``, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``). `kiosk` shows the window full screen without a frame. `camera` names the
    camera for the scan steps (not used until they exist). `figures_provider` returns
    today's figures; without one, the session's (or zeros without a session).
    `session` runs the screenings (without it the start screen only shows figures).
    Kiosk mode with a session needs a kiosk PIN (`pin_path`, default the user config's):
    without one it refuses to start (exit code 2) and says how to set it.
    """
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

    resources = default_resources_dir()
    try:
        ensure_compiled(resources)
    except (OSError, subprocess.SubprocessError) as error:
        # No lrelease, or it refused a .ts: run on what is compiled (English always works).
        log.warning("could not compile the translations: %s", error)
    languages = LanguageSwitcher(app, resources / "i18n")
    languages.set_language(lang or system_lang())

    if camera:
        log.info("camera %s: used by the scan steps once they exist", camera)
    if figures_provider is None and session is None:
        figures_provider = zero_figures
    window = MainWindow(
        languages, figures_provider, db_path=db_path, session=session, kiosk_pin=kiosk_pin
    )
    if kiosk:
        window.show_kiosk()
    else:
        window.resize(*DEFAULT_SIZE)
        window.show()
    window.offer_recovery()
    code = app.exec()
    window.close()
    return code
