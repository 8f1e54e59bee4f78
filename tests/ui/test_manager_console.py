"""The manager console, driven as a site manager does: the header's Manager button, the
dashboard over a simulated ledger, a temperature round by search and by scan, the
disinfection log, quarantine checks and the release decision — all read back from the
ledger. No real sleeps: the clock is a SteppingClock."""

from __future__ import annotations

import shutil
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from console_support import SIM_DAYS, SIM_START, admit, manager_actor, sign_in, simulated
from kiosk_support import POLICY, Kiosk, resident_id
from plain_support import button_says, label_text, tooltip_text
from PySide6.QtCore import Qt

from gatekeeper.domain.errors import ValidationError
from gatekeeper.domain.vocab import Channel, QuarantineDecision, Reason, RoundSlot, Zone
from gatekeeper.services import site
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.stats import day_stats
from gatekeeper.ui.flow import Page

LAST_DAY = SIM_START + timedelta(days=SIM_DAYS - 1)


@pytest.fixture(scope="module")
def sim_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return simulated(tmp_path_factory.mktemp("sim") / "sim.db")


@pytest.fixture
def sim_kiosk(qtbot, languages, tmp_path: Path, sim_ledger: Path):
    path = tmp_path / "gate.db"
    shutil.copyfile(sim_ledger, path)
    clock = SteppingClock(datetime.combine(LAST_DAY, time(20, 0), POLICY.tz))
    k = Kiosk(qtbot, languages, path, clock)
    yield k
    k.close()


def open_console(k: Kiosk):
    return sign_in(k)


def test_dashboard_figures_and_chart_match_day_stats(sim_kiosk: Kiosk) -> None:
    k = sim_kiosk
    console = open_console(k)
    board = console.dashboard
    assert console.current() == "dashboard"
    today = day_stats(k.ledger, LAST_DAY.isoformat())
    tiles = {name: int(tile.value_label.text()) for name, tile in board.tiles.items()}
    people = site.on_site(k.ledger, k.session.service.now())
    cases = site.open_quarantine_cases(k.ledger, POLICY, k.session.service.now())
    assert tiles == {"admitted": today.admitted, "turned_away": today.turned_away,
                     "quarantined": today.quarantined, "in_quarantine": today.in_quarantine,
                     "on_site": len(people)}  # fmt: skip
    assert today.admitted > 0 and len(cases) == today.in_quarantine

    days = [(LAST_DAY - timedelta(days=i)).isoformat() for i in range(13, -1, -1)]
    stats = [day_stats(k.ledger, d) for d in days]
    values = board.series_values()
    for outcome in ("admitted", "turned_away", "quarantined", "abandoned"):
        assert values[outcome] == [getattr(s, outcome) for s in stats], outcome
    assert sum(values["admitted"]) == sum(s.admitted for s in stats) > 0
    assert board.categories()[-1] == f"{LAST_DAY.month}/{LAST_DAY.day}"

    k.click(board.span_buttons[30])
    assert board.days == 30 and len(board.series_values()["admitted"]) == 30
    assert sum(board.series_values()["admitted"]) == sum(s.admitted for s in stats)

    on_site_rows = board.on_site_table.rowCount()
    counted = sum(int(board.on_site_table.item(r, 1).text()) for r in range(on_site_rows))
    assert counted == len(people)
    assert board.quarantine_table.rowCount() == len(cases)
    assert board.alerts_list.count() >= 1

    # Esc goes back to the kiosk
    k.key(Qt.Key.Key_Escape, board.on_site_table)
    assert k.at() is Page.START


@pytest.fixture
def site_kiosk(kiosk: Kiosk) -> Kiosk:
    """The kiosk on a fresh ledger at 08:00 with two workers admitted (8 minutes later)."""
    service = kiosk.session.service
    kiosk.zhang = admit(service, "201", "张三明")  # type: ignore[attr-defined]
    kiosk.li = admit(service, "202", "李四")  # type: ignore[attr-defined]
    kiosk.clock.advance(minutes=90)  # 09:30: the morning round
    return kiosk


