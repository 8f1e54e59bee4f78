"""The scanner wired into the kiosk: the camera on the QR step (a generated video through
the real cv2.VideoCapture), typed codes, USB scanner bursts, site passes (valid, forged,
no key), and people's typing left alone. The ledger says what happened."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from console_support import add_account, manager_actor, manager_check
from kiosk_support import GREEN_CODE, PERSON, START, Kiosk
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scanner"))
from scanner_support import place, qr_image, scene, write_video

from gatekeeper.domain.vocab import Channel, Outcome, Reason
from gatekeeper.scanner.camera import CameraState
from gatekeeper.scanner.keys import SiteKey
from gatekeeper.services.clock import SteppingClock
from gatekeeper.services.passes import PassService
from gatekeeper.ui.camera_view import CameraView
from gatekeeper.ui.flow import Page

HEALTH_GREEN = "健康码 colour=green until=2020-03-31 张伟 410122198506121237"


@pytest.fixture
def site_key() -> SiteKey:
    return SiteKey.generate("site-a")


@pytest.fixture
def make_kiosk(qtbot, languages, tmp_path: Path, site_key: SiteKey) -> Iterator[Callable]:
    """A kiosk with the USB scanner filter (driven clock) and the site key."""
    made: list[Kiosk] = []

    def make(**kwargs) -> Kiosk:
        kwargs.setdefault("site_key", site_key)
        kiosk = Kiosk(qtbot, languages, tmp_path / "gate.db", SteppingClock(START),
                      usb_scanner=True, **kwargs)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.close()


def to_qr_step(k: Kiosk, channel: Channel = Channel.WORKER) -> None:
    k.channel(channel)
    k.certificate()
    k.temperature()
    k.disinfection()
    k.registration()
    assert k.at() is Page.QR_SCAN


def finish_first_time(k: Kiosk) -> None:
    """From the QR step's remaining scans to the outcome."""
    page = k.page(Page.QR_SCAN)
    while k.at() is Page.QR_SCAN:
        k.scans(1)
        assert page.error_text("") == ""
    k.pledge()
    k.notice()
    assert k.at() is Page.OUTCOME


def code_video(path: Path, text: str) -> Path:
    """A code held up to the camera: empty frames, then the code moving a little."""
    background = scene(640, 360, seed=3)
    code = qr_image(text, scale=4)
    frames = [background] * 3 + [place(background, code, 120 + i * 6, 70) for i in range(20)]
    return write_video(path, frames)


# --- the camera ---------------------------------------------------------------------------


def test_camera_reads_a_green_health_code_on_the_qr_step(make_kiosk, tmp_path: Path) -> None:
    camera = CameraView(str(code_video(tmp_path / "gate.avi", HEALTH_GREEN)), realtime=False)
    k = make_kiosk(camera=camera)
    qr = k.page(Page.QR_SCAN)
    assert camera.thread_ is None  # not running on the start screen
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    k.disinfection()
    assert camera.thread_ is None
    k.registration()
    assert k.at() is Page.QR_SCAN
    assert qr.camera_widget is camera and camera.isVisible()
    assert not camera.typed.isVisible()  # the page's own field takes typing

    def health_code_read() -> bool:
        return k.flow.screening.scans.get("health_code", {}).get("status") == "ok"

    k.qtbot.waitUntil(health_code_read, timeout=15_000)  # decoded off the UI thread
    assert camera.frames_shown > 0
    assert "Health code: Green code." in qr.read_label.text()
    assert qr.current() == "itinerary_code"
    finish_first_time(k)  # itinerary typed, site pass by staff's Enter
    assert camera.thread_ is None  # left the QR step: stopped, thread joined
    assert camera.state is CameraState.STOPPED

    [passage] = k.passages()
    assert (passage.outcome, passage.reason) == (Outcome.ADMITTED, Reason.CLEARED)
    scans = passage.body["scans"]
    assert scans["health_code"]["status"] == "ok"
    assert scans["health_code"]["detail"] == "scanned; green; until 2020-03-31"
    assert scans["itinerary_code"]["detail"] == "scanned; green"
    assert scans["site_pass"]["detail"] == "read by staff"
    # what the code said is kept, never its text (names and ID numbers)
    assert not any("张伟" in str(r.body) or "colour=" in str(r.body) for r in k.records())


