"""Keyboard-output devices on every screen, with the real window and the app-wide burst
filter: a hand scanner or a fast typist's burst goes into the focused field when that
field takes text (certificate number and date, temperature, ID number, plate) and is a
code scan only where a code is expected; a refused scan's notice goes with the page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kiosk_support import PERSON, START, Kiosk

from gatekeeper.domain.vocab import Channel
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui.flow import Page

REFUSED = "does not take one"


@pytest.fixture
def make_kiosk(qtbot, languages, tmp_path: Path) -> Iterator[Callable[[], Kiosk]]:
    made: list[Kiosk] = []

    def make() -> Kiosk:
        kiosk = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START),
                      usb_scanner=True)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()


def scans_of(k: Kiosk) -> list[str]:
    assert k.burst is not None
    seen: list[str] = []
    k.burst.scanned.connect(seen.append)
    return seen


def test_certificate_number_and_date_from_a_hand_scanner_are_entered(make_kiosk) -> None:
    k = make_kiosk()
    seen = scans_of(k)
    k.channel(Channel.WORKER)
    page = k.page(Page.CERTIFICATE)
    assert page.focusWidget() is page.number_edit
    k.usb_scan("HC-2020-0042")
    assert page.number_edit.text() == "HC-2020-0042"
    # its Enter went on to the date, which is still empty: the page was not sent on
    assert k.at() is Page.CERTIFICATE and page.focusWidget() is page.expires_edit
    k.usb_scan("2020-12-31")
    assert k.at() is Page.TEMPERATURE
    assert k.flow.screening.certificate["number"] == "HC-2020-0042"
    assert k.flow.screening.certificate["expires"] == "2020-12-31"
    assert seen == [] and not k.window.notice.isVisible()


def test_a_fast_typist_on_the_certificate_page_types(make_kiosk) -> None:
    """Fast typing with Enter is the same burst as a scanner's: typed, never refused."""
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.usb_scan("HC-0042")
    k.usb_scan("2020-12-31")
    assert k.at() is Page.TEMPERATURE
    assert k.flow.screening.certificate["number"] == "HC-0042"
    assert not k.window.notice.isVisible()


def test_a_keyboard_thermometer_reading_is_the_typed_reading(make_kiosk) -> None:
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.certificate()
    page = k.page(Page.TEMPERATURE)
    k.usb_scan("38.2")
    assert k.at() is Page.TEMPERATURE  # fever: the same rule as a typed reading
    assert [t["reading_c"] for t in k.flow.screening.temperatures] == [38.2]
    assert page.verdict_label.isVisible() and not k.window.notice.isVisible()


def test_an_id_number_scanned_into_the_registration_form(make_kiosk) -> None:
    k = make_kiosk()
    seen = scans_of(k)
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    k.disinfection()
    page = k.page(Page.REGISTRATION)
    assert page.focusWidget() is page.edits["id_number"]
    k.usb_scan(PERSON["id_number"])
    assert page.edits["id_number"].text() == PERSON["id_number"]
    assert k.at() is Page.REGISTRATION and page.focusWidget() is page.edits["name"]
    assert seen == [] and not k.window.notice.isVisible()


def test_a_plate_from_a_plate_reader_starts_the_driver(make_kiosk) -> None:
    k = make_kiosk()
    k.channel(Channel.VEHICLE)
    page = k.page(Page.PLATE)
    k.usb_scan("豫A12345")
    assert k.at() is Page.CERTIFICATE  # typed into the plate field, its Enter confirmed
    assert page.plate_edit.text() == "豫A12345"
    assert k.flow.group.plate == "豫A12345"


def test_on_the_qr_step_a_burst_is_still_the_scan(make_kiosk) -> None:
    k = make_kiosk()
    seen = scans_of(k)
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    k.disinfection()
    k.registration()
    page = k.page(Page.QR_SCAN)
    k.usb_scan("status=green")
    assert seen == ["status=green"]
    assert page.text_edit.text() == ""  # the code was read, not typed
    assert k.flow.screening.scans["health_code"]["status"] == "ok"


def test_a_refused_scan_notice_goes_away_with_the_next_step(make_kiosk) -> None:
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    assert k.at() is Page.DISINFECTION  # no text field here: a burst is a scan
    k.usb_scan("status=green")
    assert k.at() is Page.DISINFECTION
    assert k.window.notice.isVisible() and REFUSED in k.window.notice.text_label.text()
    k.disinfection()
    assert k.at() is Page.REGISTRATION
    assert not k.window.notice.isVisible()
    assert k.window.header_title.isVisible()


def test_a_notice_stays_while_the_page_stays(make_kiosk) -> None:
    """Only another page takes the refusal away: an update of the same page does not."""
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    k.usb_scan("status=green")
    k.window._show_page(Page.DISINFECTION.value, {})
    assert k.window.notice.isVisible()
