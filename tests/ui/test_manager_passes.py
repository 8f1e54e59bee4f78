"""The passes page as a site manager uses it: issuing a pass registers the worker and
records the pass; the badge saved as PNG decodes (with the gate camera's decoder) to a
payload the pass service accepts; revoking makes the gate refuse it; a person's pass
state is shown; errors are inline and bilingual. Gate staff cannot open the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from console_support import sign_in
from kiosk_support import Kiosk, resident_id
from plain_support import label_text

from gatekeeper.scanner import keys
from gatekeeper.scanner.passes import PassRejected
from gatekeeper.services.accounts import Account, Action, Role, can
from gatekeeper.services.passes import PassService


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The site key goes to a test folder, never the user's data directory."""
    folder = tmp_path / "data"
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(folder))
    return folder


def _fill(page, seq: str = "301", name: str = "赵六") -> None:  # type: ignore[no-untyped-def]
    page.name_edit.setText(name)
    page.id_edit.setText(resident_id(seq=seq))
    page.phone_edit.setText("13800138000")
    page.employer_edit.setText("中牟建设集团")
    page.days_spin.setValue(30)


def _decode(path: Path) -> str:
    import cv2

    from gatekeeper.scanner.decoder import Decoder

    frame = cv2.imread(str(path))
    assert frame is not None
    texts = Decoder().decode(frame, thorough=True).texts
    assert texts, "no QR code found on the badge"
    return texts[0]


def test_issue_save_verify_revoke(kiosk: Kiosk, data_dir: Path, tmp_path: Path) -> None:
    k = kiosk
    console = sign_in(k)
    assert console.nav["passes"].isVisibleTo(console)
    assert console.show_page("passes") and console.current() == "passes"
    page = console.passes
    assert "creates the site's signing key" in page.key_note.text()
    assert not page.save_button.isEnabled()

    _fill(page)
    issued = page.issue()
    assert issued is not None and issued.registered
    assert (data_dir / "keys" / keys.KEY_FILE).exists()
    assert "creates the site's signing key" not in page.key_note.text()
    assert [r.person_id for r in k.records(kind="person")] == [issued.person.person_id]
    [record] = k.records(kind="pass_issued")
    assert record.person_id == issued.person.person_id
    assert record.body["valid_until"] == issued.site_pass.valid_until.isoformat()
    assert record.body["by"] == "manager"  # the signed-in manager issued it
    assert "Registered 赵六" in page.issue_result.text()
    assert page.badge_label.pixmap() is not None and not page.badge_label.pixmap().isNull()

    # saved through Qt's own (non-native) file dialog
    dialog = page.choose_badge_file()
    assert dialog is not None and dialog.testOption(dialog.Option.DontUseNativeDialog)
    badge = tmp_path / "badge.png"
    dialog.selectFile(str(badge))
    dialog.accept()
    assert badge.exists() and "Badge saved" in page.badge_message.text()
    assert badge.stat().st_mode & 0o777 == 0o600  # a name and a pass: the owner's only
    assert not page.save_badge(k.path)  # never over the ledger

    passes = PassService(k.session.service, keys.load())
    payload = _decode(badge)
    assert payload == issued.site_pass.payload
    assert passes.verify(payload).person.person_id == issued.person.person_id

    # the same person again: found, not registered twice
    _fill(page)
    again = page.issue()
    assert again is not None and not again.registered
    assert len(k.records(kind="person")) == 1 and len(k.records(kind="pass_issued")) == 2
    assert "already registered" in page.issue_result.text()

    # revoke by ID number: recorded with the manager's name, then refused at the gate
    page.revoke_id_edit.setText(resident_id(seq="301"))
    page.revoke_reason_edit.setText("left the site")
    assert page.revoke()
    [revoked] = k.records(kind="pass_revoked")
    assert revoked.body["by"] == "manager" and revoked.body["note"] == "left the site"
    with pytest.raises(PassRejected):
        passes.verify(payload)
    assert "revoked" in page.revoke_result.text()

    # the person's pass state
    page.state_id_edit.setText(resident_id(seq="301"))
    state = page.show_state()
    assert state is not None and state.revoked_on is not None
    assert "was revoked on" in page.state_result.text()