def test_the_camera_stops_when_the_window_closes(make_kiosk, tmp_path: Path) -> None:
    camera = CameraView(str(tmp_path / "absent.avi"), realtime=False)
    k = make_kiosk(camera=camera)
    to_qr_step(k)
    k.qtbot.waitUntil(lambda: camera.state is CameraState.MISSING, timeout=5000)
    assert camera.isVisible() and "No camera found" in camera.message.text()
    k.close()
    assert camera.thread_ is None


def test_without_a_camera_the_qr_step_says_so_and_works(make_kiosk) -> None:
    k = make_kiosk()
    to_qr_step(k)
    qr = k.page(Page.QR_SCAN)
    assert qr.camera_widget is None
    assert qr.camera_slot.hint.isVisible()
    assert "No camera connected" in qr.camera_slot.hint.text()
    finish_first_time(k)


# --- typed codes and the manual path ------------------------------------------------------


def test_a_yellow_code_typed_and_entered_quarantines(make_kiosk) -> None:
    k = make_kiosk()
    to_qr_step(k)
    qr = k.page(Page.QR_SCAN)
    k.type(qr.text_edit, "status=yellow")  # at a person's speed: stays typing
    assert qr.confirm_button.text() == "Check the code"
    k.enter(qr.text_edit)
    assert k.at() is Page.OUTCOME and k.page().property("outcome") == "quarantined"
    [passage] = k.passages()
    assert (passage.outcome, passage.reason) == (Outcome.QUARANTINED, Reason.YELLOW_CODE)
    assert passage.body["scans"]["health_code"] == {
        **passage.body["scans"]["health_code"], "status": "yellow", "detail": "scanned; yellow"}


def test_an_unknown_code_asks_for_a_rescan_or_a_manager(make_kiosk) -> None:
    k = make_kiosk()
    to_qr_step(k)
    qr = k.page(Page.QR_SCAN)
    k.usb_scan("https://example.com/not-a-health-code")
    assert k.at() is Page.QR_SCAN
    assert "not a health code this site knows" in qr.read_label.text()
    assert qr.manual_button.isVisible()
    assert manager_check(k) == ""  # a site manager signed in and checked it
    assert qr.current() == "itinerary_code"


def test_the_manual_check_needs_a_site_managers_sign_in(make_kiosk) -> None:
    k = make_kiosk()
    to_qr_step(k)
    qr = k.page(Page.QR_SCAN)
    k.usb_scan("https://example.com/not-a-health-code")
    assert qr.manual_button.isVisible()
    add_account(k.ledger, "guard", "gate_staff", "4321")
    sign_ins = k.ledger.count(kind="sign_in")
    # Gate staff cannot decide it: the dialog says who may, and stays up.
    message = manager_check(k, "guard", pin="4321", role="gate_staff")
    assert "only a site manager may" in message
    assert k.window.sign_in_dialog is not None
    k.window.sign_in_dialog.reject()  # cancelled: nothing decided
    assert k.window.sign_in_dialog is None
    assert k.flow.screening.scans["health_code"]["status"] == "unreadable"
    assert qr.current() == "health_code" and qr.manual_button.isVisible()
    assert k.ledger.count(kind="sign_in") == sign_ins + 1  # the attempt is recorded
    # A wrong PIN decides nothing either.
    add_account(k.ledger, "li.manager", "site_manager")
    assert manager_check(k, "li.manager", pin="000000") != ""
    k.window.sign_in_dialog.reject()
    assert k.flow.screening.scans["health_code"]["by"] is None
    assert manager_check(k, "li.manager") == ""  # decided, under the manager's name
    assert k.flow.screening.scans["health_code"]["by"] == "li.manager"
    assert qr.current() == "itinerary_code"


def test_colour_buttons_stay_the_manual_path(make_kiosk) -> None:
    k = make_kiosk()
    to_qr_step(k)
    qr = k.page(Page.QR_SCAN)
    k.click(qr.status_buttons["red"])  # a phone screen the camera could not read
    [passage] = k.passages()
    assert passage.reason == Reason.RED_CODE
    assert passage.body["scans"]["health_code"]["detail"] == "read by staff"


