"""Step 5: the configured scans (health code, itinerary code, site pass).

A code read by the camera or a USB scanner goes straight to the flow, which parses it
for the scan in turn. Staff can also type the code and press Enter (`scan_entered`).
The colour buttons are the manual path (a phone screen the camera cannot read): staff
press the colour they see; Enter on an empty field is "green / OK". The kiosk's live
camera view goes into `camera_slot` through `set_camera_widget`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gatekeeper.domain import messages
from gatekeeper.domain.vocab import ScanKind, ScanStatus, Step
from gatekeeper.ui import theme
from gatekeeper.ui.plain import PlainLabel
from gatekeeper.ui.reflow import ReflowBox
from gatekeeper.ui.scan_burst import mark_code_field
from gatekeeper.ui.steps.base import KioskPage, Say, touch_button
from gatekeeper.ui.steps.camera_slot import CameraSlot
from gatekeeper.ui.steps.fields import field_row, line_edit
from gatekeeper.ui.translations import current_lang

MAX_SCANS = len(ScanKind)
STATUS_BUTTONS = (ScanStatus.YELLOW, ScanStatus.RED, ScanStatus.UNREADABLE)


class QrScanPage(KioskPage):
    scan_chosen = Signal(str, str, str)  # scan kind, the status staff saw, "" (manual path)
    scan_entered = Signal(str, str)  # scan kind, typed text: the flow parses it
    manual_chosen = Signal(str, str)  # scan kind, the manager's status
    page_id = "qr_scan"
    step = Step.QR_SCAN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera_slot = CameraSlot(self)

        self.text_edit = line_edit(self, "scanText", big=True)
        mark_code_field(self.text_edit)  # a hand scanner's burst here is the scan
        self.text_edit.textChanged.connect(self._text_changed)
        self.text_caption, text_box = field_row(self, "scan", self.text_edit)
        self.rows: list[tuple[QLabel, QLabel]] = []
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.SPACE_M)
        for i in range(MAX_SCANS):
            name, status = PlainLabel(self), PlainLabel(self)
            name.setProperty("role", "scan-name")
            status.setProperty("role", "scan-status")
            grid.addWidget(name, i, 0)
            grid.addWidget(status, i, 1)
            self.rows.append((name, status))
        self.current_label = PlainLabel(self)
        self.current_label.setObjectName("pagePrompt")
        self.current_label.setWordWrap(True)
        self.read_label = PlainLabel(self)  # what the last scan said
        self.read_label.setObjectName("scanRead")
        self.read_label.setWordWrap(True)
        self.read_label.hide()
        self.status_buttons = {s: touch_button(self, f"scan_{s.value}", "choice")
                               for s in STATUS_BUTTONS}
        for status, button in self.status_buttons.items():
            button.clicked.connect(lambda _c=False, st=status: self._choose(st))
        self.manual_button = touch_button(self, "manualOk", "choice")
        self.manual_button.clicked.connect(self._manual_ok)
        buttons = QHBoxLayout()
        buttons.setSpacing(theme.SPACE_S)
        for button in (*self.status_buttons.values(), self.manual_button):
            buttons.addWidget(button, 1)

        right = QVBoxLayout()
        right.setSpacing(theme.SPACE_S)
        right.addLayout(grid)
        right.addWidget(self.current_label)
        right.addWidget(self.read_label)
        right.addLayout(text_box)
        right.addLayout(buttons)
        right.addStretch(1)
        columns = ReflowBox()  # the camera above the scans in portrait
        columns.setSpacing(theme.SPACE_L)
        columns.addWidget(self.camera_slot, 2)
        columns.addLayout(right, 3)
        self.body.addLayout(columns, 1)
        self.retranslate()

    def set_camera_widget(self, widget: QWidget) -> None:
        """The kiosk's live camera view replaces the "no camera" text."""
        self.camera_slot.place(widget)

    @property
    def camera_widget(self) -> QWidget | None:
        return self.camera_slot.widget

    def current(self) -> str | None:
        kind = self._state.get("current")
        return str(kind.value if isinstance(kind, ScanKind) else kind) if kind else None

    def reset(self) -> None:
        super().reset()
        self.text_edit.clear()

    def set_state(self, state: dict[str, Any]) -> None:
        before = self.current()
        super().set_state(state)
        if self.current() != before or "scans" in state:
            self.text_edit.clear()
        manual = any(s["manual"] for s in self._state.get("scans", [])
                     if str(s["kind"]) == self.current())
        self.manual_button.setVisible(manual)
        self.read_label.setVisible(self._state.get("last_read") is not None)
        self.focus_input()

    def focus_input(self) -> None:
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        super().retranslate()
        lang = current_lang()
        scans = self._state.get("scans", [])
        for i, (name, status) in enumerate(self.rows):
            if i >= len(scans):
                name.hide()
                status.hide()
                continue
            scan = scans[i]
            name.setText(messages.text(ScanKind(scan["kind"]), lang))
            if scan["status"]:
                text = messages.text(ScanStatus(scan["status"]), lang)
            else:
                text = QCoreApplication.translate("QrScanPage", "waiting")
            status.setText(text)
            status.setProperty("status", scan["status"] or "pending")
            status.style().unpolish(status)
            status.style().polish(status)
            name.show()
            status.show()
        current = self.current()
        if current:
            self.current_label.setText(QCoreApplication.translate(
                "QrScanPage", "Now: {scan}. Scan the code, or press the colour you see."
            ).format(scan=messages.text(ScanKind(current), lang)))
        last_read: Say | None = self._state.get("last_read")
        if last_read is not None:
            self.read_label.setText(QCoreApplication.translate(
                "QrScanPage", "Read: {text}").format(text=last_read(lang)))
        self.camera_slot.hint.setText(QCoreApplication.translate(
            "QrScanPage", "No camera connected.\nUse the hand scanner, or type the code."))
        self.text_caption.setText(QCoreApplication.translate(
            "QrScanPage", "Code text (typed; a hand scanner enters it by itself)"))
        for status, button in self.status_buttons.items():
            if status is ScanStatus.UNREADABLE:  # the catalogue's text is a sentence
                button.setText(QCoreApplication.translate("QrScanPage", "Unreadable"))
                button.setToolTip(messages.text(status, lang))
            else:
                button.setText(messages.text(status, lang))
        self.manual_button.setText(
            QCoreApplication.translate("QrScanPage", "Manager checked: OK"))

    def confirm_text(self) -> str:
        if self.text_edit.text().strip():
            return QCoreApplication.translate("QrScanPage", "Check the code")
        return QCoreApplication.translate("QrScanPage", "Green code / OK")

    def _text_changed(self, _text: str) -> None:
        self.confirm_button.setText(self.confirm_text())

    def _choose(self, status: ScanStatus) -> None:
        """The manual path: the colour staff see (the typed text is not kept)."""
        kind = self.current()
        if kind:
            self.scan_chosen.emit(kind, status.value, "")

    def _manual_ok(self) -> None:
        kind = self.current()
        if kind:
            self.manual_chosen.emit(kind, ScanStatus.OK.value)

    def _confirm(self) -> None:
        """Enter: typed text is read by the flow; an empty field is staff's "green / OK"."""
        kind, text = self.current(), self.text_edit.text().strip()
        if kind and text:
            self.scan_entered.emit(kind, text)
        else:
            self._choose(ScanStatus.OK)
