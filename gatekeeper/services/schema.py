"""One schema per record kind: what each kind's body holds and which fields are personal.

Every record the services write is built from one of these frozen dataclasses, and every
body the services read back is read through them, so a record's shape is written down
once. A field marked `personal()` goes into the record's personal part (erased by a
retention purge, covered by the chain through its digest); every other field goes into
the body, which stays for ever; an optional field (default None) left at None is not
written. Bodies are checked on write (exact fields, each of its
declared type) and on read (the declared fields present and of their type; a field a
newer GateKeeper added is ignored, never an error, so replicas of mixed versions read
each other's records).

Nested parts that the domain already shapes and checks (a screening's outcome, its
temperatures and scans, a step's data) are typed as JSON objects here; their meaning is
the domain's (`gatekeeper.domain.screening`).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Self, Union, get_args, get_origin

from gatekeeper.domain import messages
from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.ledger import NewRecord, StoredRecord
from gatekeeper.services.kinds import Kind

Json = dict[str, Any]
NewId = Callable[[], str]

class SchemaError(LocalizedError):
    """A body that does not match its kind's schema (a programming error on write; a
    record from an unknown or damaged writer on read)."""

    exit_code = 2

    def __init__(self, kind: str, problem: str) -> None:
        code = "schema.bad_body"
        super().__init__(code, messages.entry(code), {"kind": kind, "problem": problem})


def personal(default: Any = dataclasses.MISSING) -> Any:
    """A field that goes into the record's personal part (purgeable)."""
    if default is dataclasses.MISSING:
        return field(metadata={"personal": True})
    return field(default=default, metadata={"personal": True})


def stored_as(key: str, default: Any = None) -> Any:
    """A field stored under another key (one that is no Python name, e.g. "from")."""
    return field(default=default, metadata={"key": key})


def _key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


# --- the check of one value against its declared type ---------------------------------


def _conforms(value: Any, tp: Any) -> bool:
    if tp is Any:
        return True
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        return any(_conforms(value, arg) for arg in get_args(tp))
    if tp is type(None):
        return value is None
    if tp is bool:
        return isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if tp is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if tp in (str, bytes):
        return isinstance(value, tp)
    if origin is list:
        (item,) = get_args(tp)
        return isinstance(value, list) and all(_conforms(v, item) for v in value)
    if origin is dict:
        key, item = get_args(tp)
        return isinstance(value, dict) and all(
            _conforms(k, key) and _conforms(v, item) for k, v in value.items())
    raise TypeError(f"schema type {tp!r} is not supported")  # a schema bug, found by tests


@dataclass(frozen=True)
class _Layout:
    fields: tuple[dataclasses.Field[Any], ...]
    personal: frozenset[str]
    hints: dict[str, Any]


_LAYOUTS: dict[type[Any], _Layout] = {}


def _layout(cls: type[Body]) -> _Layout:
    """A schema's fields, personal names and types, worked out once per class (bodies
    are read by the hundred thousand for the dashboard)."""
    layout = _LAYOUTS.get(cls)
    if layout is None:
        fields = dataclasses.fields(cls)
        layout = _Layout(fields, frozenset(f.name for f in fields if f.metadata.get("personal")),
                         typing.get_type_hints(cls))  # fmt: skip
        _LAYOUTS[cls] = layout
    return layout