def test_a_site_pass_scanned_on_the_qr_step_is_verified(make_kiosk, site_key) -> None:
    k = make_kiosk()
    passes = PassService(k.session.service, site_key)
    boss = manager_actor(k.ledger)
    mine = passes.issue(name=PERSON["name"], id_number=PERSON["id_number"],
                        phone=PERSON["phone"], by=boss).site_pass.payload
    other = passes.issue(name="李四", id_number="G12345678",
                         phone="13900139000", by=boss).site_pass.payload
    to_qr_step(k)
    qr = k.page(Page.QR_SCAN)
    k.usb_scan(other)  # a pass while the health code was next: still the site pass scan
    assert "issued to someone else" in qr.read_label.text()
    assert k.flow.screening.scans["site_pass"]["status"] == "unreadable"
    k.usb_scan(mine)
    assert "Site pass valid until" in qr.read_label.text()
    assert k.flow.screening.scans["site_pass"]["status"] == "ok"
    finish_first_time(k)
    [passage] = k.passages()
    assert passage.body["scans"]["site_pass"]["detail"].startswith("scanned; until ")


# --- USB scanner bursts and site passes ---------------------------------------------------


def issue_pass_after_first_visit(k: Kiosk, site_key: SiteKey) -> str:
    """A worker screened once (pledges signed), then given a pass; back at the start."""
    to_qr_step(k)
    finish_first_time(k)
    payload = PassService(k.session.service, site_key).issue(
        name=PERSON["name"], id_number=PERSON["id_number"],
        by=manager_actor(k.ledger)).site_pass.payload  # known
    k.flow.outcome_timer.timeout.emit()
    assert k.at() is Page.START
    k.clock.advance(hours=9)
    return payload


def test_a_pass_scanned_on_the_start_screen_is_the_fast_returning_path(
    make_kiosk, site_key
) -> None:
    k = make_kiosk()
    payload = issue_pass_after_first_visit(k, site_key)
    [first] = k.passages()
    k.actions = 0

    k.usb_scan(payload)  # the worker holds the badge to the hand scanner
    assert k.at() is Page.TEMPERATURE
    assert k.page(Page.TEMPERATURE).indicator.states() == [
        "done", "current", "remaining", "remaining"]
    k.temperature("36.4")
    k.disinfection()

    assert k.at() is Page.OUTCOME
    assert k.page().property("outcome") == "admitted"
    assert k.actions == 2  # target: <= 4 plus the temperature
    passage = k.passages()[-1]
    assert (passage.reason, passage.person_id) == (Reason.RETURNING_CLEARED, first.person_id)
    assert passage.body["path"] == "returning"


def forge(payload: str) -> str:
    """One character of the person id changed: the signature no longer matches."""
    head, sig = payload.rsplit(".", 1)
    fields = head.split(".")
    fields[3] = fields[3][:-1] + ("a" if fields[3][-1] != "a" else "b")
    return ".".join(fields) + "." + sig


@pytest.mark.parametrize("how", ["usb_on_start", "typed_on_pass_page"])
def test_a_forged_pass_is_refused_with_the_reason_and_goes_first_time(
    make_kiosk, site_key, how: str
) -> None:
    k = make_kiosk()
    payload = issue_pass_after_first_visit(k, site_key)
    forged = forge(payload)
    assert forged != payload and len(forged) == len(payload)
    if how == "usb_on_start":
        k.usb_scan(forged)
    else:
        k.click(k.window.start_screen.returning_button)
        page = k.page(Page.PASS_SCAN)
        k.type(page.pass_edit, forged)
        k.enter(page.pass_edit)
    assert k.at() is Page.CERTIFICATE  # the domain's redirect: the first-time path
    info = k.page(Page.CERTIFICATE).info_label
    assert info.isVisible()
    assert "signature does not match" in info.text()
    assert "first-time path" in info.text()
    k.key(Qt.Key.Key_Escape)  # the person leaves: recorded
    k.answer(True)
    passage = k.passages()[-1]
    assert passage.body["redirected_because"] == "pass_invalid"
    assert passage.person_id is None  # a forged pass names nobody


def test_the_reason_follows_the_language(make_kiosk, site_key, languages) -> None:
    k = make_kiosk()
    payload = issue_pass_after_first_visit(k, site_key)
    k.usb_scan(forge(payload))
    assert languages.set_language("zh_CN")
    assert "通行证签名不符" in k.page(Page.CERTIFICATE).info_label.text()


def test_a_revoked_pass_says_so(make_kiosk, site_key) -> None:
    k = make_kiosk()
    payload = issue_pass_after_first_visit(k, site_key)
    PassService(k.session.service, site_key).revoke(
        PERSON["id_number"], by=manager_actor(k.ledger))
    k.usb_scan(payload)
    assert k.at() is Page.CERTIFICATE
    assert "revoked" in k.page(Page.CERTIFICATE).info_label.text()


