"""`gatekeeper pass issue|verify|revoke` and `gatekeeper decode`, as scripts use them."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from cli_support import add_accounts, as_user, assert_user_error, one_line_error, run, run_exe

ID = "11010519491231002X"


@pytest.fixture(autouse=True)
def _own_data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("GATEKEEPER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def new_ledger(db: Path) -> Path:
    """An empty ledger with its accounts (boss, li, guard)."""
    from gatekeeper.ledger import Ledger

    Ledger.open(db, create=True).close()
    add_accounts(db)
    return db


def issue(db: Path, out: Path, *extra: object) -> str:
    if not db.exists():
        new_ledger(db)
    result = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "张三", "--id-number",
                     ID, "--phone", "13800138000", "--employer", "中建三局", "-o", out,
                     *extra)  # fmt: skip
    assert result.exit_code == 0, result.output
    return result.stdout.strip()


def test_issue_writes_badge_and_prints_payload(tmp_path: Path) -> None:
    db, badge = tmp_path / "l.sqlite3", tmp_path / "badge.png"
    payload = issue(db, badge, "--days", "30")
    assert payload.startswith("GKP2.") and payload.isascii() and "\n" not in payload
    assert badge.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    key = tmp_path / "data" / "keys" / "site-key.pem"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    # the badge's QR is the payload, read back by the same decoder the camera uses
    decoded = run("decode", "--json", badge)
    assert json.loads(decoded.stdout)["texts"] == [payload]


def test_verify_payload_and_image_then_revoke(tmp_path: Path) -> None:
    db, badge = tmp_path / "l.sqlite3", tmp_path / "badge.png"
    payload = issue(db, badge)
    ok = run("pass", "verify", "--db", db, "--payload", payload)
    assert ok.exit_code == 0 and ok.stdout.startswith("VALID: 张三")
    assert run("pass", "verify", "--db", db, "--image", badge).exit_code == 0
    altered = payload[:-5] + ("A" if payload[-5] != "A" else "B") + payload[-4:]
    bad = run("pass", "verify", "--db", db, "--payload", altered)
    assert "altered or forged" in one_line_error(bad.stderr) and bad.exit_code == 1
    revoke = as_user(db, "boss", "pass", "revoke", "--db", db, "--id-number", ID)
    assert revoke.exit_code == 0 and revoke.stdout.startswith("Revoked: 张三")
    revoked = run("pass", "verify", "--db", db, "--payload", payload)
    assert_user_error(revoked.stderr, revoked.stdout, code=1, exit_code=revoked.exit_code)
    assert "revoked" in revoked.stderr


def test_verify_in_chinese(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite3"
    issue(db, tmp_path / "b.png")
    result = run("pass", "verify", "--db", db, "--payload", "not a pass",
                 env={"LANG": "zh_CN.UTF-8"})  # fmt: skip
    assert result.exit_code == 1 and "人工核验" in one_line_error(result.stderr)


def test_usage_errors(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite3"
    issue(db, tmp_path / "b.png")
    both = run("pass", "verify", "--db", db)
    assert both.exit_code == 2 and one_line_error(both.stderr)
    missing = as_user(db, "boss", "pass", "revoke", "--db", tmp_path / "none.sqlite3",
                      "--id-number", ID)  # fmt: skip
    assert missing.exit_code == 2 and not (tmp_path / "none.sqlite3").exists()
    unknown = as_user(db, "boss", "pass", "revoke", "--db", db, "--id-number", "G12345678")
    assert unknown.exit_code == 1 and "registered" in one_line_error(unknown.stderr)
    new_without_phone = as_user(db, "boss", "pass", "issue", "--db", db, "--name", "李四",
                                "--id-number", "G12345678", "-o", tmp_path / "c.png")  # fmt: skip
    assert new_without_phone.exit_code == 1 and one_line_error(new_without_phone.stderr)


def test_decode_json_per_file_and_unreadable(tmp_path: Path) -> None:
    import cv2
    import numpy as np

    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((100, 100), 255, np.uint8))
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not an image")
    badge = tmp_path / "badge.png"
    payload = issue(tmp_path / "l.sqlite3", badge)
    result = run("decode", "--json", badge, blank, junk)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(badge), str(blank), str(junk)]
    assert rows[0]["texts"] == [payload] and rows[0]["ms"] >= 0
    assert rows[1]["texts"] == [] and "error" not in rows[1]
    assert "error" in rows[2]
    assert result.exit_code == 1  # an unreadable file; nothing found alone is exit 0
    assert run("decode", blank).exit_code == 0


def test_decode_end_to_end_keeps_crlf(tmp_path: Path) -> None:
    import segno

    image = tmp_path / "crlf.png"
    segno.make_qr("健康码\r\n绿码").save(str(image), scale=6)
    done = run_exe("decode", "--json", image)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["texts"] == ["健康码\r\n绿码"]
