"""Append and read back: bytes, Chinese text, queries, heads."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from ledger_support import NAME, SIGNATURE, at, mixed, passage, person

from gatekeeper.domain.vocab import Channel, Outcome, Reason
from gatekeeper.ledger import (
    SCHEMA_VERSION,
    DuplicateRecordError,
    InvalidRecordError,
    Ledger,
    NewRecord,
)
from gatekeeper.ledger.chain import GENESIS


def test_round_trip_bytes_and_chinese(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db", kiosk_id="gate-1") as ledger:
        stored = ledger.append(person(7))
        assert stored.kiosk_id == "gate-1" and stored.kiosk_seq == 1 and stored.seq == 1
        assert stored.prev_hash == GENESIS and len(stored.hash) == 64
        assert stored.at == "2024-05-01T08:07:00.000000+08:00"
    with Ledger.open(tmp_path / "l.db") as ledger:
        assert ledger.kiosk_id == "gate-1" and ledger.schema_version == SCHEMA_VERSION
        got = ledger.get(stored.uuid)
    assert got == stored
    assert got is not None and got.personal is not None
    assert got.personal["signature"] == SIGNATURE
    assert got.personal["name"] == f"{NAME}7"
    assert got.body == {"id_type": "resident_id", "company": "中建三局"}


def test_enum_values_are_stored_as_plain_text(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        rec = NewRecord(
            kind="passage",
            at=at(),
            day="2024-05-01",
            body={"outcome": Outcome.ADMITTED},
            channel=Channel.WORKER,
            outcome=Outcome.ADMITTED,
            reason=Reason.CLEARED,
        )
        stored = ledger.append(rec)
        assert type(stored.channel) is str and stored.channel == "worker"
        assert ledger.count(kind="passage", outcome="admitted", channel="worker") == 1
        assert ledger.verify().ok


def test_queries_and_counts(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.append_all(
            [passage(i, outcome="admitted") for i in range(5)]
            + [passage(i, outcome="turned_away") for i in range(5, 8)]
            + [passage(i, day="2024-05-02") for i in range(8, 10)]
        )
        assert ledger.count() == 10
        assert ledger.count(kind="passage", day="2024-05-01", outcome="admitted") == 5
        assert ledger.count(kind="passage", until_day="2024-05-01") == 8
        assert ledger.count(kind="passage", day="2024-05-01", reason="red_code") == 3
        assert ledger.count_by("outcome", kind="passage", day="2024-05-01") == {
            "admitted": 5,
            "turned_away": 3,
        }
        assert ledger.count_by("reason", outcome="turned_away") == {"red_code": 3}
        with pytest.raises(ValueError):
            ledger.count_by("body")  # type: ignore[arg-type]
        seqs = [r.seq for r in ledger.records(kind="passage", day="2024-05-02")]
        assert seqs == [9, 10]
        assert [r.kiosk_seq for r in ledger.records(person_id="person-0")] == [1, 6]


def test_correction_is_a_new_record(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        old = ledger.append(passage(1))
        fix = ledger.append(passage(1, outcome="turned_away", corrects=old.uuid))
        assert fix.corrects == old.uuid and ledger.get(old.uuid) == old
        with pytest.raises(InvalidRecordError) as err:
            ledger.append(passage(2, corrects="00000000-0000-4000-8000-000000000000"))
        assert "没有要更正的记录" in err.value.message("zh_CN")
        assert ledger.count() == 2 and ledger.verify().ok


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"at": at().replace(tzinfo=None)}, "at"),
        ({"day": "2024-02-30"}, "day"),
        ({"day": "1.5.2024"}, "day"),
        ({"kind": "Passage!"}, "kind"),
        ({"uuid": "not-a-uuid"}, "uuid"),
        ({"body": {"when": at()}}, "body.when"),
        ({"body": {"x": float("nan")}}, "body.x"),
        ({"body": {"$base64": "AA=="}}, "body"),
        ({"reason": "a\x00b"}, "reason"),
        ({"person_id": ""}, "person_id"),
    ],
)
def test_invalid_records_are_refused_with_a_message(
    tmp_path: Path, change: dict, field: str
) -> None:
    base = dict(kind="passage", at=at(), day="2024-05-01", body={"a": 1})
    with Ledger.open(tmp_path / "l.db") as ledger:
        with pytest.raises(InvalidRecordError) as err:
            ledger.append(NewRecord(**{**base, **change}))
        assert err.value.params["field"] == field
        assert field in err.value.message("en") and field in err.value.message("zh_CN")
        assert ledger.count() == 0


def test_duplicate_uuid_refused(tmp_path: Path) -> None:
    uid = "7d0c6b1e-2f7a-4c53-9a39-6b1f0d7e6a11"
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.append(passage(1, uuid=uid))
        with pytest.raises(DuplicateRecordError):
            ledger.append(passage(2, uuid=uid))
        assert ledger.count() == 1


def test_head_single_and_several_kiosks(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path, kiosk_id="a") as a:
        assert a.head().hash == GENESIS and a.head().records == 0
        last = a.append_all(mixed(4))[-1]
        assert a.head().hash == last.hash and a.head().records == 4
        with Ledger.open(path, kiosk_id="b") as b:
            b_last = b.append(passage(9))
            expected = hashlib.sha256(f"a:{last.hash}\nb:{b_last.hash}\n".encode()).hexdigest()
            assert b.head().hash == expected and b.head().records == 5
            assert [k.kiosk_id for k in b.head().kiosks] == ["a", "b"]
