"""Qt fixtures for the GUI tests (pytest-qt provides ``qapp`` and ``qtbot``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gatekeeper.services.figures import DayStats


@pytest.fixture(scope="session")
def i18n_dir() -> Path:
    """``resources/i18n`` with the ``.qm`` files compiled (as ``make setup`` does)."""
    from gatekeeper.ui.translations import default_resources_dir, ensure_compiled

    resources = default_resources_dir()
    ensure_compiled(resources)
    return resources / "i18n"


@pytest.fixture
def languages(qapp, i18n_dir: Path) -> Iterator:
    """A language switcher on the test application, back to English afterwards."""
    from gatekeeper.ui.translations import LanguageSwitcher

    switcher = LanguageSwitcher(qapp, i18n_dir)
    yield switcher
    switcher.set_language("en")


@pytest.fixture
def stats() -> DayStats:
    return DayStats(
        date="2020-03-02",
        admitted=362,
        turned_away=11,
        turned_away_by_reason={"no_certificate": 11},
        quarantined=30,
        in_quarantine=2,
        released=28,
    )


@pytest.fixture
def make_window(qtbot, languages, stats: DayStats) -> Callable:
    """Build a MainWindow (registered with qtbot, so it is closed after the test)."""
    from gatekeeper.ui.main_window import MainWindow

    def make(figures_provider: Callable[[], DayStats] | None = None, **kwargs):
        window = MainWindow(languages, figures_provider or (lambda: stats), **kwargs)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def kiosk(qtbot, languages, tmp_path: Path) -> Iterator:
    """The kiosk window on a fresh ledger, with a stepping clock at 08:00 on 2 March 2020."""
    from kiosk_support import START, Kiosk

    from gatekeeper.services.clock import SteppingClock

    k = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START))
    yield k
    k.close()
