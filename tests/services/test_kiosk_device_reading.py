"""A serial thermometer's reading (`KioskSession.device_reading`) is the temperature
step's reading exactly as a typed one, and nobody's reading anywhere else."""

from __future__ import annotations

from kiosk_session_support import new_session, walk_to
from services_support import open_gate

from gatekeeper.domain.vocab import Channel, Step
from gatekeeper.services.kiosk import Page


def at_temperature(tmp_path):
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    session.choose_channel(Channel.WORKER.value)
    walk_to(session, screen, gate, Page.TEMPERATURE)
    return gate, session, screen


def test_a_device_reading_is_the_typed_reading(tmp_path) -> None:
    _gate, session, screen = at_temperature(tmp_path)
    assert session.device_reading("36.5") is True
    assert screen.page is Page.DISINFECTION
    assert [t["reading_c"] for t in session.screening.temperatures] == [36.5]


def test_it_is_judged_and_refused_as_a_typed_one(tmp_path) -> None:
    _gate, session, screen = at_temperature(tmp_path)
    assert session.device_reading("51.0") is True  # a measuring error: measure again
    assert screen.page is Page.TEMPERATURE
    assert screen.state["verdict_kind"] == "out_of_range"
    assert session.device_reading("abc") is True  # a pattern that let junk through
    assert "is not a temperature" in screen.error(field="temperature")
    assert session.screening.current_step is Step.TEMPERATURE


def test_nobody_s_reading_elsewhere_or_while_resting(tmp_path) -> None:
    gate = open_gate(tmp_path)
    session, screen = new_session(gate)
    assert session.device_reading("36.5") is False  # the start screen: nobody there
    session.choose_channel(Channel.WORKER.value)
    assert screen.page is Page.CERTIFICATE
    assert session.device_reading("36.5") is False  # step 1 is not done yet
    assert session.screening.temperatures == []
    walk_to(session, screen, gate, Page.TEMPERATURE)
    session.submit_temperature("38.0")  # fever: rest, then measure again
    assert session.device_reading("36.4") is False  # resting: not the re-measure yet
    assert len(session.screening.temperatures) == 1 and not screen.errors
    gate.tick(minutes=6)
    assert session.device_reading("36.4") is True
    assert screen.page is Page.DISINFECTION
