"""Values on screen as they were written: a name, a reason, a path or a policy text is
text, never markup.

Wherever Qt may, it takes a string that *looks like* HTML as rich text
(`Qt.TextFormat.AutoText`, the default of labels, message boxes and tooltips): a name
typed as "<b>张三</b>" would be drawn bold, "<img src=…>" would load an image from a
path, "a &lt; b" would be shown as "a < b". GateKeeper draws no markup of its own, so:

- every label is a `PlainLabel`: plain text, whatever the string looks like;
- a message box is `plain_message_box` (its text and informative text plain);
- a tooltip that carries a value is `plain_tooltip(value)`: rich text Qt cannot take for
  anything else, with the value escaped in it;
- a button whose text carries a value is given `button_text(text)`: each "&" doubled, so
  it is drawn, not taken for the mark of the underlined shortcut letter;
- a window title that carries a value is given `window_title(text)`: a "[*]" in it (a
  path may have one) is shown, not taken for the "modified" placeholder.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

PLAIN = Qt.TextFormat.PlainText


class PlainLabel(QLabel):
    """A QLabel that shows its text as plain text (see the module doc)."""

    def __init__(self, parent: QWidget | None = None, *, text: str = "") -> None:
        super().__init__(parent)
        self.setTextFormat(PLAIN)
        if text:
            self.setText(text)


def plain_message_box(parent: QWidget | None = None) -> QMessageBox:
    """A QMessageBox whose text and informative text are plain text (its informative
    label also opens links: a path with "<a href=…>" in it would be one)."""
    box = QMessageBox(parent)
    box.setTextFormat(PLAIN)
    return box


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip that shows it as written: escaped, inside a paragraph that
    keeps its spaces and line breaks ("" stays "": no tooltip)."""
    if not text:
        return ""
    return f'<p style="white-space:pre-wrap">{html.escape(text, quote=False)}</p>'


def button_text(text: str) -> str:
    """`text` for a button's label: its "&" are shown, not read as a shortcut mark."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """`text` for a window title: a "[*]" in it is shown, not taken for the placeholder
    Qt replaces by the window's "modified" mark."""
    return text.replace("[*]", "[*][*]")
