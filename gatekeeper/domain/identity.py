"""Who the person is: ID numbers, mobile numbers, names, plates, and the registration.

Staff type these at a busy gate, so each validator normalises what it safely can (spaces,
case, full-width characters) and refuses the rest with the field to fix and a message
saying how.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import phonenumbers
from stdnum.cn import ric

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.vocab import IdType

MAX_AGE_YEARS = 120
NAME_MAX = 64
TEXT_MAX = 128

_RESIDENT_ID = re.compile(r"^\d{17}[\dX]$")
_PASSPORT = re.compile(r"^[A-Z0-9]{5,20}$")
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = re.compile(rf"^[{_PROVINCES}][A-Z][A-Z0-9]{{5,6}}$")


def _nfkc(value: str) -> str:
    """Full-width letters and digits (from a Chinese IME) become ordinary ones."""
    return unicodedata.normalize("NFKC", value)


def has_control(value: str) -> bool:
    """Control, format or unassigned characters (escape sequences, bidi overrides, NUL):
    refused in every name a person types."""
    return any(unicodedata.category(ch).startswith("C") for ch in value)


_has_control = has_control


def validate_resident_id(value: str, today: date) -> str:
    """An 18-character resident ID (GB 11643) with a correct check digit and a birth date
    that a living person can have; returns it without spaces, with an upper-case X."""
    number = re.sub(r"\s+", "", _nfkc(str(value))).upper()
    if not _RESIDENT_ID.match(number):
        raise ValidationError("error.resident_id_format", "id_number", {"length": len(number)})
    if ric.calc_check_digit(number) != number[-1]:
        raise ValidationError("error.resident_id_check_digit", "id_number")
    birth_text = f"{number[6:10]}-{number[10:12]}-{number[12:14]}"
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        birth = None
    if birth is None or birth > today or _age(birth, today) > MAX_AGE_YEARS:
        raise ValidationError("error.resident_id_birth_date", "id_number", {"birth": birth_text})
    return number


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def validate_id(id_type: IdType, value: str, today: date) -> str:
    """An ID number of the given type, normalised (passports upper-case, no spaces)."""
    id_type = IdType(id_type)
    if not str(value).strip():
        raise ValidationError("error.required", "id_number")
    if id_type is IdType.RESIDENT_ID:
        return validate_resident_id(value, today)
    if id_type is IdType.PASSPORT:
        number = re.sub(r"\s+", "", _nfkc(str(value))).upper()
        if not _PASSPORT.match(number):
            raise ValidationError("error.passport_format", "id_number")
        return number
    number = _nfkc(str(value)).strip()
    if not 4 <= len(number) <= 32 or not number.isprintable():
        raise ValidationError("error.other_id_format", "id_number")
    return number


_MOBILE_TYPES = {
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def validate_phone(value: str) -> str:
    """A mobile number (mainland by default, or +country code), returned as E.164."""
    raw = _nfkc(str(value)).strip()
    if not raw:
        raise ValidationError("error.required", "phone")
    try:
        number = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException:
        raise ValidationError("error.phone_invalid", "phone", {"value": raw}) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("error.phone_invalid", "phone", {"value": raw})
    if phonenumbers.number_type(number) not in _MOBILE_TYPES:
        raise ValidationError("error.phone_not_mobile", "phone", {"value": raw})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_name(value: str) -> str:
    """A person's name: not empty, at most 64 characters, no digits or control characters."""
    name = re.sub(r"[ \t]+", " ", str(value).strip())
    if not name:
        raise ValidationError("error.required", "name")
    if len(name) > NAME_MAX:
        raise ValidationError("error.too_long", "name", {"length": len(name), "max": NAME_MAX})
    if _has_control(name) or any(ch.isdigit() for ch in name):
        raise ValidationError("error.name_invalid_chars", "name")
    return name


