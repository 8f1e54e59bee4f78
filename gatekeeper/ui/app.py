"""Start the GUI: the application, the translators, the main window."""

from __future__ import annotations

import logging
import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gatekeeper.domain.i18n import system_lang
from gatekeeper.services.figures import DayStats
from gatekeeper.ui import theme
from gatekeeper.ui.main_window import FiguresProvider, MainWindow
from gatekeeper.ui.translations import LanguageSwitcher, default_resources_dir, ensure_compiled

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)


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
) -> int:
    """Open the kiosk window on the ledger at `db_path`; return the exit code.

    `lang` defaults to the system's (``GATEKEEPER_LANG``, ``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``). `kiosk` shows the window full screen without a frame. `camera` names the
    camera for the scan steps (not used until they exist). `figures_provider` returns
    today's figures; without one, the strip shows zeros.
    """
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
    window = MainWindow(languages, figures_provider or zero_figures, db_path=db_path)
    if kiosk:
        window.show_kiosk()
    else:
        window.resize(*DEFAULT_SIZE)
        window.show()
    code = app.exec()
    window.close()
    return code
