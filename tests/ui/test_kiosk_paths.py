"""Every path through the kiosk, driven by clicks and keys; the ledger says what happened."""

from __future__ import annotations

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
