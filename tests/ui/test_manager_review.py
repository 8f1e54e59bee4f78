"""The review page as an inspector uses it: search by ID number, the person's closed
loop in order (passage, quarantine start, release), and the integrity check on an
intact ledger and on a tampered copy — the check runs off the UI thread."""

from __future__ import annotations

from pathlib import Path

from console_support import add_account, admit, manager_actor, sign_in
from kiosk_support import Kiosk, resident_id
from plain_support import label_text
from tamper import FORGED_ACCOUNT, raw_copy

from gatekeeper.domain.vocab import Channel, Lane, QuarantineDecision, Reason
from gatekeeper.services.gate import GateOpening


def _person_with_a_quarantine(k: Kiosk) -> str:
    service = k.session.service
    person = admit(service, "201", "张三明")
    admit(service, "202", "李四")
    k.clock.advance(minutes=60)
    case = service.start_quarantine(person, Reason.RISK_REGION, place="2号隔离室")
    k.clock.advance(minutes=60)
    service.release_quarantine(
        case.id, QuarantineDecision.RELEASED, "negative test", manager_actor(k.ledger, "boss"))
    return person


def _verify(qtbot, page) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.verify_button.clicked, timeout=1000):
        page.verify_button.click()
    job = page.verify_job
    assert job is not None
    qtbot.waitUntil(lambda: page.report is not None or "could not" in page.verdict(),
                    timeout=20_000)  # fmt: skip
    assert job.wait(5000) and not job.isRunning()
    return page.verdict()


def test_search_and_timeline_in_order(kiosk: Kiosk) -> None:
    k = kiosk
    person = _person_with_a_quarantine(k)
    console = sign_in(k, "inspector", role="inspector")
    assert console.show_page("review")
    page = console.review
    k.type(page.person_edit, resident_id(seq="201"))
    k.enter(page.person_edit)
    assert page.results_table.rowCount() == 1
    assert "*" in page.results_table.item(0, 2).text()  # masked name
    assert "*" in page.results_table.item(0, 3).text()  # masked ID number
    assert page.person_id == person
    kinds = [e.kind for e in page.events]
    assert kinds.index("passage") < kinds.index("quarantine_start") < kinds.index(
        "quarantine_release")  # fmt: skip
    assert [e.at for e in page.events] == sorted(e.at for e in page.events)
    lines = page.timeline_lines()
    assert any("Quarantine started" in line for line in lines)
    assert any("Quarantine ended" in line for line in lines)
    # a search with no person and the outcome filter
    page.person_edit.clear()
    page.outcome_combo.setCurrentIndex(page.outcome_combo.findData("admitted"))
    page.search()
    assert page.results_table.rowCount() == 2 and page.person_id is None
    # clicking a row shows that person's loop
    page._row_clicked(0, 0)
    assert page.person_id is not None and page.events
    # nothing was written by the review (only the sign-in records)
    assert {r.kind for r in k.records()} >= {"sign_in"}
    assert k.records(kind="export") == []


def test_integrity_check_intact_and_tampered(qtbot, kiosk: Kiosk, languages,
                                             tmp_path: Path) -> None:  # fmt: skip
    k = kiosk
    _person_with_a_quarantine(k)
    console = sign_in(k, "inspector", role="inspector")
    console.show_page("review")
    verdict = _verify(qtbot, console.review)
    head = k.ledger.head()
    assert verdict == f"Intact: {head.records} records, head {head.hash}"

    copy = tmp_path / "tampered.db"
    conn = raw_copy(k.ledger.path, copy)  # an attacker with the file can do this
    seq = conn.execute("SELECT min(seq) FROM records WHERE kind = 'passage'").fetchone()[0]
    conn.execute("UPDATE records SET outcome = 'turned_away' WHERE seq = ?", (seq,))
    conn.close()
    other = Kiosk(qtbot, languages, copy, k.clock)
    try:
        console = sign_in(other, "inspector", role="inspector")
        console.show_page("review")
        verdict = _verify(qtbot, console.review)
        assert verdict.startswith(f"Altered: record {seq}:")
    finally:
        other.close()


# Text a person typed, with the braces a format string would read as its own fields.
BRACED = {"name": "张{三}", "employer": "建设{一}", "role": "{lane}", "coming_from": "{"}


