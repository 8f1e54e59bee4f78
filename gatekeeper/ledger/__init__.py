"""The tamper-evident SQLite ledger: append-only records in a per-kiosk hash chain.

Public API: `Ledger`, the record values (`NewRecord`, `StoredRecord`, ...) and the
errors (all `LedgerError`, bilingual). See docs/architecture.md, "ledger".
"""

from gatekeeper.ledger.accounts import AccountRow
from gatekeeper.ledger.errors import (
    AccountExistsError,
    DirectoryMissingError,
    DiskFullError,
    DuplicateRecordError,
    InvalidRecordError,
    LedgerBusyError,
    LedgerError,
    LedgerNotFoundError,
    NewerLedgerError,
    NotALedgerError,
    OutdatedLedgerError,
    ReadOnlyLedgerError,
)
from gatekeeper.ledger.model import (
    Draft,
    KioskHead,
    LedgerHead,
    NewRecord,
    Person,
    Problem,
    StoredRecord,
    VerifyReport,
)
from gatekeeper.ledger.schema import SCHEMA_VERSION
from gatekeeper.ledger.store import Ledger

__all__ = [
    "SCHEMA_VERSION",
    "AccountExistsError",
    "AccountRow",
    "DirectoryMissingError",
    "DiskFullError",
    "Draft",
    "DuplicateRecordError",
    "InvalidRecordError",
    "KioskHead",
    "Ledger",
    "LedgerBusyError",
    "LedgerError",
    "LedgerHead",
    "LedgerNotFoundError",
    "NewRecord",
    "NewerLedgerError",
    "NotALedgerError",
    "OutdatedLedgerError",
    "Person",
    "Problem",
    "ReadOnlyLedgerError",
    "StoredRecord",
    "VerifyReport",
]
