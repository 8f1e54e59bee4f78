"""The bilingual catalogue is complete, and errors read well in both languages."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from gatekeeper.domain import messages, policy
from gatekeeper.domain.errors import PolicyError, StepOrderError, ValidationError
from gatekeeper.domain.i18n import Text
from gatekeeper.domain.vocab import (
    Channel,
    Lane,
    Outcome,
    QuarantineDecision,
    Reason,
    RoundSlot,
    ScanKind,
    Step,
    Zone,
)

DOMAIN = Path(messages.__file__).parent


@pytest.mark.parametrize(
    "member",
    [*Reason, *Outcome, *Channel, *Step, *Zone, *Lane, *ScanKind, *QuarantineDecision, *RoundSlot],
    ids=str,
)
def test_every_vocabulary_member_has_both_languages(member: object) -> None:
    en, zh = messages.text(member, "en"), messages.text(member, "zh_CN")
    assert en.strip() and zh.strip() and en != zh


def test_every_catalogue_entry_differs_between_languages() -> None:
    for code, entry in messages.CATALOGUE.items():
        assert entry.en.strip() and entry.zh_CN.strip(), code
        assert entry.en != entry.zh_CN, code
        names = re.compile(r"{(\w+)}")
        assert set(names.findall(entry.en)) == set(names.findall(entry.zh_CN)), code


def test_every_code_used_in_the_domain_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(
        r'"((?:error|step_order|quarantine|policy|detail|problem|type|returning)\.[a-z_]+)"')
    for path in DOMAIN.glob("*.py"):
        if path.name != "messages.py":
            used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found nothing"
    toml_keys = set(policy._known_keys())  # "quarantine.days" is a policy key, not a message
    assert used - set(messages.CATALOGUE) - toml_keys == set()


def test_example_reason_text() -> None:
    assert messages.text(Reason.NO_CERTIFICATE) == (
        "No valid health certificate: turned away. Ask the person to come back with a "
        "health certificate or entry pass.")
    assert messages.text("reason.no_certificate", "zh_CN") == (
        "无有效健康证明，劝返。请持健康证明或出入通行证再来。")
    assert messages.text(Reason.NO_CERTIFICATE, "zh_CN.UTF-8") == messages.text(
        Reason.NO_CERTIFICATE, "zh_CN")


def test_params_are_localised() -> None:
    assert messages.text("detail.lane", "zh_CN", lane=Lane.WORKER, zone=Zone.CONSTRUCTION) == (
        "请经工人通道进入施工区。")
    place = Text("room", "房间")
    assert messages.text("detail.quarantine_place", "en", place=place) == "Place: room."
    with pytest.raises(KeyError):
        messages.text("no.such.code")


def test_errors_carry_field_and_both_languages() -> None:
    err = ValidationError("error.required", "phone")
    assert err.field == "phone" and err.code == "error.required"
    assert err.message("en") == "Mobile number is empty. Fill it in." == str(err)
    assert err.message("zh_CN") == "手机号未填写，请填写。"
    copy = pickle.loads(pickle.dumps(err))
    assert copy.field == "phone" and copy.message("zh_CN") == err.message("zh_CN")
    step = StepOrderError("step_order.wrong_step",
                          {"attempted": Step.NOTICE, "current": Step.PLEDGE})
    assert "Pledge" in step.message("en") and "签健康承诺书" in step.message("zh_CN")
    pol = PolicyError("policy.unknown_key", "a.b")
    assert pol.key == "a.b" and pol.problem == "unknown_key" and "a.b" in str(pol)
