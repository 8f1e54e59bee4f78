"""Who a typed text names: a person id, or an ID number of any kind (one rule for the
kiosk's pass page and the console's rounds search)."""

from __future__ import annotations

from datetime import date

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.identity import validate_id
from gatekeeper.domain.vocab import IdType
from gatekeeper.ledger import Ledger


def person_ids_for(ledger: Ledger, raw: str, today: date) -> list[str]:
    """The registered people `raw` names, the person id itself first, then the holder of
    each kind of ID number it is valid as (no duplicates)."""
    found: list[str] = []
    if ledger.get_person(raw) is not None:
        found.append(raw)
    for id_type in IdType:
        try:
            number = validate_id(id_type, raw, today)
        except ValidationError:
            continue
        person = ledger.find_person(id_type.value, number)
        if person is not None and person.person_id not in found:
            found.append(person.person_id)
    return found
