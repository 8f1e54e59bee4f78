"""Purging personal fields: chain stays valid, the bytes are gone; the people projection."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from ledger_support import ID_NUMBER, NAME, SIGNATURE, passage, person

from gatekeeper.ledger import Ledger, NewRecord


def _file_bytes(path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-journal"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            data += side.read_bytes()
    return data


def test_purge_erases_personal_bytes_and_keeps_the_chain(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    old_name, new_name = f"{NAME}1", f"{NAME}2"
    with Ledger.open(path) as ledger:
        old = ledger.append(person(1, day="2024-04-01"))
        ledger.append(passage(3, day="2024-04-01"))
        new = ledger.append(person(2, day="2024-05-01"))
        assert old_name.encode() in _file_bytes(path)
        assert purge(ledger, "2024-05-01") == 1
        assert ledger.verify().ok
        purged = ledger.get(old.uuid)
        assert purged is not None and purged.personal is None
        assert purged.personal_digest == old.personal_digest and purged.hash == old.hash
        kept = ledger.get(new.uuid)
        assert kept is not None and kept.personal == new.personal
        gone = ledger.get_person("person-1")
        assert gone is not None and gone.name is None and gone.id_number is None
        assert ledger.find_person("resident_id", f"{ID_NUMBER[:-3]}001") is None
        assert ledger.find_person("resident_id", f"{ID_NUMBER[:-3]}002") is not None
        data = _file_bytes(path)
        assert old_name.encode() not in data
        assert f"{ID_NUMBER[:-3]}001".encode() not in data
        assert new_name.encode() in data
        assert purge(ledger, "2024-05-01") == 0
    data = _file_bytes(path)
    assert old_name.encode() not in data and new_name.encode() in data
    assert verify_ok(path)


def purge(ledger: Ledger, cutoff: str) -> int:
    """The ledger's purge: erasure and its purge record in one transaction."""
    def record(count: int, drafts: int) -> NewRecord:
        return NewRecord(kind="purge", at=datetime(2024, 6, 1, 8, tzinfo=UTC),
                         day="2024-06-01", body={"cutoff": cutoff, "count": count})
    _stored, count, _drafts, gone = ledger.purge(cutoff, datetime(2024, 6, 1, tzinfo=UTC),
                                                 record)  # fmt: skip
    assert gone
    return count


def verify_ok(path: Path) -> bool:
    with Ledger.open(path, readonly=True) as ledger:
        return ledger.verify().ok


def test_people_projection_follows_person_records(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        first = ledger.append(person(4))
        found = ledger.find_person("resident_id", f"{ID_NUMBER[:-3]}004")
        assert found is not None and found.person_id == "person-4"
        assert found.name == f"{NAME}4" and found.phone == "13800000004"
        assert found.fields == {"id_type": "resident_id", "company": "中建三局"}
        assert found.updated_seq == first.seq
        ledger.append(passage(4))  # not a person record: no change
        update = person(4)
        update = replace(update, personal={**(update.personal or {}), "phone": "139"})
        second = ledger.append(update)
        person_now = ledger.get_person("person-4")
        assert person_now is not None and person_now.phone == "139"
        assert person_now.updated_seq == second.seq
        before = [ledger.get_person(f"person-{i}") for i in range(5)]
        assert ledger.rebuild_people() == 1
        assert [ledger.get_person(f"person-{i}") for i in range(5)] == before
        assert ledger.get(first.uuid).personal["signature"] == SIGNATURE  # type: ignore[union-attr]
