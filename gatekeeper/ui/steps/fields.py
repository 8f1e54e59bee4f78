"""Form rows shared by the step pages: a caption, the input, its inline error under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.steps.base import KioskPage


def line_edit(parent: QWidget, name: str, *, big: bool = False) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setProperty("role", "big-input" if big else "input")
    edit.setMinimumHeight(theme.TOUCH_MIN + (theme.SPACE_M if big else 0))
    edit.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return edit


def field_row(page: KioskPage, field: str, widget: QWidget) -> tuple[QLabel, QVBoxLayout]:
    """A caption over `widget` over the field's error label; returns (caption, layout)."""
    caption = PlainLabel(page)
    caption.setProperty("role", "field-caption")
    caption.setWordWrap(True)  # a long caption takes two lines on a narrow screen
    caption.setBuddy(widget)
    box = QVBoxLayout()
    box.setSpacing(theme.SPACE_XS)
    box.addWidget(caption)
    box.addWidget(widget)
    box.addWidget(page.error_label_for(field))
    return caption, box
