"""The two narrow queries the manager console needs: each person's newest record among
some kinds, and the records of a kind whose subject was never closed."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from ledger_support import at, person
from tamper import raw

from gatekeeper.ledger import (
    SCHEMA_VERSION,
    Ledger,
    NewRecord,
    OutdatedLedgerError,
    StoredRecord,
    columns,
    schema,
)


def _event(kind: str, minute: int, person_id: str, subject: str, **kw: str) -> NewRecord:
    return NewRecord(
        kind=kind,
        at=at(minute),
        day="2024-05-01",
        body={"n": minute},
        person_id=person_id,
        subject_id=subject,
        **kw,
    )


def _passage(minute: int, person_id: str, outcome: str = "admitted") -> NewRecord:
    return _event("passage", minute, person_id, f"s{minute}", outcome=outcome)


def test_latest_per_person_takes_the_newest_of_the_kinds_only(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db", create=True) as ledger:
        ledger.append_all([person(i) for i in range(3)])  # person-0 .. person-2 registered
        ledger.append_all([
            _passage(10, "person-0"),
            _event("quarantine_start", 11, "person-0", "case-a"),
            _event("step", 12, "person-0", "s"),  # newer, but not one of the kinds
            _passage(13, "person-1", "turned_away"),
            _passage(14, "person-1"),
            _passage(15, "stranger"),  # not in people: not looked at
        ])  # fmt: skip
        latest = ledger.latest_per_person(["passage", "quarantine_start"])
        assert [(r.person_id, r.kind, r.body.get("n")) for r in latest] == [
            ("person-0", "quarantine_start", 11),
            ("person-1", "passage", 14),
        ]
        assert latest[1].outcome == "admitted"
        assert ledger.latest_per_person([]) == []
        assert ledger.latest_per_person(["nothing"]) == []


def test_unclosed_lists_starts_without_a_closing_record(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db", create=True) as ledger:
        ledger.append_all([
            _event("quarantine_start", 1, "p1", "case-1"),
            _event("quarantine_start", 2, "p2", "case-2"),
            _event("quarantine_check", 3, "p2", "case-2"),
            _event("quarantine_release", 4, "p1", "case-1"),
            _event("quarantine_start", 5, "p3", "case-3"),
        ])  # fmt: skip
        open_cases = ledger.unclosed("quarantine_start", "quarantine_release")
        assert [r.subject_id for r in open_cases] == ["case-2", "case-3"]


def test_names_of_reads_many_names_at_once(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db", create=True) as ledger:
        ledger.append_all([person(i) for i in range(3)])
        names = ledger.names_of(["person-2", "person-0", "nobody", "person-0"])
        assert names == {"person-0": person(0).personal["name"],
                         "person-2": person(2).personal["name"]}  # fmt: skip
        assert ledger.names_of([]) == {}


# --- the newest presence record, at scale: the same answers as the walk it replaced ------

PRESENCE = ["passage", "quarantine_start", "quarantine_release"]


def _walked(conn: sqlite3.Connection, kinds: list[str]) -> list[tuple[object, ...]]:
    """The query `latest_per_person` ran up to schema version 2 (each person's records
    walked back from the newest through records_person), kept as the reference."""
    marks = ", ".join("?" * len(kinds))
    return conn.execute(
        f"SELECT {columns.SELECT} FROM records WHERE seq IN ("
        f"SELECT (SELECT r.seq FROM records r INDEXED BY records_person "
        f"WHERE r.person_id = p.person_id "
        f"AND r.kind IN ({marks}) ORDER BY r.seq DESC LIMIT 1) FROM people p"
        f") ORDER BY seq",
        kinds,
    ).fetchall()


def _traffic(rng: random.Random, people: range, minute: int, n: int) -> list[NewRecord]:
    """`n` records among `people`: mostly steps and rounds (not presence records), now
    and then a passage of any outcome or a quarantine start or release; a few people get
    runs of hundreds of steps after their last presence record."""
    out: list[NewRecord] = []
    for i in range(n):
        pid = f"person-{rng.choice(people)}"
        kind = rng.choices(
            ["step", "round_temperature", "passage", "quarantine_start", "quarantine_release"],
            [60, 20, 12, 4, 4],
        )[0]
        outcomes = ["admitted", "turned_away", "quarantined"]
        outcome = rng.choice(outcomes) if kind == "passage" else None
        reason = rng.choice(["released", "hospital"]) if kind == "quarantine_release" else None
        out.append(_event(kind, minute + i, pid, f"case-{rng.randrange(20)}",
                          **({"outcome": outcome} if outcome else {}),
                          **({"reason": reason} if reason else {})))  # fmt: skip
    for pid in rng.sample(list(people), 3):
        out += [_event("step", minute + n + j, f"person-{pid}", "s") for j in range(400)]
    return out


def _registered(i: int) -> str:
    return "2024-04-01" if i % 2 else "2024-05-01"  # the odd ones are purged


def test_latest_per_person_answers_as_the_walk_did(tmp_path: Path) -> None:
    """A ledger like a replica's: two kiosks' chains interleaved (records taken in from
    another kiosk between this one's own), people with hundreds of non-presence records
    after their last presence record, people with none at all, people purged, records
    of people never registered. Every kind list gets the answers the walk gave."""
    rng = random.Random(11)
    other = tmp_path / "other.db"
    with Ledger.open(other, kiosk_id="gate-b") as b:
        b.append_all([person(i, day=_registered(i)) for i in range(30, 40)])
        b.append_all(_traffic(rng, range(25, 40), 0, 600))
        b.append(_event("quarantine_start", 700, "person-31", "open-b"))
        theirs = b.own_records_after(0, 10**6)
    with Ledger.open(tmp_path / "l.db", kiosk_id="gate-a") as ledger:
        ledger.append_all([person(i, day=_registered(i)) for i in range(30)])
        ledger.append_all(_traffic(rng, range(0, 36), 1000, 600))
        ledger.absorb(theirs[: len(theirs) // 2])
        ledger.append_all(_traffic(rng, range(0, 40), 2000, 600))
        ledger.absorb(theirs[len(theirs) // 2 :])
        ledger.append_all([_event("passage", 3000, "stranger", "s", outcome="admitted")])
        ledger.append_all([_event("quarantine_start", 3001 + j, f"person-{j}", f"open-{j}")
                           for j in range(3)])  # fmt: skip
        purge = NewRecord(kind="purge", at=at(4000), day="2024-05-02",
                          body={"cutoff": "2024-04-02"})  # fmt: skip
        ledger.purge("2024-04-02", at(4000), lambda n, d: purge)
        conn = ledger._conn
        assert conn.execute("SELECT count(*) FROM people WHERE name IS NULL").fetchone()[0] == 20
        assert ledger.verify().ok
        found = ledger.latest_per_person(PRESENCE)
        assert len(found) > 30  # most people have a presence record; some have none
        assert {r.kiosk_id for r in found} == {"gate-a", "gate-b"}
        for kinds in (PRESENCE, ["passage"], ["quarantine_release", "passage"],
                      ["step", "quarantine_start"], ["nothing", "passage"]):  # fmt: skip
            walked = [tuple(r) for r in _walked(conn, kinds)]
            assert [tuple(r) for r in _raw(conn, ledger.latest_per_person(kinds))] == walked
        assert ledger.latest_per_person(["passage", "passage"]) == ledger.latest_per_person(
            ["passage"]
        )
        closed = {r.subject_id for r in ledger.records(kind="quarantine_release")}
        opened = [r for r in ledger.records(kind="quarantine_start")
                  if r.subject_id is not None and r.subject_id not in closed]  # fmt: skip
        assert (
            len(opened) > 0 and ledger.unclosed("quarantine_start", "quarantine_release") == opened
        )


def _raw(conn: sqlite3.Connection, found: list[StoredRecord]) -> list[tuple[object, ...]]:
    """The stored rows of records, to compare with a raw query's."""
    return [
        conn.execute(f"SELECT {columns.SELECT} FROM records WHERE seq = ?", (r.seq,)).fetchone()
        for r in found
    ]


def test_latest_per_person_seeks_the_person_kind_index(tmp_path: Path) -> None:
    """One max(seq) seek of records_person_kind per kind and person, one rowid lookup
    per person found: no scan of records, whatever the planner's statistics say."""
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.append_all([person(i) for i in range(3)])
        ledger.append_all(_traffic(random.Random(1), range(3), 0, 200))
        conn = ledger._conn
        for analyzed in (False, True):
            if analyzed:
                conn.execute("ANALYZE")
            sql, params = _traced(conn, lambda: ledger.latest_per_person(PRESENCE))
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
            seeks = [p for p in plan if "records_person_kind (person_id=? AND kind=?)" in p]
            assert len(seeks) == len(PRESENCE), plan
            assert all("COVERING" in p for p in seeks), plan
            assert "SEARCH records USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
            assert not [p for p in plan if p.startswith("SCAN records")], plan


def test_unclosed_reads_only_the_open_cases_from_the_table(tmp_path: Path) -> None:
    """The starts and the probe for their closing record are both in
    records_kind_subject; only the open starts are read from the table."""
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.append_all(_traffic(random.Random(2), range(30), 0, 3000))
        conn = ledger._conn
        for analyzed in (False, True):
            if analyzed:
                conn.execute("ANALYZE")
            sql, params = _traced(
                conn, lambda: ledger.unclosed("quarantine_start", "quarantine_release")
            )
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
            assert plan[0].startswith("SEARCH r USING INDEX records_kind_subject (kind=?"), (
                analyzed,
                plan,
            )
            assert (
                "SEARCH c USING COVERING INDEX records_kind_subject (kind=? AND subject_id=?)"
                in plan
            ), plan


def _traced(conn: sqlite3.Connection, call: Callable[[], object]) -> tuple[str, list[str]]:
    """The SQL text (with its parameters) of the SELECT of records a call runs (not its
    look at sqlite_master for the index)."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        call()
    finally:
        conn.set_trace_callback(None)
    [sql] = [s for s in seen
             if s.lstrip().upper().startswith("SELECT") and "sqlite_master" not in s]
    return sql, []


def test_newest_is_the_last_matching_record_in_seq_order(tmp_path: Path) -> None:
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.append_all([
            _passage(1, "p1"),
            _passage(2, "p1", "turned_away"),
            _passage(3, "p1"),
            _passage(4, "p1", "quarantined"),
            _event("step", 5, "p1", "s"),
            _passage(6, "p2"),
        ])  # fmt: skip
        admitted = ledger.newest(person_id="p1", kind="passage", outcome="admitted")
        assert admitted is not None and admitted.body == {"n": 3}
        latest = ledger.newest(person_id="p1", kind="passage")
        assert latest is not None and latest.body == {"n": 4}
        assert ledger.newest(person_id="p1", kind="passage", outcome="abandoned") is None
        assert ledger.newest(person_id="nobody", kind="passage") is None


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_version_2_ledger_gets_the_site_indexes_on_open(tmp_path: Path) -> None:
    """Schema 3 only adds two indexes: a ledger made by the previous schema is read as
    it is by a read-only open (an inspector's verify writes nothing to the file, not
    even the indexes) with the same answers, and gets the indexes on its first
    read-write open, keeping every record."""
    path = tmp_path / "l.db"
    with Ledger.open(path, kiosk_id="gate-a", migrations=schema.MIGRATIONS[:2]) as old:
        assert old.schema_version == 2
        old.append_all([person(i) for i in range(6)])
        old.append_all(_traffic(random.Random(5), range(8), 0, 300))
        assert not {"records_person_kind", "records_kind_subject"} & _indexes(old._conn)
        before = _walked(old._conn, PRESENCE)
        closed = {r.subject_id for r in old.records(kind="quarantine_release")}
        cases = [r for r in old.records(kind="quarantine_start") if r.subject_id not in closed]
        rows = old._conn.execute(f"SELECT {columns.SELECT} FROM records").fetchall()
        head = old.head()
    image = path.read_bytes()
    with Ledger.open(path, readonly=True) as inspector:
        assert inspector.schema_version == 2
        assert inspector.verify().ok and inspector.head() == head
        assert _raw(inspector._conn, inspector.latest_per_person(PRESENCE)) == before
        assert inspector.unclosed("quarantine_start", "quarantine_release") == cases
    assert path.read_bytes() == image
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as look:
        assert not {"records_person_kind", "records_kind_subject"} & _indexes(look)
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION == 3
        assert {"records_person_kind", "records_kind_subject"} <= _indexes(ledger._conn)
        assert ledger._conn.execute(f"SELECT {columns.SELECT} FROM records").fetchall() == rows
        assert ledger.head() == head
        assert _raw(ledger._conn, ledger.latest_per_person(PRESENCE)) == before
        assert ledger.unclosed("quarantine_start", "quarantine_release") == cases
    with Ledger.open(path, readonly=True) as inspector:
        report = inspector.verify()
        assert report.ok and report.head == head


def test_a_version_1_ledger_read_only_asks_for_the_upgrade(tmp_path: Path) -> None:
    """Version 2 added the accounts table, which the readers need: read-only, such a file
    is refused with the upgrade message (schema.READABLE_VERSION), not half read."""
    path = tmp_path / "l.db"
    with Ledger.open(path, kiosk_id="gate-a", migrations=schema.MIGRATIONS[:1]) as old:
        old.append_all([person(0)])
    with pytest.raises(OutdatedLedgerError):
        Ledger.open(path, readonly=True)


def test_an_index_dropped_by_hand_slows_the_site_queries_never_breaks_them(
    tmp_path: Path,
) -> None:
    """Whoever holds the file may drop schema 3's indexes: the queries that name them
    give the same rows without them (they raised "no such index" on the dashboard)."""
    path = tmp_path / "l.db"
    with Ledger.open(path, kiosk_id="gate-a") as ledger:
        ledger.append_all([person(i) for i in range(6)])
        ledger.append_all(_traffic(random.Random(7), range(8), 0, 300))
        latest = ledger.latest_per_person(PRESENCE)
        cases = ledger.unclosed("quarantine_start", "quarantine_release")
    with closing(raw(path)) as conn:
        conn.execute("DROP INDEX records_person_kind")
        conn.execute("DROP INDEX records_kind_subject")
    for readonly in (True, False):
        with Ledger.open(path, readonly=readonly) as again:
            assert again.latest_per_person(PRESENCE) == latest
            assert again.unclosed("quarantine_start", "quarantine_release") == cases