def test_a_round_through_the_ui_records_readings_and_a_fever_opens_a_case(
    site_kiosk: Kiosk,
) -> None:
    k = site_kiosk
    console = open_console(k)
    k.click(console.nav["rounds"])
    rounds = console.rounds
    assert rounds.slot is RoundSlot.MORNING
    assert rounds.roster.rowCount() == 2 and len(rounds.missing()) == 2

    # by search: the ID number, Enter, then the reading and Enter
    k.type(rounds.search_edit, resident_id(seq="201"))
    k.enter(rounds.search_edit)
    assert rounds.current is not None and rounds.current.person_id == k.zhang
    assert rounds.focusWidget() is rounds.reading_edit
    k.type(rounds.reading_edit, "abc")
    k.enter(rounds.reading_edit)
    assert "is not a temperature" in rounds.reading_error.text()
    assert k.records(kind="round_temperature") == []
    rounds.reading_edit.clear()
    k.type(rounds.reading_edit, "36.6")
    k.enter(rounds.reading_edit)
    (reading,) = k.records(kind="round_temperature")
    assert (reading.person_id, reading.body["reading_c"], reading.body["slot"]) == (
        k.zhang, 36.6, "morning")
    assert reading.body["by"] == "manager"
    assert rounds.missing() == [p for p in rounds.people if p.person_id == k.li]

    # by scan (the app-wide scanner burst): the ID number, then the thermometer's burst
    k.window.scan_received(resident_id(seq="202"))
    assert rounds.current is not None and rounds.current.person_id == k.li
    k.window.scan_received("38.4")
    (_first, fever) = k.records(kind="round_temperature")
    assert (fever.person_id, fever.body["verdict"]) == (k.li, "quarantine")
    (case,) = k.records(kind="quarantine_start")
    assert (case.person_id, case.reason) == (k.li, Reason.FEVER_ON_ROUND)
    assert "sent to quarantine" in rounds.result.text()
    assert [p.person_id for p in rounds.people] == [k.zhang]  # off site, in quarantine
    # the dashboard already shows it
    assert console.dashboard.tiles["in_quarantine"].value_label.text() == "1"

    # nobody matches
    k.window.scan_received("王五")
    assert "Nobody on site matches" in rounds.search_error.text()


def test_disinfection_log_one_touch(site_kiosk: Kiosk) -> None:
    k = site_kiosk
    console = open_console(k)
    k.click(console.nav["rounds"])
    button = console.rounds.disinfect_buttons[(Zone.LIVING, RoundSlot.MORNING)]
    k.click(button)
    (record,) = k.records(kind="disinfection")
    assert record.body == {"zone": "living", "slot": "morning", "by": "manager"}
    assert not button.isEnabled() and button.text().startswith("✓ 09:30")
    # and the dashboard's alert for the zones not disinfected lists the other three
    k.clock.advance(minutes=60)  # 10:30, past the morning's due time
    console.dashboard.refresh()
    texts = [console.dashboard.alerts_list.item(i).text()
             for i in range(console.dashboard.alerts_list.count())]
    (zones,) = [t for t in texts if t.startswith("Not disinfected")]
    assert "living zone" not in zones and "isolation zone" in zones


