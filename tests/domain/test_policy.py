"""The policy file: defaults, partial files, and every refusal naming its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from gatekeeper.domain.errors import PolicyError
from gatekeeper.domain.policy import (
    LaneAssignment,
    Policy,
    default_policy_toml,
    load_policy,
    policy_from_toml_text,
    policy_to_toml,
)
from gatekeeper.domain.vocab import CertificateKind, Channel, Lane, ScanKind, Zone

FT = "temperature.fever_threshold_c"
PLEDGE = '[[pledges]]\nid = "a"\ntext_en = "x"\ntext_zh = "y"'


def test_defaults_follow_the_design() -> None:
    p = Policy()
    assert p.fever_threshold_c == 37.3
    assert (p.plausible_min_c, p.plausible_max_c) == (34.0, 43.0)
    assert (p.max_remeasures, p.rest_seconds, p.risk_window_days) == (2, 300, 14)
    assert p.risk_regions == ()
    assert p.scans_for(Channel.WORKER) == (
        ScanKind.HEALTH_CODE, ScanKind.ITINERARY_CODE, ScanKind.SITE_PASS)
    assert p.scans_for(Channel.VISITOR) == (ScanKind.HEALTH_CODE, ScanKind.ITINERARY_CODE)
    assert p.scans_for(Channel.VEHICLE) == (ScanKind.HEALTH_CODE, ScanKind.ITINERARY_CODE)
    assert [pl.id for pl in p.pledges] == ["health", "epidemic_prevention"]
    assert all(pl.text_en and pl.text_zh for pl in p.pledges)
    assert p.lane_for(Channel.WORKER) == LaneAssignment(Lane.WORKER, Zone.CONSTRUCTION)
    assert p.lane_for(Channel.VISITOR) == LaneAssignment(Lane.VISITOR, Zone.MANAGEMENT)
    assert p.lane_for(Channel.VEHICLE) == LaneAssignment(Lane.GOODS_VEHICLE, Zone.CONSTRUCTION)
    assert p.quarantine_place.en == "emergency isolation room"
    assert p.quarantine_place.zh_CN == "应急隔离间"
    assert (p.quarantine_days, p.pledge_validity_days, p.pass_validity_days) == (14, 30, 90)
    assert p.timezone == "Asia/Shanghai"
    assert set(p.certificate_kinds) == set(CertificateKind)
    hash(p)  # usable as a cache key despite its dict fields


def test_default_file_reads_back_to_the_default_policy() -> None:
    text = default_policy_toml()
    assert text.count("#") > 10  # commented for the people who edit it
    assert policy_from_toml_text(text) == Policy()


def test_any_policy_round_trips_through_toml() -> None:
    p = policy_from_toml_text(
        '[risk]\nregions = ["武汉", "420100"]\n[lanes.visitor]\nzone = "living"\n')
    assert policy_from_toml_text(policy_to_toml(p)) == p


def test_partial_file_overrides_only_what_it_sets(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('[temperature]\nfever_threshold_c = 37.5\n[scans]\nvisitor = ["health_code"]\n'
                    '[lanes.vehicle]\nzone = "living"\n', encoding="utf-8")
    p = load_policy(path)
    assert p.fever_threshold_c == 37.5
    assert p.max_remeasures == 2
    assert p.scans_for(Channel.VISITOR) == (ScanKind.HEALTH_CODE,)
    assert p.scans_for(Channel.WORKER) == Policy().scans_for(Channel.WORKER)
    assert p.lane_for(Channel.VEHICLE) == LaneAssignment(Lane.GOODS_VEHICLE, Zone.LIVING)
    assert policy_from_toml_text("") == Policy()


def test_integer_threshold_is_accepted_as_a_number() -> None:
    p = policy_from_toml_text("[temperature]\nfever_threshold_c = 38\n")
    assert p.fever_threshold_c == 38.0


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(PolicyError) as e:
        load_policy(tmp_path / "nope.toml")
    assert e.value.problem == "file_missing"
    assert "nope.toml" in e.value.message("en") and "nope.toml" in e.value.message("zh_CN")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "bin.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(PolicyError) as e:
        load_policy(path)
    assert e.value.problem == "unreadable"


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text("[temperature]\nfever_threshold_c = 37.3\nmax_remeasures = = 2\n")
    assert e.value.problem == "syntax" and e.value.line == 3
    assert "line 3" in e.value.message("en") and "第3行" in e.value.message("zh_CN")


def test_unknown_key_suggests_the_close_one() -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text("[temperature]\nfever_treshold_c = 37.5\n")
    assert e.value.key == "temperature.fever_treshold_c"
    assert e.value.params["suggestion"] == "temperature.fever_threshold_c"
    assert "fever_threshold_c" in e.value.message("zh_CN")


def test_unknown_section_and_far_key() -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text("[colour]\nx = 1\n")
    assert e.value.key == "colour" and e.value.problem in ("unknown_key", "unknown_key_suggest")
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text("[lanes.truck]\nlane = \"worker\"\n")
    assert e.value.key == "lanes.truck"
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text(PLEDGE + "\nextra = 1\n")
    assert e.value.key == "pledges.extra"


@pytest.mark.parametrize(
    ("toml", "key", "problem"),
    [
        ("[temperature]\nfever_threshold_c = 34.5", FT, "out_of_range"),
        ("[temperature]\nfever_threshold_c = 42.5", FT, "out_of_range"),
        ('[temperature]\nfever_threshold_c = "37.3"', FT, "wrong_type"),
        ("[temperature]\nfever_threshold_c = true", FT, "wrong_type"),
        ("[temperature]\nplausible_min_c = 43.0", "temperature.plausible_min_c", "invalid"),
        ("[temperature]\nplausible_max_c = 37.0", FT, "invalid"),
        ("[temperature]\nmax_remeasures = 2.5", "temperature.max_remeasures", "wrong_type"),
        ("[temperature]\nmax_remeasures = -1", "temperature.max_remeasures", "out_of_range"),
        ("[temperature]\nrest_seconds = -5", "temperature.rest_seconds", "out_of_range"),
        ("[risk]\nwindow_days = -1", "risk.window_days", "out_of_range"),
        ("[quarantine]\ndays = 0", "quarantine.days", "out_of_range"),
        ("[validity]\npledge_days = -30", "validity.pledge_days", "out_of_range"),
        ("[validity]\npass_days = 0", "validity.pass_days", "out_of_range"),
        ("[risk]\nregions = \"武汉\"", "risk.regions", "wrong_type"),
        ("[risk]\nregions = [\"武汉\", \"武汉\"]", "risk.regions", "invalid"),
        ("[risk]\nregions = [\"\"]", "risk.regions", "invalid"),
        ("[risk]\nregions = [1]", "risk.regions", "wrong_type"),
        ("[certificates]\nkinds = []", "certificates.kinds", "invalid"),
        ("[certificates]\nkinds = [\"passport\"]", "certificates.kinds", "invalid"),
        ("[scans]\nworker = [\"qr\"]", "scans.worker", "invalid"),
        ("[scans]\nworker = []", "scans.worker", "invalid"),
        ("[lanes.worker]\nzone = \"isolation\"", "lanes.worker.zone", "invalid"),
        ("[lanes.worker]\nlane = \"east\"", "lanes.worker.lane", "invalid"),
        ("[notice]\ntext_zh = \"  \"", "notice.text_zh", "invalid"),
        ("[quarantine]\nplace_en = \"\"", "quarantine.place_en", "invalid"),
        ("[site]\ntimezone = \"Mars/Olympus\"", "site.timezone", "invalid"),
        ("temperature = 5", "temperature", "wrong_type"),
        ("pledges = []", "pledges", "invalid"),
        (PLEDGE.replace('"x"', '""'), "pledges[0].text_en", "invalid"),
        ("[[pledges]]\nid = \"a\"\ntext_en = \"x\"", "pledges[0].text_zh", "invalid"),
        (PLEDGE.replace('"a"', '"A b"'), "pledges[0].id", "invalid"),
        (PLEDGE + "\n" + PLEDGE, "pledges[1].id", "invalid"),
    ],
)
def test_bad_values_name_the_key_and_the_problem(toml: str, key: str, problem: str) -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text(toml + "\n")
    err = e.value
    assert (err.key, err.problem) == (key, problem)
    en, zh = err.message("en"), err.message("zh_CN")
    assert key in en and key in zh and en != zh
    assert "{" not in en and "{" not in zh  # every placeholder filled


def test_flat_key_is_pointed_to_its_section() -> None:
    with pytest.raises(PolicyError) as e:
        policy_from_toml_text("fever_threshold_c = 37.5\n")
    assert e.value.params["suggestion"] == FT
