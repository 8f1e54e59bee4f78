"""Identity validators, with resident IDs whose check digits the test computes itself."""

from __future__ import annotations

from datetime import date

import pytest
from domain_support import TODAY, gb11643_check, registration, resident_id

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.identity import (
    Registration,
    Stay,
    validate_id,
    validate_name,
    validate_phone,
    validate_plate,
    validate_resident_id,
)
from gatekeeper.domain.vocab import IdType


def test_independent_check_digit_matches_published_example() -> None:
    # The example in python-stdnum's documentation and GB 11643's own sample.
    assert gb11643_check("36042619910101007") == "1"
    assert gb11643_check("11010519491231002") == "X"


@pytest.mark.parametrize(
    "number",
    [
        resident_id("410122", "19850612", "123"),
        resident_id("110105", "19491231", "002"),  # check digit X
        resident_id("440301", "20000229", "517"),  # leap day
        resident_id("410122", "19000302", "001"),  # exactly 120 today
    ],
)
def test_valid_resident_ids(number: str) -> None:
    assert validate_resident_id(number, TODAY) == number


def test_resident_id_is_normalised() -> None:
    number = resident_id("110105", "19491231", "002")
    spaced = f" {number[:6]} {number[6:14]} {number[14:].lower()} "
    assert validate_resident_id(spaced, TODAY) == number
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in number)  # typed with a Chinese IME
    assert validate_resident_id(full_width, TODAY) == number


@pytest.mark.parametrize("bad", ["", "1234", "41012219850612123", "4101221985061212345",
                                 "41012219850612A23X", "410122198506121231"[:17] + "Y"])
def test_resident_id_wrong_length_or_characters(bad: str) -> None:
    with pytest.raises(ValidationError) as e:
        validate_resident_id(bad, TODAY)
    assert e.value.code == "error.resident_id_format"
    assert e.value.field == "id_number"


def test_resident_id_bad_check_digit() -> None:
    good = resident_id()
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError) as e:
        validate_resident_id(wrong, TODAY)
    assert e.value.code == "error.resident_id_check_digit"
    assert "check digit" in e.value.message("en") and "校验位" in e.value.message("zh_CN")


@pytest.mark.parametrize(
    "birth",
    [
        "19850230",  # 30 February
        "19851301",  # month 13
        "20200303",  # tomorrow (today is 2020-03-02)
        "18990101",  # over 120
        "18990302",  # 121 today
    ],
)
def test_resident_id_implausible_birth_date(birth: str) -> None:
    with pytest.raises(ValidationError) as e:
        validate_resident_id(resident_id(birth=birth), TODAY)
    assert e.value.code == "error.resident_id_birth_date"
    assert birth[:4] in e.value.message("en")


def test_resident_id_future_birth_date_is_distinct_from_check_digit() -> None:
    number = resident_id(birth="20300101")
    with pytest.raises(ValidationError) as e:
        validate_resident_id(number, TODAY)
    assert e.value.code == "error.resident_id_birth_date"


def test_passport_and_other_ids() -> None:
    assert validate_id(IdType.PASSPORT, " e1234 5678 ", TODAY) == "E12345678"
    for bad in ("E12", "E1234-5678", "X" * 21):
        with pytest.raises(ValidationError) as e:
            validate_id(IdType.PASSPORT, bad, TODAY)
        assert e.value.code == "error.passport_format"
    assert validate_id(IdType.OTHER, "  HK-A123456(7) ", TODAY) == "HK-A123456(7)"
    for bad in ("abc", "x" * 33, "ab\tcd"):
        with pytest.raises(ValidationError) as e:
            validate_id(IdType.OTHER, bad, TODAY)
        assert e.value.code == "error.other_id_format"
    with pytest.raises(ValidationError) as e:
        validate_id(IdType.PASSPORT, "   ", TODAY)
    assert e.value.code == "error.required"
    assert validate_id(IdType.RESIDENT_ID, resident_id(), TODAY) == resident_id()


def test_phones() -> None:
    assert validate_phone("13800138000") == "+8613800138000"
    assert validate_phone("138 0013 8000") == "+8613800138000"
    assert validate_phone("+86 138-0013-8000") == "+8613800138000"
    assert validate_phone("+44 7400 123456") == "+447400123456"
    for bad, code in [("12345", "error.phone_invalid"), ("abc", "error.phone_invalid"),
                      ("", "error.required"), ("010 1234 5678", "error.phone_not_mobile")]:
        with pytest.raises(ValidationError) as e:
            validate_phone(bad)
        assert e.value.code == code and e.value.field == "phone"
    with pytest.raises(ValidationError) as e:
        validate_phone("12345")
    assert "12345" in e.value.message("zh_CN") and "手机号" in e.value.message("zh_CN")


def test_names() -> None:
    assert validate_name("  张伟 ") == "张伟"
    assert validate_name("买买提·艾力") == "买买提·艾力"
    assert validate_name("Anna  Smith") == "Anna Smith"
    for bad, code in [("", "error.required"), ("   ", "error.required"),
                      ("x" * 65, "error.too_long"), ("张3", "error.name_invalid_chars"),
                      ("a\x00b", "error.name_invalid_chars")]:
        with pytest.raises(ValidationError) as e:
            validate_name(bad)
        assert e.value.code == code and e.value.field == "name"


@pytest.mark.parametrize(
    ("raw", "plate"),
    [("豫A12345", "豫A12345"), ("豫a 12345", "豫A12345"), ("豫A·12345", "豫A12345"),
     ("豫AD12345", "豫AD12345"), ("京 B·F1234", "京BF1234")],
)
def test_plates(raw: str, plate: str) -> None:
    assert validate_plate(raw) == plate


@pytest.mark.parametrize("bad", ["A12345", "豫12345", "豫A1234", "豫A1234567", "XA12345", ""])
def test_bad_plates(bad: str) -> None:
    with pytest.raises(ValidationError) as e:
        validate_plate(bad)
    assert e.value.field == "plate"


def test_registration_validated_and_round_trip() -> None:
    reg = registration(recent_stays=[("郑州", "2020-02-20")], id_number=resident_id().lower())
    assert reg.recent_stays == (Stay("郑州", date(2020, 2, 20)),)
    assert reg.phone == "+8613800138000"
    assert Registration.from_dict(reg.to_dict()) == reg


def test_registration_stays_refused() -> None:
    for stays, code in [([("郑州", "2020-03-05")], "error.stay_in_future"),
                        ([("", "2020-02-01")], "error.stay_invalid"),
                        ([("郑州", "yesterday")], "error.stay_invalid"),
                        (["郑州"], "error.stay_invalid")]:
        with pytest.raises(ValidationError) as e:
            registration(recent_stays=stays)
        assert e.value.code == code and e.value.field == "recent_stays"


def test_registration_bad_id_type() -> None:
    with pytest.raises(ValidationError) as e:
        registration(id_type="driving_licence")
    assert e.value.field == "id_type"