def validate_text(value: str, field: str, max_len: int = TEXT_MAX) -> str:
    """A required free-text field (employer, role, place): stripped, bounded, printable."""
    text = str(value).strip()
    if not text:
        raise ValidationError("error.required", field)
    if len(text) > max_len:
        raise ValidationError("error.too_long", field, {"length": len(text), "max": max_len})
    if _has_control(text):
        raise ValidationError("error.not_printable", field)
    return text


def validate_plate(value: str) -> str:
    """A mainland plate (豫A12345, new-energy 豫AD12345), upper-case without spaces or dots."""
    plate = re.sub(r"[\s·•.\-]", "", _nfkc(str(value))).upper()
    if not plate:
        raise ValidationError("error.required", "plate")
    if not _PLATE.match(plate):
        raise ValidationError("error.plate_invalid", "plate", {"value": str(value).strip()})
    return plate


@dataclass(frozen=True)
class Stay:
    """A place the person stayed recently and the last day they were there.

    The risk rule asks "were they in a listed region within N days", so the last day
    there is what matters, not when they arrived.
    """

    region: str
    last_day: date

    def to_dict(self) -> dict[str, str]:
        return {"region": self.region, "last_day": self.last_day.isoformat()}

    @classmethod
    def from_dict(cls, d: dict[str, str]) -> Stay:
        return cls(d["region"], date.fromisoformat(d["last_day"]))


def validate_stays(stays: Iterable[Any], today: date) -> tuple[Stay, ...]:
    """Recent stays from `Stay`s or `(region, date-or-ISO-text)` pairs; none in the future."""
    out: list[Stay] = []
    for item in stays:
        if isinstance(item, Stay):
            region, last_day = item.region, item.last_day
        else:
            try:
                region, last_day = item
            except (TypeError, ValueError):
                raise ValidationError("error.stay_invalid", "recent_stays") from None
        if isinstance(last_day, str):
            try:
                last_day = date.fromisoformat(last_day.strip())
            except ValueError:
                raise ValidationError("error.stay_invalid", "recent_stays") from None
        if not isinstance(last_day, date) or not isinstance(region, str) or not region.strip():
            raise ValidationError("error.stay_invalid", "recent_stays")
        region = validate_text(region, "recent_stays")
        if last_day > today:
            raise ValidationError(
                "error.stay_in_future",
                "recent_stays",
                {"region": region, "date": last_day.isoformat()},
            )
        out.append(Stay(region, last_day))
    return tuple(out)


@dataclass(frozen=True)
class Registration:
    """What the gate records about a first-time entrant (信息登记), already validated."""

    name: str
    id_type: IdType
    id_number: str
    phone: str
    employer: str
    role: str
    coming_from: str
    recent_stays: tuple[Stay, ...] = ()

    @classmethod
    def validated(
        cls,
        *,
        name: str,
        id_type: IdType | str,
        id_number: str,
        phone: str,
        employer: str,
        role: str,
        coming_from: str,
        recent_stays: Iterable[Any] = (),
        today: date,
    ) -> Registration:
        """Validate raw form fields; the first wrong one raises ValidationError(field=...)."""
        try:
            id_type = IdType(id_type)
        except ValueError:
            raise ValidationError(
                "error.invalid_choice", "id_type", {"value": str(id_type)}
            ) from None
        return cls(
            name=validate_name(name),
            id_type=id_type,
            id_number=validate_id(id_type, id_number, today),
            phone=validate_phone(phone),
            employer=validate_text(employer, "employer"),
            role=validate_text(role, "role"),
            coming_from=validate_text(coming_from, "coming_from"),
            recent_stays=validate_stays(recent_stays, today),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "id_type": self.id_type.value,
            "id_number": self.id_number,
            "phone": self.phone,
            "employer": self.employer,
            "role": self.role,
            "coming_from": self.coming_from,
            "recent_stays": [s.to_dict() for s in self.recent_stays],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Registration:
        return cls(
            name=d["name"],
            id_type=IdType(d["id_type"]),
            id_number=d["id_number"],
            phone=d["phone"],
            employer=d["employer"],
            role=d["role"],
            coming_from=d["coming_from"],
            recent_stays=tuple(Stay.from_dict(s) for s in d["recent_stays"]),
        )
