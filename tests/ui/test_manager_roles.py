"""The console's pages only hide what a role cannot use: the services decide. With the
page's own check bypassed, an inspector's recording and a site manager's unmasked
export are refused by the service, said on the page, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from console_support import admit, sign_in
from kiosk_support import Kiosk

from gatekeeper.domain.vocab import QuarantineDecision, Reason


def test_a_managers_unmasked_export_is_refused_by_the_service(
    qtbot, kiosk: Kiosk, tmp_path: Path
) -> None:
    k = kiosk
    admit(k.session.service, "201", "张三明")
    console = sign_in(k)
    dialog = console.open_export()
    assert dialog is not None and not dialog.full_check.isVisibleTo(dialog)
    dialog.full_check.setChecked(True)  # hidden from a manager; forced anyway
    dialog.set_format("csv")
    out = tmp_path / "day.csv"
    dialog.set_path(out)
    before = len(k.records())
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "only an inspector may" in dialog.message(), timeout=20_000)
    assert dialog.job is None or dialog.job.wait(5000)
    assert not out.exists() and list(tmp_path.glob(".*tmp")) == []
    assert len(k.records()) == before and k.records(kind="export") == []
    dialog.reject()


def test_an_inspector_recording_past_the_page_is_refused_by_the_service(kiosk: Kiosk) -> None:
    k = kiosk
    service = k.session.service
    person = admit(service, "201", "张三明")
    isolated = admit(service, "202", "李四")
    case = service.start_quarantine(isolated, Reason.RISK_REGION, place="2号隔离室")
    console = sign_in(k, "inspector", role="inspector")
    before = len(k.records())

    rounds = console.rounds
    rounds.authorise = lambda _action: True  # as if the page forgot to ask
    rounds.refresh()
    rounds.select(person)
    rounds.reading_edit.setText("36.5")
    rounds.record()
    assert "only a site manager may" in rounds.reading_error.text()

    page = console.quarantine
    page.authorise = lambda _action: True
    page.refresh()
    page.select(case.id)
    assert page.case is not None
    page.temperature_edit.setText("36.8")
    page.add_check()
    assert "only a site manager may" in page.check_error.text()
    page.choose(QuarantineDecision.RELEASED)
    page.reason_edit.setText("looks fine")
    page.release()
    assert "only a site manager may" in page.release_error.text()
    assert len(k.records()) == before
