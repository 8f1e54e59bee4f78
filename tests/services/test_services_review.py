"""Inspector review: search, a person's closed loop in order, the dashboard's queries,
the inspection report's data."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from manager_support import DAY_LIST, NOW, POLICY, TZ, build_simulated, copy_of
from services_support import actor, open_gate

from gatekeeper.domain.i18n import LocalizedError
from gatekeeper.domain.vocab import Channel, QuarantineDecision
from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.services import review, schema, site
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.gate import GateService
from gatekeeper.services.kinds import Kind


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_simulated(tmp_path_factory.mktemp("sim") / "sim.sqlite3")


@pytest.fixture
def ledger(simulated: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    with Ledger.open(copy_of(simulated, tmp_path)) as led:
        yield led


def test_search_by_id_number_name_and_filters(ledger: Ledger) -> None:
    passage = next(r for r in ledger.records(kind="passage") if r.person_id)
    person = ledger.get_person(passage.person_id or "")
    assert person is not None and person.id_number and person.name
    by_id = review.search_passages(ledger, person=person.id_number, tz=TZ)
    assert by_id and {r.person_id for r in by_id} == {person.person_id}
    assert all("*" in (r.id_number or "") for r in by_id)
    full = review.search_passages(ledger, person=person.id_number, full=True, tz=TZ)
    assert {r.id_number for r in full} == {person.id_number}
    by_name = review.search_passages(ledger, person=person.name[1:], tz=TZ)
    assert person.person_id in {r.person_id for r in by_name}
    quarantined = review.search_passages(
        ledger, date_from=date(2020, 3, 1), date_to=date(2020, 3, 4), outcome="quarantined", tz=TZ
    )
    assert quarantined and all(r.outcome == "quarantined" for r in quarantined)
    assert len(quarantined) == ledger.count(kind="passage", outcome="quarantined")
    vehicles = review.search_passages(ledger, date_from=date(2020, 3, 2), channel="vehicle", tz=TZ)
    assert all(r.channel == "vehicle" and r.at.date() == date(2020, 3, 2) for r in vehicles)
    with pytest.raises(LocalizedError):
        review.search_passages(ledger)
    with pytest.raises(LocalizedError):
        review.search_passages(ledger, date_from=date(2020, 3, 4), date_to=date(2020, 3, 1))


def test_closed_loop_timeline(ledger: Ledger) -> None:
    start = next(ledger.records(kind="quarantine_start"))
    clock = SteppingClock(NOW)
    gate = GateService(ledger, POLICY, clock, staff="boss")
    boss = actor(ledger, now=NOW)
    gate.quarantine_check(start.subject_id or "", 36.6, "ok", by=boss)
    clock.advance(hours=12)
    gate.quarantine_check(start.subject_id or "", 36.4, by=boss)
    clock.advance(hours=1)
    release = gate.release_quarantine(
        start.subject_id or "", QuarantineDecision.RELEASED, "14 days without fever", boss
    )
    gate.correct(release.uuid, {"reason": "14 days, no fever"}, "typo", boss)
    gate.issue_pass(start.person_id or "", by=boss)
    events = review.timeline(ledger, start.person_id or "")
    kinds = [e.kind for e in events]
    assert kinds[0] == "step" and "person" in kinds and "passage" in kinds
    assert kinds[-3:] == ["quarantine_release", "correction", "pass_issued"]
    assert kinds.index("passage") < kinds.index("quarantine_start")
    assert kinds.index("quarantine_start") < kinds.index("quarantine_check")
    assert kinds.count("quarantine_check") >= 2
    assert [e.at for e in events] == sorted(e.at for e in events)
    lines = {e.kind: e.summary for e in events}
    assert "Released from quarantine" in lines["quarantine_release"].en
    assert "解除隔离" in lines["quarantine_release"].zh_CN
    assert "°C" in lines["quarantine_check"].en
    assert review.timeline(ledger, "nobody") == []


def test_dashboard_queries(ledger: Ledger) -> None:
    """The console's one dashboard query module (`site.load`) over the same ledger."""
    policy = POLICY
    now = datetime(2020, 3, 4, 20, 0, tzinfo=policy.tz)
    board = site.load(ledger, policy, now, days=14)
    days = list(board.series)
    assert len(days) == 14 and days[-1] == "2020-03-04"
    assert board.series["2020-03-04"].admitted == board.today.admitted
    assert sum(s.admitted for s in board.series.values()) == ledger.count(
        kind="passage", outcome="admitted")  # fmt: skip
    assert len(board.cases) == board.today.in_quarantine
    case = board.cases[0]
    assert case.day_count >= 1 and case.due_date and not case.overdue
    assert "*" in case.name_masked
    late = site.load(ledger, policy, now + timedelta(days=30), days=30)
    assert all(c.overdue for c in late.cases) and len(late.series) == 30


def test_inspection_data(ledger: Ledger) -> None:
    data = review.inspection_data(ledger, date(2020, 3, 1), date(2020, 3, 4))
    assert [d.date for d in data.days] == DAY_LIST
    assert len(data.opened) == ledger.count(kind="quarantine_start")
    assert data.verify.ok and data.head.hash == ledger.head().hash


def test_timeline_shows_codes_it_has_no_words_for_as_they_stand(tmp_path: Path) -> None:
    """A step, lane, channel or outcome this version has no words for (a newer
    GateKeeper's, pulled from the hub) shows as its code, braces and all: the code is a
    value, never a template to fill (it raised KeyError/ValueError before)."""
    gate = open_gate(tmp_path)
    gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER)))
    [passage] = gate.records(kind=Kind.PASSAGE)
    person = passage.person_id
    at, day = gate.clock.now(), passage.day
    gate.ledger.append(schema.StepBody(step="{step}", passed=True, data={}, at=at.isoformat())
                       .record(at=at, day=day, person_id=person))  # fmt: skip
    gate.ledger.append(schema.GateOpenedBody(lane="{lane", device="relay", detail="1", by="x")
                       .record(at=at, day=day, person_id=person))  # fmt: skip
    gate.ledger.append(NewRecord(kind=Kind.PASSAGE, at=at, day=day, body=passage.body,
                                 person_id=person, channel="{0}", outcome="}"))  # fmt: skip
    lines = [e.summary for e in review.timeline(gate.ledger, person or "")]
    for lang in ("en", "zh_CN"):
        shown = [line.pick(lang) for line in lines]
        assert any(line.startswith("{step}: ") for line in shown)
        assert any(line.endswith("{lane") for line in shown)
        assert any(line.startswith("{0} · } — ") for line in shown)
