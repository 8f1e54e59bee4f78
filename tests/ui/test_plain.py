"""`gatekeeper.ui.plain`: a value is drawn as written by a label, a message box, a
tooltip, a button and a window title, whatever markup it looks like; and every label
GateKeeper makes is a plain one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from console_support import sign_in
from plain_support import MARKUP, button_says, label_text, looks_like_markup, tooltip_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

import gatekeeper.ui
from gatekeeper.services.kiosk_pin import KioskPin
from gatekeeper.ui.camera_view import CameraView
from gatekeeper.ui.dialogs import abandon_question, close_question, recovery_question
from gatekeeper.ui.manager.console import PAGES
from gatekeeper.ui.manager.signin import FirstManagerDialog, ManualCheckDialog, SignInDialog
from gatekeeper.ui.plain import (
    PlainLabel,
    button_text,
    plain_message_box,
    plain_tooltip,
    window_title,
)
from gatekeeper.ui.widgets.pin_dialog import PinDialog


def test_the_values_are_ones_qt_would_take_for_markup(qapp) -> None:
    """The test values mean something: a default label takes all but one for rich text."""
    assert [looks_like_markup(v) for v in MARKUP] == [True, True, False, True, True, True]
    assert QLabel().textFormat() is Qt.TextFormat.AutoText


@pytest.mark.parametrize("value", MARKUP)
def test_a_plain_label_shows_the_value_as_written(qtbot, value: str) -> None:
    label = PlainLabel()
    qtbot.addWidget(label)
    label.setText(value)
    assert label_text(label) == value
    made = PlainLabel(text=value)
    qtbot.addWidget(made)
    assert label_text(made) == value


def test_a_plain_message_box_shows_its_texts_as_written(qtbot) -> None:
    box = plain_message_box()
    qtbot.addWidget(box)
    box.setText("<b>张三</b>")
    box.setInformativeText("<a href='file:///etc/passwd'>/tmp/x</a>")
    texts = {label.objectName(): label for label in box.findChildren(QLabel)}
    assert label_text(texts["qt_msgbox_label"]) == "<b>张三</b>"
    informative = texts["qt_msgbox_informativelabel"]
    assert label_text(informative) == "<a href='file:///etc/passwd'>/tmp/x</a>"


@pytest.mark.parametrize("value", [*MARKUP, "two  spaces\nand a line"])
def test_a_plain_tooltip_shows_the_value_as_written(value: str) -> None:
    tooltip = plain_tooltip(value)
    assert looks_like_markup(tooltip)  # rich text of its own: never guessed
    assert tooltip_text(tooltip) == value
    assert plain_tooltip("") == ""


@pytest.mark.parametrize("value", ["Tom & Jerry", "a &amp; b", "&&", "张三&李四"])
def test_a_buttons_ampersands_are_shown(qtbot, value: str) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    button.setText(value)
    assert button_says(button) != value  # Qt reads "&" as a shortcut mark
    button.setText(button_text(value))
    assert button_says(button) == value


def test_a_window_titles_brackets_are_shown(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.setWindowTitle(window_title("GateKeeper — /data/[*]/gate.db"))
    window.show()
    qtbot.waitExposed(window)
    handle = window.windowHandle()
    assert handle is not None and handle.title() == "GateKeeper — /data/[*]/gate.db"


def test_every_label_of_the_kiosk_the_console_and_their_dialogs_is_plain(
    qtbot, kiosk, tmp_path: Path,
) -> None:  # fmt: skip
    """Each label the window, its pages, the console's pages and the dialogs make draws
    plain text: a bare QLabel would take a value that looks like markup for rich text.
    (Qt's own labels, named "qt_…", are the message box's: see the crash dialog's test.)"""
    k = kiosk
    console = sign_in(k)
    for name in PAGES:
        assert console.show_page(name)
    signin = console.service.signing_in()
    made: list[QWidget] = [
        k.window,
        console.open_export(),
        PinDialog(KioskPin(tmp_path / "pin.json"), k.session.clock.now, k.window),
        SignInDialog(signin, k.window), ManualCheckDialog(signin, k.window),
        FirstManagerDialog(signin, k.window), abandon_question(k.window),
        close_question(k.window), recovery_question(k.window, lambda: "—"), CameraView(),
    ]  # fmt: skip
    for widget in made[1:]:
        qtbot.addWidget(widget)
    labels = [label for widget in made for label in widget.findChildren(QLabel)
              if not label.objectName().startswith("qt_")]  # fmt: skip
    assert len(labels) > 200
    rich = [f"{type(label.parent()).__name__}.{label.objectName() or type(label).__name__}"
            for label in labels if label.textFormat() is not Qt.TextFormat.PlainText]
    assert rich == []


def test_no_label_or_message_box_is_made_bare() -> None:
    """The labels a test does not reach (made on a rare path) are plain too: the package
    makes no QLabel or QMessageBox but through `gatekeeper.ui.plain`."""
    root = Path(gatekeeper.ui.__file__).parent
    bare = re.compile(r"\b(QLabel|QMessageBox)\(")
    found = [f"{path.relative_to(root)}:{n}" for path in sorted(root.rglob("*.py"))
             if path.name != "plain.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if bare.search(line)]  # fmt: skip
    assert found == []
