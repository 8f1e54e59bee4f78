"""Rules stated in the docs that the services do not enforce (found while writing the
mutation check, docs/mutation.md "Rules the code does not enforce").

Strict xfails: each passes once the service enforces its rule, and then the marker must go.
"""

from __future__ import annotations

import contextlib

import pytest
from kiosk_session_support import PERSON
from services_support import Gate

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Reason, RoundSlot
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.scanner.passes import PassProblem, PassRejected
from gatekeeper.services.kinds import Kind
from gatekeeper.services.passes import PassService

GHOST = "nobody-registered"


def test_a_superseded_pass_is_refused(gate: Gate) -> None:
    passes = PassService(gate.service, SiteKey.generate("site-a"))
    old = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                       phone=PERSON["phone"], by=gate.manager).site_pass  # fmt: skip
    gate.tick(minutes=60 * 24)
    new = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                       by=gate.manager).site_pass  # a lost badge replaced, say
    assert passes.verify(new.payload).person is not None
    with pytest.raises(PassRejected) as err:
        passes.verify(old.payload)
    assert err.value.problem is PassProblem.SUPERSEDED  # said as such (pass verify, kiosk)


def _quarantined(gate: Gate, person_id: str) -> list[object]:
    return list(gate.ledger.records(person_id=person_id, kind=Kind.QUARANTINE_START))


def test_a_round_opens_no_quarantine_for_an_unregistered_person(gate: Gate) -> None:
    assert gate.ledger.get_person(GHOST) is None
    with contextlib.suppress(LocalizedError):
        gate.service.record_round(RoundSlot.MORNING, [(GHOST, 38.9)], by=gate.manager)
    assert _quarantined(gate, GHOST) == []


def test_start_quarantine_refuses_an_unregistered_person(gate: Gate) -> None:
    with contextlib.suppress(LocalizedError):
        gate.service.start_quarantine(GHOST, Reason.FEVER_ON_ROUND)
    assert _quarantined(gate, GHOST) == []
