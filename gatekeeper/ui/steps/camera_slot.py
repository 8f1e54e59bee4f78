"""Where a page shows the kiosk's one live camera view (or says there is none).

The window owns a single `CameraView` and moves it into the slot of the page that takes
scans (QR step, pass page), so there is never more than one preview or camera thread.
When the view leaves for another page, the slot shows its hint again.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from gatekeeper.ui.plain import PlainLabel


class CameraSlot(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPlaceholder")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setMinimumSize(320, 220)
        self.hint = PlainLabel(self)
        self.hint.setObjectName("cameraHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.hint)
        self.widget: QWidget | None = None

    def place(self, widget: QWidget) -> None:
        """Show `widget` here (taking it from wherever it was)."""
        if self.widget is widget and widget.parent() is self:
            return
        if self.widget is not None and self.widget.parent() is self:
            self.column.removeWidget(self.widget)
            self.widget.hide()
        self.widget = widget
        self.hint.hide()
        widget.setParent(self)
        self.column.addWidget(widget)
        widget.show()

    def childEvent(self, event: QChildEvent) -> None:
        if event.type() == QEvent.Type.ChildRemoved and event.child() is self.widget:
            self.widget = None  # moved to another page's slot
            self.hint.show()
        super().childEvent(event)