def test_print_without_a_printer_writes_a_pdf(kiosk: Kiosk, data_dir: Path) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo

    if QPrinterInfo.availablePrinters():
        pytest.skip("a printer is attached: the print dialog would open")
    k = kiosk
    page = sign_in(k).passes
    _fill(page, seq="302", name="孙七")
    assert page.issue() is not None
    page.print_badge()
    pdfs = list((k.path.parent / "badges").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    assert "saved as PDF" in page.badge_message.text()


def test_errors_inline_and_bilingual(kiosk: Kiosk, data_dir: Path, languages) -> None:  # type: ignore[no-untyped-def]
    k = kiosk
    console = sign_in(k)
    console.show_page("passes")
    page = console.passes
    _fill(page)
    page.id_edit.setText("41012219850612")  # too short for a resident ID, not a passport
    page.phone_edit.setText("123")
    assert page.issue() is None
    assert page.issue_message.isVisibleTo(page) and page.issue_message.text()
    assert k.records(kind="pass_issued") == []
    page.revoke_id_edit.setText(resident_id(seq="399"))
    assert not page.revoke()
    assert "registered" in page.revoke_message.text()
    page.state_id_edit.setText(resident_id(seq="399"))
    assert page.show_state() is None and page.state_message.text()
    languages.set_language("zh_CN")
    assert "登记" in page.revoke_message.text()
    assert page.issue_button.text() == "签发通行证"
    languages.set_language("en")
    assert page.issue_button.text() == "Issue the pass"


def test_gate_staff_cannot_open_passes_or_policy(kiosk: Kiosk, data_dir: Path) -> None:
    for action in (Action.PASSES, Action.POLICY, Action.POLICY_VIEW):
        assert not can(Role.GATE_STAFF, action)
    assert can(Role.INSPECTOR, Action.POLICY_VIEW) and not can(Role.INSPECTOR, Action.PASSES)
    assert not can(Role.INSPECTOR, Action.POLICY)
    k = kiosk
    console = sign_in(k)
    staff = Account("gate1", Role.GATE_STAFF, "门岗")
    k.window.account = staff  # what the console asks, should staff ever reach it
    console.set_account(staff)
    for name in ("passes", "policy"):
        assert not console.nav[name].isVisibleTo(console)
        assert not console.show_page(name)
    _fill(console.passes)
    assert console.passes.issue() is None and not console.passes.revoke()
    assert k.records(kind="pass_issued") == [] and k.records(kind="person") == []
    assert console.policy.choose_file(save=False) is None
    assert not (data_dir / "keys").exists()
    # and the window does not open the console for them at all
    k.window.account = None
    console.set_account(None)
    k.window.close_manager()
    k.window.enter_console(staff)
    assert not k.window.manager_open()


def test_the_workers_name_is_shown_as_typed(kiosk: Kiosk, data_dir: Path) -> None:
    """Issued, looked up, revoked: each line names the worker as typed ("<b>赵六</b>")."""
    console = sign_in(kiosk)
    assert console.show_page("passes")
    page = console.passes
    _fill(page, name="<b>赵六</b>")
    assert page.issue() is not None
    assert label_text(page.issue_result).startswith("Registered <b>赵六</b> and issued")
    page.state_id_edit.setText(resident_id(seq="301"))
    assert page.show_state() is not None
    assert label_text(page.state_result).startswith("<b>赵六</b> holds a pass")
    page.revoke_id_edit.setText(resident_id(seq="301"))
    assert page.revoke()
    assert label_text(page.revoke_result).startswith("<b>赵六</b>'s pass is revoked")
