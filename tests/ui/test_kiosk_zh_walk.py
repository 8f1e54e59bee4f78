"""Walk every kiosk screen in zh_CN and fail on any visible text that did not come from
a translation or the domain's zh_CN catalogue: a run of 3+ Latin letters gives it away
(typed user data and a few tokens such as PDF/QR excepted)."""

from __future__ import annotations

import re

from console_support import MANAGER_PIN, add_account
from kiosk_support import PERSON, START, Kiosk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from gatekeeper.domain.vocab import Channel
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui.flow import Page

LATIN_RUN = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"PDF", "PNG", "QR", "PIN", "English"}  # English: the language switch names itself
USER_DATA = ("豫A12345", "HC-0042", "HC:GREEN", "abc")  # typed by the test, echoed back


def shown_texts(window: QWidget) -> list[str]:
    """Every text a person can see: labels, buttons, check boxes, placeholders, combo
    items, window titles (the main window and any dialog up)."""
    tops = [window, *[w for w in QApplication.topLevelWidgets()
                      if w.isVisible() and w is not window]]
    texts: list[str] = []
    for top in tops:
        texts.append(top.windowTitle())
        for w in top.findChildren(QWidget):
            if not w.isVisible():
                continue
            if isinstance(w, QLabel | QAbstractButton):
                texts.append(w.text())
                texts.append(w.toolTip())
            elif isinstance(w, QLineEdit):
                texts.append(w.placeholderText())
            elif isinstance(w, QComboBox):
                texts += [w.itemText(i) for i in range(w.count())]
    return [t for t in texts if t]


def untranslated(window: QWidget, db_path: str) -> list[str]:
    bad = []
    for text in shown_texts(window):
        cleaned = text.replace(db_path, "")
        for data in USER_DATA:
            cleaned = cleaned.replace(data, "")
        runs = [r for r in LATIN_RUN.findall(cleaned) if r not in ALLOWED]
        if runs:
            bad.append(text)
    return bad


class Walk:
    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.seen: set[str] = set()

    def check(self, name: str) -> None:
        page = self.kiosk.at()
        self.seen.add(f"{name}:{page}")
        bad = untranslated(self.kiosk.window, str(self.kiosk.path))
        assert not bad, f"{name} ({page}): untranslated text on screen: {bad}"


def test_every_screen_in_chinese_is_chinese(kiosk, languages, qtbot) -> None:
    assert languages.set_language("zh_CN")
    walk = Walk(kiosk)
    k = kiosk
    walk.check("start")
    assert k.window.start_screen.title_label.text() == "门岗通"

    # returning path: the pass page, its error, back
    k.click(k.window.start_screen.returning_button)
    walk.check("pass")
    k.enter()
    assert k.page().error_text("person_id")
    walk.check("pass error")
    k.key(Qt.Key.Key_Escape)

    # goods vehicle: plate, the driver's eight steps with their errors and verdicts
    k.channel(Channel.VEHICLE)
    walk.check("plate")
    k.type(k.page(Page.PLATE).plate_edit, "豫A12345")
    k.enter()
    walk.check("certificate")
    k.click(k.page(Page.CERTIFICATE).kind_buttons[""])
    walk.check("certificate none")
    k.click(k.page(Page.CERTIFICATE).kind_buttons["entry_pass"])
    k.certificate(expires="2020-13-45")
    walk.check("certificate bad date")
    k.page(Page.CERTIFICATE).expires_edit.clear()
    k.enter(k.page(Page.CERTIFICATE).expires_edit)
    walk.check("temperature")
    k.temperature("abc")
    walk.check("temperature not a number")
    k.page(Page.TEMPERATURE).reading_edit.clear()
    k.temperature("31.0")
    walk.check("temperature out of range")
    k.temperature("38.0")
    walk.check("temperature fever countdown")
    k.clock.advance(seconds=301)
    k.flow.tick_rest()
    walk.check("temperature rest over")
    k.temperature("36.5")
    walk.check("disinfection")
    k.enter()
    walk.check("disinfection vehicle missing")
    k.disinfection(vehicle_too=True)
    walk.check("registration")
    page = k.page(Page.REGISTRATION)
    k.type(page.edits["phone"], "12345")
    page.edits["phone"].editingFinished.emit()
    walk.check("registration error")
    page.focus_input()
    k.registration(role="司机")
    walk.check("qr")
    qr = k.page(Page.QR_SCAN)
    k.click(qr.status_buttons["unreadable"])
    walk.check("qr manual")
    add_account(k.ledger, "manager", "site_manager")
    k.click(qr.manual_button)  # a site manager signs in to decide it
    dialog = k.window.sign_in_dialog
    walk.check("qr manager sign-in")
    assert "项目负责人" in dialog.title_label.text()
    dialog.username_edit.setText("manager")
    dialog.pin_edit.setText(MANAGER_PIN)
    dialog.submit()
    assert k.window.sign_in_dialog is None, dialog.message()
    k.scans(1)
    walk.check("pledge")
    k.click(k.page(Page.PLEDGE).confirm_button)  # nothing drawn yet
    walk.check("pledge error")
    k.pledge()
    walk.check("notice")
    k.notice()
    walk.check("vehicle next")
    k.click(k.page(Page.VEHICLE_NEXT).add_button)
    walk.check("passenger certificate")
    k.certificate()
    for reading in ("38.5", "38.4", "38.6"):
        k.temperature(reading)
        k.clock.advance(seconds=301)
        k.flow.tick_rest()
    walk.check("quarantine registration")
    qpage = k.page(Page.QUARANTINE_REGISTRATION)
    k.fill(qpage, {**PERSON, "id_number": "G12345678"})
    qpage.id_type_combo.setCurrentIndex(1)  # passport
    k.enter(qpage.edits["coming_from"])
    walk.check("vehicle next 2")
    k.enter()
    walk.check("outcome green")
    k.flow.outcome_timer.timeout.emit()

    # turned away (red), abandoned (grey, after the question), quarantined (amber)
    k.channel(Channel.WORKER)
    k.click(k.page(Page.CERTIFICATE).kind_buttons[""])
    k.enter()
    walk.check("outcome red")
    k.flow.outcome_timer.timeout.emit()
    k.channel(Channel.VISITOR)
    k.certificate()
    k.key(Qt.Key.Key_Escape)
    walk.check("abandon question")
    k.answer(True)
    walk.check("outcome abandoned")
    k.flow.outcome_timer.timeout.emit()
    k.channel(Channel.WORKER)
    k.certificate()
    for reading in ("38.5", "38.4", "38.6"):
        k.temperature(reading)
        k.clock.advance(seconds=301)
        k.flow.tick_rest()
    k.fill(k.page(Page.QUARANTINE_REGISTRATION), PERSON)
    k.enter(k.page(Page.QUARANTINE_REGISTRATION).edits["coming_from"])
    walk.check("outcome amber")
    k.flow.outcome_timer.timeout.emit()

    # closing mid-screening asks; a restart offers the unfinished screening
    k.channel(Channel.WORKER)
    k.certificate()
    k.window.close()
    walk.check("close question")
    k.answer(True)
    k.ledger.close()
    again = Kiosk(qtbot, languages, k.path, SteppingClock(START.replace(hour=9)))
    try:
        again.window.offer_recovery()
        Walk(again).check("recovery question")
        again.answer(True)
        Walk(again).check("resumed")
    finally:
        again.close()
    assert len(walk.seen) >= 30