@dataclass(frozen=True)
class Body:
    """Base of every record kind's schema. Subclasses set `KIND` and their fields."""

    KIND: ClassVar[Kind]

    @classmethod
    def fields(cls) -> tuple[dataclasses.Field[Any], ...]:
        return _layout(cls).fields

    @classmethod
    def personal_fields(cls) -> frozenset[str]:
        return _layout(cls).personal

    @classmethod
    def _hints(cls) -> dict[str, Any]:
        return _layout(cls).hints

    def check(self) -> None:
        """Every field of its declared type (SchemaError names the first that is not)."""
        hints = self._hints()
        for f in self.fields():
            value = getattr(self, f.name)
            if not _conforms(value, hints[f.name]):
                raise SchemaError(self.KIND.value, f"{f.name} is {value!r}")

    def parts(self) -> tuple[Json, Json | None]:
        """(body, personal part or None) as the ledger stores them."""
        self.check()
        secret = self.personal_fields()
        body: Json = {}
        private: Json = {}
        for f in self.fields():
            value = getattr(self, f.name)
            if f.name in secret:
                if value is not None:
                    private[_key(f)] = value
            elif value is not None or f.default is not None:
                body[_key(f)] = value  # an optional field left at None is left out
        return body, (private or None)

    def record(self, *, at: datetime, day: str, uuid: str | None = None,
               **columns: Any) -> NewRecord:  # fmt: skip
        """The ledger record of this body (`columns`: the query columns, e.g. person_id)."""
        body, private = self.parts()
        return NewRecord(kind=self.KIND, at=at, day=day, body=body, personal=private,
                         uuid=uuid, **columns)  # fmt: skip

    @classmethod
    def read(cls, record: StoredRecord) -> Self:
        """A stored record's body (and personal part, None once purged) as this schema."""
        if record.kind != cls.KIND:
            raise SchemaError(cls.KIND.value, f"record {record.uuid} is a {record.kind}")
        return cls.from_parts(record.body, record.personal)

    @classmethod
    def from_parts(cls, body: Mapping[str, Any], private: Mapping[str, Any] | None) -> Self:
        secret = cls.personal_fields()
        values: Json = {}
        for f in cls.fields():
            source = (private or {}) if f.name in secret else body
            if _key(f) in source:
                values[f.name] = source[_key(f)]
            elif f.name in secret:
                values[f.name] = None  # purged (or never given)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise SchemaError(cls.KIND.value, f"{f.name} is missing")
        made = cls(**values)
        made.check()
        return made


# --- people and the gate ---------------------------------------------------------------


@dataclass(frozen=True)
class PersonBody(Body):
    """A registration snapshot (the newest wins): who the person is and where from."""

    KIND = Kind.PERSON
    id_type: str
    employer: str
    role: str
    coming_from: str
    recent_stays: list[dict[str, str]]
    name: str | None = personal(None)
    id_number: str | None = personal(None)
    phone: str | None = personal(None)


@dataclass(frozen=True)
class StepBody(Body):
    """One attempt at one step of a screening (subject_id: the screening)."""

    KIND = Kind.STEP
    step: str
    passed: bool
    data: dict[str, Any]
    at: str
    signature_png: bytes | None = personal(None)  # the pledge step's signature


@dataclass(frozen=True)
class PassageBody(Body):
    """One person's screening at the gate and its outcome (subject_id: the screening)."""

    KIND = Kind.PASSAGE
    screening_id: str
    path: str
    role: str | None
    started_at: str
    outcome: dict[str, Any]
    certificate: dict[str, Any] | None
    temperatures: list[dict[str, Any]]
    scans: dict[str, dict[str, Any]]
    pledges_signed: list[str]
    notice_handed_over: bool
    steps_passed: list[str]
    redirected_because: str | None
    staff: str
    vehicle: dict[str, str] | None = None
    certificate_number: str | None = personal(None)


@dataclass(frozen=True)
class VehicleBody(Body):
    """A goods vehicle and its group's outcome (subject_id: the group)."""

    KIND = Kind.VEHICLE
    group_id: str
    plate: str
    outcome: dict[str, Any]
    people: list[str]
    separated: list[str]
    vehicle_disinfected: bool
    staff: str


# --- quarantine, rounds, disinfection --------------------------------------------------


@dataclass(frozen=True)
class QuarantineStartBody(Body):
    KIND = Kind.QUARANTINE_START
    case_id: str
    reason: str
    place: dict[str, str] | str  # {"en": …, "zh_CN": …}; one text in early ledgers
    started_at: str
    due_date: str
    source: str | None  # the screening or round that opened the case


@dataclass(frozen=True)
class QuarantineCheckBody(Body):
    KIND = Kind.QUARANTINE_CHECK
    temperature_c: float
    at: str
    note: str
    fever: bool
    by: str | None = None  # who recorded it (ledgers from before roles lack it)


@dataclass(frozen=True)
class QuarantineReleaseBody(Body):
    KIND = Kind.QUARANTINE_RELEASE
    decision: str
    reason: str
    by: str
    at: str
    days: int


@dataclass(frozen=True)
class RoundTemperatureBody(Body):
    KIND = Kind.ROUND_TEMPERATURE
    slot: str
    reading_c: float
    verdict: str
    by: str


@dataclass(frozen=True)
class DisinfectionBody(Body):
    KIND = Kind.DISINFECTION
    zone: str
    slot: str
    by: str


