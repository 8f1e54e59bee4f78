"""The lane's release on the real kiosk window: a relay board behind a pseudo-terminal
pair (real pyserial) pulses only for an admitted person, byte for byte, and the ledger
says the gate was opened; a board pulled out or a site command that fails is shown to
staff, the admission stays recorded, and the ledger says the lane did not open, which the
inspector reads in the person's timeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from console_support import sign_in
from kiosk_support import PERSON, START, Kiosk
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "devices"))
from pty_support import PtyDevice

from gatekeeper.devices.turnstile import CommandRelease, SerialRelay
from gatekeeper.domain.policy import DEFAULT_RELAY_CHANNELS
from gatekeeper.domain.vocab import Channel, Outcome
from gatekeeper.services.clock import SteppingClock
from gatekeeper.ui.devices import LaneRelease
from gatekeeper.ui.flow import Page

PULSE = bytes.fromhex("A0 01 01 A2 A0 01 00 A1")  # LCUS channel 1: on, then off


@pytest.fixture
def board(tmp_path: Path):
    dev = PtyDevice(tmp_path, "ttyRELAY0")
    yield dev
    dev.close()


def kiosk_with(qtbot, languages, tmp_path: Path, release) -> Kiosk:
    lane = LaneRelease(release)
    return Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START), release=lane)


def test_admitted_pulses_the_relay_and_is_recorded(qtbot, languages, tmp_path, board) -> None:
    relay = SerialRelay(str(board.path), 9600, "A0 CH 01 SUM", "A0 CH 00 SUM", 0.1,
                        DEFAULT_RELAY_CHANNELS)
    k = kiosk_with(qtbot, languages, tmp_path, relay)
    try:
        k.first_time(Channel.WORKER, 3)
        assert k.at() is Page.OUTCOME
        [passage] = k.passages()
        assert passage.outcome == Outcome.ADMITTED
        assert board.received(8) == PULSE
        k.qtbot.waitUntil(lambda: len(k.records(kind="gate_opened")) == 1, timeout=5000)
        [opened] = k.records(kind="gate_opened")
        assert opened.body["lane"] == "worker" and opened.body["device"] == "relay"
        assert opened.subject_id == passage.subject_id
        assert not k.window.notice.isVisible()
    finally:
        k.close()


def test_turned_away_never_pulses(qtbot, languages, tmp_path, board) -> None:
    relay = SerialRelay(str(board.path), 9600, "A0 CH 01 SUM", "A0 CH 00 SUM", 0.05,
                        DEFAULT_RELAY_CHANNELS)
    k = kiosk_with(qtbot, languages, tmp_path, relay)
    try:
        k.channel(Channel.WORKER)
        k.certificate(expires="2020-01-01")  # expired: turned away
        assert k.at() is Page.OUTCOME
        assert k.passages()[0].outcome == Outcome.TURNED_AWAY
        assert board.quiet_for(0.5) == b""
        assert k.records(kind="gate_opened") == []
    finally:
        k.close()


def test_a_failing_command_is_shown_and_the_admission_stands(
        qtbot, languages, tmp_path) -> None:
    release = CommandRelease((sys.executable, "-c", "import sys; sys.exit(2)"), 5,
                             DEFAULT_RELAY_CHANNELS)
    k = kiosk_with(qtbot, languages, tmp_path, release)
    try:
        k.first_time(Channel.WORKER, 3)
        assert k.passages()[0].outcome == Outcome.ADMITTED
        notice = k.window.notice
        k.qtbot.waitUntil(notice.isVisible, timeout=5000)
        text = notice.text_label.text()
        assert "worker lane did not open" in text and "exit code 2" in text
        assert "open the lane by hand" in text
        assert k.records(kind="gate_opened") == []
        [failed] = k.records(kind="gate_open_failed")
        assert (failed.body["problem"], failed.body["params"]["status"]) == (
            "devices.command_failed", 2)
        assert k.at() is Page.OUTCOME
    finally:
        k.close()


def test_a_relay_board_pulled_out_is_shown_recorded_and_seen_by_the_inspector(
        qtbot, languages, tmp_path, board) -> None:
    relay = SerialRelay(str(board.path), 9600, "A0 CH 01 SUM", "A0 CH 00 SUM", 0.05,
                        DEFAULT_RELAY_CHANNELS)
    board.unplug()  # pulled out: its port no longer opens
    k = kiosk_with(qtbot, languages, tmp_path, relay)
    try:
        k.first_time(Channel.WORKER, 3)
        [passage] = k.passages()
        assert passage.outcome == Outcome.ADMITTED
        notice = k.window.notice
        k.qtbot.waitUntil(notice.isVisible, timeout=5000)
        text = notice.text_label.text()
        assert "worker lane did not open" in text and "is not connected" in text
        assert "open the lane by hand" in text
        [failed] = k.records(kind="gate_open_failed")
        assert (failed.body["lane"], failed.body["device"], failed.body["detail"]) == (
            "worker", "relay", f"{board.path} channel 1")
        assert failed.body["problem"] == "devices.relay_missing"
        assert (failed.subject_id, failed.person_id) == (passage.subject_id,
                                                         passage.person_id)
        assert failed.seq > passage.seq and k.records(kind="gate_opened") == []

        k.key(Qt.Key.Key_Space)  # the next person: the start screen
        console = sign_in(k, "inspector", role="inspector")
        assert console.show_page("review")
        page = console.review
        k.type(page.person_edit, PERSON["id_number"])
        k.enter(page.person_edit)
        assert page.person_id == passage.person_id
        lines = page.timeline_lines()
        row = next(i for i, line in enumerate(lines) if "gate did not open" in line)
        assert lines[row] == (
            f"Admitted, but the gate did not open: worker lane (the relay board on "
            f"{board.path} is not connected); staff were told to open it by hand")
        assert any("Admitted" in line for line in lines[:row])  # the passage before it
        assert page.timeline_table.item(row, 1).font().bold()  # shown as a warning
        languages.set_language("zh_CN")
        assert "未能自动开闸：工人通道" in page.timeline_lines()[row]
        languages.set_language("en")
    finally:
        k.close()
