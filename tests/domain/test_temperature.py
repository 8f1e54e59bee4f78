"""Parsing typed readings and the fever rule."""

from __future__ import annotations

from dataclasses import replace

import pytest
from domain_support import POLICY
from hypothesis import given
from hypothesis import strategies as st

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.temperature import TemperatureVerdict as V
from gatekeeper.domain.temperature import assess, parse_reading


@pytest.mark.parametrize(
    ("text", "value"),
    [("36.5", 36.5), ("36,5", 36.5), (" 36.5 °C", 36.5), ("36.5℃", 36.5), ("37", 37.0),
     ("３６．８", 36.8), ("36.5 C", 36.5), ("+36.5", 36.5), ("36.5°", 36.5)],
)
def test_parse_reading(text: str, value: float) -> None:
    assert parse_reading(text) == value


@pytest.mark.parametrize("text", ["", "abc", "36.5.1", "-36", "36 .5 x", "三十六", "1e2", "nan"])
def test_parse_reading_refuses(text: str) -> None:
    with pytest.raises(ValidationError) as e:
        parse_reading(text)
    assert e.value.field == "temperature" and e.value.code == "error.temperature_not_number"
    assert "36.5" in e.value.message("en") and "36.5" in e.value.message("zh_CN")


def test_assess_rules_table() -> None:
    assert assess(36.5, 0, POLICY) is V.NORMAL
    assert assess(37.29, 0, POLICY) is V.NORMAL
    assert assess(37.3, 0, POLICY) is V.FEVER_REMEASURE
    assert assess(37.3, 1, POLICY) is V.FEVER_REMEASURE
    assert assess(37.3, 2, POLICY) is V.FEVER_FINAL
    assert assess(39.0, 2, POLICY) is V.FEVER_FINAL
    assert assess(33.99, 0, POLICY) is V.OUT_OF_RANGE
    assert assess(43.01, 2, POLICY) is V.OUT_OF_RANGE
    assert assess(34.0, 0, POLICY) is V.NORMAL
    assert assess(43.0, 0, POLICY) is V.FEVER_REMEASURE


def test_float_noise_at_the_threshold_is_fever() -> None:
    assert assess(37.1 + 0.2, 0, POLICY) is V.FEVER_REMEASURE  # 37.300000000000004
    assert assess(37.29999999, 0, POLICY) is V.FEVER_REMEASURE  # rounds to 37.30


def test_zero_remeasures_policy() -> None:
    assert assess(38.0, 0, replace(POLICY, max_remeasures=0)) is V.FEVER_FINAL


@given(st.floats(min_value=-50, max_value=150, allow_nan=False), st.integers(0, 5))
def test_out_of_range_is_never_a_verdict(reading: float, fevers: int) -> None:
    verdict = assess(reading, fevers, POLICY)
    if not 34.0 <= reading <= 43.0:
        assert verdict is V.OUT_OF_RANGE
    else:
        assert verdict is not V.OUT_OF_RANGE
