"""The hash preimage: unambiguous, and the SQL form equals the Python form."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from ledger_support import build

from gatekeeper.ledger import chain

text = st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))
field = st.one_of(st.none(), text)


def test_preimage_format() -> None:
    values = ["0" * 64, "u", "k", 12, "passage", None, "", "中", *[None] * 7]
    assert chain.preimage(values) == (
        b"gatekeeper-ledger/1\n"
        + b"64:"
        + b"0" * 64
        + b",1:u,1:k,2:12,7:passage,-1:,0:,"
        + "3:中,".encode()
        + b"-1:," * 7
    )


def test_preimage_is_unambiguous() -> None:
    base = [None] * len(chain.HASHED_COLUMNS)
    assert chain.preimage(["ab", "c", *base[2:]]) != chain.preimage(["a", "bc", *base[2:]])
    assert chain.preimage(["", *base[1:]]) != chain.preimage(base)
    assert chain.preimage(["1:a,", *base[1:]]) != chain.preimage(["1", "a", *base[2:]])


@given(st.lists(field, min_size=len(chain.HASHED_COLUMNS), max_size=len(chain.HASHED_COLUMNS)))
def test_sql_preimage_equals_python(values: list[str | None]) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE records ({', '.join(chain.HASHED_COLUMNS)})")
    conn.execute(f"INSERT INTO records VALUES ({', '.join('?' * len(values))})", values)
    (sql,) = conn.execute(f"SELECT {chain.PREIMAGE_SQL} FROM records", (chain.FORMAT,)).fetchone()
    assert sql == chain.preimage(values)


def test_stored_hashes_match_the_python_encoder(tmp_path: Path) -> None:
    build(tmp_path / "l.db", 6)
    conn = sqlite3.connect(tmp_path / "l.db")
    cols = ", ".join(chain.HASHED_COLUMNS)
    for *values, digest in conn.execute(f"SELECT {cols}, hash FROM records"):
        assert hashlib.sha256(chain.preimage(values)).hexdigest() == digest


def test_two_kiosks_merge_and_verify(tmp_path: Path) -> None:
    from ledger_support import mixed, raw, verify

    from gatekeeper.ledger import Ledger

    path = tmp_path / "central.db"
    with (
        Ledger.open(path, kiosk_id="gate-east") as east,
        Ledger.open(path, kiosk_id="gate-west") as west,
    ):
        for i, rec in enumerate(mixed(12)):
            (east if i % 2 else west).append(rec)
        assert [k.kiosk_seq for k in east.head().kiosks] == [6, 6]
        assert east.verify().ok and west.verify().records == 12
    conn = raw(path)
    conn.execute("DELETE FROM records WHERE kiosk_id = 'gate-west' AND kiosk_seq = 3")
    conn.close()
    problem = verify(path).problem
    assert problem is not None and problem.kiosk_id == "gate-west" and problem.kiosk_seq == 4
    assert problem.what == "kiosk sequence jumps from 2 to 4 (a record was deleted)"