def test_quarantine_check_and_release_through_the_ui(site_kiosk: Kiosk, languages) -> None:
    k = site_kiosk
    service = k.session.service
    service.start_quarantine(k.li, Reason.RISK_REGION, place="2号隔离室")
    k.clock.advance(minutes=60)
    console = open_console(k)
    assert console.dashboard.tiles["on_site"].value_label.text() == "1"
    k.click(console.nav["quarantine"])
    page = console.quarantine
    assert page.case_table.rowCount() == 1
    page.case_table.selectRow(0)
    page._row_clicked(0, 0)
    assert page.case is not None and "2号隔离室" in page.facts_label.text()

    k.type(page.temperature_edit, "36.8")
    k.type(page.note_edit, "无症状")
    k.click(page.check_button)
    (check,) = k.records(kind="quarantine_check")
    assert (check.person_id, check.body["temperature_c"], check.body["note"]) == (
        k.li, 36.8, "无症状")
    assert page.checks_table.rowCount() == 1

    # a decision without a reason is refused inline, in the user's language
    k.click(page.decision_buttons[QuarantineDecision.RELEASED])
    k.click(page.release_button)
    expected = ValidationError("error.required", "reason")
    assert page.release_error.text() == expected.message("en")
    languages.set_language("zh_CN")
    assert page.release_error.text() == expected.message("zh_CN")
    languages.set_language("en")
    assert k.records(kind="quarantine_release") == []

    k.type(page.reason_edit, "negative test, no fever for 14 days")
    k.enter(page.reason_edit)
    (release,) = k.records(kind="quarantine_release")
    assert (release.reason, release.person_id) == (QuarantineDecision.RELEASED, k.li)
    assert release.body["reason"] == "negative test, no fever for 14 days"
    assert release.body["by"] == "manager"
    assert page.case_table.rowCount() == 0 and page.case is None
    assert "Released from quarantine" in page.result.text()
    # the dashboard follows: nobody in quarantine, both back on site
    board = console.dashboard
    assert board.tiles["in_quarantine"].value_label.text() == "0"
    assert board.tiles["on_site"].value_label.text() == "2"

    k.click(console.back_button)
    assert k.at() is Page.START


def test_the_console_waits_for_a_screening_to_end(kiosk: Kiosk) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.click(kiosk.window.manager_button)
    assert not kiosk.window.manager_open()
    assert "Finish or abandon" in kiosk.window.notice.text_label.text()


def test_inspector_sees_rounds_and_quarantine_read_only(site_kiosk: Kiosk) -> None:
    """The inspector opens both pages and sees the data; no recording control is
    enabled, and the pages' record methods driven anyway record nothing."""
    k = site_kiosk
    service = k.session.service
    manager = manager_actor(k.ledger)
    service.record_round(RoundSlot.MORNING, [(k.zhang, 36.6)], manager)
    service.record_disinfection(Zone.LIVING, RoundSlot.MORNING, manager)
    service.start_quarantine(k.li, Reason.RISK_REGION, place="2号隔离室")
    console = sign_in(k, "inspector", role="inspector")
    before = len(k.records())  # the sign-in is the inspector's only write

    k.click(console.nav["rounds"])
    rounds = console.rounds
    assert console.current() == "rounds" and not rounds.editable
    assert rounds.roster.rowCount() == 1  # 李四 is in quarantine, off site
    assert "36.6" in rounds.roster.item(0, 2).text()
    assert rounds.missing() == []
    done = rounds.disinfect_buttons[(Zone.LIVING, RoundSlot.MORNING)]
    assert done.text().startswith("✓ 09:30") and "manager" in done.text()
    assert rounds.read_only_label.isVisibleTo(rounds)
    for widget in (rounds.reading_edit, rounds.record_button):
        assert not widget.isVisibleTo(rounds)
    assert not any(b.isEnabled() for b in rounds.disinfect_buttons.values())
    # the search only narrows the roster; a scan picks nobody and records nothing
    k.type(rounds.search_edit, resident_id(seq="201"))
    k.enter(rounds.search_edit)
    assert rounds.only == {k.zhang} and rounds.current is None
    k.window.scan_received(resident_id(seq="201"))
    k.window.scan_received("38.4")
    rounds.select(k.zhang)
    rounds.reading_edit.setText("36.5")
    rounds.record()
    for zone in Zone:
        rounds.disinfect(zone, RoundSlot.EVENING)
    assert len(k.records()) == before

    k.click(console.nav["quarantine"])
    page = console.quarantine
    assert console.current() == "quarantine" and not page.editable
    assert page.case_table.rowCount() == 1
    page._row_clicked(0, 0)
    assert page.case is not None and "2号隔离室" in page.facts_label.text()
    assert page.checks_table.isVisibleTo(page)
    assert "read-only" in page.pick_label.text()
    for widget in page.recording:
        assert not widget.isVisibleTo(page)
    page.temperature_edit.setText("36.8")
    page.add_check()
    page.choose(QuarantineDecision.RELEASED)
    page.reason_edit.setText("looks fine")
    page.release()
    assert len(k.records()) == before
    assert k.records(kind="quarantine_check") == [] == k.records(kind="quarantine_release")


