"""Helpers shared by the ledger tests (a plain module: test basenames must stay unique)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tamper import raw  # noqa: F401  (the tests import it from here)

from gatekeeper.ledger import Ledger, NewRecord

SITE = timezone(timedelta(hours=8))
NAME = "欧阳娜娜Zq"  # distinctive, so it can be searched for in the file bytes
ID_NUMBER = "11010119900307451X"
SIGNATURE = b"\x89PNG\r\n\x1a\n\x00\x00signature-bytes\xff"


def at(minute: int = 0) -> datetime:
    return datetime(2024, 5, 1, 8, 0, tzinfo=SITE) + timedelta(minutes=minute)


def person(i: int, day: str = "2024-05-01", **kw: Any) -> NewRecord:
    return NewRecord(
        kind="person",
        at=at(i),
        day=day,
        body={"id_type": "resident_id", "company": "中建三局"},
        personal={
            "name": f"{NAME}{i}",
            "id_number": f"{ID_NUMBER[:-3]}{i:03d}",
            "phone": f"138{i:08d}",
            "signature": SIGNATURE,
        },
        person_id=f"person-{i}",
        **kw,
    )


def passage(i: int, day: str = "2024-05-01", outcome: str = "admitted", **kw: Any) -> NewRecord:
    return NewRecord(
        kind="passage",
        at=at(i),
        day=day,
        body={"steps": ["certificate", "temperature"], "temperature": 36.5 + i / 10},
        person_id=f"person-{i % 5}",
        channel="worker",
        outcome=outcome,
        reason="cleared" if outcome == "admitted" else "red_code",
        **kw,
    )


def mixed(n: int) -> list[NewRecord]:
    """n records: people, passages (some with personal fields), a correction."""
    out: list[NewRecord] = []
    for i in range(n):
        if i % 3 == 0:
            out.append(person(i))
        elif i % 3 == 1:
            out.append(passage(i, outcome="turned_away" if i % 2 else "admitted"))
        else:
            out.append(
                NewRecord(
                    kind="step_result",
                    at=at(i),
                    day="2024-05-02",
                    body={"step": "temperature", "value": 36.8},
                    personal={"note": f"体温复测 {i}"},
                    subject_id=f"subject-{i}",
                )
            )
    return out


def build(path: Path, n: int, kiosk_id: str = "kiosk-a") -> list[str]:
    """A closed ledger of n records; returns their uuids in order."""
    with Ledger.open(path, kiosk_id=kiosk_id) as ledger:
        return [r.uuid for r in ledger.append_all(mixed(n))]




def verify(path: Path) -> Any:
    with Ledger.open(path, readonly=True) as ledger:
        return ledger.verify()


def now() -> datetime:
    return datetime.now(UTC)
