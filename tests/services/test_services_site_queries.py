"""The manager console's Qt-free queries (gatekeeper.services.site): who is on site,
open quarantine cases, the outcome series, rounds, disinfection and alerts."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from manager_support import DAY_LIST, POLICY, START, build_simulated
from schema2_queries import every_admission, unclosed_scanned, walked_latest
from services_support import Gate, actor, registration, resident_id

from gatekeeper.domain.vocab import Channel, QuarantineDecision, Reason, RoundSlot, Zone
from gatekeeper.ledger import Ledger, NewRecord
from gatekeeper.services import site
from gatekeeper.services.stats import day_stats
from gatekeeper.simulation.traffic import Simulation


def _admit(gate: Gate, seq: str, channel: Channel = Channel.WORKER, name: str = "张伟") -> str:
    reg = registration(id_number=resident_id(seq=seq), name=name)
    finished = gate.service.finish(gate.admit(gate.service.start_first_time(channel), reg))
    assert finished.person_id is not None
    return finished.person_id


def _ids(people: list[site.OnSite]) -> set[str]:
    return {p.person_id for p in people}


def test_on_site_rule_workers_stay_visitors_leave_at_day_end(gate: Gate) -> None:
    worker = _admit(gate, "101", name="张三明")
    visitor = _admit(gate, "102", Channel.VISITOR, name="李四")
    now = gate.service.now()
    people = site.on_site(gate.ledger, now)
    assert _ids(people) == {worker, visitor}
    by_id = {p.person_id: p for p in people}
    assert by_id[worker].name_masked == "张*明"  # masked, never the full name
    assert by_id[worker].zone is POLICY.lane_for(Channel.WORKER).zone
    assert by_id[visitor].zone is POLICY.lane_for(Channel.VISITOR).zone
    assert by_id[worker].channel == Channel.WORKER

    gate.tick(24 * 60)  # the next day: the visitor has gone, the worker stays
    assert _ids(site.on_site(gate.ledger, gate.service.now())) == {worker}
    grouped = site.by_zone(site.on_site(gate.ledger, gate.service.now()))
    assert list(grouped) == [POLICY.lane_for(Channel.WORKER).zone]


def test_quarantine_takes_people_off_site_and_release_to_site_brings_them_back(
    gate: Gate,
) -> None:
    a = _admit(gate, "201")
    b = _admit(gate, "202")
    gate.tick(60)
    result = gate.service.record_round(RoundSlot.MORNING, [(a, 38.2), (b, 36.5)], gate.manager)
    assert result.quarantined == [a]
    assert _ids(site.on_site(gate.ledger, gate.service.now())) == {b}
    (case,) = site.open_quarantine_cases(gate.ledger, POLICY, gate.service.now())
    assert (case.person_id, case.reason, case.day_count) == (a, Reason.FEVER_ON_ROUND, 1)

    gate.tick(24 * 60)
    gate.service.release_quarantine(
        case.case_id, QuarantineDecision.RELEASED, "normal", gate.manager)
    people = site.on_site(gate.ledger, gate.service.now())
    assert _ids(people) == {a, b}
    assert {p.zone for p in people} == {POLICY.lane_for(Channel.WORKER).zone}
    assert site.open_quarantine_cases(gate.ledger, POLICY, gate.service.now()) == []

    gate.tick(60)
    second = gate.service.start_quarantine(b, Reason.RISK_REGION)
    gate.service.release_quarantine(second.id, QuarantineDecision.SENT_HOME, "home", gate.manager)
    assert _ids(site.on_site(gate.ledger, gate.service.now())) == {a}


def test_turned_away_and_abandoned_are_not_on_site(gate: Gate) -> None:
    s = gate.service.start_first_time(Channel.WORKER)
    gate.tick()
    s.check_certificate(None)  # no certificate: turned away
    gate.service.finish(s, registration=registration(id_number=resident_id(seq="301")))
    worker = _admit(gate, "302")
    returning = gate.service.start_returning(worker)
    gate.tick()
    returning.abandon()
    gate.service.finish(returning)
    assert site.on_site(gate.ledger, gate.service.now()) == []


def test_open_cases_day_count_due_date_overdue_and_place(gate: Gate) -> None:
    pid = _admit(gate, "401", name="欧阳娜娜")
    case = gate.service.start_quarantine(pid, Reason.RISK_REGION, place="2号隔离室")
    start = gate.service.today()
    (row,) = site.open_quarantine_cases(gate.ledger, POLICY, gate.service.now())
    assert row.case_id == case.id and row.name_masked == "欧**娜"
    assert row.place.zh_CN == "2号隔离室" and row.started == start
    assert row.due_date == start + timedelta(days=POLICY.quarantine_days)
    assert (row.day_count, row.overdue) == (1, False)

    later = start + timedelta(days=POLICY.quarantine_days + 1)
    (row,) = site.open_quarantine_cases(gate.ledger, POLICY, later)
    assert (row.day_count, row.overdue) == (POLICY.quarantine_days + 2, True)


def test_round_status_and_disinfection_log(gate: Gate) -> None:
    a, b, c = (_admit(gate, s) for s in ("501", "502", "503"))
    gate.tick(30)
    gate.service.record_round(RoundSlot.MORNING, [(a, 36.4), (b, 36.6)], gate.manager)
    today = gate.service.today()
    checked, missing = site.round_status(gate.ledger, today, RoundSlot.MORNING)
    assert (checked, missing) == ({a, b}, {c})
    assert site.round_status(gate.ledger, today, RoundSlot.EVENING) == (set(), {a, b, c})
    (first, _second) = site.round_readings(gate.ledger, today, RoundSlot.MORNING)
    assert (first.person_id, first.reading_c, first.by) == (a, 36.4, "boss")

    gate.service.record_disinfection(Zone.LIVING, RoundSlot.MORNING, gate.manager)
    log = site.disinfections(gate.ledger, today)
    assert list(log) == [(Zone.LIVING, RoundSlot.MORNING)]
    assert log[(Zone.LIVING, RoundSlot.MORNING)].by == "boss"


def test_alerts_fever_missing_overdue_not_disinfected(gate: Gate) -> None:
    a, b = _admit(gate, "601"), _admit(gate, "602")
    old = gate.service.start_quarantine(_admit(gate, "603"), Reason.YELLOW_CODE)
    # 08:0x: nothing is due yet
    assert [x.kind for x in site.alerts(gate.ledger, POLICY, gate.service.now())] == []

    gate.tick(60)
    gate.service.record_round(RoundSlot.MORNING, [(a, 38.0)], gate.manager)
    for zone in (Zone.MANAGEMENT, Zone.CONSTRUCTION, Zone.LIVING):
        gate.service.record_disinfection(zone, RoundSlot.MORNING, gate.manager)
    gate.tick(120)  # past the morning's due time
    found = site.alerts(gate.ledger, POLICY, gate.service.now())
    kinds = [x.kind for x in found]
    assert kinds == [
        site.AlertKind.ROUND_FEVER,
        site.AlertKind.MISSING_ROUND,
        site.AlertKind.NOT_DISINFECTED,
    ]
    fever, missing, zones = found
    assert (fever.person_id, fever.reading_c, fever.slot) == (a, 38.0, RoundSlot.MORNING)
    assert missing.people == ("张*",) and missing.slot is RoundSlot.MORNING  # b only
    assert zones.zones == (Zone.ISOLATION,)
    assert b not in {x.person_id for x in found}

    later = gate.service.now() + timedelta(days=POLICY.quarantine_days + 1)
    overdue = [
        x
        for x in site.alerts(gate.ledger, POLICY, later)
        if x.kind is site.AlertKind.QUARANTINE_OVERDUE
    ]
    assert {x.case_id for x in overdue} == {
        old.id,
        site.open_quarantine_cases(gate.ledger, POLICY, later)[1].case_id,
    }


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_simulated(tmp_path_factory.mktemp("sim") / "ledger.sqlite3")


def test_series_and_view_match_day_stats_on_a_simulated_ledger(simulated: Path) -> None:
    with Ledger.open(simulated) as ledger:
        last = date.fromisoformat(DAY_LIST[-1])
        series = site.outcome_series(ledger, last, 14)
        assert len(series) == 14 and list(series)[-1] == DAY_LIST[-1]
        for day in DAY_LIST:
            assert series[day] == day_stats(ledger, day)
        assert sum(s.admitted for s in series.values()) > 0

        now = datetime.combine(last, time(20, 0), POLICY.tz)
        view = site.load(ledger, POLICY, now, days=30)
        assert len(view.series) == 30 and view.today == day_stats(ledger, DAY_LIST[-1])
        assert view.today.in_quarantine == len(view.cases)
        assert view.on_site and all(p.name_masked for p in view.on_site)
        # the simulation measures everyone on site on both rounds and disinfects all zones
        assert [
            a
            for a in view.alerts
            if a.kind in (site.AlertKind.MISSING_ROUND, site.AlertKind.NOT_DISINFECTED)
        ] == []


# --- the dashboard answers as before the person/kind index ----------------------------------


@pytest.fixture(scope="module")
def replica(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A replica's ledger: two kiosks' simulated weeks (the other kiosk's records taken
    in as a sync does), the first days purged, and a few people given hundreds of step
    records after their last presence record."""
    folder = tmp_path_factory.mktemp("replica")
    with Ledger.open(folder / "b.db", kiosk_id="gate-b") as other:
        Simulation(other, POLICY, people=30, seed=8, start=START).run(DAYS_REPLICA)
        theirs = other.own_records_after(0, 10**6)
    path = folder / "a.db"
    with Ledger.open(path, kiosk_id="gate-a") as ledger:
        simulation = Simulation(ledger, POLICY, people=50, seed=7, start=START)
        simulation.run(DAYS_REPLICA)
        ledger.absorb(theirs)
        last = START + timedelta(days=DAYS_REPLICA - 1)
        at = datetime.combine(last, time(21, 0), POLICY.tz)
        cases = ledger.unclosed("quarantine_start", "quarantine_release")
        boss = actor(ledger, now=at)
        for case in cases[:2]:  # back on site by a release, in their last admission's zone
            simulation.service.release_quarantine(
                case.subject_id or "", QuarantineDecision.RELEASED, "normal", boss
            )
        busy = [p.person_id for p in site.on_site(ledger, last)][:4]
        busy += [case.person_id or "" for case in cases[:2]]
        ledger.append_all([NewRecord(kind="step", at=at, day=last.isoformat(), person_id=pid,
                                     body={"step": "temperature", "n": n})
                           for pid in busy for n in range(400)])  # fmt: skip
        cutoff = (START + timedelta(days=2)).isoformat()
        purge = NewRecord(kind="purge", at=at, day=last.isoformat(), body={"cutoff": cutoff})
        ledger.purge(cutoff, at, lambda n, d: purge)
        assert ledger.verify().ok
    return path


