"""The export dialog: a day's ledger written off the UI thread, read back, and recorded."""

from __future__ import annotations

import csv
from pathlib import Path

from console_support import admit, sign_in
from kiosk_support import Kiosk
from plain_support import label_text

from gatekeeper.ui.manager.export_dialog import INSPECTION


def run(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.export_button.clicked, timeout=1000):
        dialog.export_button.click()
    assert dialog.job is not None
    qtbot.waitUntil(lambda: (not dialog.busy() and dialog.result is not None)
                    or "failed" in dialog.message() or "Cannot" in dialog.message(),
                    timeout=20_000)  # fmt: skip
    assert dialog.job.wait(5000) and not dialog.job.isRunning()


def test_daily_csv_export_reads_back_and_is_recorded(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    k = kiosk
    admit(k.session.service, "201", "张三明")
    admit(k.session.service, "202", "李四")
    console = sign_in(k)
    dialog = console.open_export()
    assert dialog is not None and not dialog.full_check.isVisibleTo(dialog)  # managers: masked
    dialog.set_format("csv")
    out = tmp_path / "out" / "day.csv"
    dialog.set_path(out)
    run(qtbot, dialog)
    assert "Exported 2 screenings" in dialog.message()
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] in ("Time", "时间") and len(rows) == 3
    names = {r[2] for r in rows[1:]}
    assert all("*" in n for n in names)  # masked
    (record,) = k.records(kind="export")
    assert record.body["what"] == "daily" and record.body["format"] == "csv"
    assert record.body["rows"] == 2 and record.body["by"] == "manager"
    assert record.body["file"] == "day.csv"
    dialog.reject()


def test_inspection_report_from_the_dialog(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    k = kiosk
    admit(k.session.service, "201", "张三明")
    console = sign_in(k, "inspector", role="inspector")
    dialog = console.open_export(INSPECTION)
    assert dialog.kind() == INSPECTION and dialog.fmt() == "pdf"
    out = tmp_path / "report.pdf"
    dialog.set_path(out)
    run(qtbot, dialog)
    assert "Inspection report written" in dialog.message() and "intact" in dialog.message()
    assert out.read_bytes().startswith(b"%PDF")
    (record,) = k.records(kind="export")
    assert record.body["what"] == "inspection" and record.body["by"] == "inspector"
    dialog.reject()


def test_export_error_is_shown(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    k = kiosk
    console = sign_in(k)
    dialog = console.open_export()
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    dialog.set_format("csv")
    dialog.set_path(blocker / "day.csv")  # a folder that is a file
    run(qtbot, dialog)
    assert "Nothing was written" in dialog.message()
    assert k.records(kind="export") == []
    dialog.reject()


def test_file_dialog_is_qt_own(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    console = sign_in(kiosk)
    dialog = console.open_export()
    dialog.browse()
    files = dialog.file_dialog
    assert files is not None and files.testOption(files.Option.DontUseNativeDialog)
    files.selectFile(str(tmp_path / "chosen.csv"))
    files.accept()
    assert dialog.path_edit.text().endswith("chosen.csv")
    dialog.reject()


def test_the_file_written_is_named_as_it_is(qtbot, kiosk: Kiosk, tmp_path: Path) -> None:
    console = sign_in(kiosk)
    dialog = console.open_export()
    assert dialog is not None
    dialog.set_format("csv")
    out = tmp_path / "<img src='x'>" / "day.csv"
    dialog.set_path(out)
    run(qtbot, dialog)
    assert label_text(dialog.result_label).startswith(f"Exported 0 screenings to {out}\n")
    dialog.reject()