def test_manager_sees_the_recording_controls(site_kiosk: Kiosk) -> None:
    console = open_console(site_kiosk)
    site_kiosk.click(console.nav["rounds"])
    rounds = console.rounds
    assert rounds.editable and rounds.record_button.isVisibleTo(rounds)
    assert not rounds.read_only_label.isVisibleTo(rounds)
    assert all(b.isEnabled() for b in rounds.disinfect_buttons.values())
    site_kiosk.click(console.nav["quarantine"])
    assert console.quarantine.editable
    assert not any(w.isHidden() for w in console.quarantine.recording)


def test_a_quarantine_place_with_braces_is_shown_as_written(site_kiosk: Kiosk, languages) -> None:
    """The place (typed, or the policy's) is text: the quarantine page shows it as written
    (it was formatted again, and "2号{隔离}室" raised KeyError when the case was chosen)."""
    k = site_kiosk
    k.session.service.start_quarantine(k.li, Reason.RISK_REGION, place="2号{隔离}室")
    console = open_console(k)
    k.click(console.nav["quarantine"])
    page = console.quarantine
    page.case_table.selectRow(0)
    page._row_clicked(0, 0)
    assert page.case is not None and "Place: 2号{隔离}室 · " in page.facts_label.text()
    languages.set_language("zh_CN")
    assert "2号{隔离}室" in page.facts_label.text()


def test_the_rounds_and_quarantine_pages_say_values_as_written(site_kiosk: Kiosk) -> None:
    """What was scanned or typed, and the place of a case, are text on both pages (their
    labels drew "<b>…</b>" bold, an "<img>" as an image, "&lt;" as "<")."""
    k = site_kiosk
    console = open_console(k)
    k.click(console.nav["rounds"])
    rounds = console.rounds
    k.window.scan_received("<img src='x'> &lt;")
    assert label_text(rounds.search_error) == "Nobody on site matches “<img src='x'> &lt;”."

    k.session.service.start_quarantine(k.li, Reason.RISK_REGION, place="<b>2号</b>隔离室")
    k.click(console.nav["quarantine"])
    page = console.quarantine
    page._row_clicked(0, 0)
    assert page.case is not None
    assert label_text(page.facts_label).startswith("Place: <b>2号</b>隔离室 · ")
    assert label_text(page.person_label).startswith("李*")
    k.type(page.temperature_edit, "<i>36</i>")
    k.click(page.check_button)
    assert label_text(page.check_error).startswith('"<i>36</i>" is not a temperature')


def test_who_disinfected_is_shown_as_recorded(site_kiosk: Kiosk) -> None:
    """The disinfection log's cell says who as the record has it, in the cell and in its
    tooltip (an "&" was taken for a shortcut mark and dropped). Usernames have no "&"
    today: the log is drawn as any record would be."""
    k = site_kiosk
    console = open_console(k)
    k.click(console.nav["rounds"])
    rounds = console.rounds
    slot = (Zone.LIVING, RoundSlot.MORNING)
    rounds.log = {slot: site.DisinfectionRow(
        *slot, by="<b>a&b</b>", at=k.session.service.now().isoformat())}
    rounds._draw()
    button = rounds.disinfect_buttons[slot]
    assert button_says(button) == "✓ 09:30\n<b>a&b</b>"
    assert tooltip_text(button.toolTip()) == "✓ 09:30\n<b>a&b</b>"
