"""Finding the person at the gate: what staff typed (or a registration) to a person id.

A known ID number pre-fills the registration so a returning visitor is not typed twice;
the ledger's `people` projection is the only place that answers.
"""

from __future__ import annotations

import re
from datetime import date

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.identity import Registration, validate_id
from gatekeeper.domain.vocab import IdType
from gatekeeper.services.gate import GateService
from gatekeeper.services.lookup import person_ids_for
from gatekeeper.services.pass_history import is_erased

REGISTRATION_FIELDS = (
    "name", "id_type", "id_number", "phone", "employer", "role", "coming_from", "recent_stays"
)


def parse_stays(text: str) -> list[tuple[str, str]]:
    """"郑州 2020-02-20; 武汉 2020-01-30" → [(region, date text)]: input format only,
    the domain validates the places and dates."""
    items = [part.strip() for part in re.split(r"[;；\n]", text or "") if part.strip()]
    stays: list[tuple[str, str]] = []
    for item in items:
        match = re.match(r"^(.*\S)[\s,，]+(\d{4}-\d{1,2}-\d{1,2})$", item)
        if not match:
            raise ValidationError("error.stay_invalid", "recent_stays")
        stays.append((match.group(1).strip(), match.group(2)))
    return stays


def registration_from(values: dict[str, str], today: date) -> Registration:
    """The registration form's raw texts, validated by the domain (ValidationError names
    the field)."""
    return Registration.validated(
        name=values.get("name", ""),
        id_type=values.get("id_type", IdType.RESIDENT_ID.value),
        id_number=values.get("id_number", ""),
        phone=values.get("phone", ""),
        employer=values.get("employer", ""),
        role=values.get("role", ""),
        coming_from=values.get("coming_from", ""),
        recent_stays=parse_stays(values.get("recent_stays", "")),
        today=today,
    )


def resolve_person(gate: GateService, raw: str, today: date) -> str | None:
    """The person staff typed: a person id, or an ID number of any kind (signed pass
    payloads go through `PassService.verify` instead)."""
    found = person_ids_for(gate.ledger, raw, today)
    return found[0] if found else None


def registered_person(gate: GateService, person_id: str | None) -> str | None:
    """`person_id` when it names a registered person, else None (also for one whose
    registration a retention purge erased: they register anew, under a new id)."""
    if person_id is None:
        return None
    person = gate.ledger.get_person(person_id)
    if person is None or is_erased(person):
        return None
    return person_id


def prefill(gate: GateService, id_type: str, id_number: str, today: date) -> dict[str, str] | None:
    """The registration fields of the person with this ID number, or None (unknown or
    not a valid number yet)."""
    try:
        number = validate_id(IdType(id_type), id_number, today)
    except (ValidationError, ValueError):
        return None
    person = gate.ledger.find_person(id_type, number)
    if person is None:
        return None
    fields = dict(person.fields)
    stays = "; ".join(f"{s['region']} {s['last_day']}" for s in fields.get("recent_stays", []))
    return {
        "name": person.name or "",
        "id_number": number,
        "phone": person.phone or "",
        "employer": fields.get("employer", ""),
        "role": fields.get("role", ""),
        "coming_from": fields.get("coming_from", ""),
        "recent_stays": stays,
    }


def name_conflict(gate: GateService, registration: Registration) -> str | None:
    """The registered name of the person with this ID number when it differs from the
    name typed (None: unknown number, same name, or a purged registration). A known
    number with another name is never merged silently: staff choose which is right."""
    known = gate.ledger.find_person(registration.id_type.value, registration.id_number)
    if known is None or not known.name:
        return None
    if _same_name(known.name, registration.name):
        return None
    return known.name


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