DAYS_REPLICA = 6


def test_dashboard_answers_as_the_walk_did_on_a_replica(
    replica: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Ledger.open(replica) as ledger:
        evenings = [datetime.combine(START + timedelta(days=d), time(20, 0), POLICY.tz)
                    for d in range(DAYS_REPLICA + 2)]  # fmt: skip
        new = [site.load(ledger, POLICY, now) for now in evenings]
        with monkeypatch.context() as old:
            old.setattr(Ledger, "latest_per_person", walked_latest)
            old.setattr(Ledger, "unclosed", unclosed_scanned)
            old.setattr(site, "_last_admission", every_admission)
            walked = [site.load(ledger, POLICY, now) for now in evenings]
        assert new == walked
        assert any(view.cases for view in new)
        # what the comparison covered: both kiosks' people on site, purged ones among
        # them, someone back on site by a release, and the busy people placed
        on_site = {p.person_id: p for view in new for p in view.on_site}
        kiosks = {ledger.newest(person_id=pid, kind="person").kiosk_id  # type: ignore[union-attr]
                  for pid in on_site}  # fmt: skip
        assert kiosks == {"gate-a", "gate-b"}
        assert any(p.name_masked == "" for p in on_site.values())
        released = [r for r in ledger.latest_per_person(site.PRESENCE_KINDS)
                    if r.kind == "quarantine_release" and r.reason == "released"]  # fmt: skip
        assert len({r.person_id for r in released} & set(on_site)) == 2
        steps = ledger._conn.execute(
            "SELECT count(*) FROM records WHERE kind = 'step' AND body LIKE '%\"n\":399%'"
        ).fetchone()[0]
        assert steps == 6
