"""Every path through the kiosk, driven by clicks and keys; the ledger says what happened."""

from __future__ import annotations

from console_support import manager_actor, manager_check
from kiosk_support import PERSON
from PySide6.QtCore import Qt

from gatekeeper.domain.vocab import Channel, Outcome, Reason
from gatekeeper.ui.flow import Page


def test_first_time_worker_is_admitted(kiosk) -> None:
    kiosk.first_time(Channel.WORKER, scans=3)
    assert kiosk.at() is Page.OUTCOME
    page = kiosk.page()
    assert page.property("outcome") == "admitted"
    assert "worker lane" in page.big_label.text()
    assert "construction zone" in page.big_label.text()
    [passage] = kiosk.passages()
    assert (passage.outcome, passage.reason) == (Outcome.ADMITTED, Reason.CLEARED)
    assert passage.channel == "worker"
    assert passage.body["steps_passed"] == [
        "certificate", "temperature", "disinfection", "registration", "qr_scan", "pledge",
        "notice", "lane"]
    [person] = kiosk.records(kind="person")
    assert person.personal["name"] == PERSON["name"]
    assert person.personal["phone"] == "+8613800138000"
    pledge = [r for r in kiosk.records(kind="step") if r.body["step"] == "pledge"]
    assert pledge[0].personal["signature_png"].startswith(b"\x89PNG")
    assert kiosk.sound.played == ["admitted"]
    assert kiosk.ledger.drafts() == []
    # back to the start screen on a key press, with the figures updated
    kiosk.key(Qt.Key.Key_Space, kiosk.page())
    assert kiosk.at() is Page.START
    assert kiosk.window.start_screen.figures.tiles["admitted"].value_label.text() == "1"


def test_returning_worker_takes_four_actions_plus_the_temperature(kiosk) -> None:
    kiosk.first_time(Channel.WORKER, scans=3)
    [first] = kiosk.passages()
    kiosk.session.service.issue_pass(first.person_id, by=manager_actor(kiosk.ledger))
    kiosk.flow.outcome_timer.timeout.emit()  # the outcome's timer: back to start
    assert kiosk.at() is Page.START
    kiosk.clock.advance(hours=9)  # the evening
    kiosk.actions = 0

    kiosk.click(kiosk.window.start_screen.returning_button)
    page = kiosk.page(Page.PASS_SCAN)
    assert page.focusWidget() is page.pass_edit
    kiosk.type(page.pass_edit, PERSON["id_number"])
    kiosk.enter(page.pass_edit)
    assert kiosk.page(Page.TEMPERATURE).indicator.states() == [
        "done", "current", "remaining", "remaining"]
    kiosk.temperature("36.4")
    kiosk.disinfection()

    assert kiosk.at() is Page.OUTCOME
    assert kiosk.actions == 4
    passages = kiosk.passages()
    assert len(passages) == 2
    assert passages[1].reason == Reason.RETURNING_CLEARED
    assert passages[1].body["path"] == "returning"
    assert passages[1].person_id == first.person_id


def test_a_pass_that_is_not_eligible_goes_the_first_time_path_and_says_why(kiosk) -> None:
    kiosk.click(kiosk.window.start_screen.returning_button)
    page = kiosk.page(Page.PASS_SCAN)
    kiosk.type(page.pass_edit, PERSON["id_number"])
    kiosk.enter(page.pass_edit)
    assert kiosk.at() is Page.CERTIFICATE
    info = kiosk.page(Page.CERTIFICATE).info_label
    assert info.isVisible()
    assert "Not registered at this site" in info.text()


def test_visitor_is_admitted_to_the_management_zone(kiosk) -> None:
    kiosk.first_time(Channel.VISITOR, scans=2, role="供应商")
    [passage] = kiosk.passages()
    assert (passage.channel, passage.outcome) == ("visitor", Outcome.ADMITTED)
    assert passage.body["outcome"]["zone"] == "management"
    assert "management zone" in kiosk.page().big_label.text()


