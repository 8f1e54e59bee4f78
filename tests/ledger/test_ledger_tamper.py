"""Tampering through plain sqlite3 is caught by verify, naming the first bad record."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ledger_support import build, raw, verify

from gatekeeper.ledger import Ledger, columns
from gatekeeper.ledger.chain import HASHED_COLUMNS, record_hash

N = 10
COLUMNS = list(columns.NAMES)  # every column, so a new one is tamper-tested too


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pristine") / "ledger.db"
    build(path, N)
    assert verify(path).ok
    return path


@pytest.fixture
def ledger_copy(pristine: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(pristine, tmp_path / "ledger.db"))


def _other(value: object, column: str) -> object:
    """A different value of the column's type."""
    if column == "seq":
        return int(value) + 100  # type: ignore[call-overload]
    if column == "kiosk_seq":
        return int(value) + 100  # type: ignore[call-overload]
    if column == "salt":
        return b"\x00" * 16 if value is None else bytes([value[0] ^ 1]) + value[1:]  # type: ignore[index]
    if value is None:
        return '{"name":"x"}' if column == "personal" else "0f3e5d7c-1111-4222-8333-444455556666"
    if column in ("hash", "prev_hash", "personal_digest"):
        return ("1" if value[0] != "1" else "2") + value[1:]  # type: ignore[index]
    if column in ("body", "personal"):
        return value.replace("1", "2", 1) if "1" in value else value[:-1] + ',"x":1}'  # type: ignore[union-attr]
    return str(value) + "x"


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("seq", [1, 5, N])
def test_edit_any_column_of_any_record(ledger_copy: Path, column: str, seq: int) -> None:
    conn = raw(ledger_copy)
    (old,) = conn.execute(f"SELECT {column} FROM records WHERE seq = ?", (seq,)).fetchone()
    (uid,) = conn.execute("SELECT uuid FROM records WHERE seq = ?", (seq,)).fetchone()
    conn.execute(f"UPDATE records SET {column} = ? WHERE seq = ?", (_other(old, column), seq))
    conn.close()
    report = verify(ledger_copy)
    assert not report.ok and report.problem is not None
    if column == "seq":
        return  # the row moved: the first inconsistency may show at its neighbour
    assert report.problem.seq == seq, report.problem
    if column != "uuid":
        assert report.problem.uuid == uid


def test_delete_middle_record(ledger_copy: Path) -> None:
    raw(ledger_copy).execute("DELETE FROM records WHERE kiosk_seq = 5")
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.kiosk_seq == 6
    assert problem.what == "kiosk sequence jumps from 4 to 6 (a record was deleted)"
    assert "跳到" in problem.message("zh_CN")


def test_delete_first_record(ledger_copy: Path) -> None:
    raw(ledger_copy).execute("DELETE FROM records WHERE seq = 1")
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == 2 and "starts at 2" in problem.what


def test_delete_newest_record(ledger_copy: Path) -> None:
    raw(ledger_copy).execute("DELETE FROM records WHERE seq = ?", (N,))
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == N - 1
    assert problem.what == f"newest record is missing (chain head says {N})"


def test_delete_newest_record_and_its_head_is_still_caught(ledger_copy: Path) -> None:
    conn = raw(ledger_copy)
    conn.execute("DELETE FROM records WHERE seq = ?", (N,))
    prev = conn.execute("SELECT hash FROM records WHERE seq = ?", (N - 1,)).fetchone()[0]
    conn.execute("UPDATE chain_heads SET kiosk_seq = ?, hash = ?", (N - 1, prev))
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and "local order counter" in problem.what


def test_delete_everything(ledger_copy: Path) -> None:
    raw(ledger_copy).execute("DELETE FROM records")
    problem = verify(ledger_copy).problem
    assert problem is not None and "all records of kiosk kiosk-a are missing" in problem.what


