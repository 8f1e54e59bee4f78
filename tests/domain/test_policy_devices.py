"""The devices' part of the policy: a serial thermometer (port, speed, reading pattern)
and the lane's release (relay board or command), refused with the key named when wrong."""

from __future__ import annotations

import re

import pytest

from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.policy import (
    Policy,
    Release,
    policy_from_toml_text,
    policy_to_toml,
    relay_bytes,
)
from gatekeeper.domain.vocab import Lane

SITE = """
[thermometer]
port = "/dev/ttyUSB0"
baud = 115200
pattern = 'OBJ=(?P<reading>\\d+\\.\\d)'

[turnstile]
release = "relay"
port = "/dev/ttyUSB1"
on_bytes = "a0 ch 01 sum"
pulse_ms = 300

[turnstile.channels]
goods_vehicle = 4
"""


def test_a_site_configures_its_devices() -> None:
    p = policy_from_toml_text(SITE)
    assert (p.thermometer_port, p.thermometer_baud) == ("/dev/ttyUSB0", 115200)
    assert re.compile(p.thermometer_pattern).search("AMB=21.0 OBJ=36.5")
    assert (p.release, p.relay_port, p.relay_pulse_ms) == (Release.RELAY, "/dev/ttyUSB1", 300)
    assert p.relay_on == "A0 CH 01 SUM"  # written as the board's manual does, kept upper
    assert p.relay_channels == {Lane.WORKER: 1, Lane.VISITOR: 2, Lane.GOODS_VEHICLE: 4}
    assert policy_from_toml_text(policy_to_toml(p)) == p


def test_by_default_no_device_is_used() -> None:
    p = Policy()
    assert p.thermometer_port == "" and p.release is Release.NONE


def test_lcus_relay_bytes() -> None:
    assert relay_bytes("A0 CH 01 SUM", 1) == bytes([0xA0, 0x01, 0x01, 0xA2])
    assert relay_bytes("A0 CH 00 SUM", 1) == bytes([0xA0, 0x01, 0x00, 0xA1])
    assert relay_bytes("A0 CH 01 SUM", 2) == bytes([0xA0, 0x02, 0x01, 0xA3])
    assert relay_bytes("FF 01 SUM", 0) == bytes([0xFF, 0x01, 0x00])  # the sum's low byte


@pytest.mark.parametrize(("toml", "key"), [
    ('[thermometer]\npattern = "T=(\\\\d+)"', "thermometer.pattern"),  # no reading group
    ('[thermometer]\npattern = "(?P<reading>"', "thermometer.pattern"),
    ("[thermometer]\nbaud = 0", "thermometer.baud"),
    ('[turnstile]\nrelease = "door"', "turnstile.release"),
    ('[turnstile]\nrelease = "relay"', "turnstile.port"),
    ('[turnstile]\nrelease = "command"', "turnstile.command"),
    ('[turnstile]\non_bytes = "A0 XY"', "turnstile.on_bytes"),
    ('[turnstile]\noff_bytes = ""', "turnstile.off_bytes"),
    ("[turnstile]\npulse_ms = 5", "turnstile.pulse_ms"),
    ("[turnstile.channels]\nworker = 0", "turnstile.channels.worker"),
    ("[turnstile.channels]\neast = 1", "turnstile.channels.east"),
    ("[turnstile]\ncommand = \"open-gate\"", "turnstile.command"),
])
def test_bad_device_settings_name_the_key(toml: str, key: str) -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text(toml + "\n")
    assert e.value.key == key
    en, zh = e.value.message("en"), e.value.message("zh_CN")
    assert key in en and key in zh and "{" not in en and "{" not in zh
