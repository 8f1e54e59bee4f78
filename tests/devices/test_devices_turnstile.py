"""The lane's release: a relay board through a pseudo-terminal pair and the real pyserial
(the pulse checked byte for byte on the board's end), and a site's command (argv, no
shell) that works, fails, is missing or hangs."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pty_support import PtyDevice

from gatekeeper.devices.turnstile import (
    CommandRelease,
    ReleaseFailed,
    SerialRelay,
    release_from_policy,
)
from gatekeeper.domain.policy import DEFAULT_RELAY_CHANNELS, Policy, Release
from gatekeeper.domain.vocab import Lane


@pytest.fixture
def board(tmp_path: Path) -> Iterator[PtyDevice]:
    dev = PtyDevice(tmp_path, "ttyRELAY0")
    yield dev
    dev.close()


def lcus(board: PtyDevice, pulse_s: float = 0.3) -> SerialRelay:
    return SerialRelay(str(board.path), 9600, "A0 CH 01 SUM", "A0 CH 00 SUM", pulse_s,
                       DEFAULT_RELAY_CHANNELS)


def test_an_lcus_pulse_byte_for_byte(board: PtyDevice) -> None:
    relay = lcus(board)
    began = time.monotonic()
    assert relay.open(Lane.WORKER) == f"{board.path} channel 1"
    took = time.monotonic() - began
    assert board.received(8) == bytes.fromhex("A0 01 01 A2 A0 01 00 A1")
    assert took >= 0.3  # the relay stayed closed for the pulse before "off"


def test_each_lane_its_own_channel(board: PtyDevice) -> None:
    relay = lcus(board, pulse_s=0.05)
    relay.open(Lane.VISITOR)
    assert board.received(8) == bytes.fromhex("A0 02 01 A3 A0 02 00 A2")
    relay.open(Lane.GOODS_VEHICLE)
    assert board.received(8) == bytes.fromhex("A0 03 01 A4 A0 03 00 A3")


def test_a_board_with_other_bytes(board: PtyDevice) -> None:
    relay = SerialRelay(str(board.path), 9600, "FE 05 00 CH FF 00", "FE 05 00 CH 00 00", 0.05,
                        {Lane.WORKER: 7})
    relay.open(Lane.WORKER)
    assert board.received(12) == bytes.fromhex("FE 05 00 07 FF 00 FE 05 00 07 00 00")


def test_a_missing_board_fails_plainly(tmp_path: Path) -> None:
    relay = SerialRelay(str(tmp_path / "ttyNONE"), 9600, "A0 CH 01 SUM", "A0 CH 00 SUM",
                        0.05, DEFAULT_RELAY_CHANNELS)
    with pytest.raises(ReleaseFailed) as e:
        relay.open(Lane.WORKER)
    assert "not connected" in e.value.message("en") and "ttyNONE" in e.value.message("en")
    assert "未连接" in e.value.message("zh_CN")


def test_what_drives_a_lane_is_named_even_when_it_does_not_open(tmp_path: Path) -> None:
    """The record of a lane that did not open keeps this (the port and channel)."""
    relay = SerialRelay(str(tmp_path / "ttyNONE"), 9600, "A0 CH 01 SUM", "A0 CH 00 SUM",
                        0.05, DEFAULT_RELAY_CHANNELS)
    with pytest.raises(ReleaseFailed):
        relay.open(Lane.VISITOR)
    assert relay.target(Lane.VISITOR) == f"{tmp_path / 'ttyNONE'} channel 2"
    release = CommandRelease((str(tmp_path / "no-such-tool"), "{lane}"), 5,
                             DEFAULT_RELAY_CHANNELS)
    with pytest.raises(ReleaseFailed):
        release.open(Lane.WORKER)
    assert release.target(Lane.WORKER) == str(tmp_path / "no-such-tool")


def test_a_stop_cuts_the_pulse_short_but_still_sends_off(board: PtyDevice) -> None:
    relay = lcus(board, pulse_s=5.0)
    relay.request_stop()
    began = time.monotonic()
    relay.open(Lane.WORKER)
    assert time.monotonic() - began < 1.0
    assert board.received(8) == bytes.fromhex("A0 01 01 A2 A0 01 00 A1")


def command(tmp_path: Path, code: str, timeout: float = 5.0) -> CommandRelease:
    return CommandRelease((sys.executable, "-c", code, "{lane}", "{channel}"), timeout,
                          DEFAULT_RELAY_CHANNELS)


def test_a_site_command_gets_the_lane_and_channel(tmp_path: Path) -> None:
    out = tmp_path / "opened.txt"
    code = f"import sys; open({str(out)!r}, 'w').write(' '.join(sys.argv[1:]))"
    assert command(tmp_path, code).open(Lane.GOODS_VEHICLE) == sys.executable
    assert out.read_text() == "goods_vehicle 3"


def test_shell_text_is_not_run_by_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    release = CommandRelease((sys.executable, "-c", "import sys; sys.exit(0)",
                              f"; touch {marker}"), 5, DEFAULT_RELAY_CHANNELS)
    release.open(Lane.WORKER)
    assert not marker.exists()


def test_a_failing_command(tmp_path: Path) -> None:
    with pytest.raises(ReleaseFailed) as e:
        command(tmp_path, "import sys; sys.exit(3)").open(Lane.WORKER)
    assert "failed (exit code 3)" in e.value.message("en")


def test_a_missing_command(tmp_path: Path) -> None:
    release = CommandRelease((str(tmp_path / "no-such-tool"),), 5, DEFAULT_RELAY_CHANNELS)
    with pytest.raises(ReleaseFailed) as e:
        release.open(Lane.WORKER)
    assert "cannot be run" in e.value.message("en")


def test_a_hanging_command_times_out(tmp_path: Path) -> None:
    with pytest.raises(ReleaseFailed) as e:
        command(tmp_path, "import time; time.sleep(30)", timeout=0.5).open(Lane.WORKER)
    assert "did not finish within 0.5 s" in e.value.message("en")


def test_the_policy_picks_the_release() -> None:
    assert release_from_policy(Policy()) is None
    relay = release_from_policy(Policy(release=Release.RELAY, relay_port="/dev/ttyUSB1",
                                       relay_pulse_ms=250))
    assert isinstance(relay, SerialRelay) and relay.pulse_s == 0.25
    cmd = release_from_policy(Policy(release=Release.COMMAND, release_command=("x",)))
    assert isinstance(cmd, CommandRelease) and cmd.argv == ("x",)
