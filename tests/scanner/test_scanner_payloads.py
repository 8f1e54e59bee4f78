"""Health codes read through the policy's patterns; the site pass parser; policy checks."""

from __future__ import annotations

from datetime import date

import pytest

from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.policy import Policy, default_policy_toml, policy_from_toml_text
from gatekeeper.domain.vocab import CodeColour, ScanKind, ScanStatus
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.scanner.passes import sign_pass
from gatekeeper.scanner.payloads import parse_scan

TODAY = date(2020, 3, 2)


def health(text: str, policy: Policy | None = None):
    return parse_scan(ScanKind.HEALTH_CODE, text, policy=policy or Policy(), today=TODAY)


@pytest.mark.parametrize(
    ("text", "status", "colour"),
    [
        ('{"colour": "green", "until": "2020-03-05"}', ScanStatus.OK, CodeColour.GREEN),
        ("status=yellow;name=zhang", ScanStatus.YELLOW, CodeColour.YELLOW),
        ("粤康码 红码", ScanStatus.RED, CodeColour.RED),
        ("健康码：绿码 有效期至 2020-03-02", ScanStatus.OK, CodeColour.GREEN),
    ],
)
def test_default_patterns(text: str, status: ScanStatus, colour: CodeColour) -> None:
    reading = health(text)
    assert (reading.status, reading.colour) == (status, colour)


def test_expired_code_is_not_green() -> None:
    reading = health("健康码：绿码 有效期至 2020-03-01")
    assert reading.status is ScanStatus.UNREADABLE and reading.problem == "expired"


def test_unknown_payload_sends_to_manual_check() -> None:
    reading = health("https://example.com/whatever")
    assert reading.status is ScanStatus.UNREADABLE
    assert "by hand" in reading.message.en and "人工核验" in reading.message.zh_CN


def test_province_pattern_from_the_policy_file() -> None:
    toml = '[health_code]\npatterns = ["^HB\\\\|(?P<colour>[GYR])\\\\|(?P<until>\\\\d{8})$"]\n'
    policy = policy_from_toml_text(toml)
    assert health("HB|Y|20200310", policy).status is ScanStatus.YELLOW
    assert health("健康码：绿码", policy).status is ScanStatus.UNREADABLE  # only the site's


@pytest.mark.parametrize("pattern", ["(unclosed", "no colour group here"])
def test_bad_pattern_is_refused_naming_the_key(pattern: str) -> None:
    with pytest.raises(PolicyError) as info:
        policy_from_toml_text(f"[health_code]\npatterns = [{pattern!r}]\n".replace("'", '"'))
    assert "health_code.patterns" in info.value.message("en")
    assert info.value.message("zh_CN")


def test_default_policy_file_round_trips_the_patterns() -> None:
    assert policy_from_toml_text(default_policy_toml()).health_code_patterns == (
        Policy().health_code_patterns
    )


def test_site_pass_scan() -> None:
    key = SiteKey.generate("site-a")
    payload = sign_pass(key, "p-1", TODAY, TODAY).payload
    kwargs = {"policy": Policy(), "today": TODAY, "site_id": "site-a"}
    ok = parse_scan(ScanKind.SITE_PASS, payload, public_keys={key.key_id: key.public}, **kwargs)
    assert ok.status is ScanStatus.OK and ok.person_id == "p-1"
    forged = parse_scan(ScanKind.SITE_PASS, payload, public_keys={}, **kwargs)
    assert forged.status is ScanStatus.FORGED
