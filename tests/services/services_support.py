"""Builders for the service tests: a real ledger in tmp_path, the default policy, a
stepping clock in the site's time zone, and helpers that walk a screening's steps."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from gatekeeper.domain.identity import Registration
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vocab import CertificateKind, IdType, ScanStatus, Step
from gatekeeper.ledger import Ledger, StoredRecord
from gatekeeper.services import accounts
from gatekeeper.services.accounts import Actor, Role
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService

POLICY = Policy()
START = datetime(2020, 3, 2, 8, 0, tzinfo=POLICY.tz)

_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_CHECK = "10X98765432"


def resident_id(area: str = "410122", birth: str = "19850612", seq: str = "123") -> str:
    """A valid 18-digit resident ID (GB 11643 check digit computed here, independently)."""
    first17 = area + birth + seq
    return first17 + _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\x80" * (width * 3) for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def registration(**overrides: object) -> Registration:
    fields: dict[str, object] = {
        "name": "张伟",
        "id_type": IdType.RESIDENT_ID,
        "id_number": resident_id(),
        "phone": "13800138000",
        "employer": "中牟建设集团",
        "role": "钢筋工",
        "coming_from": "河南省周口市",
        "recent_stays": (),
        "today": START.date(),
    }
    fields.update(overrides)
    return Registration.validated(**fields)  # type: ignore[arg-type]


PIN = "246810"


def actor(
    ledger: Ledger, username: str = "boss", role: Role | str = Role.SITE_MANAGER,
    *, now: datetime = START,
) -> Actor:  # fmt: skip
    """A real sign-in's Actor, making the account on first use (the first is the site
    manager "boss", as on a first start). Each call writes one "sign_in" record."""
    if accounts.needs_first_manager(ledger):
        accounts.create_first_manager(
            ledger, username="boss", display_name="王经理", pin=PIN, now=now)
    if ledger.get_account(username) is None:
        boss = accounts.sign_in(ledger, "boss", PIN, now).actor
        assert boss is not None
        accounts.create_account(ledger, username=username, role=role, display_name=username,
                                pin=PIN, now=now, by=boss)  # fmt: skip
    signed = accounts.sign_in(ledger, username, PIN, now)
    assert signed.actor is not None
    return signed.actor


@dataclass
class Gate:
    ledger: Ledger
    clock: SteppingClock
    service: GateService
    path: Path
    _manager: Actor | None = field(default=None, repr=False)

    @property
    def manager(self) -> Actor:
        """The site manager "boss", signed in once per gate (for rounds, quarantine,
        corrections and passes, which the services refuse to anyone else)."""
        if self._manager is None:
            self._manager = actor(self.ledger, now=self.clock.now())
        return self._manager

    def tick(self, minutes: float = 1) -> None:
        self.clock.advance(minutes=minutes)

    def reopen(self, policy: Policy = POLICY) -> Gate:
        """Close the ledger (a kiosk restart) and open it again with a fresh service."""
        self.ledger.close()
        ledger = Ledger.open(self.path, create=False)
        return Gate(ledger, self.clock, GateService(ledger, policy, self.clock), self.path)

    def records(self, **filters: str) -> list[StoredRecord]:
        return list(self.ledger.records(**filters))

    def walk(self, s: Screening, until: Step, reg: Registration | None = None) -> Screening:
        """Pass every step before `until` with valid inputs, a minute apart on the clock."""
        while s.current_step is not until:
            step = s.current_step
            self.tick()
            if step is Step.CERTIFICATE:
                s.check_certificate(CertificateKind.HEALTH_CERTIFICATE, "HC-0042",
                                    date(2020, 12, 31))
            elif step is Step.TEMPERATURE:
                s.measure_temperature(36.5)
            elif step is Step.DISINFECTION:
                s.confirm_disinfection(vehicle_too=s.role == "driver")
            elif step is Step.REGISTRATION:
                s.register(reg or registration())
            elif step is Step.QR_SCAN:
                for kind in s.scans_required:
                    s.record_scan(kind, ScanStatus.OK)
            elif step is Step.PLEDGE:
                s.sign_pledges(png_bytes())
            elif step is Step.NOTICE:
                s.hand_over_notice()
            elif step is Step.PASS_SCAN:
                raise AssertionError("walk() does not scan passes")
            elif step is Step.LANE:
                raise AssertionError("walk() stops before the lane")
            assert not s.is_over, f"ended at {step}: {s.outcome}"
        return s

    def admit(self, s: Screening, reg: Registration | None = None) -> Screening:
        self.walk(s, Step.LANE, reg)
        self.tick()
        s.assign_lane()
        return s


def open_gate(tmp_path: Path, policy: Policy = POLICY, start: datetime = START) -> Gate:
    path = tmp_path / "l.sqlite3"
    ledger = Ledger.open(path, create=True)
    clock = SteppingClock(start)
    return Gate(ledger, clock, GateService(ledger, policy, clock), path)
