"""Temperature readings: parse what staff type, and apply the fever rule.

A reading outside the plausible range is a measuring error (thermometer aimed wrong,
cold forehead), never a verdict, and does not count towards the re-measures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Any

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.policy import Policy

_READING = re.compile(r"^[+]?\d{1,3}(?:\.\d{1,3})?$")


class TemperatureVerdict(StrEnum):
    NORMAL = "normal"
    FEVER_REMEASURE = "fever_remeasure"  # rest, then measure again
    FEVER_FINAL = "fever_final"  # re-measures used up: quarantine
    OUT_OF_RANGE = "out_of_range"  # measuring error: measure again, not counted


def counts(verdict: str) -> bool:
    """Whether a recorded reading counts as the person's temperature: an out-of-range one
    is a measuring error (measure again) and never does — on screen, in the fever list
    and in every export."""
    return verdict != TemperatureVerdict.OUT_OF_RANGE.value


def counted_readings(temperatures: Iterable[Mapping[str, Any]]) -> list[float]:
    """The readings that count, in the order taken (as a screening records them)."""
    return [float(t["reading_c"]) for t in temperatures
            if t.get("reading_c") is not None and counts(str(t.get("verdict", "")))]


def parse_reading(text: str) -> float:
    """A typed reading in °C: accepts "36.5", "36,5", " 36.5 °C", "36.5℃", full-width digits."""
    raw = str(text)
    cleaned = unicodedata.normalize("NFKC", raw).strip()
    cleaned = re.sub(r"\s*(°\s*C|°|C|c)\s*$", "", cleaned).strip().replace(",", ".")
    if not _READING.match(cleaned):
        raise ValidationError("error.temperature_not_number", "temperature", {"value": raw.strip()})
    return round(float(cleaned), 2)


def is_plausible(reading_c: float, policy: Policy) -> bool:
    """Whether a reading can be a body temperature at all (else: re-measure)."""
    return policy.plausible_min_c <= reading_c <= policy.plausible_max_c


def is_fever(reading_c: float, policy: Policy) -> bool:
    """At or above the threshold (compared at 0.01 °C so 37.3 is never 37.29999)."""
    return round(reading_c, 2) >= round(policy.fever_threshold_c, 2)


def assess(reading_c: float, fevers_so_far: int, policy: Policy) -> TemperatureVerdict:
    """The verdict on one reading, given how many fever readings this person already had.

    The first fever reading and each re-measure that is still a fever earn another
    re-measure until `max_remeasures` re-measures have been used; the next fever is final.
    """
    if not is_plausible(reading_c, policy):
        return TemperatureVerdict.OUT_OF_RANGE
    if not is_fever(reading_c, policy):
        return TemperatureVerdict.NORMAL
    if fevers_so_far >= policy.max_remeasures:
        return TemperatureVerdict.FEVER_FINAL
    return TemperatureVerdict.FEVER_REMEASURE