def test_without_the_site_key_the_pass_page_says_so_and_id_lookup_works(
    make_kiosk, site_key
) -> None:
    k = make_kiosk(site_key=None)
    payload = issue_pass_after_first_visit(k, site_key)
    k.usb_scan(payload)
    assert k.at() is Page.PASS_SCAN
    page = k.page(Page.PASS_SCAN)
    assert page.key_label.isVisible() and "no site key" in page.key_label.text()
    assert "cannot be verified" in page.error_text("person_id")
    assert page.pass_edit.text() == ""  # the burst was not typed into the field
    k.type(page.pass_edit, PERSON["id_number"])
    k.enter(page.pass_edit)
    assert k.at() is Page.TEMPERATURE  # found by ID number: the returning path


def test_a_burst_where_no_scan_belongs_is_ignored_with_a_notice(make_kiosk) -> None:
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    page = k.page(Page.DISINFECTION)
    assert page.focusWidget() is page.confirm_button  # no text field takes it here
    k.usb_scan("status=green")
    assert k.at() is Page.DISINFECTION  # its Enter did not confirm the page
    assert k.window.notice.isVisible()
    assert "does not take one" in k.window.notice.text_label.text()


def test_a_health_code_on_the_start_screen_is_not_a_pass(make_kiosk) -> None:
    k = make_kiosk()
    k.usb_scan(GREEN_CODE, k.window.start_screen)
    assert k.at() is Page.START
    assert "Only a site pass" in k.window.notice.text_label.text()


def test_a_usb_thermometer_enters_the_reading(make_kiosk) -> None:
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.certificate()
    k.usb_scan("36.6")
    assert k.at() is Page.DISINFECTION


def test_people_typing_in_the_registration_form_stay_typing(make_kiosk) -> None:
    k = make_kiosk()
    k.channel(Channel.WORKER)
    k.certificate()
    k.temperature()
    k.disinfection()
    page = k.page(Page.REGISTRATION)
    scans: list[str] = []
    k.burst.scanned.connect(scans.append)
    k.type(page.edits["name"], "Zhang Wei")  # ~150 ms a key
    k.type(page.edits["phone"], "13800138000")
    assert page.edits["name"].text() == "Zhang Wei"
    k.qtbot.waitUntil(lambda: page.edits["phone"].text() == "13800138000", timeout=2000)
    assert scans == [] and not k.window.notice.isVisible()
    assert k.at() is Page.REGISTRATION


# --- run_gui ------------------------------------------------------------------------------


def test_run_gui_wires_the_camera_the_usb_scanner_and_the_site_key(qapp, tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gatekeeper.domain.policy import Policy
    from gatekeeper.scanner import keys
    from gatekeeper.services.session import open_session
    from gatekeeper.ui.app import run_gui
    from gatekeeper.ui.main_window import MainWindow

    key_dir = tmp_path / "keys"
    keys.save(SiteKey.generate("site-a"), key_dir)
    seen: dict = {}

    def inspect() -> None:
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and w.isVisible())
        seen["camera"] = window.camera
        seen["site"] = window.flow.passes.key.site_id if window.flow.passes else None
        window.start_screen.channel_buttons[Channel.WORKER].setFocus()
        for ch in "status=green\r":  # a USB scanner on the start screen: not a pass
            qapp.sendEvent(window.start_screen, _key(ch))
        seen["notice"] = window.notice.text_label.text()
        qapp.exit(0)

    with open_session(tmp_path / "gate.db", Policy()) as session:
        QTimer.singleShot(0, inspect)
        code = run_gui(session.ledger_path, lang="en", session=session,
                       camera=str(tmp_path / "no-camera.avi"), key_dir=key_dir)
    assert code == 0
    assert isinstance(seen["camera"], CameraView) and seen["camera"].thread_ is None
    assert seen["site"] == "site-a"
    assert "Only a site pass" in seen["notice"]  # the filter took the burst


def _key(ch: str):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    key = Qt.Key.Key_Return if ch == "\r" else Qt.Key(0)
    return QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, ch)


def test_the_kiosk_never_creates_a_site_key(tmp_path: Path) -> None:
    from gatekeeper.ui.app import load_site_key

    assert load_site_key(tmp_path / "keys") is None
    assert not (tmp_path / "keys").exists()
