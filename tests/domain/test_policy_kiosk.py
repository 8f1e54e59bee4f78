"""The [kiosk] section: how long the outcome screen stays up."""

from __future__ import annotations

import pytest

from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.policy import Policy, default_policy_toml, policy_from_toml_text


def test_outcome_seconds_defaults_to_eight_and_is_in_the_default_file() -> None:
    assert Policy().outcome_seconds == 8
    assert "[kiosk]" in default_policy_toml()
    assert "outcome_seconds = 8" in default_policy_toml()


def test_outcome_seconds_can_be_set() -> None:
    assert policy_from_toml_text("[kiosk]\noutcome_seconds = 15\n").outcome_seconds == 15


@pytest.mark.parametrize(
    ("value", "problem"),
    [("0", "out_of_range"), ("601", "out_of_range"), ('"8"', "wrong_type"), ("8.5", "wrong_type")],
)
def test_bad_outcome_seconds_name_the_key(value: str, problem: str) -> None:
    with pytest.raises(PolicyError) as err:
        policy_from_toml_text(f"[kiosk]\noutcome_seconds = {value}\n")
    assert err.value.key == "kiosk.outcome_seconds"
    assert err.value.problem == problem


def test_unknown_kiosk_key_suggests_the_close_one() -> None:
    with pytest.raises(PolicyError) as err:
        policy_from_toml_text("[kiosk]\noutcome_second = 8\n")
    assert err.value.problem == "unknown_key_suggest"
    assert "kiosk.outcome_seconds" in err.value.message("en")
