"""`gatekeeper gui` starts off screen without crashing, and refuses an unusable --db cleanly."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from cli_support import EXE, assert_user_error, lang_env, one_line_error

STARTUP_SECONDS = 4.0


def gui_env() -> dict[str, str]:
    env = dict(os.environ)
    for key, value in lang_env().items():
        env.pop(key, None) if value is None else env.__setitem__(key, value)
    env["QT_QPA_PLATFORM"] = "offscreen"  # the tests' setting: draw off screen
    return env


def test_gui_starts_and_creates_the_ledger(tmp_path: Path) -> None:
    db = tmp_path / "kiosk.sqlite3"
    proc = subprocess.Popen(
        [str(EXE), "gui", "--db", str(db), "--lang", "en"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=gui_env(),
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        running = proc.poll() is None
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert running, f"gui exited early with {proc.returncode}: {err}"
    assert "Traceback" not in err, err
    assert db.is_file(), "the gui creates its ledger"
    assert proc.returncode is not None, "the gui exits when terminated"


def test_gui_with_a_db_in_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(EXE), "gui", "--db", "/nonexistent-dir/x.sqlite3", "--lang", "en"],
        capture_output=True,
        text=True,
        env=gui_env(),
        timeout=30,
        check=False,
    )
    assert_user_error(done.stderr, done.stdout, code=None, exit_code=done.returncode)
    assert "/nonexistent-dir" in one_line_error(done.stderr)
    assert not Path("/nonexistent-dir").exists()
