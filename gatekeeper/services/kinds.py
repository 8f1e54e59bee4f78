"""The kinds of record the services write. Stored in the ledger: add, never rename."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    PERSON = "person"  # a registration: personal fields + employer, role, origin
    PASSAGE = "passage"  # one person's screening at the gate, with its outcome
    STEP = "step"  # one step result within a passage (subject_id = the screening)
    VEHICLE = "vehicle"  # a goods vehicle and its group's outcome
    QUARANTINE_START = "quarantine_start"
    QUARANTINE_CHECK = "quarantine_check"
    QUARANTINE_RELEASE = "quarantine_release"  # reason column = the decision
    ROUND_TEMPERATURE = "round_temperature"  # morning/evening round reading on site
    DISINFECTION = "disinfection"  # a zone disinfected
    PASS_ISSUED = "pass_issued"  # a site pass for a registered worker
    PASS_REVOKED = "pass_revoked"
    CORRECTION = "correction"  # points at the corrected record through `corrects`
    ACCOUNT = "account"  # an account created: username, role, name (never the PIN hash)
    PIN_CHANGED = "pin_changed"  # an account's PIN was changed (by whom; never the PIN)
    SIGN_IN = "sign_in"  # a sign-in attempt, success or failure (never the PIN typed)
    EXPORT = "export"  # a ledger export or report: format, date(s), rows, file digest
    PURGE = "purge"  # a retention purge: cutoff day, records and drafts erased
    KIOSK = "kiosk"  # this kiosk's identity: a new id (a copied disk), or registered at a hub
    GATE_OPENED = "gate_opened"  # the lane's turnstile or door was opened for an admission
    GATE_OPEN_FAILED = "gate_open_failed"  # admitted, but the lane's release did not open it
