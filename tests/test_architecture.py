"""The layering in docs/architecture.md, checked: import-linter's contracts, no Qt below ui,
and no ui code reaching through to a ledger."""

from __future__ import annotations

import ast
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


UI = ROOT / "gatekeeper" / "ui"


def ledger_reaches(source: str) -> list[tuple[int, str]]:
    """Where a module's code reaches a ledger: an attribute `.ledger` (a service's own
    ledger, `gatekeeper.ledger`), `getattr(x, "ledger")` and its kin, and the module
    named in a string (`importlib.import_module("gatekeeper.ledger")`). Docstrings and
    comments, and names such as `ledger_path`, are not reaches."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr == "ledger":
            found.append((node.lineno, f".{node.attr}"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and node.args[1].value == "ledger"
        ):
            found.append((node.lineno, f'{node.func.id}(…, "ledger")'))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and (node.value == "gatekeeper.ledger" or node.value.startswith("gatekeeper.ledger."))
        ):
            found.append((node.lineno, repr(node.value)))
    return found


def test_no_ui_module_reaches_through_to_a_ledger() -> None:
    """The import contract sees imports only: a widget that takes `service.ledger` and
    passes it on imports nothing. Services hold the ledger; the ui asks them."""
    reaches = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sorted(UI.rglob("*.py"))
        for line, what in ledger_reaches(path.read_text(encoding="utf-8"))
    ]
    assert reaches == [], "ui code reaching a ledger:\n" + "\n".join(reaches)


def test_the_reach_check_sees_what_it_claims() -> None:
    caught = ledger_reaches(
        "site.load(service.ledger, policy)\n"
        "x = getattr(page.service, 'ledger')\n"
        "importlib.import_module('gatekeeper.ledger.store')\n"
    )
    assert sorted(line for line, _ in caught) == [1, 2, 3]
    assert ledger_reaches('"""The ledger."""\npath = service.ledger_path  # the ledger\n') == []
