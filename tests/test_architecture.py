"""The layering in docs/architecture.md, checked: import-linter's contracts, and no Qt below ui."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"lint-imports failed:\n{result.stdout}\n{result.stderr}"


def test_the_layers_below_the_gui_do_not_load_qt() -> None:
    """Import them in a fresh interpreter: nothing may pull PySide6 in, even indirectly."""
    code = (
        "import sys\n"
        "import gatekeeper.domain, gatekeeper.ledger, gatekeeper.services\n"
        "import pkgutil, importlib\n"
        "for pkg in (gatekeeper.domain, gatekeeper.ledger, gatekeeper.services):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt loaded by: {result.stdout.strip()}"