def test_no_certificate_turns_the_person_away(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    page = kiosk.page(Page.CERTIFICATE)
    kiosk.click(page.kind_buttons[""])
    assert not page.number_edit.isEnabled()
    kiosk.enter()
    assert kiosk.at() is Page.OUTCOME
    assert kiosk.page().property("outcome") == "turned_away"
    assert "No valid health certificate" in kiosk.page().message_label.text()
    [passage] = kiosk.passages()
    assert (passage.outcome, passage.reason) == (Outcome.TURNED_AWAY, Reason.NO_CERTIFICATE)
    assert kiosk.sound.played == ["turned_away"]


def test_an_expired_certificate_turns_away_with_the_date(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate(expires="2020-02-01")
    [passage] = kiosk.passages()
    assert passage.reason == Reason.CERTIFICATE_EXPIRED
    assert "2020-02-01" in kiosk.page().message_label.text()


def test_red_code_turns_the_person_away(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    kiosk.registration()
    page = kiosk.page(Page.QR_SCAN)
    kiosk.type(page.text_edit, "HC:RED")
    kiosk.click(page.status_buttons["red"])
    [passage] = kiosk.passages()
    assert (passage.outcome, passage.reason) == (Outcome.TURNED_AWAY, Reason.RED_CODE)
    assert passage.body["scans"]["health_code"]["status"] == "red"
    assert kiosk.page().property("outcome") == "turned_away"


def test_an_unreadable_code_is_rescanned_or_decided_by_a_manager(kiosk) -> None:
    kiosk.channel(Channel.VISITOR)
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    kiosk.registration(role="访客")
    page = kiosk.page(Page.QR_SCAN)
    assert not page.manual_button.isVisible()
    kiosk.click(page.status_buttons["unreadable"])
    assert page.manual_button.isVisible()
    assert page.focusWidget() is page.text_edit
    assert manager_check(kiosk) == ""  # health code: a site manager signs in, says OK
    [health] = [s for s in page._state["scans"] if s["kind"] == "health_code"]
    assert health["status"] == "ok"
    kiosk.enter(page.text_edit)  # itinerary code: green
    assert kiosk.at() is Page.PLEDGE


def test_fever_rest_remeasure_then_quarantine_with_registration(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    page = kiosk.page(Page.TEMPERATURE)
    kiosk.temperature("38.2")
    assert kiosk.at() is Page.TEMPERATURE
    assert "fever reading" in page.verdict_label.text()
    assert not page.reading_edit.isEnabled()  # resting: nothing to type yet
    assert kiosk.flow.rest_timer.isActive()
    assert page.countdown_label.text() == "Rest: 5:00 left"
    kiosk.clock.advance(seconds=61)
    kiosk.flow.tick_rest()
    assert page.countdown_label.text() == "Rest: 3:59 left"
    for reading in ("38.1", "38.0"):
        kiosk.clock.advance(seconds=300)
        kiosk.flow.tick_rest()
        assert page.reading_edit.isEnabled()
        assert not kiosk.flow.rest_timer.isActive()
        assert page.focusWidget() is page.reading_edit
        kiosk.temperature(reading)
    assert kiosk.at() is Page.QUARANTINE_REGISTRATION
    qpage = kiosk.page()
    assert "emergency isolation room" in qpage.info_label.text()
    assert kiosk.passages() == []  # not written until we know who it is
    kiosk.fill(qpage, PERSON)
    kiosk.enter(qpage.edits["coming_from"])
    assert kiosk.at() is Page.OUTCOME
    assert kiosk.page().property("outcome") == "quarantined"
    assert kiosk.page().big_label.text() == "emergency isolation room"
    [passage] = kiosk.passages()
    assert (passage.outcome, passage.reason) == (Outcome.QUARANTINED, Reason.FEVER)
    assert [t["reading_c"] for t in passage.body["temperatures"]] == [38.2, 38.1, 38.0]
    [start] = kiosk.records(kind="quarantine_start")
    assert start.person_id == passage.person_id is not None
    assert kiosk.records(kind="person")[0].personal["name"] == PERSON["name"]


def test_a_reading_outside_the_plausible_range_asks_to_measure_again(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    page = kiosk.page(Page.TEMPERATURE)
    kiosk.temperature("31.0")
    assert kiosk.at() is Page.TEMPERATURE
    assert "Measure again" in page.verdict_label.text()
    assert page.reading_edit.isEnabled() and page.reading_edit.text() == ""
    kiosk.temperature("36.6")
    assert kiosk.at() is Page.DISINFECTION


def test_abandon_mid_way_asks_then_records(kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.key(Qt.Key.Key_Escape)  # Esc after step 1: "abandon?"
    kiosk.answer(False)
    assert kiosk.at() is Page.TEMPERATURE
    assert kiosk.passages() == []
    kiosk.click(kiosk.page().abandon_button)
    kiosk.answer(True)
    assert kiosk.at() is Page.OUTCOME
    [passage] = kiosk.passages()
    assert (passage.outcome, passage.reason) == (Outcome.ABANDONED, Reason.LEFT_MIDWAY)
    assert kiosk.ledger.drafts() == []


def test_esc_before_step_one_goes_back_to_start(kiosk) -> None:
    kiosk.channel(Channel.VEHICLE)
    assert kiosk.at() is Page.PLATE
    kiosk.key(Qt.Key.Key_Escape)
    assert kiosk.at() is Page.START
    assert kiosk.passages() == [] and kiosk.ledger.drafts() == []
