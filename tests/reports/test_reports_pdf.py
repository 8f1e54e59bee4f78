"""PDF reports read back with pdftotext: Chinese text, page N of M, the head hash."""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))
from manager_support import DAY_LIST, NOW, TZ, build_simulated, copy_of
from services_support import open_gate, registration
from tamper import FORGED_ACCOUNT, raw

from gatekeeper.domain.vocab import Channel, QuarantineDecision, Reason
from gatekeeper.ledger import Ledger
from gatekeeper.reports.daily import write_daily_pdf
from gatekeeper.reports.inspection import write_inspection_pdf
from gatekeeper.services import accounts
from gatekeeper.services.exports import export_day, export_inspection_report
from gatekeeper.services.review import inspection_data

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def pdf_text(path: Path, page: int | None = None) -> str:
    args = ["pdftotext", "-layout"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout  # fmt: skip


def _signed_in(ledger: Ledger, role: str) -> accounts.Actor:
    """A site manager "boss" (the first start), or an inspector made by them; signed in."""
    if accounts.needs_first_manager(ledger):
        accounts.create_first_manager(ledger, username="boss", display_name="王经理",
                                      pin="246810", now=NOW)  # fmt: skip
    boss = accounts.sign_in(ledger, "boss", "246810", NOW).actor
    assert boss is not None
    if role == "site_manager":
        return boss
    accounts.create_account(ledger, username="li", role=role, display_name="李督导",
                            pin="135790", now=NOW, by=boss)  # fmt: skip
    signed = accounts.sign_in(ledger, "li", "135790", NOW).actor
    assert signed is not None
    return signed


@pytest.fixture(scope="module")
def simulated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_simulated(tmp_path_factory.mktemp("sim") / "sim.sqlite3")


def test_daily_pdf_chinese_pages_and_head(simulated: Path, tmp_path: Path) -> None:
    out = tmp_path / "day.pdf"
    with Ledger.open(copy_of(simulated, tmp_path)) as ledger:
        boss = _signed_in(ledger, "site_manager")
        head = ledger.head().hash
        result = export_day(ledger, DAY_LIST[1], "pdf", out, lang="zh_CN", full=False,
                            site="只有河南项目", now=NOW, tz=TZ, by=boss,
                            pdf_writer=write_daily_pdf)  # fmt: skip
        assert result.record.body["head"] == head and result.record.body["format"] == "pdf"
    text = pdf_text(out)
    assert "每日闸口健康信息台账" in text and "只有河南项目" in text and DAY_LIST[1] in text
    assert "身份证号已做脱敏处理" in text.replace("和手机号", "")
    pages = re.findall(r"第 (\d+) 页，共 (\d+) 页", text)
    total = int(pages[0][1])
    assert total >= 2, "a simulated day fills more than one page"
    assert [int(n) for n, _ in pages] == list(range(1, total + 1))
    assert {m for _, m in pages} == {str(total)}
    for page in range(1, total + 1):  # header row and head hash on every page
        page_text = pdf_text(out, page)
        assert "身份证号" in page_text and "门岗人员" in page_text
        assert head in page_text
    assert "放行" in text and "410" in text and "****" in text


def test_inspection_report_verdict_and_head(simulated: Path, tmp_path: Path) -> None:
    out = tmp_path / "inspection.pdf"
    path = copy_of(simulated, tmp_path)
    with Ledger.open(path) as ledger:
        data, _digest, record = export_inspection_report(
            ledger, date(2020, 3, 1), date(2020, 3, 4), out,
            lambda d, tmp: write_inspection_pdf(d, tmp, lang="en", site="Site A"),
            now=NOW, by=_signed_in(ledger, "inspector"),
        )  # fmt: skip
    assert record.body["head"] == data.head.hash == record.prev_hash
    assert record.body["by"] == "li" and record.body["what"] == "inspection"
    text = pdf_text(out)
    assert "Inspection report" in text and "2020-03-01 to 2020-03-04" in text
    assert "INTACT" in text and data.head.hash in text and "Page 1 of" in text
    assert "Quarantine cases opened" in text
    assert "Yellow code" in text or "Recent stay in a risk region" in text

    # A forged record: the report says so, in Chinese too.
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE records SET outcome = 'admitted' WHERE outcome = 'quarantined'")
    conn.commit()
    conn.close()
    with Ledger.open(path, readonly=True) as ledger:
        bad = inspection_data(ledger, date(2020, 3, 1), date(2020, 3, 4))
    zh = tmp_path / "zh.pdf"
    write_inspection_pdf(bad, zh, lang="zh_CN", site="工地")
    text = pdf_text(zh)
    assert "已被篡改" in text and "督导检查报告" in text and "第 1 页" in text


def test_inspection_report_names_a_value_from_the_file_as_it_stands(
    simulated: Path, tmp_path: Path
) -> None:
    """The verdict's problem names a value from the file (an account "{boss}" added by
    hand): the report is written and says it as it stands (the problem's text was filled
    again, and the report failed with KeyError)."""
    path = copy_of(simulated, tmp_path)
    conn = raw(path)
    conn.execute(FORGED_ACCOUNT)
    conn.close()
    with Ledger.open(path, readonly=True) as ledger:
        bad = inspection_data(ledger, date(2020, 3, 1), date(2020, 3, 4))
    assert not bad.verify.ok
    for lang, words in (("en", "account {boss}"), ("zh_CN", "账户 {boss}")):
        out = tmp_path / f"{lang}.pdf"
        write_inspection_pdf(bad, out, lang=lang, site="工地{A}")
        text = " ".join(pdf_text(out).split())
        assert words in text and "工地{A}" in text


def test_typed_values_with_braces_go_into_both_reports_as_typed(tmp_path: Path) -> None:
    """Names, a quarantine place and reason, and a site name with braces: the daily and
    the inspection PDF are written and show them as typed (a check: both fill only their
    own templates)."""
    gate = open_gate(tmp_path)
    finished = gate.service.finish(gate.admit(gate.service.start_first_time(Channel.WORKER),
                                              registration(name="张{三}")))  # fmt: skip
    assert finished.person_id is not None
    boss = gate.manager
    case = gate.service.start_quarantine(finished.person_id, Reason.RISK_REGION,
                                         place="{隔离室")  # fmt: skip
    gate.tick(60)
    gate.service.release_quarantine(case.id, QuarantineDecision.RELEASED, "{0} days", boss)
    inspector = _signed_in(gate.ledger, "inspector")
    day = gate.clock.now().date()
    daily = tmp_path / "day.pdf"
    export_day(gate.ledger, day.isoformat(), "pdf", daily, lang="en", full=True,
               site="Site {A}", now=gate.clock.now(), tz=TZ, by=inspector,
               pdf_writer=write_daily_pdf)  # fmt: skip
    text = pdf_text(daily)
    assert "张{三}" in text and "Site {A}" in text
    report = tmp_path / "inspection.pdf"
    data, _digest, _record = export_inspection_report(
        gate.ledger, day, day, report,
        lambda d, tmp: write_inspection_pdf(d, tmp, lang="zh_CN", site="工地{A}"),
        now=gate.clock.now(), by=inspector,
    )  # fmt: skip
    assert data.verify.ok and len(data.opened) == len(data.closed) == 1
    text = pdf_text(report)
    assert "工地{A}" in text and "张*" in text
