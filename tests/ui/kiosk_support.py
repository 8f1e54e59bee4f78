"""Driving the kiosk as gate staff do: clicks and key presses on the real window, over a
real ledger in tmp_path with a stepping clock (no real sleeps anywhere)."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from gatekeeper.domain.policy import Policy
from gatekeeper.domain.vocab import Channel, ScanKind
from gatekeeper.ledger import Ledger, StoredRecord
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService
from gatekeeper.services.session import GateSession
from gatekeeper.ui.flow import Page
from gatekeeper.ui.main_window import MainWindow
from gatekeeper.ui.scan_burst import ScanBurstFilter

POLICY = Policy()
START = datetime(2020, 3, 2, 8, 0, tzinfo=POLICY.tz)
_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_CHECK = "10X98765432"


def resident_id(area: str = "410122", birth: str = "19850612", seq: str = "123") -> str:
    first17 = area + birth + seq
    return first17 + _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"\x00\x80\x80\x80"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@dataclass
class FakeSound:
    """Records what the outcome page would play (no audio device in tests)."""

    played: list[str] = field(default_factory=list)

    def play(self, outcome: str) -> None:
        self.played.append(outcome)


GREEN_CODE = "status=green"  # a health or itinerary code the default patterns read


class KeyClock:
    """The USB-scanner filter's clock: every key press it times moves it on by `step`
    seconds (people: 0.15 s; `Kiosk.usb_scan` switches to scanner speed)."""

    HUMAN = 0.15
    SCANNER = 0.008

    def __init__(self) -> None:
        self.now = 1000.0
        self.step = self.HUMAN

    def __call__(self) -> float:
        self.now += self.step
        return self.now


PERSON = {
    "id_number": resident_id(),
    "name": "张伟",
    "phone": "13800138000",
    "employer": "中牟建设集团",
    "role": "钢筋工",
    "coming_from": "河南省周口市",
}


def _confirm_close(window: MainWindow) -> None:
    window._close_confirmed = True


class Kiosk:
    """The window, its ledger and clock, and the staff actions the tests use."""

    def __init__(self, qtbot: Any, languages: Any, path: Path, clock: SteppingClock,
                 policy: Policy = POLICY, *, camera: QWidget | None = None,
                 site_key: Any = None, usb_scanner: bool = False,
                 thermometer: Any = None, release: Any = None) -> None:
        self.qtbot = qtbot
        self.path = path
        self.clock = clock
        self.ledger = Ledger.open(path, create=True)
        self.session = GateSession(self.ledger, policy, clock,
                                   GateService(self.ledger, policy, clock))
        self.sound = FakeSound()
        self.window = MainWindow(languages, session=self.session, sound=self.sound,
                                 camera=camera, site_key=site_key, thermometer=thermometer,
                                 release=release)
        # pytest-qt closes its widgets before fixtures tear down: no "close anyway?" then.
        qtbot.addWidget(self.window, before_close_func=_confirm_close)
        # The USB scanner filter on the application, as run_gui installs it.
        self.key_clock = KeyClock()
        self.burst: ScanBurstFilter | None = None
        if usb_scanner:
            self.burst = ScanBurstFilter(clock=self.key_clock)
            self.burst.scanned.connect(self.window.scan_received)
            QApplication.instance().installEventFilter(self.burst)
        self.window.resize(1280, 800)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.actions = 0  # clicks and key presses (typed characters not counted)

    @property
    def flow(self) -> Any:
        return self.window.flow

    def page(self, page: Page | str | None = None) -> Any:
        return self.window.page_widget(page) if page else self.window.pages.currentWidget()

    def at(self) -> Page | None:
        return self.window.current_page()

    # --- staff actions ------------------------------------------------------------------

    def click(self, button: QWidget) -> None:
        assert button.isVisible() and button.isEnabled(), button.objectName()
        self.actions += 1
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def key(self, key: Qt.Key, widget: QWidget | None = None) -> None:
        target = widget or self.focused()
        self.actions += 1
        self.qtbot.keyClick(target, key)

    def enter(self, widget: QWidget | None = None) -> None:
        self.key(Qt.Key.Key_Return, widget)

    def type(self, widget: QWidget, text: str) -> None:
        """Typed characters (a scanner or thermometer types them too): not an action."""
        widget.setFocus()
        for ch in text:  # QTest.keyClicks only knows ASCII: send the characters ourselves
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))

    def usb_scan(self, text: str, widget: QWidget | None = None) -> None:
        """A USB scanner types `text` and Enter at scanner speed (not a staff action)."""
        assert self.burst is not None, "Kiosk(usb_scanner=True)"
        target = widget or self.focused()
        self.key_clock.step = KeyClock.SCANNER
        try:
            self.type(target, text)
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(
                    kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
        finally:
            self.key_clock.step = KeyClock.HUMAN

    def focused(self) -> QWidget:
        page = self.page()
        return page.focusWidget() or page

    def channel(self, channel: Channel) -> None:
        self.click(self.window.start_screen.channel_buttons[channel])

    def draw_signature(self) -> None:
        pad = self.page(Page.PLEDGE).pad
        left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
        points = [(60, 80), (120, 120), (200, 70), (260, 130)]
        for i, (x, y) in enumerate(points):
            kind = (QEvent.Type.MouseButtonPress if i == 0 else QEvent.Type.MouseMove)
            pos = QPointF(x, y)
            event = QMouseEvent(kind, pos, pad.mapToGlobal(pos), left if i == 0 else none,
                                left, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(pad, event)
        pos = QPointF(*points[-1])
        QApplication.sendEvent(pad, QMouseEvent(
            QEvent.Type.MouseButtonRelease, pos, pad.mapToGlobal(pos), left, none,
            Qt.KeyboardModifier.NoModifier))

    # --- whole steps ----------------------------------------------------------------------

    def certificate(self, number: str = "HC-0042", expires: str = "2020-12-31") -> None:
        page = self.page(Page.CERTIFICATE)
        assert self.at() is Page.CERTIFICATE
        assert page.focusWidget() is page.number_edit
        self.type(page.number_edit, number)
        self.type(page.expires_edit, expires)
        self.enter(page.expires_edit)

    def temperature(self, reading: str = "36.5") -> None:
        page = self.page(Page.TEMPERATURE)
        assert self.at() is Page.TEMPERATURE
        assert page.focusWidget() is page.reading_edit
        self.type(page.reading_edit, reading)
        self.enter(page.reading_edit)

    def disinfection(self, vehicle_too: bool = False) -> None:
        page = self.page(Page.DISINFECTION)
        assert self.at() is Page.DISINFECTION
        if vehicle_too:
            assert page.focusWidget() is page.vehicle_check
            self.key(Qt.Key.Key_Space, page.vehicle_check)
        self.enter()

    def registration(self, **overrides: str) -> None:
        page = self.page(Page.REGISTRATION)
        assert self.at() is Page.REGISTRATION
        assert page.focusWidget() is page.edits["id_number"]
        self.fill(page, {**PERSON, **overrides})
        self.enter(page.edits["coming_from"])

    def fill(self, page: Any, values: dict[str, str]) -> None:
        for name, value in values.items():
            # Focus first: leaving the ID number pre-fills the form (a known person), and
            # what is typed must replace that, as staff do, not be appended to it.
            page.edits[name].setFocus()
            page.edits[name].clear()
            self.type(page.edits[name], value)

    def scans(self, count: int) -> None:
        """Green codes typed + Enter; the site pass by staff's Enter on an empty field."""
        page = self.page(Page.QR_SCAN)
        for _ in range(count):
            assert self.at() is Page.QR_SCAN
            assert page.focusWidget() is page.text_edit
            if page.current() != ScanKind.SITE_PASS:
                self.type(page.text_edit, GREEN_CODE)
            self.enter(page.text_edit)

    def pledge(self) -> None:
        assert self.at() is Page.PLEDGE
        self.draw_signature()
        self.click(self.page(Page.PLEDGE).confirm_button)

    def notice(self) -> None:
        assert self.at() is Page.NOTICE
        self.enter()

    def first_time(self, channel: Channel, scans: int, **person: str) -> None:
        self.channel(channel)
        self.certificate()
        self.temperature()
        self.disinfection()
        self.registration(**person)
        self.scans(scans)
        self.pledge()
        self.notice()

    def answer(self, yes: bool) -> None:
        question = self.window.question
        assert question is not None and question.isVisible()
        self.click(question.yes_button if yes else question.no_button)

    # --- the ledger -------------------------------------------------------------------------

    def records(self, **filters: str) -> list[StoredRecord]:
        return list(self.ledger.records(**filters))

    def passages(self) -> list[StoredRecord]:
        return self.records(kind="passage")

    def close(self) -> None:
        if self.burst is not None:
            QApplication.instance().removeEventFilter(self.burst)
            self.burst.flush()
        self.window._close_confirmed = True
        self.window.close()
        self.ledger.close()