def test_timeline_draws_typed_values_with_braces_as_typed(kiosk: Kiosk, languages) -> None:
    """Values typed at the gate or in the console are data: the timeline draws them as
    they were typed, in both languages (a second format of the line raised KeyError,
    ValueError or IndexError, and the page showed a traceback instead)."""
    k = kiosk
    k.first_time(Channel.WORKER, 3, **BRACED)
    [passage] = k.passages()
    person = passage.person_id
    assert person is not None
    service = k.session.service
    boss = manager_actor(k.ledger, "boss")
    service.record_gate_open_failed(
        GateOpening(Lane.WORKER, passage.subject_id or "", Channel.WORKER, person), "relay",
        "/dev/tty{USB}0 channel 1", "devices.relay_missing", {"port": "/dev/tty{USB}0"})
    k.clock.advance(minutes=60)
    case = service.start_quarantine(person, Reason.RISK_REGION, place="2号{隔离}室")
    k.clock.advance(minutes=60)
    released = service.release_quarantine(
        case.id, QuarantineDecision.RELEASED, "{0} days, no fever", boss)
    service.correct(released.uuid, {"reason": "{0} days"}, "typo {", boss)
    console = sign_in(k, "inspector", role="inspector")
    assert console.show_page("review")
    page = console.review
    k.type(page.person_edit, resident_id())
    k.enter(page.person_edit)
    assert page.person_id == person
    lines = "\n".join(page.timeline_lines())
    assert "Registered: 建设{一}, {lane}, from {" in lines
    assert "/dev/tty{USB}0" in lines
    assert "{0} days, no fever" in lines and "typo {" in lines
    languages.set_language("zh_CN")
    lines = "\n".join(page.timeline_lines())
    assert "登记：建设{一}，{lane}，来自{" in lines
    assert "/dev/tty{USB}0" in lines and "{0} days, no fever" in lines and "typo {" in lines


def test_the_verdict_says_a_value_from_the_file_with_braces_as_it_stands(
    qtbot, kiosk: Kiosk, languages, tmp_path: Path,
) -> None:  # fmt: skip
    """A file edited outside GateKeeper names what is wrong with a value from the file (an
    account "{boss}" added by hand): the verdict says it as it stands (the problem's text
    was filled again and raised KeyError on the page)."""
    k = kiosk
    admit(k.session.service, "201", "张三明")
    add_account(k.ledger, "inspector", "inspector")
    copy = tmp_path / "edited.db"
    conn = raw_copy(k.ledger.path, copy)
    conn.execute(FORGED_ACCOUNT)
    conn.close()
    other = Kiosk(qtbot, languages, copy, k.clock)
    try:
        console = sign_in(other, "inspector", role="inspector")
        console.show_page("review")
        verdict = _verify(qtbot, console.review)
        assert verdict.startswith("Altered: record ?: the account {boss} differs"), verdict
        languages.set_language("zh_CN")
        assert "账户 {boss} 与哈希链中的账户记录不符" in console.review.verdict()
    finally:
        other.close()


def test_the_verdict_says_a_value_from_the_file_with_markup_as_it_stands(
    qtbot, kiosk: Kiosk, languages, tmp_path: Path,
) -> None:  # fmt: skip
    """An account "<img src='x'>" added by hand: the verdict names it as it stands (the
    label took it for markup and drew an image where the name was)."""
    k = kiosk
    admit(k.session.service, "201", "张三明")
    add_account(k.ledger, "inspector", "inspector")
    copy = tmp_path / "edited.db"
    conn = raw_copy(k.ledger.path, copy)
    conn.execute(
        "INSERT INTO accounts (username, role, display_name, pin_hash, salt, failures, "
        "locked_until, created_seq) VALUES (?, 'site_manager', ?, 'x', x'00', 0, NULL, 1)",
        ("<img src='x'>", "<b>"))  # fmt: skip
    conn.close()
    other = Kiosk(qtbot, languages, copy, k.clock)
    try:
        console = sign_in(other, "inspector", role="inspector")
        console.show_page("review")
        verdict = _verify(qtbot, console.review)
        assert verdict.startswith("Altered: record ?: the account <img src='x'> differs")
        assert label_text(console.review.verdict_label).startswith(
            "Altered: record ?: the account <img src='x'> differs")
    finally:
        other.close()