def _forge(conn: sqlite3.Connection, kiosk_seq: int, prev_hash: str, good_hash: bool) -> None:
    values = [
        prev_hash,
        "0f3e5d7c-1111-4222-8333-444455556666",
        "kiosk-a",
        kiosk_seq,
        "passage",
        "2024-05-01T09:00:00.000000+08:00",
        "2024-05-01",
        "person-1",
        None,
        "worker",
        "admitted",
        "cleared",
        "{}",
        None,
        None,
    ]
    digest = record_hash(values) if good_hash else "f" * 64
    cols = ", ".join(HASHED_COLUMNS)
    marks = ", ".join("?" * (len(values) + 1))
    conn.execute(f"INSERT INTO records ({cols}, hash) VALUES ({marks})", (*values, digest))


def test_forged_record_at_the_end(ledger_copy: Path) -> None:
    conn = raw(ledger_copy)
    head = conn.execute("SELECT hash FROM chain_heads").fetchone()[0]
    _forge(conn, N + 1, head, good_hash=True)  # a forger who knows the hash algorithm
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == N + 1 and "beyond the chain head" in problem.what


def test_forged_record_with_a_bad_hash(ledger_copy: Path) -> None:
    conn = raw(ledger_copy)
    head = conn.execute("SELECT hash FROM chain_heads").fetchone()[0]
    _forge(conn, N + 1, head, good_hash=False)
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == N + 1 and "edited" in problem.what


def test_forged_record_in_the_middle(ledger_copy: Path) -> None:
    conn = raw(ledger_copy)
    conn.execute("DROP INDEX records_kiosk_seq")
    prev = conn.execute("SELECT prev_hash FROM records WHERE kiosk_seq = 4").fetchone()[0]
    _forge(conn, 4, prev, good_hash=True)
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == N + 1
    assert "goes from 10 back to 4" in problem.what


def test_swap_two_records_contents(ledger_copy: Path) -> None:
    conn = raw(ledger_copy)
    cols = [c for c in COLUMNS if c != "seq"]
    a = conn.execute(f"SELECT {', '.join(cols)} FROM records WHERE seq = 3").fetchone()
    b = conn.execute(f"SELECT {', '.join(cols)} FROM records WHERE seq = 6").fetchone()
    conn.execute("DROP INDEX records_uuid")
    conn.execute("DROP INDEX records_kiosk_seq")
    sets = ", ".join(f"{c} = ?" for c in cols)
    conn.execute(f"UPDATE records SET {sets} WHERE seq = 3", b)
    conn.execute(f"UPDATE records SET {sets} WHERE seq = 6", a)
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == 3 and "jumps from 2 to 6" in problem.what


def test_reorder_kiosk_seq(ledger_copy: Path) -> None:
    conn = raw(ledger_copy)
    conn.execute("UPDATE records SET kiosk_seq = -1 WHERE seq = 4")
    conn.execute("UPDATE records SET kiosk_seq = 4 WHERE seq = 5")
    conn.execute("UPDATE records SET kiosk_seq = 5 WHERE seq = 4")
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == 4


def test_edit_a_personal_field(ledger_copy: Path) -> None:
    with Ledger.open(ledger_copy, readonly=True) as ledger:
        target = next(ledger.records(kind="person"))
    assert target.personal is not None
    conn = raw(ledger_copy)
    personal = conn.execute("SELECT personal FROM records WHERE seq = ?", (target.seq,))
    text = personal.fetchone()[0].replace(target.personal["name"], "李四")
    conn.execute("UPDATE records SET personal = ? WHERE seq = ?", (text, target.seq))
    conn.close()
    problem = verify(ledger_copy).problem
    assert problem is not None and problem.seq == target.seq
    assert problem.what == "personal fields do not match their digest"


def test_edit_chain_head(ledger_copy: Path) -> None:
    raw(ledger_copy).execute("UPDATE chain_heads SET hash = ?", ("0" * 64,))
    problem = verify(ledger_copy).problem
    assert problem is not None and "chain head hash" in problem.what


