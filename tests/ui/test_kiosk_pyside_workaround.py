"""PySide6 6.12.0 drops a reference to True on every Signal.emit() and to None on every
void method call; the ui package compensates (gatekeeper.ui.pyside_workaround).
Checked in a fresh interpreter."""

from __future__ import annotations

import os
import subprocess
import sys

EMITS = 5000  # far more than True's reference count at start-up on CPython 3.11
CALLS = 200_000  # far more than None's

CODE = f"""
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel
if sys.argv[1] == "fixed":
    import gatekeeper.ui  # noqa: F401  (applies the workaround)
app = QApplication([])
label = QLabel()
for _ in range({CALLS}):
    label.setText("x")
class O(QObject):
    s = Signal()
o = O()
for _ in range({EMITS}):
    o.s.emit()
print("survived")
"""


def run(mode: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-c", CODE, mode], capture_output=True, text=True,
                          timeout=60, env=env)


def test_thousands_of_emits_survive_with_the_workaround() -> None:
    done = run("fixed")
    assert done.returncode == 0, done.stderr
    assert "survived" in done.stdout
