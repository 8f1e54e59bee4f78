"""Errors the ledger raises, each readable by a person in English and Chinese.

Every message says what is wrong and what to do, because the person reading it is a
gate guard or an inspector, not the programmer.
"""

from __future__ import annotations

import sqlite3
from typing import Any, ClassVar

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError, Text


class LedgerError(LocalizedError):
    """Base of every ledger error; subclasses fix the code and the text.

    `exit_code` is what the command line exits with: 2 ("could not run": the file is
    missing, unreadable, damaged, read-only, locked, of another version) unless the
    error is the answer "no" to what was asked (an invalid record, a taken name): 1."""

    CODE: ClassVar[str] = "ledger.error"
    TEXT: ClassVar[Text] = messages.entry("ledger.error")
    exit_code: ClassVar[int] = 2

    def __init__(self, text: Text | None = None, **params: Any) -> None:
        super().__init__(self.CODE, text or self.TEXT, params)


class DirectoryMissingError(LedgerError):
    CODE = "ledger.directory_missing"
    TEXT = messages.entry("ledger.directory_missing")


class LedgerNotFoundError(LedgerError):
    CODE = "ledger.not_found"
    TEXT = messages.entry("ledger.not_found")


class ReadOnlyLedgerError(LedgerError):
    CODE = "ledger.read_only"
    TEXT = messages.entry("ledger.read_only")


class DiskFullError(LedgerError):
    CODE = "ledger.disk_full"
    TEXT = messages.entry("ledger.disk_full")


class LedgerBusyError(LedgerError):
    CODE = "ledger.busy"
    TEXT = messages.entry("ledger.busy")


class NewerLedgerError(LedgerError):
    CODE = "ledger.newer_version"
    TEXT = messages.entry("ledger.newer_version")


class OutdatedLedgerError(LedgerError):
    CODE = "ledger.needs_upgrade"
    TEXT = messages.entry("ledger.needs_upgrade")


class NotALedgerError(LedgerError):
    CODE = "ledger.not_a_ledger"
    TEXT = messages.entry("ledger.not_a_ledger")


class EmptyLedgerFileError(NotALedgerError):
    """A zero-byte file where a ledger was expected: not taken for a new ledger by a
    command that does not create one."""

    CODE = "ledger.empty_file"
    TEXT = messages.entry("ledger.empty_file")


class DamagedLedgerError(LedgerError):
    """A GateKeeper ledger whose pages fail SQLite's own check (PRAGMA quick_check), or
    cannot be read back: the file is damaged, not tampered with; restore a backup."""

    CODE = "ledger.damaged"
    TEXT = messages.entry("ledger.damaged")


class InvalidRecordError(LedgerError):
    CODE = "ledger.invalid_record"
    TEXT = messages.entry("ledger.invalid_record")
    exit_code = 1


class DuplicateRecordError(LedgerError):
    CODE = "ledger.duplicate_record"
    TEXT = messages.entry("ledger.duplicate_record")
    exit_code = 1


class AccountExistsError(LedgerError):
    CODE = "ledger.account_exists"
    TEXT = messages.entry("ledger.account_exists")
    exit_code = 1


def from_sqlite(error: sqlite3.Error, path: str) -> LedgerError:
    """Translate an sqlite3 error into the ledger error a person can act on."""
    detail = str(error)
    low = detail.lower()
    if "disk is full" in low or "database or disk is full" in low:
        return DiskFullError(path=path)
    if "readonly" in low or "read-only" in low:
        return ReadOnlyLedgerError(path=path, detail=detail)
    if "unable to open" in low:
        return ReadOnlyLedgerError(path=path, detail=detail)
    if "locked" in low or "busy" in low:
        return LedgerBusyError(path=path)
    if "malformed" in low or "disk i/o error" in low:
        return DamagedLedgerError(path=path, detail=detail)
    if "not a database" in low:
        return NotALedgerError(path=path, detail=detail)
    return LedgerError(path=path, detail=detail)
