"""Every screen shape: the real MainWindow at every supported screen size, in kiosk mode
and windowed, walked through every page of the kiosk and of the manager console (the
same walks `make screenshots` renders), in both languages. On every page at every size:
the window is the size asked for (its layout does not hold it larger), no visible widget
lies outside the window or outside its parent or is too small for its text, a dialog up
lies inside the window, and everything that can be touched is at least a touch target
(9 mm on the screen, `theme.Metrics.touch`)."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from typing import Any

import pytest
from layout_support import misfits, small_targets, window_sizes
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget

from gatekeeper.ui import theme
from gatekeeper.ui.start_screen import CHANNEL_ORDER

ROOT = Path(__file__).resolve().parents[2]


def _screenshots() -> Any:
    """packaging/screenshots.py: its walks through every page."""
    spec = importlib.util.spec_from_file_location("gk_screenshots", ROOT / "packaging" /
                                                  "screenshots.py")  # fmt: skip
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SHOTS = _screenshots()


def settle() -> None:
    for _ in range(3):  # a restyle posts layout requests, which post more
        QApplication.processEvents()


def check_every_size(window: Any, page: str, dialog: QWidget | None,
                     found: dict[str, list[str]]) -> None:  # fmt: skip
    """`page` (with `dialog` up, if any) at every supported size; what is wrong goes
    into found["fit"] and found["touch"]."""
    for label, size, kiosk in window_sizes():
        window.exit_button.setVisible(kiosk)  # kiosk mode's way out (show_kiosk, a PIN set)
        window.resize(size)
        settle()
        where = f"{page} at {label}"
        if window.size() != size:
            found["fit"].append(f"{where}: the window is {window.size().toTuple()}, "
                                f"not {size.toTuple()}")
            continue
        found["fit"] += [f"{where}: {problem}" for problem in misfits(window)]
        touch = window.metrics.touch
        found["touch"] += [f"{where}: {problem}" for problem in small_targets(window, touch)]
        if dialog is not None and dialog.isVisible():
            if not window.geometry().contains(QRect(dialog.pos(), dialog.size())):
                found["fit"].append(f"{where}: the dialog {dialog.objectName()} at "
                                    f"{dialog.geometry().getRect()} is outside the window "
                                    f"{window.geometry().getRect()}")
            found["fit"] += [f"{where}: {problem}" for problem in misfits(dialog)]
            found["touch"] += [f"{where}: {problem}"
                               for problem in small_targets(dialog, touch)]  # fmt: skip
    window.exit_button.hide()


@pytest.fixture(scope="module", params=["en", "zh_CN"])
def walked(request, qapp, i18n_dir: Path, tmp_path_factory) -> dict[str, list[str]]:
    """Every page in one language, checked at every size."""
    from gatekeeper.ui.translations import LanguageSwitcher

    languages = LanguageSwitcher(qapp, i18n_dir)
    assert languages.set_language(request.param)
    found: dict[str, list[str]] = {"fit": [], "touch": [], "pages": []}
    simulated = SHOTS.simulated_ledger(tmp_path_factory.mktemp("sim") / "simulated.db")
    try:
        with SHOTS.KioskWindow(languages, (1280, 800)) as (window, clock):
            for page, dialog in SHOTS.kiosk_walk(window, clock):
                found["pages"].append(page)
                check_every_size(window, page, dialog, found)
        with SHOTS.ManagerWindow(languages, simulated, (1280, 800)) as (window, ledger, clock):
            for page, dialog in SHOTS.manager_walk(window, ledger, clock):
                found["pages"].append(page)
                check_every_size(window, page, dialog, found)
    finally:
        languages.set_language("en")
        sys.excepthook = sys.__excepthook__  # the walk's crash reporter, once shown
    return found


def test_the_walk_reaches_every_page(walked) -> None:
    pages = set(walked["pages"])
    kiosk = {"start", "pass_scan", "vehicle_plate", "certificate", "temperature",
             "disinfection", "registration", "qr_scan", "pledge", "notice", "vehicle_next",
             "quarantine_registration", "outcome-admitted", "outcome-turned_away",
             "outcome-quarantined", "outcome-abandoned", "abandon_question",
             "recovery_dialog", "qr_manager_check"}  # fmt: skip
    console = {"manager_first_start", "manager_signin", "manager_dashboard",
               "manager_rounds", "manager_quarantine", "manager_review", "manager_passes",
               "manager_accounts", "manager_policy", "manager_export"}  # fmt: skip
    assert kiosk | console <= pages, (kiosk | console) - pages


def test_every_page_fits_every_screen(walked) -> None:
    assert not walked["fit"], "\n".join(walked["fit"][:400])


def test_every_touch_target_is_big_enough_on_every_screen(walked) -> None:
    assert not walked["touch"], "\n".join(walked["touch"][:400])


# --- the metrics ------------------------------------------------------------------------


@pytest.mark.parametrize("dpi", [72.0, 96.0, 144.0, 240.0])
def test_a_touch_target_is_at_least_9_mm_at_any_density(dpi: float) -> None:
    for width, height in ((1024, 768), (1280, 800), (1920, 1080), (800, 1280)):
        touch = theme.metrics_for(width, height, dpi).touch
        assert touch / dpi * 25.4 >= 9.0, (width, height, dpi, touch)
        assert touch >= theme.TOUCH_FLOOR


def test_type_scales_with_the_window() -> None:
    design = theme.metrics_for(1280, 800)
    assert design.scale == 1.0 and not design.portrait
    assert theme.metrics_for(1920, 1080).scale == 1.35
    totem = theme.metrics_for(1080, 1920)
    assert totem.portrait and totem.scale == 1.25  # its pages are 864 px wide by design
    assert theme.metrics_for(800, 1280).scale == 0.9
    assert theme.metrics_for(1024, 768).scale == 0.8
    assert theme.metrics_for(640, 480).scale == theme.SCALE_MIN  # and never smaller


def test_a_big_screen_gets_big_type(qtbot, make_window) -> None:
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    settle()
    title = window.start_screen.title_label
    small = title.fontInfo().pixelSize()
    button = window.start_screen.channel_buttons[CHANNEL_ORDER[0]].height()
    window.resize(1920, 1080)
    settle()
    assert title.fontInfo().pixelSize() >= small * 1.3
    assert window.start_screen.channel_buttons[CHANNEL_ORDER[0]].height() > button


def test_portrait_stacks_the_channel_buttons(qtbot, make_window) -> None:
    window = make_window()
    window.resize(1080, 1920)
    window.show()
    qtbot.waitExposed(window)
    settle()
    buttons = [window.start_screen.channel_buttons[c].geometry() for c in CHANNEL_ORDER]
    for above, below in itertools.pairwise(buttons):
        assert below.top() > above.bottom() and below.left() == above.left()
    window.resize(QSize(1280, 800))  # and side by side again in landscape
    settle()
    buttons = [window.start_screen.channel_buttons[c].geometry() for c in CHANNEL_ORDER]
    for left, right in itertools.pairwise(buttons):
        assert right.left() > left.right() and right.top() == left.top()


def test_a_window_opens_no_bigger_than_its_screen() -> None:
    from gatekeeper.ui.app import initial_size

    assert initial_size(QSize(1920, 1040)) == QSize(1280, 800)
    assert initial_size(QSize(1024, 728)) == QSize(1024, 688)  # below the panel and title
    assert initial_size(QSize(1080, 1880)) == QSize(1080, 1840)  # a totem: all of it
    assert initial_size(None) == QSize(1280, 800)


def test_the_kiosk_pin_dialog_fits_every_screen(qtbot, make_window, tmp_path) -> None:
    from datetime import datetime

    from gatekeeper.services.kiosk_pin import KioskPin
    from gatekeeper.ui.widgets.pin_dialog import PinDialog

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    dialog = PinDialog(KioskPin(tmp_path / "pin"), lambda: datetime.now().astimezone(), window)
    dialog.open()
    found: dict[str, list[str]] = {"fit": [], "touch": []}
    check_every_size(window, "kiosk PIN", dialog, found)
    dialog.reject()
    assert not found["fit"], "\n".join(found["fit"])
    assert not found["touch"], "\n".join(found["touch"])
