"""Shared builders for the domain tests (plain functions, imported by the test modules)."""

from __future__ import annotations

import struct
import zlib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from gatekeeper.domain.identity import Registration
from gatekeeper.domain.policy import Policy
from gatekeeper.domain.screening import Screening
from gatekeeper.domain.vocab import (
    CertificateKind,
    Channel,
    IdType,
    ScanStatus,
    Step,
)

TZ = ZoneInfo("Asia/Shanghai")
T0 = datetime(2020, 3, 2, 8, 0, tzinfo=TZ)
TODAY = T0.date()
POLICY = Policy()

# GB 11643-1999, computed here independently of the code under test.
_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_CHECK = "10X98765432"


def gb11643_check(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def resident_id(area: str = "410122", birth: str = "19850612", seq: str = "123") -> str:
    first17 = area + birth + seq
    return first17 + gb11643_check(first17)


def png_bytes(width: int = 2, height: int = 1) -> bytes:
    """A tiny but real PNG (what the signature pad produces)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + b"\xff" * (width * 3) for _ in range(height))
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
        "today": TODAY,
    }
    fields.update(overrides)
    return Registration.validated(**fields)  # type: ignore[arg-type]


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def advance(s: Screening, until: Step, policy: Policy = POLICY) -> Screening:
    """Pass every step of `s` before `until` with valid inputs (times a minute apart)."""
    minute = 1.0
    while s.current_step is not until:
        step = s.current_step
        when = at(minute)
        minute += 1
        if step is Step.CERTIFICATE:
            s.check_certificate(CertificateKind.HEALTH_CERTIFICATE, "HC-001",
                                date(2020, 12, 31), TODAY, at=when)
        elif step is Step.TEMPERATURE:
            s.measure_temperature(36.5, when)
        elif step is Step.DISINFECTION:
            s.confirm_disinfection(vehicle_too=s.role == "driver", at=when)
        elif step is Step.REGISTRATION:
            s.register(registration(), TODAY, at=when)
        elif step is Step.QR_SCAN:
            for kind in policy.scans_for(s.channel):
                s.record_scan(kind, ScanStatus.OK, at=when)
        elif step is Step.PLEDGE:
            s.sign_pledges(png_bytes(), at=when)
        elif step is Step.NOTICE:
            s.hand_over_notice(at=when)
        elif step is Step.PASS_SCAN:
            s.pass_scan(True, "P-0001", at=when)
        elif step is Step.LANE:
            s.assign_lane(at=when)
        else:  # pragma: no cover
            raise AssertionError(step)
    return s


def first_time(channel: Channel = Channel.WORKER, policy: Policy = POLICY) -> Screening:
    return Screening.first_time(channel, policy, T0)


def passed_steps(s: Screening) -> list[Step]:
    return [r.step for r in s.done if r.passed]