# --------------------------------------------------------------------- property test
_BASES: dict[int, Path] = {}
_BASE_DIR = Path(tempfile.mkdtemp(prefix="ledger-prop-"))


def _base(n: int) -> Path:
    if n not in _BASES:
        _BASES[n] = _BASE_DIR / f"base-{n}.db"
        build(_BASES[n], n)
    return _BASES[n]


values = st.one_of(
    st.none(), st.integers(-(2**40), 2**40), st.text(max_size=20), st.binary(max_size=20)
)
mutations = st.one_of(
    st.tuples(st.just("edit"), st.sampled_from(COLUMNS), values),
    st.tuples(st.just("delete"), st.none(), st.none()),
    st.tuples(st.just("duplicate"), st.none(), st.none()),
    st.tuples(st.just("swap"), st.integers(1, 29), st.none()),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(5, 30), row=st.integers(0, 29), mutation=mutations)
def test_any_random_mutation_is_caught(n: int, row: int, mutation: tuple) -> None:
    seq = row % n + 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(shutil.copy(_base(n), Path(tmp) / "l.db"))
        conn = raw(path)
        conn.execute("DROP INDEX records_uuid")
        conn.execute("DROP INDEX records_kiosk_seq")
        what, arg, value = mutation
        if what == "edit":
            before = conn.execute(f"SELECT {arg} FROM records WHERE seq = ?", (seq,)).fetchone()
            try:
                conn.execute(f"UPDATE records SET {arg} = ? WHERE seq = ?", (value, seq))
            except sqlite3.IntegrityError:  # STRICT types, NOT NULL, duplicate seq
                assume(False)
            new_seq = value if arg == "seq" else seq
            after = conn.execute(f"SELECT {arg} FROM records WHERE seq = ?", (new_seq,)).fetchone()
            assume(before != after)
        elif what == "delete":
            conn.execute("DELETE FROM records WHERE seq = ?", (seq,))
        elif what == "duplicate":
            cols = ", ".join(c for c in COLUMNS if c != "seq")
            conn.execute(
                f"INSERT INTO records ({cols}) SELECT {cols} FROM records WHERE seq = ?", (seq,)
            )
        else:
            other = (seq + arg - 1) % n + 1
            assume(other != seq)
            cols = [c for c in COLUMNS if c != "seq"]
            a = conn.execute(f"SELECT {', '.join(cols)} FROM records WHERE seq = ?", (seq,))
            row_a = a.fetchone()
            row_b = conn.execute(
                f"SELECT {', '.join(cols)} FROM records WHERE seq = ?", (other,)
            ).fetchone()
            sets = ", ".join(f"{c} = ?" for c in cols)
            conn.execute(f"UPDATE records SET {sets} WHERE seq = ?", (*row_b, seq))
            conn.execute(f"UPDATE records SET {sets} WHERE seq = ?", (*row_a, other))
        conn.close()
        assert not verify(path).ok


def test_a_problem_naming_a_value_with_braces_says_it_as_it_stands(ledger_copy: Path) -> None:
    """What verify names comes from the file (here a username added outside GateKeeper):
    its message is filled once, and says the value as it stands in both languages (it was
    filled again, and "{boss}" raised KeyError where the inspector reads the verdict)."""
    raw(ledger_copy).execute(
        "INSERT INTO accounts (username, role, display_name, pin_hash, salt, failures, "
        "locked_until, created_seq) VALUES ('{boss}', 'site_manager', '{', 'x', x'00', 0, "
        "NULL, 1)")  # fmt: skip
    problem = verify(ledger_copy).problem
    assert problem is not None and "the account {boss} differs" in problem.what
    assert "the account {boss} differs" in problem.message("en")
    assert "账户 {boss} 与哈希链中的账户记录不符" in problem.message("zh_CN")
