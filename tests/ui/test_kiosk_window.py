"""Inline validation, pre-fill, language switches mid-screening, leaving the window."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kiosk_support import PERSON, POLICY, START, Kiosk
from PySide6.QtCore import Qt

from gatekeeper.domain.policy import Pledge
from gatekeeper.domain.vocab import Channel
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui import app as app_module
from gatekeeper.ui.flow import Page


def to_registration(kiosk) -> object:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    return kiosk.page(Page.REGISTRATION)


def test_fields_are_checked_as_staff_leave_them(kiosk) -> None:
    page = to_registration(kiosk)
    kiosk.type(page.edits["id_number"], "410122198506121234")
    page.edits["id_number"].editingFinished.emit()
    assert "check digit" in page.error_text("id_number")
    kiosk.type(page.edits["phone"], "12345")
    page.edits["phone"].editingFinished.emit()
    assert "12345" in page.error_text("phone")
    page.edits["phone"].clear()
    kiosk.type(page.edits["phone"], "13800138000")
    page.edits["phone"].editingFinished.emit()
    assert page.error_text("phone") == ""
    kiosk.enter(page.edits["phone"])  # Confirm with errors: refused, stays
    assert kiosk.at() is Page.REGISTRATION
    assert kiosk.passages() == []


def test_a_known_person_is_prefilled_from_the_id_number(kiosk) -> None:
    kiosk.first_time(Channel.WORKER, scans=3)
    kiosk.flow.outcome_timer.timeout.emit()
    page = to_registration(kiosk)
    assert page.edits["name"].text() == ""
    kiosk.type(page.edits["id_number"], PERSON["id_number"])
    page.edits["id_number"].editingFinished.emit()
    assert page.edits["name"].text() == PERSON["name"]
    assert page.edits["employer"].text() == PERSON["employer"]
    assert page.edits["coming_from"].text() == PERSON["coming_from"]
    kiosk.enter(page.edits["name"])
    assert kiosk.at() is Page.QR_SCAN
    assert len(kiosk.records(kind="person")) == 1  # unchanged: no new snapshot


def test_language_switch_mid_screening_keeps_input_and_rerenders_errors(kiosk) -> None:
    page = to_registration(kiosk)
    kiosk.type(page.edits["name"], "张伟")
    kiosk.type(page.edits["phone"], "12345")
    page.edits["phone"].editingFinished.emit()
    english = page.error_text("phone")
    assert "Mobile number" in english or "mobile" in english
    kiosk.click(kiosk.window.language_button)
    assert page.edits["name"].text() == "张伟" and page.edits["phone"].text() == "12345"
    assert page.error_text("phone") != english and "手机号" in page.error_text("phone")
    assert page.title_label.text() == "信息登记"
    assert page.confirm_button.text() == "登记"
    kiosk.click(kiosk.window.language_button)
    assert page.error_text("phone") == english


def test_the_outcome_returns_to_start_on_its_timer(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.click(kiosk.page(Page.CERTIFICATE).kind_buttons[""])
    kiosk.enter()
    timer = kiosk.flow.outcome_timer
    assert kiosk.at() is Page.OUTCOME and timer.isActive()
    assert timer.interval() == 8000  # policy.outcome_seconds
    assert kiosk.window.start_screen.figures.tiles["turned_away"].value_label.text() == "1"
    timer.timeout.emit()
    assert kiosk.at() is Page.START


def test_closing_mid_screening_asks_first(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.window.close()
    assert kiosk.window.isVisible()
    kiosk.answer(False)
    assert kiosk.window.isVisible() and kiosk.at() is Page.TEMPERATURE
    kiosk.window.close()
    kiosk.answer(True)
    assert not kiosk.window.isVisible()
    assert len(kiosk.ledger.drafts()) == 1  # kept for the next start


def test_kiosk_mode_needs_the_pin_to_leave(kiosk, monkeypatch) -> None:
    from gatekeeper.ui.widgets import pin_dialog

    answers = [False, True]
    asked = []

    def ask(parent, kiosk_pin, now_fn) -> bool:
        asked.append(kiosk_pin)
        return answers.pop(0)

    monkeypatch.setattr(pin_dialog.PinDialog, "ask", staticmethod(ask))
    kiosk.window.kiosk_pin = object()
    kiosk.window.show_kiosk()
    assert kiosk.window.exit_button.isVisible()
    kiosk.click(kiosk.window.exit_button)  # the hidden corner
    assert kiosk.window.isVisible()
    kiosk.window.close()  # Alt+F4 is a close event too
    assert not kiosk.window.isVisible()
    assert len(asked) == 2


def test_kiosk_without_a_pin_refuses_to_start(kiosk, tmp_path: Path, capsys) -> None:
    code = app_module.run_gui(kiosk.path, kiosk=True, session=kiosk.session,
                              pin_path=tmp_path / "no-pin.json", lang="en")
    assert code == 2
    assert "gatekeeper kiosk set-pin" in capsys.readouterr().err


def test_enter_and_esc_on_the_pass_page(kiosk) -> None:
    kiosk.click(kiosk.window.start_screen.returning_button)
    page = kiosk.page(Page.PASS_SCAN)
    kiosk.enter(page.pass_edit)
    assert page.error_text("person_id")
    kiosk.key(Qt.Key.Key_Escape, page.pass_edit)
    assert kiosk.at() is Page.START


def test_the_policys_texts_with_braces_are_shown_as_written(qtbot, languages, tmp_path) -> None:
    """A policy file's pledge, notice and quarantine place with braces: each page shows
    them as written, in both languages, and the screenings go on (the texts were
    formatted as templates, and the page raised instead of drawing)."""
    policy = dataclasses.replace(
        POLICY, quarantine_place_en="Room {2}", quarantine_place_zh="隔离{室}",
        notice_en="Bring your {mask}", notice_zh="{",
        pledges=(Pledge("health", "I {promise}", "我{0}承诺"),),
    )  # fmt: skip
    k = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START), policy)
    try:
        k.channel(Channel.WORKER)
        k.certificate()
        k.temperature()
        k.disinfection()
        k.registration()
        k.scans(3)
        assert k.page(Page.PLEDGE).pledge_labels[0].text() == "1. I {promise}"
        languages.set_language("zh_CN")
        assert k.page(Page.PLEDGE).pledge_labels[0].text() == "1. 我{0}承诺"
        k.pledge()
        assert k.page(Page.NOTICE).notice_label.text() == "{"
        languages.set_language("en")
        assert k.page(Page.NOTICE).notice_label.text() == "Bring your {mask}"
        k.notice()
        assert k.at() is Page.OUTCOME
        k.flow.outcome_timer.timeout.emit()
        k.channel(Channel.WORKER)
        k.certificate()
        k.temperature()
        k.disinfection()
        k.registration()
        qr = k.page(Page.QR_SCAN)
        k.type(qr.text_edit, "status=yellow")
        k.enter(qr.text_edit)
        assert k.at() is Page.OUTCOME
        assert k.page(Page.OUTCOME).big_label.text() == "Room {2}"
        languages.set_language("zh_CN")
        assert k.page(Page.OUTCOME).big_label.text() == "隔离{室}"
    finally:
        k.close()
