"""Drafts: mutable crash-recovery state; final records and draft removal are atomic."""

from __future__ import annotations

from pathlib import Path

import pytest
from ledger_support import SIGNATURE, at, passage

from gatekeeper.ledger import InvalidRecordError, Ledger, NewRecord


def test_drafts_survive_reopen(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger.open(path) as ledger:
        ledger.save_draft("d1", {"step": "temperature", "name": "王五", "sig": SIGNATURE})
        ledger.save_draft("d2", {"step": "certificate"})
        ledger.save_draft("d1", {"step": "disinfection", "sig": SIGNATURE})
    with Ledger.open(path) as ledger:
        drafts = {d.draft_id: d for d in ledger.drafts()}
        assert drafts["d1"].data == {"step": "disinfection", "sig": SIGNATURE}
        assert drafts["d2"].data == {"step": "certificate"}
        assert ledger.discard_draft("d2") and not ledger.discard_draft("d2")
        assert [d.draft_id for d in ledger.drafts()] == ["d1"]
        assert ledger.count() == 0  # drafts are not chained records


def test_append_all_discards_the_draft(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.save_draft("d1", {"step": "lane"})
        stored = ledger.append_all([passage(1), passage(2)], discard_draft="d1")
        assert [s.kiosk_seq for s in stored] == [1, 2] and ledger.drafts() == []


@pytest.mark.parametrize("how", ["invalid", "unknown-correction", "duplicate-uuid"])
def test_append_all_is_atomic(tmp_path: Path, how: str) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.append(passage(0))
        ledger.save_draft("d1", {"step": "lane"})
        first = passage(1, uuid="5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
        if how == "invalid":
            second = NewRecord(kind="passage", at=at().replace(tzinfo=None), day="x", body={})
        elif how == "unknown-correction":
            second = passage(2, corrects="00000000-0000-4000-8000-000000000000")
        else:
            second = passage(2, uuid=first.uuid)
        with pytest.raises(InvalidRecordError if how != "duplicate-uuid" else Exception):
            ledger.append_all([first, second], discard_draft="d1")
        assert ledger.count() == 1 and ledger.get(first.uuid or "") is None
        assert [d.draft_id for d in ledger.drafts()] == ["d1"]
        assert ledger.head().records == 1 and ledger.verify().ok
