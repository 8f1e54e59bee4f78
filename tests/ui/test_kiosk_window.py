"""Inline validation, pre-fill, language switches mid-screening, leaving the window."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kiosk_support import PERSON, POLICY, START, Kiosk
from plain_support import label_text
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


def test_a_typed_value_an_error_quotes_is_shown_as_typed(kiosk) -> None:
    """The error under a field quotes what was typed: markup in it is text (the error
    labels took "<b>…</b>" for rich text and drew it bold, an "<img>" as an image)."""
    page = to_registration(kiosk)
    kiosk.type(page.edits["phone"], "<b>138</b>")
    page.edits["phone"].editingFinished.emit()
    shown = label_text(page.error_label_for("phone"))
    assert shown.startswith("<b>138</b> is not a valid phone number"), shown
    kiosk.key(Qt.Key.Key_Escape, page.edits["phone"])
    kiosk.answer(yes=True)
    kiosk.flow.outcome_timer.timeout.emit()
    kiosk.channel(Channel.VEHICLE)
    plate = kiosk.page(Page.PLATE)
    kiosk.type(plate.plate_edit, "<img src='x'>")
    kiosk.enter(plate.plate_edit)
    assert label_text(plate.error_label_for("plate")).startswith(
        "<img src='x'> is not a valid plate")


# The policy's own texts, as a site manager may write them in the file: markup is text.
MARKUP_POLICY = dataclasses.replace(
    POLICY, quarantine_place_en="<b>Room 2</b>", quarantine_place_zh="<img src='x'>隔离室",
    quarantine_contact_phone="<a href='tel:110'>110</a>",
    notice_en="<script>Bring a mask</script> & a &amp; b", notice_zh="a &lt; b",
    pledges=(Pledge("health", "<b>I promise</b>", "<i>我承诺</i>"),),
)  # fmt: skip


def test_the_policys_texts_with_markup_are_shown_as_written(qtbot, languages, tmp_path) -> None:
    """A policy file's pledge, notice, quarantine place and contact with markup: each
    page shows them as written, in both languages (the labels drew them as rich text:
    bold, an image, a link, "a &lt; b" as "a < b")."""
    k = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START), MARKUP_POLICY)
    try:
        k.channel(Channel.WORKER)
        k.certificate()
        k.temperature()
        k.disinfection()
        k.registration()
        k.scans(3)
        pledge = k.page(Page.PLEDGE).pledge_labels[0]
        assert label_text(pledge) == "1. <b>I promise</b>"
        languages.set_language("zh_CN")
        assert label_text(pledge) == "1. <i>我承诺</i>"
        k.pledge()
        notice = k.page(Page.NOTICE).notice_label
        assert label_text(notice) == "a &lt; b"
        languages.set_language("en")
        assert label_text(notice) == "<script>Bring a mask</script> & a &amp; b"
        k.notice()
        k.flow.outcome_timer.timeout.emit()
        k.channel(Channel.WORKER)
        k.certificate()
        k.temperature()
        k.disinfection()
        k.registration()
        qr = k.page(Page.QR_SCAN)
        k.type(qr.text_edit, "status=yellow")
        k.enter(qr.text_edit)
        outcome = k.page(Page.OUTCOME)
        assert k.at() is Page.OUTCOME
        assert label_text(outcome.big_label) == "<b>Room 2</b>"
        assert "<b>Room 2</b>" in label_text(outcome.message_label)
        assert "<a href='tel:110'>110</a>" in label_text(
            outcome.contact_label if outcome.contact_label.isVisibleTo(outcome)
            else outcome.message_label)  # fmt: skip
        languages.set_language("zh_CN")
        assert label_text(outcome.big_label) == "<img src='x'>隔离室"
    finally:
        k.close()


def test_what_a_scan_said_is_shown_as_written(kiosk) -> None:
    """The QR step's "Read: …" line: whatever the reading says (a code's text is anyone's
    to write) is text, not markup."""
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    kiosk.registration()
    qr = kiosk.page(Page.QR_SCAN)
    qr.set_state({"last_read": lambda _lang: "<img src='/etc/passwd'> &lt;b&gt;"})
    assert qr.read_label.isVisibleTo(qr)
    assert label_text(qr.read_label) == "Read: <img src='/etc/passwd'> &lt;b&gt;"


def test_a_notice_in_the_header_is_shown_as_written(kiosk) -> None:
    kiosk.window.show_notice(lambda: "<b>COM3</b> &lt;")
    assert label_text(kiosk.window.notice.text_label) == "<b>COM3</b> &lt;"