@dataclass(frozen=True)
class GateOpenedBody(Body):
    """The kiosk opened the lane for an admitted person or vehicle (subject_id: the
    passage's screening, or the vehicle); written after the passage, never instead."""

    KIND = Kind.GATE_OPENED
    lane: str
    device: str  # "relay" or "command"
    detail: str  # the port and channel, or the program
    by: str


@dataclass(frozen=True)
class GateOpenFailedBody(Body):
    """The person or vehicle was admitted (the passage stands) but the lane's release did
    not open it, so staff were told to open it by hand (subject_id as for gate_opened).
    `problem` is the catalogue key of what went wrong and `params` its values, so the
    reason reads in either language later."""

    KIND = Kind.GATE_OPEN_FAILED
    lane: str
    device: str  # "relay" or "command"
    detail: str  # the port and channel, or the program, that did not open it
    problem: str  # e.g. "devices.relay_missing", "devices.command_failed"
    params: dict[str, Any]  # the message's values: port, program, status, seconds
    by: str


# --- passes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PassIssuedBody(Body):
    """A site pass (the signed payload is never stored, only its digest)."""

    KIND = Kind.PASS_ISSUED
    issued_on: str
    valid_until: str
    key_id: str | None = None  # ledgers from before signed passes lack these
    site_id: str | None = None
    pass_digest: str | None = None
    by: str | None = None
    serial: str | None = None  # the pass's own serial (GKP2); passes before serials lack it


@dataclass(frozen=True)
class PassRevokedBody(Body):
    """A revocation: of the pass with `serial`, or (no serial) of every pass the person
    was issued before it."""

    KIND = Kind.PASS_REVOKED
    by: str | None = None
    note: str = ""
    serial: str | None = None


# --- corrections, accounts, exports, purges --------------------------------------------


@dataclass(frozen=True)
class CorrectionBody(Body):
    """A correction points at the corrected record through the `corrects` column."""

    KIND = Kind.CORRECTION
    changes: dict[str, Any]
    reason: str
    by: str
    corrected_kind: str


@dataclass(frozen=True)
class AccountBody(Body):
    """An account created (never its PIN hash, which lives outside the chain)."""

    KIND = Kind.ACCOUNT
    username: str
    role: str
    display_name: str
    by: str | None


@dataclass(frozen=True)
class PinChangedBody(Body):
    KIND = Kind.PIN_CHANGED
    username: str
    by: str | None = None


@dataclass(frozen=True)
class SignInBody(Body):
    """A sign-in attempt (no username for an unknown one: a PIN may have been typed there)."""

    KIND = Kind.SIGN_IN
    username: str | None
    result: str


@dataclass(frozen=True)
class ExportBody(Body):
    """A ledger export or report: what, for which days, by whom, and the file's digest
    (a file name only: a folder can name a person)."""

    KIND = Kind.EXPORT
    what: str
    format: str
    file: str
    sha256: str
    by: str | None = None
    date: str | None = None  # a daily export
    rows: int | None = None
    full: bool | None = None
    lang: str | None = None
    head: Any = None  # the chain head(s) the export covers
    date_from: str | None = stored_as("from")  # a report over days
    date_to: str | None = stored_as("to")
    verified: bool | None = None


@dataclass(frozen=True)
class PurgeBody(Body):
    KIND = Kind.PURGE
    cutoff: str
    older_than_days: int
    count: int
    drafts: int
    by: str | None = None


@dataclass(frozen=True)
class KioskBody(Body):
    """The kiosk's identity, in its own chain (ledger.projections): `was` its old id after
    `kiosk new-id`, `hub` the hub it was registered at by `hub add-kiosk`."""

    KIND = Kind.KIOSK
    kiosk_id: str
    was: str | None = None
    hub: str | None = None


SCHEMAS: dict[Kind, type[Body]] = {
    cls.KIND: cls
    for cls in (PersonBody, StepBody, PassageBody, VehicleBody, QuarantineStartBody,
                QuarantineCheckBody, QuarantineReleaseBody, RoundTemperatureBody,
                DisinfectionBody, PassIssuedBody, PassRevokedBody, CorrectionBody,
                AccountBody, PinChangedBody, SignInBody, ExportBody, PurgeBody,
                GateOpenedBody, GateOpenFailedBody, KioskBody)
}


def read(record: StoredRecord) -> Body:
    """Any stored record's body through its kind's schema."""
    try:
        schema = SCHEMAS[Kind(record.kind)]
    except (KeyError, ValueError):
        raise SchemaError(record.kind, "no such kind of record") from None
    return schema.read(record)
