"""The notice as a PDF: no printer attached, off screen, Chinese text kept as text."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from gatekeeper.ui.widgets.notice_print import notice_html, notice_to_pdf, print_notice

TITLE = "进场告知书 / Site notice"
TEXT = (
    "一、进入工地须佩戴安全帽，服从门岗人员管理。\n"
    "二、每日早晚两次测温。\n\n"
    "Wear a hard hat on site and follow the gate staff's instructions.\n"
    "Temperature is checked every morning and evening."
)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def extract_text(path: Path) -> str | None:
    """The PDF's text through pdftotext (poppler-utils) or QtPdf; None if neither is here."""
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            check=True, capture_output=True, timeout=30,
        )  # fmt: skip
        return result.stdout.decode("utf-8")
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return None
    document = QPdfDocument()
    document.load(str(path))
    texts = [document.getAllText(i).text() for i in range(document.pageCount())]
    document.close()
    return "\n".join(texts)


def test_pdf_with_no_printer(qapp, tmp_path: Path) -> None:
    started = time.perf_counter()
    path = notice_to_pdf(TEXT, TITLE, tmp_path / "out" / "notice.pdf")
    elapsed = time.perf_counter() - started
    assert path == tmp_path / "out" / "notice.pdf"
    assert path.stat().st_mode & 0o777 == 0o600  # owner-only, as every file written
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 2000
    assert page_count(data) == 1
    # One page is quick enough for the UI thread (see the module docstring).
    assert elapsed < 2.0, elapsed
    text = extract_text(path)
    if text is None:
        pytest.skip("no PDF text extractor here (apt poppler-utils gives pdftotext)")
    flat = re.sub(r"\s+", "", text)
    assert "进场告知书" in flat
    assert "服从门岗人员管理" in flat
    assert "每日早晚两次测温" in flat
    assert "hardhat" in flat


def test_long_text_flows_onto_more_pages(qapp, tmp_path: Path) -> None:
    long_text = "\n\n".join(f"第{i}条：进入工地须佩戴安全帽。Rule {i}." for i in range(200))
    data = notice_to_pdf(long_text, TITLE, tmp_path / "long.pdf").read_bytes()
    assert page_count(data) >= 3


def test_print_notice_onto_a_given_printer(qapp, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "given.pdf"))
    print_notice(TEXT, TITLE, printer)
    assert (tmp_path / "given.pdf").read_bytes().startswith(b"%PDF")


def test_text_is_escaped_not_markup() -> None:
    html = notice_html("<b>bold?</b> & more", "A < B")
    assert "<b>" not in html
    assert "&lt;b&gt;" in html
    assert "A &lt; B" in html


def test_unwritable_path_is_an_error(qapp, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError):
        notice_to_pdf(TEXT, TITLE, blocker / "notice.pdf")
