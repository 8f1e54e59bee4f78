"""A known ID number typed with another name: both names on screen, a deliberate choice."""

from __future__ import annotations

from kiosk_support import PERSON
from plain_support import button_says, label_text

from gatekeeper.domain.vocab import Channel
from gatekeeper.ui.flow import Page


def _again_with(kiosk, name: str, known: str = PERSON["name"]):  # type: ignore[no-untyped-def]
    kiosk.first_time(Channel.WORKER, scans=3, name=known)
    kiosk.flow.outcome_timer.timeout.emit()
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    page = kiosk.page(Page.REGISTRATION)
    kiosk.fill(page, {**PERSON, "name": name})
    kiosk.enter(page.edits["coming_from"])
    return page


def test_both_names_are_shown_and_the_typed_one_is_kept_only_when_chosen(kiosk) -> None:
    page = _again_with(kiosk, "张三")
    assert kiosk.at() is Page.REGISTRATION
    assert PERSON["name"] in page.error_text("name") and "张三" in page.error_text("name")
    assert page.use_known_button.isVisible() and page.keep_typed_button.isVisible()
    assert "张三" in page.keep_typed_button.text()
    kiosk.click(page.keep_typed_button)
    assert kiosk.at() is Page.QR_SCAN
    assert kiosk.ledger.find_person("resident_id", PERSON["id_number"]) is not None


def test_the_registered_name_fills_the_form_and_goes_on(kiosk) -> None:
    page = _again_with(kiosk, "张三")
    kiosk.click(page.use_known_button)
    assert kiosk.at() is Page.QR_SCAN
    persons = kiosk.records(kind="person")
    assert len(persons) == 1  # nothing changed in the registration


def test_both_names_are_shown_as_typed(kiosk) -> None:
    """Names with markup or an "&": the error and both buttons say them as typed (the
    buttons took "&" for a shortcut mark and dropped it; the error drew the markup)."""
    known, typed = "<b>张&伟</b>", "a &amp; b <i>"
    page = _again_with(kiosk, typed, known=known)
    assert kiosk.at() is Page.REGISTRATION
    error = label_text(page.error_label_for("name"))
    assert known in error and typed in error
    assert button_says(page.use_known_button) == f"Use the registered name: {known}"
    assert button_says(page.keep_typed_button) == f"The typed name is right: {typed}"
    kiosk.click(page.use_known_button)
    assert kiosk.at() is Page.QR_SCAN
    assert kiosk.flow.screening.registration.name == known
