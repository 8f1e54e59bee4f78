"""Smoke test of the packaged app, dist/gatekeeper/ (`make package`), run as a user would.

Skipped unless the build exists: building takes about a minute and CI does not. Each
command runs the frozen binary in a clean environment (its own data and config
folders, offscreen Qt), never the source tree's Python.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import cv2
import numpy as np
import pytest
import segno

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "dist" / "gatekeeper" / "gatekeeper"

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not APP.exists(), reason=f"no packaged app at {APP} (make package)"),
]

TROUBLE = ("Traceback", "Error calling Python", "could not load the Qt platform plugin",
           "ImportError", "ModuleNotFoundError")  # fmt: skip


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    base.update(
        QT_QPA_PLATFORM="offscreen",
        GATEKEEPER_DATA_DIR=str(tmp_path / "data"),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        LANG="C.UTF-8",
    )
    base.update(extra)
    return base


def app(tmp_path: Path, *args: object, timeout: float = 60, **extra: str):
    return subprocess.run(
        [str(APP), *map(str, args)], env=env(tmp_path, **extra), cwd=tmp_path,
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def test_version(tmp_path: Path) -> None:
    result = app(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "gatekeeper, version 0.1.0"


def test_decode_a_generated_qr(tmp_path: Path) -> None:
    png = tmp_path / "code.png"
    segno.make_qr("GateKeeper 打包测试 smoke").save(str(png), scale=8)
    result = app(tmp_path, "decode", png)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{png}: GateKeeper 打包测试 smoke\n"


def test_decode_uses_the_bundled_zbar(tmp_path: Path) -> None:
    """A still without a code runs the whole cascade, pyzbar included: the zbar loaded
    must be the app's own copy (pyi_rth_zbar.py), not the machine's."""
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((240, 320, 3), 200, np.uint8))
    result = app(tmp_path, "decode", blank, LD_DEBUG="files")
    assert result.returncode == 0 and result.stdout == f"{blank}: (no code)\n"
    loaded = [line for line in result.stderr.splitlines() if "file=" in line and "libzbar" in line]
    assert loaded, "zbar was never loaded"
    bundled = str(APP.parent / "_internal" / "libzbar.so")
    assert all(bundled in line for line in loaded), loaded


def test_issue_a_pass_and_read_the_badge_back(tmp_path: Path) -> None:
    """Badge drawn by Qt (offscreen, Chinese name), read back by the bundled decoder."""
    db, badge = tmp_path / "ledger.sqlite3", tmp_path / "badge.png"
    assert app(tmp_path, "simulate", "--db", db, "--days", "1", "--people", "1").returncode == 0
    pin = "246810\n"  # the first site manager's PIN twice, then it signs in for the pass
    made = subprocess.run(
        [str(APP), "account", "add", "--db", str(db), "--username", "boss", "--role",
         "site_manager", "--name", "王经理"], input=pin * 2, env=env(tmp_path), cwd=tmp_path,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    issued = subprocess.run(
        [str(APP), "pass", "issue", "--db", str(db), "--name", "张三", "--id-number",
         "11010519491231002X", "--phone", "13800138000", "-o", str(badge), "--as", "boss"],
        input=pin, env=env(tmp_path), cwd=tmp_path, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert issued.returncode == 0, issued.stderr
    payload = issued.stdout.strip()
    decoded = app(tmp_path, "decode", "--json", badge)
    assert json.loads(decoded.stdout)["texts"] == [payload]
    verified = app(tmp_path, "pass", "verify", "--db", db, "--image", badge)
    assert verified.returncode == 0 and verified.stdout.startswith("VALID: 张三"), verified.stderr


def test_gui_runs_offscreen_for_three_seconds(tmp_path: Path) -> None:
    """`gatekeeper gui --camera demo` starts (translations, sounds, demo video found) and
    is still running, without an error, 3 s later; then it is ended."""
    process = subprocess.Popen(
        [str(APP), "gui", "--db", str(tmp_path / "ledger.sqlite3"), "--camera", "demo",
         "--lang", "zh_CN"],
        env=env(tmp_path), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        time.sleep(3)
        assert process.poll() is None, process.communicate(timeout=5)
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=10)
    problems = [line for line in err.splitlines() if any(t in line for t in TROUBLE)]
    assert not problems, err


def test_the_packaged_app_syncs_with_a_real_hub(tmp_path: Path, hub_dsn: str) -> None:
    """psycopg's binary implementation (and its libpq) made it into the package."""
    from hub_support import make_hub

    make_hub(hub_dsn)
    db = tmp_path / "l.sqlite3"
    assert app(tmp_path, "simulate", "--db", db, "--days", "1", "--people", "10").returncode == 0
    added = app(tmp_path, "hub", "add-kiosk", "--hub", hub_dsn, "--db", db)
    assert added.returncode == 0, added.stderr
    synced = app(tmp_path, "sync", "--db", db, "--json")
    assert synced.returncode == 0, synced.stderr
    assert json.loads(synced.stdout)["pushed"] > 0
    verified = app(tmp_path, "verify", "--hub", hub_dsn)
    assert verified.returncode == 0 and not any(t in verified.stderr for t in TROUBLE)
