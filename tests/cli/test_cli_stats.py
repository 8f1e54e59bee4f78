"""`gatekeeper stats --db PATH [--date YYYY-MM-DD] [--json]`: figures that agree with the ledger."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_support import DAYS, START, assert_user_error, one_line_error, run, run_exe, snapshot

from gatekeeper.ledger import Ledger

KEYS = {"date", "admitted", "turned_away", "quarantined", "abandoned", "in_quarantine", "released"}
SIM_DAYS = [(date.fromisoformat(START) + timedelta(days=i)).isoformat() for i in range(DAYS)]


def stats_json(db: Path, day: str) -> dict:
    result = run("stats", "--db", db, "--date", day, "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout.count("\n") == 1, "one object on one line"
    return json.loads(result.stdout)


def expected(db: Path, day: str) -> dict:
    """The same figures counted record by record, without the stats code."""
    with Ledger.open(db, readonly=True) as ledger:
        passages = list(ledger.records(kind="passage", day=day))
        starts = [r for r in ledger.records(kind="quarantine_start") if r.day <= day]
        ends = [r for r in ledger.records(kind="quarantine_release") if r.day <= day]
    outcomes = Counter(r.outcome for r in passages)
    reasons = Counter(r.reason for r in passages if r.outcome == "turned_away")
    return {
        "date": day,
        "admitted": outcomes["admitted"],
        "turned_away": {"total": outcomes["turned_away"], "by_reason": dict(reasons)},
        "quarantined": outcomes["quarantined"],
        "abandoned": outcomes["abandoned"],
        "in_quarantine": len(starts) - len(ends),
        "released": sum(1 for r in ends if r.day == day and r.reason == "released"),
    }


@pytest.mark.parametrize("day", SIM_DAYS)
def test_json_has_exactly_the_keys_and_agrees_with_the_ledger(simulated: Path, day: str) -> None:
    figures = stats_json(simulated, day)
    assert set(figures) == KEYS
    assert set(figures["turned_away"]) == {"total", "by_reason"}
    for key in KEYS - {"date", "turned_away"}:
        assert type(figures[key]) is int, key
    assert type(figures["turned_away"]["total"]) is int
    assert sum(figures["turned_away"]["by_reason"].values()) == figures["turned_away"]["total"]
    assert figures == expected(simulated, day)


def test_the_simulated_days_are_not_all_zero(simulated: Path) -> None:
    """So the cross-check above compares something."""
    days = [stats_json(simulated, day) for day in SIM_DAYS]
    assert sum(d["admitted"] for d in days) > 0
    assert sum(d["turned_away"]["total"] + d["quarantined"] for d in days) > 0
    assert any(d["in_quarantine"] for d in days)


def test_a_day_without_traffic_is_all_zero(simulated: Path) -> None:
    figures = stats_json(simulated, "2019-01-01")
    assert figures == {
        "date": "2019-01-01",
        "admitted": 0,
        "turned_away": {"total": 0, "by_reason": {}},
        "quarantined": 0,
        "abandoned": 0,
        "in_quarantine": 0,
        "released": 0,
    }


def test_text_output_lists_the_figures(simulated: Path) -> None:
    day = SIM_DAYS[0]
    want = expected(simulated, day)
    result = run("stats", "--db", simulated, "--date", day)
    assert result.exit_code == 0, result.output
    lines = dict(line.rsplit(None, 1) for line in result.stdout.splitlines())
    assert lines["Date"] == day
    assert int(lines["Admitted"]) == want["admitted"]
    assert int(lines["Turned away"]) == want["turned_away"]["total"]
    assert int(lines["In quarantine now"]) == want["in_quarantine"]


def test_text_output_in_chinese(simulated: Path) -> None:
    result = run("stats", "--db", simulated, "--date", SIM_DAYS[0], env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code == 0, result.output
    assert "放行" in result.stdout and "劝返" in result.stdout


def test_without_date_means_today(simulated: Path) -> None:
    result = run("stats", "--db", simulated, "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert set(figures) == KEYS
    assert abs(date.fromisoformat(figures["date"]) - date.today()) <= timedelta(days=1)


def test_stats_does_not_change_the_ledger(ledger_copy: Path) -> None:
    before = ledger_copy.read_bytes()
    assert run("stats", "--db", ledger_copy, "--date", SIM_DAYS[0], "--json").exit_code == 0
    assert ledger_copy.read_bytes() == before


@pytest.mark.parametrize("bad", ["2020-13-01", "yesterday", "2020-02-30", ""])
def test_bad_date_is_one_line_without_traceback(simulated: Path, bad: str) -> None:
    result = run("stats", "--db", simulated, "--date", bad, "--json")
    assert_user_error(result.stderr, result.stdout, code=None, exit_code=result.exit_code)
    line = one_line_error(result.stderr)
    assert "YYYY-MM-DD" in line


def test_bad_date_in_chinese(simulated: Path) -> None:
    result = run("stats", "--db", simulated, "--date", "yesterday", env={"LANG": "zh_CN.UTF-8"})
    assert result.exit_code != 0
    assert "不是有效日期" in one_line_error(result.stderr)


def test_missing_ledger_exits_2_and_creates_nothing(tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    result = run("stats", "--db", tmp_path / "none.sqlite3", "--json")
    assert_user_error(result.stderr, result.stdout, code=2, exit_code=result.exit_code)
    assert "none.sqlite3" in one_line_error(result.stderr)
    assert snapshot(tmp_path) == before


def test_json_end_to_end(simulated: Path) -> None:
    done = run_exe("stats", "--db", simulated, "--date", SIM_DAYS[1], "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected(simulated, SIM_DAYS[1])


def test_bad_date_end_to_end(simulated: Path) -> None:
    done = run_exe("stats", "--db", simulated, "--date", "2020-13-01")
    assert done.returncode != 0
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    one_line_error(done.stderr)
