"""`gatekeeper.ui.plain`: a value is drawn as written by a label, a message box, a
tooltip, a button and a window title, whatever markup it looks like."""

from __future__ import annotations

import pytest
from plain_support import MARKUP, button_says, label_text, looks_like_markup, tooltip_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from gatekeeper.ui.plain import (
    PlainLabel,
    button_text,
    plain_message_box,
    plain_tooltip,
    window_title,
)


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
