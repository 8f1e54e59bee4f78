"""The two narrow queries the manager console needs: each person's newest record among
some kinds, and the records of a kind whose subject was never closed."""

from __future__ import annotations

from pathlib import Path

from ledger_support import at, person

from gatekeeper.ledger import Ledger, NewRecord


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
