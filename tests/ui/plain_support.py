"""What a widget shows of a value: the checks that a name, a reason, a path or a policy
text is drawn as written, never as markup (`gatekeeper.ui.plain`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractButton, QLabel

# Values Qt's AutoText takes for markup (an entity is decoded once a tag or "&lt;" makes
# the string rich): each must be shown exactly as it stands.
MARKUP = ("<b>张三</b>", "<img src='x'>", "a &amp; b", "<script>", "a &lt; b", "<i>&amp;</i>")


def looks_like_markup(text: str) -> bool:
    """What Qt's AutoText decides: this string would be drawn as rich text."""
    return bool(GuiQt.mightBeRichText(text))


def label_text(label: QLabel) -> str:
    """The text `label` draws, checked to be drawn as plain text (its format says so)."""
    assert label.textFormat() is Qt.TextFormat.PlainText, (
        f"{label.objectName() or type(label).__name__} draws {label.text()!r} as "
        f"{label.textFormat()}")  # fmt: skip
    return label.text()


def tooltip_text(tooltip: str) -> str:
    """What a tooltip shows: Qt draws it as rich text when it looks like markup."""
    if not looks_like_markup(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def button_says(button: QAbstractButton) -> str:
    """What a button says (its text without the shortcut marks, as Qt draws it)."""
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    return str(interface.text(QAccessible.Text.Name))
