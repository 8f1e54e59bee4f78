"""The values that cross the ledger's boundary (plain frozen dataclasses)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gatekeeper.domain.i18n import Text


@dataclass(frozen=True)
class NewRecord:
    """What a caller asks to append; the ledger adds uuid, sequence, salt and hashes.

    `at` must be timezone-aware; `day` is the site-local date (YYYY-MM-DD) chosen by
    the caller. `personal` holds the fields a purge erases (bytes allowed); `body` the
    rest. `corrects` is the uuid of an earlier record this one corrects. The fields are
    the columns whose source is the caller (columns.RECORDS; a test holds them equal).
    """

    kind: str
    at: datetime
    day: str
    body: Mapping[str, Any]
    personal: Mapping[str, Any] | None = None
    person_id: str | None = None
    subject_id: str | None = None
    channel: str | None = None
    outcome: str | None = None
    reason: str | None = None
    corrects: str | None = None
    uuid: str | None = None


@dataclass(frozen=True)
class StoredRecord:
    """A record as stored; `personal` is None once purged (the digest stays).

    The fields are the readable columns in declaration order (columns.READ): the ledger
    builds one by position, and tests/ledger/test_ledger_columns.py holds the two equal.
    """

    seq: int
    uuid: str
    kiosk_id: str
    kiosk_seq: int
    kind: str
    at: str
    day: str
    person_id: str | None
    subject_id: str | None
    channel: str | None
    outcome: str | None
    reason: str | None
    body: dict[str, Any]
    personal: dict[str, Any] | None
    personal_digest: str | None
    corrects: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class KioskHead:
    """The newest link of one kiosk's chain."""

    kiosk_id: str
    kiosk_seq: int
    hash: str


@dataclass(frozen=True)
class LedgerHead:
    """`hash` names the whole ledger: the single kiosk's last hash, or with several
    kiosks sha256 over their sorted "kiosk_id:hash\\n" lines (64 zeros when empty).
    `records` is the number of records the chain heads account for."""

    records: int
    kiosks: tuple[KioskHead, ...]
    hash: str


@dataclass(frozen=True)
class Problem:
    """The first thing verify found wrong; `what` in English, `text` in both languages."""

    seq: int | None
    uuid: str | None
    kiosk_id: str | None
    kiosk_seq: int | None
    what: str
    text: Text = field(compare=False, repr=False, default=Text.same(""))

    def message(self, lang: str = "en") -> str:
        """The problem in `lang`. `text` is filled already, with values from the file (a
        username, a kiosk id, SQLite's words): said as it stands, never filled again."""
        return self.text.pick(lang) if self.text.en else self.what


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    records: int
    head: LedgerHead
    problem: Problem | None = None


@dataclass(frozen=True)
class Draft:
    """An unfinished screening kept for crash recovery (mutable, not chained)."""

    draft_id: str
    saved_at: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Person:
    """A registered person as projected from the newest "person" record."""

    person_id: str
    id_type: str | None
    id_number: str | None
    name: str | None
    phone: str | None
    fields: dict[str, Any]
    updated_seq: int
