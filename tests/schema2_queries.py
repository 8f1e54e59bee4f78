"""The dashboard's queries as they were up to ledger schema 2: the reference the tests
compare schema 3's index seeks with (tests/services/test_services_site_queries.py) and
the same-run baseline of the dashboard bench (tests/bench/bench_exports.py)."""

from __future__ import annotations

from collections.abc import Sequence

from gatekeeper.ledger import Ledger, StoredRecord, columns, store


def walked_latest(ledger: Ledger, kinds: Sequence[str]) -> list[StoredRecord]:
    """`Ledger.latest_per_person` as it was up to schema 2: each person's records walked
    back from the newest (records_person) to a record of the kinds."""
    marks = ", ".join("?" * len(kinds))
    rows = ledger._conn.execute(
        f"SELECT {columns.SELECT} FROM records WHERE seq IN ("
        f"SELECT (SELECT r.seq FROM records r INDEXED BY records_person "
        f"WHERE r.person_id = p.person_id "
        f"AND r.kind IN ({marks}) ORDER BY r.seq DESC LIMIT 1) FROM people p) ORDER BY seq",
        [str(k) for k in kinds],
    )
    return [store._stored(row) for row in rows]


def unclosed_scanned(ledger: Ledger, kind: str, closed_by: str) -> list[StoredRecord]:
    """`Ledger.unclosed` as it was up to schema 2: every record of the kind read from
    the table (records_stats), its subject's records probed (records_subject); the
    indexes named, or SQLite would take schema 3's for this text too."""
    rows = ledger._conn.execute(
        f"SELECT {columns.SELECT} FROM records r INDEXED BY records_stats WHERE r.kind = ? "
        "AND r.subject_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM records c "
        "INDEXED BY records_subject WHERE c.subject_id = r.subject_id AND c.kind = ?) "
        "ORDER BY r.seq",
        (str(kind), str(closed_by)),
    )
    return [store._stored(row) for row in rows]


def every_admission(ledger: Ledger, person_id: str) -> StoredRecord | None:
    """`site._last_admission` as it was: every passage of the person, the last admitted."""
    last = None
    for record in ledger.records(person_id=person_id, kind="passage"):
        if record.outcome == "admitted":
            last = record
    return last
