"""The goods-vehicle channel, and a kiosk that crashed mid-screening."""

from __future__ import annotations

from kiosk_support import PERSON, START, Kiosk, resident_id

from gatekeeper.domain.vocab import Channel, Outcome, Reason
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui.flow import Page

PASSENGER_1 = {**PERSON, "name": "李强", "id_number": resident_id(seq="456"),
               "phone": "13900139000", "role": "押运员"}
PASSENGER_2 = {**PERSON, "name": "王芳", "id_number": resident_id(seq="789"),
               "phone": "13700137000", "role": "押运员"}


def test_goods_vehicle_with_two_passengers_one_with_fever(kiosk) -> None:
    kiosk.channel(Channel.VEHICLE)
    plate = kiosk.page(Page.PLATE)
    assert plate.focusWidget() is plate.plate_edit
    kiosk.type(plate.plate_edit, "豫a 12345")
    kiosk.enter(plate.plate_edit)
    # the driver: eight steps; the vehicle is disinfected at the driver's step 3
    assert kiosk.page(Page.CERTIFICATE).title_label.text() == "Certificate check · Driver"
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()  # forgot the vehicle: refused inline
    assert kiosk.at() is Page.DISINFECTION
    assert kiosk.page().error_text("vehicle_too")
    kiosk.disinfection(vehicle_too=True)
    kiosk.registration(role="司机")
    kiosk.scans(2)
    kiosk.pledge()
    kiosk.notice()
    assert kiosk.at() is Page.VEHICLE_NEXT
    nxt = kiosk.page()
    assert nxt.title_label.text() == "Goods vehicle 豫A12345"
    # passenger 1: fine
    kiosk.click(nxt.add_button)
    assert kiosk.page(Page.CERTIFICATE).title_label.text() == "Certificate check · Passenger 1"
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    kiosk.registration(**PASSENGER_1)
    kiosk.scans(2)
    kiosk.pledge()
    kiosk.notice()
    # passenger 2: fever, re-measured twice, quarantined, registered at the isolation room
    kiosk.click(nxt.add_button)
    kiosk.certificate()
    for reading in ("38.5", "38.4", "38.6"):
        kiosk.temperature(reading)
        kiosk.clock.advance(seconds=301)
        kiosk.flow.tick_rest()
    qpage = kiosk.page(Page.QUARANTINE_REGISTRATION)
    assert kiosk.at() is Page.QUARANTINE_REGISTRATION
    kiosk.fill(qpage, PASSENGER_2)
    kiosk.enter(qpage.edits["coming_from"])
    assert kiosk.at() is Page.VEHICLE_NEXT
    lines = [label.text() for label in nxt.people_labels if label.isVisible()]
    assert lines == [
        "Driver: all checks passed", "Passenger 1: Admitted", "Passenger 2: Quarantined"]
    kiosk.enter()  # done: the vehicle's outcome
    assert kiosk.at() is Page.OUTCOME
    assert kiosk.page().property("outcome") == "admitted"
    assert "goods-vehicle lane" in kiosk.page().big_label.text()

    [vehicle] = kiosk.records(kind="vehicle")
    assert vehicle.body["plate"] == "豫A12345"
    assert (vehicle.outcome, vehicle.reason) == (Outcome.ADMITTED, Reason.CLEARED)
    assert vehicle.body["vehicle_disinfected"] is True
    assert len(vehicle.body["people"]) == 3 and len(vehicle.body["separated"]) == 1
    passages = kiosk.passages()
    assert [p.outcome for p in passages] == ["admitted", "admitted", "quarantined"]
    assert [p.body["role"] for p in passages] == ["driver", "passenger", "passenger"]
    [start] = kiosk.records(kind="quarantine_start")
    assert start.person_id == passages[2].person_id
    names = {r.personal["name"] for r in kiosk.records(kind="person")}
    assert names == {PERSON["name"], PASSENGER_1["name"], PASSENGER_2["name"]}
    assert kiosk.ledger.drafts() == []


def test_a_driver_turned_away_turns_the_vehicle_away(kiosk) -> None:
    kiosk.channel(Channel.VEHICLE)
    kiosk.type(kiosk.page(Page.PLATE).plate_edit, "豫A12345")
    kiosk.enter()
    kiosk.click(kiosk.page(Page.CERTIFICATE).kind_buttons[""])
    kiosk.enter()
    assert kiosk.at() is Page.OUTCOME
    assert kiosk.page().property("outcome") == "turned_away"
    [vehicle] = kiosk.records(kind="vehicle")
    assert vehicle.reason == Reason.DRIVER_NOT_ADMITTED


def test_an_invalid_plate_is_explained_next_to_the_field(kiosk) -> None:
    kiosk.channel(Channel.VEHICLE)
    page = kiosk.page(Page.PLATE)
    kiosk.type(page.plate_edit, "ABC")
    kiosk.enter()
    assert kiosk.at() is Page.PLATE
    assert "ABC" in page.error_text("plate")


def test_crash_mid_screening_then_resume_and_finish(kiosk, qtbot, languages, tmp_path) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.temperature()
    assert kiosk.at() is Page.DISINFECTION
    assert len(kiosk.ledger.drafts()) == 1  # saved after every step
    kiosk.window._close_confirmed = True  # the power goes: no finishing, no questions
    kiosk.window.close()
    kiosk.ledger.close()

    again = Kiosk(qtbot, languages, kiosk.path, SteppingClock(START.replace(minute=20)))
    try:
        again.window.offer_recovery()
        question = again.window.question
        assert question is not None and "Worker" in question.text_label.text()
        assert "Disinfection" in question.text_label.text()
        again.answer(True)
        assert again.at() is Page.DISINFECTION
        assert again.page().indicator.states()[:3] == ["done", "done", "current"]
        again.disinfection()
        again.registration()
        again.scans(3)
        again.pledge()
        again.notice()
        [passage] = again.passages()
        assert passage.outcome == Outcome.ADMITTED
        assert [t["reading_c"] for t in passage.body["temperatures"]] == [36.5]
        assert again.ledger.drafts() == []
    finally:
        again.close()


def test_crash_then_record_as_abandoned(kiosk, qtbot, languages) -> None:
    kiosk.channel(Channel.VISITOR)
    kiosk.certificate()
    kiosk.window._close_confirmed = True
    kiosk.window.close()
    kiosk.ledger.close()

    again = Kiosk(qtbot, languages, kiosk.path, SteppingClock(START.replace(minute=30)))
    try:
        again.window.offer_recovery()
        again.answer(False)
        assert again.at() is Page.START
        [passage] = again.passages()
        assert (passage.outcome, passage.reason) == (Outcome.ABANDONED, Reason.INTERRUPTED)
        assert again.window.start_screen.figures.tiles["admitted"].value_label.text() == "0"
        assert again.ledger.drafts() == []
        assert again.window.question is None
    finally:
        again.close()
