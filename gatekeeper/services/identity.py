"""The kiosk's identity, kept in its own chain (ledger.projections checks it).

`new_kiosk_id` is `gatekeeper kiosk new-id` (a machine made from a copy of another
kiosk's disk); `registered_at_hub` is written by `gatekeeper hub add-kiosk`. Either way
the kiosk's `meta` id always has a chain naming it, so an id changed in the file by
hand is found by `verify`.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from gatekeeper.ledger import Ledger, StoredRecord
from gatekeeper.services import schema


def new_kiosk_id(ledger: Ledger, now: datetime) -> tuple[str, str]:
    """A new random kiosk id for this ledger; (old, new)."""
    new = str(uuid.uuid4())
    body = schema.KioskBody(kiosk_id=new, was=ledger.kiosk_id)
    old = ledger.change_kiosk_id(new, body.record(at=now, day=now.date().isoformat()))
    return old, new


def registered_at_hub(ledger: Ledger, hub_id: str, now: datetime) -> StoredRecord:
    """Note in the kiosk's own chain that it was registered at the hub `hub_id`."""
    body = schema.KioskBody(kiosk_id=ledger.kiosk_id, hub=hub_id)
    return ledger.append(body.record(at=now, day=now.date().isoformat()))
