"""Rewrites by someone who recomputes the chain with the project's own hash code: the
chain alone then verifies, and an anchor written down before catches each of them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ledger_support import at, build, raw, verify

from gatekeeper.ledger import Ledger, canonical, columns, people
from gatekeeper.ledger.anchors import Anchor, anchors_of, anchors_text, read_anchors
from gatekeeper.ledger.chain import GENESIS, HASHED_COLUMNS, record_hash

N = 12
HASHED = [c for c in HASHED_COLUMNS if c != "prev_hash"]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("anchors") / "ledger.db"
    build(path, N)
    return path


@pytest.fixture
def ledger(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(pristine, tmp_path / "ledger.db"))


def anchor_now(path: Path) -> list[Anchor]:
    with Ledger.open(path, readonly=True) as opened:
        return list(anchors_of(opened.head()))


def broken(path: Path, anchors: list[Anchor]) -> list[object]:
    with Ledger.open(path, readonly=True) as opened:
        return opened.check_anchors(anchors)


def rechain(path: Path) -> None:
    """What a tamperer with this code does after an edit: every hash recomputed in
    order, the chain head and SQLite's counter set to match."""
    conn = raw(path)
    prev: dict[str, str] = {}
    rows = conn.execute(f"SELECT seq, kiosk_id, {', '.join(HASHED)} FROM records ORDER BY seq")
    for seq, kiosk, *values in rows.fetchall():
        link = prev.get(kiosk, GENESIS)
        by_name = dict(zip(HASHED, values, strict=True))
        digest = record_hash([link if c == "prev_hash" else by_name[c] for c in HASHED_COLUMNS])
        conn.execute("UPDATE records SET prev_hash = ?, hash = ? WHERE seq = ?",
                     (link, digest, seq))  # fmt: skip
        prev[kiosk] = digest
    people.rebuild(conn)  # and the tables beside the chain, rebuilt as verify expects
    conn.execute("DELETE FROM chain_heads")
    for kiosk, digest in prev.items():
        (last,) = conn.execute("SELECT max(kiosk_seq) FROM records WHERE kiosk_id = ?",
                               (kiosk,)).fetchone()  # fmt: skip
        conn.execute("INSERT INTO chain_heads (kiosk_id, kiosk_seq, hash) VALUES (?, ?, ?)",
                     (kiosk, last, digest))  # fmt: skip
    conn.close()


def change_outcome(path: Path) -> None:
    conn = raw(path)
    conn.execute("UPDATE records SET outcome = 'admitted', reason = 'cleared' "
                 "WHERE outcome = 'turned_away'")  # fmt: skip
    conn.close()
    rechain(path)


def delete_one(path: Path) -> None:
    conn = raw(path)
    (gone,) = conn.execute("SELECT seq FROM records WHERE kiosk_seq = 4").fetchone()
    conn.execute("DELETE FROM records WHERE kiosk_seq = 4")
    conn.execute("UPDATE records SET kiosk_seq = kiosk_seq - 1 WHERE kiosk_seq > 4")
    # the local order closed up too (out of the key's way first)
    conn.execute("UPDATE records SET seq = seq + 1000000 WHERE seq > ?", (gone,))
    conn.execute("UPDATE records SET seq = seq - 1000001 WHERE seq > 1000000")
    conn.execute("UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'records'")
    conn.close()
    rechain(path)


def cut_newest(path: Path) -> None:
    conn = raw(path)
    conn.execute(f"DELETE FROM records WHERE kiosk_seq > {N - 3}")
    conn.execute("UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM records) "
                 "WHERE name = 'records'")  # fmt: skip
    conn.close()
    rechain(path)


def empty(path: Path) -> None:
    conn = raw(path)
    conn.execute("DELETE FROM records")
    conn.execute("DELETE FROM sqlite_sequence")
    conn.close()
    rechain(path)


def erase_personal(path: Path) -> None:
    """One record's personal fields erased without a purge record, digest recomputed."""
    conn = raw(path)
    conn.execute("UPDATE records SET personal = NULL, salt = NULL, personal_digest = NULL "
                 "WHERE kiosk_seq = 1")  # fmt: skip
    conn.close()
    rechain(path)


REWRITES = {
    "outcome changed": change_outcome,
    "record deleted": delete_one,
    "newest cut off": cut_newest,
    "emptied": empty,
    "personal fields erased": erase_personal,
}


@pytest.mark.parametrize("name", sorted(REWRITES))
def test_a_recomputed_rewrite_fools_the_chain_but_not_the_anchor(ledger, name) -> None:
    anchors = anchor_now(ledger)
    REWRITES[name](ledger)
    assert verify(ledger).ok, "the rewrite is consistent: the chain alone cannot tell"
    [gone] = broken(ledger, anchors)
    assert gone.anchor == anchors[0]


def test_an_anchor_from_before_a_later_rewrite_still_holds(ledger) -> None:
    """An anchor proves up to its record: a record appended after it is not its business."""
    early = anchor_now(ledger)
    with Ledger.open(ledger) as opened:
        opened.append_all(build_more())
    assert broken(ledger, early) == []


def build_more():  # type: ignore[no-untyped-def]
    from ledger_support import passage

    return [passage(100 + i) for i in range(3)]


def test_anchors_read_back_from_the_file_text(ledger) -> None:
    with Ledger.open(ledger, readonly=True) as opened:
        head = opened.head()
    text = anchors_text(head, "export of 2024-05-01")
    assert read_anchors(text) == list(anchors_of(head))
    with pytest.raises(ValueError, match="oops"):
        read_anchors(text + "oops\n")  # a typo never means "no anchor to check"
    assert str(Anchor.parse(f"head kiosk-a:3:{'a' * 64}")) == f"kiosk-a:3:{'a' * 64}"


def test_the_rechain_helper_is_the_ledgers_own_hashing(ledger) -> None:
    """Sanity: recomputing an untouched ledger changes nothing."""
    before = anchor_now(ledger)
    rechain(ledger)
    assert anchor_now(ledger) == before and verify(ledger).ok
    assert canonical and columns  # the hash pre-image is the ledger's own declaration


def test_a_person_renamed_in_the_people_table_is_tampering(ledger) -> None:
    conn = raw(ledger)
    conn.execute("UPDATE people SET name = 'someone else' WHERE person_id = 'person-3'")
    conn.close()
    report = verify(ledger)
    assert not report.ok and "people table" in report.problem.what
    assert "person-3" in report.problem.what


def test_an_account_made_site_manager_outside_gatekeeper_is_tampering(tmp_path) -> None:
    from gatekeeper.ledger import NewRecord

    path = tmp_path / "l.db"
    with Ledger.open(path) as opened:
        body = {"username": "guard", "role": "gate_staff", "display_name": "李"}
        opened.create_account(
            NewRecord(kind="account", at=at(1), day="2024-05-01", body=body),
            username="guard", role="gate_staff", display_name="李", pin_hash="h",
            salt=b"s" * 16)  # fmt: skip
        assert opened.verify().ok
    conn = raw(path)
    conn.execute("UPDATE accounts SET role = 'site_manager' WHERE username = 'guard'")
    conn.close()
    report = verify(path)
    assert not report.ok and "account guard" in report.problem.what
