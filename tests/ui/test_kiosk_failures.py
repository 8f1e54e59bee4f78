"""A ledger that refuses a write, and an unexpected error, seen through the real window:
the page stays with what was typed, says what happened in the screen's language, and
pressing again carries on; an unexpected error is logged and shown in a dialog."""

from __future__ import annotations

import stat

import pytest
from kiosk_support import PERSON
from ledger_faults import EXPECTED, FAILURES, disk_full
from plain_support import label_text
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from gatekeeper.domain.vocab import Channel
from gatekeeper.ui.crash import CrashReporter, open_log
from gatekeeper.ui.flow import Page


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_a_refused_reading_stays_typed_and_retry_goes_on(kiosk, failure) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    page = kiosk.page(Page.TEMPERATURE)
    kiosk.type(page.reading_edit, "36.5")
    with FAILURES[failure](kiosk.ledger):
        kiosk.enter(page.reading_edit)
    assert kiosk.at() is Page.TEMPERATURE
    assert page.reading_edit.text() == "36.5"  # the input stays
    assert EXPECTED[failure][0] in page.error_text("")
    kiosk.enter(page.reading_edit)  # the cause is gone: the same press works
    assert kiosk.at() is Page.DISINFECTION


def test_the_message_follows_the_language(kiosk, languages) -> None:
    kiosk.channel(Channel.WORKER)
    kiosk.certificate()
    kiosk.temperature()
    kiosk.disinfection()
    page = kiosk.page(Page.REGISTRATION)
    kiosk.fill(page, PERSON)
    with disk_full(kiosk.ledger):
        kiosk.enter(page.edits["coming_from"])
    assert "disk holding the ledger" in page.error_text("")
    languages.set_language("zh_CN")
    assert "磁盘已满" in page.error_text("")
    assert page.edits["name"].text() == PERSON["name"]
    languages.set_language("en")
    kiosk.enter(page.edits["coming_from"])
    assert kiosk.at() is Page.QR_SCAN


def test_a_refused_channel_button_says_so_in_the_header(kiosk) -> None:
    with disk_full(kiosk.ledger):
        kiosk.channel(Channel.VISITOR)
    assert kiosk.at() is Page.START
    assert kiosk.window.notice.isVisible()
    assert "disk holding the ledger" in kiosk.window.notice.text_label.text()
    kiosk.channel(Channel.VISITOR)
    assert kiosk.at() is Page.CERTIFICATE


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_is_logged_shown_and_retry_works(kiosk, tmp_path,
                                                             monkeypatch) -> None:  # fmt: skip
    log_path = tmp_path / "logs" / "gatekeeper.log"
    stream = open_log(log_path)
    import logging

    handler = logging.StreamHandler(stream)
    logging.getLogger().addHandler(handler)
    reporter = CrashReporter(log_path)
    reporter.install()
    try:
        kiosk.channel(Channel.WORKER)
        page = kiosk.page(Page.CERTIFICATE)
        service = kiosk.session.service
        real = service.save_draft
        monkeypatch.setattr(service, "save_draft",
                            lambda work: (_ for _ in ()).throw(KeyError("a bug")))
        kiosk.type(page.number_edit, "HC-0042")
        kiosk.type(page.expires_edit, "2020-12-31")
        kiosk.enter(page.expires_edit)
        assert reporter.seen == 1
        assert kiosk.at() is Page.CERTIFICATE and page.number_edit.text() == "HC-0042"
        assert "Something went wrong" in page.error_text("")
        dialog = reporter.dialog
        assert isinstance(dialog, QMessageBox) and dialog.isVisible()
        assert str(log_path) in dialog.informativeText()
        handler.flush()
        logged = log_path.read_text(encoding="utf-8")
        assert "Traceback" in logged and "KeyError: 'a bug'" in logged
        assert stat.S_IMODE(log_path.stat().st_mode) == 0o600
        dialog.accept()
        QApplication.processEvents()
        monkeypatch.setattr(service, "save_draft", real)
        kiosk.enter(page.expires_edit)
        assert kiosk.at() is Page.TEMPERATURE
    finally:
        reporter.uninstall()
        logging.getLogger().removeHandler(handler)
        stream.close()


def test_the_error_dialog_names_the_log_file_as_it_is(qtbot, tmp_path) -> None:
    """The log's folder comes from the environment (GATEKEEPER_DATA_DIR): the dialog says
    its path as it is (its informative text took "<img …>" for markup, and opens links)."""
    log_path = tmp_path / "<img src='x'> &lt;" / "gatekeeper.log"
    reporter = CrashReporter(log_path)
    reporter.crashed.emit("KeyError: 'a bug'")
    dialog = reporter.dialog
    assert isinstance(dialog, QMessageBox)
    qtbot.addWidget(dialog)
    informative = dialog.findChild(QLabel, "qt_msgbox_informativelabel")
    assert label_text(informative) == f"The details are in the log file {log_path}."
    assert label_text(dialog.findChild(QLabel, "qt_msgbox_label")).startswith("GateKeeper hit")
    dialog.accept()
